#pragma once

// The sync protocol between a till and smartpos-cloud (docs/sync-protocol.md): its paths, the
// request signature both sides compute, and the strict readers of every message. Readers refuse
// anything that is not exactly the documented shape, so garbage from the network (truncated
// JSON, wrong types, HTML from a proxy) is an error and never half a message.

#include "core/result.h"
#include "ledger/outbox.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace smartpos::sync {

// Paths (POST unless said otherwise). Enrol is the only unsigned request.
inline constexpr QLatin1StringView enrollPath{"/v1/enroll"};
inline constexpr QLatin1StringView pushPath{"/v1/push"};
inline constexpr QLatin1StringView changesPath{"/v1/changes"}; // GET ?since=N&limit=M
inline constexpr QLatin1StringView reservePath{"/v1/coupons/reserve"};

// Signed request headers.
inline constexpr QByteArrayView terminalHeader{"X-SmartPOS-Terminal"};
inline constexpr QByteArrayView timestampHeader{"X-SmartPOS-Timestamp"}; // Unix seconds
inline constexpr QByteArrayView nonceHeader{"X-SmartPOS-Nonce"};         // 32 hex digits
inline constexpr QByteArrayView signatureHeader{"X-SmartPOS-Signature"}; // 64 hex digits

// A request is refused when its timestamp is further than this from the cloud's clock; the cloud
// remembers nonces at least twice as long, so a captured request cannot be replayed.
inline constexpr qint64 allowedSkewSeconds = 300;
inline constexpr qsizetype secretBytes = 32;
// Events per push, and the largest request body the cloud reads.
inline constexpr int pushBatchSize = 500;
inline constexpr qsizetype maxBodyBytes = 8 * 1024 * 1024;

struct RequestSignature {
    QByteArray terminal, timestamp, nonce, signature;
};

// The bytes the HMAC covers: method, path with query, timestamp, nonce, terminal id and the
// SHA-256 of the body, each on its own line.
QByteArray canonicalRequest(QByteArrayView method, QByteArrayView pathAndQuery,
                            QByteArrayView timestamp, QByteArrayView nonce, QByteArrayView terminal,
                            QByteArrayView body);
// Signs a request made now with a fresh random nonce.
RequestSignature signRequest(const QByteArray &secret, const QString &terminalId,
                             QByteArrayView method, QByteArrayView pathAndQuery,
                             QByteArrayView body, const QDateTime &nowUtc);
// Constant-time check of a signature (hex) against the canonical request.
bool signatureMatches(const QByteArray &secret, QByteArrayView method, QByteArrayView pathAndQuery,
                      const RequestSignature &signature, QByteArrayView body);

// --- enrolment ----------------------------------------------------------------------------------
struct EnrollRequest {
    QString code;           // the one-time pairing code, as the operator typed it
    QString ledgerTerminal; // the till ledger's terminal id (a UUID): its events carry it
};
struct Enrollment {
    QString terminalId; // the cloud's name for this till, in every signed request
    QByteArray secret;  // secretBytes
    QString store;
    QByteArray couponKeysPem; // the chain's coupon public keys (PEM), newest first; may be empty
};
QByteArray encodeEnrollRequest(const EnrollRequest &request);
Result<EnrollRequest> parseEnrollRequest(QByteArrayView json);
QByteArray encodeEnrollment(const Enrollment &enrollment);
Result<Enrollment> parseEnrollment(QByteArrayView json);

// --- push ---------------------------------------------------------------------------------------
// The till's journal head when it pushed: the cloud keeps it, so a ledger rewritten or cut back
// after a push is noticed.
struct JournalHead {
    qint64 seq = 0;
    QByteArray mac; // 32 bytes
};
QByteArray encodePush(const QList<OutboxEvent> &events, const JournalHead &head);

// One event as the cloud reads it: `body` is the exact bytes the till sent (its canonical
// journal payload), so the kind's own decoder checks it as strictly as the till's verify does.
struct PushedEvent {
    QString eventId, kind, terminal, createdAt;
    int version = 0;
    qint64 seq = 0;
    QByteArray body, mac, prevMac;
};
struct PushRequest {
    QList<PushedEvent> events;
    JournalHead head;
};
Result<PushRequest> parsePush(QByteArrayView json);

enum class EventOutcome {
    Applied,   // new: stored and projected
    Duplicate, // stored before (same id, same bytes): nothing changed
    Conflict,  // stored, and it contradicts another event (listed in the cloud's conflicts)
    Rejected,  // not stored: the till should stop and an operator look (detail says why)
};
QString outcomeName(EventOutcome outcome);
std::optional<EventOutcome> outcomeFromName(QStringView name);

struct EventResult {
    QString eventId;
    EventOutcome outcome = EventOutcome::Applied;
    QString detail; // conflicts and rejections
};
QByteArray encodePushResults(const QList<EventResult> &results);
Result<QList<EventResult>> parsePushResults(QByteArrayView json);

// --- pull ---------------------------------------------------------------------------------------
// One change of what the chain tells its tills: a product, a price, promotions, a member and
// balance, a coupon revocation, a coupon pool, a setting. `body` null = deleted (a tombstone).
struct Change {
    qint64 seq = 0;
    QString kind, key;
    QJsonObject body;
    bool deleted = false;
};
struct ChangesPage {
    QList<Change> changes;
    qint64 next = 0; // the cursor to ask with next time (stored with the applied changes)
    bool more = false;
};
QByteArray encodeChangesPage(const ChangesPage &page);
Result<ChangesPage> parseChangesPage(QByteArrayView json);

// --- online coupon check ------------------------------------------------------------------------
enum class Reservation { Reserved, AlreadyUsed, Revoked };
QByteArray encodeReserveRequest(quint64 couponId, const QString &saleRef);
struct ReserveRequest {
    quint64 couponId = 0;
    QString saleRef;
};
Result<ReserveRequest> parseReserveRequest(QByteArrayView json);
QByteArray encodeReservation(Reservation reservation, const QString &detail);
struct ReservationAnswer {
    Reservation reservation = Reservation::Reserved;
    QString detail;
};
Result<ReservationAnswer> parseReservation(QByteArrayView json);

// Errors: every refusal is {"error":"<code>","message":"…"} with an HTTP status.
QByteArray encodeError(const QString &code, const QString &message);
// The message of an error body, or a short description of a body that is not one.
QString describeErrorBody(QByteArrayView body);

} // namespace smartpos::sync
