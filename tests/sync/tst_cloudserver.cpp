// smartpos-cloud as a till meets it: the real server process on a free loopback port, spoken to
// over HTTPS with hand-made requests, so every refusal can be provoked. Each refused request is
// checked to have changed nothing (the cloud's own stats).
#include "cloudprocess.h"
#include "ledger/ledger.h"
#include "ledger/outbox.h"
#include "pgcluster.h"
#include "sync/protocol.h"
#include "testsupport.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

using namespace smartpos;
using namespace smartpos::sync;
using namespace smartpos::testing;
using namespace Qt::StringLiterals;

namespace {

const QDateTime saleTime(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);

// A till's ledger and outbox in a folder of their own.
struct Till {
    QTemporaryDir root;
    QString data = root.filePath(u"data"_s);
    QString keys = root.filePath(u"keys"_s);
    Ledger ledger;
    Outbox outbox;
    Enrollment enrollment;

    bool open()
    {
        QDir().mkpath(data);
        return ledger.open(data, keys).ok() && outbox.open(data).ok();
    }
    // A sale that wrote off `coupon` and/or moved a member's points.
    void sellWith(std::optional<quint64> coupon, const QString &member = {}, qint64 earned = 0,
                  qint64 redeemed = 0)
    {
        Sale sale = colaSale(int(ledger.head().seq) + 1, saleTime);
        if (coupon)
            sale.coupons.append({*coupon, 7, 1});
        if (!member.isEmpty())
            sale.member = SaleMember{member, u"gold"_s, u"138****8000"_s, -1, earned, redeemed, 0};
        const Result<qint64> committed = ledger.commitSale(sale);
        QVERIFY2(committed.ok(), qPrintable(committed.error().message));
    }
    void sell(int count)
    {
        for (int i = 0; i < count; ++i)
            QVERIFY(ledger.commitSale(colaSale(int(ledger.head().seq) + 1, saleTime)).ok());
    }
    QByteArray pushBody()
    {
        const Result<QList<OutboxEvent>> events = outbox.nextBatch(pushBatchSize);
        const Result<Outbox::Head> head = outbox.head();
        return encodePush(*events, {head->seq, head->mac});
    }
};

struct Answer {
    int status = 0;
    QByteArray body;
    QString errorCode() const
    {
        return QJsonDocument::fromJson(body).object().value(u"error"_s).toString();
    }
};

} // namespace

class TestCloudServer : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void enrolOnceWithAPairingCode();
    void pushIsAppliedOnce();
    void refusedRequestsChangeNothing();
    void replayIsRefused();
    void anotherTerminalsEventsAreRefused();
    void rewrittenLedgerIsFlaggedUntilCleared();
    void garbageRequestsAreRefused();
    void twoProcessesApplyEachEventOnce();
    void aCouponWrittenOffOnTwoTillsIsListed();
    void pointsSpentBeyondTheBalanceAreFlagged();
    void couponsAreReservedOnce();

private:
    Answer send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                const RequestSignature *signature);
    Answer signedPost(const Till &till, const QString &path, const QByteArray &body,
                      const QDateTime &at = QDateTime::currentDateTimeUtc());
    void enrol(Till &till, const QString &store);
    qint64 appliedTotal();

    QTemporaryDir m_root;
    PgCluster m_postgres;
    QString m_db;
    std::unique_ptr<CloudProcess> m_cloud;
    QNetworkAccessManager m_network;
};

void TestCloudServer::initTestCase()
{
    // SMARTPOS_SYNC_BACKEND=postgresql: the same tests on a throw-away PostgreSQL cluster.
    QString why;
    m_db = m_root.filePath(u"cloud/cloud.db"_s);
    if (qEnvironmentVariable("SMARTPOS_SYNC_BACKEND") == u"postgresql") {
        if (PgCluster::binDir().isEmpty())
            QSKIP("PostgreSQL is not installed");
        QVERIFY2(m_postgres.start(&why), qPrintable(why));
        m_db = m_postgres.url();
    }
    m_cloud = std::make_unique<CloudProcess>(m_root.filePath(u"cloud"_s), m_db);
    QVERIFY2(m_cloud->start(&why), qPrintable(why));
    QCOMPARE(m_cloud->url().scheme(), u"https"_s);
    QVERIFY(m_cloud->url().port() > 0);
}

