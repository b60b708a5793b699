// The ledger (app/ledger/ledger.h): commits, the keyed chain, verify against every kind of
// tampering an attacker with the sqlite3 tool could do, the key folder and its anchor, the
// migration of foundation ledgers, and read-only use.
#include "ledger/canonicaljson.h"
#include "ledger/keyfolder.h"
#include "ledger/ledger.h"
#include "ledger/salerecord.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

#include <sqlite3.h>

#include <atomic>
#include <csignal>
#include <functional>
#include <limits>
#include <memory>
#include <thread>

#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace smartpos;
using namespace Qt::StringLiterals;

// The ledger verifies, with exactly `expected` journal entries.
#define VERIFY_LEDGER_OK(ledger, expected)                                                         \
    do {                                                                                           \
        const VerifyResult verified_ = (ledger).verify(true);                                      \
        QVERIFY2(verified_.ok,                                                                     \
                 qPrintable(u"entry %1: %2"_s.arg(verified_.firstBadSeq).arg(verified_.reason)));  \
        QCOMPARE(verified_.entries, qint64(expected));                                             \
    } while (false)

namespace {
constexpr auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr auto ownerDir = ownerOnly | QFileDevice::ExeOwner;
const QDateTime baseTime(QDate(2024, 3, 1), QTime(2, 30, 15, 123), Qt::UTC);

Product product(qint64 id, const QString &sku, const QString &zh, const QString &en,
                qint64 priceFen, int rateBp, bool weighed = false)
{
    Product p = unitProduct(id, priceFen, rateBp);
    p.sku = sku;
    p.nameZh = zh;
    p.nameEn = en;
    p.soldBy = weighed ? SoldBy::Weight : SoldBy::Unit;
    p.plu = weighed ? u"10001"_s : QString();
    return p;
}

// Sale number n: a few unit lines, sometimes a weighed one, paid in cash.
Sale makeSale(int n)
{
    static const Product cola =
        product(1, u"DR0001"_s, u"可口可乐 330ml 罐装"_s, u"Coca-Cola Can 330ml"_s, 300, 1300);
    static const Product chips =
        product(2, u"SN0007"_s, u"品客 原味薯片 110g"_s, u"Pringles Original 110g"_s, 1290, 1300);
    static const Product bananas =
        product(3, u"FR0011"_s, u"香蕉（称重）"_s, u"Bananas (per kg)"_s, 1196, 900, true);
    Cart cart;
    cart.addUnits(cola, u"6928804995534"_s, 1 + n % 3);
    if (n % 2 == 0)
        cart.addUnits(chips, u"0038000617607"_s, 1);
    if (n % 3 == 0)
        cart.addWeighed(bananas, u"2210001005005"_s, 100 * n + 5);
    const auto tender = cashTender(cart.total(), cart.total() + Money::fromFen(n * 10));
    return saleFromCart(cart, baseTime.addSecs(60 * n), {*tender});
}

// Two lines (one weighed), a line promotion and a basket coupon, paid by payment code and cash;
// texts that need escaping in the canonical JSON.
Sale adjustedSale(int n)
{
    Sale sale;
    sale.createdAt = baseTime.addSecs(60 * n);
    sale.lines.append(SaleLine{u"DR\\0001"_s, u"6928804995534"_s, u"可口可乐 \"罐装\""_s,
                               u"Coca-Cola\tCan\n330ml\u0001\u001f"_s, 3, false,
                               Money::fromFen(300), Money::fromFen(900), 1300});
    sale.lines.append(SaleLine{u"FR0011"_s, u"2210001012508"_s, u"香蕉"_s, u"Bananas"_s, 1250, true,
                               Money::fromFen(1196), Money::fromFen(1495), 900});
    sale.adjustments.append(Adjustment{u"promo:cola-3"_s, u"可乐三件九折"_s,
                                       u"Cola: 3 for 10% off"_s, 0, Money::fromFen(-90)});
    sale.adjustments.append(
        Adjustment{u"coupon:C42"_s, u"满20减5"_s, u"5 off 20"_s, -1, Money::fromFen(-500)});
    sale.total = Money::fromFen(900 + 1495 - 90 - 500); // 1805
    sale.tax = Money::fromFen(180);
    sale.tenders.append(
        exactTender(Tender::Kind::PaymentCode, Money::fromFen(1000), u"wx ****1234 \"ok\""_s));
    sale.tenders.append(*cashTender(Money::fromFen(805), Money::fromFen(1000)));
    sale.member = SaleMember{u"M1001"_s, u"gold"_s, u"138****5678"_s, 59'000'000, 27, 0, 1227};
    // Serials of their own in each sale: a coupon is written off (or handed out) once.
    const quint64 serial = n == 1 ? std::numeric_limits<quint64>::max() : 1000 + n;
    sale.coupons.append(RedeemedCoupon{serial, 0xffffffffu, 7});
    sale.givenCoupons.append(GivenCoupon{7'000'000 + quint64(n), 7, u"SPC1.given"_s});
    return sale;
}

// A sale whose rows need far more than a page or two.
Sale bigSale()
{
    Cart cart;
    for (int i = 0; i < 300; ++i) {
        cart.addUnits(product(1000 + i, u"BIG%1"_s.arg(i),
                              u"很长的商品名称 %1"_s.arg(i).repeated(4),
                              u"A rather long product name %1"_s.arg(i).repeated(3), 100 + i, 1300),
                      u"690%1"_s.arg(i, 10, 10, QLatin1Char('0')), 2);
    }
    return saleFromCart(cart, baseTime, {*cashTender(cart.total(), cart.total())});
}

void compareSales(const Sale &actual, const Sale &expected)
{
    QCOMPARE(actual.createdAt.toMSecsSinceEpoch(), expected.createdAt.toMSecsSinceEpoch());
    QCOMPARE(actual.total, expected.total);
    QCOMPARE(actual.tax, expected.tax);
    QCOMPARE(actual.lines.size(), expected.lines.size());
    for (qsizetype i = 0; i < expected.lines.size(); ++i) {
        const SaleLine &a = actual.lines[i];
        const SaleLine &e = expected.lines[i];
        QCOMPARE(a.sku, e.sku);
        QCOMPARE(a.code, e.code);
        QCOMPARE(a.nameZh, e.nameZh);
        QCOMPARE(a.nameEn, e.nameEn);
        QCOMPARE(a.quantity, e.quantity);
        QCOMPARE(a.weighed, e.weighed);
        QCOMPARE(a.unitPrice, e.unitPrice);
        QCOMPARE(a.total, e.total);
        QCOMPARE(a.taxRateBp, e.taxRateBp);
    }
    QCOMPARE(actual.adjustments.size(), expected.adjustments.size());
    for (qsizetype i = 0; i < expected.adjustments.size(); ++i) {
        const Adjustment &a = actual.adjustments[i];
        const Adjustment &e = expected.adjustments[i];
        QCOMPARE(a.source, e.source);
        QCOMPARE(a.nameZh, e.nameZh);
        QCOMPARE(a.nameEn, e.nameEn);
        QCOMPARE(a.line, e.line);
        QCOMPARE(a.amount, e.amount);
    }
    QCOMPARE(actual.tenders.size(), expected.tenders.size());
    for (qsizetype i = 0; i < expected.tenders.size(); ++i) {
        QCOMPARE(actual.tenders[i].kind, expected.tenders[i].kind);
        QCOMPARE(actual.tenders[i].amount, expected.tenders[i].amount);
        QCOMPARE(actual.tenders[i].received, expected.tenders[i].received);
        QCOMPARE(actual.tenders[i].change, expected.tenders[i].change);
        QCOMPARE(actual.tenders[i].reference, expected.tenders[i].reference);
    }
    QCOMPARE(actual.member, expected.member);
    QCOMPARE(actual.coupons, expected.coupons);
    QCOMPARE(actual.givenCoupons, expected.givenCoupons);
}

// A terminal: its data folder and its key folder, side by side in one temporary folder.
struct Terminal {
    QTemporaryDir root;
    QString data = root.filePath(u"data"_s);
    QString keys = root.filePath(u"keys"_s);
    QString db = data + u"/ledger.db"_s;

    Terminal()
    {
        QDir().mkpath(data);
        QFile::setPermissions(data, ownerDir);
    }
    Status open(Ledger &ledger) const { return ledger.open(data, keys); }
    Status openReadOnly(Ledger &ledger) const { return ledger.openReadOnly(data, keys); }
};

bool copyTree(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    QFile::setPermissions(to, QFile::permissions(from));
    const QDir source(from);
    for (const QFileInfo &entry :
         source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
        const QString target = QDir(to).filePath(entry.fileName());
        if (entry.isDir() ? !copyTree(entry.filePath(), target)
                          : !QFile::copy(entry.filePath(), target))
            return false;
    }
    return true;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
           && file.write(bytes) == bytes.size();
}

// Where two files differ, for a failure message ("byte 18: 01 -> 02, ...").
QString differences(const QByteArray &before, const QByteArray &after)
{
    QStringList out;
    if (before.size() != after.size())
        out << u"size %1 -> %2"_s.arg(before.size()).arg(after.size());
    for (qsizetype i = 0; i < qMin(before.size(), after.size()) && out.size() < 12; ++i)
        if (before[i] != after[i])
            out << u"byte %1: %2 -> %3"_s.arg(i)
                       .arg(uint(uchar(before[i])), 2, 16, QChar(u'0'))
                       .arg(uint(uchar(after[i])), 2, 16, QChar(u'0'));
    return out.join(u", "_s);
}

// What changed between two snapshots: "+new", "-gone", "~changed" file names.
QString snapshotDifferences(const QMap<QString, QPair<QByteArray, qint64>> &before,
                            const QMap<QString, QPair<QByteArray, qint64>> &after)
{
    QStringList out;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (!before.contains(it.key()))
            out << u"+"_s + it.key();
        else if (before[it.key()] != it.value())
            out << u"~"_s + it.key();
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        if (!after.contains(it.key()))
            out << u"-"_s + it.key();
    return out.join(u", "_s);
}

QFileDevice::Permissions modeOf(const QString &path)
{
    return QFile::permissions(path)
           & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
}

// What a folder holds: every file's name, bytes and modification time (ns).
QMap<QString, QPair<QByteArray, qint64>> snapshot(const QString &dir)
{
    QMap<QString, QPair<QByteArray, qint64>> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        struct stat st {};
        ::stat(QFile::encodeName(path).constData(), &st);
        files.insert(QDir(dir).relativeFilePath(path),
                     {readFile(path), qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec});
    }
    return files;
}

// A plain connection to a ledger file, as someone with the sqlite3 tool would have it: no
// recursive triggers, no foreign keys, no WAL switch.
class RawDb {
public:
    explicit RawDb(const QString &path, bool readOnly = false)
        : m_name(QUuid::createUuid().toString())
    {
        m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        m_db.setDatabaseName(path);
        if (readOnly)
            m_db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        // An attacker does not wait for the disk (and neither should the tests).
        if (m_db.open() && !readOnly)
            QSqlQuery(m_db).exec(u"PRAGMA synchronous = OFF"_s);
    }
    ~RawDb()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isOpen() const { return m_db.isOpen(); }
    QSqlDatabase &db() { return m_db; }
    bool exec(const QString &sql, QString *error)
    {
        QSqlQuery q(m_db);
        if (q.exec(sql))
            return true;
        *error = sql + u": "_s + q.lastError().text();
        return false;
    }
    QVariant value(const QString &sql)
    {
        QSqlQuery q(m_db);
        return q.exec(sql) && q.next() ? q.value(0) : QVariant();
    }
    qint64 integer(const QString &sql)
    {
        const QVariant v = value(sql);
        return v.isValid() ? v.toLongLong() : -1;
    }

private:
    QString m_name;
    QSqlDatabase m_db;
};

bool rawExec(const QString &path, const QStringList &statements, QString *error)
{
    RawDb raw(path);
    if (!raw.isOpen()) {
        *error = raw.db().lastError().text();
        return false;
    }
    for (const QString &sql : statements)
        if (!raw.exec(sql, error))
            return false;
    return true;
}

qint64 rawInt(const QString &path, const QString &sql)
{
    RawDb raw(path);
    return raw.integer(sql);
}

qint64 intValue(Ledger &ledger, const QString &sql)
{
    QString error;
    const auto value = ledger.database().scalar(sql, &error);
    return value ? value->toLongLong() : -1;
}

QByteArray terminalKey(const QString &keyDir)
{
    return QByteArray::fromHex(readFile(keyDir + u"/terminal.key"_s).trimmed());
}

// How a chain is re-sealed after an edit.
enum class Seal {
    None,
    Sha256,      // the foundation's way: SHA-256(previous ‖ header ‖ payload)
    OtherKey,    // HMAC-SHA256 under a key that is not the terminal's
    TerminalKey, // HMAC-SHA256 under the terminal key (an attacker who stole it), anchor too
    TerminalKeyNoAnchor,
};

QByteArray macHeader(const QByteArray &terminal, qint64 seq, const QByteArray &kind, qint64 version,
                     const QByteArray &at)
{
    return terminal + '\n' + QByteArray::number(seq) + '\n' + kind + '\n'
           + QByteArray::number(version) + '\n' + at + '\n';
}

QByteArray hmacOf(const QByteArray &key, const QByteArray &terminal, const QByteArray &previous,
                  qint64 seq, const QByteArray &kind, qint64 version, const QByteArray &at,
                  const QByteArray &payload)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, key);
    mac.addData(previous);
    mac.addData(macHeader(terminal, seq, kind, version, at));
    mac.addData(payload);
    return mac.result();
}

// Recomputes prev_mac and mac of every entry from `from` on (triggers already dropped).
bool reseal(RawDb &raw, Seal seal, const QByteArray &terminalKeyBytes, qint64 from,
            KeyFolder::Head *head, QString *error)
{
    const QByteArray otherKey =
        QCryptographicHash::hash("another terminal", QCryptographicHash::Sha256);
    const QByteArray terminal =
        raw.value(u"SELECT value FROM meta WHERE key = 'terminal_id'"_s).toByteArray();
    QSqlQuery q(raw.db());
    if (!q.exec(u"SELECT seq, kind, version, created_at, payload, prev_mac, mac FROM journal "
                u"ORDER BY seq"_s)) {
        *error = q.lastError().text();
        return false;
    }
    struct Row {
        qint64 seq;
        QByteArray mac;
    };
    QList<Row> rows;
    QByteArray previous(32, '\0');
    while (q.next()) {
        const qint64 seq = q.value(0).toLongLong();
        if (seq < from) {
            previous = q.value(6).toByteArray();
            continue;
        }
        const QByteArray kind = q.value(1).toByteArray();
        const qint64 version = q.value(2).toLongLong();
        const QByteArray at = q.value(3).toByteArray();
        const QByteArray payload = q.value(4).toByteArray();
        QByteArray mac;
        if (seal == Seal::Sha256)
            mac = QCryptographicHash::hash(previous + macHeader(terminal, seq, kind, version, at)
                                               + payload,
                                           QCryptographicHash::Sha256);
        else
            mac = hmacOf(seal == Seal::OtherKey ? otherKey : terminalKeyBytes, terminal, previous,
                         seq, kind, version, at, payload);
        rows.append({seq, previous});
        rows.append({seq, mac});
        previous = mac;
        *head = {seq, mac};
    }
    for (qsizetype i = 0; i < rows.size(); i += 2) {
        QSqlQuery update(raw.db());
        update.prepare(u"UPDATE journal SET prev_mac = ?, mac = ? WHERE seq = ?"_s);
        update.addBindValue(rows[i].mac);
        update.addBindValue(rows[i + 1].mac);
        update.addBindValue(rows[i].seq);
        if (!update.exec()) {
            *error = update.lastError().text();
            return false;
        }
    }
    return true;
}

