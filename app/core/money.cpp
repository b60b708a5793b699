#include "money.h"

#include <limits>
#include <optional>

namespace smartpos {

QString Money::toString() const
{
    // Unsigned, so that the magnitude of INT64_MIN fen is representable too.
    const quint64 absolute = fen < 0 ? 0 - quint64(fen) : quint64(fen);
    return QStringLiteral("%1%2.%3")
        .arg(fen < 0 ? QStringLiteral("-") : QString())
        .arg(absolute / 100)
        .arg(absolute % 100, 2, 10, QLatin1Char('0'));
}

std::optional<Money> Money::parse(QStringView text)
{
    text = text.trimmed();
    bool negative = false;
    if (text.startsWith(u'-')) {
        negative = true;
        text = text.mid(1);
    }
    const qsizetype dot = text.indexOf(u'.');
    const QStringView whole = dot < 0 ? text : text.left(dot);
    const QStringView fraction = dot < 0 ? QStringView() : text.mid(dot + 1);
    if ((whole.isEmpty() && fraction.isEmpty()) || fraction.size() > 2 || whole.size() > 12)
        return std::nullopt;
    for (QChar c : whole)
        if (!c.isDigit() || c.unicode() > '9')
            return std::nullopt;
    for (QChar c : fraction)
        if (!c.isDigit() || c.unicode() > '9')
            return std::nullopt;
    qint64 fen = whole.isEmpty() ? 0 : whole.toLongLong() * 100;
    if (fraction.size() == 1)
        fen += fraction.toInt() * 10;
    else if (fraction.size() == 2)
        fen += fraction.toInt();
    return Money{negative ? -fen : fen};
}

namespace {
__extension__ typedef __int128 Int128; // GCC and Clang; __extension__ keeps -Wpedantic quiet

// Half away from zero on 128 bits: neither the product nor adding half a step can overflow.
Int128 roundDiv128(Int128 numerator, Int128 denominator)
{
    const Int128 half = denominator / 2;
    if (numerator >= 0)
        return (numerator + half) / denominator;
    return -((-numerator + half) / denominator);
}

std::optional<qint64> narrowed(Int128 value)
{
    if (value > std::numeric_limits<qint64>::max() || value < std::numeric_limits<qint64>::min())
        return std::nullopt;
    return qint64(value);
}
} // namespace

qint64 roundDiv(qint64 numerator, qint64 denominator)
{
    Q_ASSERT(denominator > 0);
    // |numerator / denominator| ≤ |numerator| rounded: fits, except INT64_MIN / 1, which is exact.
    return qint64(roundDiv128(numerator, denominator));
}

std::optional<Money> priceForWeight(Money pricePerKg, qint64 grams)
{
    const auto fen = narrowed(roundDiv128(Int128(pricePerKg.fen) * grams, 1000));
    return fen ? std::optional(Money{*fen}) : std::nullopt;
}

Money taxIncluded(Money gross, int taxRateBasisPoints)
{
    Q_ASSERT(taxRateBasisPoints >= 0 && taxRateBasisPoints <= 10000);
    // rate / (10000 + rate) < 1, so the tax is never larger than the gross and always fits.
    return Money{
        qint64(roundDiv128(Int128(gross.fen) * taxRateBasisPoints, 10000 + taxRateBasisPoints))};
}

} // namespace smartpos