void TestCloudServer::cleanupTestCase()
{
    m_cloud.reset();
}

Answer TestCloudServer::send(const QByteArray &method, const QString &pathAndQuery,
                             const QByteArray &body, const RequestSignature *signature)
{
    QUrl url = m_cloud->url();
    const qsizetype question = pathAndQuery.indexOf(u'?');
    url.setPath(pathAndQuery.left(question));
    if (question >= 0)
        url.setQuery(pathAndQuery.mid(question + 1));
    QNetworkRequest request(url);
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates({m_cloud->certificate()}); // the test trusts exactly this cloud
    request.setSslConfiguration(ssl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    request.setTransferTimeout(20000);
    if (signature) {
        request.setRawHeader(terminalHeader.toByteArray(), signature->terminal);
        request.setRawHeader(timestampHeader.toByteArray(), signature->timestamp);
        request.setRawHeader(nonceHeader.toByteArray(), signature->nonce);
        request.setRawHeader(signatureHeader.toByteArray(), signature->signature);
    }
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    if (reply->error() != QNetworkReply::NoError
        && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isNull())
        qWarning() << "network:" << reply->errorString();
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
}

Answer TestCloudServer::signedPost(const Till &till, const QString &path, const QByteArray &body,
                                   const QDateTime &at)
{
    const RequestSignature signature = signRequest(
        till.enrollment.secret, till.enrollment.terminalId, "POST", path.toUtf8(), body, at);
    return send("POST", path, body, &signature);
}

void TestCloudServer::enrol(Till &till, const QString &store)
{
    QVERIFY(till.open());
    const QString code = m_cloud->pairingCode(store);
    QVERIFY(!code.isEmpty());
    const Answer answer =
        send("POST", enrollPath, encodeEnrollRequest({code, till.ledger.terminalId()}), nullptr);
    QCOMPARE(answer.status, 200);
    const Result<Enrollment> enrollment = parseEnrollment(answer.body);
    QVERIFY(enrollment.ok());
    QCOMPARE(enrollment->store, store);
    till.enrollment = *enrollment;
}

qint64 TestCloudServer::appliedTotal()
{
    const CloudRun stats = m_cloud->admin({u"stats"_s, u"--json"_s});
    [&] { QCOMPARE(stats.exitCode, 0); }();
    qint64 total = 0;
    for (const QJsonValue &row :
         QJsonDocument::fromJson(stats.lastLine().toUtf8()).object().value(u"applied"_s).toArray())
        total += row.toObject().value(u"applied"_s).toInteger();
    return total;
}

void TestCloudServer::enrolOnceWithAPairingCode()
{
    Till till;
    QVERIFY(till.open());
    const QString code = m_cloud->pairingCode(u"Store 1"_s);
    QVERIFY2(code.size() >= 10, qPrintable(code));
    const QByteArray request = encodeEnrollRequest({code, till.ledger.terminalId()});
    const Answer first = send("POST", enrollPath, request, nullptr);
    QCOMPARE(first.status, 200);
    QVERIFY(parseEnrollment(first.body).ok());

    // The same code again, for this till or another, is refused.
    const Answer again = send("POST", enrollPath, request, nullptr);
    QCOMPARE(again.status, 409);
    Till other;
    QVERIFY(other.open());
    const Answer reused =
        send("POST", enrollPath, encodeEnrollRequest({code, other.ledger.terminalId()}), nullptr);
    QCOMPARE(reused.status, 409);
    QCOMPARE(reused.errorCode(), u"code_used"_s);
    const Answer unknown =
        send("POST", enrollPath, encodeEnrollRequest({u"AAAAA-AAAAA"_s, other.ledger.terminalId()}),
             nullptr);
    QCOMPARE(unknown.status, 404);
}

void TestCloudServer::pushIsAppliedOnce()
{
    Till till;
    enrol(till, u"Store 1"_s);
    till.sell(5);
    const qint64 before = appliedTotal();
    const QByteArray body = till.pushBody();
    const Answer first = signedPost(till, pushPath, body);
    QCOMPARE(first.status, 200);
    const Result<QList<EventResult>> results = parsePushResults(first.body);
    QVERIFY(results.ok());
    QCOMPARE(results->size(), 5);
    for (const EventResult &result : *results)
        QCOMPARE(result.outcome, EventOutcome::Applied);
    QCOMPARE(appliedTotal(), before + 5);

    // The answer was lost: the till sends the same events again (a new signature).
    const Answer second = signedPost(till, pushPath, body);
    QCOMPARE(second.status, 200);
    const Result<QList<EventResult>> again = parsePushResults(second.body);
    QVERIFY(again.ok());
    for (const EventResult &result : *again)
        QCOMPARE(result.outcome, EventOutcome::Duplicate);
    QCOMPARE(appliedTotal(), before + 5);
}

void TestCloudServer::refusedRequestsChangeNothing()
{
    Till till;
    enrol(till, u"Store 1"_s);
    till.sell(3);
    const QByteArray body = till.pushBody();
    const qint64 before = appliedTotal();
    const QDateTime now = QDateTime::currentDateTimeUtc();

    RequestSignature badSignature =
        signRequest(QByteArray(secretBytes, 'x'), till.enrollment.terminalId, "POST",
                    pushPath.toString().toUtf8(), body, now);
    const Answer bad = send("POST", pushPath, body, &badSignature);
    QCOMPARE(bad.status, 401);
    QCOMPARE(bad.errorCode(), u"bad_signature"_s);

    // Signed for one body, sent with another (a sale's total changed on the way).
    const RequestSignature forBody = signRequest(till.enrollment.secret, till.enrollment.terminalId,
                                                 "POST", pushPath.toString().toUtf8(), body, now);
    QByteArray tampered = body;
    tampered.replace("\"total\":", "\"total\":1");
    QVERIFY(tampered != body);
    QCOMPARE(send("POST", pushPath, tampered, &forBody).status, 401);

    for (const qint64 skew : {-301, 301, -3600}) {
        const Answer stale = signedPost(till, pushPath, body, now.addSecs(skew));
        QCOMPARE(stale.status, 401);
        QCOMPARE(stale.errorCode(), u"stale_request"_s);
    }

    RequestSignature unknown = signRequest(till.enrollment.secret, u"T-999"_s, "POST",
                                           pushPath.toString().toUtf8(), body, now);
    QCOMPARE(send("POST", pushPath, body, &unknown).errorCode(), u"unknown_terminal"_s);
    QCOMPARE(send("POST", pushPath, body, nullptr).status, 401);

    QCOMPARE(appliedTotal(), before);
    // Within the window, the same events go through.
    QCOMPARE(signedPost(till, pushPath, body, now.addSecs(-200)).status, 200);
    QCOMPARE(appliedTotal(), before + 3);
}

void TestCloudServer::replayIsRefused()
{
    Till till;
    enrol(till, u"Store 2"_s);
    till.sell(1);
    const QByteArray body = till.pushBody();
    const RequestSignature captured =
        signRequest(till.enrollment.secret, till.enrollment.terminalId, "POST",
                    pushPath.toString().toUtf8(), body, QDateTime::currentDateTimeUtc());
    QCOMPARE(send("POST", pushPath, body, &captured).status, 200);
    const qint64 applied = appliedTotal();
    const Answer replay = send("POST", pushPath, body, &captured);
    QCOMPARE(replay.status, 401);
    QCOMPARE(replay.errorCode(), u"replayed_nonce"_s);
    QCOMPARE(appliedTotal(), applied);
}

void TestCloudServer::anotherTerminalsEventsAreRefused()
{
    Till a, b;
    enrol(a, u"Store 1"_s);
    enrol(b, u"Store 1"_s);
    b.sell(2);
    const qint64 before = appliedTotal();
    // Till A signs, correctly, a push of till B's events.
    const Answer answer = signedPost(a, pushPath, b.pushBody());
    QCOMPARE(answer.status, 403);
    QCOMPARE(answer.errorCode(), u"wrong_terminal"_s);
    QCOMPARE(appliedTotal(), before);
    // …and B's own push of them goes through.
    QCOMPARE(signedPost(b, pushPath, b.pushBody()).status, 200);
    QCOMPARE(appliedTotal(), before + 2);
}

void TestCloudServer::rewrittenLedgerIsFlaggedUntilCleared()
{
    Till till;
    enrol(till, u"Store 3"_s);
    till.sell(2);
    // A copy of the ledger as it is now; the till goes on and pushes seq 3.
    QTemporaryDir copyRoot;
    const QString copyData = copyRoot.filePath(u"data"_s), copyKeys = copyRoot.filePath(u"keys"_s);
    QVERIFY(QDir().mkpath(copyData));
    QVERIFY(QDir().mkpath(copyKeys));
    till.ledger.close();
    for (const QString &name : QDir(till.data).entryList(QDir::Files))
        QVERIFY(QFile::copy(till.data + u'/' + name, copyData + u'/' + name));
    for (const QString &name : QDir(till.keys).entryList(QDir::Files))
        QVERIFY(QFile::copy(till.keys + u'/' + name, copyKeys + u'/' + name));
    QVERIFY(till.ledger.open(till.data, till.keys).ok());
    till.sell(1);
    QCOMPARE(signedPost(till, pushPath, till.pushBody()).status, 200);

    // The copy writes a different seq 3 under the same key: a rewritten history.
    Ledger rewritten;
    QVERIFY(rewritten.open(copyData, copyKeys).ok());
    QVERIFY(rewritten.commitSale(colaSale(99, saleTime)).ok());
    Outbox rewrittenOutbox;
    QVERIFY(rewrittenOutbox.open(copyData).ok());
    const Result<Outbox::Head> head = rewrittenOutbox.head();
    const QByteArray body = encodePush(*rewrittenOutbox.nextBatch(10), {head->seq, head->mac});
    const qint64 before = appliedTotal();
    const Answer answer = signedPost(till, pushPath, body);
    QCOMPARE(answer.status, 200);
    const Result<QList<EventResult>> results = parsePushResults(answer.body);
    QVERIFY(results.ok());
    QVERIFY(!results->isEmpty());
    QCOMPARE(results->last().outcome, EventOutcome::Rejected);
    QCOMPARE(appliedTotal(), before);

    const CloudRun stats = m_cloud->admin({u"stats"_s, u"--json"_s});
    const QJsonArray flagged =
        QJsonDocument::fromJson(stats.lastLine().toUtf8()).object().value(u"flagged"_s).toArray();
    QCOMPARE(flagged.size(), 1);
    QCOMPARE(flagged[0].toObject().value(u"terminal"_s).toString(), till.enrollment.terminalId);

    // Refused, even with its true history, until an operator clears the flag.
    till.sell(1);
    const Answer refused = signedPost(till, pushPath, till.pushBody());
    QCOMPARE(refused.status, 423);
    QCOMPARE(refused.errorCode(), u"terminal_flagged"_s);
    const CloudRun cleared =
        m_cloud->admin({u"clear-flag"_s, u"--terminal"_s, till.enrollment.terminalId});
    QCOMPARE(cleared.exitCode, 0);
    const Answer resumed = signedPost(till, pushPath, till.pushBody());
    QCOMPARE(resumed.status, 200);
    QCOMPARE(parsePushResults(resumed.body)->last().outcome, EventOutcome::Applied);
}

void TestCloudServer::garbageRequestsAreRefused()
{
    Till till;
    enrol(till, u"Store 1"_s);
    const qint64 before = appliedTotal();
    for (const QByteArray &body :
         {"not json"_ba, R"({"events":"x"})"_ba, R"({"events":[{"seq":1}],"head":{}})"_ba,
          QByteArray(1000, '[')}) {
        const Answer answer = signedPost(till, pushPath, body);
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.errorCode(), u"bad_request"_s);
    }
    QCOMPARE(send("POST", enrollPath, "<html>", nullptr).status, 400);
    QCOMPARE(send("GET", u"/v1/nothing"_s, {}, nullptr).status, 404);
    QCOMPARE(appliedTotal(), before);
}

