// The outbox (app/ledger/outbox.h): one event per journal entry, in journal order, in its
// envelope; marked sent or attempted; read from another thread while the till commits.
#include "ledger/ledger.h"
#include "ledger/outbox.h"
#include "ledger/salerecord.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

#include <atomic>
#include <memory>
#include <thread>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {
const QDateTime baseTime(QDate(2024, 3, 1), QTime(9, 0), Qt::UTC);

struct Fixture {
    QTemporaryDir root;
    QString data = root.filePath(u"data"_s);
    QString keys = root.filePath(u"keys"_s);
    std::unique_ptr<Ledger> ledger = std::make_unique<Ledger>();

    Fixture() { QDir().mkpath(data); }
    bool open() { return ledger->open(data, keys).ok(); }
    bool commit(int count)
    {
        for (int i = 0; i < count; ++i)
            if (!ledger->commitSale(colaSale(int(ledger->head().seq) + 1, baseTime)).ok())
                return false;
        return true;
    }
    QVariant value(const QString &sql)
    {
        QString error;
        return ledger->database().scalar(sql, &error).value_or(QVariant());
    }
};

QList<qint64> seqsOf(const QList<OutboxEvent> &events)
{
    QList<qint64> seqs;
    for (const OutboxEvent &e : events)
        seqs << e.seq;
    return seqs;
}

// RFC 4122 name-based UUID, version 5 (SHA-1), computed here without QUuid::createUuidV5.
QString uuidV5(const QString &ns, const QByteArray &name)
{
    QByteArray hash =
        QCryptographicHash::hash(QUuid::fromString(ns).toRfc4122() + name, QCryptographicHash::Sha1)
            .left(16);
    hash[6] = char((hash[6] & 0x0f) | 0x50);
    hash[8] = char((hash[8] & 0x3f) | 0x80);
    return QUuid::fromRfc4122(hash).toString(QUuid::WithoutBraces);
}
} // namespace

class TestOutbox : public QObject {
    Q_OBJECT

private slots:
    void emptyLedger();
    void eventsInJournalOrder();
    void eventIdStable();
    void limit();
    void markSent();
    void markSentTwiceKeepsFirstTime();
    void markSentNothing();
    void markAttempted();
    void laterEntriesQueueBehind();
    void failedCommitQueuesNothing();
    void survivesReopen();
    void refusesWithoutLedger();
    void refusesOtherSchema();
    void readerOnAnotherThread();
};

void TestOutbox::emptyLedger()
{
    Fixture f;
    QVERIFY(f.open());
    Outbox outbox;
    QVERIFY_OK(outbox.open(f.data));
    QCOMPARE(*outbox.pendingCount(), 0);
    const auto batch = outbox.nextBatch(10);
    QVERIFY_OK(batch);
    QVERIFY(batch->isEmpty());
}

void TestOutbox::eventsInJournalOrder()
{
    Fixture f;
    QVERIFY(f.open());
    QVERIFY(f.commit(2));
    QVERIFY_OK(f.ledger->commitNoSale(baseTime.addSecs(100)));
    QVERIFY(f.commit(1));
    Outbox outbox;
    QVERIFY_OK(outbox.open(f.data));
    QCOMPARE(*outbox.pendingCount(), 4);
    const auto events = outbox.nextBatch(100);
    QVERIFY_OK(events);
    QCOMPARE(events->size(), 4);
    QSqlQuery q(f.ledger->database().connection());
    QVERIFY(q.exec(u"SELECT seq, kind, version, created_at, payload, mac, prev_mac FROM journal "
                   "ORDER BY seq"_s));
    for (const OutboxEvent &e : *events) {
        QVERIFY(q.next());
        QCOMPARE(e.seq, q.value(0).toLongLong());
        QCOMPARE(e.kind, q.value(1).toString());
        QCOMPARE(e.version, q.value(2).toInt());
        QCOMPARE(e.createdAt, q.value(3).toString());
        QCOMPARE(e.body, q.value(4).toByteArray()); // byte for byte
        QCOMPARE(e.mac, q.value(5).toByteArray());
        QCOMPARE(e.prevMac, q.value(6).toByteArray());
        QCOMPARE(e.terminalId, f.ledger->terminalId());
        QCOMPARE(e.eventId, Outbox::eventIdFor(f.ledger->terminalId(), e.seq));
        QCOMPARE(e.attempts, 0);
    }
    QCOMPARE(seqsOf(*events), (QList<qint64>{1, 2, 3, 4}));
    QCOMPARE((*events)[2].kind, u"no_sale"_s);
    QCOMPARE((*events)[2].version, 1);
    QCOMPARE((*events)[0].kind, u"sale"_s);
    QCOMPARE((*events)[0].version, saleVersion);
    QCOMPARE((*events)[0].createdAt, u"2024-03-01T09:00:01.000Z"_s);
}

