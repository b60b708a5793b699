#include "keyboardwedge.h"

#include <QCoreApplication>

namespace smartpos {

namespace {
bool isEnter(const QKeyEvent *key)
{
    return key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
}

bool isPrintable(const QKeyEvent *key)
{
    const auto modifiers = key->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier);
    return modifiers == Qt::NoModifier && key->text().size() == 1 && key->text()[0].isPrint();
}
} // namespace

KeyboardWedge::KeyboardWedge(QObject *parent)
    : QObject(parent)
{
    m_elapsed.start();
    m_nowMs = [this] { return m_elapsed.elapsed(); };
    m_gapTimer.setSingleShot(true);
    connect(&m_gapTimer, &QTimer::timeout, this, &KeyboardWedge::releaseHeld);
}

KeyboardWedge::~KeyboardWedge()
{
    if (m_window)
        m_window->removeEventFilter(this);
}

void KeyboardWedge::attach(QWindow *window)
{
    if (m_window)
        m_window->removeEventFilter(this);
    m_window = window;
    if (m_window)
        m_window->installEventFilter(this);
}

void KeyboardWedge::releaseHeld()
{
    m_gapTimer.stop();
    const auto held = std::exchange(m_held, {});
    m_burst.clear();
    if (!m_window)
        return;
    m_replaying = true;
    for (const auto &key : held) {
        QKeyEvent press(QEvent::KeyPress, key.key, key.modifiers, key.text);
        QCoreApplication::sendEvent(m_window, &press);
    }
    m_replaying = false;
}

bool KeyboardWedge::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_window || m_replaying || event->type() != QEvent::KeyPress)
        return QObject::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    const qint64 now = m_nowMs();
    if (!m_held.isEmpty() && now - m_lastKeyMs > m_maxGapMs)
        releaseHeld(); // too slow for a scanner: a person is typing

    if (isEnter(key)) {
        if (m_burst.size() >= m_minLength) {
            const QString code = std::exchange(m_burst, {});
            m_held.clear();
            m_gapTimer.stop();
            emit scanned(code);
            return true;
        }
        releaseHeld();
        return false;
    }
    if (!isPrintable(key)) {
        releaseHeld();
        return false;
    }
    m_held.append({key->key(), key->modifiers(), key->text()});
    m_burst += key->text();
    m_lastKeyMs = now;
    m_gapTimer.start(m_maxGapMs + 1);
    return true;
}

} // namespace smartpos
