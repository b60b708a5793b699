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
#include "fuzzcheck.h"

#include "core/money.h"

#include <QString>

#include <cstdint>
#include <cstring>
#include <optional>

using namespace smartpos;
using smartpos::fuzz::quoted;

namespace {

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// The documented format, read independently of money.cpp.
std::optional<__int128> reference(QStringView text)
{
    text = text.trimmed();
    bool negative = false;
    if (!text.isEmpty() && text.front() == u'-') {
        negative = true;
        text = text.sliced(1);
    }
    qsizetype i = 0;
    __int128 whole = 0;
    qsizetype wholeDigits = 0;
    while (i < text.size() && isAsciiDigit(text[i])) {
        if (wholeDigits < 20) // more is refused anyway; keeps the 128-bit sum from overflowing
            whole = whole * 10 + (text[i].unicode() - '0');
        ++wholeDigits;
        ++i;
    }
    __int128 fraction = 0;
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
    const __int128 fen = whole * 100 + fraction;
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

QString str(__int128 v)
{
    return QString::number(qint64(v)); // only called with values that fit
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString text = QString::fromUtf8(bytes);

    const std::optional<Money> parsed = Money::parse(text);
    const std::optional<__int128> expected = reference(text);
    FUZZ_CHECK(parsed.has_value() == expected.has_value(),
               QStringLiteral("parse(%1) %2, the documented format %3")
                   .arg(quoted(bytes), parsed ? QStringLiteral("accepts") : QStringLiteral("refuses"),
                        expected ? QStringLiteral("accepts") : QStringLiteral("refuses")));
    // Deterministic.
    FUZZ_CHECK(Money::parse(text) == parsed, quoted(bytes));

    if (parsed) {
        FUZZ_CHECK(__int128(parsed->fen) == *expected,
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
    return 0;
}
