#include "symbolencoder.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <exception>
#include <string>

namespace smartpos::sim {

namespace {

struct Symbology {
    int m; // function B
    ZXing::BarcodeFormat format;
    const char *name;
    int checkedLength; // digits with the check digit, for the ones the printer completes
};

constexpr Symbology kSymbologies[] = {
    {65, ZXing::BarcodeFormat::UPCA, "UPC-A", 12},
    {66, ZXing::BarcodeFormat::UPCE, "UPC-E", 0},
    {67, ZXing::BarcodeFormat::EAN13, "EAN13", 13},
    {68, ZXing::BarcodeFormat::EAN8, "EAN8", 8},
    {69, ZXing::BarcodeFormat::Code39, "CODE39", 0},
    {70, ZXing::BarcodeFormat::ITF, "ITF", 0},
    {71, ZXing::BarcodeFormat::Codabar, "CODABAR", 0},
    {72, ZXing::BarcodeFormat::Code93, "CODE93", 0},
    {73, ZXing::BarcodeFormat::Code128, "CODE128", 0},
};

// ZXing's Code128Writer takes the function characters as these code points.
constexpr char16_t kCode128Fnc1 = 0xf1;

bool allDigits(QStringView text)
{
    for (const QChar c : text)
        if (c < u'0' || c > u'9')
            return false;
    return !text.isEmpty();
}

// GS1 mod 10: weights 3, 1, 3 … from the rightmost digit.
QChar checkDigit(QStringView digits)
{
    int sum = 0;
    for (qsizetype k = 0; k < digits.size(); ++k)
        sum += (digits[digits.size() - 1 - k].unicode() - '0') * (k % 2 == 0 ? 3 : 1);
    return QChar(u'0' + (10 - sum % 10) % 10);
}

// ESC/POS CODE128 data: {A {B {C select a code set, {S shifts one character, {1…{4 are the
// function characters, {{ is a brace; in code set C each byte is a pair of digits (0…99).
// Gives the writer's input and the HRI (without function characters), or an error.
bool code128(QByteArrayView data, QString *input, QString *hri, QString *error)
{
    if (data.size() < 2 || data[0] != '{' || data[1] < 'A' || data[1] > 'C') {
        *error = QStringLiteral("CODE128 data must start with {A, {B or {C");
        return false;
    }
    char set = 0;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const uchar c = uchar(data[i]);
        if (c == '{' && i + 1 < data.size()) {
            const char next = data[++i];
            if (next == 'A' || next == 'B' || next == 'C') {
                set = next;
            } else if (next >= '1' && next <= '4') {
                *input += QChar(kCode128Fnc1 + (next - '1'));
            } else if (next == '{') {
                *input += u'{';
                *hri += u'{';
            } else if (next != 'S') { // a shift changes bars, not the data
                *error = QStringLiteral("CODE128: unknown escape {%1").arg(QLatin1Char(next));
                return false;
            }
        } else if (set == 'C') {
            if (c > 99) {
                *error = QStringLiteral("CODE128: byte %1 in code set C").arg(c);
                return false;
            }
            const QString pair = QStringLiteral("%1").arg(c, 2, 10, QLatin1Char('0'));
            *input += pair;
            *hri += pair;
        } else {
            *input += QLatin1Char(char(c));
            *hri += QLatin1Char(char(c));
        }
    }
    return true;
}

Bitmap toBitmap(const ZXing::BitMatrix &matrix, int rows)
{
    Bitmap bitmap;
    bitmap.width = matrix.width();
    bitmap.height = rows;
    bitmap.bits = QByteArray(bitmap.bytesPerRow() * rows, '\0');
    for (int y = 0; y < rows; ++y)
        for (int x = 0; x < bitmap.width; ++x)
            if (matrix.get(x, y))
                bitmap.bits[y * bitmap.bytesPerRow() + x / 8] |= char(0x80 >> (x % 8));
    return bitmap;
}

// Encodes `input` (code points below 0x100, taken as ISO 8859-1: no ECI header) and keeps
// `rows` rows of the matrix; ZXing throws on data its writer refuses.
void encode(Symbol *symbol, ZXing::MultiFormatWriter writer, const QString &input, int rows)
{
    std::wstring contents;
    for (const QChar c : input)
        contents += wchar_t(c.unicode());
    try {
        const ZXing::BitMatrix matrix =
            writer.setMargin(0).setEncoding(ZXing::CharacterSet::ISO8859_1).encode(contents, 0, 0);
        symbol->bitmap = toBitmap(matrix, rows < 0 ? matrix.height() : rows);
    } catch (const std::exception &e) {
        symbol->error = QStringLiteral("%1 %2: %3")
                            .arg(symbol->name, symbol->text.left(40), QString::fromUtf8(e.what()));
    }
}

} // namespace

Symbol encodeBarcode(int m, QByteArrayView data)
{
    Symbol symbol;
    const int functionB = m < 65 ? m + 65 : m;
    const Symbology *symbology = nullptr;
    for (const Symbology &candidate : kSymbologies)
        if (candidate.m == functionB)
            symbology = &candidate;
    if (!symbology || (m < 65 && functionB > 71)) {
        symbol.error = QStringLiteral("GS k %1: symbology not supported").arg(m);
        return symbol;
    }
    symbol.name = QString::fromLatin1(symbology->name);
    QString input;
    if (symbology->format == ZXing::BarcodeFormat::Code128) {
        if (!code128(data, &input, &symbol.text, &symbol.error))
            return symbol;
    } else {
        input = QString::fromLatin1(data);
        if (input.size() == symbology->checkedLength - 1 && allDigits(input))
            input += checkDigit(input);
        symbol.text = input;
    }
    encode(&symbol, ZXing::MultiFormatWriter(symbology->format), input, 1);
    return symbol;
}

Symbol encodeQrCode(QByteArrayView data, int errorLevel)
{
    Symbol symbol;
    symbol.name = QStringLiteral("QR");
    symbol.text = QString::fromUtf8(data);
    // ZXing numbers its levels 0…8 and halves them: 1 is L, 3 M, 5 Q, 7 H.
    encode(&symbol,
           ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode).setEccLevel(errorLevel * 2 + 1),
           QString::fromLatin1(data), -1);
    return symbol;
}

} // namespace smartpos::sim
