#include "synccommands.h"

#include "core/clock.h"
#include "ledger/outbox.h"
#include "services/appdata.h"
#include "services/chainkeys.h"
#include "sync/protocol.h"
#include "sync/syncclient.h"
#include "sync/syncconfig.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>
#include <QSslConfiguration>

namespace smartpos::admin {

namespace {

// The enrolment of this till, or nothing after saying why.
std::optional<sync::SyncConfig> enrolment(const Invocation &invocation)
{
    const Result<std::optional<sync::SyncConfig>> config =
        sync::SyncConfig::load(invocation.resolvedKeyDir());
    if (!config) {
        fail(config.error().message);
        return std::nullopt;
    }
    if (!config->has_value())
        fail(QStringLiteral("this till is not enrolled with a cloud: smartpos-admin enroll URL "
                            "CODE"));
    return *config;
}

// The chain's coupon keys for codes/coupon-keys.pem, unless the till has its own.
void keepCouponKeys(const QString &dataDir, const QByteArray &pem)
{
    if (pem.isEmpty())
        return;
    const QString folder = ChainKeys::folder(dataDir);
    const QString path = QDir(folder).filePath(QStringLiteral("coupon-keys.pem"));
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly)) {
        if (existing.readAll() != pem)
            print(QStringLiteral("warning: %1 differs from the chain's coupon keys; kept as it is")
                      .arg(path));
        return;
    }
    QDir().mkpath(folder);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(pem) != pem.size() || !file.commit())
        print(QStringLiteral("warning: cannot write %1").arg(path));
    else
        print(QStringLiteral("the chain's coupon keys are in %1").arg(path));
}

