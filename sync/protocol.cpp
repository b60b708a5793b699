#include "protocol.h"

#include "envelope.h"
#include "ledger/canonicaljson.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

#include <openssl/crypto.h>

#include <cmath>

namespace smartpos::sync {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("smartpos::sync", text);
}

Error malformed(const QString &what)
{
    return Error{ErrorCode::Network,
                 tr("The answer is not a valid SmartPOS message (%1).").arg(what)};
}

// The top-level object of a message, or why not.
Result<QJsonObject> objectOf(QByteArrayView json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return malformed(parseError.errorString());
    if (!document.isObject())
        return malformed(QStringLiteral("not an object"));
    return document.object();
}

bool isWholeNumber(const QJsonValue &value)
{
    // JSON numbers reach us as doubles: only integers that a double holds exactly are accepted.
    if (!value.isDouble())
        return false;
    const double number = value.toDouble();
    return std::abs(number) <= 9007199254740992.0 && number == std::trunc(number);
}

// Reads typed fields; the first missing or mistyped one makes the message invalid.
class Fields {
public:
    explicit Fields(QJsonObject object)
        : m_object(std::move(object))
    {
    }
    QString text(const char *name)
    {
        const QJsonValue value = m_object.value(QLatin1StringView(name));
        if (!value.isString())
            return failed(name), QString();
        return value.toString();
    }
    qint64 integer(const char *name)
    {
        const QJsonValue value = m_object.value(QLatin1StringView(name));
        if (!isWholeNumber(value))
            return failed(name), 0;
        return qint64(value.toDouble());
    }
    bool flag(const char *name)
    {
        const QJsonValue value = m_object.value(QLatin1StringView(name));
        if (!value.isBool())
            return failed(name), false;
        return value.toBool();
    }
    QJsonArray array(const char *name)
    {
        const QJsonValue value = m_object.value(QLatin1StringView(name));
        if (!value.isArray())
            return failed(name), QJsonArray();
        return value.toArray();
    }
    QByteArray hex(const char *name, qsizetype bytes)
    {
        const QString value = text(name);
        const QByteArray decoded = QByteArray::fromHex(value.toLatin1());
        if (decoded.size() != bytes || decoded.toHex() != value.toLatin1())
            return failed(name), QByteArray();
        return decoded;
    }
    bool ok() const { return m_bad.isEmpty(); }
    Error error() const { return malformed(QStringLiteral("field “%1”").arg(m_bad)); }

private:
    void failed(const char *name)
    {
        if (m_bad.isEmpty())
            m_bad = QString::fromLatin1(name);
    }
    QJsonObject m_object;
    QString m_bad;
};

