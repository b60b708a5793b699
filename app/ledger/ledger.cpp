#include "ledger.h"

#include "salerecord.h"
#include "sqlite.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QUrl>
#include <QUuid>
#include <QVarLengthArray>

#include <sqlite3.h>

#include <charconv>
#include <cstring>
#include <future>
#include <limits>

namespace smartpos {

namespace {

constexpr qint64 noMoreRows = std::numeric_limits<qint64>::max();
const QByteArray genesisMac(32, '\0');

QByteArray isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs).toUtf8();
}

// Rows of one table read in seq order next to the journal (a merge join: one pass, no lookups).
struct Cursor {
    Cursor(sqlite3 *db, const char *sql)
        : rows(db, sql)
    {
        advance();
    }
    void advance()
    {
        valid = rows.isValid() && rows.next();
        seq = valid ? rows.integer(0) : noMoreRows;
        typed = !valid || rows.isInteger(0);
    }
    Statement rows;
    bool valid = false;
    bool typed = true;
    qint64 seq = noMoreRows;
};

struct EntryView {
    qint64 seq;
    qint64 version;
    QByteArrayView payload;
};

// Checks the rows one kind of entry records against its payload, and finds rows of that kind
// that no entry records. An empty string means all is well.
class KindRows {
public:
    virtual ~KindRows() = default;
    virtual QString check(const EntryView &entry, QByteArrayView terminalId) = 0;
    // The first row before `seq` that no entry of this kind claimed, or noMoreRows.
    virtual qint64 strayBefore(qint64 seq) = 0;
};

bool sameInteger(const Statement &row, int column, qint64 expected)
{
    return row.isInteger(column) && row.integer(column) == expected;
}

class SaleRows final : public KindRows {
public:
    explicit SaleRows(sqlite3 *db)
        : m_sales(db, "SELECT seq, total_fen, tax_fen FROM sales ORDER BY seq")
        , m_lines(db, "SELECT seq, line_no, sku, quantity, weighed, unit_price_fen, total_fen, "
                      "tax_rate_bp FROM sale_lines ORDER BY seq, line_no")
        , m_adjustments(db, "SELECT seq, adjustment_no, line_no, source, amount_fen FROM "
                            "sale_adjustments ORDER BY seq, adjustment_no")
        , m_tenders(db, "SELECT seq, tender_no, kind, amount_fen, received_fen, change_fen, "
                        "reference FROM tenders ORDER BY seq, tender_no")
        , m_members(db, "SELECT seq, member_id, code_step, points_earned, points_redeemed FROM "
                        "sale_members ORDER BY seq")
        , m_redeemed(db, "SELECT seq, coupon_no, coupon_id, campaign, key_id FROM "
                         "coupon_redemptions ORDER BY seq, coupon_no")
        , m_given(db, "SELECT seq, coupon_no, coupon_id, campaign, 0 FROM coupon_handouts "
                      "ORDER BY seq, coupon_no")
    {
    }

    QString check(const EntryView &entry, QByteArrayView terminalId) override
    {
        SaleRecord sale;
        if (!decodeSale(entry.payload, int(entry.version), &sale))
            return Ledger::tr("its payload is not a sale record of version %1").arg(entry.version);
        if (entry.version == 1 && sale.seq != entry.seq)
            return Ledger::tr("the entry was moved from position %1").arg(sale.seq);
        if (entry.version == 1 && !sale.terminal.equals(terminalId))
            return Ledger::tr("it names another terminal");
        const qint64 seq = entry.seq;
        if (m_sales.seq != seq || !m_sales.typed)
            return Ledger::tr("its sale row is missing");
        if (!sameInteger(m_sales.rows, 1, sale.total) || !sameInteger(m_sales.rows, 2, sale.tax))
            return Ledger::tr("its sale row was changed");
        m_sales.advance();
        qint64 sum = 0;
        bool overflow = false; // a payload can hold any 64-bit numbers: add them with care
        for (qsizetype i = 0; i < sale.lines.size(); ++i, m_lines.advance()) {
            const SaleRecord::Line &l = sale.lines[i];
            const Statement &row = m_lines.rows;
            if (m_lines.seq != seq || !m_lines.typed || !sameInteger(row, 1, i + 1))
                return Ledger::tr("line %1 is missing").arg(i + 1);
            if (!l.sku.equals(row.text(2)) || !sameInteger(row, 3, l.quantity)
                || !sameInteger(row, 4, l.unit.equals("g")) || !sameInteger(row, 5, l.price)
                || !sameInteger(row, 6, l.total) || !sameInteger(row, 7, l.taxBp))
                return Ledger::tr("line %1 was changed").arg(i + 1);
            overflow |= __builtin_add_overflow(sum, l.total, &sum);
        }
        if (m_lines.seq == seq)
            return Ledger::tr("it has a line it did not record");
        for (qsizetype i = 0; i < sale.adjustments.size(); ++i, m_adjustments.advance()) {
            const SaleRecord::Adjustment &a = sale.adjustments[i];
            const Statement &row = m_adjustments.rows;
            if (m_adjustments.seq != seq || !m_adjustments.typed || !sameInteger(row, 1, i + 1))
                return Ledger::tr("adjustment %1 is missing").arg(i + 1);
            if (!sameInteger(row, 2, a.line) || !a.source.equals(row.text(3))
                || !sameInteger(row, 4, a.amount))
                return Ledger::tr("adjustment %1 was changed").arg(i + 1);
            overflow |= __builtin_add_overflow(sum, a.amount, &sum);
        }
        if (m_adjustments.seq == seq)
            return Ledger::tr("it has an adjustment it did not record");
        qint64 paid = 0;
        for (qsizetype i = 0; i < sale.tenders.size(); ++i, m_tenders.advance()) {
            const SaleRecord::Tender &t = sale.tenders[i];
            const Statement &row = m_tenders.rows;
            if (m_tenders.seq != seq || !m_tenders.typed || !sameInteger(row, 1, i + 1))
                return Ledger::tr("tender %1 is missing").arg(i + 1);
            if (!t.kind.equals(row.text(2)) || !sameInteger(row, 3, t.amount)
                || !sameInteger(row, 4, t.received) || !sameInteger(row, 5, t.change)
                || !t.reference.equals(row.text(6)))
                return Ledger::tr("tender %1 was changed").arg(i + 1);
            overflow |= __builtin_add_overflow(paid, t.amount, &paid);
        }
        if (m_tenders.seq == seq)
            return Ledger::tr("it has a tender it did not record");
        if (const QString bad = checkMember(seq, sale.member); !bad.isEmpty())
            return bad;
        if (const QString bad = checkCoupons(seq, sale.coupons, false); !bad.isEmpty())
            return bad;
        if (const QString bad = checkCoupons(seq, sale.given, true); !bad.isEmpty())
            return bad;
        if (overflow || sum != sale.total || paid != sale.total)
            return Ledger::tr("its lines, adjustments and tenders do not add up to its total");
        return {};
    }