// What an attacker with sqlite3 does: drop the append-only triggers, edit (the statement
// "--reopen" starts a new connection, e.g. after writable_schema), optionally re-seal the
// chain, and put the triggers back as they were so the file looks untouched.
bool tamper(const Terminal &t, const QStringList &statements, QString *error,
            Seal seal = Seal::None, qint64 sealFrom = 1, bool restoreTriggers = true)
{
    QList<QPair<QString, QString>> triggers;
    {
        RawDb raw(t.db);
        QSqlQuery q(raw.db());
        if (!q.exec(u"SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'"_s)) {
            *error = q.lastError().text();
            return false;
        }
        while (q.next())
            triggers.append({q.value(0).toString(), q.value(1).toString()});
        q.finish();
        for (const auto &[name, sql] : triggers)
            if (!raw.exec(u"DROP TRIGGER "_s + name, error))
                return false;
    }
    QList<QStringList> segments{{}};
    for (const QString &sql : statements) {
        if (sql == u"--reopen")
            segments.append(QStringList());
        else
            segments.last().append(sql);
    }
    for (const QStringList &segment : segments)
        if (!rawExec(t.db, segment, error))
            return false;
    if (seal != Seal::None) {
        RawDb raw(t.db);
        KeyFolder::Head head;
        if (!reseal(raw, seal, terminalKey(t.keys), sealFrom, &head, error))
            return false;
        if (seal == Seal::TerminalKey) {
            KeyFolder keys;
            if (!keys.open(t.keys, false).ok() || !keys.writeAnchor(head).ok()) {
                *error = u"cannot rewrite the anchor"_s;
                return false;
            }
        }
    }
    if (restoreTriggers) {
        RawDb raw(t.db);
        for (const auto &[name, sql] : triggers) {
            if (raw.integer(u"SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND "
                            u"name = '%1'"_s.arg(name))
                == 0)
                if (!raw.exec(sql, error))
                    return false;
        }
    }
    return true;
}

std::optional<KeyFolder::Head> anchorOf(const QString &keyDir)
{
    KeyFolder keys;
    if (!keys.open(keyDir, true).ok())
        return std::nullopt;
    return keys.readAnchor();
}

constexpr int childCannotDropRoot = 3;
constexpr int childCannotReach = 5;

// Runs `work` in a child process, as the unprivileged user nobody when this process is root
// (root ignores file permissions). The child reports through its output; `status` is its exit
// code (0 when `work` ran, or one of the codes above).
QString inChild(const std::function<QString()> &work, int *status, bool asNobody = true)
{
    *status = -1;
    int fds[2];
    if (::pipe(fds) != 0)
        return {};
    const pid_t pid = ::fork();
    if (pid < 0)
        return {};
    if (pid == 0) {
        ::close(fds[0]);
        // A crash ends the child at once (no crash handler, no debugger): the parent reports it.
        for (const int sig : {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL})
            ::signal(sig, SIG_DFL);
        if (asNobody && ::geteuid() == 0
            && (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0))
            ::_exit(childCannotDropRoot);
        const QByteArray out = work().toUtf8();
        if (::write(fds[1], out.constData(), size_t(out.size())) != out.size())
            ::_exit(4);
        ::_exit(0);
    }
    ::close(fds[1]);
    QByteArray out;
    char buffer[4096];
    ssize_t n;
    while ((n = ::read(fds[0], buffer, sizeof buffer)) > 0)
        out.append(buffer, n);
    ::close(fds[0]);
    int waited = 0;
    ::waitpid(pid, &waited, 0);
    *status = WIFEXITED(waited) ? WEXITSTATUS(waited) : 128 + WTERMSIG(waited);
    return QString::fromUtf8(out);
}

// Gives a tree to nobody when running as root, so that a child as nobody owns it.
void giveTree(const QString &dir, uid_t uid, gid_t gid)
{
    ::chown(QFile::encodeName(dir).constData(), uid, gid);
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        ::chown(QFile::encodeName(it.next()).constData(), uid, gid);
}

QString foundationFixture()
{
    return QStringLiteral(SMARTPOS_SOURCE_DIR "/tests/fixtures/foundation-ledger.db");
}

// The sales of a foundation ledger, read from its own tables (not from its journal).
QList<Sale> foundationSales(const QString &path)
{
    QList<Sale> sales;
    RawDb raw(path, true);
    QSqlQuery s(raw.db());
    s.exec(u"SELECT id, NULL, created_at, total_fen, tax_fen FROM sales ORDER BY seq"_s);
    while (s.next()) {
        Sale sale;
        sale.createdAt = QDateTime::fromString(s.value(2).toString(), Qt::ISODateWithMs);
        sale.total = Money::fromFen(s.value(3).toLongLong());
        sale.tax = Money::fromFen(s.value(4).toLongLong());
        QSqlQuery l(raw.db());
        l.exec(u"SELECT sku, code, name_zh, name_en, quantity, weighed, unit_price_fen, total_fen, "
               u"tax_rate_bp FROM sale_lines WHERE sale_id = %1 ORDER BY line_no"_s.arg(
                   s.value(0).toLongLong()));
        while (l.next())
            sale.lines.append(
                SaleLine{l.value(0).toString(), l.value(1).toString(), l.value(2).toString(),
                         l.value(3).toString(), l.value(4).toLongLong(), l.value(5).toBool(),
                         Money::fromFen(l.value(6).toLongLong()),
                         Money::fromFen(l.value(7).toLongLong()), l.value(8).toInt()});
        QSqlQuery t(raw.db());
        t.exec(u"SELECT kind, amount_fen, received_fen, change_fen FROM tenders WHERE sale_id = %1 "
               u"ORDER BY id"_s.arg(s.value(0).toLongLong()));
        while (t.next())
            sale.tenders.append(Tender{*tenderKindFromName(t.value(0).toString()),
                                       Money::fromFen(t.value(1).toLongLong()),
                                       Money::fromFen(t.value(2).toLongLong()),
                                       Money::fromFen(t.value(3).toLongLong()), QString()});
        sales.append(sale);
    }
    return sales;
}

int userVersionOf(const QString &path)
{
    sqlite3 *db = nullptr;
    int version = -1;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr)
        == SQLITE_OK) {
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr) == SQLITE_OK
            && sqlite3_step(stmt) == SQLITE_ROW)
            version = sqlite3_column_int(stmt, 0);
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return version;
}

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

} // namespace

Q_DECLARE_METATYPE(Seal)

class TestLedger : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    // Commits and the chain
    void canonicalSaleFormat();
    void canonicalReaderRejectsOtherBytes_data();
    void canonicalReaderRejectsOtherBytes();
    void commitAndLoad();
    void loadUnknownSale();
    void sequenceAndChain();
    void oneTransactionWritesEverything();
    void emptySaleRefused();
    void unsettledTendersRefused_data();
    void unsettledTendersRefused();
    void failedCommitLeavesNoGap_data();
    void failedCommitLeavesNoGap();
    void reopenContinuesChain();
    void splitTenderAndAdjustmentsRoundTrip();
    void noSalesInterleaved();
    void membersAndCoupons();
    void couponWrittenOffOnce();
    void memberJoinRecorded();
    void memberJoinTampered();
    void commitOnReadOnlyLedgerRefused();
    void unopenedLedgerIsHarmless_data();
    void unopenedLedgerIsHarmless();
    void diskFull();

    // Append-only
    void appendOnly_data();
    void appendOnly();
    void deliveryColumnsMayChange();
    void replaceCannotRewriteHistory_data();
    void replaceCannotRewriteHistory();

    // Files
    void fromMissingFile();
    void fromEmptyFile();
    void fileMode();
    void garbageFile();

    // Tampering, found by verify
    void tamperDetected_data();
    void tamperDetected();
    void guardRemoved_data();
    void guardRemoved();
    void damagedIndexPage();
    void ledgerDeleted();
    void walDeleted();
    void refusedOpenWritesNothing();

    // Key folder and anchor
    void anchorNeverLeads();
    void tornAnchor_data();
    void tornAnchor();
    void anchorLagRepaired();
    void anchorAheadRefused();
    void walOfAnotherLedgerNamed();
    void otherTerminalsKeyFolder_data();
    void otherTerminalsKeyFolder();
    void keyMissing();
    void keyDamaged();
    void retire();

    // Migration and schema
    void migrateFoundation();
    void migratedEntriesChecked_data();
    void migratedEntriesChecked();
    void tamperedFoundationRefused_data();
    void tamperedFoundationRefused();
    void refusedMigrationRetried();
    void tooNew_data();
    void tooNew();
    void damagedSchema();

    // Read-only
    void openReadOnlyWritesNothing();
    void openReadOnlyWithoutKey();
    void readerWhileTillStarts();
    void verifyWhileTillCommits();
    void readOnlyFiles_data();
    void readOnlyFiles();

private:
    std::unique_ptr<Terminal> copyOfTemplate();

    // 1 sale, 2 sale with adjustments and split tenders, 3 no-sale, 4 sale, 5 sale.
    Terminal m_template;
    QList<Sale> m_templateSales; // by seq - 1 (an empty Sale for the no-sale)
    QString m_templateTerminal;
};

void TestLedger::initTestCase()
{
    {
        Ledger ledger;
        QVERIFY_OK(m_template.open(ledger));
        m_templateTerminal = ledger.terminalId();
        m_templateSales = {makeSale(1), adjustedSale(2), Sale(), makeSale(4), makeSale(5)};
        for (int seq = 1; seq <= 5; ++seq) {
            const auto committed = seq == 3 ? ledger.commitNoSale(baseTime.addSecs(180))
                                            : ledger.commitSale(m_templateSales[seq - 1]);
            QVERIFY_OK(committed);
            QCOMPARE(*committed, qint64(seq));
        }
        VERIFY_LEDGER_OK(ledger, 5);
    }
    // Closed cleanly: everything is in ledger.db, no -wal, no -shm.
    QCOMPARE(QDir(m_template.data).entryList(QDir::Files), QStringList{u"ledger.db"_s});
}

std::unique_ptr<Terminal> TestLedger::copyOfTemplate()
{
    auto t = std::make_unique<Terminal>();
    if (!copyTree(m_template.data, t->data) || !copyTree(m_template.keys, t->keys))
        return nullptr;
    return t;
}

// ---------------------------------------------------------------------------------------------
// Commits and the chain

void TestLedger::canonicalSaleFormat()
{
    Sale sale;
    sale.createdAt = QDateTime(QDate(2024, 3, 1), QTime(20, 30, 15, 123), QTimeZone(8 * 3600));
    sale.lines.append(SaleLine{u"DR0001"_s, u"6928804995534"_s, u"可口可乐"_s, u"Coca-Cola"_s, 2,
                               false, Money::fromFen(300), Money::fromFen(600), 1300});
    sale.lines.append(SaleLine{u"FR0011"_s, u"2210001005005"_s, u"香蕉"_s, u"Bananas \"ripe\"\n"_s,
                               500, true, Money::fromFen(1196), Money::fromFen(598), 900});
    sale.adjustments.append(
        Adjustment{u"promo:7"_s, u"可乐九折"_s, u"Cola 10% off"_s, 0, Money::fromFen(-90)});
    sale.total = Money::fromFen(1108);
    sale.tax = Money::fromFen(108);
    sale.tenders.append(exactTender(Tender::Kind::PaymentCode, Money::fromFen(500), u"****1234"_s));
    sale.tenders.append(*cashTender(Money::fromFen(608), Money::fromFen(1000)));
    const QByteArray expected =
        R"({"adjustments":[{"amount":-90,"line":1,"name_en":"Cola 10% off","name_zh":"可乐九折",)"
        R"("source":"promo:7"}],"coupons":[],"given":[],"lines":[)"
        R"({"code":"6928804995534","name_en":"Coca-Cola","name_zh":"可口可乐","price":300,"qty":2,)"
        R"("sku":"DR0001","tax_bp":1300,"total":600,"unit":"pc"},)"
        R"({"code":"2210001005005","name_en":"Bananas \"ripe\"\n","name_zh":"香蕉","price":1196,)"
        R"("qty":500,"sku":"FR0011","tax_bp":900,"total":598,"unit":"g"}],)"
        R"("tax":108,"tenders":[{"amount":500,"change":0,"kind":"payment_code",)"
        R"("received":500,"ref":"****1234"},{"amount":608,"change":392,"kind":"cash",)"
        R"("received":1000,"ref":""}],"total":1108})"_ba;
    const QByteArray encoded = encodeSale(sale);
    QCOMPARE(encoded, expected);

    SaleRecord record;
    QVERIFY(decodeSale(encoded, 3, &record));
    compareSales(record.toSale("2024-03-01T12:30:15.123Z"), sale);
    for (const int older : {1, 2}) {
        SaleRecord asOlder;
        QVERIFY(!decodeSale(encoded, older, &asOlder));
    }
}

void TestLedger::canonicalReaderRejectsOtherBytes_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    // adjustedSale(): line 1 has "qty":3 and a name with \t, \n and \u0001 escaped.
    QTest::newRow("space after colon") << R"("tax":180)"_ba
                                       << R"("tax": 180)"_ba;
    QTest::newRow("space after comma") << R"(,"tax":180)"_ba
                                       << R"(, "tax":180)"_ba;
    QTest::newRow("keys reordered") << R"("amount":-90,"line":1)"_ba
                                    << R"("line":1,"amount":-90)"_ba;
    QTest::newRow("key missing") << R"("tax":180,)"_ba
                                 << ""_ba;
    QTest::newRow("key added") << R"("tax":180,)"_ba
                               << R"("tax":180,"tip":0,)"_ba;
    QTest::newRow("leading zero") << R"("qty":3,)"_ba
                                  << R"("qty":03,)"_ba;
    // Version 3: coupon serials are decimal text within 64 bits; points and steps in range.
    QTest::newRow("serial with leading zero") << R"("id":"7000001")"_ba
                                              << R"("id":"07000001")"_ba;
    QTest::newRow("serial beyond 64 bits") << R"("id":"18446744073709551615")"_ba
                                           << R"("id":"18446744073709551616")"_ba;
    QTest::newRow("serial with a sign") << R"("id":"7000001")"_ba
                                        << R"("id":"+7000001")"_ba;
    QTest::newRow("serial as a number") << R"("id":"7000001")"_ba
                                        << R"("id":7000001)"_ba;
    QTest::newRow("campaign beyond 32 bits") << R"("campaign":4294967295)"_ba
                                             << R"("campaign":4294967296)"_ba;
    QTest::newRow("negative points") << R"("earned":27)"_ba
                                     << R"("earned":-27)"_ba;
    QTest::newRow("step below -1") << R"("step":59000000)"_ba
                                   << R"("step":-2)"_ba;
    QTest::newRow("member key missing") << R"("phone":"138****5678",)"_ba
                                        << ""_ba;
    QTest::newRow("plus sign") << R"("qty":3,)"_ba
                               << R"("qty":+3,)"_ba;
    QTest::newRow("fraction") << R"("qty":3,)"_ba
                              << R"("qty":3.0,)"_ba;
    QTest::newRow("exponent") << R"("qty":3,)"_ba
                              << R"("qty":3e0,)"_ba;
    QTest::newRow("newline between keys") << R"("tenders":)"_ba
                                          << "\n\"tenders\":"_ba;
    QTest::newRow("unknown unit") << R"("unit":"pc")"_ba
                                  << R"("unit":"kg")"_ba;
    QTest::newRow("raw control character") << R"(\u0001)"_ba
                                           << "\x01"_ba;
    QTest::newRow("raw newline") << R"(\n330ml)"_ba
                                 << "\n330ml"_ba;
    // The writer never escapes printable ASCII, and writes \u00XX in lower case only.
    QTest::newRow("needless \\u escape") << R"("source":"coupon:C42")"_ba
                                         << R"("source":"coupon:C4\u0032")"_ba;
    QTest::newRow("needless \\/ escape") << R"("source":"coupon:C42")"_ba
                                         << R"("source":"coupon\/C42")"_ba;
    QTest::newRow("\\u instead of \\n") << R"(\n330ml)"_ba
                                        << R"(\u000a330ml)"_ba;
    QTest::newRow("upper-case hex") << R"(\u001f)"_ba
                                    << R"(\u001F)"_ba;
    QTest::newRow("unknown escape \\U") << R"(\u0001)"_ba
                                        << R"(\U0001)"_ba;
    QTest::newRow("\\u escape cut short") << R"(\u001f")"_ba
                                          << R"(\u1f")"_ba;
}

void TestLedger::canonicalReaderRejectsOtherBytes()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QByteArray bytes = encodeSale(adjustedSale(1));
    QCOMPARE(bytes.count(from), 1);
    SaleRecord ok;
    QVERIFY(decodeSale(bytes, 3, &ok));
    for (const int other : {1, 2, 4}) {
        SaleRecord asOtherVersion;
        QVERIFY(!decodeSale(bytes, other, &asOtherVersion));
    }
    bytes.replace(from, to);
    SaleRecord record;
    QVERIFY2(!decodeSale(bytes, 3, &record), bytes.constData());
}

