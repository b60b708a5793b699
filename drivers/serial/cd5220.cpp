#include "cd5220.h"

#include <QList>
#include <QString>
#include <QStringEncoder>

#include <limits>

namespace smartpos::devices {

Cd5220::Cd5220(Encoding encoding, std::optional<char> yen)
    : m_encoding(encoding)
    , m_yen(yen && !isPrintable(*yen) ? '?' : yen)
{
}

QByteArray Cd5220::initialize()
{
    return QByteArrayLiteral("\x1b\x40");
}

QByteArray Cd5220::clear()
{
    return QByteArrayLiteral("\x0c");
}

QByteArray Cd5220::show(QStringView upper, QStringView lower) const
{
    return clear() + "\x1bQA" + line(upper) + '\r' + "\x1bQB" + line(lower) + '\r';
}

QByteArray Cd5220::line(QStringView text) const
{
    const QByteArray out = encoded(text, columns);
    return out + QByteArray(columns - out.size(), ' ');
}

int Cd5220::width(QStringView text) const
{
    return int(encoded(text, std::numeric_limits<int>::max()).size());
}

QByteArray Cd5220::encoded(QStringView text, int maxColumns) const
{
    QStringEncoder gb18030("GB18030", QStringEncoder::Flag::Stateless);
    QByteArray out;
    // Composed, so that 'e' + U+0301 is one 'é' (and one '?' on an ASCII display).
    for (const char32_t c : text.toString().normalized(QString::NormalizationForm_C).toUcs4()) {
        QByteArray glyph = "?";
        if (c >= 0x20 && c < 0x7f) {
            glyph = QByteArray(1, char(c));
        } else if ((c == U'¥' || c == U'￥') && (m_yen || m_encoding == Encoding::Ascii)) {
            glyph = QByteArray(1, m_yen.value_or('Y'));
        } else if (m_encoding == Encoding::Gb18030
                   && QChar::category(c) != QChar::Other_PrivateUse) {
            gb18030.resetState();
            const QByteArray encoded = gb18030(QChar::fromUcs4(c == U'¥' ? U'￥' : c));
            if (!gb18030.hasError() && encoded.size() == 2)
                glyph = encoded;
        }
        if (out.size() + glyph.size() > maxColumns)
            break;
        out += glyph;
    }
    return out;
}

} // namespace smartpos::devices
