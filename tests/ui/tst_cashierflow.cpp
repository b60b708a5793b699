// Drives the real QML windows (offscreen) the way a cashier does: key events only.
#include "ledger/catalogstore.h"
#include "ledger/outbox.h"
#include "scanner/keyboardwedge.h"
#include "services/appdata.h"
#include "services/printspooler.h"
#include "services/salesession.h"
#include "sim/printersim.h"
#include "testsupport.h"
#include "tillapp.h"
#include "ui/cashiercontroller.h"
#include "ui/customerdisplay.h"
#include "ui/language.h"

#include <QGuiApplication>
#include <QQuickItem>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace smartpos;

namespace {
const QString cola500 = QStringLiteral("6928804608014");     // ¥3.50
const QString cola125 = QStringLiteral("6928804969696");     // ¥5.50
const QString seeds = QStringLiteral("6916507902805");       // ¥7.50
const QString bananaLabel = QStringLiteral("2210001004565"); // PLU 10001, 456 g at ¥11.96/kg

QString textOf(QQuickWindow *window, const char *objectName)
{
    auto *item = window->findChild<QQuickItem *>(QLatin1String(objectName));
    return item ? item->property("text").toString()
                : QStringLiteral("<no %1>").arg(QLatin1String(objectName));
}

bool isVisible(QQuickWindow *window, const char *objectName)
{
    auto *item = window->findChild<QQuickItem *>(QLatin1String(objectName));
    return item && item->isVisible();
}

// The products with the longest names in `language`, by one barcode each.
QStringList longestNamedProducts(bool chinese, int count)
{
    QFile file(QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-catalog.csv"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<std::pair<qsizetype, QString>> products;
    file.readLine(); // header
    while (!file.atEnd()) {
        const QStringList fields = QString::fromUtf8(file.readLine()).split(u',');
        if (fields.value(7) == u"unit")
            products.append({fields.value(chinese ? 2 : 3).size(), fields[1].section(u'|', 0, 0)});
    }
    std::sort(products.begin(), products.end(), std::greater<>());
    QStringList codes;
    for (int i = 0; i < count && i < products.size(); ++i)
        codes.append(products[i].second);
    return codes;
}

// Text items named `objectName` that cut their text (elided or past their line limit).
int cutTexts(QQuickWindow *window, const char *objectName)
{
    int cut = 0;
    for (const QQuickItem *item : window->findChildren<QQuickItem *>(QLatin1String(objectName)))
        cut += item->isVisible() && item->property("truncated").toBool();
    return cut;
}
} // namespace

class TestCashierFlow : public QObject {
    Q_OBJECT

    QTemporaryDir dir;
    QTemporaryDir keys;
    std::unique_ptr<TillApp> till;

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
        cashierWindow()->grabWindow().save(shots + QStringLiteral("/cashier-") + name
                                           + QStringLiteral(".png"));
        if (till->customerWindow() != cashierWindow())
            till->customerWindow()->grabWindow().save(shots + QStringLiteral("/customer-") + name
                                                      + QStringLiteral(".png"));
    }

    // A till on the test's data, started like `smartpos --lang <language>`, shown.
    void restart(const QString &language, bool singleWindow = false, const QString &printer = {})
    {
        till.reset();
        till = std::make_unique<TillApp>();
        QString error;
        QVERIFY2(till->start({dir.path(), keys.path(), language, singleWindow, printer}, &error),
                 qPrintable(error));
        QVERIFY(QTest::qWaitForWindowExposed(cashierWindow()));
        QVERIFY(QTest::qWaitForWindowExposed(till->customerWindow()));
    }

    const Cart &cart() const { return till->session()->cart(); }