void TestLedger::commitAndLoad()
{
    Terminal t;
    Ledger ledger;
    QVERIFY_OK(t.open(ledger));
    QVERIFY(ledger.isOpen());
    QVERIFY(!QUuid::fromString(ledger.terminalId()).isNull());
    QCOMPARE(ledger.head().seq, 0);
    const Sale sale = makeSale(3); // unit lines and a weighed line
    QCOMPARE(sale.lines.size(), 2);
    const auto committed = ledger.commitSale(sale);
    QVERIFY_OK(committed);
    QCOMPARE(*committed, 1);
    QCOMPARE(ledger.head().seq, 1);
    const auto loaded = ledger.loadSale(1);
    QVERIFY(loaded);
    compareSales(*loaded, sale);
    // What was loaded encodes to exactly what was recorded.
    QSqlQuery q(ledger.database().connection());
    QVERIFY(q.exec(u"SELECT payload FROM journal WHERE seq = 1"_s) && q.next());
    QCOMPARE(q.value(0).toByteArray(), encodeSale(*loaded));
}

void TestLedger::membersAndCoupons()
{
    Terminal t;
    Ledger ledger;
    QVERIFY_OK(t.open(ledger));
    const quint64 coupon = std::numeric_limits<quint64>::max();
    QCOMPARE(*ledger.lastMemberCodeStep(u"M1001"_s), std::nullopt);
    QCOMPARE(*ledger.couponRedeemed(coupon), false);
    QCOMPARE(*ledger.couponHandedOut(7'000'001), false);
    QCOMPARE(*ledger.pointsRedeemedSince(u"M1001"_s, {}), 0);

    const Sale first = adjustedSale(1);
    QCOMPARE(*ledger.commitSale(first), 1);
    compareSales(*ledger.loadSale(1), first);
    QCOMPARE(*ledger.lastMemberCodeStep(u"M1001"_s), 59'000'000);
    QCOMPARE(*ledger.lastMemberCodeStep(u"M1002"_s), std::nullopt);
    QCOMPARE(*ledger.couponRedeemed(coupon), true);
    QCOMPARE(*ledger.couponRedeemed(coupon - 1), false);
    QCOMPARE(*ledger.couponHandedOut(7'000'001), true);

    // A sale by phone (no code step) that redeems points; no coupons.
    Sale second = adjustedSale(2);
    second.member->codeStep = -1;
    second.member->pointsRedeemed = 300;
    second.coupons.clear();
    second.givenCoupons.clear();
    QCOMPARE(*ledger.commitSale(second), 2);
    QCOMPARE(*ledger.lastMemberCodeStep(u"M1001"_s), 59'000'000); // by phone: no step
    QCOMPARE(*ledger.pointsRedeemedSince(u"M1001"_s, {}), 300);
    QCOMPARE(*ledger.pointsRedeemedSince(u"M1001"_s, second.createdAt), 300);
    QCOMPARE(*ledger.pointsRedeemedSince(u"M1001"_s, second.createdAt.addMSecs(1)), 0);
    QCOMPARE(*ledger.pointsRedeemedSince(u"M1002"_s, {}), 0);
    VERIFY_LEDGER_OK(ledger, 2);
    // The admin tool asks the same of a ledger it opens read-only (beside the till).
    Ledger reader;
    QVERIFY_OK(t.openReadOnly(reader));
    QCOMPARE(*reader.couponRedeemed(coupon), true);
    QCOMPARE(*reader.lastMemberCodeStep(u"M1001"_s), 59'000'000);
    Ledger closed;
    QCOMPARE(closed.couponRedeemed(coupon).error().code, ErrorCode::NotSupported);
}

void TestLedger::couponWrittenOffOnce()
{
    Terminal t;
    Ledger ledger;
    QVERIFY_OK(t.open(ledger));
    QVERIFY_OK(ledger.commitSale(adjustedSale(1)));
    // The same coupon in another sale: the UNIQUE serial refuses the whole sale, nothing written.
    Sale again = adjustedSale(2);
    again.member.reset();
    again.coupons = adjustedSale(1).coupons;
    again.givenCoupons.clear();
    QVERIFY(!ledger.commitSale(again).ok());
    QCOMPARE(ledger.head().seq, 1);
    // A pooled coupon handed out twice, likewise.
    Sale givenAgain = adjustedSale(3);
    givenAgain.coupons.clear();
    givenAgain.givenCoupons = adjustedSale(1).givenCoupons;
    QVERIFY(!ledger.commitSale(givenAgain).ok());
    QCOMPARE(ledger.head().seq, 1);
    VERIFY_LEDGER_OK(ledger, 1);
    QCOMPARE(*ledger.commitSale(makeSale(4)), 2);
}

void TestLedger::memberJoinRecorded()
{
    Terminal t;
    Ledger ledger;
    QVERIFY_OK(t.open(ledger));
    QCOMPARE(*ledger.joinedMember(u"13800000001"_s), std::nullopt);
    const MemberJoin join{u"J0123456789abcdef0123"_s, u"13800000001"_s,
                          u"我同意会员条款 \"v1\"\nI agree"_s};
    QCOMPARE(*ledger.commitMemberJoin(join, baseTime), 1);
    const auto joined = *ledger.joinedMember(u"13800000001"_s);
    QVERIFY(joined);
    QCOMPARE(joined->memberId, join.memberId);
    QCOMPARE(joined->consentText, join.consentText);
    QCOMPARE(joined->joinedAt, baseTime);
    // Once per phone.
    const auto twice = ledger.commitMemberJoin({u"J2"_s, join.phone, u"ok"_s}, baseTime);
    QVERIFY(!twice.ok());
    QCOMPARE(twice.error().code, ErrorCode::Conflict);
    QCOMPARE(ledger.head().seq, 1);
    // In the outbox like every entry; no print job.
    QSqlQuery q(ledger.database().connection());
    QVERIFY(q.exec(u"SELECT (SELECT count(*) FROM outbox), (SELECT count(*) FROM print_jobs)"_s));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QCOMPARE(q.value(1).toInt(), 0);
    QString error;
    for (const QString &sql :
         {u"UPDATE member_joins SET phone = '13900000009'"_s, u"DELETE FROM member_joins"_s}) {
        QVERIFY(!ledger.database().exec(sql, &error));
        QVERIFY2(error.contains(u"append-only"_s), qPrintable(error));
    }
    VERIFY_LEDGER_OK(ledger, 1);
}

void TestLedger::memberJoinTampered()
{
    Terminal t;
    {
        Ledger ledger;
        QVERIFY_OK(t.open(ledger));
        QVERIFY_OK(ledger.commitMemberJoin({u"J1"_s, u"13800000001"_s, u"I agree"_s}, baseTime));
        QVERIFY_OK(ledger.commitSale(makeSale(2)));
    }
    for (const auto &[sql, reason] :
         {std::pair{u"UPDATE member_joins SET phone = '13900000009'"_s,
                    u"member row was changed"_s},
          std::pair{u"DELETE FROM member_joins"_s, u"member row is missing"_s},
          std::pair{u"INSERT INTO member_joins VALUES (2, 'J2', '13900000009')"_s,
                    u"not a member_join entry"_s}}) {
        Terminal copy;
        QVERIFY(copyTree(t.data, copy.data) && copyTree(t.keys, copy.keys));
        QString error;
        QVERIFY2(tamper(copy, {sql}, &error), qPrintable(error));
        Ledger ledger;
        QVERIFY_OK(copy.openReadOnly(ledger));
        const VerifyResult verified = ledger.verify();
        QVERIFY2(!verified.ok && verified.reason.contains(reason), qPrintable(verified.reason));
    }
}

void TestLedger::loadUnknownSale()
{
    Terminal t;
    Ledger ledger;
    QVERIFY_OK(t.open(ledger));
    QVERIFY(!ledger.loadSale(1));
    QVERIFY_OK(ledger.commitSale(makeSale(1)));
    QVERIFY(!ledger.loadSale(0));
    QVERIFY(!ledger.loadSale(-1));
    QVERIFY(!ledger.loadSale(2));
    QVERIFY(ledger.loadSale(1));
}

void TestLedger::sequenceAndChain()
{
    Terminal t;
    Ledger ledger;
    QVERIFY_OK(t.open(ledger));
    QList<QByteArray> payloads;
    QList<QByteArray> kinds;
    for (int n = 1; n <= 6; ++n) {
        const bool noSale = n == 4;
        const Sale sale = makeSale(n);
        const auto committed =
            noSale ? ledger.commitNoSale(baseTime.addSecs(60 * n)) : ledger.commitSale(sale);
        QVERIFY_OK(committed);
        QCOMPARE(*committed, qint64(n));
        kinds << (noSale ? "no_sale"_ba : "sale"_ba);
        payloads << (noSale ? "{}"_ba : encodeSale(sale));
    }
    // mac = HMAC-SHA256(terminal key,
    //                   prev_mac ‖ "terminal\nseq\nkind\nversion\ncreated_at\n" ‖ payload),
    // recomputed here from the key file, independently of the ledger's code.
    const QByteArray key = terminalKey(t.keys);
    QCOMPARE(key.size(), KeyFolder::keyBytes);
    QSqlQuery q(ledger.database().connection());
    QVERIFY(q.exec(u"SELECT seq, kind, version, created_at, payload, prev_mac, mac FROM journal "
                   u"ORDER BY seq"_s));
    QByteArray previous(32, '\0');
    qint64 expectedSeq = 1;
    while (q.next()) {
        QCOMPARE(q.value(0).toLongLong(), expectedSeq);
        QCOMPARE(q.value(1).toByteArray(), kinds[expectedSeq - 1]);
        QCOMPARE(q.value(2).toInt(), expectedSeq == 4 ? 1 : saleVersion);
        const QByteArray at = q.value(3).toByteArray();
        QCOMPARE(at, baseTime.addSecs(60 * expectedSeq).toString(Qt::ISODateWithMs).toUtf8());
        const QByteArray payload = q.value(4).toByteArray();
        QCOMPARE(payload, payloads[expectedSeq - 1]);
        QCOMPARE(q.value(5).toByteArray(), previous);
        const QByteArray mac =
            hmacOf(key, ledger.terminalId().toUtf8(), previous, expectedSeq,
                   q.value(1).toByteArray(), q.value(2).toLongLong(), at, payload);
        QCOMPARE(q.value(6).toByteArray().toHex(), mac.toHex());
        previous = mac;
        ++expectedSeq;
    }
    QCOMPARE(expectedSeq, 7);
    QCOMPARE(ledger.head().seq, 6);
    QCOMPARE(ledger.head().mac, previous);
    VERIFY_LEDGER_OK(ledger, 6);
}

void TestLedger::oneTransactionWritesEverything()
{
    Terminal t;
    Ledger ledger;
    QVERIFY_OK(t.open(ledger));
    const Sale sale = adjustedSale(6);
    QVERIFY_OK(ledger.commitSale(sale));
    QCOMPARE(intValue(ledger, u"SELECT count(*) FROM journal"_s), 1);
    QSqlQuery q(ledger.database().connection());
    QVERIFY(q.exec(u"SELECT seq, total_fen, tax_fen FROM sales"_s) && q.next());
    QCOMPARE(q.value(0).toLongLong(), 1);
    QCOMPARE(q.value(1).toLongLong(), sale.total.fen);
    QCOMPARE(q.value(2).toLongLong(), sale.tax.fen);
    QVERIFY(!q.next());
    QVERIFY(q.exec(u"SELECT seq, line_no, sku, quantity, weighed, unit_price_fen, total_fen, "
                   u"tax_rate_bp FROM sale_lines ORDER BY line_no"_s));
    for (int i = 0; i < sale.lines.size(); ++i) {
        QVERIFY(q.next());
        const SaleLine &l = sale.lines[i];
        QCOMPARE(q.value(0).toLongLong(), 1);
        QCOMPARE(q.value(1).toInt(), i + 1);
        QCOMPARE(q.value(2).toString(), l.sku);
        QCOMPARE(q.value(3).toLongLong(), l.quantity);
        QCOMPARE(q.value(4).toBool(), l.weighed);
        QCOMPARE(q.value(5).toLongLong(), l.unitPrice.fen);
        QCOMPARE(q.value(6).toLongLong(), l.total.fen);
        QCOMPARE(q.value(7).toInt(), l.taxRateBp);
    }
    QVERIFY(!q.next());
    QVERIFY(q.exec(u"SELECT adjustment_no, line_no, source, amount_fen FROM sale_adjustments "
                   u"ORDER BY adjustment_no"_s));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QCOMPARE(q.value(1).toInt(), 1); // the first line
    QCOMPARE(q.value(2).toString(), u"promo:cola-3"_s);
    QCOMPARE(q.value(3).toLongLong(), -90);
    QVERIFY(q.next());
    QCOMPARE(q.value(1).toInt(), 0); // the whole basket
    QCOMPARE(q.value(3).toLongLong(), -500);
    QVERIFY(!q.next());
    QVERIFY(q.exec(u"SELECT tender_no, kind, amount_fen, received_fen, change_fen, reference "
                   u"FROM tenders ORDER BY tender_no"_s));
    QVERIFY(q.next());
    QCOMPARE(q.value(1).toString(), u"payment_code"_s);
    QCOMPARE(q.value(2).toLongLong(), 1000);
    QCOMPARE(q.value(5).toString(), sale.tenders[0].reference);
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 2);
    QCOMPARE(q.value(1).toString(), u"cash"_s);
    QCOMPARE(q.value(3).toLongLong(), 1000);
    QCOMPARE(q.value(4).toLongLong(), 195);
    QVERIFY(!q.next());
    QVERIFY(q.exec(u"SELECT seq, attempts, sent_at IS NULL, last_attempt_at IS NULL FROM outbox"_s)
            && q.next());
    QCOMPARE(q.value(0).toLongLong(), 1);
    QCOMPARE(q.value(1).toInt(), 0);
    QVERIFY(q.value(2).toBool());
    QVERIFY(q.value(3).toBool());
    QVERIFY(!q.next());
    QVERIFY(q.exec(u"SELECT seq, kind, status, attempts, printed_at IS NULL, created_at FROM "
                   u"print_jobs"_s)
            && q.next());
    QCOMPARE(q.value(0).toLongLong(), 1);
    QCOMPARE(q.value(1).toString(), u"receipt"_s);
    QCOMPARE(q.value(2).toString(), u"queued"_s);
    QCOMPARE(q.value(3).toInt(), 0);
    QVERIFY(q.value(4).toBool());
    QCOMPARE(q.value(5).toString(), sale.createdAt.toString(Qt::ISODateWithMs));
    QVERIFY(!q.next());
}

void TestLedger::emptySaleRefused()
{
    Terminal t;
    Ledger ledger;
    QVERIFY_OK(t.open(ledger));
    QVERIFY_OK(ledger.commitSale(makeSale(1)));
    const auto anchorBefore = anchorOf(t.keys);
    Sale empty;
    empty.createdAt = baseTime;
    empty.tenders.append(*cashTender(Money(), Money()));
    QVERIFY_FAILS(ledger.commitSale(empty), ErrorCode::InvalidInput);
    for (const char *table : {"journal", "sales", "outbox", "print_jobs"})
        QCOMPARE(intValue(ledger, u"SELECT count(*) FROM "_s + QLatin1StringView(table)), 1);
    QCOMPARE(ledger.head().seq, 1);
    QCOMPARE(anchorOf(t.keys)->seq, anchorBefore->seq);
    QCOMPARE(*ledger.commitSale(makeSale(2)), 2);
    VERIFY_LEDGER_OK(ledger, 2);
}

void TestLedger::unsettledTendersRefused_data()
{
    QTest::addColumn<QList<Tender>>("tenders");
    const Money total = makeSale(1).total; // 6.00
    const Money fen = Money::fromFen(1);
    QTest::newRow("no tender") << QList<Tender>{};
    QTest::newRow("underpaid") << QList<Tender>{*cashTender(total - fen, total)};
    QTest::newRow("overpaid") << QList<Tender>{
        exactTender(Tender::Kind::ExternalCard, total + fen)};
    QTest::newRow("split short") << QList<Tender>{
        exactTender(Tender::Kind::Prepaid, Money::fromFen(100)),
        exactTender(Tender::Kind::PaymentCode, total - Money::fromFen(101))};
    QTest::newRow("card gives change")
        << QList<Tender>{Tender{Tender::Kind::ExternalCard, total, total + fen, fen, {}}};
    QTest::newRow("wrong change") << QList<Tender>{
        Tender{Tender::Kind::Cash, total, total + Money::fromFen(100), Money::fromFen(99), {}}};
    QTest::newRow("negative tender") << QList<Tender>{
        exactTender(Tender::Kind::PaymentCode, total + Money::fromFen(100)),
        Tender{Tender::Kind::Cash, Money::fromFen(-100), Money::fromFen(-100), Money(), {}}};
}

