#pragma once

#include <QObject>
#include <QTranslator>

class QQmlEngine;

namespace smartpos {

// The UI language: zh_CN or en. Picks --lang, then the setting, then the system locale, and
// switches at run time (F9 on the cashier screen).
class Language : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString code READ code NOTIFY changed)
    Q_PROPERTY(bool chinese READ chinese NOTIFY changed)
public:
    explicit Language(QObject *parent = nullptr);

    // "zh", "zh_CN", "en", "en_US" …; anything else falls back to English.
    static QString normalize(const QString &requested);
    static QString fromSystemLocale();

    bool apply(const QString &code);
    const QString &code() const { return m_code; }
    bool chinese() const { return m_code == u"zh_CN"; }
    void setEngine(QQmlEngine *engine) { m_engine = engine; }

    // F9: the other language, which the cashier has then chosen (see chosen()).
    Q_INVOKABLE void toggle();

signals:
    void changed();
    // The cashier picked `code` on screen, to be remembered as the terminal's setting.
    void chosen(const QString &code);

private:
    QString m_code;
    QTranslator m_translator;
    QQmlEngine *m_engine = nullptr;
};

} // namespace smartpos
