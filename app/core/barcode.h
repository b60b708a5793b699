#pragma once

#include "money.h"

#include <QList>
#include <QString>

#include <optional>

namespace smartpos {

// 1 or more ASCII digits and nothing else (QChar::isDigit also takes full-width and other
// scripts' digits, which no barcode or scale label carries).
bool isAsciiDigits(QStringView text);

// GS1 mod-10 check digit over all digits but the last; true when the last digit matches.
bool hasValidCheckDigit(QStringView digits);
// The check digit that completes `body` (a code without its last digit).
int checkDigitFor(QStringView body);

enum class BarcodeProblem { None, NotDigits, BadLength, BadCheckDigit };

// Product barcodes are stored as GTIN-13 (EAN-13, UPC-A with a leading 0) or as EAN-8.
struct ProductCode {
    QString gtin;
    BarcodeProblem problem = BarcodeProblem::None;
    bool isValid() const { return problem == BarcodeProblem::None; }
};
ProductCode normalizeProductCode(QStringView scanned);

// In-store variable-weight and variable-price labels (prefix 2): printed by the store's scales.
// A layout reads prefix, PLU digits, value digits and the EAN-13 check digit, left to right.
struct VariableCodeLayout {
    enum class Value { PriceFen, WeightGrams };
    QString prefix = QStringLiteral("2");
    int pluDigits = 5;
    int valueDigits = 5;
    Value value = Value::PriceFen;
    // Price labels only: the store also prints them on goods sold by the piece, to mark them
    // down (a sandwich near its date). Otherwise a price label on such goods is refused.
    bool markdown = false;

    bool isConsistent() const { return prefix.size() + pluDigits + valueDigits + 1 == 13; }
    // "22:5:5:weight", "21:5:5:price:markdown" ⇄ layout; used by settings and the admin tool.
    QString toString() const;
    static std::optional<VariableCodeLayout> fromString(QStringView text);
};

struct VariableCode {
    QString plu; // as the catalog keys it: canonicalPlu()
    VariableCodeLayout::Value kind;
    qint64 value = 0;      // fen or grams, as `kind` says
    bool markdown = false; // its layout's
};

// A PLU as the catalog keys it: its ASCII digits without leading zeros (a label prints 00123,
// Excel keeps 123). Empty when `digits` is not 1 or more ASCII digits or is all zeros.
QString canonicalPlu(QStringView digits);
// The most PLU digits every layout carries: a PLU must fit each label the store prints.
int pluDigitsEveryLayoutCarries(const QList<VariableCodeLayout> &layouts);

// Decodes a valid GTIN-13 against the first matching layout (longest prefix wins).
std::optional<VariableCode> decodeVariableCode(QStringView gtin13,
                                               const QList<VariableCodeLayout> &layouts);

// The layouts SmartPOS uses until the store configures its own: Chinese scales commonly print
// "21" + PLU + total price in fen and "22" + PLU + weight in grams.
QList<VariableCodeLayout> defaultVariableCodeLayouts();

} // namespace smartpos