void TestLedger::unsettledTendersRefused()
{
    QFETCH(QList<Tender>, tenders);
    Terminal t;
    Ledger ledger;
    QVERIFY_OK(t.open(ledger));
    Sale sale = makeSale(1);
    sale.tenders = tenders;
    QVERIFY_FAILS(ledger.commitSale(sale), ErrorCode::InvalidInput);
    for (const char *table : {"journal", "sales", "tenders", "outbox", "print_jobs"})
        QCOMPARE(intValue(ledger, u"SELECT count(*) FROM "_s + QLatin1StringView(table)), 0);
    QCOMPARE(ledger.head().seq, 0);
    QCOMPARE(*ledger.commitSale(makeSale(1)), 1);
}

void TestLedger::failedCommitLeavesNoGap_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<bool>("noSale");
    for (const char *table :
         {"journal", "sales", "sale_lines", "sale_adjustments", "tenders", "outbox", "print_jobs"})
        QTest::addRow("sale, %s fails", table) << QString::fromLatin1(table) << false;
    for (const char *table : {"journal", "outbox", "print_jobs"})
        QTest::addRow("no-sale, %s fails", table) << QString::fromLatin1(table) << true;
}

void TestLedger::failedCommitLeavesNoGap()
{
    QFETCH(QString, table);
    QFETCH(bool, noSale);
    Terminal t;
    Ledger ledger;
    QVERIFY_OK(t.open(ledger));
    QCOMPARE(*ledger.commitSale(makeSale(1)), 1);
    QCOMPARE(*ledger.commitSale(adjustedSale(2)), 2);
    const KeyFolder::Head head = ledger.head();
    const QStringList tables{u"journal"_s, u"sales"_s,  u"sale_lines"_s, u"sale_adjustments"_s,
                             u"tenders"_s, u"outbox"_s, u"print_jobs"_s};
    QMap<QString, qint64> counts;
    for (const QString &name : tables)
        counts[name] = intValue(ledger, u"SELECT count(*) FROM "_s + name);

    // The insert into `table` fails inside the commit (a temporary trigger on this connection
    // only: the file is not changed).
    QString error;
    QVERIFY2(
        ledger.database().exec(u"CREATE TEMP TRIGGER fail_insert BEFORE INSERT ON main.%1 "
                               u"BEGIN SELECT RAISE(ABORT, 'simulated failure'); END"_s.arg(table),
                               &error),
        qPrintable(error));
    const auto failed = noSale ? ledger.commitNoSale(baseTime) : ledger.commitSale(adjustedSale(3));
    QVERIFY(!failed.ok());
    QVERIFY2(failed.error().message.contains(ledger.database().path()),
             qPrintable(failed.error().message));
    for (const QString &name : tables)
        QCOMPARE(intValue(ledger, u"SELECT count(*) FROM "_s + name), counts[name]);
    QCOMPARE(ledger.head().seq, head.seq);
    QCOMPARE(ledger.head().mac, head.mac);
    QCOMPARE(anchorOf(t.keys)->seq, head.seq);
    QVERIFY(!ledger.loadSale(3));
    // No transaction was left open: the next commit gets the next number.
    QVERIFY2(ledger.database().exec(u"DROP TRIGGER temp.fail_insert"_s, &error), qPrintable(error));
    const auto next = noSale ? ledger.commitNoSale(baseTime) : ledger.commitSale(adjustedSale(3));
    QVERIFY_OK(next);
    QCOMPARE(*next, 3);
    QCOMPARE(anchorOf(t.keys)->seq, 3);
    VERIFY_LEDGER_OK(ledger, 3);
}

void TestLedger::reopenContinuesChain()
{
    Terminal t;
    QString terminal;
    QByteArray mac;
    {
        Ledger ledger;
        QVERIFY_OK(t.open(ledger));
        terminal = ledger.terminalId();
        for (int n = 1; n <= 3; ++n)
            QVERIFY_OK(ledger.commitSale(makeSale(n)));
        mac = ledger.head().mac;
    }
    Ledger ledger;
    QVERIFY_OK(t.open(ledger));
    QCOMPARE(ledger.terminalId(), terminal);
    QCOMPARE(ledger.head().seq, 3);
    QCOMPARE(ledger.head().mac, mac);
    QCOMPARE(*ledger.commitSale(makeSale(4)), 4);
    QCOMPARE(*ledger.commitNoSale(baseTime), 5);
    VERIFY_LEDGER_OK(ledger, 5);
}

void TestLedger::splitTenderAndAdjustmentsRoundTrip()
{
    Terminal t;
    const Sale sale = adjustedSale(1);
    QVERIFY(tendersSettle(sale.tenders, sale.total));
    {
        Ledger ledger;
        QVERIFY_OK(t.open(ledger));
        QCOMPARE(*ledger.commitSale(makeSale(1)), 1);
        QCOMPARE(*ledger.commitSale(sale), 2);
        compareSales(*ledger.loadSale(2), sale);
        VERIFY_LEDGER_OK(ledger, 2);
    }
    // and from the file, read-only
    Ledger reader;
    QVERIFY_OK(t.openReadOnly(reader));
    const auto loaded = reader.loadSale(2);
    QVERIFY(loaded);
    compareSales(*loaded, sale);
    VERIFY_LEDGER_OK(reader, 2);
}

void TestLedger::noSalesInterleaved()
{
    Terminal t;
    Ledger ledger;
    QVERIFY_OK(t.open(ledger));
    const QList<bool> plan{true, false, true, false, false, true, false};
    QList<QByteArray> expectedJobs;
    for (int i = 0; i < plan.size(); ++i) {
        const auto seq =
            plan[i] ? ledger.commitSale(makeSale(i + 1)) : ledger.commitNoSale(baseTime.addSecs(i));
        QVERIFY_OK(seq);
        QCOMPARE(*seq, qint64(i + 1));
        expectedJobs << (plan[i] ? "receipt"_ba : "no_sale"_ba);
    }
    VERIFY_LEDGER_OK(ledger, plan.size());
    for (int i = 0; i < plan.size(); ++i)
        QCOMPARE(ledger.loadSale(i + 1).has_value(), plan[i]);
    QSqlQuery q(ledger.database().connection());
    QVERIFY(q.exec(u"SELECT seq, kind FROM print_jobs ORDER BY id"_s));
    for (int i = 0; i < plan.size(); ++i) {
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), qint64(i + 1));
        QCOMPARE(q.value(1).toByteArray(), expectedJobs[i]);
    }
    QVERIFY(!q.next());
    QCOMPARE(intValue(ledger, u"SELECT count(*) FROM outbox"_s), plan.size());
    QCOMPARE(intValue(ledger, u"SELECT count(*) FROM sales"_s), plan.count(true));
}

void TestLedger::commitOnReadOnlyLedgerRefused()
{
    auto t = copyOfTemplate();
    QVERIFY(t);
    {
        Ledger ledger;
        QVERIFY_OK(t->openReadOnly(ledger));
        QVERIFY_FAILS(ledger.commitSale(makeSale(6)), ErrorCode::NotSupported);
        QVERIFY_FAILS(ledger.commitNoSale(baseTime), ErrorCode::NotSupported);
        QVERIFY(ledger.loadSale(1)); // prepares the ledger's statements
        QVERIFY_FAILS(ledger.commitSale(makeSale(6)), ErrorCode::NotSupported);
        QVERIFY_FAILS(ledger.commitNoSale(baseTime), ErrorCode::NotSupported);
        QCOMPARE(ledger.head().seq, 5);
    }
    Ledger ledger;
    QVERIFY_OK(t->open(ledger));
    QCOMPARE(ledger.head().seq, 5);
}

void TestLedger::unopenedLedgerIsHarmless_data()
{
    QTest::addColumn<bool>("openFirst");
    QTest::addColumn<QString>("call");
    for (const char *call : {"commitSale", "commitNoSale", "verify", "loadSale"}) {
        QTest::addRow("never opened, %s", call) << false << QString::fromLatin1(call);
        QTest::addRow("open refused, %s", call) << true << QString::fromLatin1(call);
    }
}

void TestLedger::unopenedLedgerIsHarmless()
{
    // What a caller may do with a ledger that is not open (e.g. after a refused open): every
    // call fails, nothing crashes. In a child process, so that a crash fails only this row.
    QFETCH(bool, openFirst);
    QFETCH(QString, call);
    auto t = copyOfTemplate();
    QVERIFY(t);
    QVERIFY(QFile::remove(t->keys + u"/terminal.key"_s)); // the open is refused
    const QString dataDir = t->data;
    const QString keyDir = t->keys;
    int status = -1;
    const QString report = inChild(
        [&] {
            Ledger ledger;
            if (openFirst && ledger.open(dataDir, keyDir).ok())
                return u"opened"_s;
            bool ok = true;
            if (call == u"commitSale")
                ok = ledger.commitSale(makeSale(1)).ok();
            else if (call == u"commitNoSale")
                ok = ledger.commitNoSale(baseTime).ok();
            else if (call == u"verify")
                ok = ledger.verify().ok;
            else
                ok = ledger.loadSale(1).has_value();
            return ok ? u"succeeded"_s : u"failed"_s;
        },
        &status, false);
    QVERIFY2(status == 0, qPrintable(u"the child ended with %1 (signal %2)"_s.arg(status).arg(
                              status > 128 ? status - 128 : 0)));
    QCOMPARE(report, u"failed"_s);
}

void TestLedger::diskFull()
{
    Terminal t;
    Ledger ledger;
    QVERIFY_OK(t.open(ledger));
    for (int n = 1; n <= 3; ++n)
        QVERIFY_OK(ledger.commitSale(makeSale(n)));

    // The file may not grow any more: as if the disk were full.
    const qint64 pages = intValue(ledger, u"PRAGMA page_count"_s);
    QVERIFY(pages > 0);
    QString error;
    QVERIFY2(ledger.database().exec(u"PRAGMA max_page_count = %1"_s.arg(pages), &error),
             qPrintable(error));
    const Sale big = bigSale();
    const auto failed = ledger.commitSale(big);
    QVERIFY_FAILS(failed, ErrorCode::Storage);
    QVERIFY2(failed.error().message.contains(u"full"_s), qPrintable(failed.error().message));
    QVERIFY2(failed.error().message.contains(ledger.database().path()),
             qPrintable(failed.error().message));
    QVERIFY(!ledger.loadSale(4));
    QCOMPARE(intValue(ledger, u"SELECT count(*) FROM journal"_s), 3);
    QCOMPARE(intValue(ledger, u"SELECT count(*) FROM outbox"_s), 3);
    QCOMPARE(intValue(ledger, u"SELECT count(*) FROM print_jobs"_s), 3);
    QCOMPARE(intValue(ledger, u"SELECT count(*) FROM sale_lines WHERE sku LIKE 'BIG%'"_s), 0);
    QCOMPARE(anchorOf(t.keys)->seq, 3);
    VERIFY_LEDGER_OK(ledger, 3);

    // Space again: the same sale goes through with the next number, no gap.
    QVERIFY2(ledger.database().exec(u"PRAGMA max_page_count = 1073741823"_s, &error),
             qPrintable(error));
    const auto retried = ledger.commitSale(big);
    QVERIFY_OK(retried);
    QCOMPARE(*retried, 4);
    VERIFY_LEDGER_OK(ledger, 4);
    compareSales(*ledger.loadSale(4), big);
}

// ---------------------------------------------------------------------------------------------
// Append-only

void TestLedger::appendOnly_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("message");
    QTest::newRow("update meta") << u"UPDATE meta SET value = 'other' WHERE key = 'terminal_id'"_s
                                 << u"append-only"_s;
    QTest::newRow("delete meta") << u"DELETE FROM meta"_s << u"append-only"_s;
    QTest::newRow("update journal")
        << u"UPDATE journal SET kind = 'void' WHERE seq = 1"_s << u"append-only"_s;
    QTest::newRow("delete journal") << u"DELETE FROM journal WHERE seq = 5"_s << u"append-only"_s;
    QTest::newRow("update sales") << u"UPDATE sales SET total_fen = 0"_s << u"append-only"_s;
    QTest::newRow("delete sales") << u"DELETE FROM sales"_s << u"append-only"_s;
    QTest::newRow("update sale_lines")
        << u"UPDATE sale_lines SET total_fen = 0"_s << u"append-only"_s;
    QTest::newRow("delete sale_lines") << u"DELETE FROM sale_lines"_s << u"append-only"_s;
    QTest::newRow("update sale_adjustments")
        << u"UPDATE sale_adjustments SET amount_fen = 0"_s << u"append-only"_s;
    QTest::newRow("delete sale_adjustments")
        << u"DELETE FROM sale_adjustments"_s << u"append-only"_s;
    QTest::newRow("update tenders") << u"UPDATE tenders SET amount_fen = 0"_s << u"append-only"_s;
    QTest::newRow("delete tenders") << u"DELETE FROM tenders"_s << u"append-only"_s;
    for (const char *table : {"sale_members", "coupon_redemptions", "coupon_handouts"}) {
        QTest::addRow("update %s", table)
            << u"UPDATE %1 SET seq = seq"_s.arg(QLatin1StringView(table)) << u"append-only"_s;
        QTest::addRow("delete %s", table)
            << u"DELETE FROM %1"_s.arg(QLatin1StringView(table)) << u"append-only"_s;
    }
    QTest::newRow("delete outbox") << u"DELETE FROM outbox WHERE seq = 1"_s << u"kept"_s;
    QTest::newRow("move outbox event")
        << u"UPDATE outbox SET seq = 99 WHERE seq = 1"_s << u"cannot move"_s;
    QTest::newRow("delete print job") << u"DELETE FROM print_jobs"_s << u"kept"_s;
    QTest::newRow("print job kind")
        << u"UPDATE print_jobs SET kind = 'reprint'"_s << u"cannot change"_s;
    QTest::newRow("print job entry") << u"UPDATE print_jobs SET seq = 1"_s << u"cannot change"_s;
    QTest::newRow("print job time")
        << u"UPDATE print_jobs SET created_at = ''"_s << u"cannot change"_s;
    QTest::newRow("print job id") << u"UPDATE print_jobs SET id = id + 100"_s << u"cannot change"_s;
}

