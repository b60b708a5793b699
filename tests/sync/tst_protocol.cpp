// The sync protocol's signature and its strict readers: what the till and the cloud both parse.
#include "sync/protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace smartpos;
using namespace smartpos::sync;
using namespace Qt::StringLiterals;

class TestProtocol : public QObject {
    Q_OBJECT
private slots:
    void signatureCoversEveryPart();
    void signaturesDifferPerRequest();
    void pushRoundTripKeepsBodiesByteForByte();
    void pushRefusesMalformed_data();
    void pushRefusesMalformed();
    void resultsRoundTrip();
    void garbageAnswersAreErrors_data();
    void garbageAnswersAreErrors();
    void changesMustComeInOrder();
    void enrollment();
    void reservation();
    void errorBodies();
};

namespace {
const QByteArray secret(secretBytes, 'k');
const QDateTime now = QDateTime::fromString(u"2026-11-24T04:00:00Z"_s, Qt::ISODate);

OutboxEvent outboxEvent(qint64 seq, QByteArray body)
{
    const QString terminal = u"0e3c7d7e-7d1a-4bd5-9a3f-1d2b8f6a4c10"_s;
    return {Outbox::eventIdFor(terminal, seq),
            u"sale"_s,
            3,
            terminal,
            seq,
            u"2026-11-24T03:59:00.000Z"_s,
            std::move(body),
            0,
            QByteArray(32, char(seq)),
            QByteArray(32, char(seq - 1))};
}
} // namespace

void TestProtocol::signatureCoversEveryPart()
{
    const QByteArray body = R"({"events":[]})"_ba;
    const RequestSignature signature = signRequest(secret, u"T-1"_s, "POST", "/v1/push", body, now);
    QCOMPARE(signature.terminal, "T-1"_ba);
    QCOMPARE(signature.timestamp, QByteArray::number(now.toSecsSinceEpoch()));
    QCOMPARE(signature.nonce.size(), 32);
    QCOMPARE(signature.signature.size(), 64);
    QVERIFY(signatureMatches(secret, "POST", "/v1/push", signature, body));

    // Each part changed on its own breaks the signature.
    QVERIFY(!signatureMatches(QByteArray(secretBytes, 'x'), "POST", "/v1/push", signature, body));
    QVERIFY(!signatureMatches(secret, "GET", "/v1/push", signature, body));
    QVERIFY(!signatureMatches(secret, "POST", "/v1/changes", signature, body));
    QVERIFY(!signatureMatches(secret, "POST", "/v1/push", signature, R"({"events":[ ]})"_ba));
    for (QByteArray RequestSignature::*part :
         {&RequestSignature::terminal, &RequestSignature::timestamp, &RequestSignature::nonce,
          &RequestSignature::signature}) {
        RequestSignature changed = signature;
        (changed.*part)[0] = (changed.*part)[0] == '1' ? '2' : '1';
        QVERIFY(!signatureMatches(secret, "POST", "/v1/push", changed, body));
    }
    RequestSignature truncated = signature;
    truncated.signature.chop(2);
    QVERIFY(!signatureMatches(secret, "POST", "/v1/push", truncated, body));
}

void TestProtocol::signaturesDifferPerRequest()
{
    const RequestSignature a = signRequest(secret, u"T-1"_s, "POST", "/v1/push", "{}", now);
    const RequestSignature b = signRequest(secret, u"T-1"_s, "POST", "/v1/push", "{}", now);
    QVERIFY(a.nonce != b.nonce);
    QVERIFY(a.signature != b.signature);
}

