#include "ledger.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace smartpos {

namespace {


QString appendOnly(const char *table)
{
    return QStringLiteral(
               "CREATE TRIGGER %1_no_update BEFORE UPDATE ON %1 BEGIN "
               "SELECT RAISE(ABORT, '%1 is append-only'); END;;"
               "CREATE TRIGGER %1_no_delete BEFORE DELETE ON %1 BEGIN "
               "SELECT RAISE(ABORT, '%1 is append-only'); END;;")
        .arg(QLatin1String(table));
}

const QStringList migrations = {
    QStringLiteral(R"(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);;
CREATE TABLE sales (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    terminal_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    total_fen INTEGER NOT NULL,
    tax_fen INTEGER NOT NULL,
    UNIQUE (terminal_id, seq)
);;
CREATE TABLE sale_lines (
    id INTEGER PRIMARY KEY,
    sale_id INTEGER NOT NULL REFERENCES sales(id),
    line_no INTEGER NOT NULL,
    sku TEXT NOT NULL,
    code TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    weighed INTEGER NOT NULL,
    unit_price_fen INTEGER NOT NULL,
    total_fen INTEGER NOT NULL,
    tax_rate_bp INTEGER NOT NULL,
    UNIQUE (sale_id, line_no)
);;
CREATE TABLE tenders (
    id INTEGER PRIMARY KEY,
    sale_id INTEGER NOT NULL REFERENCES sales(id),
    kind TEXT NOT NULL,
    amount_fen INTEGER NOT NULL,
    received_fen INTEGER NOT NULL,
    change_fen INTEGER NOT NULL
);;
CREATE INDEX tenders_sale ON tenders(sale_id);;
CREATE TABLE journal (
    seq INTEGER PRIMARY KEY,
    terminal_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    ref TEXT NOT NULL,
    created_at TEXT NOT NULL,
    payload BLOB NOT NULL,
    prev_hash BLOB NOT NULL,
    hash BLOB NOT NULL
);;
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    ref TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    sent_at TEXT
);;
CREATE INDEX outbox_pending ON outbox(id) WHERE sent_at IS NULL;;
CREATE TABLE print_jobs (
    id INTEGER PRIMARY KEY,
    sale_id INTEGER NOT NULL REFERENCES sales(id),
    kind TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'queued',
    created_at TEXT NOT NULL,
    printed_at TEXT
);;
)") + appendOnly("journal") + appendOnly("sales") + appendOnly("sale_lines")
        + appendOnly("tenders"),
};

QString isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QString tenderKindName(Tender::Kind kind)
{
    switch (kind) {
    case Tender::Kind::Cash:
        return QStringLiteral("cash");
    }
    return {};
}

} // namespace

namespace {

// A small writer for the canonical JSON: the same bytes QJsonDocument::Compact gives with
// sorted keys, written straight into one buffer (this runs inside every sale commit).
class CanonicalWriter {
public:
    explicit CanonicalWriter(QByteArray &out) : m_out(out) {}

    CanonicalWriter &key(const char *name)
    {
        separate();
        m_out += '"';
        m_out += name;
        m_out += "\":";
        m_needComma = false;
        return *this;
    }
    void value(qint64 number)
    {
        m_out += QByteArray::number(number);
        m_needComma = true;
    }
    void value(const QString &text)
    {
        m_out += '"';
        for (const char c : text.toUtf8()) {
            switch (c) {
            case '"': m_out += "\\\""; break;
            case '\\': m_out += "\\\\"; break;
            case '\b': m_out += "\\b"; break;
            case '\f': m_out += "\\f"; break;
            case '\n': m_out += "\\n"; break;
            case '\r': m_out += "\\r"; break;
            case '\t': m_out += "\\t"; break;
            default:
                if (uchar(c) < 0x20)
                    m_out += "\\u00" + QByteArray::number(uchar(c), 16).rightJustified(2, '0');
                else
                    m_out += c;
            }
        }
        m_out += '"';
        m_needComma = true;
    }
    void open(char bracket)
    {
        separate();
        m_out += bracket;
        m_needComma = false;
    }
    void close(char bracket)
    {
        m_out += bracket;
        m_needComma = true;
    }

private:
    void separate()
    {
        if (m_needComma)
            m_out += ',';
    }
    QByteArray &m_out;
    bool m_needComma = false;
};

} // namespace

