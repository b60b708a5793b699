#include "cloudstore.h"

#include "ledger/salerecord.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

#include <atomic>

namespace smartpos::cloud {

namespace {

// Taken while migrating, so processes starting together on one PostgreSQL database migrate once.
constexpr qint64 migrationLockKey = 0x536d617274504f53; // "SmartPOS"
const QStringList migrationFiles = {QStringLiteral(":/cloud/migrations/0001_chain.sql")};
// Pairing codes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B.
constexpr QLatin1StringView codeAlphabet{"ACDEFGHJKMNPQRTUVWXY34679"};
constexpr int codeLength = 10;

QString iso(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

QString hex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex());
}

QString normalizedCode(const QString &typed)
{
    QString code;
    for (const QChar c : typed)
        if (c.isLetterOrNumber())
            code += c.toUpper();
    return code;
}

QString codeHash(const QString &code)
{
    return hex(QCryptographicHash::hash(normalizedCode(code).toUtf8(), QCryptographicHash::Sha256));
}

// Text for a NOT NULL column: QtSql binds a null QString as NULL.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QString receiptOf(const QString &terminal, qint64 seq, const QString &createdAt)
{
    return QStringLiteral("%1 #%2 %3").arg(terminal).arg(seq).arg(createdAt);
}

} // namespace

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    DatabaseUrl url;
    if (!text.startsWith(u"postgresql://") && !text.startsWith(u"postgres://")) {
        if (text.trimmed().isEmpty())
            return Error{ErrorCode::InvalidInput, CloudStore::tr("No database was given.")};
        url.path = text;
        return url;
    }
    const QUrl parsed(text, QUrl::StrictMode);
    url.kind = Kind::Postgres;
    url.host = parsed.host();
    url.port = parsed.port(5432);
    url.user = parsed.userName(QUrl::FullyDecoded);
    url.password = parsed.password(QUrl::FullyDecoded);
    url.database = parsed.path().mid(1);
    if (!parsed.isValid() || url.host.isEmpty() || url.database.isEmpty())
        return Error{ErrorCode::InvalidInput,
                     CloudStore::tr("“%1” is not a database address: give a file name or "
                                    "postgresql://user:password@host:port/name.")
                         .arg(url.display())};
    return url;
}