void TestOutbox::eventIdStable()
{
    const QString terminal = u"0e3c7d7e-7d1a-4bd5-9a3f-1d2b8f6a4c10"_s;
    QCOMPARE(Outbox::eventIdFor(terminal, 1), uuidV5(terminal, "1"));
    QCOMPARE(Outbox::eventIdFor(terminal, 1234567), uuidV5(terminal, "1234567"));
    QCOMPARE(Outbox::eventIdFor(terminal, 7), Outbox::eventIdFor(terminal, 7));
    QVERIFY(Outbox::eventIdFor(terminal, 7) != Outbox::eventIdFor(terminal, 8));
    QVERIFY(Outbox::eventIdFor(terminal, 7)
            != Outbox::eventIdFor(u"1e3c7d7e-7d1a-4bd5-9a3f-1d2b8f6a4c10"_s, 7));
    QCOMPARE(QUuid::fromString(Outbox::eventIdFor(terminal, 7)).version(), QUuid::Sha1);

    // The same across reads, retries and reopen.
    Fixture f;
    QVERIFY(f.open());
    QVERIFY(f.commit(2));
    QString first;
    {
        Outbox outbox;
        QVERIFY_OK(outbox.open(f.data));
        first = outbox.nextBatch(1)->first().eventId;
        QVERIFY_OK(outbox.markAttempted({1}, baseTime));
        QCOMPARE(outbox.nextBatch(1)->first().eventId, first);
    }
    Outbox outbox;
    QVERIFY_OK(outbox.open(f.data));
    QCOMPARE(outbox.nextBatch(1)->first().eventId, first);
}

void TestOutbox::limit()
{
    Fixture f;
    QVERIFY(f.open());
    QVERIFY(f.commit(5));
    Outbox outbox;
    QVERIFY_OK(outbox.open(f.data));
    QCOMPARE(seqsOf(*outbox.nextBatch(2)), (QList<qint64>{1, 2}));
    QCOMPARE(outbox.nextBatch(0)->size(), 0);
    QCOMPARE(outbox.nextBatch(100)->size(), 5);
    QCOMPARE(*outbox.pendingCount(), 5); // reading does not consume
}

void TestOutbox::markSent()
{
    Fixture f;
    QVERIFY(f.open());
    QVERIFY(f.commit(3));
    Outbox outbox;
    QVERIFY_OK(outbox.open(f.data));
    const QDateTime at(QDate(2024, 3, 1), QTime(18, 0, 0, 250), QTimeZone(8 * 3600));
    QVERIFY(!outbox.lastSentAt()->isValid());
    QVERIFY_OK(outbox.markSent({1, 2}, at));
    QCOMPARE(*outbox.lastSentAt(), at);
    QCOMPARE(*outbox.pendingCount(), 1);
    QCOMPARE(seqsOf(*outbox.nextBatch(10)), QList<qint64>{3});
    QCOMPARE(f.value(u"SELECT sent_at FROM outbox WHERE seq = 1"_s).toString(),
             u"2024-03-01T10:00:00.250Z"_s); // stored in UTC
    QCOMPARE(f.value(u"SELECT attempts FROM outbox WHERE seq = 1"_s).toInt(), 1);
    QVERIFY(f.value(u"SELECT sent_at FROM outbox WHERE seq = 3"_s).isNull());
    QCOMPARE(f.value(u"SELECT attempts FROM outbox WHERE seq = 3"_s).toInt(), 0);
    QVERIFY_OK(outbox.markSent({3}, at));
    QCOMPARE(*outbox.pendingCount(), 0);
    QVERIFY(outbox.nextBatch(10)->isEmpty());
    // The head is the journal's last entry, with its seal; each event carries its chain link.
    const Outbox::Head head = *outbox.head();
    QCOMPARE(head.seq, 3);
    QCOMPARE(head.mac, f.ledger->head().mac);
    // Sending leaves the ledger as it was.
    const VerifyResult verified = f.ledger->verify();
    QVERIFY2(verified.ok, qPrintable(verified.reason));
}

void TestOutbox::markSentTwiceKeepsFirstTime()
{
    Fixture f;
    QVERIFY(f.open());
    QVERIFY(f.commit(2));
    Outbox outbox;
    QVERIFY_OK(outbox.open(f.data));
    QVERIFY_OK(outbox.markSent({1}, baseTime));
    QVERIFY_OK(outbox.markSent({1, 2}, baseTime.addSecs(60)));
    QCOMPARE(f.value(u"SELECT sent_at FROM outbox WHERE seq = 1"_s).toString(),
             u"2024-03-01T09:00:00.000Z"_s);
    QCOMPARE(f.value(u"SELECT attempts FROM outbox WHERE seq = 1"_s).toInt(), 1);
    QCOMPARE(f.value(u"SELECT sent_at FROM outbox WHERE seq = 2"_s).toString(),
             u"2024-03-01T09:01:00.000Z"_s);
    // An event sent is not attempted any more either.
    QVERIFY_OK(outbox.markAttempted({1}, baseTime.addSecs(120)));
    QCOMPARE(f.value(u"SELECT attempts FROM outbox WHERE seq = 1"_s).toInt(), 1);
    // Unknown events are nothing to mark.
    QVERIFY_OK(outbox.markSent({99}, baseTime));
    QCOMPARE(*outbox.pendingCount(), 0);
}

