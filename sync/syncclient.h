#pragma once

#include "changeapplier.h"
#include "core/clock.h"
#include "ledger/outbox.h"
#include "syncconfig.h"

#include <QDateTime>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace smartpos::sync {

// What the till shows about the cloud (SyncIndicator): the facts, the UI words them.
struct SyncStatus {
    bool online = false;
    qint64 pending = 0;
    QDateTime lastSync; // UTC; invalid: never
    QString problem;    // for the cashier or manager: the cloud refuses this till, or a file fails
};

// One `sync now`: what was sent, what is left, what was pulled, and why it stopped.
struct SyncSummary {
    qint64 sent = 0;
    qint64 remaining = 0;
    qint64 changes = 0;
    QString error; // empty when everything went
};

// The till's side of the sync protocol (docs/sync-protocol.md): pushes the ledger's outbox in
// journal order and pulls the chain's changes into the till's files, over HTTPS to the one
// certificate it enrolled with, every request signed. It owns its own connections to ledger.db
// and catalog.db and its own network access, so it can live on a thread of its own: a scan or a
// commit never waits for it. An event is marked sent only when an answer names it; whatever
// fails (the network, a server that answers garbage or nothing, a kill) leaves it to be sent
// again, and the cloud keeps each event once.
class SyncClient : public QObject {
    Q_OBJECT

public:
    SyncClient(QString dataDir, SyncConfig config, const Clock &clock, QObject *parent = nullptr);
    ~SyncClient() override;

    // Opens the outbox and the change applier (on the thread the client lives on).
    Status open();
    // Push until nothing is left, then pull once; returns when done or stopped (`sync now`).
    // Runs an event loop of its own on the calling thread.
    SyncSummary runOnce();

    // The backoff after `failures` failures in a row: doubling from 1 s to 5 min, each wait drawn
    // between half and all of it, so tills that lost the cloud together do not return together.
    static int backoffMs(int failures, QRandomGenerator &random);
    // How long a request may take before it is given up (a server that never answers).
    void setRequestTimeout(int ms) { m_requestTimeoutMs = ms; }

public slots:
    // Runs by itself from now on (opening first if needed, on the client's thread): pushes,
    // pulls every minute, retries with backoff.
    void start();
    // Something was committed: push within a second (bursts make one push).
    void nudge();

signals:
    void statusChanged(const smartpos::sync::SyncStatus &status);

private:
    enum class Step { Idle, Pushing, Pulling };
    void pass();
    void push();
    void pull();
    // `needsPerson`: even without an answer, something a manager must see (a foreign certificate).
    void finishPass(const QString &error, bool online, bool needsPerson = false);
    QNetworkRequest request(const QString &pathAndQuery, QByteArrayView method,
                            QByteArrayView body);
    void send(QNetworkReply *reply,
              const std::function<void(int status, QByteArray body)> &onAnswer);
    void publish();

    QString m_dataDir;
    SyncConfig m_config;
    const Clock &m_clock;
    Outbox m_outbox;
    ChangeApplier m_applier;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QTimer m_retry, m_periodic, m_nudge;
    QRandomGenerator m_random;
    Step m_step = Step::Idle;
    bool m_again = false;      // a nudge came during a pass
    bool m_autonomous = false; // start() was called: retries and periodic pulls
    int m_failures = 0;
    int m_requestTimeoutMs = 15000;
    SyncStatus m_status;
    SyncSummary m_summary;
    std::function<void()> m_passDone;
};

} // namespace smartpos::sync

Q_DECLARE_METATYPE(smartpos::sync::SyncStatus)
