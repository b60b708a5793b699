#include "canonicaljson.h"

#include <QStringDecoder>
#include <QUtf8StringView>

#include <cstring>
#include <limits>

namespace smartpos {

CanonicalWriter &CanonicalWriter::key(const char *name)
{
    separate();
    m_out += '"';
    m_out += name;
    m_out += "\":";
    m_needComma = false;
    return *this;
}

void CanonicalWriter::value(qint64 number)
{
    m_out += QByteArray::number(number);
    m_needComma = true;
}

void CanonicalWriter::value(const QString &text)
{
    m_out += '"';
    for (const char c : text.toUtf8()) {
        switch (c) {
        case '"':
            m_out += "\\\"";
            break;
        case '\\':
            m_out += "\\\\";
            break;
        case '\b':
            m_out += "\\b";
            break;
        case '\f':
            m_out += "\\f";
            break;
        case '\n':
            m_out += "\\n";
            break;
        case '\r':
            m_out += "\\r";
            break;
        case '\t':
            m_out += "\\t";
            break;
        default:
            if (uchar(c) < 0x20)
                m_out += "\\u00" + QByteArray::number(uchar(c), 16).rightJustified(2, '0');
            else
                m_out += c;
        }
    }
    m_out += '"';
    m_needComma = true;
}

void CanonicalWriter::rawValue(QByteArrayView json)
{
    m_out += json;
    m_needComma = true;
}

void CanonicalWriter::open(char bracket)
{
    separate();
    m_out += bracket;
    m_needComma = false;
}

void CanonicalWriter::close(char bracket)
{
    m_out += bracket;
    m_needComma = true;
}

void CanonicalWriter::separate()
{
    if (m_needComma)
        m_out += ',';
}

namespace {

QByteArray unescape(QByteArrayView raw)
{
    QByteArray out;
    out.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\\' || i + 1 >= raw.size()) {
            out += raw[i];
            continue;
        }
        switch (const char c = raw[++i]) {
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        case 'u': // only \u00XX for control characters is ever written
            out += char(raw.sliced(i + 1, qMin<qsizetype>(4, raw.size() - i - 1))
                            .toByteArray()
                            .toInt(nullptr, 16));
            i += 4;
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace

QString CanonicalText::toString() const
{
    // Not QString::fromUtf8: it drops a leading U+FEFF, and a name may begin with one.
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    return utf8(escaped ? QByteArrayView(unescape(raw)) : raw);
}

bool CanonicalText::equals(QByteArrayView utf8) const
{
    return escaped ? unescape(raw) == utf8 : raw == utf8;
}

bool CanonicalReader::separate()
{
    if (!m_needComma)
        return true;
    if (m_pos >= m_in.size() || m_in[m_pos] != ',')
        return fail();
    ++m_pos;
    return true;
}

bool CanonicalReader::key(const char *name)
{
    if (!m_ok || !separate())
        return fail();
    const qsizetype length = qsizetype(std::strlen(name));
    if (m_in.size() - m_pos < length + 3 || m_in[m_pos] != '"'
        || std::memcmp(m_in.data() + m_pos + 1, name, size_t(length)) != 0
        || m_in[m_pos + 1 + length] != '"' || m_in[m_pos + 2 + length] != ':')
        return fail();
    m_pos += length + 3;
    m_needComma = false;
    return true;
}

bool CanonicalReader::nextKeyIs(const char *name) const
{
    qsizetype at = m_pos + (m_needComma ? 1 : 0);
    const qsizetype length = qsizetype(std::strlen(name));
    return m_ok && m_in.size() - at >= length + 3 && m_in[at] == '"'
           && std::memcmp(m_in.data() + at + 1, name, size_t(length)) == 0
           && m_in[at + 1 + length] == '"';
}

bool CanonicalReader::integer(qint64 *out)
{
    if (!m_ok)
        return false;
    // The writer's digits exactly: an optional minus, no leading zeros, no plus, no fraction.
    const bool negative = m_pos < m_in.size() && m_in[m_pos] == '-';
    if (negative)
        ++m_pos;
    const qsizetype digits = m_pos;
    quint64 magnitude = 0; // 19 digits always fit in 64 unsigned bits
    while (m_pos < m_in.size() && m_in[m_pos] >= '0' && m_in[m_pos] <= '9' && m_pos - digits < 19)
        magnitude = magnitude * 10 + quint64(m_in[m_pos++] - '0');
    const qsizetype count = m_pos - digits;
    const quint64 limit = quint64(std::numeric_limits<qint64>::max()) + (negative ? 1 : 0);
    if (count == 0 || (count > 1 && m_in[digits] == '0') || (negative && magnitude == 0)
        || magnitude > limit || (m_pos < m_in.size() && m_in[m_pos] >= '0' && m_in[m_pos] <= '9'))
        return fail();
    *out = negative ? qint64(0 - magnitude) : qint64(magnitude);
    m_needComma = true;
    return true;
}

namespace {
bool isLowerHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}
int hexValue(char c)
{
    return c <= '9' ? c - '0' : c - 'a' + 10;
}
} // namespace

bool CanonicalReader::text(CanonicalText *out)
{
    if (!m_ok || m_pos >= m_in.size() || m_in[m_pos] != '"')
        return fail();
    const qsizetype start = ++m_pos;
    bool escaped = false;
    while (m_pos < m_in.size() && m_in[m_pos] != '"') {
        const uchar c = uchar(m_in[m_pos++]);
        if (c < 0x20)
            return fail();
        if (c != '\\')
            continue;
        // Only the escapes the writer makes: \" \\ \b \f \n \r \t, and \u00xx (lower-case
        // hex) for the other control characters.
        escaped = true;
        if (m_pos >= m_in.size())
            return fail();
        const char e = m_in[m_pos++];
        if (e == '"' || e == '\\' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't')
            continue;
        if (e != 'u' || m_in.size() - m_pos < 4 || m_in[m_pos] != '0' || m_in[m_pos + 1] != '0'
            || !isLowerHex(m_in[m_pos + 2]) || !isLowerHex(m_in[m_pos + 3]))
            return fail();
        const int code = hexValue(m_in[m_pos + 2]) * 16 + hexValue(m_in[m_pos + 3]);
        if (code >= 0x20 || code == '\b' || code == '\f' || code == '\n' || code == '\r'
            || code == '\t')
            return fail();
        m_pos += 4;
    }
    if (m_pos >= m_in.size())
        return fail();
    // The writer writes what QString::toUtf8 gives: always UTF-8 (escapes are ASCII).
    const QByteArrayView raw = m_in.sliced(start, m_pos - start);
    if (!QUtf8StringView(raw).isValidUtf8())
        return fail();
    *out = {raw, escaped};
    ++m_pos;
    m_needComma = true;
    return true;
}

bool CanonicalReader::open(char bracket)
{
    if (!m_ok || !separate() || m_pos >= m_in.size() || m_in[m_pos] != bracket)
        return fail();
    ++m_pos;
    m_needComma = false;
    return true;
}

bool CanonicalReader::close(char bracket)
{
    if (!m_ok || m_pos >= m_in.size() || m_in[m_pos] != bracket)
        return fail();
    ++m_pos;
    m_needComma = true;
    return true;
}

bool CanonicalReader::more(char closing)
{
    return m_ok && m_pos < m_in.size() && m_in[m_pos] != closing;
}

} // namespace smartpos
