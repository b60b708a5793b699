// The till's sync client (sync/syncclient.h) against a server that answers garbage: HTML, cut
// JSON, wrong types, 500s, answers about other events, a closed connection, nothing at all.
// Whatever comes back, no event is marked sent that the cloud did not name, the catalog and its
// cursor stay as they were, and the ledger still verifies. And its backoff.
#include "ledger/catalogstore.h"
#include "ledger/ledger.h"
#include "ledger/outbox.h"
#include "sync/catalogchanges.h"
#include "sync/server/selfsigned.h"
#include "sync/syncclient.h"
#include "testsupport.h"

#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace smartpos;
using namespace smartpos::sync;
using namespace Qt::StringLiterals;

namespace {

const QDateTime saleTime(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);

QByteArray http(int status, const QByteArray &body, const QByteArray &type = "application/json")
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + type
           + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// An HTTPS server on a free loopback port that answers every request with the next scripted
// bytes: empty bytes close the connection, "hang" answers nothing.
class ScriptedServer : public QTcpServer {
public:
    ScriptedServer(const cloud::CertificatePair &pair, QList<QByteArray> script)
        : m_certificate(pair.certificatePem)
        , m_key(pair.privateKeyPem, QSsl::Ec)
        , m_script(std::move(script))
    {
        listen(QHostAddress::LocalHost, 0);
    }
    int requests = 0;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        socket->setSocketDescriptor(descriptor);
        socket->setLocalCertificate(m_certificate);
        socket->setPrivateKey(m_key);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QSslSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            qsizetype length = 0;
            for (const QByteArray &header : buffer->left(end).split('\n'))
                if (header.toLower().startsWith("content-length:"))
                    length = header.mid(15).trimmed().toLongLong();
            if (buffer->size() < end + 4 + length)
                return;
            buffer->remove(0, end + 4 + length);
            const QByteArray answer = m_script.value(requests++, m_script.last());
            if (answer == "hang")
                return;
            if (answer.isEmpty())
                socket->abort();
            else
                socket->write(answer);
        });
        socket->startServerEncryption();
    }

private:
    QSslCertificate m_certificate;
    QSslKey m_key;
    QList<QByteArray> m_script;
};

} // namespace

class TestSyncClient : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void aWellFormedAnswerMarksWhatItNames();
    void garbageMarksNothing_data();
    void garbageMarksNothing();
    void garbagePullsChangeNothing_data();
    void garbagePullsChangeNothing();
    void anotherCertificateIsRefused();
    void backoffDoublesWithJitter();

private:
    SyncSummary runAgainst(ScriptedServer &server, const QSslCertificate &pinned);

    cloud::CertificatePair m_pair;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Ledger> m_ledger;
    std::unique_ptr<CatalogStore> m_catalog;
    std::unique_ptr<Outbox> m_outbox;
};

void TestSyncClient::initTestCase()
{
    const Result<cloud::CertificatePair> pair =
        cloud::makeSelfSignedCertificate({u"127.0.0.1"_s}, 1);
    QVERIFY(pair.ok());
    m_pair = *pair;
}

void TestSyncClient::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_ledger = std::make_unique<Ledger>();
    QVERIFY_OK(m_ledger->open(m_dir->path(), m_dir->filePath(u"keys"_s)));
    for (int i = 1; i <= 3; ++i)
        QVERIFY_OK(m_ledger->commitSale(colaSale(i, saleTime)));
    m_catalog = std::make_unique<CatalogStore>();
    QVERIFY_OK(m_catalog->open(m_dir->path()));
    m_outbox = std::make_unique<Outbox>();
    QVERIFY_OK(m_outbox->open(m_dir->path()));
}

void TestSyncClient::cleanup()
{
    m_outbox.reset();
    m_catalog.reset();
    m_ledger.reset();
    m_dir.reset();
}

SyncSummary TestSyncClient::runAgainst(ScriptedServer &server, const QSslCertificate &pinned)
{
    SyncConfig config;
    config.url = u"https://127.0.0.1:%1"_s.arg(server.serverPort());
    config.terminalId = u"T-1"_s;
    config.secret = QByteArray(secretBytes, 's');
    config.certificate = pinned;
    SystemClock clock;
    SyncClient client(m_dir->path(), config, clock);
    client.setRequestTimeout(700); // the hanging server
    if (Status opened = client.open(); !opened)
        return {0, 0, 0, opened.error().message};
    return client.runOnce();
}

void TestSyncClient::aWellFormedAnswerMarksWhatItNames()
{
    const QList<OutboxEvent> events = *m_outbox->nextBatch(10);
    QList<EventResult> results = {{events[0].eventId, EventOutcome::Applied, {}},
                                  {events[1].eventId, EventOutcome::Duplicate, {}},
                                  {events[2].eventId, EventOutcome::Rejected, u"chain broken"_s}};
    ScriptedServer server(m_pair, {http(200, encodePushResults(results))});
    const SyncSummary summary = runAgainst(server, QSslCertificate(m_pair.certificatePem));
    QCOMPARE(summary.sent, 2);
    QCOMPARE(summary.remaining, 1);
    QVERIFY(summary.error.contains(u"chain broken"_s));
    QCOMPARE(m_outbox->nextBatch(10)->first().seq, 3);
}

