#include "syncclient.h"

#include "protocol.h"
#include "synclog.h"

#include <QEventLoop>
#include <QHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QUrl>

namespace smartpos::sync {

namespace {
constexpr int pullPageSize = 1000;
constexpr int pullEveryMs = 60'000;
constexpr int nudgeDelayMs = 200; // a burst of commits makes one push
constexpr int longestBackoffMs = 300'000;
} // namespace

SyncClient::SyncClient(QString dataDir, SyncConfig config, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_dataDir(std::move(dataDir))
    , m_config(std::move(config))
    , m_clock(clock)
    , m_retry(this) // children, so they move to the client's thread with it
    , m_periodic(this)
    , m_nudge(this)
    , m_random(QRandomGenerator::securelySeeded())
{
    qRegisterMetaType<SyncStatus>();
    m_nudge.setSingleShot(true);
    m_nudge.setInterval(nudgeDelayMs);
    m_retry.setSingleShot(true);
    m_periodic.setInterval(pullEveryMs);
    for (QTimer *timer : {&m_nudge, &m_retry, &m_periodic})
        connect(timer, &QTimer::timeout, this, &SyncClient::pass);
}

SyncClient::~SyncClient() = default;

int SyncClient::backoffMs(int failures, QRandomGenerator &random)
{
    const int doublings = qBound(0, failures - 1, 20);
    const qint64 ceiling = qMin<qint64>(longestBackoffMs, qint64(1000) << doublings);
    return int(ceiling / 2 + random.bounded(ceiling / 2 + 1));
}

Status SyncClient::open()
{
    if (Status opened = m_outbox.open(m_dataDir); !opened)
        return opened;
    if (Status opened = m_applier.open(m_dataDir); !opened)
        return opened;
    m_network = std::make_unique<QNetworkAccessManager>();
    const Result<qint64> pending = m_outbox.pendingCount();
    m_status.pending = pending ? *pending : 0;
    const Result<QDateTime> lastSent = m_outbox.lastSentAt();
    m_status.lastSync = lastSent ? *lastSent : QDateTime();
    return {};
}

void SyncClient::start()
{
    if (!m_network) {
        if (Status opened = open(); !opened) {
            m_status.problem = opened.error().message;
            publish();
            return;
        }
    }
    m_autonomous = true;
    m_periodic.start();
    pass();
}

void SyncClient::nudge()
{
    if (!m_nudge.isActive())
        m_nudge.start();
}

SyncSummary SyncClient::runOnce()
{
    QEventLoop loop;
    m_passDone = [&loop] { loop.quit(); };
    pass();
    if (m_step != Step::Idle)
        loop.exec();
    m_passDone = {};
    return m_summary;
}

void SyncClient::pass()
{
    if (m_step != Step::Idle) {
        m_again = true;
        return;
    }
    m_retry.stop();
    m_again = false;
    m_summary = {};
    m_step = Step::Pushing;
    push();
}

QNetworkRequest SyncClient::request(const QString &pathAndQuery, QByteArrayView method,
                                    QByteArrayView body)
{
    QUrl url(m_config.url);
    const qsizetype question = pathAndQuery.indexOf(u'?');
    url.setPath(pathAndQuery.left(question));
    url.setQuery(question < 0 ? QString() : pathAndQuery.mid(question + 1));
    QNetworkRequest request(url);
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates({m_config.certificate}); // this cloud, and nobody else
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    request.setSslConfiguration(ssl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(m_requestTimeoutMs);
    const RequestSignature signature = signRequest(m_config.secret, m_config.terminalId, method,
                                                   pathAndQuery.toUtf8(), body, m_clock.nowUtc());
    request.setRawHeader(terminalHeader.toByteArray(), signature.terminal);
    request.setRawHeader(timestampHeader.toByteArray(), signature.timestamp);
    request.setRawHeader(nonceHeader.toByteArray(), signature.nonce);
    request.setRawHeader(signatureHeader.toByteArray(), signature.signature);
    return request;
}

void SyncClient::send(QNetworkReply *reply,
                      const std::function<void(int status, QByteArray body)> &onAnswer)
{
    auto pinMismatch = std::make_shared<bool>(false);
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply, pinMismatch] {
        // Only the enrolled certificate passes, whatever name the cloud is reached by.
        if (reply->sslConfiguration().peerCertificate() == m_config.certificate)
            reply->ignoreSslErrors();
        else
            *pinMismatch = true;
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, pinMismatch, onAnswer] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status > 0) {
            onAnswer(status, reply->readAll());
            return;
        }
        if (*pinMismatch) {
            finishPass(tr("The server at %1 is not the cloud this till enrolled with (another "
                          "certificate); nothing was sent. Call your manager.")
                           .arg(m_config.url),
                       false, true);
            return;
        }
        qCDebug(lcSync).noquote() << "no answer:" << reply->errorString();
        finishPass(tr("The cloud cannot be reached (%1).").arg(reply->errorString()), false);
    });
}