void TestProtocol::pushRoundTripKeepsBodiesByteForByte()
{
    const QList<OutboxEvent> events = {
        outboxEvent(1, R"({"lines":[{"name_zh":"可乐 \"大\"\n","total":300}],"total":300})"_ba),
        outboxEvent(2, R"({"a":[],"b":{"c":[1,{"d":"]}"}]}})"_ba),
    };
    const QByteArray wire = encodePush(events, {2, QByteArray(32, 2)});
    const Result<PushRequest> parsed = parsePush(wire);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));
    QCOMPARE(parsed->head.seq, 2);
    QCOMPARE(parsed->head.mac, QByteArray(32, 2));
    QCOMPARE(parsed->events.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const PushedEvent &got = parsed->events[i];
        QCOMPARE(got.body, events[i].body);
        QCOMPARE(got.eventId, events[i].eventId);
        QCOMPARE(got.seq, events[i].seq);
        QCOMPARE(got.kind, u"sale"_s);
        QCOMPARE(got.version, 3);
        QCOMPARE(got.mac, events[i].mac);
        QCOMPARE(got.prevMac, events[i].prevMac);
        QCOMPARE(got.terminal, events[i].terminalId);
        QCOMPARE(got.createdAt, events[i].createdAt);
    }
    // Whitespace a proxy might add does not change what the bodies are.
    QByteArray spaced = wire;
    spaced.replace("\"body\":", "\"body\" :  ");
    spaced.replace("},\"created_at\"", "} ,\n\"created_at\"");
    const Result<PushRequest> reparsed = parsePush(spaced);
    QVERIFY2(reparsed.ok(), qPrintable(reparsed.error().message));
    QCOMPARE(reparsed->events[0].body, events[0].body);
    QCOMPARE(reparsed->events[1].body, events[1].body);
}

void TestProtocol::pushRefusesMalformed_data()
{
    QTest::addColumn<QByteArray>("json");
    const QByteArray good =
        encodePush({outboxEvent(1, R"({"total":1})"_ba)}, {1, QByteArray(32, 1)});
    QTest::newRow("truncated") << good.left(good.size() - 3);
    QTest::newRow("html") << "<html><body>502 Bad Gateway</body></html>"_ba;
    QTest::newRow("array") << "[]"_ba;
    QTest::newRow("no head") << R"({"events":[]})"_ba;
    QTest::newRow("short mac") << QByteArray(good).replace(QByteArray(32, 1).toHex(), "0101");
    QTest::newRow("seq as text") << QByteArray(good).replace("\"seq\":1,", "\"seq\":\"1\",");
    QTest::newRow("fraction") << QByteArray(good).replace("\"seq\":1,", "\"seq\":1.5,");
    QTest::newRow("body not object") << QByteArray(good).replace(R"({"total":1})", "7");
    QTest::newRow("event not object")
        << R"({"events":[1],"head":{"mac":")"_ba + QByteArray(32, 1).toHex() + R"(","seq":1}})";
}

void TestProtocol::pushRefusesMalformed()
{
    QFETCH(QByteArray, json);
    QVERIFY(!parsePush(json).ok());
}

void TestProtocol::resultsRoundTrip()
{
    const QList<EventResult> results = {{u"a"_s, EventOutcome::Applied, {}},
                                        {u"b"_s, EventOutcome::Duplicate, {}},
                                        {u"c"_s, EventOutcome::Conflict, u"coupon used twice"_s},
                                        {u"d"_s, EventOutcome::Rejected, u"chain broken"_s}};
    const Result<QList<EventResult>> parsed = parsePushResults(encodePushResults(results));
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->size(), 4);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(parsed->at(i).eventId, results[i].eventId);
        QCOMPARE(parsed->at(i).outcome, results[i].outcome);
        QCOMPARE(parsed->at(i).detail, results[i].detail);
    }
}

void TestProtocol::garbageAnswersAreErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("html") << "<!DOCTYPE html><title>Login</title>"_ba;
    QTest::newRow("truncated") << R"({"results":[{"event_id":"a","outcome":"appl)"_ba;
    QTest::newRow("results not array") << R"({"results":{}})"_ba;
    QTest::newRow("unknown outcome")
        << R"({"results":[{"event_id":"a","outcome":"maybe","detail":""}]})"_ba;
    QTest::newRow("outcome number")
        << R"({"results":[{"event_id":"a","outcome":1,"detail":""}]})"_ba;
    QTest::newRow("id missing") << R"({"results":[{"outcome":"applied","detail":""}]})"_ba;
    QTest::newRow("nul bytes") << QByteArray("{\"results\":[\0]}", 15);
}

void TestProtocol::garbageAnswersAreErrors()
{
    QFETCH(QByteArray, body);
    QVERIFY(!parsePushResults(body).ok());
    QVERIFY(!parseChangesPage(body).ok());
    QVERIFY(!parseEnrollment(body).ok());
    QVERIFY(!parseReservation(body).ok());
}

