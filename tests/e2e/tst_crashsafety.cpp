// Crash safety of the ledger: `smartpos-admin simulate --no-sale-every K` and `smartpos-admin
// ledger no-sale` are SIGKILLed at random moments while they open the ledger and commit sales
// and no-sales, and after every kill the ledger is checked with the libraries and the CLI:
// it opens, SQLite's quick_check passes, `ledger verify` passes, no sale is partial (its lines
// and adjustments add up to its total, and so do its tenders), every journal entry has its
// outbox event and print job, sequence numbers have no gaps, nothing committed before is lost
// or changed, and the anchor in the key folder never leads the ledger (its seq ≤ the last
// entry's, and its mac is that entry's).
//
// Environment:
//   SMARTPOS_CRASH_KILLS        number of kills (default 200)
//   SMARTPOS_CRASH_SEED         seed of the random kill delays (default: random, printed)
//   SMARTPOS_CRASH_ROUND_SALES  start a fresh data directory once a ledger holds this many
//                               entries (default 1000). Verifying re-reads every entry, so one
//                               ever-growing ledger would make the checks quadratic in the number
//                               of kills.
#include "ledger/keyfolder.h"
#include "ledger/ledger.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
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

// A data folder and the key folder that belongs to it.
struct Terminal {
    QString dataDir;
    QString keyDir;

    QStringList args(const QStringList &command) const
    {
        return QStringList{QStringLiteral("--data-dir"), dataDir, QStringLiteral("--key-dir"),
                           keyDir}
               + command;
    }
};

struct LedgerSnapshot {
    qint64 entries = 0;
    qint64 sales = 0;
    qint64 noSales = 0;
    QByteArray headMac; // journal mac at seq == entries
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

QByteArray macAt(QSqlDatabase &db, qint64 seq)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT mac FROM journal WHERE seq = ?"));
    q.addBindValue(seq);
    return q.exec() && q.next() ? q.value(0).toByteArray() : QByteArray();
}

// `smartpos-admin ledger verify`: empty when it printed "OK <entries> entries" and exited 0.
QString cliVerify(const Terminal &t, qint64 entries)
{
    QProcess verify;
    verify.start(adminPath, t.args({QStringLiteral("ledger"), QStringLiteral("verify")}));
    if (!verify.waitForFinished(60000) || verify.exitStatus() != QProcess::NormalExit)
        return QStringLiteral("smartpos-admin ledger verify did not finish");
    const QString out = QString::fromUtf8(verify.readAllStandardOutput()).trimmed();
    const QString expected = QStringLiteral("OK %1 entries").arg(entries);
    if (verify.exitCode() != 0 || out != expected)
        return QStringLiteral("smartpos-admin ledger verify: exit %1, \"%2\" %3 (expected \"%4\")")
            .arg(verify.exitCode())
            .arg(out, QString::fromUtf8(verify.readAllStandardError()).trimmed(), expected);
    return {};
}

