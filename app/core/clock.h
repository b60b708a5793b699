#pragma once

#include <QDateTime>

namespace smartpos {

// Where SmartPOS reads the time, so tests can set it.
class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;
};

class SystemClock final : public Clock {
public:
    QDateTime nowUtc() const override;
};

class ManualClock final : public Clock {
public:
    explicit ManualClock(QDateTime start)
        : m_now(start.toUTC())
    {
    }
    QDateTime nowUtc() const override { return m_now; }
    void advanceMs(qint64 ms) { m_now = m_now.addMSecs(ms); }
    void set(QDateTime now) { m_now = now.toUTC(); }

private:
    QDateTime m_now;
};

} // namespace smartpos
