// The print queue (app/ledger/printqueue.h): a job per entry written with it, printed in order,
// retried, reprinted on request, kept across restarts.
#include "ledger/ledger.h"
#include "ledger/printqueue.h"
#include "testsupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {
const QDateTime baseTime(QDate(2024, 3, 1), QTime(9, 0), Qt::UTC);

Sale makeSale(int n)
{
    Cart cart;
    cart.addUnits(unitProduct(1, 300), u"6928804995534"_s, n);
    return saleFromCart(cart, baseTime.addSecs(n), {*cashTender(cart.total(), cart.total())});
}

struct Fixture {
    QTemporaryDir root;
    QString data = root.filePath(u"data"_s);
    QString keys = root.filePath(u"keys"_s);
    std::unique_ptr<Ledger> ledger = std::make_unique<Ledger>();

    Fixture() { QDir().mkpath(data); }
    bool open() { return ledger->open(data, keys).ok(); }
    // sale, no-sale, sale
    bool commitThree()
    {
        return ledger->commitSale(makeSale(1)).ok()
               && ledger->commitNoSale(baseTime.addSecs(2)).ok()
               && ledger->commitSale(makeSale(3)).ok();
    }
    QVariant value(const QString &sql)
    {
        QString error;
        return ledger->database().scalar(sql, &error).value_or(QVariant());
    }
};

// The next job, which must exist.
PrintJob nextJob(PrintQueue &queue)
{
    const auto next = queue.next();
    if (!next.ok() || !next->has_value())
        return {};
    return **next;
}
} // namespace

class TestPrintQueue : public QObject {
    Q_OBJECT

private slots:
    void emptyLedger();
    void jobsInOrder();
    void markPrinted();
    void markFailed();
    void reprint();
    void reprintOfNothing();
    void keptAcrossReopen();
    void refusesWithoutLedger();
};

void TestPrintQueue::emptyLedger()
{
    Fixture f;
    QVERIFY(f.open());
    PrintQueue queue;
    QVERIFY_OK(queue.open(f.data));
    const auto next = queue.next();
    QVERIFY_OK(next);
    QVERIFY(!next->has_value());
    QCOMPARE(*queue.pendingCount(), 0);
}

void TestPrintQueue::jobsInOrder()
{
    Fixture f;
    QVERIFY(f.open());
    QVERIFY(f.commitThree());
    PrintQueue queue;
    QVERIFY_OK(queue.open(f.data));
    QCOMPARE(*queue.pendingCount(), 3);
    const QList<QPair<qint64, QString>> expected{
        {1, u"receipt"_s}, {2, u"no_sale"_s}, {3, u"receipt"_s}};
    qint64 previousId = 0;
    for (const auto &[seq, kind] : expected) {
        const PrintJob job = nextJob(queue);
        QCOMPARE(job.seq, seq);
        QCOMPARE(job.kind, kind);
        QCOMPARE(job.attempts, 0);
        QVERIFY(job.id > previousId);
        QCOMPARE(job.createdAt,
                 f.value(u"SELECT created_at FROM journal WHERE seq = %1"_s.arg(seq)).toString());
        previousId = job.id;
        QCOMPARE(nextJob(queue).id, job.id); // reading does not consume
        QVERIFY_OK(queue.markPrinted(job.id, baseTime));
    }
    QVERIFY(!queue.next()->has_value());
    QCOMPARE(*queue.pendingCount(), 0);
}

void TestPrintQueue::markPrinted()
{
    Fixture f;
    QVERIFY(f.open());
    QVERIFY(f.commitThree());
    PrintQueue queue;
    QVERIFY_OK(queue.open(f.data));
    const PrintJob first = nextJob(queue);
    QVERIFY_OK(queue.markPrinted(first.id, baseTime.addSecs(10)));
    QCOMPARE(*queue.pendingCount(), 2);
    QCOMPARE(nextJob(queue).seq, 2);
    const QString where = u" FROM print_jobs WHERE id = %1"_s.arg(first.id);
    QCOMPARE(f.value(u"SELECT status"_s + where).toString(), u"printed"_s);
    QCOMPARE(f.value(u"SELECT printed_at"_s + where).toString(), u"2024-03-01T09:00:10.000Z"_s);
    QCOMPARE(f.value(u"SELECT attempts"_s + where).toInt(), 1);
    // Printed twice (a lost acknowledgement): the first time stays.
    QVERIFY_OK(queue.markPrinted(first.id, baseTime.addSecs(20)));
    QCOMPARE(f.value(u"SELECT printed_at"_s + where).toString(), u"2024-03-01T09:00:10.000Z"_s);
    QCOMPARE(f.value(u"SELECT attempts"_s + where).toInt(), 1);
    QCOMPARE(*queue.pendingCount(), 2);
    const VerifyResult verified = f.ledger->verify();
    QVERIFY2(verified.ok, qPrintable(verified.reason));
}