QByteArray canonicalSale(const QString &terminalId, qint64 seq, const Sale &sale)
{
    QByteArray out;
    out.reserve(256 + 200 * sale.lines.size());
    CanonicalWriter w(out);
    // Keys in byte order at every level, as the format promises.
    w.open('{');
    w.key("at").value(isoUtc(sale.createdAt));
    w.key("kind").value(QStringLiteral("sale"));
    w.key("lines").open('[');
    for (const SaleLine &l : sale.lines) {
        w.open('{');
        w.key("code").value(l.code);
        w.key("name_en").value(l.nameEn);
        w.key("name_zh").value(l.nameZh);
        w.key("price").value(l.unitPrice.fen);
        w.key("qty").value(l.quantity);
        w.key("sku").value(l.sku);
        w.key("tax_bp").value(l.taxRateBp);
        w.key("total").value(l.total.fen);
        w.key("unit").value(l.weighed ? QStringLiteral("g") : QStringLiteral("pc"));
        w.close('}');
    }
    w.close(']');
    w.key("seq").value(seq);
    w.key("tax").value(sale.tax.fen);
    w.key("tenders").open('[');
    for (const Tender &t : sale.tenders) {
        w.open('{');
        w.key("amount").value(t.amount.fen);
        w.key("change").value(t.change.fen);
        w.key("kind").value(tenderKindName(t.kind));
        w.key("received").value(t.received.fen);
        w.close('}');
    }
    w.close(']');
    w.key("terminal").value(terminalId);
    w.key("total").value(sale.total.fen);
    w.key("uuid").value(sale.uuid);
    w.key("v").value(1);
    w.close('}');
    return out;
}

QByteArray chainHash(const QByteArray &previousHash, const QByteArray &payload)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(previousHash);
    hash.addData(payload);
    return hash.result();
}

struct Ledger::Statements {
    explicit Statements(Database &db)
        : sale(db.prepare(QStringLiteral(
            "INSERT INTO sales (uuid, terminal_id, seq, created_at, total_fen, tax_fen) "
            "VALUES (?, ?, ?, ?, ?, ?)")))
        , line(db.prepare(QStringLiteral(
              "INSERT INTO sale_lines (sale_id, line_no, sku, code, name_zh, name_en, quantity, "
              "weighed, unit_price_fen, total_fen, tax_rate_bp) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")))
        , tender(db.prepare(QStringLiteral(
              "INSERT INTO tenders (sale_id, kind, amount_fen, received_fen, change_fen) "
              "VALUES (?, ?, ?, ?, ?)")))
        , journal(db.prepare(QStringLiteral(
              "INSERT INTO journal (seq, terminal_id, kind, ref, created_at, payload, prev_hash, "
              "hash) VALUES (?, ?, 'sale', ?, ?, ?, ?, ?)")))
        , outbox(db.prepare(QStringLiteral(
              "INSERT INTO outbox (event_id, kind, ref, body, created_at) "
              "VALUES (?, 'sale.completed', ?, ?, ?)")))
        , printJob(db.prepare(QStringLiteral(
              "INSERT INTO print_jobs (sale_id, kind, created_at) VALUES (?, 'receipt', ?)")))
        , begin(db.prepare(QStringLiteral("BEGIN IMMEDIATE")))
        , commit(db.prepare(QStringLiteral("COMMIT")))
        , rollback(db.prepare(QStringLiteral("ROLLBACK")))
        , readSale(db.prepare(QStringLiteral(
              "SELECT id, created_at, total_fen, tax_fen FROM sales WHERE uuid = ?")))
        , readLines(db.prepare(QStringLiteral(
              "SELECT sku, code, name_zh, name_en, quantity, weighed, unit_price_fen, total_fen, "
              "tax_rate_bp FROM sale_lines WHERE sale_id = ? ORDER BY line_no")))
        , readTenders(db.prepare(QStringLiteral(
              "SELECT amount_fen, received_fen, change_fen FROM tenders WHERE sale_id = ? "
              "ORDER BY id")))
    {
    }
    QSqlQuery sale, line, tender, journal, outbox, printJob, begin, commit, rollback;
    QSqlQuery readSale, readLines, readTenders; // prepared once: verify reads every sale
};

