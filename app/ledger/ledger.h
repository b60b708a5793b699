#pragma once

#include "core/result.h"
#include "core/sale.h"
#include "database.h"
#include "keyfolder.h"
#include "receiptcode.h"
#include "sqlite.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <memory>
#include <optional>

namespace smartpos {

struct JournalKind;

// A member signed up at this till: the customer gave their phone and ticked consent to the
// terms, whose exact words are kept (the entry's time is when they agreed).
struct MemberJoin {
    QString memberId; // made at the till: the chain keeps it, or maps it to the member it knows
    QString phone;    // canonicalPhone
    QString consentText;
};

struct VerifyResult {
    bool ok = false;
    qint64 entries = 0;
    qint64 firstBadSeq = 0; // when !ok; 0 when the file itself is at fault
    QString reason;
};

// What happened at this terminal (ledger.db): a journal of typed entries — sales, no-sales, and
// the kinds later work adds — each with its per-terminal sequence number, kind, payload version,
// time, canonical payload (the record itself) and an HMAC-SHA256 chain under the terminal key.
// The rows each entry records, its outbox event and its print job are written in the entry's one
// transaction, durable (WAL + synchronous=FULL) before a commit returns. One writer per data
// folder: the terminal's own process.
class Ledger {
    Q_DECLARE_TR_FUNCTIONS(smartpos::Ledger)

public:
    static QString fileName() { return QStringLiteral("ledger.db"); }
    // The schema this SmartPOS writes (the number of its migrations).
    static int schemaVersion();

    Ledger();
    ~Ledger();

    // Opens (creating, migrating) the ledger and checks it against its key and anchor: refuses a
    // ledger that is older or emptier than its anchor, one whose chain is not under this key,
    // and one that cannot be written.
    Status open(const QString &dataDir, const QString &keyDir);
    // For verify and reports: writes nothing anywhere (works on read-only files and folders).
    Status openReadOnly(const QString &dataDir, const QString &keyDir);
    bool isOpen() const { return m_db.isOpen(); }
    // Finalizes its statements, then closes the file (the destructor does the same). Close the
    // ledger this way, never its database() alone: SQLite keeps a connection with live
    // statements open.
    void close();
    const QString &terminalId() const { return m_terminalId; }
    KeyFolder::Head head() const { return m_head; }

    Result<qint64> commitSale(const Sale &sale);
    // The cashier opened the drawer without a sale.
    Result<qint64> commitNoSale(const QDateTime &atUtc);
    // A member signed up at the till; Conflict when the phone or id signed up here before.
    Result<qint64> commitMemberJoin(const MemberJoin &join, const QDateTime &atUtc);

    // What the sales recorded here say about members and coupons (open ledger, also read-only).
    // Each is an Error when the file cannot be read, so a failing file never passes for "not
    // used".
    // The largest member-code step a sale accepted for this member; nothing when none did.
    Result<std::optional<qint64>> lastMemberCodeStep(const QString &memberId);
    // Whether a sale wrote off (redeemed) or handed out this coupon.
    Result<bool> couponRedeemed(quint64 couponId);
    Result<bool> couponHandedOut(quint64 couponId);
    // The points this member redeemed in sales at or after `sinceUtc` (invalid: ever).
    Result<qint64> pointsRedeemedSince(const QString &memberId, const QDateTime &sinceUtc);
    // The member who signed up here with this phone (canonical), and when.
    struct JoinedMember {
        QString memberId;
        QDateTime joinedAt;
        QString consentText;
    };
    Result<std::optional<JoinedMember>> joinedMember(const QString &phone);

    // Every entry against its key, chain, payload and rows (every column), the outbox and the
    // print queue, the anchor (unless skipped: to accept a restored backup), and the file itself
    // (quick_check; integrity_check when full).
    enum class AnchorCheck { Check, Skip };
    VerifyResult verify(bool full = false, AnchorCheck anchorCheck = AnchorCheck::Check);
    std::optional<Sale> loadSale(qint64 seq);

    // The codes printed in this terminal's receipts (open ledger only).
    ReceiptCodes receiptCodes() const { return ReceiptCodes(m_keys.key(), m_terminalId); }

    Database &database() { return m_db; }
    KeyFolder &keys() { return m_keys; }

private:
    Status openDatabase(const QString &dataDir, const QString &keyDir, Database::Mode mode);
    Status checkAgainstAnchor();
    // What to add to a refusal that a -wal from another copy of ledger.db can cause.
    QString walHint() const;
    Status loadHead();
    Status migrateFoundationJournal(Database &db);
    VerifyResult walkJournal(AnchorCheck anchorCheck);
    Result<qint64> commit(const JournalKind &kind, const QDateTime &atUtc,
                          const QByteArray &payload,
                          const std::function<int(qint64 seq)> &writeRows);
    QByteArray entryMac(QByteArrayView previous, qint64 seq, QByteArrayView kind, int version,
                        QByteArrayView createdAt, QByteArrayView payload);
    bool entryMacMatches(QByteArrayView previous, qint64 seq, QByteArrayView kind, int version,
                         QByteArrayView createdAt, QByteArrayView payload, QByteArrayView mac);

    Database m_db;
    KeyFolder m_keys;
    std::unique_ptr<EntryMac> m_mac;
    void setTerminalId(const QString &id);
    QString m_terminalId;
    QByteArray m_terminalUtf8; // in every MAC
    KeyFolder::Head m_head;
    bool m_openedWithWal = false; // a -wal lay beside ledger.db when it was opened
    Error notOpen() const;
    struct Statements;
    std::unique_ptr<Statements> m_sql; // only while open for writing
    struct Queries;
    std::unique_ptr<Queries> m_queries; // while open
    Statement m_load;
};

} // namespace smartpos
