#include "ledger/ledger.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include "testsupport.h"

#include <QTest>
#include <QTimeZone>
#include <QUuid>

using namespace smartpos;
using namespace Qt::StringLiterals;

// The ledger verifies, with exactly `expected` journal entries.
#define VERIFY_LEDGER_OK(ledger, expected)                                                         \
    do {                                                                                           \
        const VerifyResult verified = (ledger).verify();                                           \
        QVERIFY2(verified.ok, qPrintable(verified.reason));                                        \
        QCOMPARE(verified.entries, qint64(expected));                                              \
    } while (false)

namespace {
constexpr auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

Product product(qint64 id, const QString &sku, const QString &zh, const QString &en,
                qint64 priceFen, int rateBp, bool weighed = false)
{
    Product p;
    p.id = id;
    p.sku = sku;
    p.nameZh = zh;
    p.nameEn = en;
    p.category = u"test"_s;
    p.price = Money::fromFen(priceFen);
    p.taxRateBp = rateBp;
    p.soldBy = weighed ? SoldBy::Weight : SoldBy::Unit;
    p.plu = weighed ? u"10001"_s : QString();
    return p;
}

const QDateTime baseTime(QDate(2024, 3, 1), QTime(2, 30, 15, 123), Qt::UTC);

// Sale number n: a few unit lines, sometimes a weighed one, paid in cash.
Sale makeSale(int n)
{
    static const Product cola = product(1, u"DR0001"_s, u"可口可乐 330ml 罐装"_s,
                                        u"Coca-Cola Can 330ml"_s, 300, 1300);
    static const Product chips = product(2, u"SN0007"_s, u"品客 原味薯片 110g"_s,
                                         u"Pringles Original 110g"_s, 1290, 1300);
    static const Product bananas = product(3, u"FR0011"_s, u"香蕉（称重）"_s,
                                           u"Bananas (per kg)"_s, 1196, 900, true);
    Cart cart;
    cart.addUnits(cola, u"6928804995534"_s, 1 + n % 3);
    if (n % 2 == 0)
        cart.addUnits(chips, u"0038000617607"_s, 1);
    if (n % 3 == 0)
        cart.addWeighed(bananas, u"2210001005005"_s, 100 * n + 5);
    const auto tender = cashTender(cart.total(), cart.total() + Money::fromFen(n * 10));
    return saleFromCart(cart, QUuid::createUuid().toString(QUuid::WithoutBraces),
                        baseTime.addSecs(60 * n), {*tender});
}

// A sale whose rows need far more than a page or two.
Sale bigSale()
{
    Cart cart;
    for (int i = 0; i < 300; ++i) {
        cart.addUnits(product(1000 + i, u"BIG%1"_s.arg(i), u"很长的商品名称 %1"_s.arg(i).repeated(4),
                              u"A rather long product name %1"_s.arg(i).repeated(3), 100 + i,
                              1300),
                      u"690%1"_s.arg(i, 10, 10, QLatin1Char('0')), 2);
    }
    return saleFromCart(cart, QUuid::createUuid().toString(QUuid::WithoutBraces), baseTime,
                        {*cashTender(cart.total(), cart.total())});
}

void compareSales(const Sale &actual, const Sale &expected)
{
    QCOMPARE(actual.uuid, expected.uuid);
    QCOMPARE(actual.createdAt, expected.createdAt);
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
    QCOMPARE(actual.tenders.size(), expected.tenders.size());
    for (qsizetype i = 0; i < expected.tenders.size(); ++i) {
        QCOMPARE(actual.tenders[i].kind, expected.tenders[i].kind);
        QCOMPARE(actual.tenders[i].amount, expected.tenders[i].amount);
        QCOMPARE(actual.tenders[i].received, expected.tenders[i].received);
        QCOMPARE(actual.tenders[i].change, expected.tenders[i].change);
    }
}

// Statements on a second, plain connection: what someone with the sqlite3 tool could do.
bool rawExec(const QString &path, const QStringList &statements, QString *error)
{
    const QString name = QUuid::createUuid().toString();
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        ok = db.open();
        if (!ok)
            *error = db.lastError().text();
        for (const QString &sql : statements) {
            if (!ok)
                break;
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                *error = sql + u": "_s + q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

qint64 intValue(Ledger &ledger, const QString &sql)
{
    QString error;
    const auto value = ledger.database().scalar(sql, &error);
    return value ? value->toLongLong() : -1;
}

QByteArray sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QFileDevice::Permissions modeOf(const QString &path)
{
    return QFile::permissions(path)
           & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
}
} // namespace

class TestLedger : public QObject {
    Q_OBJECT

private slots:
    void chainHashIsSha256();
    void canonicalSaleFormat();
    void commitAndLoad();
    void loadUnknownSale();
    void sequenceAndChain();
    void oneTransactionWritesEverything();
    void emptySaleRefused();
    void failedCommitLeavesNoGap();
    void reopenContinuesChain();
    void tamperDetected_data();
    void tamperDetected();
    void appendOnly_data();
    void appendOnly();
    void replaceCannotRewriteHistory_data();
    void replaceCannotRewriteHistory();
    void fromMissingFile();
    void fromEmptyFile();
    void fileMode();
    void garbageFile();
    void diskFull();
};

void TestLedger::chainHashIsSha256()
{
    // FIPS 180-2 test vector: SHA-256("abc").
    QCOMPARE(chainHash(QByteArray(), "abc"_ba).toHex(),
             "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_ba);
    QCOMPARE(chainHash("ab"_ba, "c"_ba), chainHash(QByteArray(), "abc"_ba));
    QCOMPARE(chainHash(QByteArray(32, '\0'), "x"_ba).size(), 32);
}

void TestLedger::canonicalSaleFormat()
{
    Sale sale;
    sale.uuid = u"u-1"_s;
    sale.createdAt = QDateTime(QDate(2024, 3, 1), QTime(20, 30, 15, 123), QTimeZone(8 * 3600));
    sale.lines.append(SaleLine{u"DR0001"_s, u"6928804995534"_s, u"可口可乐"_s, u"Coca-Cola"_s, 2,
                               false, Money::fromFen(300), Money::fromFen(600), 1300});
    sale.lines.append(SaleLine{u"FR0011"_s, u"2210001005005"_s, u"香蕉"_s, u"Bananas"_s, 500,
                               true, Money::fromFen(1196), Money::fromFen(598), 900});
    sale.total = Money::fromFen(1198);
    sale.tax = Money::fromFen(118);
    sale.tenders.append(Tender{Tender::Kind::Cash, Money::fromFen(1198), Money::fromFen(2000),
                               Money::fromFen(802)});
    const QByteArray expected =
        R"({"at":"2024-03-01T12:30:15.123Z","kind":"sale","lines":[)"
        R"({"code":"6928804995534","name_en":"Coca-Cola","name_zh":"可口可乐","price":300,"qty":2,"sku":"DR0001","tax_bp":1300,"total":600,)"
        R"("unit":"pc"},)"
        R"({"code":"2210001005005","name_en":"Bananas","name_zh":"香蕉","price":1196,"qty":500,"sku":"FR0011","tax_bp":900,)"
        R"("total":598,"unit":"g"}],)"
        R"("seq":7,"tax":118,"tenders":[{"amount":1198,"change":802,"kind":"cash",)"
        R"("received":2000}],"terminal":"T1","total":1198,"uuid":"u-1","v":1})"_ba;
    QCOMPARE(canonicalSale(u"T1"_s, 7, sale), expected);
}

void TestLedger::commitAndLoad()
{
    QTemporaryDir dir;
    Ledger ledger;
    QString error;
    QVERIFY2(ledger.open(dir.path(), &error), qPrintable(error));
    QVERIFY(ledger.isOpen());
    QVERIFY(!QUuid::fromString(ledger.terminalId()).isNull());
    const Sale sale = makeSale(3); // unit lines and a weighed line
    QCOMPARE(sale.lines.size(), 2);
    const CommitResult result = ledger.commitSale(sale);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.seq, 1);
    bool found = false;
    const Sale loaded = ledger.loadSale(sale.uuid, &found);
    QVERIFY(found);
    compareSales(loaded, sale);
    // What was loaded hashes to exactly what was recorded.
    QSqlQuery q(ledger.database().connection());
    QVERIFY(q.exec(u"SELECT payload FROM journal WHERE seq = 1"_s) && q.next());
    QCOMPARE(q.value(0).toByteArray(), canonicalSale(ledger.terminalId(), 1, loaded));
}

void TestLedger::loadUnknownSale()
{
    QTemporaryDir dir;
    Ledger ledger;
    QString error;
    QVERIFY2(ledger.open(dir.path(), &error), qPrintable(error));
    bool found = true;
    const Sale sale = ledger.loadSale(u"no-such-sale"_s, &found);
    QVERIFY(!found);
    QVERIFY(sale.lines.isEmpty());
}

void TestLedger::sequenceAndChain()
{
    QTemporaryDir dir;
    Ledger ledger;
    QString error;
    QVERIFY2(ledger.open(dir.path(), &error), qPrintable(error));
    QList<Sale> sales;
    for (int n = 1; n <= 6; ++n) {
        sales << makeSale(n);
        const CommitResult result = ledger.commitSale(sales.last());
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.seq, n);
    }
    QSqlQuery q(ledger.database().connection());
    QVERIFY(q.exec(u"SELECT seq, terminal_id, kind, ref, payload, prev_hash, hash FROM journal "
                   u"ORDER BY seq"_s));
    QByteArray previous(32, '\0');
    qint64 expectedSeq = 1;
    while (q.next()) {
        QCOMPARE(q.value(0).toLongLong(), expectedSeq);
        QCOMPARE(q.value(1).toString(), ledger.terminalId());
        QCOMPARE(q.value(2).toString(), u"sale"_s);
        const Sale &sale = sales[expectedSeq - 1];
        QCOMPARE(q.value(3).toString(), sale.uuid);
        const QByteArray payload = q.value(4).toByteArray();
        QCOMPARE(payload, canonicalSale(ledger.terminalId(), expectedSeq, sale));
        QCOMPARE(q.value(5).toByteArray(), previous);
        QCOMPARE(q.value(6).toByteArray(), chainHash(previous, payload));
        previous = q.value(6).toByteArray();
        ++expectedSeq;
    }
    QCOMPARE(expectedSeq, 7);
    VERIFY_LEDGER_OK(ledger, 6);
}

void TestLedger::oneTransactionWritesEverything()
{
    QTemporaryDir dir;
    Ledger ledger;
    QString error;
    QVERIFY2(ledger.open(dir.path(), &error), qPrintable(error));
    const Sale sale = makeSale(6);
    QVERIFY(ledger.commitSale(sale).ok);
    QCOMPARE(intValue(ledger, u"SELECT count(*) FROM sales"_s), 1);
    QCOMPARE(intValue(ledger, u"SELECT count(*) FROM sale_lines"_s), sale.lines.size());
    QCOMPARE(intValue(ledger, u"SELECT count(*) FROM tenders"_s), 1);
    QCOMPARE(intValue(ledger, u"SELECT count(*) FROM journal"_s), 1);
    QSqlQuery q(ledger.database().connection());
    QVERIFY(q.exec(u"SELECT kind, ref, body, sent_at IS NULL FROM outbox"_s) && q.next());
    QCOMPARE(q.value(0).toString(), u"sale.completed"_s);
    QCOMPARE(q.value(1).toString(), sale.uuid);
    QCOMPARE(q.value(2).toString().toUtf8(), canonicalSale(ledger.terminalId(), 1, sale));
    QVERIFY(q.value(3).toBool());
    QVERIFY(!q.next());
    QVERIFY(q.exec(u"SELECT p.kind, p.status, p.printed_at IS NULL, s.uuid FROM print_jobs p "
                   u"JOIN sales s ON s.id = p.sale_id"_s)
            && q.next());
    QCOMPARE(q.value(0).toString(), u"receipt"_s);
    QCOMPARE(q.value(1).toString(), u"queued"_s);
    QVERIFY(q.value(2).toBool());
    QCOMPARE(q.value(3).toString(), sale.uuid);
    QVERIFY(!q.next());
}

void TestLedger::emptySaleRefused()
{
    QTemporaryDir dir;
    Ledger ledger;
    QString error;
    QVERIFY2(ledger.open(dir.path(), &error), qPrintable(error));
    Sale empty;
    empty.uuid = u"empty"_s;
    empty.createdAt = baseTime;
    const CommitResult result = ledger.commitSale(empty);
    QVERIFY(!result.ok);
    QVERIFY(!result.error.isEmpty());
    QCOMPARE(intValue(ledger, u"SELECT count(*) FROM outbox"_s), 0);
    QCOMPARE(ledger.commitSale(makeSale(1)).seq, 1);
}

void TestLedger::failedCommitLeavesNoGap()
{
    QTemporaryDir dir;
    Ledger ledger;
    QString error;
    QVERIFY2(ledger.open(dir.path(), &error), qPrintable(error));
    const Sale first = makeSale(1);
    QCOMPARE(ledger.commitSale(first).seq, 1);
    QCOMPARE(ledger.commitSale(makeSale(2)).seq, 2);
    // The same sale twice (a double-click on "pay"): refused, nothing half-written.
    const CommitResult again = ledger.commitSale(first);
    QVERIFY(!again.ok);
    QVERIFY2(again.error.contains(ledger.database().path()), qPrintable(again.error));
    QCOMPARE(intValue(ledger, u"SELECT count(*) FROM journal"_s), 2);
    QCOMPARE(intValue(ledger, u"SELECT count(*) FROM outbox"_s), 2);
    QCOMPARE(intValue(ledger, u"SELECT count(*) FROM print_jobs"_s), 2);
    QCOMPARE(intValue(ledger, u"SELECT count(*) FROM sale_lines"_s),
             first.lines.size() + makeSale(2).lines.size());
    const CommitResult next = ledger.commitSale(makeSale(3));
    QVERIFY2(next.ok, qPrintable(next.error));
    QCOMPARE(next.seq, 3);
    VERIFY_LEDGER_OK(ledger, 3);
}

void TestLedger::reopenContinuesChain()
{
    QTemporaryDir dir;
    QString error;
    QString terminal;
    {
        Ledger ledger;
        QVERIFY2(ledger.open(dir.path(), &error), qPrintable(error));
        terminal = ledger.terminalId();
        for (int n = 1; n <= 3; ++n)
            QVERIFY(ledger.commitSale(makeSale(n)).ok);
    }
    Ledger ledger;
    QVERIFY2(ledger.open(dir.path(), &error), qPrintable(error));
    QCOMPARE(ledger.terminalId(), terminal);
    const CommitResult result = ledger.commitSale(makeSale(4));
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.seq, 4);
    VERIFY_LEDGER_OK(ledger, 4);
}