void TestCloudServer::twoProcessesApplyEachEventOnce()
{
    // A second smartpos-cloud on the same database (the chain's second machine).
    CloudProcess second(m_cloud->config(), m_db);
    QString why;
    QVERIFY2(second.start(&why), qPrintable(why));
    Till till;
    enrol(till, u"Store 4"_s);
    till.sell(40);
    const qint64 before = appliedTotal();
    const QByteArray body = till.pushBody();
    // The same events to both processes at once (the till retried on another route).
    QList<QNetworkReply *> replies;
    for (const QUrl &base : {m_cloud->url(), second.url()}) {
        QUrl url = base;
        url.setPath(pushPath.toString());
        QNetworkRequest request(url);
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates({m_cloud->certificate()});
        request.setSslConfiguration(ssl);
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        const RequestSignature signature =
            signRequest(till.enrollment.secret, till.enrollment.terminalId, "POST",
                        pushPath.toString().toUtf8(), body, QDateTime::currentDateTimeUtc());
        request.setRawHeader(terminalHeader.toByteArray(), signature.terminal);
        request.setRawHeader(timestampHeader.toByteArray(), signature.timestamp);
        request.setRawHeader(nonceHeader.toByteArray(), signature.nonce);
        request.setRawHeader(signatureHeader.toByteArray(), signature.signature);
        replies.append(m_network.post(request, body));
    }
    int applied = 0, duplicates = 0;
    for (QNetworkReply *reply : replies) {
        if (!reply->isFinished()) {
            QEventLoop loop;
            connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
        }
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const Result<QList<EventResult>> results = parsePushResults(reply->readAll());
        QVERIFY(results.ok());
        for (const EventResult &result : *results) {
            applied += result.outcome == EventOutcome::Applied;
            duplicates += result.outcome == EventOutcome::Duplicate;
        }
        reply->deleteLater();
    }
    QCOMPARE(applied, 40);
    QCOMPARE(duplicates, 40);
    QCOMPARE(appliedTotal(), before + 40);
}

