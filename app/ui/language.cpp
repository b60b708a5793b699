#include "language.h"

#include <QCoreApplication>
#include <QLocale>
#include <QQmlEngine>

namespace smartpos {

Language::Language(QObject *parent)
    : QObject(parent)
{
}

QString Language::normalize(const QString &requested)
{
    return requested.startsWith(u"zh", Qt::CaseInsensitive) ? QStringLiteral("zh_CN")
                                                            : QStringLiteral("en");
}

QString Language::fromSystemLocale()
{
    return normalize(QLocale::system().name());
}

bool Language::apply(const QString &code)
{
    const QString normalized = normalize(code);
    QCoreApplication::removeTranslator(&m_translator);
    const bool loaded = m_translator.load(QStringLiteral(":/i18n/smartpos_%1.qm").arg(normalized));
    if (loaded)
        QCoreApplication::installTranslator(&m_translator);
    m_code = normalized;
    QLocale::setDefault(QLocale(normalized));
    if (m_engine)
        m_engine->retranslate();
    emit changed();
    return loaded;
}

void Language::toggle()
{
    apply(chinese() ? QStringLiteral("en") : QStringLiteral("zh_CN"));
    emit chosen(m_code);
}

} // namespace smartpos
