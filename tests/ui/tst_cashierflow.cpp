// Drives the real QML windows (offscreen) the way a cashier does: key events only.
#include "ledger/catalogstore.h"
#include "scanner/keyboardwedge.h"
#include "services/checkoutservice.h"
#include "ui/cashiercontroller.h"
#include "ui/customerdisplay.h"
#include "ui/till.h"

#include <QQuickItem>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace smartpos;

namespace {
const QString cola500 = QStringLiteral("6928804608014");   // ¥3.50
const QString cola125 = QStringLiteral("6928804969696");   // ¥5.50
const QString seeds = QStringLiteral("6916507902805");     // ¥7.50
const QString bananaLabel = QStringLiteral("2210001004565"); // PLU 10001, 456 g at ¥11.96/kg

QString textOf(QQuickWindow *window, const char *objectName)
{
    auto *item = window->findChild<QQuickItem *>(QLatin1String(objectName));
    return item ? item->property("text").toString() : QStringLiteral("<no %1>").arg(QLatin1String(objectName));
}

bool isVisible(QQuickWindow *window, const char *objectName)
{
    auto *item = window->findChild<QQuickItem *>(QLatin1String(objectName));
    return item && item->isVisible();
}
} // namespace

class TestCashierFlow : public QObject {
    Q_OBJECT

    QTemporaryDir dir;
    std::unique_ptr<Till> till;

    QQuickWindow *cashierWindow() const { return till->cashierWindow(); }

    // A keyboard-wedge scanner: the whole code in one burst, then Enter.
    void wedgeScan(const QString &code)
    {
        for (const QChar c : code)
            QTest::keyClick(cashierWindow(), c.toLatin1());
        QTest::keyClick(cashierWindow(), Qt::Key_Return);
    }

    void screenshot(const QString &name)
    {
        const QString shots = qEnvironmentVariable("SMARTPOS_SCREENSHOT_DIR");
        if (shots.isEmpty())
            return;
        QDir().mkpath(shots);
        cashierWindow()->grabWindow().save(shots + QStringLiteral("/cashier-") + name + QStringLiteral(".png"));
        till->customerWindow()->grabWindow().save(shots + QStringLiteral("/customer-") + name
                                                  + QStringLiteral(".png"));
    }