    qint64 strayBefore(qint64 seq) override
    {
        qint64 first = noMoreRows;
        for (const Cursor *c :
             {&m_sales, &m_lines, &m_adjustments, &m_tenders, &m_members, &m_redeemed, &m_given})
            if (c->seq < seq || !c->typed)
                first = qMin(first, c->typed ? c->seq : 0);
        return first;
    }

private:
    QString checkMember(qint64 seq, const std::optional<SaleRecord::Member> &member)
    {
        if (!member)
            return m_members.seq == seq ? Ledger::tr("it has a member it did not record")
                                        : QString();
        const Statement &row = m_members.rows;
        if (m_members.seq != seq || !m_members.typed)
            return Ledger::tr("its member row is missing");
        if (!member->id.equals(row.text(1)) || !sameInteger(row, 2, member->step)
            || !sameInteger(row, 3, member->earned) || !sameInteger(row, 4, member->redeemed))
            return Ledger::tr("its member row (points) was changed");
        m_members.advance();
        return {};
    }

    template <typename Coupons> QString checkCoupons(qint64 seq, const Coupons &coupons, bool given)
    {
        Cursor &cursor = given ? m_given : m_redeemed;
        for (qsizetype i = 0; i < coupons.size(); ++i, cursor.advance()) {
            const SaleRecord::Coupon &c = coupons[i];
            const Statement &row = cursor.rows;
            if (cursor.seq != seq || !cursor.typed || !sameInteger(row, 1, i + 1))
                return given ? Ledger::tr("handed-out coupon %1 is missing").arg(i + 1)
                             : Ledger::tr("written-off coupon %1 is missing").arg(i + 1);
            if (row.text(2) != QByteArray::number(c.id) || !sameInteger(row, 3, c.campaign)
                || !sameInteger(row, 4, c.keyId))
                return given ? Ledger::tr("handed-out coupon %1 was changed").arg(i + 1)
                             : Ledger::tr("written-off coupon %1 was changed").arg(i + 1);
        }
        if (cursor.seq == seq)
            return Ledger::tr("it has a coupon it did not record");
        return {};
    }

    Cursor m_sales, m_lines, m_adjustments, m_tenders, m_members, m_redeemed, m_given;
};

// A no-sale says nothing beyond its journal entry (time, kind, terminal); later versions may add
// the staff member and a reason.
const QByteArray noSalePayload = "{}";

class NoSaleRows final : public KindRows {
public:
    QString check(const EntryView &entry, QByteArrayView) override
    {
        if (entry.payload != noSalePayload)
            return Ledger::tr("its payload is not a no-sale record of version %1")
                .arg(entry.version);
        return {};
    }
    qint64 strayBefore(qint64) override { return noMoreRows; }
};

// A member signed up at the till: {"consent": text, "id": member id, "phone": phone}.
QByteArray encodeMemberJoin(const MemberJoin &join)
{
    QByteArray out;
    CanonicalWriter w(out);
    w.open('{');
    w.key("consent").value(join.consentText);
    w.key("id").value(join.memberId);
    w.key("phone").value(join.phone);
    w.close('}');
    return out;
}

struct MemberJoinRecord {
    CanonicalText consent, id, phone;
};

bool decodeMemberJoin(QByteArrayView payload, MemberJoinRecord *record)
{
    CanonicalReader r(payload);
    r.open('{');
    r.key("consent") && r.text(&record->consent);
    r.key("id") && r.text(&record->id);
    r.key("phone") && r.text(&record->phone);
    r.close('}');
    return r.atEnd();
}

class MemberJoinRows final : public KindRows {
public:
    explicit MemberJoinRows(sqlite3 *db)
        : m_joins(db, "SELECT seq, member_id, phone FROM member_joins ORDER BY seq")
    {
    }
    QString check(const EntryView &entry, QByteArrayView) override
    {
        MemberJoinRecord join;
        if (!decodeMemberJoin(entry.payload, &join))
            return Ledger::tr("its payload is not a member sign-up of version %1")
                .arg(entry.version);
        if (m_joins.seq != entry.seq || !m_joins.typed)
            return Ledger::tr("its member row is missing");
        if (!join.id.equals(m_joins.rows.text(1)) || !join.phone.equals(m_joins.rows.text(2)))
            return Ledger::tr("its member row was changed");
        m_joins.advance();
        return {};
    }
    qint64 strayBefore(qint64 seq) override
    {
        return m_joins.seq < seq || !m_joins.typed ? (m_joins.typed ? m_joins.seq : 0) : noMoreRows;
    }

private:
    Cursor m_joins;
};

} // namespace

// The registry of entry kinds: one line per kind, each with its payload versions, the print job
// its commit writes, and the check of its rows. Every entry also makes one outbox event.
struct JournalKind {
    QByteArrayView name;
    int version;
    int oldestVersion;
    QByteArrayView printJob; // empty: prints nothing
    std::unique_ptr<KindRows> (*rows)(sqlite3 *db);
};

