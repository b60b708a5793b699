#pragma once

#include <QElapsedTimer>
#include <QKeyEvent>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QWindow>

#include <functional>

namespace smartpos {

// A keyboard-wedge barcode scanner types its code as a burst of key presses a few milliseconds
// apart and ends it with Enter. KeyboardWedge watches a window's keys: printable keys are held
// back while they could still be a burst; a burst of at least minLength characters ended by
// Enter becomes scanned(code) wherever focus is, and anything slower is handed back to the
// window exactly as typed, so a person typing into a field still types.
class KeyboardWedge : public QObject {
    Q_OBJECT
public:
    explicit KeyboardWedge(QObject *parent = nullptr);
    ~KeyboardWedge() override;

    void attach(QWindow *window);
    void setMaxGapMs(int ms) { m_maxGapMs = ms; }
    int maxGapMs() const { return m_maxGapMs; }
    void setMinLength(int chars) { m_minLength = chars; }
    // Milliseconds from a monotonic clock; tests may replace it.
    void setClock(std::function<qint64()> nowMs) { m_nowMs = std::move(nowMs); }

signals:
    void scanned(const QString &code);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void releaseHeld();

    QPointer<QWindow> m_window;
    struct HeldKey {
        int key;
        Qt::KeyboardModifiers modifiers;
        QString text;
    };
    QList<HeldKey> m_held;
    QString m_burst;
    qint64 m_lastKeyMs = 0;
    int m_maxGapMs = 40;
    int m_minLength = 4;
    bool m_replaying = false;
    QTimer m_gapTimer;
    QElapsedTimer m_elapsed;
    std::function<qint64()> m_nowMs;
};

} // namespace smartpos