QString DatabaseUrl::display() const
{
    if (kind == Kind::Sqlite)
        return path;
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

struct CloudStore::Private {
    QString connectionName;
    DatabaseUrl url;
    QSqlDatabase db;
    int schemaVersion = 0;

    bool postgres() const { return url.kind == DatabaseUrl::Kind::Postgres; }

    Error failure(const QSqlError &error) const
    {
        return Error{
            ErrorCode::Storage,
            CloudStore::tr("The cloud's database %1 failed: %2").arg(url.display(), error.text())};
    }

    // Values are always bound to a prepared statement, never spliced into SQL; each statement is
    // prepared once per connection (a push runs the same few for every event). A statement
    // without values runs as it is (PostgreSQL cannot prepare DDL, LOCK or BEGIN).
    Result<QSqlQuery> run(const QString &sql, const QVariantList &values = {})
    {
        if (values.isEmpty()) {
            QSqlQuery query(db);
            if (query.exec(sql))
                return query;
            lastFailure = failure(query.lastError());
            return lastFailure;
        }
        auto cached = statements.find(sql);
        if (cached == statements.end()) {
            QSqlQuery query(db);
            query.setForwardOnly(true);
            if (!query.prepare(sql)) {
                lastFailure = failure(query.lastError());
                return lastFailure;
            }
            cached = statements.insert(sql, query);
        }
        // A statement still stepping holds an old snapshot (and SQLite's commit back): callers
        // read what they need before the next statement, which ends every other one.
        finishAll();
        QSqlQuery &query = *cached;
        for (int i = 0; i < values.size(); ++i)
            query.bindValue(i, values[i]);
        if (query.exec())
            return query;
        lastFailure = failure(query.lastError());
        return lastFailure;
    }
    QHash<QString, QSqlQuery> statements;
    void finishAll()
    {
        for (QSqlQuery &statement : statements)
            statement.finish();
    }
    Error lastFailure; // of the last statement that failed

    // SQLite takes the write lock at BEGIN IMMEDIATE, so two processes never deadlock upgrading a
    // read lock; PostgreSQL locks rows as it goes (FOR UPDATE where it matters).
    Status begin()
    {
        if (postgres())
            return db.transaction() ? Status() : Status(failure(db.lastError()));
        return run(QStringLiteral("BEGIN IMMEDIATE")) ? Status() : Status(lastFailure);
    }
    Status commit()
    {
        finishAll(); // SQLite refuses to commit while a statement still steps
        if (postgres())
            return db.commit() ? Status() : Status(failure(db.lastError()));
        const Result<QSqlQuery> done = run(QStringLiteral("COMMIT"));
        return done ? Status() : Status(done.error());
    }
    void rollback()
    {
        finishAll();
        if (postgres())
            db.rollback();
        else
            (void)run(QStringLiteral("ROLLBACK"));
    }
    // Runs `work` in a transaction: committed when it succeeds, rolled back when it fails.
    template <typename T> Result<T> transaction(const std::function<Result<T>()> &work)
    {
        if (Status begun = begin(); !begun)
            return begun.error();
        Result<T> result = work();
        if (!result) {
            rollback();
            return result;
        }
        if (Status committed = commit(); !committed) {
            rollback();
            return committed.error();
        }
        return result;
    }

    Status migrate();
    Result<qint64> scalar(const QString &sql, const QVariantList &values = {})
    {
        Result<QSqlQuery> query = run(sql, values);
        if (!query)
            return query.error();
        const qint64 value = query->next() ? query->value(0).toLongLong() : 0;
        finishAll();
        return value;
    }
    Status conflict(const QString &kind, const QString &key, const QString &detail,
                    const QString &firstEvent, const QString &secondEvent,
                    const QString &firstReceipt, const QString &secondReceipt, const QDateTime &now)
    {
        const Result<QSqlQuery> inserted =
            run(QStringLiteral("INSERT INTO conflicts (kind, key, detail, first_event, "
                               "second_event, first_receipt, second_receipt, at) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                {kind, key, detail, text(firstEvent), text(secondEvent), text(firstReceipt),
                 text(secondReceipt), iso(now)});
        return inserted ? Status() : Status(inserted.error());
    }
    Result<sync::EventOutcome> project(const Terminal &terminal, const sync::PushedEvent &event,
                                       const QDateTime &now);
    Result<sync::EventOutcome> projectSale(const Terminal &terminal, const sync::PushedEvent &event,
                                           const QDateTime &now);
    Result<bool> movePoints(const sync::PushedEvent &event, const QString &member,
                            const QString &direction, qint64 delta, const QDateTime &now);
};

Status CloudStore::Private::migrate()
{
    if (postgres() && !run(QStringLiteral("SELECT pg_advisory_lock(?)"), {migrationLockKey}))
        return lastFailure;
    const auto unlock = qScopeGuard([this] {
        if (postgres())
            (void)run(QStringLiteral("SELECT pg_advisory_unlock(?)"), {migrationLockKey});
    });
    const Result<qint64> version = transaction<qint64>([this]() -> Result<qint64> {
        if (!run(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT "
                                "NOT NULL)")))
            return lastFailure;
        const Result<qint64> current =
            scalar(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version"));
        if (!current)
            return current;
        if (*current > migrationFiles.size())
            return Error{ErrorCode::TooNew,
                         CloudStore::tr("The database %1 was made by a newer smartpos-cloud "
                                        "(schema %2; this one knows %3).")
                             .arg(url.display())
                             .arg(*current)
                             .arg(migrationFiles.size())};
        for (qint64 step = *current; step < migrationFiles.size(); ++step) {
            QFile file(migrationFiles[step]);
            file.open(QIODevice::ReadOnly);
            QString sql = QString::fromUtf8(file.readAll());
            sql.replace(QStringLiteral("{{serial}}"), postgres()
                                                          ? QStringLiteral("BIGSERIAL PRIMARY KEY")
                                                          : QStringLiteral("INTEGER PRIMARY KEY"));
            for (const QString &statement : sql.split(QStringLiteral(";\n"))) {
                QString code;
                for (const QString &line : statement.split(u'\n'))
                    if (!line.trimmed().startsWith(QStringLiteral("--")))
                        code += line + u'\n';
                if (code.trimmed().isEmpty())
                    continue;
                if (!run(code))
                    return lastFailure;
            }
            if (!run(QStringLiteral("DELETE FROM schema_version"))
                || !run(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"),
                        {step + 1}))
                return lastFailure;
        }
        return qint64(migrationFiles.size());
    });
    if (!version)
        return version.error();
    schemaVersion = int(*version);
    return {};
}

CloudStore::CloudStore()
    : d(std::make_unique<Private>())
{
    static std::atomic<int> instances{0};
    d->connectionName = QStringLiteral("smartpos-cloud-%1").arg(++instances);
}

CloudStore::~CloudStore()
{
    close();
}

Status CloudStore::open(const DatabaseUrl &url)
{
    close();
    d->url = url;
    if (url.kind == DatabaseUrl::Kind::Sqlite) {
        // 0600 from the first byte: it holds every till's secret.
        if (!QFile::exists(url.path)) {
            QFile file(url.path);
            if (!file.open(QIODevice::WriteOnly)
                || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
                return Error{
                    ErrorCode::Storage,
                    tr("Cannot create the database %1: %2").arg(url.path, file.errorString())};
        }
        d->db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->connectionName);
        d->db.setDatabaseName(url.path);
        d->db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    } else {
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            return Error{ErrorCode::NotSupported,
                         tr("This machine has no PostgreSQL driver for Qt (Debian package "
                            "libqt6sql6-psql).")};
        d->db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), d->connectionName);
        d->db.setHostName(url.host);
        d->db.setPort(url.port);
        d->db.setUserName(url.user);
        d->db.setPassword(url.password);
        d->db.setDatabaseName(url.database);
    }
    if (!d->db.open())
        return d->lastFailure;
    if (!d->postgres()) {
        for (const char *pragma :
             {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"})
            if (!d->run(QString::fromLatin1(pragma)))
                return d->lastFailure;
    }
    return d->migrate();
}

void CloudStore::close()
{
    if (!d->db.isValid())
        return;
    d->statements.clear();
    d->db.close();
    d->db = QSqlDatabase();
    QSqlDatabase::removeDatabase(d->connectionName);
}

int CloudStore::schemaVersion() const
{
    return d->schemaVersion;
}

Result<QString> CloudStore::createPairingCode(const QString &store, const QDateTime &expiresAt,
                                              const QDateTime &nowUtc)
{
    QString code;
    for (int i = 0; i < codeLength; ++i)
        code += codeAlphabet[QRandomGenerator::system()->bounded(int(codeAlphabet.size()))];
    const Result<QString> made = d->transaction<QString>([&]() -> Result<QString> {
        if (!d->run(QStringLiteral("INSERT INTO stores (name, created_at) VALUES (?, ?) "
                                   "ON CONFLICT (name) DO NOTHING"),
                    {store, iso(nowUtc)})
            || !d->run(QStringLiteral("INSERT INTO pairing_codes (code_hash, store, expires_at) "
                                      "VALUES (?, ?, ?)"),
                       {codeHash(code), store, iso(expiresAt)}))
            return d->lastFailure;
        return code.left(codeLength / 2) + u'-' + code.mid(codeLength / 2);
    });
    return made;
}

Result<Terminal> CloudStore::enroll(const sync::EnrollRequest &request, const QDateTime &nowUtc)
{
    return d->transaction<Terminal>([&]() -> Result<Terminal> {
        Result<QSqlQuery> code =
            d->run(QStringLiteral(
                       "SELECT store, expires_at, used_at FROM pairing_codes WHERE code_hash = ?%1")
                       .arg(d->postgres() ? QStringLiteral(" FOR UPDATE") : QString()),
                   {codeHash(request.code)});
        if (!code)
            return code.error();
        if (!code->next())
            return Error{ErrorCode::NotFound, tr("The pairing code is not known to this cloud.")};
        if (!code->value(2).isNull())
            return Error{ErrorCode::Conflict,
                         tr("The pairing code was used already; make a new one.")};
        if (QDateTime::fromString(code->value(1).toString(), Qt::ISODateWithMs) < nowUtc)
            return Error{ErrorCode::InvalidInput,
                         tr("The pairing code has expired; make a new one.")};
        Terminal terminal;
        terminal.store = code->value(0).toString();
        terminal.ledgerTerminal = request.ledgerTerminal;
        const Result<qint64> enrolled =
            d->scalar(QStringLiteral("SELECT count(*) FROM terminals WHERE ledger_terminal = ?"),
                      {request.ledgerTerminal});
        if (!enrolled)
            return enrolled.error();
        if (*enrolled)
            return Error{ErrorCode::Conflict,
                         tr("This till is enrolled already (its ledger is known to this cloud).")};
        const Result<qint64> number =
            d->scalar(QStringLiteral("SELECT coalesce(max(number), 0) + 1 FROM terminals"));
        if (!number)
            return number.error();
        terminal.id = QStringLiteral("T-%1").arg(*number);
        terminal.secret.resize(sync::secretBytes);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(terminal.secret.data()),
                                              sync::secretBytes / 4);
        terminal.headMac = QByteArray(32, '\0');
        if (!d->run(QStringLiteral("INSERT INTO terminals (id, number, store, ledger_terminal, "
                                   "secret, head_seq, head_mac, flag, enrolled_at) "
                                   "VALUES (?, ?, ?, ?, ?, 0, ?, '', ?)"),
                    {terminal.id, *number, terminal.store, terminal.ledgerTerminal,
                     hex(terminal.secret), hex(terminal.headMac), iso(nowUtc)})
            || !d->run(QStringLiteral("UPDATE pairing_codes SET used_at = ?, terminal_id = ? "
                                      "WHERE code_hash = ?"),
                       {iso(nowUtc), terminal.id, codeHash(request.code)}))
            return d->lastFailure;
        return terminal;
    });
}