// All the invariants of a ledger after a crash. Empty on success, otherwise what is wrong.
// Writes nothing: the anchor is read first, then the ledger is opened read-only.
QString checkLedger(const Terminal &t, const LedgerSnapshot &before, LedgerSnapshot *after)
{
    KeyFolder keys;
    if (const Status opened = keys.open(t.keyDir, true); !opened || !keys.hasKey())
        return QStringLiteral("the key folder does not open: %1")
            .arg(opened ? QStringLiteral("no key") : opened.error().message);
    QString problem;
    const std::optional<KeyFolder::Head> anchor = keys.readAnchor(&problem);
    if (!anchor)
        return QStringLiteral("no valid anchor: %1").arg(problem);

    Ledger ledger;
    if (const Status opened = ledger.openReadOnly(t.dataDir, t.keyDir); !opened)
        return QStringLiteral("the ledger does not open: %1").arg(opened.error().message);
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

    QString error;
    const qint64 entries = number(db, QStringLiteral("SELECT count(*) FROM journal"), &error);
    const qint64 sales = number(db, QStringLiteral("SELECT count(*) FROM sales"), &error);
    const qint64 noSales =
        number(db, QStringLiteral("SELECT count(*) FROM journal WHERE kind = 'no_sale'"), &error);
    if (!error.isEmpty())
        return error;
    struct Expect {
        const char *what;
        const char *sql;
        qint64 expected;
    };
    const Expect expectations[] = {
        // Sequence numbers: 1 … entries, no gaps, no repeats.
        {"smallest journal seq (0 when empty)", "SELECT coalesce(min(seq), 0) FROM journal",
         entries ? 1 : 0},
        {"largest journal seq", "SELECT coalesce(max(seq), 0) FROM journal", entries},
        {"entries of unknown kinds",
         "SELECT count(*) FROM journal WHERE kind NOT IN "
         "('sale', 'no_sale')",
         0},
        {"sale entries", "SELECT count(*) FROM journal WHERE kind = 'sale'", sales},
        {"sales without a sale entry",
         "SELECT count(*) FROM sales s WHERE NOT EXISTS "
         "(SELECT 1 FROM journal j WHERE j.seq = s.seq AND j.kind = 'sale')",
         0},
        // Every entry has its outbox event and its print job, and nothing else has one.
        {"entries without an outbox event",
         "SELECT count(*) FROM journal j WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.seq = "
         "j.seq)",
         0},
        {"outbox events", "SELECT count(*) FROM outbox", entries},
        {"entries without a print job",
         "SELECT count(*) FROM journal j WHERE NOT EXISTS "
         "(SELECT 1 FROM print_jobs p WHERE p.seq = j.seq)",
         0},
        {"print jobs of the wrong kind",
         "SELECT count(*) FROM print_jobs p JOIN journal j ON j.seq = p.seq WHERE p.kind <> "
         "CASE j.kind WHEN 'sale' THEN 'receipt' ELSE j.kind END",
         0},
        {"print jobs", "SELECT count(*) FROM print_jobs", entries},
        // No partial sale: lines + adjustments = total = tenders.
        {"sales without lines",
         "SELECT count(*) FROM sales s WHERE NOT EXISTS (SELECT 1 FROM sale_lines l WHERE l.seq = "
         "s.seq)",
         0},
        {"sales whose lines and adjustments do not add up to the total",
         "SELECT count(*) FROM sales s WHERE s.total_fen <> "
         "(SELECT coalesce(sum(l.total_fen), 0) FROM sale_lines l WHERE l.seq = s.seq) + "
         "(SELECT coalesce(sum(a.amount_fen), 0) FROM sale_adjustments a WHERE a.seq = s.seq)",
         0},
        {"sales without a tender",
         "SELECT count(*) FROM sales s WHERE NOT EXISTS (SELECT 1 FROM tenders t WHERE t.seq = "
         "s.seq)",
         0},
        {"sales whose tenders do not add up to the total",
         "SELECT count(*) FROM sales s WHERE s.total_fen <> "
         "(SELECT coalesce(sum(t.amount_fen), 0) FROM tenders t WHERE t.seq = s.seq)",
         0},
        {"tenders with change <> received - amount (or negative change)",
         "SELECT count(*) FROM tenders WHERE change_fen <> received_fen - amount_fen "
         "OR change_fen < 0",
         0},
        {"orphan lines", "SELECT count(*) FROM sale_lines WHERE seq NOT IN (SELECT seq FROM sales)",
         0},
        {"orphan adjustments",
         "SELECT count(*) FROM sale_adjustments WHERE seq NOT IN (SELECT seq FROM sales)", 0},
        {"orphan tenders", "SELECT count(*) FROM tenders WHERE seq NOT IN (SELECT seq FROM sales)",
         0},
    };
    for (const Expect &e : expectations) {
        const qint64 got = number(db, QString::fromLatin1(e.sql), &error);
        if (!error.isEmpty())
            return error;
        if (got != e.expected)
            return QStringLiteral("%1: %2, expected %3 (%4 entries)")
                .arg(QLatin1String(e.what))
                .arg(got)
                .arg(e.expected)
                .arg(entries);
    }

    // Nothing committed before the kill is lost or changed.
    if (entries < before.entries)
        return QStringLiteral("entries went down from %1 to %2: committed entries were lost")
            .arg(before.entries)
            .arg(entries);
    if (before.entries > 0 && macAt(db, before.entries) != before.headMac)
        return QStringLiteral("journal entry %1, committed before the kill, changed or vanished")
            .arg(before.entries);

    // The anchor may lag the ledger (it is written after the commit), never lead it.
    if (anchor->seq > entries)
        return QStringLiteral("the anchor leads the ledger: anchor at entry %1, the journal ends "
                              "at %2")
            .arg(anchor->seq)
            .arg(entries);
    const QByteArray anchoredMac = anchor->seq > 0 ? macAt(db, anchor->seq) : QByteArray(32, '\0');
    if (anchor->mac != anchoredMac)
        return QStringLiteral("the anchor's mac is not the mac of entry %1").arg(anchor->seq);

    const VerifyResult verified = ledger.verify();
    if (!verified.ok)
        return QStringLiteral("Ledger::verify failed at seq %1: %2")
            .arg(verified.firstBadSeq)
            .arg(verified.reason);
    if (verified.entries != entries)
        return QStringLiteral("verify saw %1 entries but the journal has %2")
            .arg(verified.entries)
            .arg(entries);
    after->entries = entries;
    after->sales = sales;
    after->noSales = noSales;
    after->headMac = entries > 0 ? macAt(db, entries) : QByteArray();
    ledger.close();
    if (const QString cli = cliVerify(t, entries); !cli.isEmpty())
        return cli;
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
    QString prepareTerminal(const QString &dir, Terminal *t);
};

