// Bad input through the real smartpos-admin binary: a full disk, a read-only ledger or data
// folder, a corrupt database, a ledger from a newer SmartPOS, a damaged schema, a lost ledger,
// a second writer, an impossible data directory, a bad catalog file and a wrong command line.
// Each case must end with a clear message on stderr (prefix "smartpos-admin: "), the documented
// exit code (1 failed, 2 wrong usage, never a signal), and nothing lost or changed.
//
// Every run passes --key-dir: a data folder <name> keeps its key folder in <name>.keys.
#include "ledger/catalogstore.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace smartpos;

namespace {

const QString adminPath = QStringLiteral(SMARTPOS_BIN_DIR "/smartpos-admin");
const QString demoCatalog = QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-catalog.csv");
constexpr qint64 demoProducts = 345;

struct Run {
    int exitCode = -1;
    QProcess::ExitStatus status = QProcess::CrashExit;
    QString out;
    QString err;

    QString describe() const
    {
        return QStringLiteral("exit %1%2\nstdout: %3\nstderr: %4")
            .arg(exitCode)
            .arg(status == QProcess::CrashExit ? QStringLiteral(" (crashed)") : QString())
            .arg(out, err);
    }
    // Ended by itself (no signal) with this exit code.
    bool exited(int code) const { return status == QProcess::NormalExit && exitCode == code; }
};

// How the child is started: directly, through `sh -c` with a file size limit, or as `nobody`.
struct Launcher {
    QString program;
    QStringList prefix; // arguments before smartpos-admin's own
};

Launcher direct()
{
    return {adminPath, {}};
}

// dash counts `ulimit -f` in 512-byte blocks. SIGXFSZ is ignored, so the write that crosses the
// limit fails with EFBIG instead of killing the process (the ignored disposition survives exec).
Launcher fileSizeLimited(qint64 bytes)
{
    const qint64 blocks = bytes / 512;
    return {
        QStringLiteral("/bin/sh"),
        {QStringLiteral("-c"),
         QStringLiteral("trap '' XFSZ; ulimit -f %1 || exit 99; exec \"$0\" \"$@\"").arg(blocks),
         adminPath}};
}

// Tests run as root in CI, where file modes do not bind: the child drops to nobody.
Launcher asNobody()
{
    return {QStringLiteral("setpriv"),
            {QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
             QStringLiteral("--clear-groups"), adminPath}};
}

Run admin(const QStringList &args, const Launcher &how = direct())
{
    QProcess p;
    p.start(how.program, how.prefix + args);
    Run run;
    if (!p.waitForStarted(10000)) {
        run.err = p.errorString();
        return run;
    }
    p.waitForFinished(120000);
    run.exitCode = p.exitCode();
    run.status = p.exitStatus();
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

QString keyDirOf(const QString &dataDir)
{
    return dataDir + QStringLiteral(".keys");
}

QStringList withDir(const QString &dir, QStringList args)
{
    return QStringList{QStringLiteral("--data-dir"), dir, QStringLiteral("--key-dir"),
                       keyDirOf(dir)}
           + args;
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Every file under `dir` (relative path → SHA-256 of its bytes).
// Every file's hash, but the lock file's: it only names the last process that held the lock.
QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (it.fileName() == u"smartpos.lock")
            continue;
        files.insert(QDir(dir).relativeFilePath(path),
                     QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256));
    }
    return files;
}

// Without SQLite's -wal and -shm files: a read-only connection to a WAL database in a folder it
// may write creates them (empty) and cannot remove them.
QMap<QString, QByteArray> withoutSidecars(QMap<QString, QByteArray> files)
{
    files.removeIf([](const auto &file) {
        return file.key().endsWith(u"-wal") || file.key().endsWith(u"-shm");
    });
    return files;
}

// "OK <n> entries" → n; -1 otherwise.
qint64 verifiedEntries(const QString &dir, const Launcher &how = direct())
{
    const Run r = admin(withDir(dir, {QStringLiteral("ledger"), QStringLiteral("verify")}), how);
    static const QRegularExpression ok(QStringLiteral("^OK (\\d+) entries\\s*$"));
    const auto m = ok.match(r.out);
    if (!r.exited(0) || !m.hasMatch()) {
        qWarning("ledger verify: %s", qPrintable(r.describe()));
        return -1;
    }
    return m.captured(1).toLongLong();
}

qint64 catalogCount(const QString &dir)
{
    const Run r = admin(withDir(dir, {QStringLiteral("catalog"), QStringLiteral("count")}));
    bool ok = false;
    const qint64 n = r.out.trimmed().toLongLong(&ok);
    return r.exited(0) && ok ? n : -1;
}

bool chownPath(const QString &path, uid_t uid, gid_t gid)
{
    return ::chown(QFile::encodeName(path).constData(), uid, gid) == 0;
}

// chown -R
bool chownTree(const QString &dir, uid_t uid, gid_t gid)
{
    bool ok = chownPath(dir, uid, gid);
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        ok = chownPath(it.next(), uid, gid) && ok;
    return ok;
}

bool setMode(const QString &path, mode_t mode)
{
    return ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}

// Runs statements on a SQLite file past the ledger's rules (foreign keys off, triggers dropped
// by the caller). Empty on success.
QString tamper(const QString &path, const QStringList &statements)
{
    QString error;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        db.setDatabaseName(path);
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            for (const QString &statement : statements) {
                QSqlQuery q(db);
                if (!q.exec(statement)) {
                    error = statement + QStringLiteral(": ") + q.lastError().text();
                    break;
                }
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
    return error;
}

const QStringList writingCommands = {
    QStringLiteral("simulate --sales 5"),
    QStringLiteral("ledger no-sale"),
    QStringLiteral("catalog import ") + demoCatalog,
    QStringLiteral("catalog generate --count 10"),
};

QStringList words(const QString &command)
{
    return command.split(u' ', Qt::SkipEmptyParts);
}

} // namespace

class TestBadInput : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();

    void commandLine_data();
    void commandLine();
    void everySubcommandHasHelp();
    void usageErrorsChangeNothing();

    void fullDisk_data();
    void fullDisk();
    void readOnlyLedger();
    void readOnlyDataDir();
    void corruptDatabase_data();
    void corruptDatabase();
    void ledgerTooNew();
    void damagedSchema_data();
    void damagedSchema();
    void lostLedgerAndStartOver();
    void restoredBackupAccepted();
    void startOverWithoutLedgerOrKey();
    void secondWriterIsRefused();
    void emptyLockFile();
    void dataDirUnderAFile();
    void dataDirIsAFile();
    void missingDataDirIsCreated();
    void badCatalogImport_data();
    void badCatalogImport();
    void catalogImportOfMissingFile();
    void catalogImportSummaryAndDryRun();
    void catalogImportOfExcelChineseFile();

private:
    // A data directory with the demo catalog and `sales` simulated sales.
    QString preparedDir(const QString &name, qint64 sales);
    bool canRunAsNobody(QString *why);

    QTemporaryDir m_root;
};

void TestBadInput::initTestCase()
{
    QVERIFY2(QFileInfo(adminPath).isExecutable(),
             qPrintable(adminPath + QStringLiteral(" is not built")));
    QVERIFY(m_root.isValid());
    // Traversable by `nobody` for the read-only cases.
    QVERIFY(setMode(m_root.path(), 0755));
}

