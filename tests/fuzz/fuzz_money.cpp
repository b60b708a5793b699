// Money::parse and Money::toString (app/core/money.h).
//
// Checked against an independent reading of the documented format, not just "no crash":
//   - parse accepts exactly: optional surrounding whitespace, an optional '-', then ASCII digits
//     with at most 12 before the dot and at most 2 after it, at least one digit in all
//     ("12", "12.5", "12.50", "-3.05", "12.", ".5"); everything else is refused — so a 13-digit
//     whole is refused, never wrapped;
//   - an accepted value is exactly what the digits say (computed here in 128 bits), its sign is
//     the text's sign (and "-0" is zero, not negative);
//   - toString() of an accepted value parses back to the same Money, and canonical text
//     ("-"? whole without leading zeros "." two digits) is what toString() gives back;
//   - parse(toString(m)) == m for any amount up to 12 whole digits (the first 8 input bytes).
// And the arithmetic (issue 7), on two qint64 taken from the first 16 input bytes (bytes 16 and 17
// shift them right, so small and middling values come up as often as huge ones; bytes 18–19 pick
// a tax rate; the second value is also set, ± byte 20, where the first's results reach an end of
// qint64), against exact 128-bit arithmetic:
//   - plus() and times() give the exact sum and product when it fits in qint64, nothing when not;
//   - priceForWeight() gives price × grams / 1000 rounded half away from zero when that fits,
//     nothing when not; roundDiv() is exact for every qint64 over any positive denominator;
//   - taxIncluded() is gross × rate / (10000 + rate) rounded, for every gross and every rate
//     0 … 10000, and never more than the gross nor of the other sign.
#include "fuzzcheck.h"

#include "core/money.h"
#include "exactmoney.h"

#include <QString>

#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>

using namespace smartpos;
using smartpos::fuzz::quoted;