void TestLedger::tamperDetected_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<qint64>("firstBadSeq");
    QTest::addColumn<QString>("reason");
    const QString saleOf = u"(SELECT id FROM sales WHERE seq = %1)"_s;

    QTest::newRow("sale total edited")
        << QStringList{u"DROP TRIGGER sales_no_update"_s,
                       u"UPDATE sales SET total_fen = total_fen - 100 WHERE seq = 3"_s}
        << qint64(3) << u"changed"_s;
    QTest::newRow("sale time edited")
        << QStringList{u"DROP TRIGGER sales_no_update"_s,
                       u"UPDATE sales SET created_at = '2024-03-01T00:00:00.000Z' WHERE seq = 1"_s}
        << qint64(1) << u"changed"_s;
    QTest::newRow("line amount edited")
        << QStringList{u"DROP TRIGGER sale_lines_no_update"_s,
                       u"UPDATE sale_lines SET total_fen = 1 WHERE line_no = 1 AND sale_id = "_s
                           + saleOf.arg(2)}
        << qint64(2) << u"changed"_s;
    QTest::newRow("line name edited") // the name the receipt shows
        << QStringList{u"DROP TRIGGER sale_lines_no_update"_s,
                       u"UPDATE sale_lines SET name_en = 'Gift card' WHERE line_no = 1 AND sale_id = "_s
                           + saleOf.arg(2)}
        << qint64(2) << u"changed"_s;
    QTest::newRow("line quantity edited")
        << QStringList{u"DROP TRIGGER sale_lines_no_update"_s,
                       u"UPDATE sale_lines SET quantity = quantity + 1 WHERE sale_id = "_s
                           + saleOf.arg(4)}
        << qint64(4) << u"changed"_s;
    QTest::newRow("tender edited")
        << QStringList{u"DROP TRIGGER tenders_no_update"_s,
                       u"UPDATE tenders SET change_fen = change_fen + 500 WHERE sale_id = "_s
                           + saleOf.arg(5)}
        << qint64(5) << u"changed"_s;
    QTest::newRow("line slipped in")
        << QStringList{u"INSERT INTO sale_lines (sale_id, line_no, sku, code, name_zh, name_en, "
                       u"quantity, weighed, unit_price_fen, total_fen, tax_rate_bp) SELECT id, "
                       u"99, 'X', 'X', 'X', 'X', 1, 0, 1, 1, 1300 FROM sales WHERE seq = 2"_s}
        << qint64(2) << u"changed"_s;
    QTest::newRow("sale and its journal entry deleted")
        << QStringList{u"DROP TRIGGER sales_no_delete"_s, u"DROP TRIGGER journal_no_delete"_s,
                       u"DROP TRIGGER sale_lines_no_delete"_s, u"DROP TRIGGER tenders_no_delete"_s,
                       u"DELETE FROM sale_lines WHERE sale_id = "_s + saleOf.arg(3),
                       u"DELETE FROM tenders WHERE sale_id = "_s + saleOf.arg(3),
                       u"DELETE FROM print_jobs WHERE sale_id = "_s + saleOf.arg(3),
                       u"DELETE FROM sales WHERE seq = 3"_s, u"DELETE FROM journal WHERE seq = 3"_s}
        << qint64(3) << u"missing"_s;
    QTest::newRow("journal entry deleted, sale kept")
        << QStringList{u"DROP TRIGGER journal_no_delete"_s, u"DELETE FROM journal WHERE seq = 4"_s}
        << qint64(4) << u"missing"_s;
    QTest::newRow("sale deleted, journal kept")
        << QStringList{u"DROP TRIGGER sales_no_delete"_s, u"DELETE FROM sales WHERE seq = 2"_s}
        << qint64(2) << u"deleted"_s;
    QTest::newRow("two journal entries swapped")
        << QStringList{u"DROP TRIGGER journal_no_update"_s,
                       u"UPDATE journal SET seq = -2 WHERE seq = 2"_s,
                       u"UPDATE journal SET seq = 2 WHERE seq = 4"_s,
                       u"UPDATE journal SET seq = 4 WHERE seq = -2"_s}
        << qint64(2) << u"hash chain"_s;
    QTest::newRow("journal payload edited")
        << QStringList{u"DROP TRIGGER journal_no_update"_s,
                       u"UPDATE journal SET payload = CAST(replace(CAST(payload AS TEXT), "
                       u"'\"total\":', '\"total\":1') AS BLOB) WHERE seq = 3"_s}
        << qint64(3) << u"hash chain"_s;
    QTest::newRow("sale outside the journal")
        << QStringList{u"INSERT INTO sales (uuid, terminal_id, seq, created_at, total_fen, "
                       u"tax_fen) SELECT 'stray', terminal_id, 42, created_at, 100, 12 FROM sales "
                       u"WHERE seq = 1"_s}
        << qint64(42) << u"not in the journal"_s;
}