QString TestBadInput::preparedDir(const QString &name, qint64 sales)
{
    const QString dir = m_root.filePath(name);
    const Run imported =
        admin(withDir(dir, {QStringLiteral("catalog"), QStringLiteral("import"), demoCatalog}));
    if (!imported.exited(0)) {
        qWarning("catalog import: %s", qPrintable(imported.describe()));
        return {};
    }
    if (sales > 0) {
        const Run sim = admin(withDir(
            dir, {QStringLiteral("simulate"), QStringLiteral("--sales"), QString::number(sales)}));
        if (!sim.exited(0)) {
            qWarning("simulate: %s", qPrintable(sim.describe()));
            return {};
        }
    }
    return dir;
}

bool TestBadInput::canRunAsNobody(QString *why)
{
    if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty()) {
        *why = QStringLiteral("running as root and setpriv is not installed");
        return false;
    }
    if (!getpwnam("nobody") || !getgrnam("nogroup")) {
        *why = QStringLiteral("running as root and there is no user nobody / group nogroup");
        return false;
    }
    QProcess probe;
    probe.start(QStringLiteral("setpriv"),
                {QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                 QStringLiteral("--clear-groups"), QStringLiteral("test"), QStringLiteral("-x"),
                 adminPath});
    if (!probe.waitForFinished(10000) || probe.exitCode() != 0) {
        *why = QStringLiteral("user nobody cannot execute %1").arg(adminPath);
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// The command line: usage errors exit 2 with a message that names what is wrong.

void TestBadInput::commandLine_data()
{
    QTest::addColumn<QString>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("stderrHas");

    QTest::newRow("nothing") << QString() << 2
                             << QStringList{QStringLiteral("which command?"),
                                            QStringLiteral("ledger verify"),
                                            QStringLiteral("catalog import")};
    QTest::newRow("bare ledger lists its commands")
        << QStringLiteral("ledger") << 2
        << QStringList{QStringLiteral("ledger needs a command"),
                       QStringLiteral("ledger verify [--full]"), QStringLiteral("ledger no-sale"),
                       QStringLiteral("ledger start-over --reason TEXT")};
    QTest::newRow("bare catalog lists its commands")
        << QStringLiteral("catalog") << 2
        << QStringList{
               QStringLiteral("catalog needs a command"),
               QStringLiteral("catalog import [--dry-run] [--encoding utf-8|gb18030] FILE.csv"),
               QStringLiteral("catalog generate --count N"), QStringLiteral("catalog count")};
    QTest::newRow("unknown command") << QStringLiteral("frobnicate") << 2
                                     << QStringList{QStringLiteral("unknown command “frobnicate”")};
    QTest::newRow("unknown ledger command")
        << QStringLiteral("ledger fix") << 2
        << QStringList{QStringLiteral("unknown ledger command “fix”"),
                       QStringLiteral("ledger verify")};
    QTest::newRow("extra word") << QStringLiteral("ledger verify extra") << 2
                                << QStringList{QStringLiteral("unexpected “extra”"),
                                               QStringLiteral("ledger verify [--full]")};
    QTest::newRow("extra word after a file") << QStringLiteral("catalog import a.csv b.csv") << 2
                                             << QStringList{QStringLiteral("unexpected “b.csv”")};
    QTest::newRow("missing file") << QStringLiteral("catalog import") << 2
                                  << QStringList{QStringLiteral("catalog import needs FILE.csv")};
    QTest::newRow("count not a number")
        << QStringLiteral("catalog generate --count abc") << 2
        << QStringList{QStringLiteral("--count: “abc” is not a number between 1 and 100000000")};
    QTest::newRow("count too large")
        << QStringLiteral("catalog generate --count 100000001") << 2
        << QStringList{
               QStringLiteral("--count: “100000001” is not a number between 1 and 100000000")};
    QTest::newRow("count missing")
        << QStringLiteral("catalog generate") << 2
        << QStringList{QStringLiteral("catalog generate needs --count N")};
    QTest::newRow("sales zero") << QStringLiteral("simulate --sales 0") << 2
                                << QStringList{
                                       QStringLiteral("--sales: “0” is not a number between 1")};
    QTest::newRow("seed negative") << QStringLiteral("simulate --sales 1 --seed -1") << 2
                                   << QStringList{QStringLiteral("--seed: “-1” is not a number")};
    QTest::newRow("no-sale-every not a number")
        << QStringLiteral("simulate --sales 1 --no-sale-every x") << 2
        << QStringList{QStringLiteral("--no-sale-every: “x” is not a number")};
    QTest::newRow("option needs a value")
        << QStringLiteral("simulate --sales") << 2
        << QStringList{QStringLiteral("--sales needs a value (N)")};
    QTest::newRow("option of another command")
        << QStringLiteral("ledger verify --sales 3") << 2
        << QStringList{QStringLiteral("unknown option “--sales”")};
    QTest::newRow("flag with a value") << QStringLiteral("ledger verify --full=yes") << 2
                                       << QStringList{QStringLiteral("--full takes no value")};
    QTest::newRow("option twice") << QStringLiteral("simulate --sales 1 --sales 2") << 2
                                  << QStringList{QStringLiteral("--sales is given twice")};
    QTest::newRow("start-over without a reason")
        << QStringLiteral("ledger start-over") << 2
        << QStringList{QStringLiteral("ledger start-over needs --reason TEXT")};
    QTest::newRow("start-over with an empty reason")
        << QStringLiteral("ledger start-over --reason=") << 2
        << QStringList{QStringLiteral("--reason: say why")};
}

void TestBadInput::commandLine()
{
    QFETCH(QString, args);
    QFETCH(int, exitCode);
    QFETCH(QStringList, stderrHas);
    // A data folder that must not be created by a command that is refused.
    const QString dir = m_root.filePath(QStringLiteral("usage-never-created"));
    const Run r = admin(withDir(dir, words(args)));
    QVERIFY2(r.exited(exitCode), qPrintable(r.describe()));
    QVERIFY2(r.err.startsWith(u"smartpos-admin: "), qPrintable(r.describe()));
    for (const QString &text : stderrHas)
        QVERIFY2(r.err.contains(text),
                 qPrintable(QStringLiteral("no \"%1\" in: %2").arg(text, r.describe())));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
    QVERIFY(!QFileInfo::exists(dir));
    QVERIFY(!QFileInfo::exists(keyDirOf(dir)));
}

void TestBadInput::everySubcommandHasHelp()
{
    const QStringList commands = {
        QString(),
        QStringLiteral("catalog"),
        QStringLiteral("ledger"),
        QStringLiteral("catalog import"),
        QStringLiteral("catalog generate"),
        QStringLiteral("catalog count"),
        QStringLiteral("ledger verify"),
        QStringLiteral("ledger no-sale"),
        QStringLiteral("ledger start-over"),
        QStringLiteral("simulate"),
    };
    for (const QString &command : commands) {
        for (const QString &flag : {QStringLiteral("--help"), QStringLiteral("-h")}) {
            const Run r = admin(words(command) + QStringList{flag});
            const QString context = command + u' ' + flag + QStringLiteral(": ") + r.describe();
            QVERIFY2(r.exited(0), qPrintable(context));
            QVERIFY2(r.err.isEmpty(), qPrintable(context));
            QVERIFY2(r.out.startsWith(QStringLiteral("usage: smartpos-admin")),
                     qPrintable(context));
            if (command.contains(u' ')) {
                QVERIFY2(r.out.contains(command), qPrintable(context));
                QVERIFY2(r.out.contains(u"--data-dir") && r.out.contains(u"--key-dir"),
                         qPrintable(context));
                QVERIFY2(r.out.contains(u"Exit status"), qPrintable(context));
            }
        }
    }
    // Help goes before anything: no data folder is needed or made.
    const QString dir = m_root.filePath(QStringLiteral("help-never-created"));
    const Run r = admin(withDir(
        dir, {QStringLiteral("ledger"), QStringLiteral("start-over"), QStringLiteral("--help")}));
    QVERIFY2(r.exited(0) && r.out.contains(u"audit.log"), qPrintable(r.describe()));
    QVERIFY(!QFileInfo::exists(dir));
}

// A command line error leaves a working data folder as it was.
void TestBadInput::usageErrorsChangeNothing()
{
    const QString dir = preparedDir(QStringLiteral("usage"), 3);
    QVERIFY(!dir.isEmpty());
    const auto before = snapshot(dir);
    const auto keysBefore = snapshot(keyDirOf(dir));
    for (const QString &args :
         {QStringLiteral("simulate --sales 5 extra"), QStringLiteral("catalog generate --count 0"),
          QStringLiteral("ledger no-sale now"), QStringLiteral("ledger start-over"),
          QStringLiteral("catalog import")}) {
        const Run r = admin(withDir(dir, words(args)));
        QVERIFY2(r.exited(2), qPrintable(args + QStringLiteral(": ") + r.describe()));
    }
    QCOMPARE(snapshot(dir), before);
    QCOMPARE(snapshot(keyDirOf(dir)), keysBefore);
    QCOMPARE(verifiedEntries(dir), qint64(3));
}

// ---------------------------------------------------------------------------------------------

void TestBadInput::fullDisk_data()
{
    QTest::addColumn<qint64>("salesBefore");
    QTest::addColumn<qint64>("headroom"); // bytes a file may grow beyond the ledger's size

    // The write-ahead log hits the limit first.
    QTest::newRow("wal") << qint64(50) << qint64(1024 * 1024);
    // A ledger larger than one WAL of 1000 pages: the auto-checkpoint cannot grow ledger.db,
    // so the WAL keeps growing until it too hits the limit.
    QTest::newRow("checkpoint") << qint64(1500) << qint64(64 * 1024);
}

void TestBadInput::fullDisk()
{
    QFETCH(qint64, salesBefore);
    QFETCH(qint64, headroom);
    const QString dir = preparedDir(
        QStringLiteral("full-%1").arg(QString::fromLatin1(QTest::currentDataTag())), salesBefore);
    QVERIFY(!dir.isEmpty());
    QCOMPARE(verifiedEntries(dir), salesBefore);
    const QString ledgerPath = QDir(dir).filePath(QStringLiteral("ledger.db"));
    const qint64 limit = QFileInfo(ledgerPath).size() + headroom;

    const Run full = admin(withDir(dir, {QStringLiteral("simulate"), QStringLiteral("--sales"),
                                         QStringLiteral("100000")}),
                           fileSizeLimited(limit));
    QVERIFY2(full.status == QProcess::NormalExit, qPrintable(full.describe()));
    QVERIFY2(full.exitCode != 99, "the shell could not set ulimit -f");
    QVERIFY2(full.exited(1), qPrintable(full.describe()));
    QVERIFY2(full.err.startsWith(u"smartpos-admin: "), qPrintable(full.describe()));
    QVERIFY2(full.err.contains(ledgerPath), qPrintable(full.describe()));
    QVERIFY2(full.err.contains(u"disk is full") || full.err.contains(u"disk reported an error"),
             qPrintable(full.describe()));
    QVERIFY2(full.err.contains(u"NOT saved"), qPrintable(full.describe()));
    static const QRegularExpression stopped(QStringLiteral("stopped after (\\d+) sales"));
    const auto m = stopped.match(full.err);
    QVERIFY2(m.hasMatch(), qPrintable(full.describe()));
    const qint64 committedUnderLimit = m.captured(1).toLongLong();
    qInfo("limit %lld bytes: %lld more sales, then: %s", limit, committedUnderLimit,
          qPrintable(full.err.trimmed()));

    // Space is back: every sale committed before and under the limit is there, the chain
    // verifies, and the terminal sells again.
    QCOMPARE(verifiedEntries(dir), salesBefore + committedUnderLimit);
    const Run again = admin(
        withDir(dir, {QStringLiteral("simulate"), QStringLiteral("--sales"), QStringLiteral("5")}));
    QVERIFY2(again.exited(0), qPrintable(again.describe()));
    QCOMPARE(verifiedEntries(dir), salesBefore + committedUnderLimit + 5);
}

// ---------------------------------------------------------------------------------------------

void TestBadInput::readOnlyLedger()
{
    // A ledger.db the till may read but not write: refused when the ledger opens (at start),
    // never at Pay; verify still works; nothing changes.
    const QString dir = preparedDir(QStringLiteral("ro-ledger"), 10);
    QVERIFY(!dir.isEmpty());
    const QString ledgerPath = QDir(dir).filePath(QStringLiteral("ledger.db"));
    Launcher how = direct();
    if (geteuid() == 0) {
        // Root ignores file modes: the child runs as nobody, who owns the folders and the
        // catalog but not the ledger.
        QString why;
        if (!canRunAsNobody(&why))
            QSKIP(qPrintable(why));
        const passwd *nobody = getpwnam("nobody");
        const group *nogroup = getgrnam("nogroup");
        QVERIFY(chownTree(dir, nobody->pw_uid, nogroup->gr_gid));
        QVERIFY(chownTree(keyDirOf(dir), nobody->pw_uid, nogroup->gr_gid));
        QVERIFY(chownPath(ledgerPath, 0, 0));
        QVERIFY(setMode(ledgerPath, 0644));
        how = asNobody();
    } else {
        QVERIFY(setMode(ledgerPath, 0400));
    }
    const QByteArray before = fileBytes(ledgerPath);
    QVERIFY(!before.isEmpty());

    for (const QString &command :
         {QStringLiteral("simulate --sales 5"), QStringLiteral("ledger no-sale")}) {
        const Run r = admin(withDir(dir, words(command)), how);
        const QString context = command + QStringLiteral(": ") + r.describe();
        QVERIFY2(r.exited(1), qPrintable(context));
        QVERIFY2(r.err.startsWith(u"smartpos-admin: "), qPrintable(context));
        QVERIFY2(r.err.contains(ledgerPath), qPrintable(context));
        QVERIFY2(r.err.contains(u"read-only"), qPrintable(context));
        // Found when the ledger opened, not when a sale was paid.
        QVERIFY2(!r.err.contains(u"stopped after") && !r.err.contains(u"NOT saved"),
                 qPrintable(context));
        QVERIFY2(r.out.isEmpty(), qPrintable(context));
        QVERIFY2(fileBytes(ledgerPath) == before, "the read-only ledger.db changed");
    }

    // Reading still works: the journal of a write-protected ledger can be verified.
    QCOMPARE(verifiedEntries(dir, how), qint64(10));
    QVERIFY2(fileBytes(ledgerPath) == before, "the read-only ledger.db changed");

    // Writable again: nothing was lost.
    if (geteuid() != 0)
        QVERIFY(setMode(ledgerPath, 0600));
    QCOMPARE(verifiedEntries(dir), qint64(10));
}

void TestBadInput::readOnlyDataDir()
{
    // Everything read-only (folders 0555, files 0444; owned by root when the test is root, and
    // read by nobody): verify works and changes no byte and creates no file; writing commands
    // are refused with a message naming the folder.
    const QString dir = preparedDir(QStringLiteral("ro-dir"), 10);
    QVERIFY(!dir.isEmpty());
    const QString keys = keyDirOf(dir);
    Launcher how = direct();
    if (geteuid() == 0) {
        QString why;
        if (!canRunAsNobody(&why))
            QSKIP(qPrintable(why));
        how = asNobody();
    }
    const QStringList files = QDir(dir).entryList(QDir::Files, QDir::Name);
    QVERIFY(files.contains(u"ledger.db"));
    QVERIFY(!files.contains(u"ledger.db-wal")); // closed cleanly: checkpointed
    for (const QString &folder : {dir, keys}) {
        for (const QString &f : QDir(folder).entryList(QDir::Files))
            QVERIFY(setMode(QDir(folder).filePath(f), 0444));
        QVERIFY(setMode(folder, 0555));
    }
    const auto before = snapshot(dir);
    const auto keysBefore = snapshot(keys);

    for (const QString &flag : {QString(), QStringLiteral("--full")}) {
        QStringList args = {QStringLiteral("ledger"), QStringLiteral("verify")};
        if (!flag.isEmpty())
            args.append(flag);
        const Run r = admin(withDir(dir, args), how);
        QVERIFY2(r.exited(0) && r.out == u"OK 10 entries\n", qPrintable(r.describe()));
        QCOMPARE(snapshot(dir), before);
        QCOMPARE(snapshot(keys), keysBefore);
    }
    for (const QString &command :
         writingCommands + QStringList{QStringLiteral("ledger start-over --reason x")}) {
        const Run r = admin(withDir(dir, words(command)), how);
        const QString context = command + QStringLiteral(": ") + r.describe();
        QVERIFY2(r.exited(1), qPrintable(context));
        QVERIFY2(r.err.startsWith(u"smartpos-admin: "), qPrintable(context));
        QVERIFY2(r.err.contains(dir), qPrintable(context));
        QVERIFY2(r.err.contains(u"writable"), qPrintable(context));
        QVERIFY2(r.out.isEmpty(), qPrintable(context));
    }
    QCOMPARE(snapshot(dir), before);
    QCOMPARE(snapshot(keys), keysBefore);

    for (const QString &folder : {dir, keys}) {
        QVERIFY(setMode(folder, 0700));
        for (const QString &f : QDir(folder).entryList(QDir::Files))
            QVERIFY(setMode(QDir(folder).filePath(f), 0600));
    }
    QCOMPARE(verifiedEntries(dir), qint64(10));
}

// ---------------------------------------------------------------------------------------------

void TestBadInput::corruptDatabase_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<qint64>("keepBytes"); // bytes of the real file left at its start

    QTest::newRow("ledger all garbage") << QStringLiteral("ledger.db") << qint64(0);
    // The SQLite header and the first pages are intact, the rest is garbage.
    QTest::newRow("ledger tail garbage") << QStringLiteral("ledger.db") << qint64(3 * 8192);
    QTest::newRow("catalog all garbage") << QStringLiteral("catalog.db") << qint64(0);
}