// The raw bytes of JSON values inside a document QJsonDocument has already accepted: the span of
// each element of an array and of one member of an object, found by skipping strings and
// brackets. Lets the cloud keep an event's body exactly as the till sealed it.
class RawJson {
public:
    explicit RawJson(QByteArrayView json)
        : m_in(json)
    {
    }
    // The value of `key` in the object starting at the first '{'.
    std::optional<QByteArrayView> member(QByteArrayView key) const
    {
        qsizetype pos = skipSpace(m_in.indexOf('{') + 1);
        while (pos < m_in.size() && m_in[pos] == '"') {
            const qsizetype keyEnd = endOfValue(pos);
            const QByteArrayView name = m_in.sliced(pos + 1, keyEnd - pos - 2);
            const qsizetype valueStart = skipSpace(skipSpace(keyEnd) + 1); // past ':'
            const qsizetype valueEnd = endOfValue(valueStart);
            if (name == key)
                return m_in.sliced(valueStart, valueEnd - valueStart);
            pos = skipSpace(skipSpace(valueEnd) + 1); // past ','
        }
        return std::nullopt;
    }
    // The elements of the array that is this whole value.
    QList<QByteArrayView> elements() const
    {
        QList<QByteArrayView> out;
        qsizetype pos = skipSpace(m_in.indexOf('[') + 1);
        while (pos < m_in.size() && m_in[pos] != ']') {
            const qsizetype end = endOfValue(pos);
            out.append(m_in.sliced(pos, end - pos));
            pos = skipSpace(skipSpace(end) + 1);
        }
        return out;
    }

private:
    qsizetype skipSpace(qsizetype pos) const
    {
        while (pos < m_in.size() && QByteArrayView(" \t\r\n").contains(m_in[pos]))
            ++pos;
        return pos;
    }
    qsizetype endOfValue(qsizetype pos) const
    {
        int depth = 0;
        bool inString = false;
        for (; pos < m_in.size(); ++pos) {
            const char c = m_in[pos];
            if (inString) {
                if (c == '\\')
                    ++pos;
                else if (c == '"') {
                    inString = false;
                    if (depth == 0)
                        return pos + 1;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (depth == 0)
                    return pos; // the end of a scalar at the end of its container
                if (--depth == 0)
                    return pos + 1;
            } else if (depth == 0
                       && (c == ',' || c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
                return pos;
            }
        }
        return pos;
    }
    QByteArrayView m_in;
};

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray hexSha256(QByteArrayView bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

} // namespace

QByteArray canonicalRequest(QByteArrayView method, QByteArrayView pathAndQuery,
                            QByteArrayView timestamp, QByteArrayView nonce, QByteArrayView terminal,
                            QByteArrayView body)
{
    QByteArray out;
    out.reserve(method.size() + pathAndQuery.size() + 200);
    for (QByteArrayView part : {method, pathAndQuery, timestamp, nonce, terminal})
        out.append(part).append('\n');
    return out.append(hexSha256(body));
}

RequestSignature signRequest(const QByteArray &secret, const QString &terminalId,
                             QByteArrayView method, QByteArrayView pathAndQuery,
                             QByteArrayView body, const QDateTime &nowUtc)
{
    quint32 random[4];
    QRandomGenerator::system()->fillRange(random);
    RequestSignature signature;
    signature.terminal = terminalId.toUtf8();
    signature.timestamp = QByteArray::number(nowUtc.toSecsSinceEpoch());
    signature.nonce = QByteArray(reinterpret_cast<const char *>(random), sizeof random).toHex();
    signature.signature = QMessageAuthenticationCode::hash(
                              canonicalRequest(method, pathAndQuery, signature.timestamp,
                                               signature.nonce, signature.terminal, body),
                              secret, QCryptographicHash::Sha256)
                              .toHex();
    return signature;
}

bool signatureMatches(const QByteArray &secret, QByteArrayView method, QByteArrayView pathAndQuery,
                      const RequestSignature &signature, QByteArrayView body)
{
    const QByteArray expected = QMessageAuthenticationCode::hash(
                                    canonicalRequest(method, pathAndQuery, signature.timestamp,
                                                     signature.nonce, signature.terminal, body),
                                    secret, QCryptographicHash::Sha256)
                                    .toHex();
    return signature.signature.size() == expected.size()
           && CRYPTO_memcmp(signature.signature.constData(), expected.constData(),
                            size_t(expected.size()))
                  == 0;
}

QByteArray encodeEnrollRequest(const EnrollRequest &request)
{
    return toJson({{QStringLiteral("code"), request.code},
                   {QStringLiteral("ledger_terminal"), request.ledgerTerminal}});
}

Result<EnrollRequest> parseEnrollRequest(QByteArrayView json)
{
    const Result<QJsonObject> object = objectOf(json);
    if (!object)
        return object.error();
    Fields fields(*object);
    EnrollRequest request{fields.text("code"), fields.text("ledger_terminal")};
    if (!fields.ok())
        return fields.error();
    return request;
}

QByteArray encodeEnrollment(const Enrollment &enrollment)
{
    return toJson({{QStringLiteral("terminal_id"), enrollment.terminalId},
                   {QStringLiteral("secret"), QString::fromLatin1(enrollment.secret.toHex())},
                   {QStringLiteral("store"), enrollment.store},
                   {QStringLiteral("coupon_keys"), QString::fromUtf8(enrollment.couponKeysPem)}});
}

Result<Enrollment> parseEnrollment(QByteArrayView json)
{
    const Result<QJsonObject> object = objectOf(json);
    if (!object)
        return object.error();
    Fields fields(*object);
    Enrollment enrollment{fields.text("terminal_id"), fields.hex("secret", secretBytes),
                          fields.text("store"), fields.text("coupon_keys").toUtf8()};
    if (!fields.ok())
        return fields.error();
    if (enrollment.terminalId.isEmpty())
        return malformed(QStringLiteral("empty terminal id"));
    return enrollment;
}

QByteArray encodePush(const QList<OutboxEvent> &events, const JournalHead &head)
{
    QByteArray out = encodeBatch(events);
    out.chop(1); // the batch's closing brace: the head follows
    return out.append(",\"head\":{\"mac\":\"")
        .append(head.mac.toHex())
        .append("\",\"seq\":")
        .append(QByteArray::number(head.seq))
        .append("}}");
}

Result<PushRequest> parsePush(QByteArrayView json)
{
    const Result<QJsonObject> object = objectOf(json);
    if (!object)
        return object.error();
    Fields top(*object);
    const QJsonArray events = top.array("events");
    const QJsonObject head = object->value(QStringLiteral("head")).toObject();
    Fields headFields(head);
    PushRequest request;
    request.head = {headFields.integer("seq"), headFields.hex("mac", 32)};
    if (!top.ok())
        return top.error();
    if (!headFields.ok())
        return headFields.error();
    const std::optional<QByteArrayView> rawEvents = RawJson(json).member("events");
    const QList<QByteArrayView> rawElements =
        rawEvents ? RawJson(*rawEvents).elements() : QList<QByteArrayView>();
    if (rawElements.size() != events.size())
        return malformed(QStringLiteral("events"));
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (!events[i].isObject())
            return malformed(QStringLiteral("event %1").arg(i));
        Fields fields(events[i].toObject());
        PushedEvent event;
        event.eventId = fields.text("event_id");
        event.kind = fields.text("kind");
        event.terminal = fields.text("terminal");
        event.createdAt = fields.text("created_at");
        event.version = int(fields.integer("v"));
        event.seq = fields.integer("seq");
        event.mac = fields.hex("mac", 32);
        event.prevMac = fields.hex("prev_mac", 32);
        const std::optional<QByteArrayView> body = RawJson(rawElements[i]).member("body");
        if (!fields.ok())
            return fields.error();
        if (!body || !events[i].toObject().value(QStringLiteral("body")).isObject())
            return malformed(QStringLiteral("body of event %1").arg(i));
        event.body = body->toByteArray();
        request.events.append(std::move(event));
    }
    return request;
}

QString outcomeName(EventOutcome outcome)
{
    switch (outcome) {
    case EventOutcome::Applied:
        return QStringLiteral("applied");
    case EventOutcome::Duplicate:
        return QStringLiteral("duplicate");
    case EventOutcome::Conflict:
        return QStringLiteral("conflict");
    case EventOutcome::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

std::optional<EventOutcome> outcomeFromName(QStringView name)
{
    for (EventOutcome outcome : {EventOutcome::Applied, EventOutcome::Duplicate,
                                 EventOutcome::Conflict, EventOutcome::Rejected})
        if (outcomeName(outcome) == name)
            return outcome;
    return std::nullopt;
}

QByteArray encodePushResults(const QList<EventResult> &results)
{
    QJsonArray array;
    for (const EventResult &result : results)
        array.append(QJsonObject{{QStringLiteral("event_id"), result.eventId},
                                 {QStringLiteral("outcome"), outcomeName(result.outcome)},
                                 {QStringLiteral("detail"), result.detail}});
    return toJson({{QStringLiteral("results"), array}});
}

Result<QList<EventResult>> parsePushResults(QByteArrayView json)
{
    const Result<QJsonObject> object = objectOf(json);
    if (!object)
        return object.error();
    Fields top(*object);
    const QJsonArray array = top.array("results");
    if (!top.ok())
        return top.error();
    QList<EventResult> results;
    for (const QJsonValue &value : array) {
        if (!value.isObject())
            return malformed(QStringLiteral("results"));
        Fields fields(value.toObject());
        EventResult result;
        result.eventId = fields.text("event_id");
        const QString outcome = fields.text("outcome");
        result.detail = fields.text("detail");
        if (!fields.ok())
            return fields.error();
        const std::optional<EventOutcome> known = outcomeFromName(outcome);
        if (!known)
            return malformed(QStringLiteral("outcome “%1”").arg(outcome));
        result.outcome = *known;
        results.append(result);
    }
    return results;
}

QByteArray encodeChangesPage(const ChangesPage &page)
{
    QJsonArray changes;
    for (const Change &change : page.changes)
        changes.append(QJsonObject{
            {QStringLiteral("seq"), change.seq},
            {QStringLiteral("kind"), change.kind},
            {QStringLiteral("key"), change.key},
            {QStringLiteral("body"), change.deleted ? QJsonValue() : QJsonValue(change.body)}});
    return toJson({{QStringLiteral("changes"), changes},
                   {QStringLiteral("next"), page.next},
                   {QStringLiteral("more"), page.more}});
}

Result<ChangesPage> parseChangesPage(QByteArrayView json)
{
    const Result<QJsonObject> object = objectOf(json);
    if (!object)
        return object.error();
    Fields top(*object);
    ChangesPage page;
    const QJsonArray changes = top.array("changes");
    page.next = top.integer("next");
    page.more = top.flag("more");
    if (!top.ok())
        return top.error();
    qint64 previous = 0;
    for (const QJsonValue &value : changes) {
        if (!value.isObject())
            return malformed(QStringLiteral("changes"));
        const QJsonObject object = value.toObject();
        Fields fields(object);
        Change change;
        change.seq = fields.integer("seq");
        change.kind = fields.text("kind");
        change.key = fields.text("key");
        if (!fields.ok())
            return fields.error();
        const QJsonValue body = object.value(QStringLiteral("body"));
        if (body.isNull())
            change.deleted = true;
        else if (body.isObject())
            change.body = body.toObject();
        else
            return malformed(QStringLiteral("body of change %1").arg(change.seq));
        // Changes come in cursor order and never past the cursor the page hands out.
        if (change.seq <= previous || change.seq > page.next)
            return malformed(QStringLiteral("change %1 out of order").arg(change.seq));
        previous = change.seq;
        page.changes.append(std::move(change));
    }
    return page;
}

QByteArray encodeReserveRequest(quint64 couponId, const QString &saleRef)
{
    return toJson({{QStringLiteral("coupon_id"), QString::number(couponId)},
                   {QStringLiteral("sale_ref"), saleRef}});
}

Result<ReserveRequest> parseReserveRequest(QByteArrayView json)
{
    const Result<QJsonObject> object = objectOf(json);
    if (!object)
        return object.error();
    Fields fields(*object);
    const QString id = fields.text("coupon_id");
    ReserveRequest request;
    request.saleRef = fields.text("sale_ref");
    if (!fields.ok())
        return fields.error();
    bool ok = false;
    request.couponId = id.toULongLong(&ok);
    if (!ok || QString::number(request.couponId) != id)
        return malformed(QStringLiteral("coupon_id"));
    return request;
}

namespace {
constexpr std::pair<Reservation, const char *> reservationNames[] = {
    {Reservation::Reserved, "reserved"},
    {Reservation::AlreadyUsed, "used"},
    {Reservation::Revoked, "revoked"},
};
} // namespace

QByteArray encodeReservation(Reservation reservation, const QString &detail)
{
    QString name;
    for (const auto &[value, text] : reservationNames)
        if (value == reservation)
            name = QString::fromLatin1(text);
    return toJson({{QStringLiteral("status"), name}, {QStringLiteral("detail"), detail}});
}

Result<ReservationAnswer> parseReservation(QByteArrayView json)
{
    const Result<QJsonObject> object = objectOf(json);
    if (!object)
        return object.error();
    Fields fields(*object);
    const QString status = fields.text("status");
    ReservationAnswer answer;
    answer.detail = fields.text("detail");
    if (!fields.ok())
        return fields.error();
    for (const auto &[value, text] : reservationNames)
        if (status == QLatin1StringView(text)) {
            answer.reservation = value;
            return answer;
        }
    return malformed(QStringLiteral("status “%1”").arg(status));
}

QByteArray encodeError(const QString &code, const QString &message)
{
    return toJson({{QStringLiteral("error"), code}, {QStringLiteral("message"), message}});
}

QString describeErrorBody(QByteArrayView body)
{
    const Result<QJsonObject> object = objectOf(body);
    if (object) {
        const QString message = object->value(QStringLiteral("message")).toString();
        if (!message.isEmpty())
            return message;
    }
    // Not ours (a proxy's HTML page, a truncated answer): say what it starts with, briefly.
    return tr("an unexpected answer: “%1”")
        .arg(QString::fromUtf8(body.first(qMin<qsizetype>(body.size(), 60))).simplified());
}

} // namespace smartpos::sync