namespace {

const JournalKind kinds[] = {
    {"sale", saleVersion, 1, "receipt",
     [](sqlite3 *db) -> std::unique_ptr<KindRows> { return std::make_unique<SaleRows>(db); }},
    {"no_sale", 1, 1, "no_sale",
     [](sqlite3 *) -> std::unique_ptr<KindRows> { return std::make_unique<NoSaleRows>(); }},
    {"member_join", 1, 1, "",
     [](sqlite3 *db) -> std::unique_ptr<KindRows> { return std::make_unique<MemberJoinRows>(db); }},
};

const JournalKind *findKind(QByteArrayView name)
{
    for (const JournalKind &kind : kinds)
        if (kind.name == name)
            return &kind;
    return nullptr;
}

// Every table that records history keeps these guards; verify refuses a ledger without them.
const char *const appendOnlyGuards[] = {
    "meta_no_update",
    "meta_no_delete",
    "journal_no_update",
    "journal_no_delete",
    "sales_no_update",
    "sales_no_delete",
    "sale_lines_no_update",
    "sale_lines_no_delete",
    "sale_adjustments_no_update",
    "sale_adjustments_no_delete",
    "tenders_no_update",
    "tenders_no_delete",
    "outbox_no_delete",
    "outbox_fixed",
    "print_jobs_no_delete",
    "print_jobs_fixed",
    "sale_members_no_update",
    "sale_members_no_delete",
    "coupon_redemptions_no_update",
    "coupon_redemptions_no_delete",
    "coupon_handouts_no_update",
    "coupon_handouts_no_delete",
    "member_joins_no_update",
    "member_joins_no_delete",
};

// The schema version of an existing file, read without changing it (not even a -wal or -shm
// file appears when none was there); -1 when unreadable.
int schemaVersionOf(const QString &path)
{
    const QByteArray name = QFileInfo::exists(path + QStringLiteral("-wal"))
                                ? QFile::encodeName(path)
                                : "file:" + QUrl::toPercentEncoding(path, "/") + "?immutable=1";
    sqlite3 *db = nullptr;
    int version = -1;
    if (sqlite3_open_v2(name.constData(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr)
        == SQLITE_OK) {
        Statement pragma(db, "PRAGMA user_version");
        if (pragma.next())
            version = int(pragma.integer(0));
    }
    sqlite3_close(db);
    return version;
}

} // namespace

struct Ledger::Statements {
    explicit Statements(sqlite3 *db)
        : begin(db, "BEGIN IMMEDIATE")
        , commit(db, "COMMIT")
        , rollback(db, "ROLLBACK")
        , journal(db,
                  "INSERT INTO journal (seq, kind, version, created_at, payload, prev_mac, mac) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?)")
        , outbox(db, "INSERT INTO outbox (seq) VALUES (?)")
        , printJob(db, "INSERT INTO print_jobs (seq, kind, created_at) VALUES (?, ?, ?)")
        , sale(db, "INSERT INTO sales (seq, total_fen, tax_fen) VALUES (?, ?, ?)")
        , line(db, "INSERT INTO sale_lines (seq, line_no, sku, quantity, weighed, unit_price_fen, "
                   "total_fen, tax_rate_bp) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        , adjustment(db, "INSERT INTO sale_adjustments (seq, adjustment_no, line_no, source, "
                         "amount_fen) VALUES (?, ?, ?, ?, ?)")
        , tender(db, "INSERT INTO tenders (seq, tender_no, kind, amount_fen, received_fen, "
                     "change_fen, reference) VALUES (?, ?, ?, ?, ?, ?, ?)")
        , member(db, "INSERT INTO sale_members (seq, member_id, code_step, points_earned, "
                     "points_redeemed) VALUES (?, ?, ?, ?, ?)")
        , redeemed(db, "INSERT INTO coupon_redemptions (seq, coupon_no, coupon_id, campaign, "
                       "key_id) VALUES (?, ?, ?, ?, ?)")
        , given(db, "INSERT INTO coupon_handouts (seq, coupon_no, coupon_id, campaign) VALUES "
                    "(?, ?, ?, ?)")
        , join(db, "INSERT INTO member_joins (seq, member_id, phone) VALUES (?, ?, ?)")
    {
    }
    bool allValid() const
    {
        for (const Statement *s : {&begin, &commit, &rollback, &journal, &outbox, &printJob, &sale,
                                   &line, &adjustment, &tender, &member, &redeemed, &given, &join})
            if (!s->isValid())
                return false;
        return true;
    }
    Statement begin, commit, rollback, journal, outbox, printJob, sale, line, adjustment, tender;
    Statement member, redeemed, given, join;
};

// What the till and the admin tool ask of the sales recorded (open for writing or read-only).
struct Ledger::Queries {
    explicit Queries(sqlite3 *db)
        : lastStep(db, "SELECT max(code_step) FROM sale_members WHERE member_id = ?")
        , isRedeemed(db, "SELECT count(*) FROM coupon_redemptions WHERE coupon_id = ?")
        , isGiven(db, "SELECT count(*) FROM coupon_handouts WHERE coupon_id = ?")
        , redeemedSince(db, "SELECT coalesce(sum(m.points_redeemed), 0) FROM sale_members m "
                            "JOIN journal j ON j.seq = m.seq WHERE m.member_id = ? AND "
                            "j.created_at >= ?")
        , joined(db, "SELECT j.member_id, e.created_at, e.payload FROM member_joins j JOIN "
                     "journal e ON e.seq = j.seq WHERE j.phone = ?")
    {
    }
    bool allValid() const
    {
        for (const Statement *s : {&lastStep, &isRedeemed, &isGiven, &redeemedSince, &joined})
            if (!s->isValid())
                return false;
        return true;
    }
    Statement lastStep, isRedeemed, isGiven, redeemedSince, joined;
};

Ledger::Ledger() = default;

Ledger::~Ledger()
{
    close();
}

void Ledger::close()
{
    m_load = Statement();
    m_queries.reset();
    m_sql.reset();
    m_db.close();
}

void Ledger::setTerminalId(const QString &id)
{
    m_terminalId = id;
    m_terminalUtf8 = id.toUtf8();
}

int Ledger::schemaVersion()
{
    static const int migrations = int(migrationsFromResources(QStringLiteral("ledger")).size());
    return migrations;
}

namespace {
// What the MAC covers besides the previous MAC and the payload: the terminal and the entry's own
// columns, one per line ("<terminal>\n<seq>\n<kind>\n<version>\n<created_at>\n").
QVarLengthArray<char, 160> entryHeader(QByteArrayView terminal, qint64 seq, QByteArrayView kind,
                                       int version, QByteArrayView createdAt)
{
    QVarLengthArray<char, 160> header;
    const auto append = [&header](QByteArrayView part) {
        header.append(part.data(), part.size());
        header.append('\n');
    };
    char number[24];
    append(terminal);
    append({number, std::to_chars(number, number + sizeof number, seq).ptr});
    append(kind);
    append({number, std::to_chars(number, number + sizeof number, version).ptr});
    append(createdAt);
    return header;
}
} // namespace

QByteArray Ledger::entryMac(QByteArrayView previous, qint64 seq, QByteArrayView kind, int version,
                            QByteArrayView createdAt, QByteArrayView payload)
{
    const auto header = entryHeader(m_terminalUtf8, seq, kind, version, createdAt);
    return m_mac->compute({previous, {header.data(), header.size()}, payload});
}

bool Ledger::entryMacMatches(QByteArrayView previous, qint64 seq, QByteArrayView kind, int version,
                             QByteArrayView createdAt, QByteArrayView payload, QByteArrayView mac)
{
    const auto header = entryHeader(m_terminalUtf8, seq, kind, version, createdAt);
    return m_mac->matches({previous, {header.data(), header.size()}, payload}, mac);
}

QString Ledger::walHint() const
{
    if (!m_openedWithWal)
        return {};
    return tr(" If %1 was restored or copied, the %1-wal beside it may belong to another copy: "
              "stop SmartPOS, move %1-wal and %1-shm to another folder (keep them) and start "
              "again.")
        .arg(m_db.path());
}

Status Ledger::openDatabase(const QString &dataDir, const QString &keyDir, Database::Mode mode)
{
    const bool readOnly = mode == Database::Mode::ReadOnly;
    const QString path = QDir(dataDir).filePath(fileName());
    if (Status opened = m_keys.open(keyDir, readOnly); !opened)
        return opened;
    const bool ledgerExists = QFileInfo(path).size() > 0;
    m_openedWithWal = QFileInfo(path + QStringLiteral("-wal")).size() > 0;
    const int version = ledgerExists ? schemaVersionOf(path) : 0;
    if (version > schemaVersion())
        return Database::tooNew(path, version, schemaVersion()); // whatever its key folder holds
    if (!m_keys.hasKey()) {
        if (readOnly)
            return Error{ErrorCode::NotFound,
                         tr("There is no terminal key in %1, so the journal cannot be checked. "
                            "Give the key folder with --key-dir.")
                             .arg(keyDir)};
        if (ledgerExists) {
            // Only a ledger from before keys existed (schema 1) may be adopted by a new key.
            if (version >= 2)
                return Error{ErrorCode::Damaged,
                             tr("The terminal key for %1 is missing from %2. Restore the key "
                                "folder from this terminal's backup; SmartPOS will not start "
                                "a ledger it cannot check.")
                                 .arg(path, keyDir)};
        }
        if (Status created = m_keys.createKey(); !created)
            return created;
    }
    m_mac = std::make_unique<EntryMac>(m_keys.key());
    if (!ledgerExists) {
        QString problem;
        const auto anchor = m_keys.readAnchor(&problem);
        if (!problem.isEmpty())
            return Error{ErrorCode::Damaged, problem};
        if (anchor && anchor->seq > 0)
            return Error{ErrorCode::Damaged,
                         tr("%1 is missing, but this terminal had recorded %2 journal entries "
                            "(its anchor in %3). Restore the ledger from a backup. To start over "
                            "without it, an operator runs: smartpos-admin ledger start-over "
                            "--reason TEXT (it is audited).")
                             .arg(path)
                             .arg(anchor->seq)
                             .arg(keyDir)};
        if (readOnly)
            return Error{ErrorCode::NotFound, tr("%1 does not exist.").arg(path)};
    }
    QList<Migration> migrations = migrationsFromResources(QStringLiteral("ledger"));
    migrations[1].after = [this](Database &db) { return migrateFoundationJournal(db); };
    // 8 KiB pages hold seven ~1 KB journal entries where 4 KiB pages hold three and waste a
    // fifth of the file.
    return m_db.open(path, migrations, mode, 8192);
}

Status Ledger::open(const QString &dataDir, const QString &keyDir)
{
    if (Status opened = openDatabase(dataDir, keyDir, Database::Mode::ReadWrite); !opened)
        return opened;
    auto failed = [this](const Error &error) {
        m_sql.reset();
        m_queries.reset();
        m_db.closeAsFound();
        return error;
    };
    QString message;
    // Without it, INSERT OR REPLACE deletes rows without firing the append-only triggers.
    if (!m_db.exec(QStringLiteral("PRAGMA recursive_triggers=ON"), &message))
        return failed({ErrorCode::Storage, message});
    if (sqlite3_db_readonly(m_db.handle(), "main") == 1)
        return failed(m_db.describe(SQLITE_READONLY));
    if (Status loaded = loadHead(); !loaded)
        return failed(loaded.error());
    // Checked before anything is written, so a refused ledger stays as it was found.
    if (Status anchored = checkAgainstAnchor(); !anchored)
        return failed(anchored.error());
    if (m_terminalId.isEmpty()) {
        setTerminalId(QUuid::createUuid().toString(QUuid::WithoutBraces));
        QSqlQuery insert =
            m_db.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES ('terminal_id', ?)"));
        insert.addBindValue(m_terminalId);
        if (!insert.exec())
            return failed(m_db.describe(insert.lastError().nativeErrorCode().toInt(),
                                        insert.lastError().databaseText()));
    }
    m_sql = std::make_unique<Statements>(m_db.handle());
    m_queries = std::make_unique<Queries>(m_db.handle());
    if (!m_sql->allValid() || !m_queries->allValid())
        return failed({ErrorCode::Damaged, tr("The tables of %1 are damaged (a statement cannot "
                                              "be prepared). Restore it from a backup.")
                                               .arg(m_db.path())});
    // Found now, not at Pay: a file or disk that takes no writes.
    if (!m_sql->begin.run() || !m_sql->rollback.run())
        return failed(m_db.describe(m_sql->begin.errorCode() ? m_sql->begin.errorCode()
                                                             : m_sql->rollback.errorCode()));
    return {};
}

Status Ledger::openReadOnly(const QString &dataDir, const QString &keyDir)
{
    if (Status opened = openDatabase(dataDir, keyDir, Database::Mode::ReadOnly); !opened)
        return opened;
    if (Status loaded = loadHead(); !loaded) {
        m_db.closeAsFound();
        return loaded;
    }
    // A ledger of an older schema (not migrated: read-only) has no member tables to ask.
    m_queries = std::make_unique<Queries>(m_db.handle());
    if (!m_queries->allValid())
        m_queries.reset();
    return {};
}

Status Ledger::loadHead()
{
    QSqlQuery q(m_db.connection());
    // A plain SQL error ("no such table") means the tables are not what they should be; a lock
    // or a disk error is said as such.
    const auto damaged = [&] {
        const int code = q.lastError().nativeErrorCode().toInt();
        if (code != SQLITE_OK && code != SQLITE_ERROR)
            return m_db.describe(code, q.lastError().databaseText());
        return Error{ErrorCode::Damaged,
                     tr("The tables of %1 are damaged (%2). Restore it from a backup.")
                         .arg(m_db.path(), q.lastError().databaseText())};
    };
    if (!q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'terminal_id'")))
        return damaged();
    setTerminalId(q.next() ? q.value(0).toString() : QString());
    if (!q.exec(QStringLiteral("SELECT seq, mac FROM journal ORDER BY seq DESC LIMIT 1")))
        return damaged();
    m_head = q.next() ? KeyFolder::Head{q.value(0).toLongLong(), q.value(1).toByteArray()}
                      : KeyFolder::Head{0, genesisMac};
    return {};
}

Status Ledger::checkAgainstAnchor()
{
    QString problem;
    const auto anchor = m_keys.readAnchor(&problem);
    if (!anchor)
        return Error{ErrorCode::Damaged,
                     problem.isEmpty()
                         ? tr("The anchor of this terminal is missing from %1. Restore the key "
                              "folder from this terminal's backup.")
                               .arg(m_keys.path())
                         : problem};
    if (anchor->seq > m_head.seq)
        return Error{ErrorCode::Damaged,
                     tr("%1 ends at entry %2, but this terminal had recorded %3 (its anchor): the "
                        "ledger was truncated or replaced by an older copy. Restore the newest "
                        "backup; SmartPOS will not sell on a ledger that lost entries. If this "
                        "is the newest there is, an operator accepts the loss with: "
                        "smartpos-admin ledger accept-restore --reason TEXT (it is audited).")
                             .arg(m_db.path())
                             .arg(m_head.seq)
                             .arg(anchor->seq)
                         + walHint()};
    if (anchor->seq > 0) {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("SELECT mac FROM journal WHERE seq = ?"));
        q.addBindValue(anchor->seq);
        if (!q.exec() || !q.next() || q.value(0).toByteArray() != anchor->mac)
            return Error{ErrorCode::Damaged,
                         tr("Entry %1 of %2 is not the one this terminal recorded (its anchor): "
                            "the journal was rewritten. Restore the newest backup.")
                                 .arg(anchor->seq)
                                 .arg(m_db.path())
                             + walHint()};
    }
    if (m_head.seq > 0) {
        // The head must be under this terminal's key; the whole chain is `ledger verify`'s job.
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral(
            "SELECT kind, version, created_at, payload, prev_mac FROM journal WHERE seq = ?"));
        q.addBindValue(m_head.seq);
        if (!q.exec() || !q.next()
            || entryMac(q.value(4).toByteArray(), m_head.seq, q.value(0).toByteArray(),
                        q.value(1).toInt(), q.value(2).toByteArray(), q.value(3).toByteArray())
                   != m_head.mac)
            return Error{ErrorCode::Damaged,
                         tr("The last entry of %1 was not sealed with this terminal's key (%2): "
                            "the ledger or the key folder belongs to another terminal, or the "
                            "journal was forged.")
                                 .arg(m_db.path(), m_keys.path())
                             + walHint()};
    }
    if (anchor->seq < m_head.seq) // lagging after a power cut: catch up
        return m_keys.writeAnchor(m_head);
    return {};
}

Status Ledger::migrateFoundationJournal(Database &db)
{
    // The foundation chained SHA-256(previous ‖ payload); that chain must hold before the key
    // vouches for it. Payloads keep their bytes (version 1); only the chain is re-sealed.
    sqlite3 *handle = db.handle();
    {
        Statement terminal(handle, "SELECT value FROM meta WHERE key = 'terminal_id'");
        setTerminalId(terminal.next() ? QString::fromUtf8(terminal.text(0)) : QString());
    }
    Statement old(handle, "SELECT seq, created_at, payload, prev_hash, hash FROM old_journal "
                          "ORDER BY seq");
    Statement insert(handle, "INSERT INTO journal (seq, kind, version, created_at, payload, "
                             "prev_mac, mac) VALUES (?, 'sale', 1, ?, ?, ?, ?)");
    QByteArray previousHash(32, '\0');
    QByteArray previousMac = genesisMac;
    qint64 expected = 1;
    while (old.next()) {
        const qint64 seq = old.integer(0);
        const QByteArrayView payload = old.blob(2);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(previousHash);
        hash.addData(payload);
        if (seq != expected || old.blob(3) != previousHash || old.blob(4) != hash.result())
            return Error{ErrorCode::Damaged,
                         tr("The journal of %1 is broken at entry %2, so it cannot be upgraded. "
                            "Nothing was changed; restore it from a backup or call support.")
                             .arg(db.path())
                             .arg(expected)};
        previousHash = old.blob(4).toByteArray();
        const QByteArray createdAt = old.text(1).toByteArray();
        const QByteArray sealed = entryMac(previousMac, seq, "sale", 1, createdAt, payload);
        insert.bind(1, seq)
            .bindText(2, createdAt)
            .bindBlob(3, payload)
            .bindBlob(4, previousMac)
            .bindBlob(5, sealed);
        if (!insert.run())
            return db.describe(insert.errorCode());
        previousMac = sealed;
        ++expected;
    }
    if (old.errorCode())
        return db.describe(old.errorCode());
    return db.execScript(
        QStringLiteral("DROP TABLE old_print_jobs; DROP TABLE old_outbox; DROP TABLE old_tenders; "
                       "DROP TABLE old_sale_lines; DROP TABLE old_journal; DROP TABLE old_sales;"));
}

Result<qint64> Ledger::commit(const JournalKind &kind, const QDateTime &atUtc,
                              const QByteArray &payload,
                              const std::function<int(qint64)> &writeRows)
{
    if (!m_sql)
        return Error{ErrorCode::NotSupported, tr("The ledger was opened only to be read.")};
    Statements &sql = *m_sql;
    if (!sql.begin.run())
        return m_db.describe(sql.begin.errorCode());
    const qint64 seq = m_head.seq + 1;
    const QByteArray createdAt = isoUtc(atUtc);
    const QByteArray mac = entryMac(m_head.mac, seq, kind.name, kind.version, createdAt, payload);
    int failed = 0;
    auto step = [&failed](Statement &s) {
        if (!failed && !s.run())
            failed = s.errorCode();
    };
    sql.journal.bind(1, seq)
        .bindText(2, kind.name)
        .bind(3, kind.version)
        .bindText(4, createdAt)
        .bindBlob(5, payload)
        .bindBlob(6, m_head.mac)
        .bindBlob(7, mac);
    step(sql.journal);
    if (!failed)
        failed = writeRows(seq);
    sql.outbox.bind(1, seq);
    step(sql.outbox);
    if (!kind.printJob.isEmpty()) {
        sql.printJob.bind(1, seq).bindText(2, kind.printJob).bindText(3, createdAt);
        step(sql.printJob);
    }
    step(sql.commit);
    if (failed) {
        sql.rollback.run();
        return m_db.describe(failed);
    }
    m_head = {seq, mac};
    // After the commit is durable, so the anchor can lag the ledger but never lead it. A failure
    // here loses nothing: the next commit or start writes it again.
    (void)m_keys.writeAnchor(m_head);
    return seq;
}

Result<qint64> Ledger::commitSale(const Sale &sale)
{
    if (!m_sql)
        return Error{ErrorCode::NotSupported, tr("The ledger was opened only to be read.")};
    if (sale.lines.isEmpty())
        return Error{ErrorCode::InvalidInput, tr("A sale needs at least one line.")};
    if (!tendersSettle(sale.tenders, sale.total))
        return Error{
            ErrorCode::InvalidInput,
            tr("The tenders do not pay the total ¥%1 exactly.").arg(sale.total.toString())};
    static const JournalKind &saleKind = *findKind("sale");
    return commit(saleKind, sale.createdAt, encodeSale(sale), [&](qint64 seq) {
        Statements &sql = *m_sql;
        sql.sale.bind(1, seq).bind(2, sale.total.fen).bind(3, sale.tax.fen);
        if (!sql.sale.run())
            return sql.sale.errorCode();
        int number = 0;
        for (const SaleLine &l : sale.lines) {
            sql.line.bind(1, seq)
                .bind(2, ++number)
                .bindText(3, l.sku.toUtf8())
                .bind(4, l.quantity)
                .bind(5, l.weighed ? 1 : 0)
                .bind(6, l.unitPrice.fen)
                .bind(7, l.total.fen)
                .bind(8, l.taxRateBp);
            if (!sql.line.run())
                return sql.line.errorCode();
        }
        number = 0;
        for (const Adjustment &a : sale.adjustments) {
            sql.adjustment.bind(1, seq)
                .bind(2, ++number)
                .bind(3, a.line + 1)
                .bindText(4, a.source.toUtf8())
                .bind(5, a.amount.fen);
            if (!sql.adjustment.run())
                return sql.adjustment.errorCode();
        }
        number = 0;
        for (const Tender &t : sale.tenders) {
            sql.tender.bind(1, seq)
                .bind(2, ++number)
                .bindText(3, tenderKindName(t.kind).toUtf8())
                .bind(4, t.amount.fen)
                .bind(5, t.received.fen)
                .bind(6, t.change.fen)
                .bindText(7, t.reference.toUtf8());
            if (!sql.tender.run())
                return sql.tender.errorCode();
        }
        if (const std::optional<SaleMember> &m = sale.member) {
            sql.member.bind(1, seq)
                .bindText(2, m->id.toUtf8())
                .bind(3, m->codeStep)
                .bind(4, m->pointsEarned)
                .bind(5, m->pointsRedeemed);
            if (!sql.member.run())
                return sql.member.errorCode();
        }
        number = 0;
        for (const RedeemedCoupon &c : sale.coupons) {
            sql.redeemed.bind(1, seq)
                .bind(2, ++number)
                .bindText(3, QByteArray::number(c.id))
                .bind(4, c.campaign)
                .bind(5, c.keyId);
            if (!sql.redeemed.run())
                return sql.redeemed.errorCode();
        }
        number = 0;
        for (const GivenCoupon &c : sale.givenCoupons) {
            sql.given.bind(1, seq)
                .bind(2, ++number)
                .bindText(3, QByteArray::number(c.id))
                .bind(4, c.campaign);
            if (!sql.given.run())
                return sql.given.errorCode();
        }
        return 0;
    });
}

Result<qint64> Ledger::commitMemberJoin(const MemberJoin &join, const QDateTime &atUtc)
{
    if (!m_sql)
        return Error{ErrorCode::NotSupported, tr("The ledger was opened only to be read.")};
    const Result<std::optional<JoinedMember>> before = joinedMember(join.phone);
    if (!before)
        return before.error();
    if (*before)
        return Error{ErrorCode::Conflict,
                     tr("This phone number signed up at this till before (member %1).")
                         .arg((*before)->memberId)};
    static const JournalKind &joinKind = *findKind("member_join");
    return commit(joinKind, atUtc, encodeMemberJoin(join), [&](qint64 seq) {
        Statement &insert = m_sql->join;
        insert.bind(1, seq).bindText(2, join.memberId.toUtf8()).bindText(3, join.phone.toUtf8());
        return insert.run() ? 0 : insert.errorCode();
    });
}

Error Ledger::notOpen() const
{
    return Error{ErrorCode::NotSupported, tr("The ledger is not open.")};
}

namespace {
// One value from a query of the open ledger, or what went wrong reading it.
template <typename T, typename Read>
Result<T> readOne(const Database &db, Statement &query, Read read)
{
    T value{};
    const bool found = query.next();
    if (found)
        value = read(query);
    const int error = query.errorCode();
    query.reset();
    if (error)
        return db.describe(error);
    return value;
}
} // namespace

Result<std::optional<qint64>> Ledger::lastMemberCodeStep(const QString &memberId)
{
    if (!m_queries)
        return notOpen();
    m_queries->lastStep.bindText(1, memberId.toUtf8());
    return readOne<std::optional<qint64>>(m_db, m_queries->lastStep, [](const Statement &row) {
        return row.isNull(0) || row.integer(0) < 0 ? std::nullopt
                                                   : std::optional<qint64>(row.integer(0));
    });
}

Result<bool> Ledger::couponRedeemed(quint64 couponId)
{
    if (!m_queries)
        return notOpen();
    m_queries->isRedeemed.bindText(1, QByteArray::number(couponId));
    return readOne<bool>(m_db, m_queries->isRedeemed,
                         [](const Statement &row) { return row.integer(0) > 0; });
}

Result<bool> Ledger::couponHandedOut(quint64 couponId)
{
    if (!m_queries)
        return notOpen();
    m_queries->isGiven.bindText(1, QByteArray::number(couponId));
    return readOne<bool>(m_db, m_queries->isGiven,
                         [](const Statement &row) { return row.integer(0) > 0; });
}

Result<qint64> Ledger::pointsRedeemedSince(const QString &memberId, const QDateTime &sinceUtc)
{
    if (!m_queries)
        return notOpen();
    m_queries->redeemedSince.bindText(1, memberId.toUtf8())
        .bindText(2, sinceUtc.isValid() ? isoUtc(sinceUtc) : QByteArray());
    return readOne<qint64>(m_db, m_queries->redeemedSince,
                           [](const Statement &row) { return row.integer(0); });
}

Result<std::optional<Ledger::JoinedMember>> Ledger::joinedMember(const QString &phone)
{
    if (!m_queries)
        return notOpen();
    m_queries->joined.bindText(1, phone.toUtf8());
    return readOne<std::optional<JoinedMember>>(
        m_db, m_queries->joined, [](const Statement &row) -> std::optional<JoinedMember> {
            MemberJoinRecord record;
            if (!decodeMemberJoin(row.blob(2), &record))
                return std::nullopt; // verify reports it; the phone is then not known here
            return JoinedMember{
                QString::fromUtf8(row.text(0)),
                QDateTime::fromString(QString::fromUtf8(row.text(1)), Qt::ISODateWithMs),
                record.consent.toString()};
        });
}

Result<qint64> Ledger::commitNoSale(const QDateTime &atUtc)
{
    static const JournalKind &noSaleKind = *findKind("no_sale");
    return commit(noSaleKind, atUtc, noSalePayload, [](qint64) { return 0; });
}

std::optional<Sale> Ledger::loadSale(qint64 seq)
{
    if (!isOpen())
        return std::nullopt;
    if (!m_load.isValid())
        m_load = Statement(m_db.handle(), "SELECT version, payload, created_at FROM journal WHERE "
                                          "seq = ? AND kind = 'sale'");
    m_load.bind(1, seq);
    std::optional<Sale> sale;
    SaleRecord record;
    if (m_load.next() && decodeSale(m_load.blob(1), int(m_load.integer(0)), &record))
        sale = record.toSale(m_load.text(2));
    m_load.reset();
    return sale;
}

namespace {

// PRAGMA quick_check (integrity_check when `full`) on a connection of its own, so it runs on
// the other core while verify walks the journal. Empty when the file is sound.
QString checkFile(const QString &name, bool full, const Database &database)
{
    sqlite3 *db = nullptr;
    QString problem;
    if (sqlite3_open_v2(QFile::encodeName(name).constData(), &db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr)
        == SQLITE_OK) {
        sqlite3_exec(db, "PRAGMA mmap_size=2147483648", nullptr, nullptr, nullptr);
        Statement check(db, full ? "PRAGMA integrity_check(1)" : "PRAGMA quick_check(1)");
        if (check.next() && check.text(0) != "ok")
            problem = Ledger::tr("the file is damaged (%1)").arg(QString::fromUtf8(check.text(0)));
        else if (!check.isValid() || check.errorCode())
            problem = database.describe(sqlite3_extended_errcode(db)).message;
    } else {
        problem = database.describe(sqlite3_extended_errcode(db)).message;
    }
    sqlite3_close_v2(db);
    return problem;
}

} // namespace

VerifyResult Ledger::verify(bool full, AnchorCheck anchorCheck)
{
    auto fileCheck = std::async(std::launch::async, checkFile, m_db.connection().databaseName(),
                                full, std::cref(m_db));
    VerifyResult result = walkJournal(anchorCheck);
    // A damaged file explains whatever the walk found, so it is what verify reports.
    if (const QString problem = fileCheck.get(); !problem.isEmpty())
        return {false, 0, 0, problem};
    return result;
}

VerifyResult Ledger::walkJournal(AnchorCheck anchorCheck)
{
    VerifyResult result;
    auto fail = [&](qint64 seq, const QString &reason) {
        result.ok = false;
        result.firstBadSeq = seq;
        result.reason = reason;
        return result;
    };
    // Before the read snapshot starts: a till committing meanwhile moves the anchor past it.
    QString problem;
    const auto anchor = anchorCheck == AnchorCheck::Skip
                            ? std::optional<KeyFolder::Head>(KeyFolder::Head{0, genesisMac})
                            : m_keys.readAnchor(&problem);
    if (!anchor)
        return fail(0, problem.isEmpty() ? tr("the anchor of this terminal is missing") : problem);
    sqlite3 *db = m_db.handle();
    // Read through a memory map: no copy of each page into SQLite's cache.
    sqlite3_exec(db, "PRAGMA mmap_size=2147483648", nullptr, nullptr, nullptr);
    {
        // Editing history needs the append-only triggers gone first: say so before anything.
        Statement trigger(db, "SELECT 1 FROM sqlite_schema WHERE type = 'trigger' AND name = ?");
        for (const char *name : appendOnlyGuards) {
            trigger.bindText(1, name);
            const bool present = trigger.next();
            trigger.reset();
            if (!present)
                return fail(0, tr("the append-only guard %1 of the ledger was removed")
                                   .arg(QLatin1StringView(name)));
        }
    }
    std::vector<std::pair<const JournalKind *, std::unique_ptr<KindRows>>> checkers;
    for (const JournalKind &kind : kinds)
        checkers.emplace_back(&kind, kind.rows(db));
    Cursor outbox(db, "SELECT seq FROM outbox ORDER BY seq");
    Cursor printJobs(db, "SELECT seq, kind, created_at FROM print_jobs ORDER BY seq, id");
    Statement entries(db, "SELECT seq, kind, version, created_at, payload, prev_mac, mac FROM "
                          "journal ORDER BY seq");
    QByteArray previous = genesisMac;
    qint64 expected = 1;
    while (entries.next()) {
        const qint64 seq = entries.integer(0);
        if (!entries.isInteger(0) || seq != expected)
            return fail(expected, tr("entry %1 is missing").arg(expected));
        const QByteArrayView kindName = entries.text(1);
        const qint64 version = entries.integer(2);
        const QByteArrayView payload = entries.blob(4);
        if (entries.blob(5) != previous
            || !entryMacMatches(previous, seq, kindName, int(version), entries.text(3), payload,
                                entries.blob(6)))
            return fail(seq, tr("its MAC does not match: the entry, or one before it, was "
                                "changed or forged"));
        if (seq == anchor->seq && entries.blob(6) != anchor->mac)
            return fail(seq, tr("it is not the entry this terminal recorded (its anchor)"));
        const JournalKind *kind = findKind(kindName);
        if (!kind || !entries.isInteger(2) || version < kind->oldestVersion
            || version > kind->version)
            return fail(seq, tr("its kind “%1” (version %2) is unknown to this SmartPOS")
                                 .arg(QString::fromUtf8(kindName))
                                 .arg(version));
        for (auto &[other, rows] : checkers) {
            if (other == kind) {
                if (const QString bad = rows->check({seq, version, payload}, m_terminalUtf8);
                    !bad.isEmpty())
                    return fail(seq, bad);
            }
            if (const qint64 stray = rows->strayBefore(seq + 1); stray != noMoreRows)
                return fail(stray, tr("it has %1 rows but is not a %1 entry")
                                       .arg(QString::fromLatin1(other->name)));
        }
        if (outbox.seq != seq || !outbox.typed)
            return fail(seq, outbox.seq < seq ? tr("the outbox has an event no entry made")
                                              : tr("its outbox event is missing"));
        outbox.advance();
        // The entry's own job comes first, made in its transaction (same time); any later
        // ones are reprints.
        bool printed = kind->printJob.isEmpty();
        for (bool first = true; printJobs.seq == seq; printJobs.advance(), first = false) {
            const Statement &job = printJobs.rows;
            if (first ? job.text(1) != kind->printJob || job.text(2) != entries.text(3)
                      : job.text(1) != "reprint")
                return fail(seq, tr("its print job was changed"));
            printed = true;
        }
        if (printJobs.seq < seq || !printJobs.typed)
            return fail(printJobs.seq, tr("a print job points at no entry"));
        if (!printed)
            return fail(seq, tr("its print job is missing"));
        std::memcpy(previous.data(), entries.blob(6).data(), 32); // checked 32 bytes long above
        ++expected;
    }
    if (entries.errorCode())
        return fail(expected, m_db.describe(entries.errorCode()).message);
    result.entries = expected - 1;
    for (auto &[kind, rows] : checkers)
        if (const qint64 stray = rows->strayBefore(noMoreRows); stray != noMoreRows)
            return fail(
                stray,
                tr("its %1 rows have no journal entry").arg(QString::fromLatin1(kind->name)));
    if (outbox.valid)
        return fail(outbox.seq, tr("the outbox has an event no entry made"));
    if (printJobs.valid)
        return fail(printJobs.seq, tr("a print job points at no entry"));
    if (anchor->seq > result.entries)
        return fail(result.entries + 1,
                    tr("entries %1 to %2 are missing: this terminal recorded them (its anchor)")
                        .arg(result.entries + 1)
                        .arg(anchor->seq));
    result.ok = true;
    return result;
}

} // namespace smartpos