void TestBadInput::corruptDatabase()
{
    QFETCH(QString, file);
    QFETCH(qint64, keepBytes);
    const QString dir =
        preparedDir(QStringLiteral("corrupt-%1")
                        .arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')),
                    300);
    QVERIFY(!dir.isEmpty());
    const QString path = QDir(dir).filePath(file);
    QByteArray bytes = fileBytes(path);
    QVERIFY(bytes.size() > keepBytes + 4096);
    QRandomGenerator random(20240601);
    for (qsizetype i = keepBytes; i < bytes.size(); ++i)
        bytes[i] = char(random.bounded(256));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(bytes), bytes.size());
    }

    const bool ledger = file == u"ledger.db";
    QStringList commands = writingCommands;
    commands.append(ledger ? QStringLiteral("ledger verify") : QStringLiteral("catalog count"));
    for (const QString &command : commands) {
        const Run r = admin(withDir(dir, words(command)));
        const QString context = command + QStringLiteral(": ") + r.describe();
        QVERIFY2(r.exited(1), qPrintable(context));
        if (r.out.startsWith(u"FAILED")) {
            // verify got far enough to check the file: the failure is its report.
            QVERIFY2(command == u"ledger verify" && r.out.contains(u"damaged"),
                     qPrintable(context));
        } else {
            QVERIFY2(r.err.startsWith(u"smartpos-admin: "), qPrintable(context));
            QVERIFY2(r.err.contains(path), qPrintable(context));
            QVERIFY2(r.err.contains(u"damaged"), qPrintable(context));
        }
        QVERIFY2(fileBytes(path) == bytes,
                 qPrintable(QStringLiteral("the damaged file changed after: ") + context));
    }
    // The ledger does not depend on the catalog: verify reads only the ledger.
    if (!ledger)
        QCOMPARE(verifiedEntries(dir), qint64(300));
}

