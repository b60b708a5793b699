// The sale session with members, points and coupons: member codes and phone numbers, sign-ups,
// coupons applied, refused and written off, points earned and redeemed, and what reaches the
// ledger. Every refusal a customer could provoke (a screenshot, a used coupon, a forged code)
// is tried here.
#include "core/membercode.h"
#include "demoshop.h"
#include "ledger/memberstore.h"
#include "services/chainkeys.h"
#include "services/couponpool.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {
using State = SaleSession::State;

const QDateTime startTime(QDate(2026, 11, 23), QTime(9, 15, 0), Qt::UTC);
const QString cola = u"6928804995534"_s; // DR0001, ¥3.00, drinks
// Demo members (resources/demo-members.csv)
const QString zhang = u"M0001"_s; // 13800138000, gold, 1280 points, birthday 03-15
const QString wang = u"M0002"_s;  // 13912345678, platinum, 25600 points

LoyaltyRules loyalty()
{
    LoyaltyRules rules;
    rules.tierPercent = {{u"gold"_s, 150}, {u"platinum"_s, 200}};
    rules.birthdayPercent = 200;
    return rules; // 1 point per yuan, 100 points = ¥1, at most 50 % of a sale
}

Coupon cashCoupon(quint64 id)
{
    Coupon coupon;
    coupon.id = id;
    coupon.campaign = 3;
    coupon.kind = Coupon::Kind::Cash;
    coupon.value = 500;                    // ¥5 off …
    coupon.minSpend = Money::fromYuan(20); // … from ¥20
    return coupon;
}
} // namespace

class TestSaleMembers : public QObject, protected testing::DemoShop {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void memberCodeIdentifies();
    void memberCodeBeforeAnyProduct();
    void memberCodeOneSaleOnly();
    void memberCodeRefused_data();
    void memberCodeRefused();
    void secondMemberRefused();
    void phoneIdentifies();
    void phoneRefused_data();
    void phoneRefused();
    void joinAtTheTill();
    void joinNeedsConsent();
    void joinWithKnownPhoneIdentifies();
    void couponAppliesAndIsWrittenOff();
    void couponUsedTwiceRefused();
    void couponRemovedIsNotWrittenOff();
    void couponNotApplyingIsNotWrittenOff();
    void couponRefused_data();
    void couponRefused();
    void memberBoundCoupon();
    void pointsEarned();
    void pointsRedeemed();
    void pointsOfflineBound();
    void cancelForgetsTheCustomer();
    void paidSaleShowsWhatItDid();
    void withoutKeysCodesAreRefused();
    void faceToFaceCoupons();

private:
    QString memberCodeNow(const QString &member, qint64 stepOffset = 0) const;
    QString couponCode(const Coupon &coupon) const;
    // Cola × units on the first line.
    void ringColas(qint64 units);
    PaidSale payExactly();

    std::unique_ptr<MemberStore> m_members;
    std::optional<ChainKeys> m_keys;
    // No promotions: the engine prices the coupons.
    PromotionEngine m_engine{PromotionSet()};
};