void TestLedger::tamperDetected()
{
    QFETCH(QStringList, statements);
    QFETCH(qint64, firstBadSeq);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    QString error;
    {
        Ledger ledger;
        QVERIFY2(ledger.open(dir.path(), &error), qPrintable(error));
        for (int n = 1; n <= 5; ++n)
            QVERIFY(ledger.commitSale(makeSale(n)).ok);
        QVERIFY(ledger.verify().ok);
    }
    QVERIFY2(rawExec(dir.filePath(Ledger::fileName()), statements, &error), qPrintable(error));
    Ledger ledger;
    QVERIFY2(ledger.open(dir.path(), &error), qPrintable(error));
    const VerifyResult verified = ledger.verify();
    QVERIFY(!verified.ok);
    QCOMPARE(verified.firstBadSeq, firstBadSeq);
    QVERIFY2(verified.reason.contains(reason), qPrintable(verified.reason));
}

void TestLedger::appendOnly_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("update journal") << u"UPDATE journal SET kind = 'void' WHERE seq = 1"_s;
    QTest::newRow("delete journal") << u"DELETE FROM journal WHERE seq = 2"_s;
    QTest::newRow("update sales") << u"UPDATE sales SET total_fen = 0"_s;
    QTest::newRow("delete sales") << u"DELETE FROM sales"_s;
    QTest::newRow("update sale_lines") << u"UPDATE sale_lines SET total_fen = 0"_s;
    QTest::newRow("delete sale_lines") << u"DELETE FROM sale_lines"_s;
    QTest::newRow("update tenders") << u"UPDATE tenders SET amount_fen = 0"_s;
    QTest::newRow("delete tenders") << u"DELETE FROM tenders"_s;
}

