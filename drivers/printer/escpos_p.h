#pragma once

// What the encoder and the column arithmetic share, so that they never disagree.
#include "printer/escpos.h"

#include <QString>

namespace smartpos::escpos::detail {

// How a character reaches the printer.
enum class Route {
    Omit,     // nothing: a combining mark that did not compose, an invisible format character
    CodePage, // one PC437 byte, 1 column
    Chinese,  // GB18030 in Chinese mode, 2 columns
};

struct Glyph {
    Route route;
    char byte; // the PC437 byte when route is CodePage
};

Glyph classify(char32_t c);

inline int columns(Route route)
{
    return route == Route::Omit ? 0 : route == Route::CodePage ? 1 : 2;
}

// The text as the printer gets it, in Unicode NFC ('e' + U+0301 is PC437's é): `text` itself when
// it is already, else the normalised copy kept in `storage`.
QStringView nfc(QStringView text, QString &storage);

// The code point at `i`, and its `length` in UTF-16 units (1 or 2). A lone surrogate comes as
// itself (classify() prints it as '?').
inline char32_t codePointAt(QStringView text, qsizetype i, qsizetype *length)
{
    const char16_t unit = text[i].unicode();
    if (QChar::isHighSurrogate(unit) && i + 1 < text.size()
        && QChar::isLowSurrogate(text[i + 1].unicode())) {
        *length = 2;
        return QChar::surrogateToUcs4(unit, text[i + 1].unicode());
    }
    *length = 1;
    return unit;
}

// Calls f(codePoint, piece) for each code point of `text`, piece being its UTF-16 units.
template <typename F> void forEachCodePoint(QStringView text, F f)
{
    qsizetype length = 0;
    for (qsizetype i = 0; i < text.size(); i += length) {
        const char32_t c = codePointAt(text, i, &length);
        f(c, text.sliced(i, length));
    }
}

// The QR code's modules, quiet zone included, one dot each; empty when it cannot be encoded.
MonoBitmap qrModules(QByteArrayView data, QrErrorLevel level);
// Each module of `modules` as a square of `moduleSize` dots.
MonoBitmap scaled(const MonoBitmap &modules, int moduleSize);

} // namespace smartpos::escpos::detail
