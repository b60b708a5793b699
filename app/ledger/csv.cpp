#include "csv.h"

namespace smartpos {

namespace {

constexpr QByteArrayView utf8Bom("\xEF\xBB\xBF");
constexpr QByteArrayView gb18030Bom("\x84\x31\x95\x33");

// Lines are decoded one by one: nothing carries over from one to the next (a sequence cut by the
// line break is an error), and a U+FEFF is data, the byte order mark is left to readLine().
constexpr QStringDecoder::Flags decoderFlags =
    QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom;

// Qt decodes GB18030 with ICU, which Debian's Qt has.
QStringDecoder gb18030Decoder()
{
    return QStringDecoder("GB18030", decoderFlags);
}

// The bytes decoded, if they are valid text for the decoder.
std::optional<QString> decodeCleanly(QStringDecoder decoder, QByteArrayView bytes)
{
    QString text = decoder.decode(bytes);
    if (!decoder.isValid() || decoder.hasError())
        return std::nullopt;
    return text;
}

// Han ideographs, and nothing unassigned or for private use, which bytes decoded in another
// encoding than theirs tend to give. Only a hint for an error message.
bool isChinese(const QString &text)
{
    bool han = false;
    for (const char32_t c : text.toUcs4()) {
        const QChar::Category category = QChar::category(c);
        if (category == QChar::Other_PrivateUse || category == QChar::Other_NotAssigned)
            return false;
        han = han || QChar::script(c) == QChar::Script_Han;
    }
    return han;
}

} // namespace

std::optional<TextEncoding> textEncodingFromName(QStringView name)
{
    for (const char *utf8 : {"utf-8", "utf8"})
        if (name.compare(QLatin1StringView(utf8), Qt::CaseInsensitive) == 0)
            return TextEncoding::Utf8;
    // GBK (code page 936) and GB2312 are subsets of GB18030.
    for (const char *gb : {"gb18030", "gbk", "gb2312", "cp936"})
        if (name.compare(QLatin1StringView(gb), Qt::CaseInsensitive) == 0)
            return TextEncoding::Gb18030;
    return std::nullopt;
}

CsvReader::CsvReader(QIODevice *device, TextEncoding encoding)
    : m_device(device)
    , m_encoding(encoding)
    , m_decoder(encoding == TextEncoding::Utf8 ? QStringDecoder(QStringDecoder::Utf8, decoderFlags)
                                               : gb18030Decoder())
{
    if (!m_decoder.isValid())
        m_error = tr("this build cannot read GB18030 (Qt without ICU): save the file as UTF-8 (in "
                     "Excel: “CSV UTF-8”)");
}

// The next line of the file, without its '\n', decoded; false at the end or when the line is not
// text in the encoding (then m_error says why and m_rowLine is the line).
bool CsvReader::readLine(QString *line)
{
    QByteArray bytes = m_device->readLine();
    if (bytes.isEmpty())
        return false;
    ++m_line;
    if (bytes.endsWith('\n'))
        bytes.chop(1);
    const bool utf8 = m_encoding == TextEncoding::Utf8;
    const QByteArrayView bom = utf8 ? utf8Bom : gb18030Bom;
    if (m_line == 1 && bytes.startsWith(bom))
        bytes.remove(0, bom.size());
    *line = m_decoder.decode(bytes);

    if (utf8 && m_decoder.hasError()) {
        const std::optional<QString> gb18030 = decodeCleanly(gb18030Decoder(), bytes);
        m_error = gb18030 && isChinese(*gb18030)
                      ? tr("this line is not UTF-8 text; it looks like GB18030/GBK, as Excel saves "
                           "CSV on Chinese Windows: import the file with --encoding gb18030, or "
                           "save it as “CSV UTF-8”")
                      : tr("this line is not UTF-8 text: save the file as UTF-8 (in Excel: “CSV "
                           "UTF-8”)");
    } else if (!utf8) {
        // UTF-8 Chinese is mostly valid GB18030 too, of other characters: refused rather than
        // imported as such. GB18030 Chinese is hardly ever valid UTF-8 of Han characters.
        const std::optional<QString> utf8Text =
            decodeCleanly(QStringDecoder(QStringDecoder::Utf8, decoderFlags), bytes);
        if (utf8Text && (isChinese(*utf8Text) || (m_line == 1 && utf8Text->startsWith(u'\uFEFF'))))
            m_error = tr("this line is UTF-8 text, not GB18030: import the file without "
                         "--encoding gb18030");
        else if (m_decoder.hasError())
            m_error = tr("this line is not GB18030/GBK text: save the file as UTF-8 (in Excel: "
                         "“CSV UTF-8”) and import it without --encoding");
    }
    if (m_error.isEmpty())
        return true;
    m_rowLine = m_line;
    return false;
}

bool CsvReader::readRow(QStringList *fields)
{
    fields->clear();
    QString line;
    if (!m_error.isEmpty() || !readLine(&line))
        return false;
    m_rowLine = m_line;
    QString field;
    bool quoted = false;
    qsizetype i = 0;
    for (;;) {
        if (i == line.size()) {
            if (!quoted)
                break;
            // A quoted field runs on to the next line.
            if (!readLine(&line)) {
                if (m_error.isEmpty())
                    m_error = tr("a quoted field is never closed");
                return false;
            }
            field += QLatin1Char('\n');
            i = 0;
            continue;
        }
        const QChar c = line[i++];
        if (quoted) {
            if (c == u'"') {
                if (i < line.size() && line[i] == u'"') {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c; // a '\r' too, even right before the line break
            }
        } else if (c == u'"' && field.isEmpty()) {
            quoted = true;
        } else if (c == u',') {
            fields->append(field);
            field.clear();
        } else if (c != u'\r' || i != line.size()) { // a '\r' ending the line is part of CRLF
            field += c;
        }
    }
    fields->append(field);
    return true;
}

QString csvField(const QString &value)
{
    // '\r': read as part of a CRLF at the end of an unquoted field. A U+FEFF first: as a byte order
    // mark at the start of the file.
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n')
        && !value.contains(u'\r') && !value.startsWith(QChar(0xfeff)))
        return value;
    QString quoted = value;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

} // namespace smartpos