void TestSaleMembers::init()
{
    openShop(startTime);
    m_members = std::make_unique<MemberStore>();
    QVERIFY_OK(m_members->open(m_dir->path()));
    MemberImportOptions options;
    options.pointsAsOf = startTime.addDays(-1);
    const MemberImportReport report = m_members->importCsv(
        QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-members.csv"), options);
    QVERIFY2(report.ok, qPrintable(report.reason));
    Result<ChainKeys> keys = ChainKeys::create(m_dir->path());
    QVERIFY_OK(keys);
    m_keys = std::move(*keys);
    m_session->setMembers(m_members.get());
    m_session->setCodeKeys(m_keys->couponKeys, m_keys->memberSecret);
    m_session->setLoyalty(loyalty());
    m_session->setPricingRules({&m_engine});
}

void TestSaleMembers::cleanup()
{
    m_session.reset();
    m_members.reset();
    m_keys.reset();
    closeShop();
}

QString TestSaleMembers::memberCodeNow(const QString &member, qint64 stepOffset) const
{
    const qint64 step = memberCodeStep(m_clock->nowUtc().toSecsSinceEpoch()) + stepOffset;
    return memberCode(memberCodeKey(m_keys->memberSecret, member), member, step);
}

QString TestSaleMembers::couponCode(const Coupon &coupon) const
{
    return m_keys->signer->sign(coupon).value();
}

void TestSaleMembers::ringColas(qint64 units)
{
    QVERIFY(m_session->scan(cola));
    QVERIFY_OK(m_session->setQuantity(0, units));
}

PaidSale TestSaleMembers::payExactly()
{
    if (!m_session->beginTender())
        return {};
    const Status paid = m_session->payCash(m_session->total());
    if (!paid)
        qWarning("%s", qPrintable(paid.error().message));
    return m_session->lastPaid().value_or(PaidSale{});
}

void TestSaleMembers::memberCodeIdentifies()
{
    ringColas(4); // ¥12
    const QString code = memberCodeNow(zhang);
    QCOMPARE(*m_session->scan(code), -1);
    QVERIFY(m_session->member());
    const SessionMember &member = *m_session->member();
    QCOMPARE(member.member.id, zhang);
    QCOMPARE(member.member.tier, u"gold"_s);
    QCOMPARE(member.availablePoints, 1280);
    QCOMPARE(member.codeStep, memberCodeStep(startTime.toSecsSinceEpoch()));
    QCOMPARE(m_session->cart().lines().size(), 1); // the code is not a product
    QCOMPARE(m_session->pointsToEarn(), 18);       // ¥12 × 1 × 150 %

    const PaidSale paid = payExactly();
    QVERIFY(paid.sale.member);
    QCOMPARE(paid.sale.member->id, zhang);
    QCOMPARE(paid.sale.member->maskedPhone, u"138****8000"_s);
    QCOMPARE(paid.sale.member->codeStep, *member.codeStep);
    QCOMPARE(paid.sale.member->pointsEarned, 18);
    QCOMPARE(paid.sale.member->pointsBalance, 1280 + 18);
    const std::optional<Sale> recorded = m_ledger->loadSale(paid.seq);
    QVERIFY(recorded);
    QCOMPARE(recorded->member, paid.sale.member);
    QCOMPARE(*m_ledger->lastMemberCodeStep(zhang), member.codeStep);
}

void TestSaleMembers::memberCodeBeforeAnyProduct()
{
    QCOMPARE(*m_session->scan(memberCodeNow(wang)), -1);
    QCOMPARE(m_session->state(), State::Idle); // nothing to pay yet, but the member is known
    QCOMPARE(m_session->member()->member.id, wang);
    ringColas(1);
    QCOMPARE(m_session->state(), State::Scanning);
    QCOMPARE(m_session->member()->member.id, wang); // the first product keeps the member
    QCOMPARE(m_session->pointsToEarn(), 6);         // ¥3 × 200 %
}

void TestSaleMembers::memberCodeOneSaleOnly()
{
    const QString code = memberCodeNow(zhang);
    ringColas(1);
    QVERIFY(m_session->scan(code));
    QVERIFY(payExactly().sale.member);
    // The same code (a screenshot, or the same phone screen) for the next sale, 10 s later.
    m_clock->advanceMs(10'000);
    QSignalSpy notices(m_session.get(), &SaleSession::customerNotice);
    const Result<int> again = m_session->scan(code);
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QVERIFY2(again.error().message.contains(u"already used"_s), qPrintable(again.error().message));
    QCOMPARE(notices.size(), 1);
    QVERIFY(notices[0][0].toString().contains(u"refresh"_s));
    // An older code of the same member is no better; the next one is welcome.
    QVERIFY(!m_session->scan(memberCodeNow(zhang, -1)));
    m_clock->advanceMs(30'000);
    QVERIFY(m_session->scan(memberCodeNow(zhang)));
    // And after a restart: the ledger remembers the step, not the session.
    m_session = std::make_unique<SaleSession>(*m_catalog, *m_ledger, *m_clock, StoreRules());
    m_session->setPricingRules({&m_engine});
    m_session->setMembers(m_members.get());
    m_session->setCodeKeys(m_keys->couponKeys, m_keys->memberSecret);
    QVERIFY(!m_session->scan(code));
}

void TestSaleMembers::memberCodeRefused_data()
{
    QTest::addColumn<qint64>("advanceSeconds");
    QTest::addColumn<QString>("edit"); // what is done to the code
    QTest::addColumn<QString>("reason");
    QTest::newRow("screenshot, 61 s later") << qint64(61 + 30) << QString() << u"expired"_s;
    QTest::newRow("phone clock 2 steps ahead") << qint64(-61) << QString() << u"clock is ahead"_s;
    QTest::newRow("tag altered") << qint64(0) << u"tag"_s << u"not genuine"_s;
    QTest::newRow("member id changed") << qint64(0) << u"member"_s << u"not genuine"_s;
    QTest::newRow("cut short") << qint64(0) << u"cut"_s << u"cannot be read"_s;
}

void TestSaleMembers::memberCodeRefused()
{
    QFETCH(qint64, advanceSeconds);
    QFETCH(QString, edit);
    QFETCH(QString, reason);
    QString code = memberCodeNow(zhang);
    if (edit == u"tag")
        code[code.size() - 2] = code[code.size() - 2] == u'A' ? u'B' : u'A';
    else if (edit == u"member")
        code.replace(zhang, u"M0002"_s);
    else if (edit == u"cut")
        code.chop(3);
    m_clock->advanceMs(advanceSeconds * 1000);
    ringColas(1);
    QSignalSpy notices(m_session.get(), &SaleSession::customerNotice);
    const Result<int> scanned = m_session->scan(code);
    QVERIFY(!scanned);
    QVERIFY2(scanned.error().message.contains(reason), qPrintable(scanned.error().message));
    QVERIFY(!m_session->member());
    QCOMPARE(notices.size(), 1);
}

void TestSaleMembers::secondMemberRefused()
{
    ringColas(1);
    QVERIFY(m_session->scan(memberCodeNow(zhang)));
    QCOMPARE(*m_session->scan(memberCodeNow(zhang)), -1); // the same member again: no change
    const Result<int> other = m_session->scan(memberCodeNow(wang));
    QVERIFY(!other);
    QCOMPARE(other.error().code, ErrorCode::Conflict);
    QCOMPARE(m_session->member()->member.id, zhang);
    QVERIFY(!m_session->identifyMember(u"13912345678"));
    QVERIFY_OK(m_session->removeMember());
    QVERIFY_OK(m_session->identifyMember(u"13912345678"));
    QCOMPARE(m_session->member()->member.id, wang);
}

void TestSaleMembers::phoneIdentifies()
{
    ringColas(2);
    QVERIFY_OK(m_session->identifyMember(u"+86 138-0013-8000"));
    QCOMPARE(m_session->member()->member.id, zhang);
    QCOMPARE(m_session->member()->codeStep, std::nullopt);
    const PaidSale paid = payExactly();
    QCOMPARE(paid.sale.member->codeStep, -1);
    // By phone, no member-code step is recorded: the member's next code is still welcome.
    QCOMPARE(*m_ledger->lastMemberCodeStep(zhang), std::nullopt);
}

void TestSaleMembers::phoneRefused_data()
{
    QTest::addColumn<QString>("phone");
    QTest::addColumn<ErrorCode>("code");
    QTest::newRow("nobody's") << u"13700000009"_s << ErrorCode::NotFound;
    QTest::newRow("too short") << u"1380013800"_s << ErrorCode::InvalidInput;
    QTest::newRow("landline") << u"010-12345678"_s << ErrorCode::InvalidInput;
    QTest::newRow("empty") << QString() << ErrorCode::InvalidInput;
    QTest::newRow("SQL") << u"13800138000' OR '1'='1"_s << ErrorCode::InvalidInput;
}

void TestSaleMembers::phoneRefused()
{
    QFETCH(QString, phone);
    QFETCH(ErrorCode, code);
    const Status identified = m_session->identifyMember(phone);
    QVERIFY(!identified);
    QCOMPARE(identified.error().code, code);
    QVERIFY(!m_session->member());
}

void TestSaleMembers::joinAtTheTill()
{
    ringColas(1);
    const QString consent = u"我同意会员条款 v1 / I agree to the member terms v1"_s;
    QVERIFY_OK(m_session->joinMember(u"139 0000 1234", consent));
    QVERIFY(m_session->member());
    const QString id = m_session->member()->member.id;
    QVERIFY2(isMemberId(id), qPrintable(id));
    QCOMPARE(m_session->member()->member.tier, u"silver"_s);
    QCOMPARE(m_session->member()->availablePoints, 0);
    // In the journal (and so the outbox) at once, before any sale.
    const auto joined = *m_ledger->joinedMember(u"13900001234"_s);
    QVERIFY(joined);
    QCOMPARE(joined->memberId, id);
    QCOMPARE(joined->consentText, consent);
    QCOMPARE(joined->joinedAt, startTime);
    QCOMPARE(payExactly().sale.member->id, id);
    // The next visit, by phone: the same member, known from the ledger.
    ringColas(1);
    QVERIFY_OK(m_session->identifyMember(u"13900001234"));
    QCOMPARE(m_session->member()->member.id, id);
    QCOMPARE(m_session->member()->member.points, 0);
}

void TestSaleMembers::joinNeedsConsent()
{
    const Status joined = m_session->joinMember(u"13900001234", u"  "_s);
    QVERIFY(!joined);
    QVERIFY(joined.error().message.contains(u"agree"_s));
    QCOMPARE(*m_ledger->joinedMember(u"13900001234"_s), std::nullopt);
    QVERIFY(!m_session->joinMember(u"12345", u"I agree"_s));
}

void TestSaleMembers::joinWithKnownPhoneIdentifies()
{
    QVERIFY_OK(m_session->joinMember(u"13800138000", u"I agree"_s));
    QCOMPARE(m_session->member()->member.id, zhang);
    QCOMPARE(m_ledger->head().seq, 0); // no sign-up written
}

void TestSaleMembers::couponAppliesAndIsWrittenOff()
{
    ringColas(4); // ¥12: below the ¥20 minimum
    QCOMPARE(*m_session->scan(couponCode(cashCoupon(501))), -1);
    QCOMPARE(m_session->coupons().size(), 1);
    QCOMPARE(m_session->coupons()[0].discount, Money());
    QCOMPARE(m_session->coupons()[0].fit, CouponFit::BelowMinimum);
    QCOMPARE(m_session->total(), Money::fromYuan(12));
    QVERIFY_OK(m_session->setQuantity(0, 8)); // ¥24
    QCOMPARE(m_session->coupons()[0].discount, Money::fromYuan(5));
    QCOMPARE(m_session->coupons()[0].fit, CouponFit::Applies);
    QCOMPARE(m_session->total(), Money::fromYuan(19));
    QCOMPARE(m_session->saved(), Money::fromYuan(5));
    const PaidSale paid = payExactly();
    QCOMPARE(paid.sale.coupons.size(), 1);
    QCOMPARE(paid.sale.coupons[0].id, 501u);
    QCOMPARE(paid.sale.coupons[0].campaign, 3u);
    QCOMPARE(paid.sale.coupons[0].keyId, m_keys->couponKeys.first().id());
    QCOMPARE(paid.sale.adjustments.last().source, u"coupon:501"_s);
    QVERIFY(*m_ledger->couponRedeemed(501));
    QCOMPARE(m_session->coupons().size(), 1); // shown as written off until the next sale
    QCOMPARE(m_session->coupons()[0].fit, CouponFit::Applies);
    QCOMPARE(m_session->coupons()[0].discount, Money::fromYuan(5));
    const VerifyResult verified = m_ledger->verify();
    QVERIFY2(verified.ok, qPrintable(verified.reason));
}

void TestSaleMembers::couponUsedTwiceRefused()
{
    const QString code = couponCode(cashCoupon(502));
    ringColas(8);
    QVERIFY(m_session->scan(code));
    const Result<int> twice = m_session->scan(code);
    QVERIFY(!twice);
    QVERIFY(twice.error().message.contains(u"already in this sale"_s));
    QCOMPARE(m_session->coupons().size(), 1);
    payExactly();
    ringColas(8);
    QSignalSpy notices(m_session.get(), &SaleSession::customerNotice);
    const Result<int> again = m_session->scan(code);
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QVERIFY2(again.error().message.contains(u"already used"_s), qPrintable(again.error().message));
    QCOMPARE(notices.size(), 1);
    QVERIFY(m_session->coupons().isEmpty());
    QCOMPARE(m_session->total(), Money::fromYuan(24));
}

void TestSaleMembers::couponRemovedIsNotWrittenOff()
{
    const QString code = couponCode(cashCoupon(503));
    ringColas(8);
    QVERIFY(m_session->scan(code));
    QCOMPARE(m_session->total(), Money::fromYuan(19));
    QVERIFY_OK(m_session->removeCoupon(0));
    QCOMPARE(m_session->total(), Money::fromYuan(24));
    QVERIFY(!m_session->removeCoupon(0));
    QVERIFY(payExactly().sale.coupons.isEmpty());
    QVERIFY(!*m_ledger->couponRedeemed(503));
    ringColas(8);
    QVERIFY(m_session->scan(code)); // still good for the next sale
    QCOMPARE(payExactly().sale.coupons.size(), 1);
}

void TestSaleMembers::couponNotApplyingIsNotWrittenOff()
{
    ringColas(2); // ¥6, never reaching the minimum
    QVERIFY(m_session->scan(couponCode(cashCoupon(504))));
    const PaidSale paid = payExactly();
    QVERIFY(paid.sale.coupons.isEmpty());
    QVERIFY(!*m_ledger->couponRedeemed(504));
    QVERIFY(m_session->coupons().isEmpty());
}

void TestSaleMembers::couponRefused_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("customer");
    // "expired:", "early:" and "forged:" codes need this shop's key: couponRefused makes them.
    const CouponSigner otherChain = CouponSigner::generate().value();
    QTest::newRow("expired") << u"expired:601"_s << u"expired"_s << u"expired"_s;
    QTest::newRow("not yet valid") << u"early:602"_s << u"can be used from"_s << u"yet"_s;
    QTest::newRow("another chain's") << otherChain.sign(cashCoupon(603)).value()
                                     << u"not issued by this chain"_s << u"cannot be used here"_s;
    QTest::newRow("garbled") << u"SPC1.AAAA"_s << u"cannot be read"_s << u"cannot be used here"_s;
    QTest::newRow("forged") << u"forged:604"_s << u"forged"_s << u"cannot be used here"_s;
}

void TestSaleMembers::couponRefused()
{
    QFETCH(QString, code);
    QFETCH(QString, reason);
    QFETCH(QString, customer);
    // Codes that need this shop's key are made now.
    const qint64 now = startTime.toSecsSinceEpoch();
    if (code.startsWith(u"expired:")) {
        Coupon c = cashCoupon(601);
        c.validUntil = now;
        code = couponCode(c);
    } else if (code.startsWith(u"early:")) {
        Coupon c = cashCoupon(602);
        c.validFrom = now + 3600;
        code = couponCode(c);
    } else if (code.startsWith(u"forged:")) {
        // A valid code whose payload says ¥50 instead of ¥5: the signature no longer matches.
        Coupon c = cashCoupon(604);
        const QString genuine = couponCode(c);
        c.value = 5000;
        const QString richer = couponCode(c);
        const qsizetype signatureChars = 86; // 64 bytes in base64url
        code = richer.left(richer.size() - signatureChars) + genuine.right(signatureChars);
    }
    ringColas(8);
    QSignalSpy notices(m_session.get(), &SaleSession::customerNotice);
    const Result<int> scanned = m_session->scan(code);
    QVERIFY(!scanned);
    QVERIFY2(scanned.error().message.contains(reason), qPrintable(scanned.error().message));
    QCOMPARE(notices.size(), 1);
    QVERIFY2(notices[0][0].toString().contains(customer), qPrintable(notices[0][0].toString()));
    QVERIFY(m_session->coupons().isEmpty());
    QCOMPARE(m_session->total(), Money::fromYuan(24));
}

void TestSaleMembers::memberBoundCoupon()
{
    Coupon bound = cashCoupon(701);
    bound.member = zhang;
    const QString code = couponCode(bound);
    ringColas(8);
    const Result<int> withoutMember = m_session->scan(code);
    QVERIFY(!withoutMember);
    QVERIFY(withoutMember.error().message.contains(u"scan their member code"_s));
    QVERIFY_OK(m_session->identifyMember(u"13912345678")); // Wang, not Zhang
    const Result<int> otherMember = m_session->scan(code);
    QVERIFY(!otherMember);
    QVERIFY(otherMember.error().message.contains(u"another member"_s));
    QVERIFY_OK(m_session->removeMember());
    QVERIFY_OK(m_session->identifyMember(u"13800138000"));
    QVERIFY(m_session->scan(code));
    QCOMPARE(m_session->total(), Money::fromYuan(19));
    // The member leaves the sale, their coupon with them.
    QVERIFY_OK(m_session->removeMember());
    QVERIFY(m_session->coupons().isEmpty());
    QCOMPARE(m_session->total(), Money::fromYuan(24));
}

void TestSaleMembers::pointsEarned()
{
    ringColas(10);                                         // ¥30
    QVERIFY(m_session->scan(couponCode(cashCoupon(801)))); // −¥5: points on ¥25
    QVERIFY_OK(m_session->identifyMember(u"13912345678")); // platinum: 200 %
    QCOMPARE(m_session->pointsToEarn(), 50);
    // On their birthday (the store's date), twice as many.
    m_clock->set(QDateTime(QDate(2026, 11, 2), QTime(10, 0), Qt::UTC));
    QVERIFY_OK(m_session->removeMember());
    QVERIFY_OK(m_session->identifyMember(u"13912345678"));
    QVERIFY(m_session->member()->birthday);
    QCOMPARE(m_session->pointsToEarn(), 100);
}

void TestSaleMembers::pointsRedeemed()
{
    ringColas(10);                                         // ¥30
    QVERIFY_OK(m_session->identifyMember(u"13912345678")); // 25600 points
    QCOMPARE(m_session->redeemable().points, 1500);        // ¥15: half of the sale
    QCOMPARE(m_session->redeemable().amount, Money::fromYuan(15));
    QCOMPARE(m_session->redemption().points, 0);
    QVERIFY_OK(m_session->setRedeemPoints(true));
    QCOMPARE(m_session->redemption().points, 1500);
    QCOMPARE(m_session->total(), Money::fromYuan(15));
    QCOMPARE(m_session->pointsToEarn(), 30); // on the ¥15 paid, at 200 %
    const PaidSale paid = payExactly();
    QCOMPARE(paid.sale.member->pointsRedeemed, 1500);
    QCOMPARE(paid.sale.member->pointsBalance, 25600 - 1500 + 30);
    QCOMPARE(paid.sale.adjustments.last().source, u"points:M0002"_s);
    QCOMPARE(paid.sale.adjustments.last().amount, Money::fromYuan(-15));
    QCOMPARE(m_session->redemption().points, 1500); // the paid sale's, for the screens
    QCOMPARE(*m_ledger->pointsRedeemedSince(wang, {}), 1500);
    const VerifyResult verified = m_ledger->verify();
    QVERIFY2(verified.ok, qPrintable(verified.reason));
}

void TestSaleMembers::pointsOfflineBound()
{
    // Zhang has 1280 points: ¥12 at most, whatever the sale.
    ringColas(40); // ¥120
    QVERIFY_OK(m_session->identifyMember(u"13800138000"));
    QCOMPARE(m_session->redeemable().points, 1200);
    QVERIFY_OK(m_session->setRedeemPoints(true));
    payExactly();
    // Offline, the next sale knows only 1280 − 1200: less than ¥1 is left, none can be used.
    ringColas(40);
    QVERIFY_OK(m_session->identifyMember(u"13800138000"));
    QCOMPARE(m_session->member()->availablePoints, 80);
    QCOMPARE(m_session->redeemable().points, 0);
    const Status refused = m_session->setRedeemPoints(true);
    QVERIFY(!refused);
    QVERIFY(refused.error().message.contains(u"80 available"_s));
    // A newer balance from the chain (imported after the sale) counts from its own time.
    m_clock->advanceMs(60'000);
    QVERIFY_OK(m_session->removeMember());
    QFile csv(m_dir->filePath(u"newer.csv"_s));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("member_id,phone,name,tier,points,birthday,consent_utc\n"
              "M0001,13800138000,张三,gold,2080,03-15,2025-01-10T02:30:00Z\n");
    csv.close();
    MemberImportOptions options;
    options.pointsAsOf = m_clock->nowUtc();
    QVERIFY(m_members->importCsv(csv.fileName(), options).ok);
    QVERIFY_OK(m_session->identifyMember(u"13800138000"));
    QCOMPARE(m_session->member()->availablePoints, 2080);
}

void TestSaleMembers::cancelForgetsTheCustomer()
{
    ringColas(8);
    QVERIFY(m_session->scan(memberCodeNow(zhang)));
    QVERIFY(m_session->scan(couponCode(cashCoupon(901))));
    QVERIFY_OK(m_session->cancelSale());
    QVERIFY(!m_session->member());
    QVERIFY(m_session->coupons().isEmpty());
    QVERIFY(!*m_ledger->couponRedeemed(901));
    QCOMPARE(m_ledger->head().seq, 0);
}

void TestSaleMembers::paidSaleShowsWhatItDid()
{
    ringColas(8);
    QVERIFY(m_session->scan(memberCodeNow(zhang)));
    QVERIFY(m_session->scan(couponCode(cashCoupon(902))));
    payExactly();
    QCOMPARE(m_session->state(), State::Paid);
    QCOMPARE(m_session->member()->member.id, zhang);
    QCOMPARE(m_session->pointsToEarn(), 28); // ¥19 × 150 %
    QCOMPARE(m_session->member()->member.points, 1280 + 28);
    QCOMPARE(m_session->coupons().size(), 1);
    // The next customer's member code starts the next sale: nothing of Zhang's is left.
    m_clock->advanceMs(1000);
    QVERIFY(m_session->scan(memberCodeNow(wang)));
    QCOMPARE(m_session->state(), State::Idle);
    QVERIFY(!m_session->lastPaid());
    QCOMPARE(m_session->member()->member.id, wang);
    QVERIFY(m_session->coupons().isEmpty());
}

void TestSaleMembers::withoutKeysCodesAreRefused()
{
    m_session->setCodeKeys({}, {});
    ringColas(8);
    const Result<int> member = m_session->scan(memberCodeNow(zhang));
    QVERIFY(!member);
    QCOMPARE(member.error().code, ErrorCode::NotSupported);
    const Result<int> coupon = m_session->scan(couponCode(cashCoupon(903)));
    QVERIFY(!coupon);
    QCOMPARE(coupon.error().code, ErrorCode::NotSupported);
    QCOMPARE(m_session->total(), Money::fromYuan(24));
}

void TestSaleMembers::faceToFaceCoupons()
{
    QStringList pooled;
    for (quint64 id = 7'000'001; id <= 7'000'003; ++id) {
        Coupon c = cashCoupon(id);
        c.campaign = 7;
        pooled.append(couponCode(c));
    }
    QVERIFY_OK(CouponPool::write(m_dir->path(), {7, u"到店礼"_s, u"Welcome"_s, 0}, pooled));
    CouponPool pool;
    QVERIFY_OK(pool.load(m_dir->path(), m_keys->couponKeys, startTime.toSecsSinceEpoch()));
    m_session->setCouponPool(&pool);

    QVERIFY(!m_session->giveCoupon(7)); // with a sale only
    ringColas(2);
    QVERIFY_OK(m_session->giveCoupon(7));
    QCOMPARE(m_session->givenCoupons().size(), 1);
    QCOMPARE(m_session->givenCoupons()[0].id, 7'000'001u);
    QCOMPARE(m_session->givenCoupons()[0].code, pooled[0]);
    QCOMPARE(m_session->total(), Money::fromYuan(6)); // handing out changes no price
    const PaidSale paid = payExactly();
    QCOMPARE(paid.sale.givenCoupons.size(), 1);
    QVERIFY(*m_ledger->couponHandedOut(7'000'001));
    QCOMPARE(m_session->givenCoupons().size(), 1); // still on the screens of the paid sale

    // A cancelled sale gives its coupon back to the pool.
    ringColas(2);
    QVERIFY(m_session->givenCoupons().isEmpty());
    QVERIFY_OK(m_session->giveCoupon(7));
    QCOMPARE(m_session->givenCoupons()[0].id, 7'000'002u);
    QVERIFY_OK(m_session->cancelSale());
    ringColas(2);
    QVERIFY_OK(m_session->giveCoupon(7));
    QCOMPARE(m_session->givenCoupons()[0].id, 7'000'002u);
    QVERIFY_OK(m_session->giveCoupon(7));
    const Status empty = m_session->giveCoupon(7);
    QVERIFY(!empty);
    QVERIFY(empty.error().message.contains(u"No coupons of campaign 7"_s));
    payExactly();

    // A restart reads the pool again; the ledger keeps what was handed out.
    CouponPool again;
    QVERIFY_OK(again.load(m_dir->path(), m_keys->couponKeys, startTime.toSecsSinceEpoch()));
    m_session->setCouponPool(&again);
    ringColas(2);
    QVERIFY(!m_session->giveCoupon(7));
    // And the customer can use a coupon they were given, in a later sale.
    QVERIFY_OK(m_session->setQuantity(0, 8));
    QVERIFY(m_session->scan(pooled[0]));
    QCOMPARE(m_session->total(), Money::fromYuan(19));
    m_session->setCouponPool(nullptr);
}

QTEST_GUILESS_MAIN(TestSaleMembers)
#include "tst_salemembers.moc"