void TestLedger::appendOnly()
{
    QFETCH(QString, sql);
    QTemporaryDir dir;
    Ledger ledger;
    QString error;
    QVERIFY2(ledger.open(dir.path(), &error), qPrintable(error));
    for (int n = 1; n <= 3; ++n)
        QVERIFY(ledger.commitSale(makeSale(n)).ok);
    QVERIFY(!ledger.database().exec(sql, &error));
    QVERIFY2(error.contains(u"append-only"_s), qPrintable(error));
    // and from a second connection too: the triggers live in the file
    QVERIFY(!rawExec(dir.filePath(Ledger::fileName()), {sql}, &error));
    QVERIFY2(error.contains(u"append-only"_s), qPrintable(error));
    VERIFY_LEDGER_OK(ledger, 3);
    QCOMPARE(ledger.commitSale(makeSale(4)).seq, 4);
}

void TestLedger::replaceCannotRewriteHistory_data()
{
    QTest::addColumn<QString>("sql");
    // REPLACE deletes the old row without firing DELETE triggers unless recursive_triggers is on.
    QTest::newRow("replace journal entry")
        << u"INSERT OR REPLACE INTO journal (seq, terminal_id, kind, ref, created_at, payload, "
           u"prev_hash, hash) SELECT seq, terminal_id, kind, ref, created_at, 'x', prev_hash, "
           u"hash FROM journal WHERE seq = 2"_s;
    QTest::newRow("replace sale")
        << u"REPLACE INTO sales (id, uuid, terminal_id, seq, created_at, total_fen, tax_fen) "
           u"SELECT id, uuid, terminal_id, seq, created_at, 1, 0 FROM sales WHERE seq = 2"_s;
}