void TestPrintQueue::markFailed()
{
    Fixture f;
    QVERIFY(f.open());
    QVERIFY(f.commitThree());
    PrintQueue queue;
    QVERIFY_OK(queue.open(f.data));
    const PrintJob first = nextJob(queue);
    QVERIFY_OK(queue.markFailed(first.id));
    QVERIFY_OK(queue.markFailed(first.id));
    // Retried: still the next job, in its place, with its attempts counted.
    const PrintJob again = nextJob(queue);
    QCOMPARE(again.id, first.id);
    QCOMPARE(again.attempts, 2);
    QCOMPARE(f.value(u"SELECT status FROM print_jobs WHERE id = %1"_s.arg(first.id)).toString(),
             u"retrying"_s);
    QCOMPARE(*queue.pendingCount(), 3);
    QVERIFY_OK(queue.markPrinted(first.id, baseTime));
    QCOMPARE(f.value(u"SELECT attempts FROM print_jobs WHERE id = %1"_s.arg(first.id)).toInt(), 3);
    // A printed job does not fail any more.
    QVERIFY_OK(queue.markFailed(first.id));
    QCOMPARE(f.value(u"SELECT status FROM print_jobs WHERE id = %1"_s.arg(first.id)).toString(),
             u"printed"_s);
}

void TestPrintQueue::reprint()
{
    Fixture f;
    QVERIFY(f.open());
    QVERIFY(f.commitThree());
    PrintQueue queue;
    QVERIFY_OK(queue.open(f.data));
    for (int i = 0; i < 3; ++i)
        QVERIFY_OK(queue.markPrinted(nextJob(queue).id, baseTime));
    const auto id = queue.queueReprint(1, baseTime.addSecs(300));
    QVERIFY_OK(id);
    QCOMPARE(*queue.pendingCount(), 1);
    const PrintJob job = nextJob(queue);
    QCOMPARE(job.id, *id);
    QCOMPARE(job.seq, 1);
    QCOMPARE(job.kind, u"reprint"_s);
    QCOMPARE(job.createdAt, u"2024-03-01T09:05:00.000Z"_s);
    // Queued behind what waits already; a no-sale slip can be reprinted too.
    QCOMPARE(*queue.queueReprint(2, baseTime), *id + 1);
    QCOMPARE(nextJob(queue).id, *id);
    QVERIFY_OK(queue.markPrinted(*id, baseTime));
    QCOMPARE(nextJob(queue).seq, 2);
    QCOMPARE(f.value(u"SELECT count(*) FROM print_jobs"_s).toInt(), 5);
    // Reprints are history the ledger accepts.
    const VerifyResult verified = f.ledger->verify();
    QVERIFY2(verified.ok, qPrintable(verified.reason));
    QCOMPARE(verified.entries, 3);
}

void TestPrintQueue::reprintOfNothing()
{
    Fixture f;
    QVERIFY(f.open());
    QVERIFY(f.commitThree());
    PrintQueue queue;
    QVERIFY_OK(queue.open(f.data));
    for (const qint64 seq : {qint64(0), qint64(4), qint64(-1), qint64(1000)}) {
        const auto id = queue.queueReprint(seq, baseTime);
        QVERIFY(!id.ok());
        QCOMPARE(id.error().code, ErrorCode::NotFound);
        QVERIFY(id.error().message.contains(QString::number(seq)));
    }
    QCOMPARE(*queue.pendingCount(), 3);
    QCOMPARE(f.value(u"SELECT count(*) FROM print_jobs"_s).toInt(), 3);
    // and it still works afterwards
    QVERIFY_OK(queue.queueReprint(3, baseTime));
    QCOMPARE(*queue.pendingCount(), 4);
}

void TestPrintQueue::keptAcrossReopen()
{
    Fixture f;
    QVERIFY(f.open());
    QVERIFY(f.commitThree());
    qint64 reprintId = 0;
    {
        PrintQueue queue;
        QVERIFY_OK(queue.open(f.data));
        QVERIFY_OK(queue.markPrinted(nextJob(queue).id, baseTime));
        QVERIFY_OK(queue.markFailed(nextJob(queue).id));
        reprintId = *queue.queueReprint(1, baseTime);
    }
    f.ledger.reset();
    Ledger ledger;
    QVERIFY_OK(ledger.open(f.data, f.keys));
    PrintQueue queue;
    QVERIFY_OK(queue.open(f.data));
    QCOMPARE(*queue.pendingCount(), 3);
    PrintJob job = nextJob(queue);
    QCOMPARE(job.seq, 2);
    QCOMPARE(job.attempts, 1);
    QVERIFY_OK(queue.markPrinted(job.id, baseTime));
    QCOMPARE(nextJob(queue).seq, 3);
    QVERIFY_OK(queue.markPrinted(nextJob(queue).id, baseTime));
    job = nextJob(queue);
    QCOMPARE(job.id, reprintId);
    QCOMPARE(job.kind, u"reprint"_s);
}

void TestPrintQueue::refusesWithoutLedger()
{
    QTemporaryDir dir;
    PrintQueue queue;
    QVERIFY(!queue.open(dir.path()).ok());
}

QTEST_GUILESS_MAIN(TestPrintQueue)
#include "tst_printqueue.moc"
