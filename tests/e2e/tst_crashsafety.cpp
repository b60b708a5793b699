// Crash safety of the ledger: `smartpos-admin simulate` is SIGKILLed at random moments while it
// commits sales, and after every kill the ledger is opened with the libraries and checked:
// it opens, the hash chain verifies, SQLite's quick_check passes, no sale is partial, every sale
// has exactly its journal entry, outbox event and print job, sequence numbers have no gaps, and
// nothing that was committed before is lost or changed.
//
// Environment:
//   SMARTPOS_CRASH_KILLS        number of kills (default 200)
//   SMARTPOS_CRASH_SEED         seed of the random kill delays (default: random, printed)
//   SMARTPOS_CRASH_ROUND_SALES  start a fresh data directory once a ledger holds this many
//                               sales (default 1000). Ledger::verify() re-reads every sale
//                               (~0.15 ms each), so one ever-growing ledger would make the
//                               checks quadratic in the number of kills.
#include "ledger/ledger.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace smartpos;

namespace {

const QString adminPath = QStringLiteral(SMARTPOS_BIN_DIR "/smartpos-admin");
const QString demoCatalog = QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-catalog.csv");

qint64 envNumber(const char *name, qint64 fallback)
{
    bool ok = false;
    const qint64 value = qEnvironmentVariable(name).toLongLong(&ok);
    return ok && value > 0 ? value : fallback;
}

struct LedgerSnapshot {
    qint64 sales = 0;
    QByteArray headHash; // journal hash at seq == sales
};

// One integer from a query that must return exactly one row.
qint64 number(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next()) {
        *error = QStringLiteral("query failed: %1: %2").arg(sql, q.lastError().text());
        return -1;
    }
    return q.value(0).toLongLong();
}

// All the invariants of a ledger after a crash. Empty on success, otherwise what is wrong.
QString checkLedger(const QString &dataDir, const LedgerSnapshot &before, LedgerSnapshot *after)
{
    Ledger ledger;
    QString error;
    if (!ledger.open(dataDir, &error))
        return QStringLiteral("the ledger does not open: %1").arg(error);

    const VerifyResult verified = ledger.verify();
    if (!verified.ok)
        return QStringLiteral("Ledger::verify failed at seq %1: %2")
            .arg(verified.firstBadSeq)
            .arg(verified.reason);

    QSqlDatabase &db = ledger.database().connection();
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA quick_check")))
            return QStringLiteral("quick_check failed: %1").arg(q.lastError().text());
        QStringList rows;
        while (q.next())
            rows.append(q.value(0).toString());
        if (rows != QStringList{QStringLiteral("ok")})
            return QStringLiteral("quick_check: %1").arg(rows.join(u"; "));
    }

    const qint64 sales = number(db, QStringLiteral("SELECT count(*) FROM sales"), &error);
    struct Expect {
        const char *what;
        const char *sql;
        qint64 expected;
    };
    const Expect expectations[] = {
        {"journal entries", "SELECT count(*) FROM journal", sales},
        {"outbox events", "SELECT count(*) FROM outbox", sales},
        {"print jobs", "SELECT count(*) FROM print_jobs", sales},
        {"sales with an outbox event",
         "SELECT count(DISTINCT o.ref) FROM outbox o JOIN sales s ON s.uuid = o.ref", sales},
        {"sales with a print job",
         "SELECT count(DISTINCT p.sale_id) FROM print_jobs p JOIN sales s ON s.id = p.sale_id",
         sales},
        {"sales without lines",
         "SELECT count(*) FROM sales s WHERE NOT EXISTS "
         "(SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id)",
         0},
        {"sales whose lines do not add up to the total",
         "SELECT count(*) FROM sales s WHERE s.total_fen <> "
         "(SELECT coalesce(sum(l.total_fen), 0) FROM sale_lines l WHERE l.sale_id = s.id)",
         0},
        {"sales without a tender",
         "SELECT count(*) FROM sales s WHERE NOT EXISTS "
         "(SELECT 1 FROM tenders t WHERE t.sale_id = s.id)",
         0},
        {"sales whose tenders do not add up to the total",
         "SELECT count(*) FROM sales s WHERE s.total_fen <> "
         "(SELECT coalesce(sum(t.amount_fen), 0) FROM tenders t WHERE t.sale_id = s.id)",
         0},
        {"tenders with change <> received - amount (or negative change)",
         "SELECT count(*) FROM tenders WHERE change_fen <> received_fen - amount_fen "
         "OR change_fen < 0",
         0},
        {"orphan lines", "SELECT count(*) FROM sale_lines WHERE sale_id NOT IN (SELECT id FROM sales)",
         0},
        {"orphan tenders", "SELECT count(*) FROM tenders WHERE sale_id NOT IN (SELECT id FROM sales)",
         0},
        {"smallest sale seq (0 when empty)", "SELECT coalesce(min(seq), 0) FROM sales",
         sales ? 1 : 0},
        {"largest sale seq", "SELECT coalesce(max(seq), 0) FROM sales", sales},
        {"distinct sale seqs", "SELECT count(DISTINCT seq) FROM sales", sales},
        {"smallest journal seq (0 when empty)", "SELECT coalesce(min(seq), 0) FROM journal",
         sales ? 1 : 0},
        {"largest journal seq", "SELECT coalesce(max(seq), 0) FROM journal", sales},
    };
    for (const Expect &e : expectations) {
        const qint64 got = number(db, QString::fromLatin1(e.sql), &error);
        if (!error.isEmpty())
            return error;
        if (got != e.expected)
            return QStringLiteral("%1: %2, expected %3 (%4 sales)")
                .arg(QLatin1String(e.what))
                .arg(got)
                .arg(e.expected)
                .arg(sales);
    }
    if (verified.entries != sales)
        return QStringLiteral("verify saw %1 entries but there are %2 sales")
            .arg(verified.entries)
            .arg(sales);

    if (sales < before.sales)
        return QStringLiteral("sales went down from %1 to %2: committed sales were lost")
            .arg(before.sales)
            .arg(sales);
    if (before.sales > 0) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT hash FROM journal WHERE seq = ?"));
        q.addBindValue(before.sales);
        if (!q.exec() || !q.next() || q.value(0).toByteArray() != before.headHash)
            return QStringLiteral("journal entry %1, committed before the kill, changed or vanished")
                .arg(before.sales);
    }
    after->sales = sales;
    if (sales > 0) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT hash FROM journal WHERE seq = ?"));
        q.addBindValue(sales);
        if (!q.exec() || !q.next())
            return QStringLiteral("no journal entry %1").arg(sales);
        after->headHash = q.value(0).toByteArray();
    }
    return {};
}

} // namespace

