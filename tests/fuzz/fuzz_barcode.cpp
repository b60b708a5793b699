// Product barcodes and scale labels (app/core/barcode.h).
//
// Input: a scanned code, optionally followed by '\n' and a list of variable-code layouts in the
// settings syntax ("21:5:5:price, 299:4:5:weight"); the defaults are used too. Checked:
//   - normalizeProductCode: a code it accepts is 8 or 13 ASCII digits with a correct GS1 check
//     digit (computed here independently), equal to the trimmed scan (UPC-A: with a leading 0);
//     a code it refuses is refused for the right reason (not digits / length / check digit);
//   - VariableCodeLayout::fromString: what it accepts is consistent (13 digits in all), has a
//     prefix of ASCII digits starting with 2 and positive field widths, and prints back to
//     text that parses to the same layout;
//   - decodeVariableCode on a valid GTIN-13: the longest matching prefix wins, a prefix-2 code
//     that some layout matches is decoded, and the label re-encodes to the same 13 digits
//     (prefix + PLU + value padded to its width + check digit);
//   - decodeVariableCode on anything else (a precondition breach): no crash.
#include "fuzzcheck.h"

#include "core/barcode.h"

#include <QString>
#include <QStringList>

#include <cstdint>

using namespace smartpos;
using smartpos::fuzz::quoted;