void TestCrashSafety::initTestCase()
{
    QVERIFY2(QFileInfo(adminPath).isExecutable(),
             qPrintable(adminPath + QStringLiteral(" is not built")));
    QVERIFY(QFileInfo::exists(demoCatalog));
}

QString TestCrashSafety::prepareTerminal(const QString &dir, Terminal *t)
{
    t->dataDir = dir + QStringLiteral("/data");
    t->keyDir = dir + QStringLiteral("/keys");
    QProcess import;
    import.start(adminPath,
                 t->args({QStringLiteral("catalog"), QStringLiteral("import"), demoCatalog}));
    if (!import.waitForFinished(60000) || import.exitStatus() != QProcess::NormalExit
        || import.exitCode() != 0)
        return QStringLiteral("catalog import failed: %1")
            .arg(QString::fromLocal8Bit(import.readAllStandardError()));
    return {};
}

// The checks themselves must not be vacuous: tamper with a good ledger (20 sales and 4 no-sales:
// a no-sale after every 5 sales, at seqs 6, 12, 18, 24) and expect a complaint.
void TestCrashSafety::checkerCatchesDamage_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("complaint");
    QTest::newRow("lost outbox event")
        << QStringLiteral("DROP TRIGGER outbox_no_delete;; DELETE FROM outbox WHERE seq = 3")
        << QStringLiteral("entries without an outbox event: 1");
    QTest::newRow("lost print job of a no-sale")
        << QStringLiteral(
               "DROP TRIGGER print_jobs_no_delete;; DELETE FROM print_jobs WHERE seq = 12")
        << QStringLiteral("entries without a print job: 1");
    QTest::newRow("print job of the wrong kind")
        << QStringLiteral("DROP TRIGGER print_jobs_fixed;; UPDATE print_jobs SET kind = 'receipt' "
                          "WHERE seq = 6")
        << QStringLiteral("print jobs of the wrong kind: 1");
    QTest::newRow("extra tender") << QStringLiteral(
        "INSERT INTO tenders (seq, tender_no, kind, amount_fen, received_fen, "
        "change_fen, reference) VALUES (2, 9, 'cash', 100, 100, 0, '')")
                                  << QStringLiteral(
                                         "sales whose tenders do not add up to the total: 1");
    QTest::newRow("partial sale: a line lost")
        << QStringLiteral(
               "DROP TRIGGER sale_lines_no_delete;; DELETE FROM sale_lines WHERE seq = 4 "
               "AND line_no = 1")
        << QStringLiteral("sales whose lines and adjustments do not add up to the total: 1");
    QTest::newRow("a gap in the journal")
        << QStringLiteral(
               "DROP TRIGGER journal_no_update;; UPDATE journal SET seq = 100 WHERE seq = 24")
        << QStringLiteral("largest journal seq: 100, expected 24");
    QTest::newRow("last sale removed consistently") << QStringLiteral(
        "DROP TRIGGER sales_no_delete;; DROP TRIGGER sale_lines_no_delete;; "
        "DROP TRIGGER sale_adjustments_no_delete;; DROP TRIGGER tenders_no_delete;; "
        "DROP TRIGGER journal_no_delete;; DROP TRIGGER outbox_no_delete;; "
        "DROP TRIGGER print_jobs_no_delete;; "
        "DELETE FROM print_jobs WHERE seq = 24;; DELETE FROM outbox WHERE seq = 24;; "
        "DELETE FROM journal WHERE seq = 24") << QStringLiteral("entries went down from 24 to 23");
    QTest::newRow("anchor leads the ledger")
        << QStringLiteral("anchor 25") << QStringLiteral("the anchor leads the ledger");
    QTest::newRow("anchor of another entry")
        << QStringLiteral("anchor 11")
        << QStringLiteral("the anchor's mac is not the mac of entry 11");
}

