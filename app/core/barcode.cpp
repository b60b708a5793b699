#include "barcode.h"

#include <algorithm>

namespace smartpos {

bool isAsciiDigits(QStringView text)
{
    return !text.isEmpty()
           && std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

int checkDigitFor(QStringView body)
{
    // Weights alternate 3, 1, 3 … starting from the digit next to the check digit.
    int sum = 0;
    int weight = 3;
    for (qsizetype i = body.size() - 1; i >= 0; --i) {
        sum += (body[i].unicode() - '0') * weight;
        weight = weight == 3 ? 1 : 3;
    }
    return (10 - sum % 10) % 10;
}

bool hasValidCheckDigit(QStringView digits)
{
    if (digits.size() < 2 || !isAsciiDigits(digits))
        return false;
    return checkDigitFor(digits.chopped(1)) == digits.back().unicode() - '0';
}

ProductCode normalizeProductCode(QStringView scanned)
{
    const QStringView code = scanned.trimmed();
    if (!isAsciiDigits(code))
        return {QString(), BarcodeProblem::NotDigits};
    if (code.size() != 8 && code.size() != 12 && code.size() != 13)
        return {QString(), BarcodeProblem::BadLength};
    if (!hasValidCheckDigit(code))
        return {QString(), BarcodeProblem::BadCheckDigit};
    if (code.size() == 12) // UPC-A is the GTIN-13 with a leading zero
        return {QLatin1Char('0') + code.toString(), BarcodeProblem::None};
    return {code.toString(), BarcodeProblem::None};
}

QString VariableCodeLayout::toString() const
{
    return QStringLiteral("%1:%2:%3:%4%5")
        .arg(prefix)
        .arg(pluDigits)
        .arg(valueDigits)
        .arg(value == Value::PriceFen ? QStringLiteral("price") : QStringLiteral("weight"),
             markdown ? QStringLiteral(":markdown") : QString());
}

std::optional<VariableCodeLayout> VariableCodeLayout::fromString(QStringView text)
{
    const auto parts = text.split(u':');
    if (parts.size() < 4 || parts.size() > 5 || !isAsciiDigits(parts[0])
        || !parts[0].startsWith(u'2'))
        return std::nullopt;
    VariableCodeLayout layout;
    layout.prefix = parts[0].toString();
    bool pluOk = false;
    bool valueOk = false;
    layout.pluDigits = parts[1].toInt(&pluOk);
    layout.valueDigits = parts[2].toInt(&valueOk);
    if (parts[3] == u"price")
        layout.value = Value::PriceFen;
    else if (parts[3] == u"weight")
        layout.value = Value::WeightGrams;
    else
        return std::nullopt;
    if (parts.size() == 5) {
        if (parts[4] != u"markdown" || layout.value != Value::PriceFen)
            return std::nullopt;
        layout.markdown = true;
    }
    if (!pluOk || !valueOk || layout.pluDigits < 1 || layout.valueDigits < 1
        || !layout.isConsistent())
        return std::nullopt;
    return layout;
}

std::optional<VariableCode> decodeVariableCode(QStringView gtin13,
                                               const QList<VariableCodeLayout> &layouts)
{
    if (gtin13.size() != 13 || !gtin13.startsWith(u'2'))
        return std::nullopt;
    const VariableCodeLayout *best = nullptr;
    for (const auto &layout : layouts) {
        if (layout.isConsistent() && gtin13.startsWith(layout.prefix)
            && (!best || layout.prefix.size() > best->prefix.size()))
            best = &layout;
    }
    if (!best)
        return std::nullopt;
    const qsizetype pluStart = best->prefix.size();
    return VariableCode{canonicalPlu(gtin13.mid(pluStart, best->pluDigits)), best->value,
                        gtin13.mid(pluStart + best->pluDigits, best->valueDigits).toLongLong(),
                        best->markdown};
}

QString canonicalPlu(QStringView digits)
{
    if (!isAsciiDigits(digits))
        return {};
    while (digits.startsWith(u'0'))
        digits = digits.sliced(1);
    return digits.toString();
}

int pluDigitsEveryLayoutCarries(const QList<VariableCodeLayout> &layouts)
{
    int digits = 0;
    for (const auto &layout : layouts)
        if (layout.isConsistent())
            digits = digits == 0 ? layout.pluDigits : std::min(digits, layout.pluDigits);
    return digits;
}

QList<VariableCodeLayout> defaultVariableCodeLayouts()
{
    return {{QStringLiteral("21"), 5, 5, VariableCodeLayout::Value::PriceFen},
            {QStringLiteral("22"), 5, 5, VariableCodeLayout::Value::WeightGrams}};
}

} // namespace smartpos