Result<std::optional<Terminal>> CloudStore::terminal(const QString &id)
{
    Result<QSqlQuery> query =
        d->run(QStringLiteral("SELECT store, ledger_terminal, secret, head_seq, head_mac, flag "
                              "FROM terminals WHERE id = ?"),
               {id});
    if (!query)
        return query.error();
    if (!query->next()) {
        d->finishAll();
        return std::optional<Terminal>();
    }
    Terminal terminal;
    terminal.id = id;
    terminal.store = query->value(0).toString();
    terminal.ledgerTerminal = query->value(1).toString();
    terminal.secret = QByteArray::fromHex(query->value(2).toString().toLatin1());
    terminal.headSeq = query->value(3).toLongLong();
    terminal.headMac = QByteArray::fromHex(query->value(4).toString().toLatin1());
    terminal.flag = query->value(5).toString();
    d->finishAll();
    return std::optional(terminal);
}

Result<bool> CloudStore::rememberNonce(const QString &terminalId, const QByteArray &nonce,
                                       const QDateTime &nowUtc)
{
    const qint64 now = nowUtc.toSecsSinceEpoch();
    if (!d->run(QStringLiteral("DELETE FROM nonces WHERE seen_at < ?"),
                {now - 2 * sync::allowedSkewSeconds}))
        return d->lastFailure;
    Result<QSqlQuery> inserted =
        d->run(QStringLiteral("INSERT INTO nonces (terminal_id, nonce, seen_at) VALUES (?, ?, ?) "
                              "ON CONFLICT (terminal_id, nonce) DO NOTHING"),
               {terminalId, QString::fromLatin1(nonce), now});
    if (!inserted)
        return inserted.error();
    return inserted->numRowsAffected() == 1;
}

