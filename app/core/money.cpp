#include "money.h"

#include <optional>

namespace smartpos {

QString Money::toString() const
{
    const qint64 absolute = fen < 0 ? -fen : fen;
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

qint64 roundDiv(qint64 numerator, qint64 denominator)
{
    Q_ASSERT(denominator > 0);
    const qint64 half = denominator / 2;
    if (numerator >= 0)
        return (numerator + half) / denominator;
    return -((-numerator + half) / denominator);
}

Money priceForWeight(Money pricePerKg, qint64 grams)
{
    return Money{roundDiv(pricePerKg.fen * grams, 1000)};
}

Money taxIncluded(Money gross, int taxRateBasisPoints)
{
    return Money{roundDiv(gross.fen * taxRateBasisPoints, 10000 + taxRateBasisPoints)};
}

} // namespace smartpos