void TestLedger::replaceCannotRewriteHistory()
{
    QFETCH(QString, sql);
    QTemporaryDir dir;
    Ledger ledger;
    QString error;
    QVERIFY2(ledger.open(dir.path(), &error), qPrintable(error));
    for (int n = 1; n <= 3; ++n)
        QVERIFY(ledger.commitSale(makeSale(n)).ok);
    QVERIFY(!ledger.database().exec(sql, &error));
    QVERIFY2(error.contains(u"append-only"_s), qPrintable(error));
    VERIFY_LEDGER_OK(ledger, 3);
}

void TestLedger::fromMissingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(Ledger::fileName());
    QVERIFY(!QFile::exists(path));
    Ledger ledger;
    QString error;
    QVERIFY2(ledger.open(dir.path(), &error), qPrintable(error));
    QVERIFY(QFile::exists(path));
    QCOMPARE(intValue(ledger, u"PRAGMA user_version"_s), 1);
    QCOMPARE(intValue(ledger, u"SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"_s), 8);
    QCOMPARE(ledger.commitSale(makeSale(1)).seq, 1);
    QVERIFY(ledger.verify().ok);
}

void TestLedger::fromEmptyFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(Ledger::fileName());
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QCOMPARE(QFileInfo(path).size(), 0);
    Ledger ledger;
    QString error;
    QVERIFY2(ledger.open(dir.path(), &error), qPrintable(error));
    QCOMPARE(intValue(ledger, u"PRAGMA user_version"_s), 1);
    QCOMPARE(ledger.commitSale(makeSale(1)).seq, 1);
    VERIFY_LEDGER_OK(ledger, 1);
    QCOMPARE(modeOf(path), ownerOnly);
}

