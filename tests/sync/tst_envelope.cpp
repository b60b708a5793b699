// The wire envelope of outbox events: canonical, with the payload embedded byte for byte.
#include "sync/envelope.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace smartpos;
using namespace Qt::StringLiterals;

class TestEnvelope : public QObject {
    Q_OBJECT
private slots:
    void exactBytes();
    void bodyKeptByteForByte();
    void batch();
};

namespace {
OutboxEvent sampleEvent(qint64 seq)
{
    return {Outbox::eventIdFor(u"0e3c7d7e-7d1a-4bd5-9a3f-1d2b8f6a4c10"_s, seq),
            u"sale"_s,
            2,
            u"0e3c7d7e-7d1a-4bd5-9a3f-1d2b8f6a4c10"_s,
            seq,
            u"2026-11-23T13:04:39.123Z"_s,
            R"({"lines":[{"name_zh":"可乐 \"大\""}],"total":300})"_ba,
            0,
            QByteArray(32, char(seq)),
            QByteArray(32, char(seq - 1))};
}
} // namespace

void TestEnvelope::exactBytes()
{
    const OutboxEvent event = sampleEvent(7);
    QCOMPARE(encodeEnvelope(event),
             R"({"body":{"lines":[{"name_zh":"可乐 \"大\""}],"total":300},)"
             R"("created_at":"2026-11-23T13:04:39.123Z","event_id":")"_ba
                 + event.eventId.toUtf8() + R"(","kind":"sale","mac":")"_ba
                 + QByteArray(32, 7).toHex() + R"(","prev_mac":")"_ba + QByteArray(32, 6).toHex()
                 + R"(","seq":7,"terminal":"0e3c7d7e-7d1a-4bd5-9a3f-1d2b8f6a4c10",)"
                   R"("v":2})"_ba);
}

void TestEnvelope::bodyKeptByteForByte()
{
    const OutboxEvent event = sampleEvent(1);
    const QByteArray wire = encodeEnvelope(event);
    QVERIFY(wire.contains(event.body));
    const QJsonObject parsed = QJsonDocument::fromJson(wire).object();
    QCOMPARE(parsed.value(u"body"_s).toObject().value(u"total"_s).toInt(), 300);
    QCOMPARE(parsed.value(u"event_id"_s).toString(), event.eventId);
    // The id is the same however often the event is sent, and differs per entry.
    QCOMPARE(Outbox::eventIdFor(event.terminalId, 1), event.eventId);
    QVERIFY(Outbox::eventIdFor(event.terminalId, 2) != event.eventId);
}

void TestEnvelope::batch()
{
    QCOMPARE(encodeBatch({}), R"({"events":[]})"_ba);
    const QJsonArray events = QJsonDocument::fromJson(encodeBatch({sampleEvent(1), sampleEvent(2)}))
                                  .object()
                                  .value(u"events"_s)
                                  .toArray();
    QCOMPARE(events.size(), 2);
    QCOMPARE(events[1].toObject().value(u"seq"_s).toInt(), 2);
}

QTEST_GUILESS_MAIN(TestEnvelope)
#include "tst_envelope.moc"