bool Ledger::open(const QString &dataDir, QString *error)
{
    if (!m_db.open(QDir(dataDir).filePath(fileName()), migrations, error))
        return false;
    // Without it, INSERT OR REPLACE deletes rows without firing the append-only triggers.
    if (!m_db.exec(QStringLiteral("PRAGMA recursive_triggers=ON"), error)) {
        m_db.close();
        return false;
    }
    QSqlQuery q(m_db.connection());
    if (q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'terminal_id'")) && q.next()) {
        m_terminalId = q.value(0).toString();
    } else {
        m_terminalId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QSqlQuery insert = m_db.prepare(
            QStringLiteral("INSERT INTO meta (key, value) VALUES ('terminal_id', ?)"));
        insert.addBindValue(m_terminalId);
        if (!insert.exec()) {
            *error = m_db.describe(insert.lastError());
            m_db.close();
            return false;
        }
    }
    m_sql = std::make_shared<Statements>(m_db);
    return loadHead(error);
}

bool Ledger::loadHead(QString *error)
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1"))) {
        *error = m_db.describe(q.lastError());
        return false;
    }
    m_headSeq = q.next() ? q.value(0).toLongLong() : 0;
    m_headHash = m_headSeq ? q.value(1).toByteArray() : QByteArray(32, '\0');
    return true;
}

QSqlError Ledger::writeSale(const Sale &sale, qint64 seq, const QByteArray &payload,
                            const QByteArray &hash)
{
    Statements &sql = *m_sql;
    const QString at = isoUtc(sale.createdAt);
    sql.sale.bindValue(0, sale.uuid);
    sql.sale.bindValue(1, m_terminalId);
    sql.sale.bindValue(2, seq);
    sql.sale.bindValue(3, at);
    sql.sale.bindValue(4, sale.total.fen);
    sql.sale.bindValue(5, sale.tax.fen);
    if (!sql.sale.exec())
        return sql.sale.lastError();
    const qint64 saleId = sql.sale.lastInsertId().toLongLong();
    int lineNo = 0;
    for (const SaleLine &l : sale.lines) {
        sql.line.bindValue(0, saleId);
        sql.line.bindValue(1, ++lineNo);
        sql.line.bindValue(2, l.sku);
        sql.line.bindValue(3, l.code);
        sql.line.bindValue(4, l.nameZh);
        sql.line.bindValue(5, l.nameEn);
        sql.line.bindValue(6, l.quantity);
        sql.line.bindValue(7, l.weighed ? 1 : 0);
        sql.line.bindValue(8, l.unitPrice.fen);
        sql.line.bindValue(9, l.total.fen);
        sql.line.bindValue(10, l.taxRateBp);
        if (!sql.line.exec())
            return sql.line.lastError();
    }
    for (const Tender &t : sale.tenders) {
        sql.tender.bindValue(0, saleId);
        sql.tender.bindValue(1, tenderKindName(t.kind));
        sql.tender.bindValue(2, t.amount.fen);
        sql.tender.bindValue(3, t.received.fen);
        sql.tender.bindValue(4, t.change.fen);
        if (!sql.tender.exec())
            return sql.tender.lastError();
    }
    sql.journal.bindValue(0, seq);
    sql.journal.bindValue(1, m_terminalId);
    sql.journal.bindValue(2, sale.uuid);
    sql.journal.bindValue(3, at);
    sql.journal.bindValue(4, payload);
    sql.journal.bindValue(5, m_headHash);
    sql.journal.bindValue(6, hash);
    sql.outbox.bindValue(0, QUuid::createUuid().toString(QUuid::WithoutBraces));
    sql.outbox.bindValue(1, sale.uuid);
    sql.outbox.bindValue(2, QString::fromUtf8(payload));
    sql.outbox.bindValue(3, at);
    sql.printJob.bindValue(0, saleId);
    sql.printJob.bindValue(1, at);
    for (QSqlQuery *q : {&sql.journal, &sql.outbox, &sql.printJob})
        if (!q->exec())
            return q->lastError();
    return {};
}

CommitResult Ledger::commitSale(const Sale &sale)
{
    CommitResult result;
    if (sale.lines.isEmpty()) {
        result.error = tr("A sale needs at least one line.");
        return result;
    }
    if (!m_sql->begin.exec()) {
        result.error = m_db.describe(m_sql->begin.lastError());
        return result;
    }
    const qint64 seq = m_headSeq + 1;
    const QByteArray payload = canonicalSale(m_terminalId, seq, sale);
    const QByteArray hash = chainHash(m_headHash, payload);
    QSqlError failed = writeSale(sale, seq, payload, hash);
    if (!failed.isValid() && !m_sql->commit.exec())
        failed = m_sql->commit.lastError();
    if (failed.isValid()) {
        m_sql->rollback.exec();
        QString ignored;
        loadHead(&ignored); // the head in memory must match the file, whatever happened
        result.error = m_db.describe(failed);
        return result;
    }
    m_headSeq = seq;
    m_headHash = hash;
    result.ok = true;
    result.seq = seq;
    return result;
}

