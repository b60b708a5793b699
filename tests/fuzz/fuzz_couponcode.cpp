// The coupon code (app/core/couponcode.h): the payload reader and the whole check.
//
// Input, by its first byte:
//   'p'  the rest is a payload: decodeCouponPayload accepts only what encodeCouponPayload writes
//        (re-encoding gives the same bytes) and only coupons without a problem;
//   'b'  the rest builds a Coupon field by field: it can be encoded exactly when couponProblem
//        says None, decodes back equal, and its signed code checks Valid, NotYetValid and
//        Expired at the edges of its validity;
//   else the input is a scanned code (UTF-8), checked with the fuzz key at three times:
//        deterministic; never WrongMember or Used; a readable code's content is its payload's; a
//        code whose signature checks is exactly the code the key makes for that coupon (so no
//        mutation of a valid code passes unless it is that code); the time rule holds.
#include "fuzzcheck.h"

#include "core/couponcode.h"

#include <QString>

#include <cstdint>

using namespace smartpos;
using smartpos::fuzz::quoted;
using Verdict = CouponCheck::Verdict;

namespace {

// A key for fuzzing only; the seeds in corpus/fuzz_couponcode/ are signed with it.
const CouponSigner &fuzzKey()
{
    static const CouponSigner signer =
        *CouponSigner::fromPem("-----BEGIN PRIVATE KEY-----\n"
                               "MC4CAQAwBQYDK2VwBCIEIFwWvIxH6qSKe8uh8vRUvrhvebTb2CcSC5t2vqkEInBg\n"
                               "-----END PRIVATE KEY-----\n");
    return signer;
}

constexpr auto base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

void checkPayload(QByteArrayView bytes, QByteArrayView payload)
{
    const std::optional<CouponPayload> read = decodeCouponPayload(payload);
    if (!read)
        return;
    FUZZ_CHECK(couponProblem(read->coupon) == CouponProblem::None, quoted(bytes));
    FUZZ_CHECK(encodeCouponPayload(read->coupon, read->keyId) == payload.toByteArray(),
               quoted(bytes));
}

// Reads fixed-size fields from the input, zeros once it runs out.
struct FieldReader {
    QByteArrayView in;
    qint64 next(int bytes)
    {
        quint64 value = 0;
        for (int i = 0; i < bytes && !in.isEmpty(); ++i) {
            value = (value << 8) | uchar(in.front());
            in = in.sliced(1);
        }
        return qint64(value);
    }
    QString text()
    {
        const qsizetype end = in.indexOf('\0');
        const QByteArrayView part = end < 0 ? in : in.first(end);
        in = end < 0 ? QByteArrayView() : in.sliced(end + 1);
        return QString::fromUtf8(part);
    }
};

void checkBuilt(QByteArrayView bytes, QByteArrayView fields)
{
    FieldReader in{fields};
    Coupon coupon;
    coupon.id = quint64(in.next(8));
    coupon.campaign = quint32(in.next(4));
    coupon.kind = Coupon::Kind(in.next(1));
    // Small values as often as large ones: the first byte says how many bytes follow.
    auto number = [&] { return in.next(int(in.next(1) % 9)); };
    coupon.value = number();
    coupon.minSpend = Money::fromFen(number());
    coupon.validFrom = number();
    coupon.validUntil = number();
    coupon.sku = in.text();
    coupon.category = in.text();
    coupon.member = in.text();

    const bool issuable = couponProblem(coupon) == CouponProblem::None;
    const std::optional<QByteArray> payload = encodeCouponPayload(coupon, 0x01020304);
    FUZZ_CHECK(payload.has_value() == issuable, quoted(bytes));
    if (!issuable)
        return;
    const std::optional<CouponPayload> read = decodeCouponPayload(*payload);
    FUZZ_CHECK(read && read->coupon == coupon && read->keyId == 0x01020304, quoted(bytes));

    const std::optional<QString> code = fuzzKey().sign(coupon);
    FUZZ_CHECK(code.has_value(), quoted(bytes));
    const QList<CouponKey> keys = {fuzzKey().publicKey()};
    auto verdictAt = [&](qint64 now) {
        const CouponCheck check = checkCouponCode(*code, keys, now);
        FUZZ_CHECK(check.coupon == coupon, quoted(bytes));
        return check.verdict;
    };
    FUZZ_CHECK(verdictAt(coupon.validFrom) == Verdict::Valid, quoted(bytes));
    if (coupon.validFrom > 0)
        FUZZ_CHECK(verdictAt(coupon.validFrom - 1) == Verdict::NotYetValid, quoted(bytes));
    if (coupon.validUntil > 0) {
        FUZZ_CHECK(verdictAt(coupon.validUntil - 1) == Verdict::Valid, quoted(bytes));
        FUZZ_CHECK(verdictAt(coupon.validUntil) == Verdict::Expired, quoted(bytes));
    }
}

void checkScan(QByteArrayView bytes, qint64 now)
{
    const QString text = QString::fromUtf8(bytes);
    static const QList<CouponKey> keys = {fuzzKey().publicKey()};
    const CouponCheck check = checkCouponCode(text, keys, now);
    const CouponCheck again = checkCouponCode(text, keys, now);
    FUZZ_CHECK(check.verdict == again.verdict && check.coupon == again.coupon
                   && check.keyId == again.keyId,
               quoted(bytes));
    FUZZ_CHECK(check.verdict != Verdict::WrongMember && check.verdict != Verdict::Used,
               quoted(bytes));
    if (check.verdict == Verdict::Malformed)
        return;

    // Readable: "SPC1." and canonical base64url of a payload that decodes to what was read.
    FUZZ_CHECK(text.startsWith(QLatin1StringView("SPC1.")), quoted(bytes));
    const QByteArray ascii = text.sliced(5).toLatin1();
    const QByteArray decoded = QByteArray::fromBase64(ascii, base64url);
    FUZZ_CHECK(decoded.toBase64(base64url) == ascii && decoded.size() > 64, quoted(bytes));
    const std::optional<CouponPayload> read = decodeCouponPayload(decoded.chopped(64));
    FUZZ_CHECK(read && read->coupon == check.coupon && read->keyId == check.keyId, quoted(bytes));

    const bool known = check.keyId == fuzzKey().publicKey().id();
    FUZZ_CHECK(known == (check.verdict != Verdict::WrongKey), quoted(bytes));
    if (check.verdict == Verdict::WrongKey || check.verdict == Verdict::Forged)
        return;
    // The signature checked: only the key's own code for this coupon does that.
    FUZZ_CHECK(fuzzKey().sign(check.coupon) == text, quoted(bytes));
    const Coupon &c = check.coupon;
    const Verdict expected = now < c.validFrom                          ? Verdict::NotYetValid
                             : c.validUntil != 0 && now >= c.validUntil ? Verdict::Expired
                                                                        : Verdict::Valid;
    FUZZ_CHECK(check.verdict == expected, quoted(bytes));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    if (bytes.startsWith('p')) {
        checkPayload(bytes, bytes.sliced(1));
    } else if (bytes.startsWith('b')) {
        checkBuilt(bytes, bytes.sliced(1));
    } else {
        // Before, inside and after the seeds' validity (May 2026, Beijing time).
        for (const qint64 now :
             {qint64(1'777'564'799), qint64(1'778'774'400), qint64(1'780'243'200)})
            checkScan(bytes, now);
    }
    return 0;
}