void TestCloudServer::aCouponWrittenOffOnTwoTillsIsListed()
{
    Till first, second;
    enrol(first, u"Store 5"_s);
    enrol(second, u"Store 6"_s);
    // Both offline, the same coupon (a screenshot shown twice) in a sale on each.
    first.sellWith(990001);
    second.sellWith(990001);
    const Answer one = signedPost(first, pushPath, first.pushBody());
    QCOMPARE(parsePushResults(one.body)->first().outcome, EventOutcome::Applied);
    const Answer two = signedPost(second, pushPath, second.pushBody());
    const Result<QList<EventResult>> results = parsePushResults(two.body);
    QCOMPARE(results->first().outcome, EventOutcome::Conflict); // it stands, and is listed
    QVERIFY(second.outbox.markSent({1}, QDateTime::currentDateTimeUtc()).ok());

    const CloudRun listed = m_cloud->admin({u"conflicts"_s, u"--json"_s});
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray conflicts = QJsonDocument::fromJson(listed.lastLine().toUtf8()).array();
    QJsonObject reuse;
    for (const QJsonValue &conflict : conflicts)
        if (conflict[u"key"_s].toString() == u"990001"_s)
            reuse = conflict.toObject();
    QCOMPARE(reuse.value(u"kind"_s).toString(), u"coupon_reused"_s);
    QVERIFY(reuse.value(u"first_receipt"_s)
                .toString()
                .startsWith(first.enrollment.terminalId + u" #1 "_s));
    QVERIFY(reuse.value(u"second_receipt"_s)
                .toString()
                .startsWith(second.enrollment.terminalId + u" #1 "_s));
    const CloudRun text = m_cloud->admin({u"conflicts"_s});
    QVERIFY(text.out.contains(u"coupon_reused 990001"_s));
}