Status CloudStore::clearFlag(const QString &terminalId)
{
    Result<QSqlQuery> cleared =
        d->run(QStringLiteral("UPDATE terminals SET flag = '' WHERE id = ?"), {terminalId});
    if (!cleared)
        return cleared.error();
    if (cleared->numRowsAffected() != 1)
        return Error{ErrorCode::NotFound, tr("There is no till %1.").arg(terminalId)};
    return {};
}

Result<bool> CloudStore::Private::movePoints(const sync::PushedEvent &event, const QString &member,
                                             const QString &direction, qint64 delta,
                                             const QDateTime &now)
{
    if (delta == 0)
        return false;
    if (!run(QStringLiteral("INSERT INTO members (id, phone, opening_points, balance, updated_at) "
                            "VALUES (?, '', 0, 0, ?) ON CONFLICT (id) DO NOTHING"),
             {member, iso(now)})
        || !run(QStringLiteral("INSERT INTO points_movements (event_id, member_id, direction, "
                               "delta) VALUES (?, ?, ?, ?)"),
                {event.eventId, member, direction, delta})
        || !run(QStringLiteral("UPDATE members SET balance = balance + ?, updated_at = ? "
                               "WHERE id = ?"),
                {delta, iso(now), member}))
        return lastFailure;
    const Result<qint64> balance =
        scalar(QStringLiteral("SELECT balance FROM members WHERE id = ?"), {member});
    if (!balance)
        return balance.error();
    return *balance < 0;
}