void TestLedger::appendOnly()
{
    QFETCH(QString, sql);
    QFETCH(QString, message);
    auto t = copyOfTemplate();
    QVERIFY(t);
    Ledger ledger;
    QVERIFY_OK(t->open(ledger));
    QString error;
    QVERIFY(!ledger.database().exec(sql, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    // and from a plain second connection too: the triggers live in the file
    QVERIFY(!rawExec(t->db, {sql}, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    VERIFY_LEDGER_OK(ledger, 5);
    QCOMPARE(*ledger.commitSale(makeSale(6)), 6);
}

void TestLedger::deliveryColumnsMayChange()
{
    auto t = copyOfTemplate();
    QVERIFY(t);
    QString error;
    QVERIFY2(rawExec(t->db,
                     {u"UPDATE outbox SET attempts = 3, last_attempt_at = 'x', sent_at = 'y' "
                      u"WHERE seq = 1"_s,
                      u"UPDATE print_jobs SET status = 'printed', attempts = 2, printed_at = 'z' "
                      u"WHERE seq = 1"_s},
                     &error),
             qPrintable(error));
    Ledger ledger;
    QVERIFY_OK(t->open(ledger));
    VERIFY_LEDGER_OK(ledger, 5);
}

void TestLedger::replaceCannotRewriteHistory_data()
{
    QTest::addColumn<QString>("sql");
    // REPLACE deletes the old row without firing DELETE triggers unless recursive_triggers is on.
    QTest::newRow("journal")
        << u"INSERT OR REPLACE INTO journal (seq, kind, version, created_at, payload, prev_mac, "
           u"mac) SELECT seq, kind, version, created_at, X'00', prev_mac, mac FROM journal "
           u"WHERE seq = 2"_s;
    QTest::newRow("sales") << u"REPLACE INTO sales (seq, total_fen, tax_fen) VALUES (2, 1, 0)"_s;
    QTest::newRow("sale_lines")
        << u"REPLACE INTO sale_lines SELECT seq, line_no, sku, code, quantity, weighed, 1, 1, "
           u"tax_rate_bp FROM sale_lines WHERE seq = 2"_s;
    QTest::newRow("tenders") << u"REPLACE INTO tenders SELECT seq, tender_no, 'card', amount_fen, "
                                u"received_fen, change_fen, reference FROM tenders WHERE seq = 2"_s;
    QTest::newRow("meta") << u"REPLACE INTO meta (key, value) VALUES ('terminal_id', 'x')"_s;
    QTest::newRow("outbox") << u"REPLACE INTO outbox (seq) VALUES (1)"_s;
    QTest::newRow("print_jobs")
        << u"REPLACE INTO print_jobs (id, seq, kind, created_at) SELECT id, seq, 'no_sale', "
           u"created_at FROM print_jobs WHERE seq = 1"_s;
}

void TestLedger::replaceCannotRewriteHistory()
{
    QFETCH(QString, sql);
    auto t = copyOfTemplate();
    QVERIFY(t);
    Ledger ledger;
    QVERIFY_OK(t->open(ledger));
    QString error;
    QVERIFY2(!ledger.database().exec(sql, &error), "REPLACE rewrote history");
    VERIFY_LEDGER_OK(ledger, 5);
}

// ---------------------------------------------------------------------------------------------
// Files

void TestLedger::fromMissingFile()
{
    Terminal t;
    QVERIFY(!QFile::exists(t.db));
    Ledger ledger;
    QVERIFY_OK(t.open(ledger));
    QVERIFY(QFile::exists(t.db));
    QVERIFY(QFile::exists(t.keys + u"/terminal.key"_s));
    QVERIFY(QFile::exists(t.keys + u"/anchor"_s));
    QCOMPARE(Ledger::schemaVersion(), 3);
    QCOMPARE(intValue(ledger, u"PRAGMA user_version"_s), Ledger::schemaVersion());
    QString error;
    QCOMPARE(ledger.database().scalar(u"PRAGMA journal_mode"_s, &error)->toString(), u"wal"_s);
    for (const char *guard : appendOnlyGuards)
        QVERIFY2(intValue(ledger, u"SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
                                  u"AND name = '%1'"_s.arg(QLatin1StringView(guard)))
                     == 1,
                 guard);
    QCOMPARE(*ledger.commitSale(makeSale(1)), 1);
    VERIFY_LEDGER_OK(ledger, 1);
}

void TestLedger::fromEmptyFile()
{
    Terminal t;
    QVERIFY(writeFile(t.db, {}));
    QCOMPARE(QFileInfo(t.db).size(), 0);
    Ledger ledger;
    QVERIFY_OK(t.open(ledger));
    QCOMPARE(intValue(ledger, u"PRAGMA user_version"_s), Ledger::schemaVersion());
    QCOMPARE(*ledger.commitSale(makeSale(1)), 1);
    VERIFY_LEDGER_OK(ledger, 1);
    QCOMPARE(modeOf(t.db), ownerOnly);
}

void TestLedger::fileMode()
{
    Terminal t;
    Ledger ledger;
    QVERIFY_OK(t.open(ledger));
    QVERIFY_OK(ledger.commitSale(makeSale(1)));
    QCOMPARE(modeOf(t.db), ownerOnly);
    QCOMPARE(modeOf(t.db + u"-wal"_s), ownerOnly);
    QCOMPARE(modeOf(t.db + u"-shm"_s), ownerOnly);
    QCOMPARE(modeOf(t.keys), ownerDir);
    QCOMPARE(modeOf(t.keys + u"/terminal.key"_s), ownerOnly);
    QCOMPARE(modeOf(t.keys + u"/anchor"_s), ownerOnly);
}

void TestLedger::garbageFile()
{
    Terminal t;
    QByteArray garbage(32 * 1024, Qt::Uninitialized);
    QRandomGenerator generator(42);
    for (char &c : garbage)
        c = char(generator.bounded(256));
    QVERIFY(writeFile(t.db, garbage));
    Ledger ledger;
    const Status opened = t.open(ledger);
    QVERIFY_FAILS(opened, ErrorCode::Damaged);
    QVERIFY(!ledger.isOpen());
    QVERIFY2(opened.error().message.contains(t.db), qPrintable(opened.error().message));
    QVERIFY2(opened.error().message.contains(u"damaged"_s), qPrintable(opened.error().message));
    QCOMPARE(readFile(t.db), garbage);
    Ledger reader;
    QVERIFY(!t.openReadOnly(reader).ok());
    QCOMPARE(readFile(t.db), garbage);
    QVERIFY(!QFile::exists(t.db + u"-wal"_s));
}

// ---------------------------------------------------------------------------------------------
// Tampering

void TestLedger::tamperDetected_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<Seal>("seal");
    QTest::addColumn<qint64>("sealFrom");
    QTest::addColumn<qint64>("firstBadSeq");
    QTest::addColumn<QString>("reason");
    // The template: 1 sale (1 line), 2 sale (2 lines, 2 adjustments, 2 tenders), 3 no-sale,
    // 4 sale (2 lines), 5 sale (1 line).
    auto row = [](const char *name, const QStringList &sql, qint64 bad, const QString &reason,
                  Seal seal = Seal::None,
                  qint64 from = 1) { QTest::newRow(name) << sql << seal << from << bad << reason; };
    const QString payloadReplace =
        u"UPDATE journal SET payload = CAST(replace(CAST(payload AS TEXT), '%1', '%2') AS BLOB) "
        u"WHERE seq = %3"_s;

    // Rows: every column
    row("sales.total_fen", {u"UPDATE sales SET total_fen = total_fen - 100 WHERE seq = 4"_s}, 4,
        u"sale row was changed"_s);
    row("sales.tax_fen", {u"UPDATE sales SET tax_fen = 0 WHERE seq = 2"_s}, 2,
        u"sale row was changed"_s);
    const QString lineEdit = u"UPDATE sale_lines SET %1 WHERE seq = 2 AND line_no = 2"_s;
    for (const char *set : {"sku = 'X'", "quantity = quantity + 1", "weighed = 0",
                            "unit_price_fen = 1", "total_fen = total_fen + 1", "tax_rate_bp = 0"})
        QTest::addRow("sale_lines.%s", set)
            << QStringList{lineEdit.arg(QLatin1StringView(set))} << Seal::None << qint64(1)
            << qint64(2) << u"line 2 was changed"_s;
    // The payload holds this sku escaped ("DR\\0001"): the row is compared with its text.
    row("sale_lines.sku of an escaped text",
        {u"UPDATE sale_lines SET sku = 'DR0001' WHERE seq = 2 AND line_no = 1"_s}, 2,
        u"line 1 was changed"_s);
    row("sale_lines.line_no",
        {u"UPDATE sale_lines SET line_no = 7 WHERE seq = 2 AND line_no = 2"_s}, 2,
        u"line 2 is missing"_s);
    row("line deleted", {u"DELETE FROM sale_lines WHERE seq = 4 AND line_no = 2"_s}, 4,
        u"line 2 is missing"_s);
    row("line slipped in",
        {u"INSERT INTO sale_lines SELECT seq, 3, sku, quantity, weighed, unit_price_fen, "
         u"total_fen, tax_rate_bp FROM sale_lines WHERE seq = 4 AND line_no = 1"_s},
        4, u"line it did not record"_s);
    const QString adjustmentEdit = u"UPDATE sale_adjustments SET %1 WHERE seq = 2 AND "
                                   u"adjustment_no = 2"_s;
    for (const char *set : {"line_no = 2", "source = 'manual:boss'", "amount_fen = -5000"})
        QTest::addRow("sale_adjustments.%s", set)
            << QStringList{adjustmentEdit.arg(QLatin1StringView(set))} << Seal::None << qint64(1)
            << qint64(2) << u"adjustment 2 was changed"_s;
    row("adjustment deleted",
        {u"DELETE FROM sale_adjustments WHERE seq = 2 AND adjustment_no = 2"_s}, 2,
        u"adjustment 2 is missing"_s);
    row("adjustment slipped in",
        {u"INSERT INTO sale_adjustments VALUES (4, 1, 0, 'manual:x', -100)"_s}, 4,
        u"adjustment it did not record"_s);
    const QString tenderEdit = u"UPDATE tenders SET %1 WHERE seq = 2 AND tender_no = 2"_s;
    for (const char *set : {"kind = 'card'", "amount_fen = amount_fen - 1", "received_fen = 0",
                            "change_fen = change_fen + 500", "reference = 'x'", "tender_no = 3"})
        QTest::addRow("tenders.%s", set) << QStringList{tenderEdit.arg(QLatin1StringView(set))}
                                         << Seal::None << qint64(1) << qint64(2) << u"tender 2"_s;
    row("tender kind changed", {u"UPDATE tenders SET kind = 'prepaid' WHERE seq = 5"_s}, 5,
        u"tender 1 was changed"_s);
    row("tender deleted", {u"DELETE FROM tenders WHERE seq = 2 AND tender_no = 1"_s}, 2,
        u"tender 1"_s);
    row("tender slipped in", {u"INSERT INTO tenders VALUES (5, 2, 'cash', 0, 0, 0, '')"_s}, 5,
        u"tender it did not record"_s);
    // The member, their points and the coupons (payload version 3)
    for (const char *set : {"member_id = 'M1002'", "code_step = code_step + 1",
                            "points_earned = 2700", "points_redeemed = 100"})
        QTest::addRow("sale_members.%s", set)
            << QStringList{u"UPDATE sale_members SET %1 WHERE seq = 2"_s.arg(
                   QLatin1StringView(set))}
            << Seal::None << qint64(1) << qint64(2) << u"member row (points) was changed"_s;
    row("member deleted", {u"DELETE FROM sale_members WHERE seq = 2"_s}, 2,
        u"member row is missing"_s);
    row("member slipped in", {u"INSERT INTO sale_members VALUES (4, 'M1001', -1, 500, 0)"_s}, 4,
        u"member it did not record"_s);
    for (const char *set : {"coupon_id = '1'", "campaign = 1", "key_id = 8", "coupon_no = 2"})
        QTest::addRow("coupon_redemptions.%s", set)
            << QStringList{u"UPDATE coupon_redemptions SET %1 WHERE seq = 2"_s.arg(
                   QLatin1StringView(set))}
            << Seal::None << qint64(1) << qint64(2) << u"written-off coupon 1"_s;
    row("write-off deleted (to use the coupon again)",
        {u"DELETE FROM coupon_redemptions WHERE seq = 2"_s}, 2,
        u"written-off coupon 1 is missing"_s);
    row("write-off slipped in", {u"INSERT INTO coupon_redemptions VALUES (4, 1, '99', 1, 7)"_s}, 4,
        u"coupon it did not record"_s);
    row("handout changed", {u"UPDATE coupon_handouts SET coupon_id = '7000009'"_s}, 2,
        u"handed-out coupon 1 was changed"_s);
    row("handout deleted", {u"DELETE FROM coupon_handouts"_s}, 2,
        u"handed-out coupon 1 is missing"_s);
    row("points changed in the payload and the row",
        {payloadReplace.arg(u"\"earned\":27"_s, u"\"earned\":2700"_s).arg(2),
         u"UPDATE sale_members SET points_earned = 2700 WHERE seq = 2"_s},
        2, u"MAC does not match"_s);
    row("sale row deleted, entry kept", {u"DELETE FROM sales WHERE seq = 4"_s}, 4,
        u"sale row is missing"_s);
    row("sale rows for the no-sale",
        {u"INSERT INTO sales VALUES (3, 100, 12)"_s,
         u"INSERT INTO sale_lines VALUES (3, 1, 'X', 1, 0, 100, 100, 1300)"_s},
        3, u"not a sale entry"_s);
    row("sale outside the journal",
        {u"INSERT INTO sales VALUES (42, 100, 12)"_s,
         u"INSERT INTO tenders VALUES (42, 1, 'cash', 100, 100, 0, '')"_s},
        42, u"no journal entry"_s);
    row("REAL amount (writable_schema)",
        {u"PRAGMA writable_schema = ON"_s,
         // BLOB affinity: a REAL stays a REAL (REAL affinity would turn every row into one).
         u"UPDATE sqlite_schema SET sql = replace(replace(sql, 'total_fen INTEGER', 'total_fen "
         u"BLOB'), ') STRICT', ')') WHERE name = 'sales'"_s,
         u"--reopen"_s, u"UPDATE sales SET total_fen = CAST(total_fen AS REAL) WHERE seq = 4"_s},
        4, u"sale row was changed"_s);
    row("REAL amount (table copy)",
        {u"CREATE TABLE tenders_copy (seq INTEGER NOT NULL, tender_no INTEGER NOT NULL, kind TEXT "
         u"NOT NULL, amount_fen NOT NULL, received_fen INTEGER NOT NULL, change_fen INTEGER NOT "
         u"NULL, reference TEXT NOT NULL, PRIMARY KEY (seq, tender_no)) WITHOUT ROWID"_s,
         u"INSERT INTO tenders_copy SELECT seq, tender_no, kind, CASE WHEN seq = 2 AND "
         u"tender_no = 2 THEN CAST(amount_fen AS REAL) ELSE amount_fen END, received_fen, "
         u"change_fen, reference FROM tenders"_s,
         u"DROP TABLE tenders"_s, u"ALTER TABLE tenders_copy RENAME TO tenders"_s},
        2, u"tender 2 was changed"_s);

    // The journal
    row("payload edited", {payloadReplace.arg(u"\"total\":"_s, u"\"total\":1"_s).arg(4)}, 4,
        u"MAC"_s);
    row("created_at edited",
        {u"UPDATE journal SET created_at = '2024-01-01T00:00:00.000Z' WHERE seq = 3"_s}, 3,
        u"MAC"_s);
    row("kind edited", {u"UPDATE journal SET kind = 'no_sale' WHERE seq = 5"_s}, 5, u"MAC"_s);
    row("version edited", {u"UPDATE journal SET version = 1 WHERE seq = 4"_s}, 4, u"MAC"_s);
    row("entries swapped",
        {u"UPDATE journal SET seq = -2 WHERE seq = 2"_s,
         u"UPDATE journal SET seq = 2 WHERE seq = 4"_s,
         u"UPDATE journal SET seq = 4 WHERE seq = -2"_s},
        2, u"MAC"_s);
    row("entry deleted, rows kept", {u"DELETE FROM journal WHERE seq = 4"_s}, 4,
        u"entry 4 is missing"_s);
    row("sale deleted everywhere",
        {u"DELETE FROM sale_lines WHERE seq = 4"_s, u"DELETE FROM tenders WHERE seq = 4"_s,
         u"DELETE FROM sales WHERE seq = 4"_s, u"DELETE FROM outbox WHERE seq = 4"_s,
         u"DELETE FROM print_jobs WHERE seq = 4"_s, u"DELETE FROM journal WHERE seq = 4"_s},
        4, u"entry 4 is missing"_s);
    row("last sale deleted everywhere (the anchor)",
        {u"DELETE FROM sale_lines WHERE seq = 5"_s, u"DELETE FROM tenders WHERE seq = 5"_s,
         u"DELETE FROM sales WHERE seq = 5"_s, u"DELETE FROM outbox WHERE seq = 5"_s,
         u"DELETE FROM print_jobs WHERE seq = 5"_s, u"DELETE FROM journal WHERE seq = 5"_s},
        5, u"anchor"_s);
    row("every row of every table deleted",
        {u"DELETE FROM sale_lines"_s, u"DELETE FROM sale_adjustments"_s, u"DELETE FROM tenders"_s,
         u"DELETE FROM sale_members"_s, u"DELETE FROM coupon_redemptions"_s,
         u"DELETE FROM coupon_handouts"_s, u"DELETE FROM sales"_s, u"DELETE FROM outbox"_s,
         u"DELETE FROM print_jobs"_s, u"DELETE FROM journal"_s, u"DELETE FROM meta"_s},
        1, u"anchor"_s);
    row("entry appended with a made-up MAC",
        {u"INSERT INTO journal SELECT 6, kind, version, created_at, payload, mac, "
         u"randomblob(32) FROM journal WHERE seq = 3"_s,
         u"INSERT INTO outbox (seq) VALUES (6)"_s,
         u"INSERT INTO print_jobs (seq, kind, created_at) VALUES (6, 'no_sale', '')"_s},
        6, u"MAC"_s);
    row("REPLACE on a plain connection",
        {u"INSERT OR REPLACE INTO journal (seq, kind, version, created_at, payload, prev_mac, "
         u"mac) SELECT seq, kind, version, created_at, CAST(replace(CAST(payload AS TEXT), "
         u"'\"total\":', '\"total\":1') AS BLOB), prev_mac, mac FROM journal WHERE seq = 2"_s},
        2, u"MAC"_s);

    // The chain re-sealed after an edit
    const QString edit = payloadReplace.arg(u"\"tax\":"_s, u"\"tax\":1"_s).arg(4);
    row("chain rebuilt with SHA-256", {edit}, 1, u"MAC"_s, Seal::Sha256, 1);
    row("chain rebuilt with SHA-256 from the edit", {edit}, 4, u"MAC"_s, Seal::Sha256, 4);
    row("chain rebuilt with another key", {edit}, 1, u"MAC"_s, Seal::OtherKey, 1);
    row("chain rebuilt with another key from the edit", {edit}, 4, u"MAC"_s, Seal::OtherKey, 4);
    // With the terminal key itself (a stolen key): the anchor still has the real head...
    row("head re-sealed with the key, anchor kept",
        {u"UPDATE journal SET created_at = '2024-03-01T00:00:00.000Z' WHERE seq = 5"_s}, 5,
        u"anchor"_s, Seal::TerminalKeyNoAnchor, 5);
    // ... and what even a key holder cannot make verify: payloads that are not canonical or
    // disagree with the entry or the rows.
    row("payload with a space (re-sealed)",
        {payloadReplace.arg(u"\"tax\":"_s, u"\"tax\": "_s).arg(4)}, 4, u"not a sale record"_s,
        Seal::TerminalKey, 4);
    // "DR\u0030001" reads as DR0001, but the writer never escapes a printable character.
    row("payload with a needless escape (re-sealed)",
        {payloadReplace.arg(u"\"sku\":\"DR0001\""_s, u"\"sku\":\"DR\\u0030001\""_s).arg(4)}, 4,
        u"not a sale record"_s, Seal::TerminalKey, 4);
    row("version 2 payload as version 1 (re-sealed)",
        {u"UPDATE journal SET version = 1 WHERE seq = 4"_s}, 4, u"not a sale record"_s,
        Seal::TerminalKey, 4);
    row("payload total edited, rows kept (re-sealed)", {edit}, 4, u"sale row was changed"_s,
        Seal::TerminalKey, 4);
    row("entries swapped (re-sealed)",
        {u"UPDATE journal SET seq = -2 WHERE seq = 2"_s,
         u"UPDATE journal SET seq = 2 WHERE seq = 4"_s,
         u"UPDATE journal SET seq = 4 WHERE seq = -2"_s},
        2, u"changed"_s, Seal::TerminalKey, 2);
    row("no-sale payload edited (re-sealed)",
        {u"UPDATE journal SET payload = CAST('{\"reason\":\"x\"}' AS BLOB) WHERE seq = 3"_s}, 3,
        u"not a no-sale record"_s, Seal::TerminalKey, 3);
    row("unknown kind (re-sealed)", {u"UPDATE journal SET kind = 'refund' WHERE seq = 4"_s}, 4,
        u"unknown"_s, Seal::TerminalKey, 4);
    row("unknown version (re-sealed)", {u"UPDATE journal SET version = 4 WHERE seq = 4"_s}, 4,
        u"unknown"_s, Seal::TerminalKey, 4);

    // Meta, outbox, print queue
    row("terminal id changed in meta",
        {u"UPDATE meta SET value = '00000000-0000-4000-8000-000000000000' WHERE key = "
         u"'terminal_id'"_s},
        1, u"MAC"_s);
    row("outbox event moved", {u"UPDATE outbox SET seq = 99 WHERE seq = 3"_s}, 3,
        u"outbox event is missing"_s);
    row("outbox event deleted", {u"DELETE FROM outbox WHERE seq = 4"_s}, 4,
        u"outbox event is missing"_s);
    row("outbox event made up", {u"INSERT INTO outbox (seq) VALUES (77)"_s}, 77,
        u"no entry made"_s);
    row("print job kind changed", {u"UPDATE print_jobs SET kind = 'no_sale' WHERE seq = 4"_s}, 4,
        u"print job was changed"_s);
    row("no-sale print job made a receipt",
        {u"UPDATE print_jobs SET kind = 'receipt' WHERE seq = 3"_s}, 3, u"print job was changed"_s);
    row("receipt made a reprint", {u"UPDATE print_jobs SET kind = 'reprint' WHERE seq = 4"_s}, 4,
        u"print job"_s);
    row("print job moved", {u"UPDATE print_jobs SET seq = 5 WHERE seq = 4"_s}, 4,
        u"print job is missing"_s);
    row("second receipt slipped in",
        {u"INSERT INTO print_jobs (seq, kind, created_at) SELECT seq, kind, created_at FROM "
         u"print_jobs WHERE seq = 2"_s},
        2, u"print job was changed"_s);
    row("print job deleted", {u"DELETE FROM print_jobs WHERE seq = 5"_s}, 5,
        u"print job is missing"_s);
    row("print job for no entry",
        {u"INSERT INTO print_jobs (seq, kind, created_at) VALUES (9, 'receipt', '')"_s}, 9,
        u"points at no entry"_s);
    row("print job time changed",
        {u"UPDATE print_jobs SET created_at = '2020-01-01T00:00:00.000Z' WHERE seq = 4"_s}, 4,
        u"print job"_s);
    row("REAL entry number of a print job (writable_schema)",
        {u"PRAGMA writable_schema = ON"_s,
         u"UPDATE sqlite_schema SET sql = replace(replace(sql, 'seq INTEGER NOT NULL', 'seq BLOB "
         u"NOT NULL'), ') STRICT', ')') WHERE name = 'print_jobs'"_s,
         u"--reopen"_s, u"UPDATE print_jobs SET seq = CAST(seq AS REAL) WHERE seq = 4"_s},
        4, u"print job"_s);
    row("REAL version of an entry (writable_schema)",
        {u"PRAGMA writable_schema = ON"_s,
         u"UPDATE sqlite_schema SET sql = replace(replace(sql, 'version INTEGER', 'version BLOB'), "
         u"') STRICT', ')') WHERE name = 'journal'"_s,
         u"--reopen"_s, u"UPDATE journal SET version = CAST(version AS REAL) WHERE seq = 4"_s},
        4, QString());
}

void TestLedger::tamperDetected()
{
    QFETCH(QStringList, statements);
    QFETCH(Seal, seal);
    QFETCH(qint64, sealFrom);
    QFETCH(qint64, firstBadSeq);
    QFETCH(QString, reason);
    auto t = copyOfTemplate();
    QVERIFY(t);
    QString error;
    QVERIFY2(tamper(*t, statements, &error, seal, sealFrom), qPrintable(error));
    Ledger ledger;
    QVERIFY_OK(t->openReadOnly(ledger));
    for (const bool full : {false, true}) {
        const VerifyResult verified = ledger.verify(full);
        QVERIFY2(!verified.ok, "the tampering was not detected");
        QVERIFY2(verified.firstBadSeq == firstBadSeq,
                 qPrintable(u"entry %1 named (%2), expected %3"_s.arg(verified.firstBadSeq)
                                .arg(verified.reason)
                                .arg(firstBadSeq)));
        QVERIFY2(verified.reason.contains(reason), qPrintable(verified.reason));
    }
}

void TestLedger::guardRemoved_data()
{
    QTest::addColumn<QString>("trigger");
    for (const char *guard : appendOnlyGuards)
        QTest::newRow(guard) << QString::fromLatin1(guard);
}

void TestLedger::guardRemoved()
{
    QFETCH(QString, trigger);
    auto t = copyOfTemplate();
    QVERIFY(t);
    QString error;
    QVERIFY2(rawExec(t->db, {u"DROP TRIGGER "_s + trigger}, &error), qPrintable(error));
    Ledger ledger;
    QVERIFY_OK(t->openReadOnly(ledger));
    const VerifyResult verified = ledger.verify();
    QVERIFY(!verified.ok);
    QCOMPARE(verified.firstBadSeq, 0);
    QVERIFY2(verified.reason.contains(trigger), qPrintable(verified.reason));
    QVERIFY2(verified.reason.contains(u"removed"_s), qPrintable(verified.reason));
}

void TestLedger::damagedIndexPage()
{
    auto t = copyOfTemplate();
    QVERIFY(t);
    QVERIFY(!QFile::exists(t->db + u"-wal"_s)); // everything is in the main file
    qint64 pageSize = 0;
    QList<qint64> roots;
    {
        RawDb raw(t->db, true);
        pageSize = raw.integer(u"PRAGMA page_size"_s);
        QSqlQuery q(raw.db());
        QVERIFY(q.exec(u"SELECT rootpage FROM sqlite_schema WHERE type = 'index' AND name = "
                       u"'print_jobs_entry'"_s));
        while (q.next())
            roots << q.value(0).toLongLong();
    }
    QCOMPARE(roots.size(), 1);
    QVERIFY(pageSize >= 512);
    // (the read-only connection above may leave an empty -wal and a -shm behind)
    QFile::remove(t->db + u"-wal"_s);
    QFile::remove(t->db + u"-shm"_s);
    {
        QFile file(t->db);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek((roots[0] - 1) * pageSize));
        QByteArray garbage(64, '\0');
        for (int i = 0; i < garbage.size(); ++i)
            garbage[i] = char(0xA5 ^ (i * 37));
        QCOMPARE(file.write(garbage), garbage.size());
    }
    Ledger ledger;
    QVERIFY_OK(t->openReadOnly(ledger));
    for (const bool full : {false, true}) {
        const VerifyResult verified = ledger.verify(full);
        QVERIFY(!verified.ok);
        QCOMPARE(verified.firstBadSeq, 0);
        QVERIFY2(verified.reason.contains(u"damaged"_s), qPrintable(verified.reason));
    }
}

void TestLedger::ledgerDeleted()
{
    auto t = copyOfTemplate();
    QVERIFY(t);
    // as after a crash: the -wal and -shm too
    QVERIFY(QFile::remove(t->db));
    QFile::remove(t->db + u"-wal"_s);
    QFile::remove(t->db + u"-shm"_s);
    Ledger ledger;
    const Status opened = t->open(ledger);
    QVERIFY_FAILS(opened, ErrorCode::Damaged);
    QVERIFY2(opened.error().message.contains(u"5"_s), qPrintable(opened.error().message));
    QVERIFY(!ledger.isOpen());
    QVERIFY2(!QFile::exists(t->db), "a new, empty ledger was started in place of the lost one");
    Ledger reader;
    QVERIFY(!t->openReadOnly(reader).ok());
    // an empty file in its place is no better
    QVERIFY(writeFile(t->db, {}));
    QVERIFY_FAILS(t->open(ledger), ErrorCode::Damaged);
    QCOMPARE(QFileInfo(t->db).size(), 0);
}

void TestLedger::walDeleted()
{
    Terminal t;
    {
        Ledger ledger;
        QVERIFY_OK(t.open(ledger));
        for (int n = 1; n <= 3; ++n)
            QVERIFY_OK(ledger.commitSale(makeSale(n)));
    } // closed cleanly: sales 1-3 are in the main file
    QTemporaryDir copy;
    {
        Ledger ledger;
        QVERIFY_OK(t.open(ledger));
        QVERIFY_OK(ledger.commitSale(makeSale(4)));
        QVERIFY_OK(ledger.commitNoSale(baseTime));
        // The files as a crash (or a copy of a running till) leaves them: 4 and 5 in the WAL.
        QVERIFY(QFile::exists(t.db + u"-wal"_s));
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
            QVERIFY(QFile::copy(t.db + suffix, copy.filePath(u"ledger.db"_s + suffix)));
    }
    QVERIFY(QFile::remove(copy.filePath(u"ledger.db-wal"_s)));
    Ledger reader;
    QVERIFY_OK(reader.openReadOnly(copy.path(), t.keys));
    const VerifyResult verified = reader.verify();
    QVERIFY2(!verified.ok, "the lost WAL was not noticed");
    QCOMPARE(verified.firstBadSeq, 4);
    QVERIFY2(verified.reason.contains(u"anchor"_s), qPrintable(verified.reason));
    Ledger ledger;
    QVERIFY_FAILS(ledger.open(copy.path(), t.keys), ErrorCode::Damaged);
}

void TestLedger::refusedOpenWritesNothing()
{
    // A ledger emptied behind the till's back is refused; the refusal must not write into it
    // (e.g. a fresh terminal id into its emptied meta table).
    auto t = copyOfTemplate();
    QVERIFY(t);
    QString error;
    QVERIFY2(tamper(*t,
                    {u"DELETE FROM sale_lines"_s, u"DELETE FROM sale_adjustments"_s,
                     u"DELETE FROM tenders"_s, u"DELETE FROM sales"_s, u"DELETE FROM outbox"_s,
                     u"DELETE FROM print_jobs"_s, u"DELETE FROM journal"_s, u"DELETE FROM meta"_s},
                    &error),
             qPrintable(error));
    Ledger ledger;
    QVERIFY_FAILS(t->open(ledger), ErrorCode::Damaged);
    QCOMPARE(rawInt(t->db, u"SELECT count(*) FROM meta"_s), 0);
    QCOMPARE(rawInt(t->db, u"SELECT count(*) FROM journal"_s), 0);
    QCOMPARE(anchorOf(t->keys)->seq, 5);
}

// ---------------------------------------------------------------------------------------------
// Key folder and anchor

void TestLedger::anchorNeverLeads()
{
    Terminal t;
    Ledger ledger;
    QVERIFY_OK(t.open(ledger));
    QCOMPARE(anchorOf(t.keys)->seq, 0);
    QCOMPARE(anchorOf(t.keys)->mac, QByteArray(32, '\0'));
    for (int n = 1; n <= 6; ++n) {
        const auto seq =
            n % 3 == 0 ? ledger.commitNoSale(baseTime) : ledger.commitSale(makeSale(n));
        QVERIFY_OK(seq);
        const auto anchor = anchorOf(t.keys);
        QVERIFY(anchor);
        QCOMPARE(anchor->seq, *seq);
        QCOMPARE(anchor->seq, ledger.head().seq);
        QCOMPARE(anchor->mac, ledger.head().mac);
        QString error;
        QCOMPARE(ledger.database()
                     .scalar(u"SELECT mac FROM journal WHERE seq = %1"_s.arg(*seq), &error)
                     ->toByteArray(),
                 anchor->mac);
    }
    QCOMPARE(QFileInfo(t.keys + u"/anchor"_s).size(), 128);
}

void TestLedger::tornAnchor_data()
{
    QTest::addColumn<QList<int>>("tornSlots");
    QTest::addColumn<bool>("opens");
    // The template's head is 5: slot 1 holds it, slot 0 holds entry 4.
    QTest::newRow("slot of the head torn") << QList<int>{1} << true;
    QTest::newRow("other slot torn") << QList<int>{0} << true;
    QTest::newRow("both slots torn") << QList<int>{0, 1} << false;
    QTest::newRow("anchor cut to nothing") << QList<int>{-1} << false;
    QTest::newRow("anchor deleted") << QList<int>{-2} << false;
    QTest::newRow("anchor of another terminal") << QList<int>{-3} << false;
}

void TestLedger::tornAnchor()
{
    QFETCH(QList<int>, tornSlots);
    QFETCH(bool, opens);
    auto t = copyOfTemplate();
    QVERIFY(t);
    const QString anchor = t->keys + u"/anchor"_s;
    QByteArray bytes = readFile(anchor);
    QCOMPARE(bytes.size(), 128);
    for (int slot : tornSlots) {
        if (slot == -1)
            bytes.clear();
        for (int i = 0; slot >= 0 && i < 64; ++i)
            bytes[slot * 64 + i] = char(QRandomGenerator::global()->bounded(256));
    }
    if (tornSlots == QList<int>{-2}) {
        QVERIFY(QFile::remove(anchor));
    } else if (tornSlots == QList<int>{-3}) {
        Terminal other;
        Ledger ledger;
        QVERIFY_OK(other.open(ledger));
        for (int n = 1; n <= 5; ++n)
            QVERIFY_OK(ledger.commitSale(makeSale(n)));
        QVERIFY(writeFile(anchor, readFile(other.keys + u"/anchor"_s)));
    } else {
        QVERIFY(writeFile(anchor, bytes));
    }
    Ledger ledger;
    const Status opened = t->open(ledger);
    if (!opens) {
        QVERIFY_FAILS(opened, ErrorCode::Damaged);
        QVERIFY2(opened.error().message.contains(u"anchor"_s), qPrintable(opened.error().message));
        Ledger reader;
        if (t->openReadOnly(reader).ok()) {
            const VerifyResult verified = reader.verify();
            QVERIFY(!verified.ok);
            QVERIFY2(verified.reason.contains(u"anchor"_s), qPrintable(verified.reason));
        }
        return;
    }
    QVERIFY_OK(opened);
    QCOMPARE(anchorOf(t->keys)->seq, 5); // repaired when it lagged
    VERIFY_LEDGER_OK(ledger, 5);
    QCOMPARE(*ledger.commitSale(makeSale(6)), 6);
    QCOMPARE(anchorOf(t->keys)->seq, 6);
}

void TestLedger::anchorLagRepaired()
{
    Terminal t;
    QByteArray olderAnchor;
    {
        Ledger ledger;
        QVERIFY_OK(t.open(ledger));
        QVERIFY_OK(ledger.commitSale(makeSale(1)));
        QVERIFY_OK(ledger.commitSale(makeSale(2)));
        olderAnchor = readFile(t.keys + u"/anchor"_s);
        for (int n = 3; n <= 5; ++n)
            QVERIFY_OK(ledger.commitSale(makeSale(n)));
    }
    // As after a power cut that lost the anchor's last writes (they are not synced).
    QVERIFY(writeFile(t.keys + u"/anchor"_s, olderAnchor));
    QCOMPARE(anchorOf(t.keys)->seq, 2);
    {
        Ledger reader; // verify accepts a lagging anchor too
        QVERIFY_OK(t.openReadOnly(reader));
        VERIFY_LEDGER_OK(reader, 5);
    }
    Ledger ledger;
    QVERIFY_OK(t.open(ledger));
    QCOMPARE(anchorOf(t.keys)->seq, 5);
    QCOMPARE(anchorOf(t.keys)->mac, ledger.head().mac);
    QCOMPARE(*ledger.commitSale(makeSale(6)), 6);
    VERIFY_LEDGER_OK(ledger, 6);
}

void TestLedger::anchorAheadRefused()
{
    Terminal t;
    QTemporaryDir older;
    {
        Ledger ledger;
        QVERIFY_OK(t.open(ledger));
        QVERIFY_OK(ledger.commitSale(makeSale(1)));
        QVERIFY_OK(ledger.commitSale(makeSale(2)));
    }
    QVERIFY(QFile::copy(t.db, older.filePath(u"ledger.db"_s)));
    {
        Ledger ledger;
        QVERIFY_OK(t.open(ledger));
        for (int n = 3; n <= 5; ++n)
            QVERIFY_OK(ledger.commitSale(makeSale(n)));
    }
    // An older backup restored over the ledger: sales 3 to 5 would be lost.
    QVERIFY(QFile::remove(t.db));
    QVERIFY(QFile::copy(older.filePath(u"ledger.db"_s), t.db));
    const QByteArray restored = readFile(t.db);
    Ledger ledger;
    const Status opened = t.open(ledger);
    QVERIFY_FAILS(opened, ErrorCode::Damaged);
    QVERIFY2(opened.error().message.contains(u"anchor"_s), qPrintable(opened.error().message));
    QVERIFY2(opened.error().message.contains(u"5"_s), qPrintable(opened.error().message));
    QVERIFY(!ledger.isOpen());
    QCOMPARE(anchorOf(t.keys)->seq, 5);
    QCOMPARE(readFile(t.db), restored);
    Ledger reader;
    QVERIFY_OK(t.openReadOnly(reader));
    const VerifyResult verified = reader.verify();
    QVERIFY(!verified.ok);
    QCOMPARE(verified.firstBadSeq, 3);
}

void TestLedger::walOfAnotherLedgerNamed()
{
    // Another till's ledger, copied while it ran: its -wal holds all of its entries.
    Terminal other;
    QByteArray foreignWal;
    {
        Ledger ledger;
        QVERIFY_OK(other.open(ledger));
        for (int n = 1; n <= 7; ++n)
            QVERIFY_OK(ledger.commitSale(makeSale(n)));
        foreignWal = readFile(other.db + u"-wal"_s);
    }
    QVERIFY(!foreignWal.isEmpty());
    Terminal t;
    {
        Ledger ledger;
        QVERIFY_OK(t.open(ledger));
        for (int n = 1; n <= 5; ++n)
            QVERIFY_OK(ledger.commitSale(makeSale(n)));
    }
    const QByteArray own = readFile(t.db);
    QFile wal(t.db + u"-wal"_s);
    QVERIFY(wal.open(QIODevice::WriteOnly));
    wal.write(foreignWal);
    wal.close();

    Ledger ledger;
    const Status opened = t.open(ledger);
    QVERIFY(!opened);
    QVERIFY2(opened.error().message.contains(u"-wal beside it"_s),
             qPrintable(opened.error().message));
    QVERIFY(!ledger.isOpen());
    // Refused as found: SQLite's checkpoint on close did not write the foreign pages in.
    QCOMPARE(readFile(t.db), own);
    QCOMPARE(readFile(t.db + u"-wal"_s), foreignWal);
}

void TestLedger::otherTerminalsKeyFolder_data()
{
    QTest::addColumn<int>("otherEntries");
    QTest::newRow("other terminal without entries") << 0;
    QTest::newRow("other terminal with fewer entries") << 2;
    QTest::newRow("other terminal with as many entries") << 5;
    QTest::newRow("other terminal with more entries") << 7;
}

void TestLedger::otherTerminalsKeyFolder()
{
    QFETCH(int, otherEntries);
    auto t = copyOfTemplate();
    QVERIFY(t);
    Terminal other;
    {
        Ledger ledger;
        QVERIFY_OK(other.open(ledger));
        for (int n = 1; n <= otherEntries; ++n)
            QVERIFY_OK(ledger.commitSale(makeSale(n)));
    }
    const QByteArray otherAnchor = readFile(other.keys + u"/anchor"_s);
    Ledger ledger;
    QVERIFY_FAILS(ledger.open(t->data, other.keys), ErrorCode::Damaged);
    QCOMPARE(readFile(other.keys + u"/anchor"_s), otherAnchor);
    Ledger reader;
    QVERIFY_OK(reader.openReadOnly(t->data, other.keys));
    const VerifyResult verified = reader.verify();
    QVERIFY(!verified.ok);
    QCOMPARE(verified.firstBadSeq, 1);
}

void TestLedger::keyMissing()
{
    auto t = copyOfTemplate();
    QVERIFY(t);
    QVERIFY(QFile::remove(t->keys + u"/terminal.key"_s));
    Ledger ledger;
    const Status opened = t->open(ledger);
    QVERIFY_FAILS(opened, ErrorCode::Damaged);
    QVERIFY2(opened.error().message.contains(u"key"_s), qPrintable(opened.error().message));
    QVERIFY2(!QFile::exists(t->keys + u"/terminal.key"_s), "a new key adopted the ledger");
    Ledger reader;
    QVERIFY_FAILS(t->openReadOnly(reader), ErrorCode::NotFound);
    // and the whole key folder gone
    QVERIFY(QDir(t->keys).removeRecursively());
    QVERIFY_FAILS(t->open(ledger), ErrorCode::Damaged);
    QVERIFY(!QFile::exists(t->keys + u"/terminal.key"_s));
}

void TestLedger::keyDamaged()
{
    auto t = copyOfTemplate();
    QVERIFY(t);
    QVERIFY(writeFile(t->keys + u"/terminal.key"_s, "not a key\n"));
    Ledger ledger;
    QVERIFY_FAILS(t->open(ledger), ErrorCode::Damaged);
    QCOMPARE(readFile(t->keys + u"/terminal.key"_s), "not a key\n"_ba);
}

void TestLedger::retire()
{
    auto t = copyOfTemplate();
    QVERIFY(t);
    const QByteArray oldKey = readFile(t->keys + u"/terminal.key"_s);
    const QByteArray oldAnchor = readFile(t->keys + u"/anchor"_s);
    QByteArray headMac;
    {
        Ledger ledger;
        QVERIFY_OK(t->openReadOnly(ledger));
        headMac = ledger.head().mac;
    }
    {
        KeyFolder keys;
        QVERIFY_OK(keys.open(t->keys, false));
        QVERIFY(keys.hasKey());
        QVERIFY_OK(keys.retire(u"ledger lost in a disk crash\nticket 42"_s, u"manager Li"_s));
        QVERIFY(!keys.hasKey());
    }
    QVERIFY(!QFile::exists(t->keys + u"/terminal.key"_s));
    QVERIFY(!QFile::exists(t->keys + u"/anchor"_s));
    const QStringList retired =
        QDir(t->keys + u"/retired"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(retired.size(), 1);
    const QString retiredDir = t->keys + u"/retired/"_s + retired[0];
    QCOMPARE(readFile(retiredDir + u"/terminal.key"_s), oldKey);
    QCOMPARE(readFile(retiredDir + u"/anchor"_s), oldAnchor);
    const QString audit = QString::fromUtf8(readFile(t->keys + u"/audit.log"_s));
    QCOMPARE(audit.count(u'\n'), 1);
    QVERIFY2(audit.contains(u"manager Li"_s), qPrintable(audit));
    QVERIFY2(audit.contains(u"ledger lost in a disk crash ticket 42"_s), qPrintable(audit));
    QVERIFY2(audit.contains(u"5 "_s + QString::fromLatin1(headMac.toHex())), qPrintable(audit));
    QVERIFY2(audit.contains(retiredDir), qPrintable(audit));
    QCOMPARE(modeOf(t->keys + u"/audit.log"_s), ownerOnly);

    // The old ledger still verifies with the retired key folder.
    {
        Ledger reader;
        QVERIFY_OK(reader.openReadOnly(t->data, retiredDir));
        VERIFY_LEDGER_OK(reader, 5);
    }
    // A fresh data folder starts over with a new key.
    QTemporaryDir fresh;
    {
        Ledger ledger;
        QVERIFY_OK(ledger.open(fresh.path(), t->keys));
        QCOMPARE(ledger.head().seq, 0);
        QCOMPARE(*ledger.commitSale(makeSale(1)), 1);
        VERIFY_LEDGER_OK(ledger, 1);
    }
    QVERIFY(readFile(t->keys + u"/terminal.key"_s) != oldKey);
    // and the old ledger is not adopted by the new key
    Ledger ledger;
    QVERIFY_FAILS(t->open(ledger), ErrorCode::Damaged);
}

// ---------------------------------------------------------------------------------------------
// Migration and schema

void TestLedger::migrateFoundation()
{
    Terminal t;
    QVERIFY(QFile::copy(foundationFixture(), t.db));
    QFile::setPermissions(t.db, ownerOnly);
    QCOMPARE(userVersionOf(t.db), 1);
    const QList<Sale> expected = foundationSales(t.db);
    QCOMPARE(expected.size(), 12);
    QList<QByteArray> oldPayloads;
    {
        RawDb raw(t.db, true);
        QSqlQuery q(raw.db());
        QVERIFY(q.exec(u"SELECT payload FROM journal ORDER BY seq"_s));
        while (q.next())
            oldPayloads << q.value(0).toByteArray();
    }
    const QString terminal = RawDb(t.db, true).value(u"SELECT value FROM meta"_s).toString();
    QVERIFY(!QUuid::fromString(terminal).isNull());

    QString backup;
    {
        Ledger ledger;
        QVERIFY_OK(t.open(ledger));
        QCOMPARE(ledger.terminalId(), terminal);
        QCOMPARE(ledger.database().schemaVersion(), Ledger::schemaVersion());
        QCOMPARE(intValue(ledger, u"PRAGMA user_version"_s), Ledger::schemaVersion());
        backup = ledger.database().backupPath();
        QVERIFY(!backup.isEmpty());
        QVERIFY2(QFileInfo(backup).fileName().startsWith(u"ledger.db.schema1-"_s),
                 qPrintable(backup));
        QVERIFY(backup.endsWith(u".bak"_s));
        QVERIFY(QFile::exists(backup));
        QCOMPARE(modeOf(backup), ownerOnly);
        QCOMPARE(userVersionOf(backup), 1);
        QCOMPARE(foundationSales(backup).size(), 12);

        VERIFY_LEDGER_OK(ledger, 12);
        QCOMPARE(ledger.head().seq, 12);
        for (int seq = 1; seq <= 12; ++seq) {
            const auto loaded = ledger.loadSale(seq);
            QVERIFY(loaded);
            compareSales(*loaded, expected[seq - 1]);
            QCOMPARE(loaded->createdAt.toString(Qt::ISODateWithMs),
                     expected[seq - 1].createdAt.toString(Qt::ISODateWithMs));
            QVERIFY(loaded->adjustments.isEmpty());
        }
        QSqlQuery q(ledger.database().connection());
        QVERIFY(q.exec(u"SELECT seq, kind, version, payload FROM journal ORDER BY seq"_s));
        for (int seq = 1; seq <= 12; ++seq) {
            QVERIFY(q.next());
            QCOMPARE(q.value(1).toString(), u"sale"_s);
            QCOMPARE(q.value(2).toInt(), 1);
            QCOMPARE(q.value(3).toByteArray(), oldPayloads[seq - 1]); // byte for byte
        }
        q.finish();
        QCOMPARE(intValue(ledger, u"SELECT count(*) FROM outbox WHERE sent_at IS NULL"_s), 12);
        QCOMPARE(intValue(ledger, u"SELECT count(*) FROM print_jobs WHERE kind = 'receipt'"_s), 12);
        QCOMPARE(intValue(ledger, u"SELECT count(*) FROM sqlite_schema WHERE name LIKE 'old_%'"_s),
                 0);
        QCOMPARE(anchorOf(t.keys)->seq, 12);

        // New sales continue the chain.
        const Sale next = adjustedSale(13);
        QCOMPARE(*ledger.commitSale(next), 13);
        QCOMPARE(*ledger.commitNoSale(baseTime), 14);
        VERIFY_LEDGER_OK(ledger, 14);
        compareSales(*ledger.loadSale(13), next);
    }
    // Reopened: no second migration, no second backup.
    Ledger ledger;
    QVERIFY_OK(t.open(ledger));
    QVERIFY(ledger.database().backupPath().isEmpty());
    QCOMPARE(QDir(t.data).entryList({u"*.bak"_s}, QDir::Files).size(), 1);
    VERIFY_LEDGER_OK(ledger, 14);
    compareSales(*ledger.loadSale(12), expected[11]);
}

void TestLedger::migratedEntriesChecked_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("reason");
    // Version 1 payloads carry their own number, terminal and kind: verify holds them to the
    // entry (re-sealed with the terminal key, anchor included, so only these checks remain).
    QTest::newRow("number") << u"\"seq\":5,"_s << u"\"seq\":6,"_s << u"moved"_s;
    QTest::newRow("terminal") << u"\"terminal\":\""_s << u"\"terminal\":\"0"_s
                              << u"another terminal"_s;
    QTest::newRow("kind") << u"\"kind\":\"sale\""_s << u"\"kind\":\"refund\""_s
                          << u"not a sale record"_s;
    QTest::newRow("total") << u"\"total\":"_s << u"\"total\":1"_s << u"sale row was changed"_s;
}

void TestLedger::migratedEntriesChecked()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, reason);
    Terminal t;
    QVERIFY(QFile::copy(foundationFixture(), t.db));
    QFile::setPermissions(t.db, ownerOnly);
    {
        Ledger ledger;
        QVERIFY_OK(t.open(ledger));
        VERIFY_LEDGER_OK(ledger, 12);
    }
    QString error;
    QVERIFY2(tamper(t,
                    {u"UPDATE journal SET payload = CAST(replace(CAST(payload AS TEXT), '%1', "
                     u"'%2') AS BLOB) WHERE seq = 5"_s.arg(from, to)},
                    &error, Seal::TerminalKey, 5),
             qPrintable(error));
    Ledger ledger;
    QVERIFY_OK(t.openReadOnly(ledger));
    const VerifyResult verified = ledger.verify();
    QVERIFY(!verified.ok);
    QCOMPARE(verified.firstBadSeq, 5);
    QVERIFY2(verified.reason.contains(reason), qPrintable(verified.reason));
}

