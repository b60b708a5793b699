#include "ledger/ledger.h"
#include "sync/outboxqueue.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {
Sale makeSale(int n)
{
    Product p;
    p.id = 1;
    p.sku = u"DR0001"_s;
    p.nameZh = u"可口可乐"_s;
    p.nameEn = u"Coca-Cola"_s;
    p.price = Money::fromFen(300);
    Cart cart;
    cart.addUnits(p, u"6928804995534"_s, n);
    return saleFromCart(cart, QUuid::createUuid().toString(QUuid::WithoutBraces),
                        QDateTime(QDate(2024, 3, 1), QTime(9, 0), Qt::UTC).addSecs(n),
                        {*cashTender(cart.total(), cart.total())});
}

struct Fixture {
    QTemporaryDir dir;
    Ledger ledger;
    QString error;
    QList<Sale> sales;

    bool open() { return ledger.open(dir.path(), &error); }
    bool commit(int count)
    {
        for (int i = 0; i < count; ++i) {
            sales << makeSale(int(sales.size()) + 1);
            if (!ledger.commitSale(sales.last()).ok)
                return false;
        }
        return true;
    }
};

QString uuidOf(const OutboxEvent &event)
{
    return QJsonDocument::fromJson(event.body.toUtf8()).object().value(u"uuid"_s).toString();
}
} // namespace

class TestOutboxQueue : public QObject {
    Q_OBJECT

private slots:
    void emptyLedger();
    void oneEventPerSaleInOrder();
    void pendingLimit();
    void markSentRemovesFromPending();
    void markSentNothing();
    void laterSalesQueueBehind();
    void failedCommitQueuesNothing();
    void survivesReopen();
};

void TestOutboxQueue::emptyLedger()
{
    Fixture f;
    QVERIFY2(f.open(), qPrintable(f.error));
    OutboxQueue queue(f.ledger.database());
    QCOMPARE(queue.pendingCount(), 0);
    QVERIFY(queue.pending(10).isEmpty());
}

void TestOutboxQueue::oneEventPerSaleInOrder()
{
    Fixture f;
    QVERIFY2(f.open(), qPrintable(f.error));
    QVERIFY(f.commit(4));
    OutboxQueue queue(f.ledger.database());
    QCOMPARE(queue.pendingCount(), 4);
    const auto events = queue.pending(100);
    QCOMPARE(events.size(), 4);
    QSet<QString> eventIds;
    for (int i = 0; i < 4; ++i) {
        const OutboxEvent &e = events[i];
        if (i > 0)
            QVERIFY(e.id > events[i - 1].id);
        QCOMPARE(e.kind, u"sale.completed"_s);
        QCOMPARE(uuidOf(e), f.sales[i].uuid);
        // The body is the journal entry, byte for byte.
        QCOMPARE(e.body.toUtf8(), canonicalSale(f.ledger.terminalId(), i + 1, f.sales[i]));
        QVERIFY(!QUuid::fromString(e.eventId).isNull());
        eventIds.insert(e.eventId);
        QCOMPARE(e.attempts, 0);
    }
    QCOMPARE(eventIds.size(), 4);
}

void TestOutboxQueue::pendingLimit()
{
    Fixture f;
    QVERIFY2(f.open(), qPrintable(f.error));
    QVERIFY(f.commit(5));
    OutboxQueue queue(f.ledger.database());
    const auto first = queue.pending(2);
    QCOMPARE(first.size(), 2);
    QCOMPARE(uuidOf(first[0]), f.sales[0].uuid);
    QCOMPARE(uuidOf(first[1]), f.sales[1].uuid);
    QCOMPARE(queue.pending(0).size(), 0);
    QCOMPARE(queue.pendingCount(), 5); // reading does not consume
}