Result<sync::EventOutcome> CloudStore::Private::projectSale(const Terminal &terminal,
                                                            const sync::PushedEvent &event,
                                                            const QDateTime &now)
{
    SaleRecord sale;
    if (!decodeSale(event.body, event.version, &sale))
        return Error{ErrorCode::InvalidInput,
                     CloudStore::tr("sale #%1 cannot be read (payload version %2)")
                         .arg(event.seq)
                         .arg(event.version)};
    const QString member = sale.member ? sale.member->id.toString() : QString();
    if (!run(QStringLiteral("INSERT INTO sales (event_id, terminal_id, seq, total_fen, "
                            "member_id, created_at) VALUES (?, ?, ?, ?, ?, ?)"),
             {event.eventId, terminal.id, event.seq, sale.total,
              member.isEmpty() ? QVariant() : QVariant(member), event.createdAt}))
        return lastFailure;
    sync::EventOutcome outcome = sync::EventOutcome::Applied;
    const QString receipt = receiptOf(terminal.id, event.seq, event.createdAt);
    if (sale.member) {
        for (const auto &[direction, delta] :
             {std::pair{QStringLiteral("earned"), sale.member->earned},
              std::pair{QStringLiteral("redeemed"), -sale.member->redeemed}}) {
            const Result<bool> negative = movePoints(event, member, direction, delta, now);
            if (!negative)
                return negative.error();
            if (*negative && delta < 0) {
                if (Status listed =
                        conflict(QStringLiteral("points_negative"), member,
                                 CloudStore::tr("points spent offline beyond the member's balance"),
                                 event.eventId, {}, receipt, {}, now);
                    !listed)
                    return listed.error();
                outcome = sync::EventOutcome::Conflict;
            }
        }
    }
    for (const SaleRecord::Coupon &coupon : sale.coupons) {
        const QString id = QString::number(coupon.id);
        Result<QSqlQuery> first = run(
            QStringLiteral("SELECT event_id, terminal_id, seq, created_at FROM coupon_writeoffs "
                           "WHERE coupon_id = ? ORDER BY created_at LIMIT 1"),
            {id});
        if (!first)
            return first.error();
        if (first->next()) {
            if (Status listed =
                    conflict(QStringLiteral("coupon_reused"), id,
                             CloudStore::tr("coupon %1 written off twice").arg(id),
                             first->value(0).toString(), event.eventId,
                             receiptOf(first->value(1).toString(), first->value(2).toLongLong(),
                                       first->value(3).toString()),
                             receipt, now);
                !listed)
                return listed.error();
            outcome = sync::EventOutcome::Conflict;
        }
        if (!run(QStringLiteral("INSERT INTO coupon_writeoffs (event_id, coupon_id, terminal_id, "
                                "seq, created_at) VALUES (?, ?, ?, ?, ?)"),
                 {event.eventId, id, terminal.id, event.seq, event.createdAt}))
            return lastFailure;
    }
    return outcome;
}

Result<sync::EventOutcome> CloudStore::Private::project(const Terminal &terminal,
                                                        const sync::PushedEvent &event,
                                                        const QDateTime &now)
{
    if (event.kind == u"sale")
        return projectSale(terminal, event, now);
    if (event.kind == u"member_join") {
        const QJsonObject join = QJsonDocument::fromJson(event.body).object();
        const QString id = join.value(QStringLiteral("id")).toString();
        if (id.isEmpty())
            return Error{ErrorCode::InvalidInput,
                         CloudStore::tr("sign-up #%1 has no member id").arg(event.seq)};
        if (!run(QStringLiteral("INSERT INTO members (id, phone, opening_points, balance, "
                                "updated_at) VALUES (?, ?, 0, 0, ?) ON CONFLICT (id) DO NOTHING"),
                 {id, join.value(QStringLiteral("phone")).toString(), iso(now)}))
            return lastFailure;
    }
    return sync::EventOutcome::Applied; // no_sale and kinds of later versions: kept as they came
}