void TestCrashSafety::checkerCatchesDamage()
{
    QFETCH(QString, sql);
    QFETCH(QString, complaint);
    QTemporaryDir root;
    QVERIFY(root.isValid());
    Terminal t;
    QString problem = prepareTerminal(root.path(), &t);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QProcess sim;
    sim.start(adminPath,
              t.args({QStringLiteral("simulate"), QStringLiteral("--sales"), QStringLiteral("20"),
                      QStringLiteral("--no-sale-every"), QStringLiteral("5")}));
    QVERIFY(sim.waitForFinished(60000) && sim.exitCode() == 0);

    LedgerSnapshot good;
    problem = checkLedger(t, {}, &good);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(good.entries, qint64(24));
    QCOMPARE(good.sales, qint64(20));
    QCOMPARE(good.noSales, qint64(4));
    if (sql.startsWith(u"anchor ")) {
        // An anchor sealed with the right key, at a seq the ledger does not have or with the
        // mac of another entry.
        KeyFolder keys;
        QVERIFY(keys.open(t.keyDir, false).ok());
        // Both slots, so the newest one is the seq under test.
        const qint64 seq = sql.mid(7).toLongLong();
        QVERIFY(keys.writeAnchor({seq - 1, good.headMac}).ok());
        QVERIFY(keys.writeAnchor({seq, good.headMac}).ok());
    } else {
        // Straight to the file, past the ledger's append-only rules.
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        db.setDatabaseName(QDir(t.dataDir).filePath(QStringLiteral("ledger.db")));
        QVERIFY(db.open());
        for (const QString &statement : sql.split(QStringLiteral(";;"))) {
            QSqlQuery q(db);
            QVERIFY2(q.exec(statement),
                     qPrintable(statement + QStringLiteral(": ") + q.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
    LedgerSnapshot after;
    problem = checkLedger(t, good, &after);
    QVERIFY2(problem.contains(complaint, Qt::CaseInsensitive),
             qPrintable(QStringLiteral("expected a complaint about \"%1\", got \"%2\"")
                            .arg(complaint, problem)));
}

void TestCrashSafety::killDuringSimulation()
{
    const qint64 kills = envNumber("SMARTPOS_CRASH_KILLS", 200);
    const qint64 roundEntries = envNumber("SMARTPOS_CRASH_ROUND_SALES", 1000);
    const quint32 seed = quint32(envNumber("SMARTPOS_CRASH_SEED", 0))
                             ? quint32(envNumber("SMARTPOS_CRASH_SEED", 0))
                             : QRandomGenerator::system()->bounded(1u, 0x7fffffffu);
    qInfo("crash-safety: %lld kills, seed %u (rerun with SMARTPOS_CRASH_SEED=%u)", kills, seed,
          seed);
    QRandomGenerator random(seed);

    QTemporaryDir root;
    QVERIFY(root.isValid());
    int round = 0;
    Terminal terminal;
    LedgerSnapshot state;
    qint64 simulations = 0; // kills of `simulate`
    qint64 grew = 0;        // … after which the ledger held more entries than before
    qint64 noSaleRuns = 0;  // kills of `ledger no-sale` (which may also finish first)
    qint64 totalEntries = 0, totalNoSales = 0; // over all rounds
    qint64 checkMs = 0;
    QElapsedTimer total;
    total.start();

    for (qint64 i = 0; i < kills; ++i) {
        if (terminal.dataDir.isEmpty() || state.entries >= roundEntries) {
            totalEntries += state.entries;
            totalNoSales += state.noSales;
            const QString problem =
                prepareTerminal(root.filePath(QStringLiteral("round-%1").arg(++round)), &terminal);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            state = {};
        }
        // Four kills in five land in a simulation that records a no-sale after every 1–8 sales;
        // the fifth in a single `ledger no-sale`, often while it opens the ledger.
        const bool simulation = i % 5 != 4;
        const int noSaleEvery = random.bounded(1, 9);
        const int delayMs = simulation ? random.bounded(5, 121) : random.bounded(0, 41);
        const QStringList command =
            simulation ? QStringList{QStringLiteral("simulate"),  QStringLiteral("--sales"),
                                     QStringLiteral("100000"),    QStringLiteral("--seed"),
                                     QString::number(i),          QStringLiteral("--no-sale-every"),
                                     QString::number(noSaleEvery)}
                       : QStringList{QStringLiteral("ledger"), QStringLiteral("no-sale")};
        QProcess child;
        child.setStandardOutputFile(QProcess::nullDevice());
        child.start(adminPath, terminal.args(command));
        QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));
        QThread::msleep(ulong(delayMs));
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished(10000));
        const QString where = QStringLiteral("kill %1 (seed %2, %3, %4 ms, round %5)")
                                  .arg(i)
                                  .arg(seed)
                                  .arg(command.join(u' '))
                                  .arg(delayMs)
                                  .arg(round);
        const bool finished = child.exitStatus() == QProcess::NormalExit;
        if (finished && child.exitCode() == 1) {
            // Nothing else runs on this data folder: a refusal here means a killed child's lock
            // outlived it, which the kernel's flock must never allow.
            const QString err = QString::fromLocal8Bit(child.readAllStandardError());
            QFAIL(qPrintable(where + QStringLiteral(": the child failed: ") + err));
        }
        QVERIFY2(!finished || (!simulation && child.exitCode() == 0),
                 qPrintable(where + QStringLiteral(": the child ended on its own with exit code ")
                            + QString::number(child.exitCode()) + QStringLiteral(": ")
                            + QString::fromLocal8Bit(child.readAllStandardError())));

        QElapsedTimer check;
        check.start();
        LedgerSnapshot next;
        const QString problem = checkLedger(terminal, state, &next);
        checkMs += check.elapsed();
        QVERIFY2(problem.isEmpty(), qPrintable(where + QStringLiteral(": ") + problem));
        if (finished)
            QVERIFY2(next.entries == state.entries + 1 && next.noSales == state.noSales + 1,
                     qPrintable(where
                                + QStringLiteral(": a finished no-sale run left %1 entries, "
                                                 "expected %2")
                                      .arg(next.entries)
                                      .arg(state.entries + 1)));
        if (simulation) {
            ++simulations;
            if (next.sales > state.sales)
                ++grew;
        } else {
            ++noSaleRuns;
        }
        state = next;
        if ((i + 1) % 100 == 0 && i + 1 < kills)
            qInfo("crash-safety: %lld kills, %lld s", i + 1, qint64(total.elapsed() / 1000));
    }
    totalEntries += state.entries;
    totalNoSales += state.noSales;
    qInfo("crash-safety: %lld kills in %lld ms (%lld ms checking), %d data dirs, %lld entries "
          "committed (%lld no-sales); %lld of %lld killed simulations had committed sales; "
          "%lld no-sale runs",
          kills, qint64(total.elapsed()), checkMs, round, totalEntries, totalNoSales, grew,
          simulations, noSaleRuns);
    // Not vacuous: most kills must land while sales are being committed, not before the child
    // reached its first sale, and no-sales are among the entries.
    QVERIFY2(grew >= simulations / 2,
             qPrintable(QStringLiteral("only %1 of %2 simulations were killed after they had "
                                       "committed a sale")
                            .arg(grew)
                            .arg(simulations)));
    QVERIFY2(totalNoSales > 0, "no no-sale entry was ever committed");
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
