// Members and coupons in the real till (issue 9): the cashier looks a member up by phone (F6),
// uses their points (F7) and takes them off (Shift+F6); the customer signs in or joins on the
// keypad of their screen, with consent; a member code and coupon codes scanned. The cashier sees
// the member in full, the customer screen only masked; both show the coupons with what each
// takes off. Screenshots of both windows in both languages, with and without a member.
#include "core/couponcode.h"
#include "core/membercode.h"
#include "ledger/catalogstore.h"
#include "ledger/ledger.h"
#include "ledger/memberstore.h"
#include "scanner/keyboardwedge.h"
#include "services/appdata.h"
#include "services/chainkeys.h"
#include "services/receipt.h"
#include "services/salesession.h"
#include "testsupport.h"
#include "tillapp.h"
#include "ui/cashiercontroller.h"
#include "ui/couponmodel.h"
#include "ui/customerdisplay.h"
#include "ui/language.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {
const QString dumplings = u"6932516911126"_s; // ¥32.90
const QString cola = u"6928804995534"_s;      // ¥3.00

// 王小明, platinum, 25,600 points (resources/demo-members.csv).
const QString wangPhone = u"13912345678"_s;
// 张三, gold.
const QString zhangPhone = u"13800138000"_s;
// Nobody's (until they join: one per run of a test).
const QString newPhone = u"13700002222"_s;
const QString newPhoneZh = u"13700003333"_s;
} // namespace

class TestMemberFlow : public QObject {
    Q_OBJECT

    QTemporaryDir dir;
    QTemporaryDir keys;
    std::unique_ptr<TillApp> till;
    ChainKeys chain;

    QQuickWindow *cashierWindow() const { return till->cashierWindow(); }
    QQuickWindow *customerWindow() const { return till->customerWindow(); }
    CashierController &cashier() const { return *till->cashier(); }
    CustomerDisplay &customer() const { return *till->customer(); }

    // The visible items named `objectName`, in the window's item tree (which, unlike the QObject
    // tree, holds what Repeaters make).
    static QList<QQuickItem *> visibleItems(QQuickItem *item, const QString &objectName)
    {
        QList<QQuickItem *> found;
        if (!item->isVisible())
            return found;
        if (item->objectName() == objectName)
            found << item;
        for (QQuickItem *child : item->childItems())
            found << visibleItems(child, objectName);
        return found;
    }

    static QString text(QQuickWindow *window, const QString &objectName)
    {
        const QList<QQuickItem *> items = visibleItems(window->contentItem(), objectName);
        return items.isEmpty() ? u"<no visible %1>"_s.arg(objectName)
                               : items.first()->property("text").toString();
    }

    static bool visible(QQuickWindow *window, const QString &objectName)
    {
        return !visibleItems(window->contentItem(), objectName).isEmpty();
    }

    // Every visible text of a window, to check what the customer screen never shows.
    static QStringList visibleTexts(QQuickItem *item)
    {
        QStringList texts;
        if (!item->isVisible())
            return texts;
        if (const QVariant t = item->property("text"); t.isValid())
            texts << t.toString();
        for (QQuickItem *child : item->childItems())
            texts << visibleTexts(child);
        return texts;
    }

    // A finger on the customer's screen: a target of 64 px or more, once laid out.
    void tap(const QString &objectName)
    {
        const QList<QQuickItem *> items = visibleItems(customerWindow()->contentItem(), objectName);
        QVERIFY2(items.size() == 1, qPrintable(objectName));
        QQuickItem *target = items.first();
        QTRY_VERIFY2(target->width() >= 64 && target->height() >= 64, qPrintable(objectName));
        const QPointF centre = target->mapToScene({target->width() / 2, target->height() / 2});
        QTest::mouseClick(customerWindow(), Qt::LeftButton, {}, centre.toPoint());
    }

    void tapNumber(const QString &phone)
    {
        for (const QChar digit : phone)
            tap(u"keypad"_s + digit);
    }