void TestCloudServer::pointsSpentBeyondTheBalanceAreFlagged()
{
    Till till;
    enrol(till, u"Store 7"_s);
    // The chain knows the member's balance; offline, the till lets them spend 500 more.
    QCOMPARE(m_cloud
                 ->admin({u"import-members"_s,
                          QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-members.csv")})
                 .exitCode,
             0);
    const CloudRun before = m_cloud->admin({u"balance"_s, u"--member"_s, u"M0012"_s});
    const qint64 opening = before.lastLine().toLongLong();
    till.sellWith(std::nullopt, u"M0012"_s, 3, 0);
    till.sellWith(std::nullopt, u"M0012"_s, 0, opening + 500);
    const Answer answer = signedPost(till, pushPath, till.pushBody());
    const Result<QList<EventResult>> results = parsePushResults(answer.body);
    QVERIFY(results.ok());
    QCOMPARE(results->first().outcome, EventOutcome::Applied);
    QCOMPARE(results->last().outcome, EventOutcome::Conflict);
    const CloudRun after = m_cloud->admin({u"balance"_s, u"--member"_s, u"M0012"_s});
    QCOMPARE(after.lastLine().toLongLong(), opening + 3 - (opening + 500));
    const QJsonObject stats =
        QJsonDocument::fromJson(m_cloud->admin({u"stats"_s, u"--json"_s}).lastLine().toUtf8())
            .object();
    QVERIFY(stats.value(u"negative_members"_s).toArray().contains(u"M0012"_s));
    QVERIFY(stats.value(u"balance_mismatches"_s).toArray().isEmpty());
}

void TestCloudServer::couponsAreReservedOnce()
{
    Till first, second;
    enrol(first, u"Store 8"_s);
    enrol(second, u"Store 8"_s);
    const auto reserve = [this](const Till &till, quint64 coupon) {
        const Answer answer =
            signedPost(till, reservePath, encodeReserveRequest(coupon, u"sale in progress"_s));
        const Result<ReservationAnswer> parsed = parseReservation(answer.body);
        return parsed ? parsed->reservation : Reservation(-1);
    };
    QCOMPARE(reserve(first, 880001), Reservation::Reserved);
    QCOMPARE(reserve(first, 880001), Reservation::Reserved); // the same till asking again
    QCOMPARE(reserve(second, 880001), Reservation::AlreadyUsed);

    // Written off in a sale the cloud has: used for everyone.
    second.sellWith(880002);
    QCOMPARE(signedPost(second, pushPath, second.pushBody()).status, 200);
    QCOMPARE(reserve(first, 880002), Reservation::AlreadyUsed);

    // Revoked by the chain: refused, and every till hears of it at its next pull.
    QCOMPARE(m_cloud->admin({u"revoke"_s, u"--coupon"_s, u"880003"_s, u"--reason"_s, u"leaked"_s})
                 .exitCode,
             0);
    QCOMPARE(reserve(first, 880003), Reservation::Revoked);
    const QString changes = u"%1?since=0&limit=5000"_s.arg(changesPath);
    const RequestSignature signature =
        signRequest(first.enrollment.secret, first.enrollment.terminalId, "GET", changes.toUtf8(),
                    {}, QDateTime::currentDateTimeUtc());
    const Result<ChangesPage> page = parseChangesPage(send("GET", changes, {}, &signature).body);
    QVERIFY(page.ok());
    QVERIFY(std::any_of(page->changes.cbegin(), page->changes.cend(), [](const Change &change) {
        return change.kind == u"revocation" && change.key == u"880003"
               && change.body.value(u"reason"_s).toString() == u"leaked"_s;
    }));
}

QTEST_GUILESS_MAIN(TestCloudServer)
#include "tst_cloudserver.moc"