void TestLedger::tamperedFoundationRefused_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<QString>("entry");
    QTest::newRow("payload byte edited")
        << QStringList{u"UPDATE journal SET payload = CAST(replace(CAST(payload AS TEXT), "
                       u"'\"total\":', '\"total\":1') AS BLOB) WHERE seq = 5"_s}
        << u"5"_s;
    QTest::newRow("entry deleted") << QStringList{u"DELETE FROM journal WHERE seq = 7"_s} << u"7"_s;
    QTest::newRow("hash edited")
        << QStringList{u"UPDATE journal SET hash = randomblob(32) WHERE seq = 12"_s} << u"12"_s;
}

void TestLedger::tamperedFoundationRefused()
{
    QFETCH(QStringList, statements);
    QFETCH(QString, entry);
    Terminal t;
    QVERIFY(QFile::copy(foundationFixture(), t.db));
    QFile::setPermissions(t.db, ownerOnly);
    QString error;
    QVERIFY2(tamper(t, statements, &error), qPrintable(error));
    QVERIFY(!QFile::exists(t.db + u"-wal"_s));
    const QByteArray before = readFile(t.db);
    Ledger ledger;
    const Status opened = t.open(ledger);
    QVERIFY_FAILS(opened, ErrorCode::Damaged);
    QVERIFY2(opened.error().message.contains(u"entry "_s + entry),
             qPrintable(opened.error().message));
    QVERIFY(!ledger.isOpen());
    QVERIFY2(readFile(t.db) == before, qPrintable(u"the refused migration changed the file: "_s
                                                  + differences(before, readFile(t.db))));
    QVERIFY(!QFile::exists(t.db + u"-wal"_s));
    QCOMPARE(userVersionOf(t.db), 1);
}