void TestBadInput::ledgerTooNew()
{
    const QString dir = preparedDir(QStringLiteral("too-new"), 5);
    QVERIFY(!dir.isEmpty());
    const QString ledgerPath = QDir(dir).filePath(QStringLiteral("ledger.db"));
    const QString problem = tamper(ledgerPath, {QStringLiteral("PRAGMA user_version = 99")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const auto before = snapshot(dir);
    const auto keysBefore = snapshot(keyDirOf(dir));
    for (const QString &command : writingCommands + QStringList{QStringLiteral("ledger verify")}) {
        const Run r = admin(withDir(dir, words(command)));
        const QString context = command + QStringLiteral(": ") + r.describe();
        QVERIFY2(r.exited(1), qPrintable(context));
        QVERIFY2(r.err.startsWith(u"smartpos-admin: "), qPrintable(context));
        QVERIFY2(r.err.contains(ledgerPath), qPrintable(context));
        QVERIFY2(r.err.contains(u"newer SmartPOS") && r.err.contains(u"schema 99"),
                 qPrintable(context));
        QVERIFY2(r.out.isEmpty(), qPrintable(context));
        QCOMPARE(withoutSidecars(snapshot(dir)), before);
        QCOMPARE(snapshot(keyDirOf(dir)), keysBefore);
    }
}

void TestBadInput::damagedSchema_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QStringList>("triggers");
    QTest::newRow("tenders") << QStringLiteral("tenders")
                             << QStringList{QStringLiteral("tenders_no_update"),
                                            QStringLiteral("tenders_no_delete")};
    QTest::newRow("journal") << QStringLiteral("journal")
                             << QStringList{QStringLiteral("journal_no_update"),
                                            QStringLiteral("journal_no_delete")};
    QTest::newRow("outbox") << QStringLiteral("outbox")
                            << QStringList{QStringLiteral("outbox_no_delete"),
                                           QStringLiteral("outbox_fixed")};
    QTest::newRow("meta") << QStringLiteral(
        "meta") << QStringList{QStringLiteral("meta_no_update"), QStringLiteral("meta_no_delete")};
}

void TestBadInput::damagedSchema()
{
    QFETCH(QString, table);
    QFETCH(QStringList, triggers);
    const QString dir = preparedDir(QStringLiteral("schema-%1").arg(table), 5);
    QVERIFY(!dir.isEmpty());
    const QString ledgerPath = QDir(dir).filePath(QStringLiteral("ledger.db"));
    QStringList statements;
    for (const QString &trigger : triggers)
        statements.append(QStringLiteral("DROP TRIGGER %1").arg(trigger));
    statements.append(QStringLiteral("DROP TABLE %1").arg(table));
    const QString problem = tamper(ledgerPath, statements);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QByteArray before = fileBytes(ledgerPath);
    for (const QString &command : writingCommands
                                      + QStringList{QStringLiteral("ledger verify"),
                                                    QStringLiteral("ledger verify --full")}) {
        const Run r = admin(withDir(dir, words(command)));
        const QString context = command + QStringLiteral(": ") + r.describe();
        // A clear message and exit 1, never a crash.
        QVERIFY2(r.exited(1), qPrintable(context));
        if (r.out.startsWith(u"FAILED")) {
            QVERIFY2(command.startsWith(u"ledger verify"), qPrintable(context));
            QVERIFY2(r.out.contains(table) || r.out.contains(u"damaged"), qPrintable(context));
        } else {
            QVERIFY2(r.err.startsWith(u"smartpos-admin: "), qPrintable(context));
            QVERIFY2(r.err.contains(ledgerPath), qPrintable(context));
            // "damaged … restore it from a backup", or at least the missing table by name.
            QVERIFY2(r.err.contains(u"damaged") || r.err.contains(u"restore", Qt::CaseInsensitive)
                         || r.err.contains(QStringLiteral("no such table: %1").arg(table)),
                     qPrintable(context));
            QVERIFY2(r.out.isEmpty(), qPrintable(context));
        }
        QVERIFY2(fileBytes(ledgerPath) == before,
                 qPrintable(QStringLiteral("the damaged ledger changed after: ") + context));
    }
}

// ---------------------------------------------------------------------------------------------
// A lost ledger, a lost key, and the audited way to start over.

void TestBadInput::lostLedgerAndStartOver()
{
    const QString dir = preparedDir(QStringLiteral("lost-ledger"), 5);
    QVERIFY(!dir.isEmpty());
    const QString keys = keyDirOf(dir);
    QVERIFY(admin(withDir(dir, {QStringLiteral("ledger"), QStringLiteral("no-sale")})).exited(0));
    QCOMPARE(verifiedEntries(dir), qint64(6));
    const QByteArray oldKey = fileBytes(QDir(keys).filePath(QStringLiteral("terminal.key")));
    QVERIFY(!oldKey.isEmpty());
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(QDir(dir).filePath(QStringLiteral("ledger.db") + suffix));

    // Refused, naming the way out; nothing is created.
    for (const QString &command : writingCommands + QStringList{QStringLiteral("ledger verify")}) {
        const Run r = admin(withDir(dir, words(command)));
        const QString context = command + QStringLiteral(": ") + r.describe();
        QVERIFY2(r.exited(1), qPrintable(context));
        QVERIFY2(r.err.startsWith(u"smartpos-admin: "), qPrintable(context));
        QVERIFY2(r.err.contains(u"recorded 6 journal entries"), qPrintable(context));
        QVERIFY2(r.err.contains(u"smartpos-admin ledger start-over --reason"), qPrintable(context));
        QVERIFY(!QFileInfo::exists(QDir(dir).filePath(QStringLiteral("ledger.db"))));
    }
    QVERIFY(
        admin(withDir(dir, {QStringLiteral("ledger"), QStringLiteral("start-over")})).exited(2));

    const Run over = admin(withDir(dir, {QStringLiteral("ledger"), QStringLiteral("start-over"),
                                         QStringLiteral("--reason"), QStringLiteral("test")}));
    QVERIFY2(over.exited(0), qPrintable(over.describe()));
    QVERIFY2(over.out.contains(u"retired the terminal key and anchor"),
             qPrintable(over.describe()));
    QVERIFY2(over.out.contains(u"audit.log"), qPrintable(over.describe()));
    const QString audit =
        QString::fromUtf8(fileBytes(QDir(keys).filePath(QStringLiteral("audit.log"))));
    QVERIFY2(audit.count(u'\n') == 1 && audit.contains(u"start-over by ")
                 && audit.contains(u"reason: test") && audit.contains(u"head 6 "),
             qPrintable(audit));
    const QStringList retired = QDir(QDir(keys).filePath(QStringLiteral("retired")))
                                    .entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(retired.size(), 1);
    QCOMPARE(fileBytes(QDir(keys).filePath(
                 QStringLiteral("retired/%1/terminal.key").arg(retired.first()))),
             oldKey);
    QVERIFY(!QFileInfo::exists(QDir(keys).filePath(QStringLiteral("terminal.key"))));

    // The next command starts a new key, anchor and ledger, from entry 1.
    const Run next = admin(withDir(dir, {QStringLiteral("ledger"), QStringLiteral("no-sale")}));
    QVERIFY2(next.exited(0) && next.out == u"recorded a no-sale as entry 1\n",
             qPrintable(next.describe()));
    QCOMPARE(verifiedEntries(dir), qint64(1));
    const QByteArray newKey = fileBytes(QDir(keys).filePath(QStringLiteral("terminal.key")));
    QVERIFY(!newKey.isEmpty() && newKey != oldKey);
    const Run sim = admin(
        withDir(dir, {QStringLiteral("simulate"), QStringLiteral("--sales"), QStringLiteral("2")}));
    QVERIFY2(sim.exited(0), qPrintable(sim.describe()));
    QCOMPARE(verifiedEntries(dir), qint64(3));
}

void TestBadInput::restoredBackupAccepted()
{
    // The disk was replaced and last night's backup restored: it lacks today's entries.
    const QString dir = preparedDir(QStringLiteral("restored"), 3);
    QVERIFY(!dir.isEmpty());
    const QString ledgerPath = QDir(dir).filePath(QStringLiteral("ledger.db"));
    const QString backup = m_root.filePath(QStringLiteral("restored-backup.db"));
    QVERIFY(QFile::copy(ledgerPath, backup));
    for (int i = 0; i < 2; ++i)
        QVERIFY(
            admin(withDir(dir, {QStringLiteral("ledger"), QStringLiteral("no-sale")})).exited(0));
    const qint64 before = verifiedEntries(dir);
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(ledgerPath + suffix);
    QVERIFY(QFile::copy(backup, ledgerPath));

    // Refused, naming both ways out.
    const Run refused = admin(withDir(dir, {QStringLiteral("ledger"), QStringLiteral("no-sale")}));
    QVERIFY2(refused.exited(1), qPrintable(refused.describe()));
    QVERIFY2(refused.err.contains(u"ledger accept-restore --reason"),
             qPrintable(refused.describe()));
    QVERIFY(admin(withDir(dir, {QStringLiteral("ledger"), QStringLiteral("accept-restore")}))
                .exited(2));

    // A restored ledger that was edited is not accepted, and nothing changes.
    const QString edited =
        tamper(ledgerPath, {QStringLiteral("DROP TRIGGER sales_no_update"),
                            QStringLiteral("UPDATE sales SET total_fen = 1"),
                            QStringLiteral("CREATE TRIGGER sales_no_update BEFORE UPDATE "
                                           "ON sales BEGIN SELECT RAISE(ABORT, 'sales is "
                                           "append-only'); END")});
    QVERIFY2(edited.isEmpty(), qPrintable(edited));
    const QByteArray anchor = fileBytes(QDir(keyDirOf(dir)).filePath(QStringLiteral("anchor")));
    const Run tampered =
        admin(withDir(dir, {QStringLiteral("ledger"), QStringLiteral("accept-restore"),
                            QStringLiteral("--reason"), QStringLiteral("disk")}));
    QVERIFY2(tampered.exited(1) && tampered.err.contains(u"does not verify"),
             qPrintable(tampered.describe()));
    QCOMPARE(fileBytes(QDir(keyDirOf(dir)).filePath(QStringLiteral("anchor"))), anchor);

    // The untouched backup is accepted: audited, the lost entries named, and selling goes on.
    QFile::remove(ledgerPath);
    QVERIFY(QFile::copy(backup, ledgerPath));
    const Run accepted =
        admin(withDir(dir, {QStringLiteral("ledger"), QStringLiteral("accept-restore"),
                            QStringLiteral("--reason"), QStringLiteral("disk replaced")}));
    QVERIFY2(accepted.exited(0), qPrintable(accepted.describe()));
    QVERIFY2(accepted.out.contains(
                 QStringLiteral("entries %1 to %2 are given up").arg(before - 1).arg(before)),
             qPrintable(accepted.describe()));
    const QString audit =
        QString::fromUtf8(fileBytes(QDir(keyDirOf(dir)).filePath(QStringLiteral("audit.log"))));
    QVERIFY2(audit.contains(u"accepted by ") && audit.contains(u"reason: disk replaced"),
             qPrintable(audit));
    const Run next = admin(withDir(dir, {QStringLiteral("ledger"), QStringLiteral("no-sale")}));
    QVERIFY2(next.exited(0), qPrintable(next.describe()));
    QCOMPARE(verifiedEntries(dir), before - 1);
}

void TestBadInput::startOverWithoutLedgerOrKey()
{
    // The key folder was lost but ledger.db is there: refused; start-over moves the ledger
    // aside (every byte kept) and the terminal starts again.
    const QString dir = preparedDir(QStringLiteral("lost-key"), 4);
    QVERIFY(!dir.isEmpty());
    const QString keys = keyDirOf(dir);
    const QString ledgerPath = QDir(dir).filePath(QStringLiteral("ledger.db"));
    const QByteArray ledger = fileBytes(ledgerPath);
    QVERIFY(QDir(keys).removeRecursively());

    const Run refused = admin(
        withDir(dir, {QStringLiteral("simulate"), QStringLiteral("--sales"), QStringLiteral("1")}));
    QVERIFY2(refused.exited(1) && refused.err.contains(u"terminal key")
                 && refused.err.contains(keys),
             qPrintable(refused.describe()));
    QCOMPARE(fileBytes(ledgerPath), ledger);
    // No new key for a ledger that had one.
    QVERIFY(!QFileInfo::exists(QDir(keys).filePath(QStringLiteral("terminal.key"))));
    const auto keysBefore = snapshot(keys);
    const Run verify = admin(withDir(dir, {QStringLiteral("ledger"), QStringLiteral("verify")}));
    QVERIFY2(verify.exited(1) && verify.err.contains(u"no terminal key"),
             qPrintable(verify.describe()));
    QCOMPARE(snapshot(keys), keysBefore);

    const Run over =
        admin(withDir(dir, {QStringLiteral("ledger"), QStringLiteral("start-over"),
                            QStringLiteral("--reason"), QStringLiteral("key folder lost")}));
    QVERIFY2(over.exited(0), qPrintable(over.describe()));
    QStringList moved = QDir(dir).entryList({QStringLiteral("ledger.db.retired-*")}, QDir::Files);
    moved.removeIf([](const QString &f) { return f.endsWith(u"-wal") || f.endsWith(u"-shm"); });
    QCOMPARE(moved.size(), 1);
    QCOMPARE(fileBytes(QDir(dir).filePath(moved.first())), ledger);
    QVERIFY(!QFileInfo::exists(ledgerPath));
    const QString audit =
        QString::fromUtf8(fileBytes(QDir(keys).filePath(QStringLiteral("audit.log"))));
    QVERIFY2(audit.contains(u"reason: key folder lost") && audit.contains(moved.first())
                 && audit.contains(u"head none"),
             qPrintable(audit));

    const Run sim = admin(
        withDir(dir, {QStringLiteral("simulate"), QStringLiteral("--sales"), QStringLiteral("2")}));
    QVERIFY2(sim.exited(0), qPrintable(sim.describe()));
    QCOMPARE(verifiedEntries(dir), qint64(2));
}

// ---------------------------------------------------------------------------------------------
// One writer per data folder.

void TestBadInput::secondWriterIsRefused()
{
    const QString dir = preparedDir(QStringLiteral("two-writers"), 0);
    QVERIFY(!dir.isEmpty());
    QProcess first;
    first.setStandardOutputFile(QProcess::nullDevice());
    first.start(adminPath, withDir(dir, {QStringLiteral("simulate"), QStringLiteral("--sales"),
                                         QStringLiteral("100000")}));
    QVERIFY(first.waitForStarted(10000));
    auto stopFirst = qScopeGuard([&first] {
        first.kill();
        first.waitForFinished(10000);
    });
    // Readers work beside the writer; wait until it has committed a few entries.
    QElapsedTimer waited;
    waited.start();
    qint64 entries = 0;
    int anchorRaces = 0;
    while (entries < 5 && waited.elapsed() < 20000) {
        const Run r = admin(withDir(dir, {QStringLiteral("ledger"), QStringLiteral("verify")}));
        static const QRegularExpression ok(QStringLiteral("^OK (\\d+) entries\n$"));
        if (const auto m = ok.match(r.out); r.exited(0) && m.hasMatch()) {
            entries = m.captured(1).toLongLong();
        } else if (r.exited(1) && r.out.contains(u"this terminal recorded them (its anchor)")) {
            // Ledger::verify reads the anchor after its read snapshot began, so a commit in
            // between looks like lost entries. Reported to the lead; not this test's subject.
            ++anchorRaces;
            qWarning("verify beside a writer: %s", qPrintable(r.out.trimmed()));
        } else {
            QFAIL(qPrintable(QStringLiteral("verify beside a writer: ") + r.describe()));
        }
        QThread::msleep(20);
    }
    QVERIFY2(entries >= 5, "the first writer committed less than 5 entries in 20 s");
    if (anchorRaces)
        qWarning("%d of the verify runs beside a writer hit the anchor race", anchorRaces);
    QCOMPARE(first.state(), QProcess::Running);
    QCOMPARE(catalogCount(dir), demoProducts);

    for (const QString &command :
         writingCommands + QStringList{QStringLiteral("ledger start-over --reason x")}) {
        const Run r = admin(withDir(dir, words(command)));
        const QString context = command + QStringLiteral(": ") + r.describe();
        QVERIFY2(r.exited(1), qPrintable(context));
        QVERIFY2(r.err.startsWith(u"smartpos-admin: Another SmartPOS"), qPrintable(context));
        QVERIFY2(r.err.contains(QStringLiteral("process %1").arg(first.processId())),
                 qPrintable(context));
        QVERIFY2(r.err.contains(QStringLiteral("is using the data folder %1").arg(dir)),
                 qPrintable(context));
        QVERIFY2(r.out.isEmpty(), qPrintable(context));
    }
    QVERIFY(QFileInfo::exists(QDir(dir).filePath(QStringLiteral("ledger.db"))));
    QVERIFY(!QFileInfo::exists(QDir(keyDirOf(dir)).filePath(QStringLiteral("audit.log"))));

    // A writer killed with SIGKILL leaves its lock behind; the next writer takes it over.
    stopFirst.dismiss();
    first.kill();
    QVERIFY(first.waitForFinished(10000));
    const qint64 committed = verifiedEntries(dir);
    QVERIFY(committed >= entries);
    const Run next = admin(withDir(dir, {QStringLiteral("ledger"), QStringLiteral("no-sale")}));
    QVERIFY2(next.exited(0), qPrintable(next.describe()));
    QCOMPARE(verifiedEntries(dir), committed + 1);
}

void TestBadInput::emptyLockFile()
{
    // A writer killed (or a power cut) between creating smartpos.lock and writing its content
    // leaves an empty lock file. Its owner is gone, so the next start must take it over.
    const QString dir = preparedDir(QStringLiteral("empty-lock"), 2);
    QVERIFY(!dir.isEmpty());
    {
        QFile lock(QDir(dir).filePath(QStringLiteral("smartpos.lock")));
        QVERIFY(lock.open(QIODevice::WriteOnly));
    }
    const Run r = admin(withDir(dir, {QStringLiteral("ledger"), QStringLiteral("no-sale")}));
    QVERIFY2(r.exited(0), qPrintable(r.describe()));
    QCOMPARE(verifiedEntries(dir), qint64(3));
}

// ---------------------------------------------------------------------------------------------

void TestBadInput::dataDirUnderAFile()
{
    const QString blocker = m_root.filePath(QStringLiteral("not-a-folder"));
    {
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("precious\n");
    }
    const QString dir = blocker + QStringLiteral("/data");
    const Run r =
        admin(withDir(dir, {QStringLiteral("catalog"), QStringLiteral("import"), demoCatalog}));
    QVERIFY2(r.exited(1), qPrintable(r.describe()));
    QVERIFY2(r.err.startsWith(u"smartpos-admin: "), qPrintable(r.describe()));
    QVERIFY2(r.err.contains(dir), qPrintable(r.describe()));
    QVERIFY2(r.err.contains(u"Cannot create the data folder"), qPrintable(r.describe()));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
    QCOMPARE(fileBytes(blocker), QByteArray("precious\n"));
    // Reading commands say the folder does not exist.
    for (const QString &command :
         {QStringLiteral("ledger verify"), QStringLiteral("catalog count")}) {
        const Run read = admin(withDir(dir, words(command)));
        QVERIFY2(read.exited(1) && read.err.contains(dir) && read.err.contains(u"does not exist"),
                 qPrintable(command + QStringLiteral(": ") + read.describe()));
    }
}

void TestBadInput::dataDirIsAFile()
{
    const QString path = m_root.filePath(QStringLiteral("a-file"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("precious\n");
    }
    for (const QString &command :
         {QStringLiteral("ledger verify"), QStringLiteral("catalog count"),
          QStringLiteral("ledger no-sale"), QStringLiteral("ledger start-over --reason x")}) {
        const Run r = admin(withDir(path, words(command)));
        QVERIFY2(r.exited(1), qPrintable(command + QStringLiteral(": ") + r.describe()));
        QVERIFY2(r.err.contains(path) && r.err.contains(u"is a file"),
                 qPrintable(command + QStringLiteral(": ") + r.describe()));
    }
    QCOMPARE(fileBytes(path), QByteArray("precious\n"));
}

void TestBadInput::missingDataDirIsCreated()
{
    const QString dir = m_root.filePath(QStringLiteral("missing/data"));
    QVERIFY(!QFileInfo::exists(dir));
    const Run imported =
        admin(withDir(dir, {QStringLiteral("catalog"), QStringLiteral("import"), demoCatalog}));
    QVERIFY2(imported.exited(0), qPrintable(imported.describe()));
    QVERIFY(QFileInfo(dir).isDir());
    struct stat info {};
    QCOMPARE(::stat(QFile::encodeName(dir).constData(), &info), 0);
    QCOMPARE(info.st_mode & 07777, mode_t(0700));
    QCOMPARE(::stat(QFile::encodeName(keyDirOf(dir)).constData(), &info), 0);
    QCOMPARE(info.st_mode & 07777, mode_t(0700));
    QCOMPARE(catalogCount(dir), demoProducts);
    const Run sim = admin(
        withDir(dir, {QStringLiteral("simulate"), QStringLiteral("--sales"), QStringLiteral("3"),
                      QStringLiteral("--no-sale-every"), QStringLiteral("2")}));
    QVERIFY2(sim.exited(0) && sim.out.startsWith(u"committed 3 sales and 1 no-sales"),
             qPrintable(sim.describe()));
    QCOMPARE(verifiedEntries(dir), qint64(4));
}

// ---------------------------------------------------------------------------------------------

void TestBadInput::badCatalogImport_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("reason");

    const QByteArray header =
        "sku,barcodes,name_zh,name_en,category,price_fen,tax_rate_bp,sold_by,plu\n";
    // Valid first rows: an update of a demo product (price 300 → 999) and a new product. The
    // bad row after them must roll both back.
    const QByteArray good = "DR0001,6928804995534,可口可乐 330ml 罐装,Coca-Cola Can 330ml,drinks,"
                            "999,1300,unit,\n"
                            "NEW001,4006381333931,新产品,New Product,snacks,100,1300,unit,\n";

    QTest::newRow("bad check digit")
        << header + good + "NEW002,4006381333932,坏,Bad,snacks,100,1300,unit,\n"
        << 4 << QStringLiteral("barcode \"4006381333932\" is not a valid EAN-13, EAN-8 or UPC-A");
    QTest::newRow("price not a number, after a quoted line break")
        << header + good
               + "NEW002,\"4006381333948|\n4006381333955\",两行,Two lines,snacks,100,1300,unit,\n"
                 "NEW003,96385074,坏,Bad,snacks,abc,1300,unit,\n"
        << 6 << QStringLiteral("price_fen \"abc\" is not a whole number of fen ≥ 0");
    QTest::newRow("unclosed quote")
        << header + good + "NEW002,4006381333948,\"unclosed,Bad,snacks,100,1300,unit,\n"
        << 4 << QStringLiteral("a quoted field is never closed");
    QTest::newRow("wrong header") << QByteArray("sku;barcodes\n") + good << 1
                                  << QStringLiteral("the first line must be the header");
    QTest::newRow("too few fields") << header + good + "NEW002,4006381333948,短\n"
                                    << 4 << QStringLiteral("expected 9 fields, found 3");
    QTest::newRow("duplicate sku")
        << header + good + "NEW001,4006381333948,重复,Dup,snacks,100,1300,unit,\n"
        << 4 << QStringLiteral("SKU NEW001 appears twice in the file");
    QTest::newRow("weighed without plu")
        << header + good + "NEW002,,苹果,Apple,fruit,1200,900,weight,\n"
        << 4 << QStringLiteral("a product sold by weight needs a PLU");
    QTest::newRow("in-store prefix 2")
        << header + good + "NEW002,2000000000008,店内码,Store code,snacks,100,1300,unit,\n"
        << 4 << QStringLiteral("is in the in-store range (prefix 2)");
    QTest::newRow("negative price")
        << header + good + "NEW002,4006381333948,负,Neg,snacks,-5,1300,unit,\n"
        << 4 << QStringLiteral("price_fen \"-5\" is not a whole number of fen ≥ 0");
}

void TestBadInput::badCatalogImport()
{
    QFETCH(QByteArray, csv);
    QFETCH(int, line);
    QFETCH(QString, reason);
    static int n = 0;
    const QString dir = preparedDir(QStringLiteral("import-%1").arg(++n), 0);
    QVERIFY(!dir.isEmpty());
    QCOMPARE(catalogCount(dir), demoProducts);
    const QString csvPath = m_root.filePath(QStringLiteral("bad-%1.csv").arg(n));
    {
        QFile f(csvPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(csv);
    }
    const Run r =
        admin(withDir(dir, {QStringLiteral("catalog"), QStringLiteral("import"), csvPath}));
    QVERIFY2(r.exited(1), qPrintable(r.describe()));
    QVERIFY2(r.err.startsWith(QStringLiteral("smartpos-admin: ") + csvPath),
             qPrintable(r.describe()));
    QVERIFY2(r.err.contains(QStringLiteral(" line %1: ").arg(line)), qPrintable(r.describe()));
    QVERIFY2(r.err.contains(reason), qPrintable(r.describe()));
    QVERIFY2(r.err.contains(u"nothing was imported"), qPrintable(r.describe()));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));

    // Nothing changed: same count, the updated product keeps its price, the new one is absent.
    QCOMPARE(catalogCount(dir), demoProducts);
    CatalogStore store;
    QVERIFY_OK(store.open(dir));
    const auto cola = store.findByCode(QStringLiteral("6928804995534"));
    QVERIFY(cola);
    QCOMPARE(cola->price.fen, qint64(300));
    QVERIFY(!store.findByCode(QStringLiteral("4006381333931")));
}