void TestOutboxQueue::markSentRemovesFromPending()
{
    Fixture f;
    QVERIFY2(f.open(), qPrintable(f.error));
    QVERIFY(f.commit(3));
    OutboxQueue queue(f.ledger.database());
    const auto events = queue.pending(10);
    const QDateTime at(QDate(2024, 3, 1), QTime(18, 0, 0, 250), QTimeZone(8 * 3600));
    QString error;
    QVERIFY2(queue.markSent({events[0].id, events[1].id}, at, &error), qPrintable(error));
    QCOMPARE(queue.pendingCount(), 1);
    const auto left = queue.pending(10);
    QCOMPARE(left.size(), 1);
    QCOMPARE(left[0].id, events[2].id);
    QCOMPARE(uuidOf(left[0]), f.sales[2].uuid);

    QSqlQuery q(f.ledger.database().connection());
    QVERIFY(q.exec(u"SELECT id, sent_at, attempts FROM outbox ORDER BY id"_s));
    QVERIFY(q.next());
    QCOMPARE(q.value(1).toString(), u"2024-03-01T10:00:00.250Z"_s); // stored in UTC
    QCOMPARE(q.value(2).toInt(), 1);
    QVERIFY(q.next());
    QVERIFY(!q.value(1).isNull());
    QVERIFY(q.next());
    QVERIFY(q.value(1).isNull());
    QCOMPARE(q.value(2).toInt(), 0);

    QVERIFY2(queue.markSent({events[2].id}, at, &error), qPrintable(error));
    QCOMPARE(queue.pendingCount(), 0);
    QVERIFY(queue.pending(10).isEmpty());
    // The ledger itself is untouched by sending.
    QVERIFY(f.ledger.verify().ok);
}

void TestOutboxQueue::markSentNothing()
{
    Fixture f;
    QVERIFY2(f.open(), qPrintable(f.error));
    QVERIFY(f.commit(2));
    OutboxQueue queue(f.ledger.database());
    QString error;
    QVERIFY2(queue.markSent({}, QDateTime::currentDateTimeUtc(), &error), qPrintable(error));
    QCOMPARE(queue.pendingCount(), 2);
    // The connection is left without an open transaction: sales still commit.
    QVERIFY(f.commit(1));
    QCOMPARE(queue.pendingCount(), 3);
}

void TestOutboxQueue::laterSalesQueueBehind()
{
    Fixture f;
    QVERIFY2(f.open(), qPrintable(f.error));
    QVERIFY(f.commit(2));
    OutboxQueue queue(f.ledger.database());
    QString error;
    const auto events = queue.pending(10);
    QVERIFY(queue.markSent({events[0].id}, QDateTime::currentDateTimeUtc(), &error));
    QVERIFY(f.commit(2));
    const auto pending = queue.pending(10);
    QCOMPARE(pending.size(), 3);
    QCOMPARE(uuidOf(pending[0]), f.sales[1].uuid);
    QCOMPARE(uuidOf(pending[1]), f.sales[2].uuid);
    QCOMPARE(uuidOf(pending[2]), f.sales[3].uuid);
}

void TestOutboxQueue::failedCommitQueuesNothing()
{
    Fixture f;
    QVERIFY2(f.open(), qPrintable(f.error));
    QVERIFY(f.commit(1));
    QVERIFY(!f.ledger.commitSale(f.sales[0]).ok); // the same sale again
    QVERIFY(!f.ledger.commitSale(Sale{}).ok);     // no lines
    OutboxQueue queue(f.ledger.database());
    QCOMPARE(queue.pendingCount(), 1);
}

void TestOutboxQueue::survivesReopen()
{
    QTemporaryDir dir;
    QString error;
    QList<qint64> ids;
    {
        Ledger ledger;
        QVERIFY2(ledger.open(dir.path(), &error), qPrintable(error));
        for (int n = 1; n <= 3; ++n)
            QVERIFY(ledger.commitSale(makeSale(n)).ok);
        OutboxQueue queue(ledger.database());
        const auto events = queue.pending(10);
        QVERIFY(queue.markSent({events[0].id}, QDateTime::currentDateTimeUtc(), &error));
        ids = {events[1].id, events[2].id};
    }
    Ledger ledger;
    QVERIFY2(ledger.open(dir.path(), &error), qPrintable(error));
    OutboxQueue queue(ledger.database());
    QCOMPARE(queue.pendingCount(), 2);
    const auto events = queue.pending(10);
    QCOMPARE((QList<qint64>{events[0].id, events[1].id}), ids);
}

QTEST_GUILESS_MAIN(TestOutboxQueue)
#include "tst_outboxqueue.moc"