    // The kind of journal entry `seq`, as its outbox event for the cloud says.
    QString journalKind(qint64 seq)
    {
        Outbox outbox;
        if (!outbox.open(dir.path()))
            return {};
        const auto events = outbox.nextBatch(1000);
        for (const OutboxEvent &event : events ? *events : QList<OutboxEvent>())
            if (event.seq == seq)
                return event.kind;
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        CatalogStore catalog;
        QVERIFY_OK(catalog.open(dir.path()));
        QVERIFY(catalog.importCsv(QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-catalog.csv"))
                    .ok);
    }

    void init()
    {
        restart(QStringLiteral("en"));
        // No click and no activation by the test: the till takes the keyboard itself.
        QTRY_COMPARE(QGuiApplication::focusWindow(), cashierWindow());
        QTRY_VERIFY(cashierWindow()->activeFocusItem());
        QCOMPARE(cashierWindow()->activeFocusItem()->objectName(), QStringLiteral("scanField"));
    }

    void cleanup() { till.reset(); }

    void wholeCashSale()
    {
        const qint64 entriesBefore = till->data().ledger.verify().entries;
        QVERIFY(isVisible(till->customerWindow(), "attract"));

        wedgeScan(cola500);
        wedgeScan(cola125);
        wedgeScan(seeds);
        wedgeScan(cola500); // same product again: its line goes to 2
        QCOMPARE(cart().lines().size(), 3);
        QCOMPARE(cart().lines().first().quantity, 2);
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
        // The paid total and what was tendered stay beside the change, not ¥0.00.
        QCOMPARE(textOf(cashierWindow(), "cashierTotal"), QStringLiteral("¥20.00"));
        QCOMPARE(textOf(cashierWindow(), "cashierReceived"),
                 QStringLiteral("Cash received ¥100.00"));
        // Focus is back in the scan field after the payment panel.
        QTRY_COMPARE(cashierWindow()->activeFocusItem()->objectName(), QStringLiteral("scanField"));
        QCOMPARE(textOf(till->customerWindow(), "customerChange"),
                 QStringLiteral("Your change ¥80.00"));
        QCOMPARE(till->customer()->state(), CustomerDisplay::State::Thanks);
        screenshot(QStringLiteral("paid"));

        // The sale is in the ledger, whole.
        const qint64 seq = till->session()->lastPaid()->seq;
        QCOMPARE(till->data().ledger.verify().entries, entriesBefore + 1);
        const std::optional<Sale> stored = till->data().ledger.loadSale(seq);
        QVERIFY(stored);
        QCOMPARE(stored->total.fen, 2000);
        QCOMPARE(stored->tenders.size(), 1);
        QCOMPARE(stored->tenders[0].received.fen, 10000);
        QCOMPARE(stored->tenders[0].change.fen, 8000);
        QCOMPARE(stored->lines.size(), 3);
        QCOMPARE(journalKind(seq), QStringLiteral("sale"));
        QVERIFY(till->data().ledger.verify().ok);

        // The next scan starts the next sale.
        wedgeScan(seeds);
        QVERIFY(!till->cashier()->showingPaid());
        QCOMPARE(textOf(cashierWindow(), "cashierTotal"), QStringLiteral("¥7.50"));
    }

    void largeChangeWaitsForASecondEnter_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }

    void largeChangeWaitsForASecondEnter()
    {
        QFETCH(QString, language);
        restart(language);
        QTRY_COMPARE(QGuiApplication::focusWindow(), cashierWindow());
        const qint64 entriesBefore = till->data().ledger.verify().entries;
        wedgeScan(cola500); // ¥3.50
        QTest::keyClick(cashierWindow(), Qt::Key_F12);
        QTRY_VERIFY(isVisible(cashierWindow(), "amountField"));
        // ¥500 typed for a ¥3.50 sale: a ¥50 note with an extra zero, perhaps.
        for (const char digit : {'5', '0', '0'}) {
            QTest::keyClick(cashierWindow(), digit);
            QTest::qWait(till->wedge()->maxGapMs() + 30);
        }
        QTRY_COMPARE(textOf(cashierWindow(), "amountField"), QStringLiteral("500"));
        QTest::keyClick(cashierWindow(), Qt::Key_Return);
        QVERIFY(!till->cashier()->showingPaid());
        QVERIFY(till->cashier()->paymentOpen());
        QVERIFY(textOf(cashierWindow(), "bannerText").contains(QStringLiteral("496.50")));
        QVERIFY(textOf(cashierWindow(), "bannerText").contains(QStringLiteral("Enter")));
        QCOMPARE(till->data().ledger.verify().entries, entriesBefore);
        screenshot(QStringLiteral("confirm-change-") + language);

        // The amount is still there; Enter again is the deliberate yes.
        QCOMPARE(textOf(cashierWindow(), "amountField"), QStringLiteral("500"));
        QTest::keyClick(cashierWindow(), Qt::Key_Return);
        QVERIFY2(till->cashier()->showingPaid(), qPrintable(till->cashier()->message()));
        QVERIFY(textOf(cashierWindow(), "cashierChange").endsWith(QStringLiteral("¥496.50")));
        QCOMPARE(till->data().ledger.verify().entries, entriesBefore + 1);
    }