void TestLedger::refusedMigrationRetried()
{
    // A till that cannot start is started again at once (by the operator, or by a service
    // manager): the second attempt must give the same diagnosis, even within the same second
    // as the first one's backup (made certain here by taking the next backup names first).
    Terminal t;
    QVERIFY(QFile::copy(foundationFixture(), t.db));
    QFile::setPermissions(t.db, ownerOnly);
    QString error;
    QVERIFY2(tamper(t,
                    {u"UPDATE journal SET payload = CAST(replace(CAST(payload AS TEXT), "
                     u"'\"total\":', '\"total\":1') AS BLOB) WHERE seq = 5"_s},
                    &error),
             qPrintable(error));
    {
        Ledger ledger;
        QVERIFY_FAILS(t.open(ledger), ErrorCode::Damaged);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int s = 0; s <= 2; ++s) {
        const QString name =
            t.db + u".schema1-"_s + now.addSecs(s).toString(u"yyyyMMddTHHmmssZ"_s) + u".bak"_s;
        if (!QFile::exists(name))
            QVERIFY(writeFile(name, "taken"));
    }
    Ledger ledger;
    const Status again = t.open(ledger);
    QVERIFY_FAILS(again, ErrorCode::Damaged);
    QVERIFY2(again.error().message.contains(u"entry 5"_s), qPrintable(again.error().message));
}

