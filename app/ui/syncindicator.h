#pragma once

#include "core/clock.h"

#include <QDateTime>
#include <QObject>
#include <QString>

namespace smartpos {

// What the cashier window says about the chain's cloud: online or offline, how many events wait
// to be sent and when the till last synced, in one short line for the header; and a problem an
// operator must solve (the cloud refuses this till) for a red strip. Hidden on a till that is not
// enrolled with a cloud.
class SyncIndicator : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool enrolled READ enrolled NOTIFY changed)
    Q_PROPERTY(bool online READ online NOTIFY changed)
    Q_PROPERTY(qint64 pending READ pending NOTIFY changed)
    // "Cloud online · all sent · 10:42" / "Offline · 12 waiting · last sync 09:15"
    Q_PROPERTY(QString summary READ summary NOTIFY changed)
    Q_PROPERTY(QString problem READ problem NOTIFY changed)
public:
    explicit SyncIndicator(const Clock &clock, QObject *parent = nullptr);

    bool enrolled() const { return m_enrolled; }
    bool online() const { return m_online; }
    qint64 pending() const { return m_pending; }
    QString summary() const;
    QString problem() const { return m_problem; }

    // The sync client's latest word (on the UI thread).
    void setStatus(bool online, qint64 pending, const QDateTime &lastSyncUtc,
                   const QString &problem);
    void setEnrolled(bool enrolled);
    // The language changed: the summary is said again in it.
    void retranslate() { emit changed(); }

signals:
    void changed();

private:
    QString lastSyncText() const;

    const Clock &m_clock;
    bool m_enrolled = false;
    bool m_heard = false; // the sync client said something since the till started
    bool m_online = false;
    qint64 m_pending = 0;
    QDateTime m_lastSync;
    QString m_problem;
};

} // namespace smartpos
