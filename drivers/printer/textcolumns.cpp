// Which characters the printer prints from PC437 and which from its Chinese font, and the column
// arithmetic that follows from it.
#include "printer/escpos_p.h"

#include <algorithm>
#include <array>

namespace smartpos::escpos {

namespace {

// PC437 bytes 0x80-0xFF, a row of 16 each.
// clang-format off
constexpr std::array<char16_t, 128> pc437High = {
    u'Ç', u'ü', u'é', u'â', u'ä', u'à', u'å', u'ç', u'ê', u'ë', u'è', u'ï', u'î', u'ì', u'Ä', u'Å',
    u'É', u'æ', u'Æ', u'ô', u'ö', u'ò', u'û', u'ù', u'ÿ', u'Ö', u'Ü', u'¢', u'£', u'¥', u'₧', u'ƒ',
    u'á', u'í', u'ó', u'ú', u'ñ', u'Ñ', u'ª', u'º', u'¿', u'⌐', u'¬', u'½', u'¼', u'¡', u'«', u'»',
    u'░', u'▒', u'▓', u'│', u'┤', u'╡', u'╢', u'╖', u'╕', u'╣', u'║', u'╗', u'╝', u'╜', u'╛', u'┐',
    u'└', u'┴', u'┬', u'├', u'─', u'┼', u'╞', u'╟', u'╚', u'╔', u'╩', u'╦', u'╠', u'═', u'╬', u'╧',
    u'╨', u'╤', u'╥', u'╙', u'╘', u'╒', u'╓', u'╫', u'╪', u'┘', u'┌', u'█', u'▄', u'▌', u'▐', u'▀',
    u'α', u'ß', u'Γ', u'π', u'Σ', u'σ', u'µ', u'τ', u'Φ', u'Θ', u'Ω', u'δ', u'∞', u'φ', u'ε', u'∩',
    u'≡', u'±', u'≥', u'≤', u'⌠', u'⌡', u'÷', u'≈', u'°', u'∙', u'·', u'√', u'ⁿ', u'²', u'■',
    u'\u00a0', // no-break space
};
// clang-format on

// Kinsoku: punctuation that must not start a line, and punctuation that must not end one.
constexpr QStringView noLineStart = u",.;:!?)]}%，。、；：！？）」』】》〉〕”’…";
constexpr QStringView noLineEnd = u"([{（「『【《〈〔“‘";

bool contains(QStringView set, char32_t c)
{
    return c <= 0xFFFF && set.contains(QChar(char16_t(c)));
}

bool mayBreakBefore(char32_t previous, int previousColumns, char32_t c, int cColumns)
{
    if (cColumns == 0)
        return false; // a mark stays with its base
    const bool previousSpace = previous == u' ';
    const bool space = c == u' ';
    if (previousSpace || space)
        return previousSpace != space; // at either end of a run of spaces
    if (previousColumns < 2 && cColumns < 2)
        return false; // inside a Latin word
    return !contains(noLineStart, c) && !contains(noLineEnd, previous);
}

QStringView withoutTrailingSpaces(QStringView text)
{
    while (text.endsWith(u' '))
        text.chop(1);
    return text;
}

void wrapParagraph(QStringView text, int columns, QStringList *lines)
{
    qsizetype start = 0;
    do {
        qsizetype end = text.size();
        qsizetype breakAt = -1;
        int width = 0;
        char32_t previous = 0;
        int previousColumns = 0;
        bool started = false; // a break before the line's first word would leave it empty
        qsizetype length = 0;
        for (qsizetype i = start; i < text.size(); i += length) {
            const char32_t c = detail::codePointAt(text, i, &length);
            const int w = detail::columns(detail::classify(c).route);
            if (started && mayBreakBefore(previous, previousColumns, c, w))
                breakAt = i;
            if (width + w > columns && i > start) {
                end = breakAt > start ? breakAt : i; // no break opportunity: split the word
                break;
            }
            width += w;
            if (w > 0) {
                previous = c;
                previousColumns = w;
                started = started || c != u' ';
            }
        }
        lines->append(withoutTrailingSpaces(text.sliced(start, end - start)).toString());
        start = end;
        while (start < text.size() && text[start] == u' ')
            ++start;
    } while (start < text.size());
}

// `left` and `right` with spaces between them up to `columns` columns.
QString joined(QStringView left, QStringView right, int columns)
{
    const int spaces = std::max(0, columns - displayColumns(left) - displayColumns(right));
    QString line = left.toString();
    line += QString(spaces, u' ');
    line += right;
    return line;
}

} // namespace

namespace detail {

Glyph classify(char32_t c)
{
    constexpr Glyph replaced{Route::CodePage, '?'};
    if (c < 0x80)
        return c < 0x20 || c == 0x7F ? replaced : Glyph{Route::CodePage, char(c)};
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Surrogate:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return replaced;
    case QChar::Mark_NonSpacing:
    case QChar::Mark_Enclosing:
    case QChar::Other_Format:
        return {Route::Omit, 0};
    default:
        break;
    }
    // Chinese text is far above PC437's last character (■, U+25A0): skip the search.
    constexpr char32_t pc437Last = *std::max_element(pc437High.begin(), pc437High.end());
    const auto found =
        c <= pc437Last ? std::find(pc437High.begin(), pc437High.end(), c) : pc437High.end();
    if (found != pc437High.end())
        return {Route::CodePage, char(0x80 + (found - pc437High.begin()))};
    if (c == U'μ') // IBM's (and ICU's) reading of 0xE6, where Unicode's table has the micro sign µ
        return {Route::CodePage, char(0xE6)};
    return {Route::Chinese, 0};
}

QStringView nfc(QStringView text, QString &storage)
{
    // Below U+0300 (where the combining marks start) every text is already NFC.
    if (std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x300; }))
        return text;
    storage = text.toString().normalized(QString::NormalizationForm_C);
    return storage;
}

} // namespace detail

int displayColumns(QStringView text)
{
    QString storage;
    int total = 0;
    detail::forEachCodePoint(detail::nfc(text, storage), [&total](char32_t c, QStringView) {
        total += detail::columns(detail::classify(c).route);
    });
    return total;
}

QStringList wrapColumns(QStringView text, int columns)
{
    QStringList lines;
    QString storage;
    const QStringView normalized = detail::nfc(text, storage);
    if (normalized.isEmpty())
        return lines;
    for (QStringView paragraph : normalized.tokenize(u'\n')) {
        if (paragraph.isEmpty())
            lines.append(QString());
        else
            wrapParagraph(paragraph, columns, &lines);
    }
    return lines;
}

QStringList leftRight(QStringView left, QStringView right, int columns)
{
    QStringList lines = wrapColumns(left, columns);
    const int rightColumns = displayColumns(right);
    if (right.isEmpty()) {
        if (lines.isEmpty())
            lines.append(QString());
    } else if (rightColumns > columns) {
        for (const QString &part : wrapColumns(right, columns))
            lines.append(joined({}, part, columns));
    } else if (!lines.isEmpty() && displayColumns(lines.last()) + 1 + rightColumns <= columns) {
        lines.last() = joined(lines.last(), right, columns);
    } else {
        lines.append(joined({}, right, columns));
    }
    return lines;
}

} // namespace smartpos::escpos
