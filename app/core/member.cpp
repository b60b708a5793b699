#include "member.h"

#include <QDate>

namespace smartpos {

const QStringList &memberTiers()
{
    static const QStringList tiers = {QStringLiteral("silver"), QStringLiteral("gold"),
                                      QStringLiteral("platinum")};
    return tiers;
}

std::optional<QString> canonicalPhone(QStringView text)
{
    QString digits;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c >= u'0' && c <= u'9')
            digits += c;
        else if (c == u'+' && digits.isEmpty())
            digits += QStringLiteral("00"); // +86 is 0086
        else if (c != u' ' && c != u'-')
            return std::nullopt;
    }
    for (const QStringView prefix : {u"0086", u"86"}) {
        if (digits.size() == 11 + prefix.size() && digits.startsWith(prefix)) {
            digits.remove(0, prefix.size());
            break;
        }
    }
    if (digits.size() != 11 || digits[0] != u'1' || digits[1] < u'3')
        return std::nullopt;
    return digits;
}

bool isBirthday(QStringView text)
{
    // 2000 is a leap year: 02-29 is a birthday.
    return text.size() == 5
           && QDate::fromString(text.toString() + QStringLiteral("-2000"),
                                QStringLiteral("MM-dd-yyyy"))
                  .isValid();
}

QString Member::maskedName() const
{
    QStringList words;
    for (const QString &word : name.split(u' ', Qt::SkipEmptyParts)) {
        const QList<uint> chars = word.toUcs4();
        const bool chinese = QChar::script(chars.first()) == QChar::Script_Han;
        const bool keepLast = chinese && chars.size() >= 3;
        QString masked =
            QString::fromUcs4(reinterpret_cast<const char32_t *>(chars.constData()), 1);
        masked += QString(chars.size() - 1 - (keepLast ? 1 : 0), u'*');
        if (keepLast)
            masked += QString::fromUcs4(reinterpret_cast<const char32_t *>(&chars.last()), 1);
        words.append(masked);
    }
    return words.join(u' ');
}

QString Member::maskedPhone() const
{
    if (phone.size() < 7)
        return QString(phone.size(), u'*');
    return phone.first(3) + QString(phone.size() - 7, u'*') + phone.last(4);
}

} // namespace smartpos