    void cashBeyondTheLimitIsRefused()
    {
        wedgeScan(cola500);
        QTest::keyClick(cashierWindow(), Qt::Key_F12);
        QTRY_VERIFY(isVisible(cashierWindow(), "amountField"));
        // Twice: a second Enter must not confirm what is refused.
        for (int attempt = 0; attempt < 2; ++attempt) {
            QVERIFY(!till->cashier()->payCash(QStringLiteral("9999999.99")));
            QVERIFY(textOf(cashierWindow(), "bannerText").contains(QStringLiteral("50000.00")));
        }
        QVERIFY(!till->cashier()->showingPaid());
    }

    void cashSalePrintsOnTheVirtualPrinter()
    {
        QTemporaryDir receipts;
        sim::PrinterSim printer(receipts.path(), 576);
        QVERIFY(printer.listen(QHostAddress::LocalHost, 0));
        restart(QStringLiteral("en"), false,
                QStringLiteral("tcp://127.0.0.1:%1").arg(printer.serverPort()));
        QSignalSpy printed(&printer, &sim::PrinterSim::printed);
        QSignalSpy kicked(&printer, &sim::PrinterSim::drawerKicked);
        QVERIFY(till->spooler());
        QTRY_COMPARE(till->spooler()->pending(), 0); // earlier tests' receipts printed first
        printed.clear();
        kicked.clear();

        wedgeScan(cola500);
        QTest::keyClick(cashierWindow(), Qt::Key_F12);
        QTRY_VERIFY(isVisible(cashierWindow(), "amountField"));
        QTest::keyClick(cashierWindow(), Qt::Key_F5); // exact amount
        QVERIFY(till->cashier()->showingPaid());
        const qint64 seq = till->session()->lastPaid()->seq;
        QVERIFY(printed.wait(5000));
        QCOMPARE(kicked.size(), 1);
        QFile text(printed.last().at(1).toString());
        QVERIFY(text.open(QIODevice::ReadOnly));
        const QString receipt = QString::fromUtf8(text.readAll());
        QVERIFY2(receipt.contains(QStringLiteral("%1").arg(seq, 6, 10, QLatin1Char('0')))
                     && receipt.contains(QStringLiteral("¥3.50")),
                 qPrintable(receipt));

        // Out of paper: the sale goes through, the cashier is told, the receipt waits.
        printer.command(u"paper out");
        wedgeScan(seeds);
        QTest::keyClick(cashierWindow(), Qt::Key_F12);
        QTRY_VERIFY(isVisible(cashierWindow(), "amountField"));
        QTest::keyClick(cashierWindow(), Qt::Key_F5);
        QVERIFY(till->cashier()->showingPaid());
        const qint64 unprinted = till->session()->lastPaid()->seq;
        QVERIFY(till->data().ledger.loadSale(unprinted));
        QTRY_VERIFY(till->cashier()->printerProblem().contains(QStringLiteral("out of paper")));
        QTRY_VERIFY(isVisible(cashierWindow(), "printerBanner"));
        screenshot(QStringLiteral("printer-out-of-paper"));
        printer.command(u"paper in");
        QTRY_COMPARE_WITH_TIMEOUT(printed.size(), 2, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(till->cashier()->printerProblem().isEmpty(), 5000);

        // F10 prints the last receipt again, marked as a reprint.
        QTest::keyClick(cashierWindow(), Qt::Key_F10);
        QTRY_COMPARE_WITH_TIMEOUT(printed.size(), 3, 5000);
        QFile copy(printed.last().at(1).toString());
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(copy.readAll()).contains(QStringLiteral("REPRINT")));
    }