    // The cashier types, slower than a scanner.
    void type(const QString &text)
    {
        for (const QChar c : text) {
            QTest::keyClick(cashierWindow(), c.toLatin1());
            QTest::qWait(till->wedge()->maxGapMs() + 30);
        }
    }

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
        QTest::qWait(50); // the last change rendered
        cashierWindow()->grabWindow().save(shots + u"/cashier-"_s + name + u".png"_s);
        customerWindow()->grabWindow().save(shots + u"/customer-"_s + name + u".png"_s);
    }

    void startTill(const QString &language)
    {
        till = std::make_unique<TillApp>();
        QString error;
        QVERIFY2(till->start({dir.path(), keys.path(), language, false, {}}, &error),
                 qPrintable(error));
        QVERIFY(QTest::qWaitForWindowExposed(cashierWindow()));
        QVERIFY(QTest::qWaitForWindowExposed(customerWindow()));
        cashierWindow()->resize(1024, 768); // the smallest cashier screen
        QTRY_COMPARE(QGuiApplication::focusWindow(), cashierWindow());
        customer().setNoticeDurationMs(60'000); // long enough to be read by the test
    }

    QString couponCode(const Coupon &coupon) const
    {
        const std::optional<QString> code = chain.signer->sign(coupon);
        return code.value_or(QString());
    }

    QStringList couponTitles() const
    {
        QStringList titles;
        for (const CouponModel::Row &row : cashier().coupons()->rows())
            titles << row.title;
        return titles;
    }

private slots:
    void initTestCase()
    {
        CatalogStore catalog;
        QVERIFY_OK(catalog.open(dir.path()));
        QVERIFY(catalog.importCsv(QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-catalog.csv"))
                    .ok);
        MemberStore members;
        QVERIFY_OK(members.open(dir.path()));
        const MemberImportReport imported =
            members.importCsv(QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-members.csv"));
        QVERIFY2(imported.ok, qPrintable(imported.reason));
        {
            QSettings ini(QDir(dir.path()).filePath(u"smartpos.ini"_s), QSettings::IniFormat);
            ini.setValue(u"store/time_zone"_s, u"Asia/Shanghai"_s);
        }
        QVERIFY(QFile::copy(QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-promotions.json"),
                            QDir(dir.path()).filePath(u"promotions.json"_s)));
        Result<ChainKeys> created = ChainKeys::create(dir.path());
        QVERIFY_OK(created);
        chain = std::move(*created);
        QVERIFY(chain.signer);
    }

    void cleanup() { till.reset(); }

    void cashierLooksUpAMemberByPhone_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << u"en"_s;
        QTest::newRow("zh_CN") << u"zh_CN"_s;
    }

    void cashierLooksUpAMemberByPhone()
    {
        QFETCH(QString, language);
        startTill(language);
        wedgeScan(dumplings);
        QTRY_COMPARE(customer().state(), CustomerDisplay::State::Cart);
        QVERIFY(!cashier().hasMember());
        QVERIFY(visible(cashierWindow(), u"noMemberText"_s));
        QVERIFY(visible(customerWindow(), u"joinPanel"_s));
        QVERIFY(!visible(customerWindow(), u"memberCard"_s));
        screenshot(u"no-member-"_s + language);

        // F6, the number typed by hand, Enter.
        QTest::keyClick(cashierWindow(), Qt::Key_F6);
        QTRY_VERIFY(visible(cashierWindow(), u"memberEntry"_s));
        QTRY_COMPARE(cashierWindow()->activeFocusItem()->objectName(), u"memberPhoneField"_s);
        type(u"139"_s);
        screenshot(u"member-entry-"_s + language);
        type(wangPhone.mid(3));
        QTRY_COMPARE(text(cashierWindow(), u"memberPhoneField"_s), wangPhone);
        QTest::keyClick(cashierWindow(), Qt::Key_Return);
        QVERIFY2(cashier().hasMember(), qPrintable(cashier().message()));
        QTRY_VERIFY(!visible(cashierWindow(), u"memberEntry"_s));
        QTRY_COMPARE(cashierWindow()->activeFocusItem()->objectName(), u"scanField"_s);

        // The cashier: in full. The customer: masked, nowhere the whole name or number.
        QCOMPARE(text(cashierWindow(), u"memberName"_s), u"王小明"_s);
        QCOMPARE(text(cashierWindow(), u"memberPhone"_s), u"139****5678"_s);
        QVERIFY(text(cashierWindow(), u"memberPoints"_s).contains(u"25,600"_s));
        QVERIFY(text(cashierWindow(), u"memberEarn"_s).startsWith(u"+"_s));
        if (language == u"en") {
            QCOMPARE(text(cashierWindow(), u"memberTier"_s), u"Platinum"_s);
            QCOMPARE(text(customerWindow(), u"customerGreeting"_s), u"Hello, 王*明"_s);
        }
        QTRY_COMPARE(customer().state(), CustomerDisplay::State::Member);
        QVERIFY(visible(customerWindow(), u"memberCard"_s));
        QVERIFY(!visible(customerWindow(), u"joinPanel"_s));
        QVERIFY(text(customerWindow(), u"customerGreeting"_s).contains(u"王*明"_s));
        QVERIFY(text(customerWindow(), u"customerPoints"_s).contains(u"25,600"_s));
        QVERIFY(text(customerWindow(), u"customerEarn"_s)
                    .contains(QString::number(till->session()->pointsToEarn())));
        const QString everything = visibleTexts(customerWindow()->contentItem()).join(u'\n');
        QVERIFY2(!everything.contains(u"王小明"_s), qPrintable(everything));
        QVERIFY2(!everything.contains(wangPhone), qPrintable(everything));

        // F7: points pay half of ¥32.90 at most, in whole yuan: ¥16.00 for 1,600 points.
        QVERIFY(cashier().canRedeemPoints());
        QVERIFY(!cashier().redeemingPoints());
        QTest::keyClick(cashierWindow(), Qt::Key_F7);
        QVERIFY2(cashier().redeemingPoints(), qPrintable(cashier().message()));
        QCOMPARE(till->session()->redemption().amount, Money::fromYuan(16));
        QCOMPARE(till->session()->total(), Money::fromFen(1690));
        QTRY_VERIFY(text(cashierWindow(), u"cashierTotal"_s).endsWith(u"16.90"_s));
        QVERIFY(cashier().redeemText().contains(u"16.00"_s));
        QVERIFY(cashier().redeemText().contains(u"1,600"_s));
        QVERIFY(text(customerWindow(), u"customerRedeem"_s).contains(u"16.00"_s));
        screenshot(u"member-points-"_s + language);
        QTest::keyClick(cashierWindow(), Qt::Key_F7);
        QVERIFY(!cashier().redeemingPoints());
        QCOMPARE(till->session()->total(), Money::fromFen(3290));
        QVERIFY(!visible(customerWindow(), u"customerRedeem"_s));

        // Shift+F6: the sale is nobody's again.
        QTest::keyClick(cashierWindow(), Qt::Key_F6, Qt::ShiftModifier);
        QVERIFY(!cashier().hasMember());
        QVERIFY(!till->session()->member());
        QTRY_COMPARE(customer().state(), CustomerDisplay::State::Cart);
        QVERIFY(visible(cashierWindow(), u"noMemberText"_s));
        QVERIFY(visible(customerWindow(), u"joinPanel"_s));
    }

    void unknownPhoneIsRefusedOnTheCashierLine()
    {
        startTill(u"en"_s);
        wedgeScan(cola);
        QTest::keyClick(cashierWindow(), Qt::Key_F6);
        QTRY_VERIFY(visible(cashierWindow(), u"memberEntry"_s));
        type(newPhone);
        QTest::keyClick(cashierWindow(), Qt::Key_Return);
        QVERIFY(!cashier().hasMember());
        QVERIFY(cashier().messageIsError());
        QVERIFY(!cashier().message().isEmpty());
        QVERIFY(visible(cashierWindow(), u"memberEntry"_s)); // still open, to correct the number
        screenshot(u"member-entry-refused-en"_s);
        QTest::keyClick(cashierWindow(), Qt::Key_Escape);
        QTRY_VERIFY(!visible(cashierWindow(), u"memberEntry"_s));
        QTRY_COMPARE(cashierWindow()->activeFocusItem()->objectName(), u"scanField"_s);
    }

    void customerSignsInAndJoinsOnTheKeypad_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << u"en"_s;
        QTest::newRow("zh_CN") << u"zh_CN"_s;
    }

    void customerSignsInAndJoinsOnTheKeypad()
    {
        QFETCH(QString, language);
        const QString newPhone = language == u"en" ? ::newPhone : newPhoneZh;
        const QString masked = newPhone.left(3) + u"****"_s + newPhone.right(4);
        const QString spaced =
            newPhone.left(3) + u' ' + newPhone.mid(3, 4) + u' ' + newPhone.right(4);
        startTill(language);
        wedgeScan(dumplings);
        QTRY_VERIFY(visible(customerWindow(), u"joinPanel"_s));

        // An existing member: their number and "I'm a member"; no consent needed.
        tapNumber(zhangPhone.left(10));
        QVERIFY(!customer().canSignIn());
        tap(u"keypad9"_s); // a wrong last digit …
        tap(u"keypadDelete"_s);
        tapNumber(zhangPhone.right(1));
        QCOMPARE(customer().phoneText(), u"138 0013 8000"_s);
        QVERIFY(customer().canSignIn());
        QVERIFY(!customer().canJoin());
        tap(u"signInButton"_s);
        QVERIFY2(cashier().hasMember(), qPrintable(cashier().message()));
        QCOMPARE(till->session()->member()->member.id, u"M0001"_s);
        QCOMPARE(customer().phoneText(), QString()); // not left for the next customer
        QTRY_VERIFY(visible(customerWindow(), u"memberCard"_s));
        QVERIFY(text(customerWindow(), u"customerGreeting"_s).contains(u"张*"_s));
        QCOMPARE(text(cashierWindow(), u"memberName"_s), u"张三"_s);
        cashier().removeMember();
        QTRY_VERIFY(visible(customerWindow(), u"joinPanel"_s));

        // A number nobody has: "I'm a member" is refused kindly, the cashier sees why.
        tapNumber(newPhone);
        tap(u"signInButton"_s);
        QVERIFY(!cashier().hasMember());
        QTRY_VERIFY(visible(customerWindow(), u"customerNotice"_s));
        QVERIFY(cashier().messageIsError());
        QVERIFY(!cashier().message().isEmpty());
        QCOMPARE(customer().phoneText(), spaced); // kept, to join with
        QVERIFY(!customer().canJoin());
        tap(u"consentBox"_s);
        QVERIFY(customer().consent());
        QVERIFY(customer().canJoin());
        screenshot(u"join-keypad-"_s + language);
        if (language == u"en") { // a portrait customer screen
            customerWindow()->resize(800, 1280);
            QTRY_COMPARE(customerWindow()->contentItem()->height(), 1280);
            screenshot(u"join-keypad-portrait"_s);
            customerWindow()->resize(1280, 800);
            QTRY_COMPARE(customerWindow()->contentItem()->height(), 800);
        }

        // Join: a new member without a name, signed up here with the consent.
        tap(u"joinButton"_s);
        QVERIFY2(cashier().hasMember(), qPrintable(cashier().message()));
        QCOMPARE(till->session()->member()->member.phone, newPhone);
        QVERIFY(till->session()->member()->member.consent.isValid());
        QVERIFY(!customer().consent());
        QTRY_VERIFY(visible(customerWindow(), u"memberCard"_s));
        QVERIFY(text(customerWindow(), u"customerGreeting"_s).contains(masked));
        QCOMPARE(text(cashierWindow(), u"memberPhone"_s), masked);
        QVERIFY(!visibleTexts(customerWindow()->contentItem()).join(u'\n').contains(newPhone));
        screenshot(u"joined-"_s + language);

        // Paid: the points earned and the balance on the thank-you screen.
        const qint64 earning = till->session()->pointsToEarn();
        QVERIFY(earning > 0);
        QTest::keyClick(cashierWindow(), Qt::Key_F12);
        QTRY_VERIFY(cashier().paymentOpen());
        QTest::keyClick(cashierWindow(), Qt::Key_F5);
        QTRY_VERIFY(cashier().showingPaid());
        QTRY_COMPARE(customer().state(), CustomerDisplay::State::Thanks);
        QVERIFY(text(customerWindow(), u"customerEarned"_s).contains(QString::number(earning)));
        QVERIFY(visible(customerWindow(), u"customerBalance"_s));
        const std::optional<Sale> stored =
            till->data().ledger.loadSale(till->session()->lastPaid()->seq);
        QVERIFY(stored && stored->member);
        QCOMPARE(stored->member->pointsEarned, earning);
        screenshot(u"member-paid-"_s + language);
    }

    void codesScannedShowWhatTheyTakeOff_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << u"en"_s;
        QTest::newRow("zh_CN") << u"zh_CN"_s;
    }

    void codesScannedShowWhatTheyTakeOff()
    {
        QFETCH(QString, language);
        startTill(language);
        wedgeScan(dumplings);

        // The member's phone shows a member code: Emily Chen.
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QString memberId = u"M0006"_s;
        wedgeScan(
            memberCode(memberCodeKey(chain.memberSecret, memberId), memberId, memberCodeStep(now)));
        QTRY_VERIFY2(cashier().hasMember(), qPrintable(cashier().message()));
        QCOMPARE(text(cashierWindow(), u"memberName"_s), u"Emily Chen"_s);
        QTRY_VERIFY(text(customerWindow(), u"customerGreeting"_s).contains(u"E**** C***"_s));

        // ¥5 off: applies. 满50减10: ¥17.10 short. Both listed with what they do.
        Coupon cash;
        cash.id = 424242;
        cash.campaign = 1;
        cash.kind = Coupon::Kind::Cash;
        cash.value = 500;
        Coupon threshold;
        threshold.id = 434343;
        threshold.campaign = 1;
        threshold.kind = Coupon::Kind::Threshold;
        threshold.value = 1000;
        threshold.minSpend = Money::fromYuan(50);
        wedgeScan(couponCode(cash));
        QTRY_COMPARE(till->session()->coupons().size(), 1);
        wedgeScan(couponCode(threshold));
        QTRY_COMPARE(till->session()->coupons().size(), 2);
        const QList<CouponModel::Row> rows = cashier().coupons()->rows();
        QCOMPARE(rows.size(), 2);
        QVERIFY2(rows[0].title.contains(u"#424242"_s), qPrintable(rows[0].title));
        QCOMPARE(rows[0].effect, u"−¥5.00"_s);
        QVERIFY(rows[0].applies);
        QVERIFY2(rows[1].title.contains(u"#434343"_s), qPrintable(rows[1].title));
        QVERIFY2(rows[1].effect.contains(u"17.10"_s), qPrintable(rows[1].effect));
        QVERIFY(!rows[1].applies);
        if (language == u"en") {
            QCOMPARE(rows[0].title, u"¥5 off coupon #424242"_s);
            QCOMPARE(rows[1].title, u"Spend ¥50, get ¥10 off #434343"_s);
            QCOMPARE(rows[1].effect, u"spend ¥17.10 more"_s);
        }
        QCOMPARE(till->session()->total(), Money::fromFen(2790));
        QTRY_COMPARE(text(cashierWindow(), u"couponEffect"_s), u"−¥5.00"_s);
        QTRY_COMPARE(text(customerWindow(), u"customerCouponEffect"_s), u"−¥5.00"_s);
        screenshot(u"member-coupons-"_s + language);

        // F9: the strip and the coupons are said again in the other language.
        QSignalSpy cashierRetold(&cashier(), &CashierController::memberChanged);
        QSignalSpy customerRetold(&customer(), &CustomerDisplay::memberChanged);
        QTest::keyClick(cashierWindow(), Qt::Key_F9);
        QVERIFY(cashierRetold.count() > 0);
        QVERIFY(customerRetold.count() > 0);
        QCOMPARE(cashier().coupons()->rowCount(), 2);
        QTest::keyClick(cashierWindow(), Qt::Key_F9);

        // F11 takes off the last one; the other stays.
        QTest::keyClick(cashierWindow(), Qt::Key_F11);
        QCOMPARE(till->session()->coupons().size(), 1);
        QCOMPARE(cashier().coupons()->rowCount(), 1);
        QVERIFY(couponTitles().first().contains(u"#424242"_s));

        // 10% off snacks, and no snacks in the cart: listed, with why it takes nothing off.
        Coupon percent;
        percent.id = 454545;
        percent.campaign = 1;
        percent.kind = Coupon::Kind::Percent;
        percent.value = 1000;
        percent.category = u"snacks"_s;
        wedgeScan(couponCode(percent));
        QTRY_COMPARE(cashier().coupons()->rowCount(), 2);
        const CouponModel::Row snacks = cashier().coupons()->rows().last();
        QVERIFY2(snacks.title.endsWith(u"#454545"_s), qPrintable(snacks.title));
        QVERIFY(!snacks.applies);
        if (language == u"en") {
            QCOMPARE(snacks.title, u"10% off coupon #454545"_s);
            QCOMPARE(snacks.effect, u"not for these products"_s);
        }
    }

    // The whole of issue 9 in one sale through the real windows: a member QR, a coupon QR and
    // 满减; both screens show it, the ledger holds the member, the points and the write-off under
    // the journal's MACs, the receipt says so, and an edited points row or discount is caught.
    void memberSaleIsInTheLedgerAndOnTheReceipt()
    {
        startTill(u"zh_CN"_s);
        wedgeScan(dumplings);
        wedgeScan(dumplings);                // ¥65.80: 满50减5
        const QString memberId = u"M0001"_s; // 张三, gold, 1,280 points
        wedgeScan(memberCode(memberCodeKey(chain.memberSecret, memberId), memberId,
                             memberCodeStep(QDateTime::currentSecsSinceEpoch())));
        QTRY_VERIFY2(cashier().hasMember(), qPrintable(cashier().message()));
        QTRY_VERIFY(text(customerWindow(), u"customerGreeting"_s).contains(u"张*"_s));
        Coupon cash;
        cash.id = 515151;
        cash.campaign = 1;
        cash.kind = Coupon::Kind::Cash;
        cash.value = 500;
        wedgeScan(couponCode(cash));
        QTRY_COMPARE(till->session()->coupons().size(), 1);
        QCOMPARE(till->session()->total(), Money::fromFen(6580 - 500 - 500));
        QCOMPARE(till->session()->pointsToEarn(), 83); // ¥55.80 × 150 %

        QTest::keyClick(cashierWindow(), Qt::Key_F12);
        QTRY_VERIFY(cashier().paymentOpen());
        QTest::keyClick(cashierWindow(), Qt::Key_F5); // exact amount
        QTRY_VERIFY(cashier().showingPaid());
        const qint64 seq = till->session()->lastPaid()->seq;
        Ledger &ledger = till->data().ledger;
        const std::optional<Sale> sale = ledger.loadSale(seq);
        QVERIFY(sale);
        QCOMPARE(sale->total, Money::fromFen(5580));
        QStringList sources;
        for (const Adjustment &adjustment : sale->adjustments)
            sources << adjustment.source;
        QVERIFY2(sources.contains(u"promo:spend-save"_s), qPrintable(sources.join(u", ")));
        QVERIFY2(sources.contains(u"coupon:515151"_s), qPrintable(sources.join(u", ")));
        QVERIFY(sale->member);
        QCOMPARE(sale->member->id, memberId);
        QCOMPARE(sale->member->pointsEarned, 83);
        QCOMPARE(sale->member->pointsBalance, 1280 + 83);
        QCOMPARE(sale->coupons.size(), 1);
        QCOMPARE(sale->coupons.first().id, 515151u);
        QVERIFY(*ledger.couponRedeemed(515151));
        QVERIFY(ledger.verify().ok);
        ReceiptContext context;
        context.language = ReceiptLanguage::Both;
        const QString receipt = receiptFor(*sale, seq, {}, context).toText(32);
        for (const QString &expected :
             {u"满50减5"_s, u"共优惠 You saved"_s, u"138****8000"_s, u"+83"_s, u"#515151"_s})
            QVERIFY2(receipt.contains(expected), qPrintable(expected + u"\n"_s + receipt));
        screenshot(u"member-sale-paid-zh_CN"_s);

        // The same coupon again, in the next sale: refused, with the reason, and nothing taken.
        wedgeScan(dumplings);
        wedgeScan(couponCode(cash));
        QTRY_VERIFY(cashier().message().contains(u"515151"_s));
        QVERIFY(till->session()->coupons().isEmpty());
        till.reset();

        // Someone with the file and sqlite3 (and the knowledge to lift the guards) gives the
        // member more points, or makes the coupon worth more: ledger verify names the sale.
        for (const auto &[table, change, complaint] :
             {std::tuple{u"sale_members"_s, u"points_earned = 8300 WHERE seq = %1"_s.arg(seq),
                         u"points"_s},
              std::tuple{u"sale_adjustments"_s,
                         u"amount_fen = -5000 WHERE source = 'coupon:515151'"_s,
                         u"was changed"_s}}) {
            const QString db = QDir(dir.path()).filePath(u"ledger.db"_s);
            const QString copyDir = QDir(dir.path()).filePath(u"tampered"_s);
            QDir(copyDir).removeRecursively();
            QVERIFY(QDir().mkpath(copyDir));
            QVERIFY(QFile::copy(db, copyDir + u"/ledger.db"_s));
            {
                QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tamper"_s);
                raw.setDatabaseName(copyDir + u"/ledger.db"_s);
                QVERIFY(raw.open());
                QSqlQuery q(raw);
                for (
                    const QString &sql :
                    {u"DROP TRIGGER %1_no_update"_s.arg(table),
                     u"UPDATE %1 SET %2"_s.arg(table, change),
                     u"CREATE TRIGGER %1_no_update BEFORE UPDATE ON %1 BEGIN SELECT RAISE(ABORT, '%1 is append-only'); END"_s
                         .arg(table)})
                    QVERIFY2(q.exec(sql), qPrintable(sql + u": "_s + q.lastError().text()));
                raw.close();
            }
            QSqlDatabase::removeDatabase(u"tamper"_s);
            Ledger tampered;
            QVERIFY_OK(tampered.openReadOnly(copyDir, keys.path()));
            const VerifyResult verified = tampered.verify();
            QVERIFY2(!verified.ok && verified.firstBadSeq == seq
                         && verified.reason.contains(complaint),
                     qPrintable(verified.reason));
        }
    }
};

QTEST_MAIN(TestMemberFlow)
#include "tst_memberflow.moc"
