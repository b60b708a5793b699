// The coupon code (app/core/couponcode.h): signed by the chain, checked offline by a till.
#include "core/couponcode.h"
#include "core/storerules.h"

#include <QDateTime>
#include <QTest>

using namespace smartpos;
using namespace Qt::StringLiterals;

using Verdict = CouponCheck::Verdict;

namespace {

constexpr auto base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
constexpr qsizetype signatureBytes = 64;
const QString base64urlAlphabet =
    u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"_s;

qint64 at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toSecsSinceEpoch();
}

// ¥5 off, campaign 7, May 2026 in Beijing time, bearer: the docs' typical coupon.
Coupon typicalCoupon()
{
    Coupon coupon;
    coupon.id = 0x8f3a'11c2'9b40'd7e5;
    coupon.campaign = 7;
    coupon.kind = Coupon::Kind::Cash;
    coupon.value = 500;
    coupon.validFrom = at("2026-05-01T00:00:00+08:00");
    coupon.validUntil = at("2026-06-01T00:00:00+08:00");
    return coupon;
}

QByteArray codeBytes(const QString &code)
{
    return QByteArray::fromBase64(code.sliced(5).toLatin1(), base64url);
}

QString codeFrom(const QByteArray &bytes)
{
    return u"SPC1."_s + QString::fromLatin1(bytes.toBase64(base64url));
}

const CouponSigner &chain()
{
    static const CouponSigner signer = *CouponSigner::generate();
    return signer;
}

const CouponSigner &otherChain()
{
    static const CouponSigner signer = *CouponSigner::generate();
    return signer;
}

const QList<CouponKey> &trusted()
{
    static const QList<CouponKey> keys = {chain().publicKey()};
    return keys;
}

} // namespace