    void unknownBarcodeShowsAnErrorAndChangesNothing()
    {
        wedgeScan(cola500);
        wedgeScan(QStringLiteral("4006381333931")); // valid EAN-13, not in the catalog
        QCOMPARE(cart().lines().size(), 1);
        QCOMPARE(textOf(cashierWindow(), "cashierTotal"), QStringLiteral("¥3.50"));
        QVERIFY(till->cashier()->messageIsError());
        QVERIFY(textOf(cashierWindow(), "bannerText").contains(QStringLiteral("4006381333931")));
        wedgeScan(QStringLiteral("6928804608015")); // wrong check digit
        QVERIFY(textOf(cashierWindow(), "bannerText").contains(QStringLiteral("check digit")));
        QCOMPARE(cart().lines().size(), 1);
    }

    void scaleLabelAddsAWeighedLine()
    {
        wedgeScan(bananaLabel);
        QCOMPARE(cart().lines().size(), 1);
        QCOMPARE(cart().lines().first().quantity, 456);
        QCOMPARE(textOf(cashierWindow(), "cashierTotal"), QStringLiteral("¥5.45"));
    }

    void scanDuringPaymentGoesNowhere()
    {
        wedgeScan(cola500);
        QTest::keyClick(cashierWindow(), Qt::Key_F12);
        QTRY_VERIFY(isVisible(cashierWindow(), "amountField"));
        wedgeScan(seeds);
        QCOMPARE(textOf(cashierWindow(), "amountField"), QString()); // not typed into the amount
        QCOMPARE(cart().lines().size(), 1);                          // and not added
        QVERIFY(till->cashier()->messageIsError());
        QTest::keyClick(cashierWindow(), Qt::Key_Escape);
        QVERIFY(!till->cashier()->paymentOpen());
        wedgeScan(seeds);
        QCOMPARE(cart().lines().size(), 2);
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
        QCOMPARE(cart().lines().size(), 1);
        QVERIFY(cart().lines().first().product.nameEn.contains(QStringLiteral("Sunflower")));
    }

    void scannerWorksWhereverTheFocusIs()
    {
        QTest::keyClick(cashierWindow(), Qt::Key_F2);
        QTRY_VERIFY(isVisible(cashierWindow(), "searchField"));
        wedgeScan(cola500); // the scanner feeds the sale, not the field that has focus
        QCOMPARE(cart().lines().size(), 1);
        QCOMPARE(textOf(cashierWindow(), "searchField"), QString());
    }

    void quantityAndRemovalKeys()
    {
        wedgeScan(cola500);
        wedgeScan(seeds);
        QCOMPARE(till->cashier()->selectedLine(), 1);
        QTest::keyClick(cashierWindow(), Qt::Key_Up);
        QCOMPARE(till->cashier()->selectedLine(), 0);
        QTest::keyClick(cashierWindow(), '+');
        QTRY_COMPARE(cart().lines().first().quantity, 2);
        QTest::keyClick(cashierWindow(), Qt::Key_Delete);
        QCOMPARE(cart().lines().size(), 1);
        QTest::keyClick(cashierWindow(), Qt::Key_Delete, Qt::ControlModifier);
        QVERIFY(cart().isEmpty());
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
        till = std::make_unique<TillApp>();
        QString error;
        QVERIFY(!till->start({notADir, keys.path(), QStringLiteral("en"), false, {}}, &error));
        QVERIFY(error.contains(notADir));
        QVERIFY(till->cashierWindow());
        QVERIFY(!till->customerWindow());
        QVERIFY(QTest::qWaitForWindowExposed(cashierWindow()));
        QCOMPARE(textOf(cashierWindow(), "errorMessage"), error);
    }