Result<QList<sync::EventResult>>
CloudStore::push(const Terminal &who, const sync::PushRequest &push, const QDateTime &nowUtc)
{
    QList<sync::PushedEvent> events = push.events;
    std::sort(events.begin(), events.end(),
              [](const sync::PushedEvent &a, const sync::PushedEvent &b) { return a.seq < b.seq; });
    // One transaction for the push: every event's effect is keyed by its event id (and the chain
    // head moves with them), so a retried or concurrent push never applies anything twice.
    return d->transaction<QList<sync::EventResult>>([&]() -> Result<QList<sync::EventResult>> {
        Result<QSqlQuery> row =
            d->run(QStringLiteral("SELECT head_seq, head_mac, flag FROM terminals WHERE id = ?%1")
                       .arg(d->postgres() ? QStringLiteral(" FOR UPDATE") : QString()),
                   {who.id});
        if (!row)
            return row.error();
        if (!row->next())
            return Error{ErrorCode::NotFound, tr("There is no till %1.").arg(who.id)};
        qint64 headSeq = row->value(0).toLongLong();
        QByteArray headMac = QByteArray::fromHex(row->value(1).toString().toLatin1());
        QString flag = row->value(2).toString();
        const qint64 firstHead = headSeq;
        QList<sync::EventResult> results;
        qint64 duplicates = 0;
        const auto flagTerminal = [&](const QString &why, const QString &eventId) -> Status {
            flag = why;
            if (!d->run(QStringLiteral("UPDATE terminals SET flag = ? WHERE id = ?"),
                        {why, who.id}))
                return d->lastFailure;
            return d->conflict(QStringLiteral("chain_broken"), who.id, why, eventId, {}, {}, {},
                               nowUtc);
        };
        for (const sync::PushedEvent &event : events) {
            if (!flag.isEmpty()) {
                results.append({event.eventId, sync::EventOutcome::Rejected, flag});
                continue;
            }
            if (event.terminal != who.ledgerTerminal) {
                results.append(
                    {event.eventId, sync::EventOutcome::Rejected, tr("another till's event")});
                continue;
            }
            if (event.seq <= headSeq) {
                Result<QSqlQuery> stored = d->run(
                    QStringLiteral("SELECT mac FROM events WHERE terminal_id = ? AND seq = ?"),
                    {who.id, event.seq});
                if (!stored)
                    return stored.error();
                if (stored->next() && stored->value(0).toString() == hex(event.mac)) {
                    results.append({event.eventId, sync::EventOutcome::Duplicate, {}});
                    ++duplicates;
                    continue;
                }
                const QString why = tr("entry #%1 differs from the one it sent before: the "
                                       "ledger was rewritten")
                                        .arg(event.seq);
                if (Status flagged = flagTerminal(why, event.eventId); !flagged)
                    return flagged.error();
                results.append({event.eventId, sync::EventOutcome::Rejected, why});
                continue;
            }
            if (event.seq != headSeq + 1 || event.prevMac != headMac) {
                const QString why = event.seq != headSeq + 1
                                        ? tr("entry #%1 follows #%2: entries are missing")
                                              .arg(event.seq)
                                              .arg(headSeq)
                                        : tr("entry #%1 does not follow #%2 in the journal chain")
                                              .arg(event.seq)
                                              .arg(headSeq);
                if (Status flagged = flagTerminal(why, event.eventId); !flagged)
                    return flagged.error();
                results.append({event.eventId, sync::EventOutcome::Rejected, why});
                continue;
            }
            if (!d->run(QStringLiteral("INSERT INTO events (event_id, terminal_id, seq, kind, "
                                       "version, created_at, body, mac, received_at) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                        {event.eventId, who.id, event.seq, event.kind, event.version,
                         event.createdAt, QString::fromUtf8(event.body), hex(event.mac),
                         iso(nowUtc)}))
                return d->lastFailure;
            const Result<sync::EventOutcome> outcome = d->project(who, event, nowUtc);
            if (!outcome) {
                if (outcome.error().code != ErrorCode::InvalidInput)
                    return outcome.error();
                // A body the cloud cannot read: this till needs a look before it goes on.
                if (Status flagged = flagTerminal(outcome.error().message, event.eventId); !flagged)
                    return flagged.error();
                results.append(
                    {event.eventId, sync::EventOutcome::Rejected, outcome.error().message});
                continue;
            }
            results.append({event.eventId, *outcome, {}});
            headSeq = event.seq;
            headMac = event.mac;
        }
        // The till's own head: behind what it sent before means its ledger was cut back.
        if (flag.isEmpty()
            && (push.head.seq < headSeq
                || (push.head.seq == headSeq && push.head.mac != headMac && headSeq > 0))) {
            if (Status flagged = flagTerminal(
                    tr("its journal ends at #%1, behind #%2 it sent before: the ledger was cut "
                       "back or replaced")
                        .arg(push.head.seq)
                        .arg(headSeq),
                    {});
                !flagged)
                return flagged.error();
        }
        if (headSeq != firstHead
            && !d->run(
                QStringLiteral("UPDATE terminals SET head_seq = ?, head_mac = ? WHERE id = ?"),
                {headSeq, hex(headMac), who.id}))
            return d->lastFailure;
        if (duplicates
            && !d->run(QStringLiteral("UPDATE counters SET value = value + ? WHERE name = "
                                      "'duplicates'"),
                       {duplicates}))
            return d->lastFailure;
        return results;
    });
}

