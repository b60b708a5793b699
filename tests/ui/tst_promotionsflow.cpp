// The store's promotions at work in the real till: a promotions.json in the data folder prices
// every sale; the cashier and the customer see each discount on its line, the basket's 满减 and
// what the customer saves, in both languages; the paid sale keeps them in the ledger, which
// still verifies. A promotions file that cannot be used leaves full prices and says why.
#include "core/promotions.h"
#include "ledger/catalogstore.h"
#include "services/appdata.h"
#include "services/salesession.h"
#include "testsupport.h"
#include "tillapp.h"
#include "ui/cartmodel.h"
#include "ui/cashiercontroller.h"
#include "ui/language.h"

#include <QDir>
#include <QFile>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {
const QString cola = u"6928804995534"_s;      // drinks, ¥3.00: the second at half price
const QString dumplings = u"6932516911126"_s; // ¥32.90
} // namespace

class TestPromotionsFlow : public QObject {
    Q_OBJECT

    QTemporaryDir dir;
    QTemporaryDir keys;
    std::unique_ptr<TillApp> till;

    QString text(QQuickWindow *window, const QString &objectName) const
    {
        const QList<QQuickItem *> items = window->findChildren<QQuickItem *>(objectName);
        for (QQuickItem *item : items)
            if (item->isVisible())
                return item->property("text").toString();
        return {};
    }

    void startTill(const QString &language)
    {
        till = std::make_unique<TillApp>();
        QString error;
        QVERIFY2(till->start({dir.path(), keys.path(), language, false, {}}, &error),
                 qPrintable(error));
        QVERIFY(QTest::qWaitForWindowExposed(till->cashierWindow()));
        QVERIFY(QTest::qWaitForWindowExposed(till->customerWindow()));
    }

    void writePromotions(const QByteArray &json)
    {
        QFile file(QDir(dir.path()).filePath(u"promotions.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(json), json.size());
    }

    void screenshot(const QString &name)
    {
        const QString shots = qEnvironmentVariable("SMARTPOS_SCREENSHOT_DIR");
        if (shots.isEmpty())
            return;
        QDir().mkpath(shots);
        till->cashierWindow()->grabWindow().save(shots + u"/cashier-"_s + name + u".png"_s);
        till->customerWindow()->grabWindow().save(shots + u"/customer-"_s + name + u".png"_s);
    }

private slots:
    void initTestCase()
    {
        CatalogStore catalog;
        QVERIFY_OK(catalog.open(dir.path()));
        QVERIFY(catalog.importCsv(QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-catalog.csv"))
                    .ok);
        {
            QSettings ini(QDir(dir.path()).filePath(u"smartpos.ini"_s), QSettings::IniFormat);
            ini.setValue(u"store/time_zone"_s, u"Asia/Shanghai"_s);
        }
        QFile demo(QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-promotions.json"));
        QVERIFY(demo.open(QIODevice::ReadOnly));
        writePromotions(demo.readAll());
    }

    void cleanup() { till.reset(); }

    void discountsOnBothScreensAndInTheLedger_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("saved");
        QTest::addColumn<QString>("customerSaved");
        QTest::newRow("en") << u"en"_s << u"Saved ¥6.50"_s << u"You save ¥6.50"_s;
        QTest::newRow("zh_CN") << u"zh_CN"_s << u"已优惠 ¥6.50"_s << u"本单共省 ¥6.50"_s;
    }

    void discountsOnBothScreensAndInTheLedger()
    {
        QFETCH(QString, language);
        QFETCH(QString, saved);
        QFETCH(QString, customerSaved);
        startTill(language);
        // Two colas (the second at half price: −¥1.50) and two packs of dumplings: ¥71.80
        // before promotions, ¥70.30 after the line discount, so 满50减5 applies: ¥65.30.
        SaleSession &session = *till->session();
        for (const QString &code : {cola, dumplings, cola, dumplings})
            QVERIFY(session.scan(code));
        QCOMPARE(session.total(), Money::fromFen(6530));
        QCOMPARE(session.saved(), Money::fromFen(650));

        QQuickWindow *cashier = till->cashierWindow();
        QQuickWindow *customer = till->customerWindow();
        QTRY_COMPARE(text(cashier, u"cashierSaved"_s), saved);
        QCOMPARE(text(customer, u"customerSaved"_s), customerSaved);
        // The line's own discount, under its name on both screens (the rows of Cashier.lines).
        const CartModel &lines = *till->cashier()->lines();
        QVERIFY2(
            lines.data(lines.index(0), CartModel::DiscountRole).toString().endsWith(u" −¥1.50"_s),
            qPrintable(lines.data(lines.index(0), CartModel::DiscountRole).toString()));
        QCOMPARE(lines.data(lines.index(1), CartModel::DiscountRole).toString(), QString());
        QCOMPARE(till->cashier()->lines()->basketDiscounts().size(), 1);
        QVERIFY(till->cashier()->lines()->basketDiscounts().first().endsWith(u"−¥5.00"_s));
        screenshot(u"promotions-"_s + language);

        QTest::keyClick(cashier, Qt::Key_F12);
        QTRY_VERIFY(till->cashier()->paymentOpen());
        QTest::keyClick(cashier, Qt::Key_F5); // exact amount
        QTRY_VERIFY(till->cashier()->showingPaid());
        QTRY_VERIFY(text(customer, u"customerSavedPaid"_s).contains(u"6.50"_s));

        const qint64 seq = session.lastPaid()->seq;
        const std::optional<Sale> stored = till->data().ledger.loadSale(seq);
        QVERIFY(stored);
        QCOMPARE(stored->total, Money::fromFen(6530));
        QCOMPARE(stored->adjustments.size(), 2);
        for (const Adjustment &adjustment : stored->adjustments)
            QVERIFY2(adjustment.source.startsWith(u"promo:"_s), qPrintable(adjustment.source));
        QVERIFY(till->data().ledger.verify().ok);
    }

    void unusablePromotionsFileLeavesFullPrices()
    {
        writePromotions(R"({"version": 1, "promotions": [{"id": "x", "kind": "percent_off",
                           "percent_off": 150}]})");
        startTill(u"en"_s);
        QTRY_VERIFY2(text(till->cashierWindow(), u"devicesBanner"_s)
                         .startsWith(u"Promotions not applied: "_s),
                     qPrintable(text(till->cashierWindow(), u"devicesBanner"_s)));
        QVERIFY(text(till->cashierWindow(), u"devicesBanner"_s).contains(u"150"_s));
        QVERIFY(till->session()->scan(cola));
        QVERIFY(till->session()->scan(cola));
        QCOMPARE(till->session()->total(), Money::fromFen(600));
        screenshot(u"promotions-bad-file"_s);
    }
};

QTEST_MAIN(TestPromotionsFlow)
#include "tst_promotionsflow.moc"