    // A ledger the till must not sell on, found at start: the error screen says why.
    void unusableLedgerShowsTheErrorScreen_data()
    {
        QTest::addColumn<QStringList>("statements"); // run on ledger.db with QSQLITE
        QTest::addColumn<bool>("lockHeld");
        QTest::addColumn<QString>("expected");
        QTest::newRow("newer schema") << QStringList{QStringLiteral("PRAGMA user_version = 99")}
                                      << false << QStringLiteral("newer SmartPOS");
        QTest::newRow("damaged schema")
            << QStringList{QStringLiteral("DROP TRIGGER tenders_no_update"),
                           QStringLiteral("DROP TRIGGER tenders_no_delete"),
                           QStringLiteral("DROP TABLE tenders")}
            << false << QStringLiteral("damaged");
        QTest::newRow("second till")
            << QStringList() << true << QStringLiteral("is using the data folder");
    }

    void unusableLedgerShowsTheErrorScreen()
    {
        QFETCH(QStringList, statements);
        QFETCH(bool, lockHeld);
        QFETCH(QString, expected);
        till.reset();
        QTemporaryDir data;
        QTemporaryDir keyFolder;
        {
            Ledger ledger;
            QVERIFY(ledger.open(data.path(), keyFolder.path()).ok());
            QVERIFY(ledger.commitNoSale(QDateTime::currentDateTimeUtc()).ok());
        }
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(data.filePath(QStringLiteral("ledger.db")));
            QVERIFY(db.open());
            for (const QString &statement : statements)
                QVERIFY2(QSqlQuery(db).exec(statement), qPrintable(statement));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        DataDirLock otherTill;
        if (lockHeld)
            QVERIFY(otherTill.acquire(data.path()).ok());
        till = std::make_unique<TillApp>();
        QString error;
        QVERIFY(
            !till->start({data.path(), keyFolder.path(), QStringLiteral("en"), false, {}}, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(!till->customerWindow());
        QVERIFY(QTest::qWaitForWindowExposed(cashierWindow()));
        QCOMPARE(textOf(cashierWindow(), "errorMessage"), error);
    }

    void chineseScreens()
    {
        restart(QStringLiteral("zh_CN"));
        wedgeScan(cola500);
        QCOMPARE(till->cashier()
                     ->lines()
                     ->data(till->cashier()->lines()->index(0), CartModel::NameRole)
                     .toString(),
                 QStringLiteral("可口可乐 500ml"));
        wedgeScan(QStringLiteral("4006381333931"));
        QVERIFY2(!textOf(cashierWindow(), "bannerText").contains(QStringLiteral("No product")),
                 "the error message is not translated");
        screenshot(QStringLiteral("zh"));
    }

    void noSaleKey()
    {
        const qint64 entries = till->data().ledger.verify().entries;
        QTest::keyClick(cashierWindow(), Qt::Key_F8);
        QVERIFY(!till->cashier()->messageIsError());
        QCOMPARE(textOf(cashierWindow(), "bannerText"),
                 QStringLiteral("Drawer opened (no sale) — recorded"));
        QCOMPARE(till->data().ledger.verify().entries, entries + 1);
        QCOMPARE(journalKind(entries + 1), QStringLiteral("no_sale"));
        screenshot(QStringLiteral("nosale"));

        // Not while a sale is in progress: a clear message, nothing recorded.
        wedgeScan(cola500);
        QTest::keyClick(cashierWindow(), Qt::Key_F8);
        QVERIFY(till->cashier()->messageIsError());
        QVERIFY2(textOf(cashierWindow(), "bannerText").contains(QStringLiteral("in progress")),
                 qPrintable(textOf(cashierWindow(), "bannerText")));
        QCOMPARE(till->data().ledger.verify().entries, entries + 1);
        QCOMPARE(cart().lines().size(), 1);
    }

    void thankYouGivesWayToTheAttractLoop()
    {
        till->customer()->setThanksDurationMs(50);
        wedgeScan(cola500);
        QTest::keyClick(cashierWindow(), Qt::Key_F12);
        QTRY_VERIFY(isVisible(cashierWindow(), "amountField"));
        QTest::keyClick(cashierWindow(), Qt::Key_F5);
        QCOMPARE(till->customer()->state(), CustomerDisplay::State::Thanks);
        QTRY_COMPARE(till->customer()->state(), CustomerDisplay::State::Idle);
        QVERIFY(isVisible(till->customerWindow(), "attract"));
        QVERIFY(till->cashier()->showingPaid()); // the cashier still sees the paid sale
        wedgeScan(seeds);
        QCOMPARE(till->customer()->state(), CustomerDisplay::State::Cart);
    }

    void customerWindowNeverTakesTheKeyboard()
    {
        QVERIFY(till->customerWindow()->flags() & Qt::WindowDoesNotAcceptFocus);
        QCOMPARE(QGuiApplication::focusWindow(), cashierWindow());
    }

    void languageChoiceIsSaved()
    {
        QTest::keyClick(cashierWindow(), Qt::Key_F9);
        QVERIFY(till->language()->chinese());
        QCOMPARE(cashierWindow()->activeFocusItem()->objectName(), QStringLiteral("scanField"));
        QCOMPARE(QSettings(dir.filePath(QStringLiteral("smartpos.ini")), QSettings::IniFormat)
                     .value(QStringLiteral("ui/language"))
                     .toString(),
                 QStringLiteral("zh_CN"));
        restart(QString()); // no --lang: the saved choice
        QVERIFY(till->language()->chinese());
        QTRY_COMPARE(QGuiApplication::focusWindow(), cashierWindow());
        QTest::keyClick(cashierWindow(), Qt::Key_F9);
        QVERIFY(!till->language()->chinese());
        QCOMPARE(QSettings(dir.filePath(QStringLiteral("smartpos.ini")), QSettings::IniFormat)
                     .value(QStringLiteral("ui/language"))
                     .toString(),
                 QStringLiteral("en"));
    }

    void singleWindowPaymentLeavesTheCustomerHalfBright()
    {
        restart(QStringLiteral("en"), true);
        QTRY_COMPARE(QGuiApplication::focusWindow(), cashierWindow());
        wedgeScan(cola500);
        QTest::keyClick(cashierWindow(), Qt::Key_F12);
        QVERIFY(till->cashier()->paymentOpen());
        QTRY_VERIFY(isVisible(cashierWindow(), "amountField"));
        const QImage image = cashierWindow()->grabWindow();
        const QColor background(0xf4, 0xf5, 0xf7);                    // Theme.background
        QCOMPARE(image.pixelColor(image.width() - 4, 4), background); // customer half
        QVERIFY(image.pixelColor(4, 4) != background);                // cashier half, dimmed
        screenshot(QStringLiteral("single-payment"));
        QTest::keyClick(cashierWindow(), Qt::Key_Escape);
        QVERIFY(!till->cashier()->paymentOpen());
    }

    // 1024×768 for the cashier, 1024×600 for the customer: the longest product names still show
    // whole (their end tells 500ml from 1.5L), in both languages.
    void smallScreensShowWholeNames_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
        QTest::newRow("en") << QStringLiteral("en");
    }

    void smallScreensShowWholeNames()
    {
        QFETCH(QString, language);
        restart(language);
        cashierWindow()->resize(1024, 768);
        till->customerWindow()->resize(1024, 600);
        QTRY_COMPARE(cashierWindow()->width(), 1024);
        for (const QString &code : longestNamedProducts(language == u"zh_CN", 6))
            wedgeScan(code);
        QCOMPARE(cart().lines().size(), 6);
        QTRY_COMPARE(cutTexts(cashierWindow(), "productName"), 0);
        QTRY_COMPARE(cutTexts(till->customerWindow(), "lineName"), 0);
        screenshot(QStringLiteral("small-") + language);
        QTest::keyClick(cashierWindow(), Qt::Key_F12);
        QTRY_VERIFY(isVisible(cashierWindow(), "amountField"));
        screenshot(QStringLiteral("small-payment-") + language);
        QTest::keyClick(cashierWindow(), Qt::Key_F5);
        QVERIFY(till->cashier()->showingPaid());
        screenshot(QStringLiteral("small-paid-") + language);
    }
};

QTEST_MAIN(TestCashierFlow)
#include "tst_cashierflow.moc"