Result<qint64> CloudStore::recordChanges(const QList<sync::Change> &changes)
{
    return d->transaction<qint64>([&]() -> Result<qint64> {
        // One writer of changes at a time, so a till never sees a later seq before an earlier one
        // is committed (it would skip it).
        if (d->postgres()
            && !d->run(QStringLiteral("LOCK TABLE changes IN SHARE ROW EXCLUSIVE MODE")))
            return d->lastFailure;
        qint64 last = 0;
        for (const sync::Change &change : changes) {
            Result<QSqlQuery> inserted = d->run(
                QStringLiteral(
                    "INSERT INTO changes (kind, key, body) VALUES (?, ?, ?) RETURNING seq"),
                {change.kind, change.key,
                 change.deleted ? QVariant()
                                : QVariant(QString::fromUtf8(
                                    QJsonDocument(change.body).toJson(QJsonDocument::Compact)))});
            if (!inserted)
                return inserted.error();
            if (inserted->next())
                last = inserted->value(0).toLongLong();
        }
        if (changes.isEmpty())
            return d->scalar(QStringLiteral("SELECT coalesce(max(seq), 0) FROM changes"));
        return last;
    });
}

Result<sync::ChangesPage> CloudStore::changesSince(qint64 cursor, int limit)
{
    Result<QSqlQuery> query =
        d->run(QStringLiteral(
                   "SELECT seq, kind, key, body FROM changes WHERE seq > ? ORDER BY seq LIMIT ?"),
               {cursor, limit + 1});
    if (!query)
        return query.error();
    sync::ChangesPage page;
    page.next = cursor;
    while (query->next()) {
        if (page.changes.size() == limit) {
            page.more = true;
            break;
        }
        sync::Change change;
        change.seq = query->value(0).toLongLong();
        change.kind = query->value(1).toString();
        change.key = query->value(2).toString();
        change.deleted = query->value(3).isNull();
        if (!change.deleted)
            change.body = QJsonDocument::fromJson(query->value(3).toString().toUtf8()).object();
        page.next = change.seq;
        page.changes.append(std::move(change));
    }
    d->finishAll();
    return page;
}

Result<sync::ReservationAnswer> CloudStore::reserveCoupon(const QString &terminalId,
                                                          const sync::ReserveRequest &request,
                                                          const QDateTime &nowUtc)
{
    const QString id = QString::number(request.couponId);
    return d->transaction<sync::ReservationAnswer>([&]() -> Result<sync::ReservationAnswer> {
        const Result<qint64> revoked = d->scalar(
            QStringLiteral("SELECT count(*) FROM coupon_revocations WHERE coupon_id = ?"), {id});
        const Result<qint64> used = d->scalar(
            QStringLiteral("SELECT count(*) FROM coupon_writeoffs WHERE coupon_id = ?"), {id});
        if (!revoked || !used)
            return d->lastFailure;
        if (*revoked)
            return sync::ReservationAnswer{sync::Reservation::Revoked,
                                           tr("The chain revoked this coupon.")};
        if (*used)
            return sync::ReservationAnswer{sync::Reservation::AlreadyUsed,
                                           tr("This coupon was written off already.")};
        if (!d->run(QStringLiteral("INSERT INTO coupon_reservations (coupon_id, terminal_id, "
                                   "sale_ref, at) VALUES (?, ?, ?, ?) "
                                   "ON CONFLICT (coupon_id) DO NOTHING"),
                    {id, terminalId, request.saleRef, iso(nowUtc)}))
            return d->lastFailure;
        Result<QSqlQuery> holder = d->run(
            QStringLiteral("SELECT terminal_id FROM coupon_reservations WHERE coupon_id = ?"),
            {id});
        if (!holder || !holder->next())
            return d->lastFailure;
        if (holder->value(0).toString() != terminalId)
            return sync::ReservationAnswer{sync::Reservation::AlreadyUsed,
                                           tr("Another till holds this coupon.")};
        return sync::ReservationAnswer{sync::Reservation::Reserved, {}};
    });
}

Status CloudStore::revokeCoupon(quint64 couponId, const QString &reason, const QDateTime &nowUtc)
{
    const QString id = QString::number(couponId);
    if (!d->run(QStringLiteral("INSERT INTO coupon_revocations (coupon_id, reason, at) "
                               "VALUES (?, ?, ?) ON CONFLICT (coupon_id) DO NOTHING"),
                {id, reason, iso(nowUtc)}))
        return d->lastFailure;
    const Result<qint64> recorded =
        recordChanges({{0,
                        QStringLiteral("revocation"),
                        id,
                        {{QStringLiteral("coupon_id"), id}, {QStringLiteral("reason"), reason}},
                        false}});
    return recorded ? Status() : Status(recorded.error());
}