void TestOutbox::markSentNothing()
{
    Fixture f;
    QVERIFY(f.open());
    QVERIFY(f.commit(2));
    Outbox outbox;
    QVERIFY_OK(outbox.open(f.data));
    QVERIFY_OK(outbox.markSent({}, QDateTime::currentDateTimeUtc()));
    QCOMPARE(*outbox.pendingCount(), 2);
    // No transaction was left open: sales still commit.
    QVERIFY(f.commit(1));
    QCOMPARE(*outbox.pendingCount(), 3);
}

void TestOutbox::markAttempted()
{
    Fixture f;
    QVERIFY(f.open());
    QVERIFY(f.commit(2));
    Outbox outbox;
    QVERIFY_OK(outbox.open(f.data));
    QVERIFY_OK(outbox.markAttempted({1, 2}, baseTime));
    QVERIFY_OK(outbox.markAttempted({1}, baseTime.addSecs(30)));
    const auto events = outbox.nextBatch(10);
    QCOMPARE(events->size(), 2); // still pending
    QCOMPARE((*events)[0].attempts, 2);
    QCOMPARE((*events)[1].attempts, 1);
    QCOMPARE(f.value(u"SELECT last_attempt_at FROM outbox WHERE seq = 1"_s).toString(),
             u"2024-03-01T09:00:30.000Z"_s);
    QVERIFY(f.value(u"SELECT sent_at FROM outbox WHERE seq = 1"_s).isNull());
    QVERIFY_OK(outbox.markSent({1}, baseTime.addSecs(60)));
    QCOMPARE(f.value(u"SELECT attempts FROM outbox WHERE seq = 1"_s).toInt(), 3);
    QCOMPARE(*outbox.pendingCount(), 1);
}

void TestOutbox::laterEntriesQueueBehind()
{
    Fixture f;
    QVERIFY(f.open());
    QVERIFY(f.commit(2));
    Outbox outbox;
    QVERIFY_OK(outbox.open(f.data));
    QVERIFY_OK(outbox.markSent({1}, baseTime));
    QVERIFY(f.commit(2));
    QVERIFY_OK(f.ledger->commitNoSale(baseTime));
    QCOMPARE(seqsOf(*outbox.nextBatch(10)), (QList<qint64>{2, 3, 4, 5}));
}

void TestOutbox::failedCommitQueuesNothing()
{
    Fixture f;
    QVERIFY(f.open());
    QVERIFY(f.commit(1));
    Outbox outbox;
    QVERIFY_OK(outbox.open(f.data));
    QVERIFY(!f.ledger->commitSale(Sale{}).ok()); // no lines
    Sale unpaid = colaSale(2, baseTime);
    unpaid.tenders.clear();
    QVERIFY(!f.ledger->commitSale(unpaid).ok());
    // a failure inside the transaction (the print job cannot be written)
    QString error;
    QVERIFY2(f.ledger->database().exec(u"CREATE TEMP TRIGGER no_print BEFORE INSERT ON "
                                       u"main.print_jobs BEGIN SELECT RAISE(ABORT, 'no'); END"_s,
                                       &error),
             qPrintable(error));
    QVERIFY(!f.ledger->commitSale(colaSale(3, baseTime)).ok());
    QVERIFY(!f.ledger->commitNoSale(baseTime).ok());
    QCOMPARE(*outbox.pendingCount(), 1);
    QCOMPARE(seqsOf(*outbox.nextBatch(10)), QList<qint64>{1});
}

void TestOutbox::survivesReopen()
{
    Fixture f;
    QVERIFY(f.open());
    QVERIFY(f.commit(3));
    {
        Outbox outbox;
        QVERIFY_OK(outbox.open(f.data));
        QVERIFY_OK(outbox.markSent({1}, baseTime));
        QVERIFY_OK(outbox.markAttempted({2}, baseTime));
    }
    f.ledger.reset();
    Ledger ledger;
    QVERIFY_OK(ledger.open(f.data, f.keys));
    Outbox outbox;
    QVERIFY_OK(outbox.open(f.data));
    QCOMPARE(*outbox.pendingCount(), 2);
    const auto events = outbox.nextBatch(10);
    QCOMPARE(seqsOf(*events), (QList<qint64>{2, 3}));
    QCOMPARE((*events)[0].attempts, 1);
}