void TestLedger::tooNew_data()
{
    QTest::addColumn<bool>("withKey");
    QTest::newRow("key folder of this terminal") << true;
    QTest::newRow("no key folder") << false;
}

void TestLedger::tooNew()
{
    QFETCH(bool, withKey);
    Terminal t;
    if (withKey) {
        Ledger ledger;
        QVERIFY_OK(t.open(ledger));
    }
    QFile::remove(t.db);
    QString error;
    QVERIFY2(rawExec(t.db,
                     {u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
                      u"CREATE TABLE journal (seq INTEGER PRIMARY KEY, payload BLOB)"_s,
                      u"PRAGMA user_version = 99"_s},
                     &error),
             qPrintable(error));
    const QByteArray before = readFile(t.db);
    Ledger ledger;
    const Status opened = t.open(ledger);
    QVERIFY_FAILS(opened, ErrorCode::TooNew);
    QVERIFY2(opened.error().message.contains(u"99"_s), qPrintable(opened.error().message));
    QVERIFY(!ledger.isOpen());
    Ledger reader;
    const Status read = t.openReadOnly(reader);
    if (withKey)
        QVERIFY_FAILS(read, ErrorCode::TooNew);
    else
        QVERIFY(!read.ok());
    QVERIFY2(readFile(t.db) == before, qPrintable(u"the refused open changed the file: "_s
                                                  + differences(before, readFile(t.db))));
    QCOMPARE(userVersionOf(t.db), 99);
}

void TestLedger::damagedSchema()
{
    auto t = copyOfTemplate();
    QVERIFY(t);
    QString error;
    QVERIFY2(rawExec(t->db,
                     {u"DROP TRIGGER tenders_no_update"_s, u"DROP TRIGGER tenders_no_delete"_s,
                      u"DROP TABLE tenders"_s},
                     &error),
             qPrintable(error));
    Ledger ledger;
    const Status opened = t->open(ledger);
    QVERIFY_FAILS(opened, ErrorCode::Damaged);
    QVERIFY(!ledger.isOpen());
    Ledger reader;
    QVERIFY_OK(t->openReadOnly(reader));
    QVERIFY(!reader.verify().ok);
}

// ---------------------------------------------------------------------------------------------
// Read-only

void TestLedger::openReadOnlyWritesNothing()
{
    // Nothing but what SQLite needs to read a WAL database where it may write: its -shm file
    // (and an empty -wal). Reading as "immutable" instead would miss a till that starts while
    // verify runs (readerWhileTillStarts), so only a read-only folder is read that way.
    auto t = copyOfTemplate();
    QVERIFY(t);
    QVERIFY(!QFile::exists(t->db + u"-wal"_s));
    QVERIFY(!QFile::exists(t->db + u"-shm"_s));
    // A lagging anchor: a till would repair it, a reader must not.
    {
        KeyFolder keys;
        QVERIFY_OK(keys.open(t->keys, false));
        QByteArray bytes = readFile(t->keys + u"/anchor"_s);
        bytes.replace(64, 64, QByteArray(64, '\0'));
        QVERIFY(writeFile(t->keys + u"/anchor"_s, bytes));
        QCOMPARE(keys.readAnchor()->seq, 4);
    }
    QTest::qSleep(20); // so that a write would show in the modification times
    const auto withoutSidecars = [](auto files) {
        files.removeIf([](const auto &file) {
            return file.key().endsWith(u"-wal"_s) || file.key().endsWith(u"-shm"_s);
        });
        return files;
    };
    const auto before = snapshot(t->root.path());
    // After each step, what changed so far (so that a failure names the step that wrote).
    QStringList written;
    auto check = [&](const char *step) {
        if (const QString changes =
                snapshotDifferences(before, withoutSidecars(snapshot(t->root.path())));
            !changes.isEmpty())
            written << u"after %1: %2"_s.arg(QLatin1StringView(step), changes);
    };
    {
        Ledger ledger;
        QVERIFY_OK(t->openReadOnly(ledger));
        check("openReadOnly");
        QCOMPARE(ledger.head().seq, 5);
        QCOMPARE(ledger.terminalId(), m_templateTerminal);
        VERIFY_LEDGER_OK(ledger, 5);
        check("verify");
        compareSales(*ledger.loadSale(2), m_templateSales[1]);
        check("loadSale");
    }
    check("close");
    QVERIFY2(written.isEmpty(), qPrintable(written.join(u"; "_s)));
}

void TestLedger::readerWhileTillStarts()
{
    // `ledger verify` reads a closed ledger (no -wal); the till starts meanwhile, sells, and
    // closes (its last connection writes the -wal into the file). The reader must not report
    // damage or tampering that is not there, nor load a sale wrongly.
    auto t = copyOfTemplate();
    QVERIFY(t);
    Ledger reader;
    QVERIFY_OK(t->openReadOnly(reader));
    VERIFY_LEDGER_OK(reader, 5);
    QStringList problems;
    auto check = [&](const char *when, const QList<qint64> &entries) {
        const VerifyResult verified = reader.verify(true);
        if (!verified.ok)
            problems << u"%1: entry %2: %3"_s.arg(QLatin1StringView(when))
                            .arg(verified.firstBadSeq)
                            .arg(verified.reason);
        else if (!entries.contains(verified.entries))
            problems << u"%1: %2 entries"_s.arg(QLatin1StringView(when)).arg(verified.entries);
        const auto loaded = reader.loadSale(2);
        if (!loaded || loaded->total != m_templateSales[1].total
            || loaded->lines.size() != m_templateSales[1].lines.size())
            problems << u"%1: sale 2 not loaded"_s.arg(QLatin1StringView(when));
    };
    {
        Ledger till;
        QVERIFY_OK(t->open(till));
        for (int n = 6; n <= 25; ++n)
            QVERIFY_OK(n % 7 ? till.commitSale(bigSale()) : till.commitNoSale(baseTime));
        check("while the till runs", {5, 25});
    }
    check("after the till closed", {5, 25});
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
}

void TestLedger::verifyWhileTillCommits()
{
    // `ledger verify` while the till sells (on its own thread and connection): every verify
    // sees a consistent ledger, never a false alarm.
    constexpr int sales = 150;
    auto t = copyOfTemplate();
    QVERIFY(t);
    std::atomic<bool> tillOpen{false};
    std::atomic<bool> tillDone{false};
    QString tillError;
    std::thread tillThread([&] {
        Ledger till;
        const Status opened = t->open(till);
        if (!opened)
            tillError = opened.error().message;
        tillOpen = true;
        for (int n = 6; opened && n < 6 + sales && tillError.isEmpty(); ++n) {
            const auto seq = n % 10 ? till.commitSale(makeSale(n)) : till.commitNoSale(baseTime);
            if (!seq)
                tillError = seq.error().message;
        }
        tillDone = true;
    });
    while (!tillOpen)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    QStringList problems;
    int verifies = 0;
    {
        Ledger reader;
        const Status opened = t->openReadOnly(reader);
        if (!opened)
            problems << u"openReadOnly: "_s + opened.error().message;
        qint64 last = 0;
        while (opened && problems.size() < 5) {
            const bool done = tillDone;
            const VerifyResult verified = reader.verify();
            ++verifies;
            if (!verified.ok)
                problems << u"verify %1: entry %2: %3"_s.arg(verifies)
                                .arg(verified.firstBadSeq)
                                .arg(verified.reason);
            else if (verified.entries < last)
                problems << u"verify %1: %2 entries after %3"_s.arg(verifies)
                                .arg(verified.entries)
                                .arg(last);
            last = verified.entries;
            if (done) {
                if (verified.ok && verified.entries != 5 + sales)
                    problems << u"last verify: %1 entries"_s.arg(verified.entries);
                break;
            }
        }
    }
    tillThread.join();
    QVERIFY2(tillError.isEmpty(), qPrintable(tillError));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
    QVERIFY(verifies > 1);
}

void TestLedger::openReadOnlyWithoutKey()
{
    auto t = copyOfTemplate();
    QVERIFY(t);
    Ledger ledger;
    const QString nowhere = t->root.filePath(u"no-keys"_s);
    QVERIFY_FAILS(ledger.openReadOnly(t->data, nowhere), ErrorCode::NotFound);
    QVERIFY(!QFileInfo::exists(nowhere));
    // This terminal's key folder remembers 5 entries: a missing data folder is a lost ledger.
    QVERIFY(!ledger.openReadOnly(t->root.filePath(u"no-data"_s), t->keys).ok());
    QVERIFY(!QFileInfo::exists(t->root.filePath(u"no-data"_s)));
}

void TestLedger::readOnlyFiles_data()
{
    QTest::addColumn<bool>("folderReadOnly");
    QTest::addColumn<QStringList>("leftovers"); // of a till that crashed after sales 6 and 7
    QTest::newRow("ledger.db read-only") << false << QStringList();
    QTest::newRow("data folder and files read-only") << true << QStringList();
    QTest::newRow("read-only, with the -wal and -shm of a crash")
        << true << QStringList{u"-wal"_s, u"-shm"_s};
    QTest::newRow("read-only, with the -wal of a crash") << true << QStringList{u"-wal"_s};
}

void TestLedger::readOnlyFiles()
{
    QFETCH(bool, folderReadOnly);
    QFETCH(QStringList, leftovers);
    auto t = copyOfTemplate();
    QVERIFY(t);
    const qint64 entries = leftovers.isEmpty() ? 5 : 7;
    if (!leftovers.isEmpty()) {
        // The files as a till leaves them when it dies: sales 6 and 7 only in the -wal.
        QTemporaryDir crash;
        {
            Ledger ledger;
            QVERIFY_OK(t->open(ledger));
            QVERIFY_OK(ledger.commitSale(makeSale(6)));
            QVERIFY_OK(ledger.commitSale(makeSale(7)));
            for (const QString &suffix : QStringList{u""_s} + leftovers)
                QVERIFY(QFile::copy(t->db + suffix, crash.filePath(u"ledger.db"_s + suffix)));
        }
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s}) {
            QFile::remove(t->db + suffix);
            if (QFile::exists(crash.filePath(u"ledger.db"_s + suffix)))
                QVERIFY(QFile::copy(crash.filePath(u"ledger.db"_s + suffix), t->db + suffix));
        }
    }
    const bool root = ::geteuid() == 0;
    // Root ignores permissions: the till then runs as nobody in a child process.
    if (root) {
        QFile::setPermissions(t->root.path(),
                              ownerDir | QFileDevice::ExeOther | QFileDevice::ExeGroup);
        giveTree(t->root.path(), 65534, 65534);
    }
    QVERIFY(QFile::setPermissions(t->db, QFileDevice::ReadOwner));
    for (const QString &suffix : leftovers)
        QVERIFY(QFile::setPermissions(t->db + suffix, QFileDevice::ReadOwner));
    if (folderReadOnly)
        QVERIFY(QFile::setPermissions(t->data, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const QString dataDir = t->data;
    const QString keyDir = t->keys;
    int status = -1;
    const QString report = inChild(
        [&] {
            if (!QFileInfo(keyDir).isReadable())
                ::_exit(childCannotReach);
            QStringList out;
            {
                Ledger ledger;
                const Status opened = ledger.open(dataDir, keyDir);
                out << (opened.ok()
                            ? u"open ok"_s
                            : u"open %1 %2"_s.arg(QLatin1StringView(toString(opened.error().code)))
                                  .arg(opened.error().message));
            }
            {
                Ledger reader;
                const Status opened = reader.openReadOnly(dataDir, keyDir);
                if (!opened.ok()) {
                    out << u"read %1 %2"_s.arg(QLatin1StringView(toString(opened.error().code)))
                               .arg(opened.error().message);
                } else {
                    const VerifyResult verified = reader.verify(true);
                    out << u"verify %1 %2 %3"_s.arg(verified.ok)
                               .arg(verified.entries)
                               .arg(verified.reason);
                }
            }
            return out.join(u'\n');
        },
        &status);
    // Cleanup must be possible whatever happened.
    QFile::setPermissions(t->data, ownerDir);
    QFile::setPermissions(t->db, ownerOnly);
    if (root)
        giveTree(t->root.path(), 0, 0);
    if (status == childCannotDropRoot)
        QSKIP("running as root and cannot become nobody: root ignores file permissions");
    if (status == childCannotReach)
        QSKIP("the temporary folder is not reachable for nobody");
    QVERIFY2(status == 0, qPrintable(u"child ended with %1: %2"_s.arg(status).arg(report)));
    const QStringList lines = report.split(u'\n');
    QCOMPARE(lines.size(), 2);
    // The reader works on what it cannot write (or, when it cannot read a crashed till's -wal
    // there, says so as a storage problem: never a false alarm of tampering)...
    if (leftovers.isEmpty() || !lines[1].startsWith(u"read Storage "_s))
        QVERIFY2(lines[1].startsWith(u"verify 1 %1"_s.arg(entries)), qPrintable(lines[1]));
    // ... and the till refuses it at once, as a storage problem (not as a damaged file).
    QVERIFY2(lines[0].startsWith(u"open Storage "_s), qPrintable(lines[0]));
    QVERIFY2(lines[0].contains(u"read-only"_s) || lines[0].contains(u"writable"_s),
             qPrintable(lines[0]));
}

QTEST_GUILESS_MAIN(TestLedger)
#include "tst_ledger.moc"