    qint64 ledgerCount(const char *table)
    {
        QSqlQuery q(till->data().ledger.database().connection());
        q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
        return q.next() ? q.value(0).toLongLong() : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        CatalogStore catalog;
        QString error;
        QVERIFY2(catalog.open(dir.path(), &error), qPrintable(error));
        QVERIFY(catalog.importCsv(QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-catalog.csv")).ok);
    }

    void init()
    {
        till = std::make_unique<Till>();
        QString error;
        QVERIFY2(till->start({dir.path(), QStringLiteral("en"), false}, &error), qPrintable(error));
        QVERIFY(QTest::qWaitForWindowExposed(cashierWindow()));
        QVERIFY(QTest::qWaitForWindowExposed(till->customerWindow()));
        cashierWindow()->requestActivate();
        QTRY_VERIFY(cashierWindow()->activeFocusItem());
    }

    void cleanup() { till.reset(); }

    void wholeCashSale()
    {
        const qint64 salesBefore = ledgerCount("sales");
        QVERIFY(isVisible(till->customerWindow(), "attract"));

        wedgeScan(cola500);
        wedgeScan(cola125);
        wedgeScan(seeds);
        wedgeScan(cola500); // same product again: its line goes to 2
        QCOMPARE(till->checkout()->cart().lines().size(), 3);
        QCOMPARE(till->checkout()->cart().lines().first().quantity, 2);
        QCOMPARE(textOf(cashierWindow(), "cashierTotal"), QStringLiteral("¥20.00"));
        QCOMPARE(textOf(till->customerWindow(), "customerTotal"), QStringLiteral("¥20.00"));
        QVERIFY(!isVisible(till->customerWindow(), "attract"));
        QCOMPARE(till->customer()->state(), CustomerDisplay::State::Cart);
        // Nothing the scanner typed ended up in the scan field.
        QCOMPARE(textOf(cashierWindow(), "scanField"), QString());
        screenshot(QStringLiteral("cart"));

        QTest::keyClick(cashierWindow(), Qt::Key_F12);
        QVERIFY(till->cashier()->paymentOpen());
        QCOMPARE(till->customer()->state(), CustomerDisplay::State::Payment);
        QTRY_VERIFY(isVisible(cashierWindow(), "amountField"));
        // The cashier types ¥100 by hand, slower than a scanner, and presses Enter.
        for (const char digit : {'1', '0', '0'}) {
            QTest::keyClick(cashierWindow(), digit);
            QTest::qWait(till->wedge()->maxGapMs() + 30);
        }
        QTRY_COMPARE(textOf(cashierWindow(), "amountField"), QStringLiteral("100"));
        QTest::keyClick(cashierWindow(), Qt::Key_Return);

        QVERIFY2(till->cashier()->showingPaid(), qPrintable(till->cashier()->message()));
        QCOMPARE(textOf(cashierWindow(), "cashierChange"), QStringLiteral("Change ¥80.00"));
        QCOMPARE(textOf(till->customerWindow(), "customerChange"),
                 QStringLiteral("Your change ¥80.00"));
        QCOMPARE(till->customer()->state(), CustomerDisplay::State::Thanks);
        screenshot(QStringLiteral("paid"));

        // The sale is in the ledger, whole.
        QCOMPARE(ledgerCount("sales"), salesBefore + 1);
        QSqlQuery q(till->data().ledger.database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT s.total_fen, t.received_fen, t.change_fen, "
                                      "(SELECT count(*) FROM sale_lines l WHERE l.sale_id = s.id) "
                                      "FROM sales s JOIN tenders t ON t.sale_id = s.id "
                                      "ORDER BY s.id DESC LIMIT 1")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), 2000);
        QCOMPARE(q.value(1).toLongLong(), 10000);
        QCOMPARE(q.value(2).toLongLong(), 8000);
        QCOMPARE(q.value(3).toInt(), 3);
        QVERIFY(till->data().ledger.verify().ok);

        // The next scan starts the next sale.
        wedgeScan(seeds);
        QVERIFY(!till->cashier()->showingPaid());
        QCOMPARE(textOf(cashierWindow(), "cashierTotal"), QStringLiteral("¥7.50"));
    }

    void unknownBarcodeShowsAnErrorAndChangesNothing()
    {
        wedgeScan(cola500);
        wedgeScan(QStringLiteral("4006381333931")); // valid EAN-13, not in the catalog
        QCOMPARE(till->checkout()->cart().lines().size(), 1);
        QCOMPARE(textOf(cashierWindow(), "cashierTotal"), QStringLiteral("¥3.50"));
        QVERIFY(till->cashier()->messageIsError());
        QVERIFY(textOf(cashierWindow(), "bannerText").contains(QStringLiteral("4006381333931")));
        wedgeScan(QStringLiteral("6928804608015")); // wrong check digit
        QVERIFY(textOf(cashierWindow(), "bannerText").contains(QStringLiteral("check digit")));
        QCOMPARE(till->checkout()->cart().lines().size(), 1);
    }

    void scaleLabelAddsAWeighedLine()
    {
        wedgeScan(bananaLabel);
        QCOMPARE(till->checkout()->cart().lines().size(), 1);
        QCOMPARE(till->checkout()->cart().lines().first().quantity, 456);
        QCOMPARE(textOf(cashierWindow(), "cashierTotal"), QStringLiteral("¥5.45"));
    }