void TestOutbox::refusesWithoutLedger()
{
    QTemporaryDir dir;
    Outbox outbox;
    QVERIFY(!outbox.open(dir.path()).ok());
    QVERIFY(
        !QFile::exists(dir.filePath(Ledger::fileName()))); // the till creates it, not the outbox
    QVERIFY(!outbox.open(dir.filePath(u"missing"_s)).ok());
}

void TestOutbox::refusesOtherSchema()
{
    // A foundation ledger not migrated yet (the till migrates it; the outbox never does).
    QTemporaryDir dir;
    QVERIFY(QFile::copy(QStringLiteral(SMARTPOS_SOURCE_DIR "/tests/fixtures/foundation-ledger.db"),
                        dir.filePath(Ledger::fileName())));
    QFile::setPermissions(dir.filePath(Ledger::fileName()),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    Outbox outbox;
    const Status opened = outbox.open(dir.path());
    QVERIFY(!opened.ok());
    QVERIFY(!opened.error().message.isEmpty());
}

// The sync client reads batches on its own thread (with its own Outbox) while the till commits.
void TestOutbox::readerOnAnotherThread()
{
    constexpr int sales = 500;
    Fixture f;
    QVERIFY(f.open());
    struct Seen {
        QString error;
        QList<qint64> seqs;
        QList<QByteArray> bodies;
    } seen;
    std::atomic<bool> writerDone{false};
    std::atomic<bool> readerReady{false};
    std::atomic<int> batchesWhileWriting{0};
    std::atomic<int> seenCount{0};
    const QString data = f.data;
    std::thread reader([&seen, &writerDone, &readerReady, &batchesWhileWriting, &seenCount, data] {
        Outbox outbox;
        const Status opened = outbox.open(data);
        readerReady = true;
        if (!opened) {
            seen.error = u"open: "_s + opened.error().message;
            return;
        }
        QElapsedTimer timer;
        timer.start();
        int idleAfterDone = 0;
        while (seen.seqs.size() < sales && timer.elapsed() < 50000) {
            const auto batch = outbox.nextBatch(37);
            if (!batch) {
                seen.error = u"nextBatch: "_s + batch.error().message;
                return;
            }
            QList<qint64> seqs;
            for (const OutboxEvent &e : *batch) {
                seqs << e.seq;
                seen.seqs << e.seq;
                seen.bodies << e.body;
            }
            seenCount = int(seen.seqs.size());
            if (!seqs.isEmpty() && !writerDone)
                ++batchesWhileWriting;
            if (seqs.isEmpty()) {
                if (writerDone && ++idleAfterDone > 3)
                    break;
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
                continue;
            }
            if (const Status sent = outbox.markSent(seqs, QDateTime::currentDateTimeUtc()); !sent) {
                seen.error = u"markSent: "_s + sent.error().message;
                return;
            }
        }
    });
    QElapsedTimer waiting;
    waiting.start();
    while (!readerReady && waiting.elapsed() < 10000)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    QString commitError;
    for (int n = 1; n <= sales && commitError.isEmpty(); ++n) {
        const auto seq = n % 50 == 0 ? f.ledger->commitNoSale(baseTime.addSecs(n))
                                     : f.ledger->commitSale(colaSale(n, baseTime));
        if (!seq)
            commitError = seq.error().message;
        else if (*seq != n)
            commitError = u"seq %1 for commit %2"_s.arg(*seq).arg(n);
        if (n == sales / 2) {
            // Halfway, make sure the reader has had a go while sales keep coming.
            waiting.restart();
            while (seenCount == 0 && waiting.elapsed() < 10000)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }
    writerDone = true;
    reader.join();
    QVERIFY2(commitError.isEmpty(), qPrintable(commitError));
    QVERIFY2(seen.error.isEmpty(), qPrintable(seen.error));
    QCOMPARE(seen.seqs.size(), sales);
    QVERIFY2(batchesWhileWriting > 0, "the reader never ran while sales were committed");
    for (int i = 0; i < sales; ++i)
        QCOMPARE(seen.seqs[i], qint64(i + 1)); // each exactly once, in order
    QSqlQuery q(f.ledger->database().connection());
    QVERIFY(q.exec(u"SELECT payload FROM journal ORDER BY seq"_s));
    for (int i = 0; i < sales; ++i) {
        QVERIFY(q.next());
        QCOMPARE(seen.bodies[i], q.value(0).toByteArray());
    }
    q.finish();
    Outbox outbox;
    QVERIFY_OK(outbox.open(f.data));
    QCOMPARE(*outbox.pendingCount(), 0);
    const VerifyResult verified = f.ledger->verify();
    QVERIFY2(verified.ok, qPrintable(verified.reason));
    QCOMPARE(verified.entries, sales);
}

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