namespace {
// What an answer other than 200 means, for the person who can act on it.
QString refusal(int status, const QByteArray &body)
{
    const QString message = describeErrorBody(body);
    if (status == 423)
        return SyncClient::tr("The cloud refuses this till until a manager looks at it: %1")
            .arg(message);
    if (status == 401 || status == 403)
        return SyncClient::tr("The cloud does not accept this till's requests: %1").arg(message);
    return SyncClient::tr("The cloud answered %1: %2").arg(status).arg(message);
}
} // namespace

void SyncClient::push()
{
    const Result<QList<OutboxEvent>> batch = m_outbox.nextBatch(pushBatchSize);
    const Result<Outbox::Head> head = m_outbox.head();
    if (!batch || !head) {
        finishPass(batch ? head.error().message : batch.error().message, m_status.online);
        return;
    }
    if (batch->isEmpty()) {
        m_step = Step::Pulling;
        pull();
        return;
    }
    QHash<QString, qint64> seqOf;
    QList<qint64> seqs;
    for (const OutboxEvent &event : *batch) {
        seqOf.insert(event.eventId, event.seq);
        seqs.append(event.seq);
    }
    const QByteArray body = encodePush(*batch, {head->seq, head->mac});
    QNetworkReply *reply = m_network->post(request(pushPath, "POST", body), body);
    send(reply, [this, seqOf, seqs](int status, const QByteArray &answer) {
        const QDateTime now = m_clock.nowUtc();
        const Result<QList<EventResult>> results =
            status == 200 ? parsePushResults(answer) : Result<QList<EventResult>>(Error{});
        if (!results) {
            (void)m_outbox.markAttempted(seqs, now);
            finishPass(status == 200 ? results.error().message : refusal(status, answer), true);
            return;
        }
        QList<qint64> sent;
        QString rejected;
        for (const EventResult &result : *results) {
            const auto seq = seqOf.constFind(result.eventId);
            if (seq == seqOf.cend())
                continue; // not one of ours: ignored
            if (result.outcome == EventOutcome::Rejected) {
                if (rejected.isEmpty())
                    rejected = result.detail;
                continue;
            }
            sent.append(*seq);
        }
        if (Status marked = m_outbox.markSent(sent, now); !marked) {
            finishPass(marked.error().message, true);
            return;
        }
        m_summary.sent += sent.size();
        if (!rejected.isEmpty()) {
            finishPass(
                tr("The cloud refused this till's sales: %1. Call your manager.").arg(rejected),
                true);
            return;
        }
        if (sent.isEmpty()) {
            finishPass(tr("The cloud answered without taking any sale; trying again later."), true);
            return;
        }
        m_status.online = true;
        push();
    });
}

void SyncClient::pull()
{
    const Result<qint64> cursor = m_applier.cursor();
    if (!cursor) {
        finishPass(cursor.error().message, true);
        return;
    }
    const QString path =
        QStringLiteral("%1?since=%2&limit=%3").arg(changesPath).arg(*cursor).arg(pullPageSize);
    send(m_network->get(request(path, "GET", {})), [this](int status, const QByteArray &answer) {
        if (status != 200) {
            finishPass(refusal(status, answer), true);
            return;
        }
        const Result<ChangesPage> page = parseChangesPage(answer);
        if (!page) {
            finishPass(page.error().message, true);
            return;
        }
        if (Status applied = m_applier.apply(*page); !applied) {
            finishPass(applied.error().message, true);
            return;
        }
        m_summary.changes += page->changes.size();
        if (page->more)
            pull();
        else
            finishPass({}, true);
    });
}

void SyncClient::finishPass(const QString &error, bool online, bool needsPerson)
{
    m_step = Step::Idle;
    m_status.online = online;
    // Offline is not a problem to show: sales wait, the header says so. Anything else is.
    m_status.problem = online || needsPerson ? error : QString();
    if (error.isEmpty()) {
        m_failures = 0;
        m_status.lastSync = m_clock.nowUtc();
    } else {
        ++m_failures;
        qCInfo(lcSync).noquote() << "sync stopped:" << error;
    }
    const Result<qint64> pending = m_outbox.pendingCount();
    m_status.pending = pending ? *pending : m_status.pending;
    m_summary.remaining = m_status.pending;
    m_summary.error = error;
    publish();
    if (m_passDone)
        m_passDone();
    if (!m_autonomous)
        return;
    if (!error.isEmpty())
        m_retry.start(backoffMs(m_failures, m_random));
    else if (m_again)
        nudge();
}

void SyncClient::publish()
{
    emit statusChanged(m_status);
}

} // namespace smartpos::sync