class TestCouponCode : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<Coupon>("coupon");
        Coupon cash = typicalCoupon();
        QTest::newRow("cash, bearer") << cash;
        Coupon percent = cash;
        percent.kind = Coupon::Kind::Percent;
        percent.value = 1250;
        percent.category = u"饮料 Drinks"_s;
        percent.member = u"M000123"_s;
        QTest::newRow("percent, category, member") << percent;
        Coupon threshold = cash;
        threshold.kind = Coupon::Kind::Threshold;
        threshold.value = 2000;
        threshold.minSpend = Money::fromYuan(100);
        threshold.validFrom = 0;
        threshold.validUntil = 0;
        QTest::newRow("threshold, no dates") << threshold;
        Coupon item = cash;
        item.kind = Coupon::Kind::Item;
        item.value = 2;
        item.sku = u"DR0001"_s;
        item.minSpend = Money::fromFen(1);
        QTest::newRow("item") << item;
        Coupon largest = item;
        largest.id = std::numeric_limits<quint64>::max();
        largest.campaign = std::numeric_limits<quint32>::max();
        largest.kind = Coupon::Kind::Cash;
        largest.value = MoneyLimits::ceiling.fen;
        largest.minSpend = MoneyLimits::ceiling;
        largest.sku = QString(64, u'S');
        largest.category = QString(21, u'类') + u'x'; // 64 UTF-8 bytes
        largest.member = QString(32, u'm');
        largest.validFrom = 1;
        largest.validUntil = at("9999-12-31T23:59:59Z");
        QTest::newRow("largest") << largest;
    }

    void roundTrip()
    {
        QFETCH(Coupon, coupon);
        const std::optional<QString> code = chain().sign(coupon);
        QVERIFY(code);
        QVERIFY(code->startsWith(u"SPC1."_s));
        QCOMPARE(chain().sign(coupon), code); // Ed25519 is deterministic
        const CouponCheck check = checkCouponCode(*code, trusted(), coupon.validFrom);
        QCOMPARE(check.verdict, Verdict::Valid);
        QCOMPARE(check.coupon, coupon);
        QCOMPARE(check.keyId, chain().publicKey().id());

        const QByteArray payload = codeBytes(*code).chopped(signatureBytes);
        QCOMPARE(encodeCouponPayload(coupon, check.keyId), payload);
        const auto decoded = decodeCouponPayload(payload);
        QVERIFY(decoded);
        QCOMPARE(decoded->coupon, coupon);
    }

    // The sizes docs/codes.md gives.
    void typicalSize()
    {
        const QString code = *chain().sign(typicalCoupon());
        QCOMPARE(encodeCouponPayload(typicalCoupon(), 0)->size(), 31);
        QCOMPARE(codeBytes(code).size(), 95);
        QCOMPARE(code.size(), 132);
        Coupon bound = typicalCoupon();
        bound.member = u"M000123"_s;
        QCOMPARE(chain().sign(bound)->size(), 141);
    }

    // Every bit of the bytes flipped, one at a time: never Valid, and the reason says where.
    void everyBitFlipped()
    {
        Coupon coupon = typicalCoupon();
        coupon.member = u"M000123"_s;
        coupon.category = u"饮料"_s;
        const QByteArray bytes = codeBytes(*chain().sign(coupon));
        const qsizetype payloadSize = bytes.size() - signatureBytes;
        const qint64 now = coupon.validFrom;
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            for (int bit = 0; bit < 8; ++bit) {
                QByteArray flipped = bytes;
                flipped[i] = char(flipped[i] ^ (1 << bit));
                const Verdict verdict = checkCouponCode(codeFrom(flipped), trusted(), now).verdict;
                const QByteArray where = "byte " + QByteArray::number(i) + " bit "
                                         + QByteArray::number(bit) + ": verdict "
                                         + QByteArray::number(int(verdict));
                if (i == 0) // the version
                    QVERIFY2(verdict == Verdict::Malformed, where);
                else if (i < 5) // the key id: no key of this till has that id
                    QVERIFY2(verdict == Verdict::WrongKey, where);
                else if (i < payloadSize)
                    QVERIFY2(verdict == Verdict::Forged || verdict == Verdict::Malformed, where);
                else
                    QVERIFY2(verdict == Verdict::Forged, where);
            }
        }
    }

    // The same in the text: every character replaced by every other base64url character.
    void everyCharacterReplaced()
    {
        const QString code = *chain().sign(typicalCoupon());
        for (qsizetype i = 0; i < code.size(); ++i) {
            for (const QChar c : base64urlAlphabet) {
                if (c == code[i])
                    continue;
                QString changed = code;
                changed[i] = c;
                QVERIFY2(checkCouponCode(changed, trusted(), typicalCoupon().validFrom).verdict
                             != Verdict::Valid,
                         qPrintable(changed));
            }
        }
    }

    void wrongKey()
    {
        const Coupon coupon = typicalCoupon();
        const QString theirs = *otherChain().sign(coupon);
        const CouponCheck check = checkCouponCode(theirs, trusted(), coupon.validFrom);
        QCOMPARE(check.verdict, Verdict::WrongKey);
        QCOMPARE(check.coupon, coupon); // readable all the same
        QCOMPARE(check.keyId, otherChain().publicKey().id());
        QCOMPARE(checkCouponCode(theirs, {}, coupon.validFrom).verdict, Verdict::WrongKey);
        // A till that trusts both (a key rotation) takes either.
        const QList<CouponKey> both = {chain().publicKey(), otherChain().publicKey()};
        QCOMPARE(checkCouponCode(theirs, both, coupon.validFrom).verdict, Verdict::Valid);
        QCOMPARE(checkCouponCode(*chain().sign(coupon), both, coupon.validFrom).verdict,
                 Verdict::Valid);
    }

    // Another key's signature under this chain's key id: forged, not "wrong key".
    void otherSignatureUnderOurKeyId()
    {
        QByteArray bytes = codeBytes(*otherChain().sign(typicalCoupon()));
        const quint32 ours = chain().publicKey().id();
        for (int i = 0; i < 4; ++i)
            bytes[1 + i] = char(ours >> (8 * (3 - i)));
        QCOMPARE(checkCouponCode(codeFrom(bytes), trusted(), typicalCoupon().validFrom).verdict,
                 Verdict::Forged);
    }

    void validityEdges_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<bool>("fromEnd");
        QTest::addColumn<int>("expected");
        QTest::newRow("a second before validFrom")
            << qint64(-1) << false << int(Verdict::NotYetValid);
        QTest::newRow("at validFrom") << qint64(0) << false << int(Verdict::Valid);
        QTest::newRow("a second before validUntil") << qint64(-1) << true << int(Verdict::Valid);
        QTest::newRow("at validUntil") << qint64(0) << true << int(Verdict::Expired);
        QTest::newRow("a year after") << qint64(365 * 86400) << true << int(Verdict::Expired);
    }

    void validityEdges()
    {
        QFETCH(qint64, offset);
        QFETCH(bool, fromEnd);
        QFETCH(int, expected);
        const Coupon coupon = typicalCoupon();
        const qint64 now = (fromEnd ? coupon.validUntil : coupon.validFrom) + offset;
        const CouponCheck check = checkCouponCode(*chain().sign(coupon), trusted(), now);
        QCOMPARE(int(check.verdict), expected);
        QCOMPARE(check.coupon, coupon);
    }

    void noDatesIsAlwaysValid()
    {
        Coupon coupon = typicalCoupon();
        coupon.validFrom = 0;
        coupon.validUntil = 0;
        const QString code = *chain().sign(coupon);
        for (const qint64 now : {qint64(0), at("2026-05-01T00:00:00Z"), at("9999-01-01T00:00:00Z")})
            QCOMPARE(checkCouponCode(code, trusted(), now).verdict, Verdict::Valid);
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("code");
        const QString good = *chain().sign(typicalCoupon());
        const QByteArray bytes = codeBytes(good);
        const QByteArray payload = bytes.chopped(signatureBytes);
        const QByteArray signature = bytes.last(signatureBytes);
        // The payload changed at `at` by `change`, with the same signature.
        auto edited = [&](qsizetype index, qsizetype remove, const QByteArray &insert) {
            return codeFrom(QByteArray(payload).replace(index, remove, insert) + signature);
        };
        QTest::newRow("empty") << QString();
        QTest::newRow("prefix only") << u"SPC1."_s;
        QTest::newRow("other prefix") << u"SPM1."_s + good.sliced(5);
        QTest::newRow("lower case prefix") << u"spc1."_s + good.sliced(5);
        QTest::newRow("no prefix") << good.sliced(5);
        QTest::newRow("truncated by one") << good.chopped(1);
        QTest::newRow("truncated by 4") << good.chopped(4);
        QTest::newRow("half") << good.first(good.size() / 2);
        QTest::newRow("padded") << good + u"="_s;
        QTest::newRow("extra dot") << good + u"."_s;
        QTest::newRow("dot inside") << good.first(40) + u"."_s + good.sliced(40);
        QTest::newRow("trailing space") << good + u" "_s;
        QTest::newRow("space inside") << good.first(40) + u" "_s + good.sliced(40);
        QTest::newRow("standard base64") << good.first(40) + u"+/"_s + good.sliced(42);
        QTest::newRow("non-ASCII") << good.first(40) + u"é"_s + good.sliced(41);
        QTest::newRow("full-width") << good.first(40) + u"Ａ"_s + good.sliced(41);
        QTest::newRow("bad base64") << u"SPC1.!!!!"_s;
        // 127 characters carry 95 bytes and 2 spare bits, which must be zero.
        QString spare = good;
        spare.back() = base64urlAlphabet[base64urlAlphabet.indexOf(good.back()) ^ 1];
        QTest::newRow("spare bits set") << spare;
        QTest::newRow("signature only") << codeFrom(signature);
        QTest::newRow("one byte more") << codeFrom(bytes + '\0');
        QTest::newRow("a payload byte more") << codeFrom(payload + '\0' + signature);
        QTest::newRow("version 0") << edited(0, 1, QByteArray(1, '\0'));
        QTest::newRow("version 2") << edited(0, 1, QByteArray(1, '\2'));
        // Campaign 7 is at byte 13 as one byte; 0x87 0x00 is 7 too, in a byte more than needed.
        QTest::newRow("non-minimal number") << edited(13, 1, QByteArrayLiteral("\x87\x00"));
        QTest::newRow("number of 10 bytes")
            << edited(13, 1, QByteArray(9, '\xff') + QByteArray(1, '\x01'));
        QTest::newRow("campaign above 32 bits")
            << edited(13, 1, QByteArrayLiteral("\x80\x80\x80\x80\x10"));
        QTest::newRow("kind 0") << edited(14, 1, QByteArray(1, '\0'));
        QTest::newRow("kind 5") << edited(14, 1, QByteArray(1, '\5'));
        // The sku is the third byte from the end (empty): one byte that is not UTF-8.
        QTest::newRow("sku not UTF-8")
            << edited(payload.size() - 3, 1, QByteArrayLiteral("\x01\xff"));
        QTest::newRow("sku with a control character")
            << edited(payload.size() - 3, 1, QByteArrayLiteral("\x01\x07"));
        QTest::newRow("member not a member id")
            << edited(payload.size() - 1, 1, QByteArrayLiteral("\x03M.1"));
        QTest::newRow("text longer than the rest")
            << edited(payload.size() - 1, 1, QByteArray(1, '\x30'));
        QTest::newRow("huge") << u"SPC1."_s + QString(100'000, u'A');
    }

    void malformed()
    {
        QFETCH(QString, code);
        const CouponCheck check = checkCouponCode(code, trusted(), typicalCoupon().validFrom);
        QCOMPARE(check.verdict, Verdict::Malformed);
    }

    void problems_data()
    {
        QTest::addColumn<Coupon>("coupon");
        QTest::addColumn<int>("problem");
        const Coupon good = typicalCoupon();
        auto with = [&](auto change) {
            Coupon coupon = good;
            change(coupon);
            return coupon;
        };
        QTest::newRow("none") << good << int(CouponProblem::None);
        QTest::newRow("no id") << with([](Coupon &c) { c.id = 0; }) << int(CouponProblem::NoId);
        QTest::newRow("kind 9") << with([](Coupon &c) { c.kind = Coupon::Kind(9); })
                                << int(CouponProblem::BadKind);
        QTest::newRow("value 0") << with([](Coupon &c) { c.value = 0; })
                                 << int(CouponProblem::BadValue);
        QTest::newRow("above the ceiling")
            << with([](Coupon &c) { c.value = MoneyLimits::ceiling.fen + 1; })
            << int(CouponProblem::BadValue);
        QTest::newRow("101 %") << with([](Coupon &c) {
            c.kind = Coupon::Kind::Percent;
            c.value = 10'001;
        }) << int(CouponProblem::BadValue);
        QTest::newRow("negative min spend")
            << with([](Coupon &c) { c.minSpend = Money::fromFen(-1); })
            << int(CouponProblem::BadMinSpend);
        QTest::newRow("threshold without min spend")
            << with([](Coupon &c) { c.kind = Coupon::Kind::Threshold; })
            << int(CouponProblem::BadMinSpend);
        QTest::newRow("item without sku")
            << with([](Coupon &c) { c.kind = Coupon::Kind::Item; }) << int(CouponProblem::NoSku);
        QTest::newRow("sku of 65 bytes")
            << with([](Coupon &c) { c.sku = QString(65, u'S'); }) << int(CouponProblem::BadText);
        QTest::newRow("untrimmed category")
            << with([](Coupon &c) { c.category = u" 饮料"_s; }) << int(CouponProblem::BadText);
        QTest::newRow("lone surrogate") << with([](Coupon &c) { c.sku = QString(QChar(0xd800)); })
                                        << int(CouponProblem::BadText);
        QTest::newRow("member with a dot")
            << with([](Coupon &c) { c.member = u"M.1"_s; }) << int(CouponProblem::BadMember);
        QTest::newRow("until before from") << with([](Coupon &c) { c.validUntil = c.validFrom; })
                                           << int(CouponProblem::BadValidity);
        QTest::newRow("negative from")
            << with([](Coupon &c) { c.validFrom = -1; }) << int(CouponProblem::BadValidity);
        QTest::newRow("year 10000")
            << with([](Coupon &c) { c.validUntil = at("9999-12-31T23:59:59Z") + 1; })
            << int(CouponProblem::BadValidity);
    }

    void problems()
    {
        QFETCH(Coupon, coupon);
        QFETCH(int, problem);
        QCOMPARE(int(couponProblem(coupon)), problem);
        // Only a coupon without a problem is signed.
        QCOMPARE(chain().sign(coupon).has_value(), problem == int(CouponProblem::None));
        QCOMPARE(encodeCouponPayload(coupon, 1).has_value(), problem == int(CouponProblem::None));
    }

    void forSale()
    {
        Coupon bound = typicalCoupon();
        bound.member = u"M000123"_s;
        const CouponCheck bearer =
            checkCouponCode(*chain().sign(typicalCoupon()), trusted(), typicalCoupon().validFrom);
        const CouponCheck mine = checkCouponCode(*chain().sign(bound), trusted(), bound.validFrom);
        QCOMPARE(couponVerdictForSale(bearer, {}, false), Verdict::Valid);
        QCOMPARE(couponVerdictForSale(bearer, u"M9", false), Verdict::Valid);
        QCOMPARE(couponVerdictForSale(bearer, {}, true), Verdict::Used);
        QCOMPARE(couponVerdictForSale(mine, u"M000123", false), Verdict::Valid);
        QCOMPARE(couponVerdictForSale(mine, u"M000123", true), Verdict::Used);
        QCOMPARE(couponVerdictForSale(mine, u"M000124", false), Verdict::WrongMember);
        QCOMPARE(couponVerdictForSale(mine, {}, true), Verdict::WrongMember);
        const CouponCheck expired =
            checkCouponCode(*chain().sign(bound), trusted(), bound.validUntil);
        QCOMPARE(couponVerdictForSale(expired, u"M000123", false), Verdict::Expired);
    }

    void keysAsPem()
    {
        const auto signer = CouponSigner::fromPem(chain().pem());
        QVERIFY(signer);
        QVERIFY(chain().pem().startsWith("-----BEGIN PRIVATE KEY-----\n"));
        QCOMPARE(signer->publicKey().id(), chain().publicKey().id());
        QCOMPARE(signer->sign(typicalCoupon()), chain().sign(typicalCoupon()));

        const QByteArray pems = chain().publicKey().pem() + otherChain().publicKey().pem();
        const auto keys = CouponKey::listFromPem(pems);
        QVERIFY(keys);
        QCOMPARE(keys->size(), 2);
        QCOMPARE(keys->at(0).raw(), chain().publicKey().raw());
        QCOMPARE(keys->at(1).id(), otherChain().publicKey().id());
        QCOMPARE(CouponKey::fromRaw(chain().publicKey().raw())->id(), chain().publicKey().id());
        QCOMPARE(CouponKey::idText(0x0012abcd), u"0012abcd"_s);

        // A private key is not a public one, and the reverse; damaged or empty text is neither.
        QVERIFY(!CouponKey::listFromPem(chain().pem()));
        QVERIFY(!CouponSigner::fromPem(chain().publicKey().pem()));
        QVERIFY(!CouponKey::listFromPem({}));
        QVERIFY(!CouponKey::listFromPem("not a key"));
        QByteArray damaged = pems;
        damaged[pems.size() - 40] = '*';
        QVERIFY(!CouponKey::listFromPem(damaged));
        QVERIFY(!CouponSigner::fromPem(chain().pem().chopped(30)));
        QVERIFY(!CouponKey::fromRaw(QByteArray(31, 'k')));
    }
};

QTEST_GUILESS_MAIN(TestCouponCode)
#include "tst_couponcode.moc"