int enroll(const Invocation &invocation)
{
    const QUrl url(invocation.arguments[0]);
    if (url.scheme() != u"https" || url.host().isEmpty())
        return usage(
            QStringLiteral("URL must be https://HOST:PORT, not “%1”").arg(invocation.arguments[0]));
    const QString keyDir = invocation.resolvedKeyDir();
    if (const Result<std::optional<sync::SyncConfig>> known = sync::SyncConfig::load(keyDir);
        known && known->has_value() && !invocation.isSet(QStringLiteral("force")))
        return fail(QStringLiteral("this till is enrolled already as %1 of %2 (--force enrols it "
                                   "again)")
                        .arg((*known)->terminalId, (*known)->url));
    AppData data;
    if (!openForWriting(invocation, data))
        return Failed;
    const QByteArray body =
        sync::encodeEnrollRequest({invocation.arguments[1], data.ledger.terminalId()});
    QUrl endpoint = url;
    endpoint.setPath(sync::enrollPath);
    QNetworkRequest request(endpoint);
    // Trust on first use: the certificate seen now is the only one accepted from now on.
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setPeerVerifyMode(QSslSocket::QueryPeer);
    request.setSslConfiguration(ssl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(30000);
    QNetworkAccessManager network;
    QNetworkReply *reply = network.post(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray answer = reply->readAll();
    if (status == 0)
        return fail(
            QStringLiteral("cannot reach %1: %2").arg(url.toString(), reply->errorString()));
    if (status != 200)
        return fail(QStringLiteral("the cloud refused: %1").arg(sync::describeErrorBody(answer)));
    const Result<sync::Enrollment> enrollment = sync::parseEnrollment(answer);
    if (!enrollment)
        return fail(enrollment.error().message);
    sync::SyncConfig config;
    config.url = url.toString(QUrl::RemovePath | QUrl::StripTrailingSlash);
    config.terminalId = enrollment->terminalId;
    config.secret = enrollment->secret;
    config.store = enrollment->store;
    config.certificate = reply->sslConfiguration().peerCertificate();
    config.enrolledAt = data.clock.nowUtc();
    if (config.certificate.isNull())
        return fail(QStringLiteral("the cloud showed no certificate"));
    if (Status saved = config.save(keyDir); !saved)
        return fail(saved.error().message);
    keepCouponKeys(invocation.dataDir, enrollment->couponKeysPem);
    print(QStringLiteral("enrolled as %1 of store “%2” with %3 (certificate %4)")
              .arg(config.terminalId, config.store, config.url,
                   QString::fromLatin1(
                       config.certificate.digest(QCryptographicHash::Sha256).toHex().left(16))));
    return Done;
}

int syncStatus(const Invocation &invocation)
{
    const std::optional<sync::SyncConfig> config = enrolment(invocation);
    if (!config)
        return Failed;
    Outbox outbox;
    if (Status opened = outbox.open(invocation.dataDir); !opened)
        return fail(opened.error().message);
    const Result<qint64> pending = outbox.pendingCount();
    if (!pending)
        return fail(pending.error().message);
    print(QStringLiteral("enrolled as terminal %1 of store “%2” with %3 since %4")
              .arg(config->terminalId, config->store, config->url,
                   config->enrolledAt.toString(Qt::ISODate)));
    const Result<QList<OutboxEvent>> oldest = outbox.nextBatch(1);
    print(QStringLiteral("events waiting: %1%2")
              .arg(*pending)
              .arg(oldest && !oldest->isEmpty()
                       ? QStringLiteral(" (the oldest from %1)").arg(oldest->first().createdAt)
                       : QString()));
    return Done;
}

int syncNow(const Invocation &invocation)
{
    const std::optional<sync::SyncConfig> config = enrolment(invocation);
    if (!config)
        return Failed;
    SystemClock clock;
    sync::SyncClient client(invocation.dataDir, *config, clock);
    if (Status opened = client.open(); !opened)
        return fail(opened.error().message);
    const sync::SyncSummary summary = client.runOnce();
    print(QStringLiteral("sent %1, waiting %2, changes pulled %3")
              .arg(summary.sent)
              .arg(summary.remaining)
              .arg(summary.changes));
    if (!summary.error.isEmpty())
        return fail(summary.error);
    return summary.remaining == 0 ? Done : Failed;
}

int syncSetUrl(const Invocation &invocation)
{
    std::optional<sync::SyncConfig> config = enrolment(invocation);
    if (!config)
        return Failed;
    const QUrl url(invocation.arguments[0]);
    if (url.scheme() != u"https" || url.host().isEmpty())
        return usage(QStringLiteral("URL must be https://HOST:PORT"));
    config->url = url.toString(QUrl::RemovePath | QUrl::StripTrailingSlash);
    if (Status saved = config->save(invocation.resolvedKeyDir()); !saved)
        return fail(saved.error().message);
    print(QStringLiteral("the cloud is at %1 (the enrolled certificate still applies)")
              .arg(config->url));
    return Done;
}

} // namespace

QList<Command> syncCommands()
{
    return {
        {{QStringLiteral("enroll")},
         QStringLiteral("[--force] URL CODE"),
         QStringLiteral("enrol this till with the chain's cloud using a one-time pairing code"),
         QStringLiteral("Exchanges the pairing code (smartpos-cloud admin pair) for this till's "
                        "terminal id and secret, kept in the key folder's sync.json (0600), and "
                        "pins the certificate the cloud shows now: from then on the till talks "
                        "to that certificate only. The chain's coupon keys go to "
                        "codes/coupon-keys.pem unless the till has its own."),
         {{QStringLiteral("force"), {}, QStringLiteral("enrol again, replacing the enrolment")}},
         {QStringLiteral("URL"), QStringLiteral("CODE")},
         enroll},
        {{QStringLiteral("sync"), QStringLiteral("status")},
         {},
         QStringLiteral("the cloud this till syncs with and the events waiting"),
         QStringLiteral("Prints the enrolment (terminal, store, cloud) and how many events wait "
                        "in the outbox, the oldest first. Reads only."),
         {},
         {},
         syncStatus},
        {{QStringLiteral("sync"), QStringLiteral("now")},
         {},
         QStringLiteral("push every waiting event and pull the chain's changes once"),
         QStringLiteral("Pushes the outbox until nothing is left, then pulls the chain's changes "
                        "into the till's files. Exit 0 only when nothing is left to send and "
                        "nothing failed. Safe while the till runs: the cloud keeps each event "
                        "once."),
         {},
         {},
         syncNow},
        {{QStringLiteral("sync"), QStringLiteral("set-url")},
         QStringLiteral("URL"),
         QStringLiteral("the cloud moved: its new address (the same certificate)"),
         QStringLiteral("Changes where the enrolled cloud is reached; its certificate must stay "
                        "the one this till enrolled with."),
         {},
         {QStringLiteral("URL")},
         syncSetUrl},
    };
}

} // namespace smartpos::admin
