#pragma once

#include "core/result.h"
#include "sync/protocol.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace smartpos::cloud {

// Where the chain's data lives: an SQLite file (`--db FILE`, the default) or a PostgreSQL database
// (`--db postgresql://user:password@host:port/name`), read and written through QtSql.
struct DatabaseUrl {
    enum class Kind { Sqlite, Postgres };
    Kind kind = Kind::Sqlite;
    QString path; // SQLite
    QString host, user, password, database;
    int port = 5432;

    static Result<DatabaseUrl> parse(const QString &text);
    QString display() const; // without the password
};

struct Terminal {
    QString id; // the cloud's name for the till ("T-<n>"), in every signed request
    QString store;
    QString ledgerTerminal; // the till ledger's terminal id: its events carry it
    QByteArray secret;
    qint64 headSeq = 0;
    QByteArray headMac;
    QString flag; // empty: in good standing; else why it is refused until an operator clears it
};

struct KindCount {
    QString terminal, kind;
    qint64 applied = 0;
};

struct ConflictRow {
    qint64 id = 0;
    QString kind; // "coupon_reused", "points_negative", "chain_broken"
    QString key;  // the coupon id, the member id, the terminal id
    QString detail;
    QString firstEventId, secondEventId; // the two events, when there are two
    QString firstReceipt, secondReceipt; // "<terminal id> #<seq> <created_at>"
    QDateTime at;
};

struct MemberMismatch {
    QString memberId;
    qint64 balance = 0, movements = 0; // stored balance, opening + Σ movements
};

struct Stats {
    QList<KindCount> applied; // per terminal and kind
    qint64 duplicates = 0;    // events refused as already applied
    qint64 conflicts = 0;
    QList<Terminal> flagged;
    QList<MemberMismatch> mismatches;
    QList<QString> negativeMembers; // members whose balance went below zero
};

// The cloud's storage: one schema, numbered migrations for SQLite and PostgreSQL alike
// (sync/server/migrations/), run under a lock so several smartpos-cloud processes can start on
// one PostgreSQL database at once. Each instance owns one QtSql connection: one per thread.
// Every write is one transaction; an event is applied under its event id's UNIQUE constraint, so
// a retry, a duplicate and a race between two processes all end in exactly one effect.
class CloudStore {
    Q_DECLARE_TR_FUNCTIONS(smartpos::cloud::CloudStore)

public:
    CloudStore();
    ~CloudStore();
    CloudStore(const CloudStore &) = delete;
    CloudStore &operator=(const CloudStore &) = delete;

    // Opens (creating an SQLite file 0600) and migrates.
    Status open(const DatabaseUrl &url);
    void close();
    int schemaVersion() const;

    // --- stores and terminals ---
    // A one-time pairing code for a new terminal of `store` (created when new), valid until
    // `expiresAt`. Only its SHA-256 is stored.
    Result<QString> createPairingCode(const QString &store, const QDateTime &expiresAt,
                                      const QDateTime &nowUtc);
    // Spends a pairing code on a new terminal: NotFound for an unknown code, Conflict for a used
    // one or a ledger terminal id already enrolled, InvalidInput for an expired one.
    Result<Terminal> enroll(const sync::EnrollRequest &request, const QDateTime &nowUtc);
    Result<std::optional<Terminal>> terminal(const QString &id);
    // Remembers a request's nonce; false (and nothing stored) when the terminal used it before.
    // Nonces older than twice the allowed skew are forgotten.
    Result<bool> rememberNonce(const QString &terminalId, const QByteArray &nonce,
                               const QDateTime &nowUtc);
    // Lets a flagged terminal push again (after an operator looked at why).
    Status clearFlag(const QString &terminalId);

    // --- push ---
    // Applies the events in seq order, each in its own transaction keyed by its event id, checking
    // the terminal's chain: an event must continue the stored head (prev_mac = head mac) or be
    // one stored before with the same seal. A broken chain (a rewritten or cut-back ledger, or a
    // reported head behind the stored one) flags the terminal, and that event and all after it
    // are Rejected. Conflicts (a coupon written off twice, points spent below zero) are applied
    // and listed.
    Result<QList<sync::EventResult>> push(const Terminal &terminal, const sync::PushRequest &push,
                                          const QDateTime &nowUtc);

    // --- pull ---
    // Records one change for every till (body empty and `deleted`: a tombstone) and returns its
    // cursor position; changes of one call to recordChanges share a transaction.
    Result<qint64> recordChanges(const QList<sync::Change> &changes);
    // Changes after `cursor`, oldest first, at most `limit`; `next` is the last one's seq (or the
    // cursor when there are none).
    Result<sync::ChangesPage> changesSince(qint64 cursor, int limit);

    // --- coupons ---
    // The online check: Reserved (now held for this terminal's sale; the same terminal asking
    // again gets Reserved), AlreadyUsed (written off or reserved by another terminal), Revoked.
    Result<sync::ReservationAnswer> reserveCoupon(const QString &terminalId,
                                                  const sync::ReserveRequest &request,
                                                  const QDateTime &nowUtc);
    // Revokes a coupon: reservations are refused and a "revocation" change reaches every till.
    Status revokeCoupon(quint64 couponId, const QString &reason, const QDateTime &nowUtc);

    // --- the chain's view ---
    Result<Stats> stats();
    Result<QList<ConflictRow>> conflicts();
    // Members known to the cloud (from imports and sign-ups): opening balance plus movements.
    Status addMember(const QString &memberId, const QString &phone, qint64 openingPoints,
                     const QDateTime &nowUtc);
    Result<qint64> memberBalance(const QString &memberId);
    // The number of events applied for a kind (tests and benchmarks).
    Result<qint64> eventCount(const QString &kind = {});

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace smartpos::cloud