Sale Ledger::loadSale(const QString &uuid, bool *found)
{
    Sale sale;
    QSqlQuery &header = m_sql->readSale;
    header.bindValue(0, uuid);
    *found = header.exec() && header.next();
    if (!*found)
        return sale;
    const qint64 id = header.value(0).toLongLong();
    sale.uuid = uuid;
    sale.createdAt = QDateTime::fromString(header.value(1).toString(), Qt::ISODateWithMs);
    sale.total = Money::fromFen(header.value(2).toLongLong());
    sale.tax = Money::fromFen(header.value(3).toLongLong());
    header.finish();
    QSqlQuery &lines = m_sql->readLines;
    lines.bindValue(0, id);
    lines.exec();
    while (lines.next()) {
        sale.lines.append(SaleLine{lines.value(0).toString(), lines.value(1).toString(),
                                   lines.value(2).toString(), lines.value(3).toString(),
                                   lines.value(4).toLongLong(), lines.value(5).toBool(),
                                   Money::fromFen(lines.value(6).toLongLong()),
                                   Money::fromFen(lines.value(7).toLongLong()),
                                   lines.value(8).toInt()});
    }
    QSqlQuery &tenders = m_sql->readTenders;
    tenders.bindValue(0, id);
    tenders.exec();
    while (tenders.next()) {
        sale.tenders.append(Tender{Tender::Kind::Cash, Money::fromFen(tenders.value(0).toLongLong()),
                                   Money::fromFen(tenders.value(1).toLongLong()),
                                   Money::fromFen(tenders.value(2).toLongLong())});
    }
    return sale;
}

VerifyResult Ledger::verify()
{
    VerifyResult result;
    auto fail = [&](qint64 seq, const QString &reason) {
        result.ok = false;
        result.firstBadSeq = seq;
        result.reason = reason;
        return result;
    };
    QSqlQuery entries(m_db.connection());
    entries.setForwardOnly(true);
    if (!entries.exec(QStringLiteral(
            "SELECT seq, terminal_id, ref, payload, prev_hash, hash FROM journal ORDER BY seq")))
        return fail(0, m_db.describe(entries.lastError()));
    QByteArray previous(32, '\0');
    qint64 expected = 1;
    while (entries.next()) {
        const qint64 seq = entries.value(0).toLongLong();
        const QByteArray payload = entries.value(3).toByteArray();
        if (seq != expected)
            return fail(expected, tr("entry %1 is missing").arg(expected));
        if (entries.value(4).toByteArray() != previous
            || chainHash(previous, payload) != entries.value(5).toByteArray())
            return fail(seq, tr("the hash chain is broken"));
        const QJsonObject recorded = QJsonDocument::fromJson(payload).object();
        if (recorded.value(QStringLiteral("seq")).toInteger() != seq)
            return fail(seq, tr("the entry was moved from position %1")
                                 .arg(recorded.value(QStringLiteral("seq")).toInteger()));
        bool found = false;
        const Sale sale = loadSale(entries.value(2).toString(), &found);
        if (!found)
            return fail(seq, tr("its sale %1 was deleted").arg(entries.value(2).toString()));
        if (canonicalSale(entries.value(1).toString(), seq, sale) != payload)
            return fail(seq, tr("its sale was changed after it was recorded"));
        previous = entries.value(5).toByteArray();
        ++expected;
    }
    result.entries = expected - 1;
    QSqlQuery stray(m_db.connection());
    if (stray.exec(QStringLiteral("SELECT s.seq FROM sales s LEFT JOIN journal j ON j.seq = s.seq "
                                  "AND j.ref = s.uuid WHERE j.seq IS NULL ORDER BY s.seq LIMIT 1"))
        && stray.next())
        return fail(stray.value(0).toLongLong(), tr("a sale is not in the journal"));
    result.ok = true;
    return result;
}

} // namespace smartpos