class TestCrashSafety : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void checkerCatchesDamage_data();
    void checkerCatchesDamage();
    void killDuringSimulation();

private:
    QString prepareDataDir(const QString &dir);
};

void TestCrashSafety::initTestCase()
{
    QVERIFY2(QFileInfo(adminPath).isExecutable(), qPrintable(adminPath + QStringLiteral(" is not built")));
    QVERIFY(QFileInfo::exists(demoCatalog));
}

QString TestCrashSafety::prepareDataDir(const QString &dir)
{
    QProcess import;
    import.start(adminPath, {QStringLiteral("--data-dir"), dir, QStringLiteral("catalog"),
                             QStringLiteral("import"), demoCatalog});
    if (!import.waitForFinished(60000) || import.exitStatus() != QProcess::NormalExit
        || import.exitCode() != 0)
        return QStringLiteral("catalog import failed: %1")
            .arg(QString::fromLocal8Bit(import.readAllStandardError()));
    return {};
}

// The checks themselves must not be vacuous: tamper with a good ledger and expect a complaint.
void TestCrashSafety::checkerCatchesDamage_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("complaint");
    QTest::newRow("lost outbox event") << QStringLiteral("DELETE FROM outbox WHERE id = 3")
                                       << QStringLiteral("outbox events: 19");
    QTest::newRow("lost print job") << QStringLiteral("DELETE FROM print_jobs WHERE id = 5")
                                    << QStringLiteral("print jobs: 19");
    QTest::newRow("outbox event of another sale")
        << QStringLiteral("UPDATE outbox SET ref = (SELECT uuid FROM sales WHERE seq = 2) "
                          "WHERE ref = (SELECT uuid FROM sales WHERE seq = 1)")
        << QStringLiteral("sales with an outbox event: 19");
    QTest::newRow("extra tender") << QStringLiteral(
        "INSERT INTO tenders (sale_id, kind, amount_fen, received_fen, change_fen) "
        "VALUES (2, 'cash', 100, 100, 0)")
                                  << QStringLiteral("verify failed at seq 2");
    QTest::newRow("last sale removed consistently")
        << QStringLiteral("DROP TRIGGER sales_no_delete;; DROP TRIGGER sale_lines_no_delete;; "
                          "DROP TRIGGER tenders_no_delete;; DROP TRIGGER journal_no_delete;; "
                          "DELETE FROM print_jobs WHERE sale_id = (SELECT id FROM sales WHERE seq = 20);; "
                          "DELETE FROM outbox WHERE ref = (SELECT uuid FROM sales WHERE seq = 20);; "
                          "DELETE FROM sale_lines WHERE sale_id = (SELECT id FROM sales WHERE seq = 20);; "
                          "DELETE FROM tenders WHERE sale_id = (SELECT id FROM sales WHERE seq = 20);; "
                          "DELETE FROM journal WHERE seq = 20;; DELETE FROM sales WHERE seq = 20")
        << QStringLiteral("sales went down from 20 to 19");
}