void TestBadInput::catalogImportSummaryAndDryRun()
{
    const QString dir = preparedDir(QStringLiteral("import-summary"), 0);
    QVERIFY(!dir.isEmpty());
    const QString csvPath = m_root.filePath(QStringLiteral("swap.csv"));
    {
        QFile f(csvPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("sku,barcodes,name_zh,name_en,category,price_fen,tax_rate_bp,sold_by,plu\n"
                "FR0011,,香蕉（称重）,Bananas (per kg),fresh,1196,900,weight,10002\n"
                "FR0012,6923043509962,富士苹果（称重）,Fuji Apples (per kg),fresh,1596,900,weight,"
                "10001\n"
                "NEW1,4006381333931,新品,New,snacks,100,1300,unit,\n");
    }
    const QStringList summary{
        QStringLiteral("3 products: 1 new, 2 updated, 0 unchanged, 2 codes moved"),
        QStringLiteral("new: NEW1"), QStringLiteral("updated: FR0011, FR0012"),
        QStringLiteral("moved PLU 10002: FR0012 → FR0011"),
        QStringLiteral("moved PLU 10001: FR0011 → FR0012")};
    const Run planned = admin(withDir(dir, {QStringLiteral("catalog"), QStringLiteral("import"),
                                            QStringLiteral("--dry-run"), csvPath}));
    QVERIFY2(planned.exited(0), qPrintable(planned.describe()));
    QVERIFY2(planned.out.startsWith(QStringLiteral("dry run, nothing changed: would import")),
             qPrintable(planned.describe()));
    for (const QString &text : summary)
        QVERIFY2(planned.out.contains(text), qPrintable(text + u'\n' + planned.describe()));
    QCOMPARE(catalogCount(dir), demoProducts);

    const Run done =
        admin(withDir(dir, {QStringLiteral("catalog"), QStringLiteral("import"), csvPath}));
    QVERIFY2(done.exited(0), qPrintable(done.describe()));
    QVERIFY2(done.out.startsWith(QStringLiteral("imported 3 products")),
             qPrintable(done.describe()));
    for (const QString &text : summary)
        QVERIFY2(done.out.contains(text), qPrintable(text + u'\n' + done.describe()));
    QCOMPARE(catalogCount(dir), demoProducts + 1);
    CatalogStore store;
    QVERIFY_OK(store.open(dir));
    QCOMPARE(store.findByPlu(QStringLiteral("10001"))->sku, QStringLiteral("FR0012"));
}

void TestBadInput::catalogImportOfExcelChineseFile()
{
    const QString dir = preparedDir(QStringLiteral("import-gb18030"), 0);
    QVERIFY(!dir.isEmpty());
    // The fixture's own PLUs 10001–10003 belong to demo products: give them others.
    const QString fixture =
        QStringLiteral(SMARTPOS_SOURCE_DIR "/tests/fixtures/catalog-gb18030.csv");
    QFile in(fixture);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QString csvPath = m_root.filePath(QStringLiteral("excel.csv"));
    {
        QFile out(csvPath);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(in.readAll().replace(",1000", ",2000"));
    }
    const Run refused =
        admin(withDir(dir, {QStringLiteral("catalog"), QStringLiteral("import"), csvPath}));
    QVERIFY2(refused.exited(1), qPrintable(refused.describe()));
    QVERIFY2(refused.err.contains(QStringLiteral(" line 2: "))
                 && refused.err.contains(QStringLiteral("--encoding gb18030")),
             qPrintable(refused.describe()));
    QCOMPARE(catalogCount(dir), demoProducts);

    const Run imported =
        admin(withDir(dir, {QStringLiteral("catalog"), QStringLiteral("import"),
                            QStringLiteral("--encoding"), QStringLiteral("gbk"), csvPath}));
    QVERIFY2(imported.exited(0), qPrintable(imported.describe()));
    CatalogStore store;
    QVERIFY_OK(store.open(dir));
    QCOMPARE(store.findByCode(QStringLiteral("6921168509256"))->nameZh,
             QStringLiteral("农夫山泉 饮用天然水 550ml"));
    QCOMPARE(store.findByPlu(QStringLiteral("20001"))->nameZh, QStringLiteral("香蕉（称重）"));
}

void TestBadInput::catalogImportOfMissingFile()
{
    const QString dir = preparedDir(QStringLiteral("import-missing"), 0);
    QVERIFY(!dir.isEmpty());
    const QString csvPath = m_root.filePath(QStringLiteral("no-such.csv"));
    const Run r =
        admin(withDir(dir, {QStringLiteral("catalog"), QStringLiteral("import"), csvPath}));
    QVERIFY2(r.exited(1), qPrintable(r.describe()));
    QVERIFY2(r.err.contains(csvPath) && r.err.contains(u"cannot read"), qPrintable(r.describe()));
    QCOMPARE(catalogCount(dir), demoProducts);
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
