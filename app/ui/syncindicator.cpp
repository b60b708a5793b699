#include "syncindicator.h"

namespace smartpos {

SyncIndicator::SyncIndicator(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
}

void SyncIndicator::setStatus(bool online, qint64 pending, const QDateTime &lastSyncUtc,
                              const QString &problem)
{
    if (m_heard && online == m_online && pending == m_pending && lastSyncUtc == m_lastSync
        && problem == m_problem)
        return;
    m_heard = true;
    m_online = online;
    m_pending = pending;
    m_lastSync = lastSyncUtc;
    m_problem = problem;
    emit changed();
}

void SyncIndicator::setEnrolled(bool enrolled)
{
    if (enrolled == m_enrolled)
        return;
    m_enrolled = enrolled;
    emit changed();
}

QString SyncIndicator::lastSyncText() const
{
    if (!m_lastSync.isValid())
        return tr("never synced");
    const QDateTime local = m_lastSync.toLocalTime();
    const bool today = local.date() == m_clock.nowUtc().toLocalTime().date();
    return tr("last sync %1")
        .arg(local.toString(today ? QStringLiteral("HH:mm") : QStringLiteral("MM-dd HH:mm")));
}

QString SyncIndicator::summary() const
{
    if (!m_enrolled)
        return {};
    if (!m_heard)
        return tr("Cloud: connecting…");
    const QString waiting =
        m_pending == 0 ? tr("all sent") : tr("%n waiting", nullptr, int(m_pending));
    return (m_online ? tr("Cloud online") : tr("Offline")) + QStringLiteral(" · ") + waiting
           + QStringLiteral(" · ") + lastSyncText();
}

} // namespace smartpos