void TestCrashSafety::checkerCatchesDamage()
{
    QFETCH(QString, sql);
    QFETCH(QString, complaint);
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QString dir = root.filePath(QStringLiteral("data"));
    QString problem = prepareDataDir(dir);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QProcess sim;
    sim.start(adminPath, {QStringLiteral("--data-dir"), dir, QStringLiteral("simulate"),
                          QStringLiteral("--sales"), QStringLiteral("20")});
    QVERIFY(sim.waitForFinished(60000) && sim.exitCode() == 0);

    LedgerSnapshot good;
    problem = checkLedger(dir, {}, &good);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(good.sales, qint64(20));
    {
        // Straight to the file, past the ledger's append-only rules.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                    QStringLiteral("tamper"));
        db.setDatabaseName(QDir(dir).filePath(QStringLiteral("ledger.db")));
        QVERIFY(db.open());
        for (const QString &statement : sql.split(QStringLiteral(";;"))) {
            QSqlQuery q(db);
            QVERIFY2(q.exec(statement), qPrintable(statement + QStringLiteral(": ")
                                                   + q.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
    LedgerSnapshot after;
    problem = checkLedger(dir, good, &after);
    QVERIFY2(problem.contains(complaint, Qt::CaseInsensitive),
             qPrintable(QStringLiteral("expected a complaint about \"%1\", got \"%2\"")
                            .arg(complaint, problem)));
}

void TestCrashSafety::killDuringSimulation()
{
    const qint64 kills = envNumber("SMARTPOS_CRASH_KILLS", 200);
    const qint64 roundSales = envNumber("SMARTPOS_CRASH_ROUND_SALES", 1000);
    const quint32 seed = quint32(envNumber("SMARTPOS_CRASH_SEED", 0))
                             ? quint32(envNumber("SMARTPOS_CRASH_SEED", 0))
                             : QRandomGenerator::system()->bounded(1u, 0x7fffffffu);
    qInfo("crash-safety: %lld kills, seed %u (rerun with SMARTPOS_CRASH_SEED=%u)", kills, seed,
          seed);
    QRandomGenerator random(seed);

    QTemporaryDir root;
    QVERIFY(root.isValid());
    int round = 0;
    QString dataDir;
    LedgerSnapshot state;
    qint64 grew = 0;          // kills after which the ledger held more sales than before
    qint64 totalSales = 0;    // over all rounds
    qint64 checkMs = 0;
    QElapsedTimer total;
    total.start();

    for (qint64 i = 0; i < kills; ++i) {
        if (dataDir.isEmpty() || state.sales >= roundSales) {
            totalSales += state.sales;
            dataDir = root.filePath(QStringLiteral("round-%1").arg(++round));
            const QString problem = prepareDataDir(dataDir);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            state = {};
        }
        const int delayMs = random.bounded(5, 121);
        QProcess child;
        child.setStandardOutputFile(QProcess::nullDevice());
        child.start(adminPath, {QStringLiteral("--data-dir"), dataDir, QStringLiteral("simulate"),
                                QStringLiteral("--sales"), QStringLiteral("100000"),
                                QStringLiteral("--seed"), QString::number(i)});
        QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));
        QElapsedTimer since;
        since.start();
        QThread::msleep(ulong(delayMs));
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished(10000));
        const QString where = QStringLiteral("kill %1 (seed %2, child seed %3, %4 ms, round %5)")
                                  .arg(i)
                                  .arg(seed)
                                  .arg(i)
                                  .arg(delayMs)
                                  .arg(round);
        QVERIFY2(child.exitStatus() == QProcess::CrashExit,
                 qPrintable(where + QStringLiteral(": the child ended on its own with exit code ")
                            + QString::number(child.exitCode()) + QStringLiteral(": ")
                            + QString::fromLocal8Bit(child.readAllStandardError())));

        QElapsedTimer check;
        check.start();
        LedgerSnapshot next;
        const QString problem = checkLedger(dataDir, state, &next);
        checkMs += check.elapsed();
        QVERIFY2(problem.isEmpty(), qPrintable(where + QStringLiteral(": ") + problem));
        if (next.sales > state.sales)
            ++grew;
        state = next;
        if ((i + 1) % 100 == 0 && i + 1 < kills)
            qInfo("crash-safety: %lld kills, %lld s", i + 1, qint64(total.elapsed() / 1000));
    }
    totalSales += state.sales;
    qInfo("crash-safety: %lld kills in %lld ms (%lld ms checking), %d data dirs, %lld sales "
          "committed, %lld kills interrupted a running simulation after it had committed",
          kills, qint64(total.elapsed()), checkMs, round, totalSales, grew);
    // Not vacuous: most kills must land while sales are being committed, not before the child
    // reached its first sale.
    QVERIFY2(grew >= kills / 2,
             qPrintable(QStringLiteral("only %1 of %2 kills happened after the child had "
                                       "committed a sale")
                            .arg(grew)
                            .arg(kills)));
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