namespace {

using namespace smartpos::exact;

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// The documented format, read independently of money.cpp.
std::optional<Int128> reference(QStringView text)
{
    text = text.trimmed();
    bool negative = false;
    if (!text.isEmpty() && text.front() == u'-') {
        negative = true;
        text = text.sliced(1);
    }
    qsizetype i = 0;
    Int128 whole = 0;
    qsizetype wholeDigits = 0;
    while (i < text.size() && isAsciiDigit(text[i])) {
        if (wholeDigits < 20) // more is refused anyway; keeps the 128-bit sum from overflowing
            whole = whole * 10 + (text[i].unicode() - '0');
        ++wholeDigits;
        ++i;
    }
    Int128 fraction = 0;
    qsizetype fractionDigits = 0;
    if (i < text.size() && text[i] == u'.') {
        ++i;
        while (i < text.size() && isAsciiDigit(text[i])) {
            if (fractionDigits < 20)
                fraction = fraction * 10 + (text[i].unicode() - '0');
            ++fractionDigits;
            ++i;
        }
    }
    if (i != text.size() || wholeDigits + fractionDigits == 0 || wholeDigits > 12
        || fractionDigits > 2)
        return std::nullopt;
    if (fractionDigits == 1)
        fraction *= 10;
    const Int128 fen = whole * 100 + fraction;
    return negative ? -fen : fen;
}

bool isCanonical(QStringView text)
{
    // -?(0|[1-9][0-9]*)\.[0-9][0-9], and not "-0.00".
    qsizetype i = 0;
    if (text.startsWith(u'-'))
        ++i;
    const qsizetype wholeStart = i;
    while (i < text.size() && isAsciiDigit(text[i]))
        ++i;
    const qsizetype wholeDigits = i - wholeStart;
    if (wholeDigits == 0 || (wholeDigits > 1 && text[wholeStart] == u'0'))
        return false;
    if (text.size() != i + 3 || text[i] != u'.' || !isAsciiDigit(text[i + 1])
        || !isAsciiDigit(text[i + 2]))
        return false;
    return !(text.startsWith(u'-') && text.sliced(1) == u"0.00");
}

QString str(Int128 v)
{
    return QString::number(qint64(v)); // only called with values that fit
}

qint64 clamped(Int128 value)
{
    return qint64(value > kMax ? kMax : value < kMin ? kMin : value);
}

void checkArithmetic(qint64 a, qint64 b, int rate)
{
    const Money ma = Money::fromFen(a);
    const Money mb = Money::fromFen(b);

    const std::optional<Money> sum = ma.plus(mb);
    FUZZ_CHECK(agrees(sum, Int128(a) + b),
               QStringLiteral("%1 plus %2 = %3").arg(a).arg(b).arg(text(sum)));
    FUZZ_CHECK(mb.plus(ma) == sum, QStringLiteral("%1 plus %2").arg(a).arg(b));

    const std::optional<Money> product = ma.times(b);
    FUZZ_CHECK(agrees(product, Int128(a) * b),
               QStringLiteral("%1 times %2 = %3").arg(a).arg(b).arg(text(product)));
    FUZZ_CHECK(mb.times(a) == product, QStringLiteral("%1 times %2").arg(a).arg(b));

    const std::optional<Money> weighed = priceForWeight(ma, b);
    const Int128 exactWeighed = roundedQuotient(Int128(a) * b, 1000);
    FUZZ_CHECK(agrees(weighed, exactWeighed),
               QStringLiteral("priceForWeight(%1, %2 g) = %3, exactly %4")
                   .arg(a)
                   .arg(b)
                   .arg(text(weighed), text(exactWeighed)));

    // Any positive denominator: b, or what is left of it when it is not positive.
    const qint64 denominator = b > 0 ? b : b == kMin ? kMax : b == 0 ? 1 : -b;
    const qint64 rounded = roundDiv(a, denominator);
    const Int128 exactRounded = roundedQuotient(a, denominator);
    FUZZ_CHECK(rounded == exactRounded, QStringLiteral("roundDiv(%1, %2) = %3, exactly %4")
                                            .arg(a)
                                            .arg(denominator)
                                            .arg(rounded)
                                            .arg(text(exactRounded)));

    const Money tax = taxIncluded(ma, rate);
    const Int128 exactTax = roundedQuotient(Int128(a) * rate, 10000 + rate);
    FUZZ_CHECK(tax.fen == exactTax, QStringLiteral("taxIncluded(%1, %2 bp) = %3, exactly %4")
                                        .arg(a)
                                        .arg(rate)
                                        .arg(tax.fen)
                                        .arg(text(exactTax)));
    FUZZ_CHECK(a >= 0 ? tax.fen >= 0 && tax.fen <= a : tax.fen <= 0 && tax.fen >= a,
               QStringLiteral("taxIncluded(%1, %2 bp) = %3").arg(a).arg(rate).arg(tax.fen));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString text = QString::fromUtf8(bytes);

    const std::optional<Money> parsed = Money::parse(text);
    const std::optional<Int128> expected = reference(text);
    FUZZ_CHECK(parsed.has_value() == expected.has_value(),
               QStringLiteral("parse(%1) %2, the documented format %3")
                   .arg(quoted(bytes),
                        parsed ? QStringLiteral("accepts") : QStringLiteral("refuses"),
                        expected ? QStringLiteral("accepts") : QStringLiteral("refuses")));
    // Deterministic.
    FUZZ_CHECK(Money::parse(text) == parsed, quoted(bytes));

    if (parsed) {
        FUZZ_CHECK(Int128(parsed->fen) == *expected,
                   QStringLiteral("parse(%1) = %2 fen, the digits say %3")
                       .arg(quoted(bytes), QString::number(parsed->fen), str(*expected)));
        // At most 12 whole digits: never near the end of qint64.
        FUZZ_CHECK(parsed->fen > -100'000'000'000'000 && parsed->fen < 100'000'000'000'000,
                   QString::number(parsed->fen));
        const QStringView trimmed = QStringView(text).trimmed();
        FUZZ_CHECK(parsed->isNegative() == (trimmed.startsWith(u'-') && parsed->fen != 0),
                   quoted(bytes));
        const QString printed = parsed->toString();
        FUZZ_CHECK(Money::parse(printed) == parsed,
                   QStringLiteral("%1 → %2 does not parse back").arg(quoted(bytes), printed));
        FUZZ_CHECK(isCanonical(printed), printed);
        if (isCanonical(trimmed))
            FUZZ_CHECK(printed == trimmed,
                       QStringLiteral("canonical %1 prints as %2").arg(quoted(bytes), printed));
        // Negation is symmetric on canonical text.
        if (!parsed->isZero()) {
            const QString negated = parsed->isNegative() ? printed.sliced(1) : u'-' + printed;
            FUZZ_CHECK(Money::parse(negated) == -*parsed, negated);
        }
    }

    // Any amount of up to 12 whole digits prints and parses back to itself.
    if (size >= 8) {
        qint64 raw = 0;
        std::memcpy(&raw, data, sizeof raw);
        const qint64 fen = raw % 100'000'000'000'000; // |fen| < 10^14: 12 whole digits
        const Money money = Money::fromFen(fen);
        const QString printed = money.toString();
        FUZZ_CHECK(isCanonical(printed), printed);
        FUZZ_CHECK(Money::parse(printed) == money,
                   QStringLiteral("%1 fen prints as %2, which does not parse back")
                       .arg(QString::number(fen), printed));
    }

    if (size >= 16) {
        qint64 a = 0;
        qint64 b = 0;
        std::memcpy(&a, data, sizeof a);
        std::memcpy(&b, data + 8, sizeof b);
        // Arithmetic shifts keep the sign: -1 stays -1, kMin becomes -2^(63 - n).
        if (size > 16)
            a >>= data[16] % 64;
        if (size > 17)
            b >>= data[17] % 64;
        const int rate = size > 19 ? (data[18] | data[19] << 8) % 10001 : 1300;
        checkArithmetic(a, b, rate);
        // And b where a's sum, product or price for weight reaches an end of qint64, give or take
        // byte 20: random bytes almost never land there.
        const int delta = size > 20 ? int(int8_t(data[20])) : 0;
        for (const Int128 end : {Int128(kMax), Int128(kMin)}) {
            checkArithmetic(a, clamped(end - a + delta), rate);
            if (a != 0) {
                checkArithmetic(a, clamped(end / a + delta), rate);
                const Int128 half = end < 0 ? -500 : 500; // where rounding goes past the end
                checkArithmetic(a, clamped((end * 1000 + half) / a + delta), rate);
            }
        }
        // An amount someone typed, times anything.
        if (parsed)
            checkArithmetic(parsed->fen, b, rate);
    }
    return 0;
}