    void scanDuringPaymentGoesNowhere()
    {
        wedgeScan(cola500);
        QTest::keyClick(cashierWindow(), Qt::Key_F12);
        QTRY_VERIFY(isVisible(cashierWindow(), "amountField"));
        wedgeScan(seeds);
        QCOMPARE(textOf(cashierWindow(), "amountField"), QString()); // not typed into the amount
        QCOMPARE(till->checkout()->cart().lines().size(), 1);         // and not added
        QVERIFY(till->cashier()->messageIsError());
        QTest::keyClick(cashierWindow(), Qt::Key_Escape);
        QVERIFY(!till->cashier()->paymentOpen());
        wedgeScan(seeds);
        QCOMPARE(till->checkout()->cart().lines().size(), 2);
    }

    void searchByNameWithTheKeyboard()
    {
        QTest::keyClick(cashierWindow(), Qt::Key_F2);
        QTRY_VERIFY(isVisible(cashierWindow(), "searchField"));
        for (const char c : {'s', 'u', 'n', 'f'}) { // a person typing: not a scan
            QTest::keyClick(cashierWindow(), c);
            QTest::qWait(till->wedge()->maxGapMs() + 30);
        }
        QTRY_COMPARE(textOf(cashierWindow(), "searchField"), QStringLiteral("sunf"));
        QTRY_VERIFY(till->cashier()->searchResults()->rowCount() > 0);
        QTest::keyClick(cashierWindow(), Qt::Key_Return);
        QCOMPARE(till->checkout()->cart().lines().size(), 1);
        QVERIFY(till->checkout()->cart().lines().first().product.nameEn.contains(
            QStringLiteral("Sunflower")));
    }

    void quantityAndRemovalKeys()
    {
        wedgeScan(cola500);
        wedgeScan(seeds);
        QCOMPARE(till->cashier()->selectedLine(), 1);
        QTest::keyClick(cashierWindow(), Qt::Key_Up);
        QCOMPARE(till->cashier()->selectedLine(), 0);
        QTest::keyClick(cashierWindow(), '+');
        QTRY_COMPARE(till->checkout()->cart().lines().first().quantity, 2);
        QTest::keyClick(cashierWindow(), Qt::Key_Delete);
        QCOMPARE(till->checkout()->cart().lines().size(), 1);
        QTest::keyClick(cashierWindow(), Qt::Key_Delete, Qt::ControlModifier);
        QVERIFY(till->checkout()->cart().isEmpty());
        QCOMPARE(till->customer()->state(), CustomerDisplay::State::Idle);
    }

    void unusableDataDirShowsTheErrorScreen()
    {
        till.reset();
        QTemporaryDir other;
        const QString notADir = other.filePath(QStringLiteral("file"));
        QFile file(notADir);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        till = std::make_unique<Till>();
        QString error;
        QVERIFY(!till->start({notADir, QStringLiteral("en"), false}, &error));
        QVERIFY(error.contains(notADir));
        QVERIFY(till->cashierWindow());
        QVERIFY(!till->customerWindow());
        QVERIFY(QTest::qWaitForWindowExposed(cashierWindow()));
        QCOMPARE(textOf(cashierWindow(), "errorMessage"), error);
    }

    void chineseScreens()
    {
        till.reset();
        till = std::make_unique<Till>();
        QString error;
        QVERIFY(till->start({dir.path(), QStringLiteral("zh_CN"), false}, &error));
        QVERIFY(QTest::qWaitForWindowExposed(cashierWindow()));
        wedgeScan(cola500);
        QCOMPARE(till->cashier()->lines()->data(till->cashier()->lines()->index(0), CartModel::NameRole)
                     .toString(),
                 QStringLiteral("可口可乐 500ml"));
        wedgeScan(QStringLiteral("4006381333931"));
        QVERIFY2(!textOf(cashierWindow(), "bannerText").contains(QStringLiteral("No product")),
                 "the error message is not translated");
        screenshot(QStringLiteral("zh"));
    }
};

QTEST_MAIN(TestCashierFlow)
#include "tst_cashierflow.moc"