void TestLedger::fileMode()
{
    QTemporaryDir dir;
    Ledger ledger;
    QString error;
    QVERIFY2(ledger.open(dir.path(), &error), qPrintable(error));
    QVERIFY(ledger.commitSale(makeSale(1)).ok);
    const QString path = dir.filePath(Ledger::fileName());
    QCOMPARE(modeOf(path), ownerOnly);
    QCOMPARE(modeOf(path + u"-wal"_s), ownerOnly);
    QCOMPARE(modeOf(path + u"-shm"_s), ownerOnly);
}

void TestLedger::garbageFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(Ledger::fileName());
    QByteArray garbage(32 * 1024, Qt::Uninitialized);
    QRandomGenerator generator(42);
    for (char &c : garbage)
        c = char(generator.bounded(256));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(garbage), garbage.size());
    }
    const QByteArray before = sha256Of(path);
    Ledger ledger;
    QString error;
    QVERIFY(!ledger.open(dir.path(), &error));
    QVERIFY(!ledger.isOpen());
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(u"damaged"_s), qPrintable(error));
    QCOMPARE(sha256Of(path), before);
    QCOMPARE(QFileInfo(path).size(), garbage.size());
}

void TestLedger::diskFull()
{
    QTemporaryDir dir;
    Ledger ledger;
    QString error;
    QVERIFY2(ledger.open(dir.path(), &error), qPrintable(error));
    for (int n = 1; n <= 3; ++n)
        QVERIFY(ledger.commitSale(makeSale(n)).ok);

    // The file may not grow any more: as if the disk were full.
    const qint64 pages = intValue(ledger, u"PRAGMA page_count"_s);
    QVERIFY(pages > 0);
    QVERIFY2(ledger.database().exec(u"PRAGMA max_page_count = %1"_s.arg(pages), &error),
             qPrintable(error));
    const Sale big = bigSale();
    const CommitResult failed = ledger.commitSale(big);
    QVERIFY(!failed.ok);
    QVERIFY2(failed.error.contains(u"full"_s), qPrintable(failed.error));
    QVERIFY2(failed.error.contains(ledger.database().path()), qPrintable(failed.error));

    bool found = true;
    ledger.loadSale(big.uuid, &found);
    QVERIFY(!found);
    QCOMPARE(intValue(ledger, u"SELECT count(*) FROM journal"_s), 3);
    QCOMPARE(intValue(ledger, u"SELECT count(*) FROM outbox"_s), 3);
    QCOMPARE(intValue(ledger, u"SELECT count(*) FROM print_jobs"_s), 3);
    QCOMPARE(intValue(ledger, u"SELECT count(*) FROM sale_lines WHERE sku LIKE 'BIG%'"_s), 0);
    VerifyResult verified = ledger.verify();
    QVERIFY2(verified.ok, qPrintable(verified.reason));
    QCOMPARE(verified.entries, 3);

    // Space again: the same sale goes through with the next number, no gap.
    QVERIFY2(ledger.database().exec(u"PRAGMA max_page_count = 1073741823"_s, &error),
             qPrintable(error));
    const CommitResult retried = ledger.commitSale(big);
    QVERIFY2(retried.ok, qPrintable(retried.error));
    QCOMPARE(retried.seq, 4);
    verified = ledger.verify();
    QVERIFY2(verified.ok, qPrintable(verified.reason));
    QCOMPARE(verified.entries, 4);
    bool loaded = false;
    compareSales(ledger.loadSale(big.uuid, &loaded), big);
    QVERIFY(loaded);
}

QTEST_GUILESS_MAIN(TestLedger)
#include "tst_ledger.moc"