Result<Stats> CloudStore::stats()
{
    Stats stats;
    Result<QSqlQuery> applied = d->run(
        QStringLiteral("SELECT terminal_id, kind, count(*) FROM events GROUP BY terminal_id, kind "
                       "ORDER BY terminal_id, kind"));
    if (!applied)
        return applied.error();
    while (applied->next())
        stats.applied.append({applied->value(0).toString(), applied->value(1).toString(),
                              applied->value(2).toLongLong()});
    const Result<qint64> duplicates =
        d->scalar(QStringLiteral("SELECT value FROM counters WHERE name = 'duplicates'"));
    const Result<qint64> conflicts = d->scalar(QStringLiteral("SELECT count(*) FROM conflicts"));
    if (!duplicates || !conflicts)
        return d->lastFailure;
    stats.duplicates = *duplicates;
    stats.conflicts = *conflicts;
    Result<QSqlQuery> flagged = d->run(
        QStringLiteral("SELECT id, store, flag FROM terminals WHERE flag <> '' ORDER BY number"));
    if (!flagged)
        return flagged.error();
    while (flagged->next()) {
        Terminal terminal;
        terminal.id = flagged->value(0).toString();
        terminal.store = flagged->value(1).toString();
        terminal.flag = flagged->value(2).toString();
        stats.flagged.append(terminal);
    }
    Result<QSqlQuery> mismatches = d->run(QStringLiteral(
        "SELECT m.id, m.balance, m.opening_points + coalesce(sum(p.delta), 0) FROM members m "
        "LEFT JOIN points_movements p ON p.member_id = m.id "
        "GROUP BY m.id, m.balance, m.opening_points "
        "HAVING m.balance <> m.opening_points + coalesce(sum(p.delta), 0) ORDER BY m.id"));
    if (!mismatches)
        return mismatches.error();
    while (mismatches->next())
        stats.mismatches.append({mismatches->value(0).toString(), mismatches->value(1).toLongLong(),
                                 mismatches->value(2).toLongLong()});
    Result<QSqlQuery> negative =
        d->run(QStringLiteral("SELECT id FROM members WHERE balance < 0 ORDER BY id"));
    if (!negative)
        return negative.error();
    while (negative->next())
        stats.negativeMembers.append(negative->value(0).toString());
    d->finishAll();
    return stats;
}

Result<QList<ConflictRow>> CloudStore::conflicts()
{
    Result<QSqlQuery> query = d->run(QStringLiteral(
        "SELECT id, kind, key, detail, first_event, second_event, first_receipt, second_receipt, "
        "at FROM conflicts ORDER BY id"));
    if (!query)
        return query.error();
    QList<ConflictRow> rows;
    while (query->next())
        rows.append({query->value(0).toLongLong(), query->value(1).toString(),
                     query->value(2).toString(), query->value(3).toString(),
                     query->value(4).toString(), query->value(5).toString(),
                     query->value(6).toString(), query->value(7).toString(),
                     QDateTime::fromString(query->value(8).toString(), Qt::ISODateWithMs)});
    d->finishAll();
    return rows;
}

Status CloudStore::addMember(const QString &memberId, const QString &phone, qint64 openingPoints,
                             const QDateTime &nowUtc)
{
    // A member imported again keeps the movements: only the opening balance is replaced.
    const Result<QSqlQuery> added =
        d->run(QStringLiteral(
                   "INSERT INTO members (id, phone, opening_points, balance, updated_at) "
                   "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                   "phone = excluded.phone, "
                   "balance = members.balance - members.opening_points + excluded.opening_points, "
                   "opening_points = excluded.opening_points, updated_at = excluded.updated_at"),
               {memberId, phone, openingPoints, openingPoints, iso(nowUtc)});
    return added ? Status() : Status(added.error());
}

Result<qint64> CloudStore::memberBalance(const QString &memberId)
{
    Result<QSqlQuery> query =
        d->run(QStringLiteral("SELECT balance FROM members WHERE id = ?"), {memberId});
    if (!query)
        return query.error();
    const std::optional<qint64> balance =
        query->next() ? std::optional(query->value(0).toLongLong()) : std::nullopt;
    d->finishAll();
    if (!balance)
        return Error{ErrorCode::NotFound, tr("There is no member %1.").arg(memberId)};
    return *balance;
}

Result<qint64> CloudStore::eventCount(const QString &kind)
{
    if (kind.isEmpty())
        return d->scalar(QStringLiteral("SELECT count(*) FROM events"));
    return d->scalar(QStringLiteral("SELECT count(*) FROM events WHERE kind = ?"), {kind});
}

} // namespace smartpos::cloud