namespace {

// GS1 mod 10: weights 3, 1, 3 … from the digit left of the check digit.
int referenceCheckDigit(QStringView body)
{
    int sum = 0;
    for (qsizetype k = 0; k < body.size(); ++k) {
        const int digit = body[body.size() - 1 - k].unicode() - '0';
        sum += digit * (k % 2 == 0 ? 3 : 1);
    }
    return (10 - sum % 10) % 10;
}

bool referenceValid(QStringView digits)
{
    return digits.size() >= 2 && fuzz::isAsciiDigits(digits)
           && referenceCheckDigit(digits.chopped(1)) == digits.back().unicode() - '0';
}

bool sameLayout(const VariableCodeLayout &a, const VariableCodeLayout &b)
{
    return a.prefix == b.prefix && a.pluDigits == b.pluDigits && a.valueDigits == b.valueDigits
           && a.value == b.value;
}

void checkDecoded(const QString &gtin, const QList<VariableCodeLayout> &layouts)
{
    const std::optional<VariableCode> decoded = decodeVariableCode(gtin, layouts);
    // The layout that should win: consistent, matching, longest prefix (first of equals).
    const VariableCodeLayout *best = nullptr;
    for (const auto &layout : layouts)
        if (layout.isConsistent() && gtin.startsWith(layout.prefix)
            && (!best || layout.prefix.size() > best->prefix.size()))
            best = &layout;
    if (!gtin.startsWith(u'2'))
        best = nullptr;
    FUZZ_CHECK(decoded.has_value() == (best != nullptr),
               QStringLiteral("%1: decoded %2, a matching layout %3")
                   .arg(gtin, decoded ? QStringLiteral("yes") : QStringLiteral("no"),
                        best ? best->toString() : QStringLiteral("none")));
    if (!decoded)
        return;
    FUZZ_CHECK(decoded->kind == best->value, gtin + u' ' + best->toString());
    // The PLU as the catalog keys it: its digits without the leading zeros the label prints.
    FUZZ_CHECK(decoded->plu.size() <= best->pluDigits && !decoded->plu.startsWith(u'0')
                   && (decoded->plu.isEmpty() || fuzz::isAsciiDigits(decoded->plu)),
               gtin + u' ' + best->toString() + u' ' + decoded->plu);
    FUZZ_CHECK(decoded->markdown == best->markdown, gtin + u' ' + best->toString());
    FUZZ_CHECK(decoded->value >= 0, gtin);
    const QString reencoded = [&] {
        QString body =
            best->prefix + decoded->plu.rightJustified(best->pluDigits, u'0')
            + QStringLiteral("%1").arg(decoded->value, best->valueDigits, 10, QLatin1Char('0'));
        return body + QString::number(referenceCheckDigit(body));
    }();
    FUZZ_CHECK(
        reencoded == gtin,
        QStringLiteral("%1 with %2 decodes to PLU %3 value %4, which re-encodes to %5")
            .arg(gtin, best->toString(), decoded->plu, QString::number(decoded->value), reencoded));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString input = QString::fromUtf8(bytes);
    const qsizetype newline = input.indexOf(u'\n');
    const QString scanned = newline < 0 ? input : input.left(newline);

    QList<VariableCodeLayout> layouts = defaultVariableCodeLayouts();
    if (newline >= 0) {
        const QString spec = input.mid(newline + 1);
        for (const QString &part : spec.split(u',')) {
            const QString trimmed = part.trimmed();
            const auto layout = VariableCodeLayout::fromString(trimmed);
            if (!layout)
                continue;
            FUZZ_CHECK(layout->isConsistent(), trimmed);
            FUZZ_CHECK(fuzz::isAsciiDigits(layout->prefix) && layout->prefix.startsWith(u'2'),
                       trimmed);
            FUZZ_CHECK(layout->pluDigits >= 1 && layout->valueDigits >= 1, trimmed);
            const auto again = VariableCodeLayout::fromString(layout->toString());
            FUZZ_CHECK(again && sameLayout(*again, *layout),
                       QStringLiteral("%1 prints as %2").arg(trimmed, layout->toString()));
            layouts.append(*layout);
        }
    }

    const ProductCode code = normalizeProductCode(scanned);
    const QStringView trimmed = QStringView(scanned).trimmed();
    if (code.isValid()) {
        FUZZ_CHECK((code.gtin.size() == 8 || code.gtin.size() == 13)
                       && fuzz::isAsciiDigits(code.gtin),
                   quoted(bytes) + QStringLiteral(" → ") + code.gtin);
        FUZZ_CHECK(referenceValid(code.gtin) && hasValidCheckDigit(code.gtin),
                   quoted(bytes) + QStringLiteral(" accepted with a wrong check digit: ")
                       + code.gtin);
        FUZZ_CHECK(
            code.gtin == trimmed
                || (trimmed.size() == 12 && code.gtin == QLatin1Char('0') + trimmed.toString()),
            quoted(bytes) + QStringLiteral(" → ") + code.gtin);
        if (code.gtin.size() == 13)
            checkDecoded(code.gtin, layouts);
    } else {
        FUZZ_CHECK(code.gtin.isEmpty(), quoted(bytes));
        BarcodeProblem expected = BarcodeProblem::None;
        if (!fuzz::isAsciiDigits(trimmed))
            expected = BarcodeProblem::NotDigits;
        else if (trimmed.size() != 8 && trimmed.size() != 12 && trimmed.size() != 13)
            expected = BarcodeProblem::BadLength;
        else if (!referenceValid(trimmed))
            expected = BarcodeProblem::BadCheckDigit;
        FUZZ_CHECK(code.problem == expected, QStringLiteral("%1: problem %2, expected %3")
                                                 .arg(quoted(bytes))
                                                 .arg(int(code.problem))
                                                 .arg(int(expected)));
    }
    // The check digit helpers agree with the reference on any digits.
    if (fuzz::isAsciiDigits(trimmed) && trimmed.size() >= 2) {
        FUZZ_CHECK(hasValidCheckDigit(trimmed) == referenceValid(trimmed), quoted(bytes));
        FUZZ_CHECK(checkDigitFor(trimmed.chopped(1)) == referenceCheckDigit(trimmed.chopped(1)),
                   quoted(bytes));
    }

    // Outside its precondition (not a valid GTIN-13) decoding must still not crash.
    (void)decodeVariableCode(scanned, layouts);
    (void)decodeVariableCode(trimmed, layouts);
    return 0;
}