void TestProtocol::changesMustComeInOrder()
{
    ChangesPage page;
    page.changes = {{3, u"price"_s, u"DR0001"_s, {{u"price"_s, 350}}, false},
                    {5, u"product"_s, u"DR0002"_s, {}, true}};
    page.next = 5;
    page.more = true;
    const Result<ChangesPage> parsed = parseChangesPage(encodeChangesPage(page));
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->changes.size(), 2);
    QCOMPARE(parsed->changes[0].body.value(u"price"_s).toInt(), 350);
    QVERIFY(parsed->changes[1].deleted);
    QVERIFY(parsed->more);
    QCOMPARE(parsed->next, 5);

    ChangesPage backwards = page;
    std::swap(backwards.changes[0], backwards.changes[1]);
    QVERIFY(!parseChangesPage(encodeChangesPage(backwards)).ok());
    ChangesPage beyond = page;
    beyond.next = 4; // a cursor behind its own changes would skip them next time
    QVERIFY(!parseChangesPage(encodeChangesPage(beyond)).ok());
    QVERIFY(!parseChangesPage(R"({"changes":[],"next":1e300,"more":false})"_ba).ok());
    QVERIFY(!parseChangesPage(R"({"changes":[],"next":"7","more":false})"_ba).ok());
    QVERIFY(!parseChangesPage(R"({"changes":[{"seq":1,"kind":"price","key":"x","body":3}],)"
                              R"("next":1,"more":false})"_ba)
                 .ok());
}

void TestProtocol::enrollment()
{
    const Enrollment sent{u"T-7"_s, QByteArray(secretBytes, 's'), u"Store 1"_s, "PEM"_ba};
    const Result<Enrollment> got = parseEnrollment(encodeEnrollment(sent));
    QVERIFY(got.ok());
    QCOMPARE(got->terminalId, sent.terminalId);
    QCOMPARE(got->secret, sent.secret);
    QCOMPARE(got->store, sent.store);
    QCOMPARE(got->couponKeysPem, sent.couponKeysPem);
    QByteArray shortSecret = encodeEnrollment(sent);
    shortSecret.replace(QByteArray(secretBytes, 's').toHex(), "7373");
    QVERIFY(!parseEnrollment(shortSecret).ok());
    const QByteArray letters = QByteArray(secretBytes, char(0xab)).toHex();
    QByteArray upper = encodeEnrollment({u"T-7"_s, QByteArray(secretBytes, char(0xab)), {}, {}});
    QVERIFY(parseEnrollment(upper).ok());
    upper.replace(letters, letters.toUpper());
    QVERIFY(!parseEnrollment(upper).ok()); // one spelling only

    const Result<EnrollRequest> request =
        parseEnrollRequest(encodeEnrollRequest({u"ABCDE-FGHJK"_s, u"uuid"_s}));
    QVERIFY(request.ok());
    QCOMPARE(request->code, u"ABCDE-FGHJK"_s);
    QCOMPARE(request->ledgerTerminal, u"uuid"_s);
}

void TestProtocol::reservation()
{
    const Result<ReserveRequest> request =
        parseReserveRequest(encodeReserveRequest(18446744073709551615ull, u"T-1#9"_s));
    QVERIFY(request.ok());
    QCOMPARE(request->couponId, 18446744073709551615ull);
    QVERIFY(!parseReserveRequest(R"({"coupon_id":"018","sale_ref":""})"_ba).ok());
    QVERIFY(!parseReserveRequest(R"({"coupon_id":18,"sale_ref":""})"_ba).ok());
    for (Reservation r : {Reservation::Reserved, Reservation::AlreadyUsed, Reservation::Revoked}) {
        const Result<ReservationAnswer> answer = parseReservation(encodeReservation(r, u"why"_s));
        QVERIFY(answer.ok());
        QCOMPARE(answer->reservation, r);
        QCOMPARE(answer->detail, u"why"_s);
    }
}

void TestProtocol::errorBodies()
{
    QCOMPARE(describeErrorBody(encodeError(u"code_used"_s, u"The pairing code was used."_s)),
             u"The pairing code was used."_s);
    const QString html = describeErrorBody("<html>\n<body>Bad   Gateway</body></html>");
    QVERIFY2(html.contains(u"<html> <body>Bad Gateway"_s), qPrintable(html));
}

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