void TestSyncClient::garbageMarksNothing_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::newRow("html") << http(200, "<html><body>Welcome to the hotel Wi-Fi</body></html>",
                                  "text/html");
    QTest::newRow("truncated json") << http(200, R"({"results":[{"event_id":"a","outc)");
    QTest::newRow("wrong types") << http(200, R"({"results":[{"event_id":7,"outcome":true}]})");
    QTest::newRow("not ours") << http(200, R"({"results":[{"detail":"","event_id":"someone )"
                                           R"(else","outcome":"applied"}]})");
    QTest::newRow("500") << http(500, R"({"error":"storage","message":"disk full"})");
    QTest::newRow("502 html") << http(502, "<html>Bad Gateway</html>", "text/html");
    QTest::newRow("closed") << QByteArray();
    QTest::newRow("hang") << QByteArray("hang");
    QTest::newRow("empty 200") << http(200, {});
}

void TestSyncClient::garbageMarksNothing()
{
    QFETCH(QByteArray, answer);
    ScriptedServer server(m_pair, {answer});
    const SyncSummary summary = runAgainst(server, QSslCertificate(m_pair.certificatePem));
    QVERIFY(!summary.error.isEmpty());
    QCOMPARE(summary.sent, 0);
    QCOMPARE(*m_outbox->pendingCount(), 3);
    QVERIFY(server.requests >= 1);
    const VerifyResult verified = m_ledger->verify();
    QVERIFY2(verified.ok, qPrintable(verified.reason));
}

void TestSyncClient::garbagePullsChangeNothing_data()
{
    QTest::addColumn<QByteArray>("answer");
    ChangesPage badProduct;
    badProduct.changes = {productChange(unitProduct(9, 100), {u"6928804995534"_s})};
    badProduct.changes[0].seq = 1;
    badProduct.changes[0].body[u"price"_s] = -5;
    badProduct.next = 1;
    QTest::newRow("invalid change") << http(200, encodeChangesPage(badProduct));
    QTest::newRow("cursor behind its changes")
        << http(200, R"({"changes":[{"body":{"price":1},"key":"P1","kind":"price","seq":9}],)"
                     R"("more":false,"next":3})");
    QTest::newRow("html") << http(200, "<html></html>", "text/html");
    QTest::newRow("410") << http(410, R"({"error":"gone","message":"resync"})");
    QTest::newRow("hang") << QByteArray("hang");
}

void TestSyncClient::garbagePullsChangeNothing()
{
    QFETCH(QByteArray, answer);
    QVERIFY_OK(m_outbox->markSent({1, 2, 3}, saleTime)); // nothing to push: straight to the pull
    ScriptedServer server(m_pair, {answer});
    const SyncSummary summary = runAgainst(server, QSslCertificate(m_pair.certificatePem));
    QVERIFY(!summary.error.isEmpty());
    QCOMPARE(summary.changes, 0);
    QCOMPARE(*m_catalog->syncCursor(), 0);
    QCOMPARE(m_catalog->count(), 0);
}

void TestSyncClient::anotherCertificateIsRefused()
{
    const Result<cloud::CertificatePair> other =
        cloud::makeSelfSignedCertificate({u"127.0.0.1"_s}, 1);
    const QList<OutboxEvent> events = *m_outbox->nextBatch(10);
    QList<EventResult> applied;
    for (const OutboxEvent &event : events)
        applied.append({event.eventId, EventOutcome::Applied, {}});
    // A server that would take everything, behind a certificate the till did not enrol with.
    ScriptedServer impostor(*other, {http(200, encodePushResults(applied))});
    const SyncSummary summary = runAgainst(impostor, QSslCertificate(m_pair.certificatePem));
    QVERIFY(summary.error.contains(u"not the cloud this till enrolled with"_s));
    QCOMPARE(impostor.requests, 0); // not a byte of a request went out
    QCOMPARE(*m_outbox->pendingCount(), 3);
}

void TestSyncClient::backoffDoublesWithJitter()
{
    QRandomGenerator random(3);
    QSet<int> seen;
    for (int failures = 1; failures <= 14; ++failures) {
        const qint64 ceiling = qMin<qint64>(300'000, 1000LL << (failures - 1));
        for (int i = 0; i < 50; ++i) {
            const int wait = SyncClient::backoffMs(failures, random);
            QVERIFY2(wait >= ceiling / 2 && wait <= ceiling, qPrintable(QString::number(wait)));
            seen.insert(wait);
        }
    }
    QVERIFY(seen.size() > 300); // jittered, not a fixed ladder
    QCOMPARE(SyncClient::backoffMs(1000, random) <= 300'000, true);
}

QTEST_GUILESS_MAIN(TestSyncClient)
#include "tst_syncclient.moc"
