// Bad input through the real smartpos-admin binary: a full disk, a read-only ledger, a corrupt
// database, an impossible data directory and a bad catalog file. Each case must end with a clear
// message on stderr, the documented exit code, and nothing lost or changed.
#include "ledger/catalogstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
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
    return {QStringLiteral("/bin/sh"),
            {QStringLiteral("-c"),
             QStringLiteral("trap '' XFSZ; ulimit -f %1 || exit 99; exec \"$0\" \"$@\"").arg(blocks),
             adminPath}};
}

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

QStringList withDir(const QString &dir, QStringList args)
{
    return QStringList{QStringLiteral("--data-dir"), dir} + args;
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// "OK <n> entries" → n; -1 otherwise.
qint64 verifiedEntries(const QString &dir)
{
    const Run r = admin(withDir(dir, {QStringLiteral("ledger"), QStringLiteral("verify")}));
    static const QRegularExpression ok(QStringLiteral("^OK (\\d+) entries\\s*$"));
    const auto m = ok.match(r.out);
    if (r.status != QProcess::NormalExit || r.exitCode != 0 || !m.hasMatch()) {
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
    return r.exitCode == 0 && ok ? n : -1;
}

bool chownPath(const QString &path, uid_t uid, gid_t gid)
{
    return ::chown(QFile::encodeName(path).constData(), uid, gid) == 0;
}

} // namespace

class TestBadInput : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();

    void fullDisk_data();
    void fullDisk();
    void readOnlyLedger();
    void readOnlyDataDir();
    void corruptDatabase_data();
    void corruptDatabase();
    void dataDirUnderAFile();
    void dataDirIsAFile();
    void missingDataDirIsCreated();
    void badCatalogImport_data();
    void badCatalogImport();
    void catalogImportOfMissingFile();

private:
    // A data directory with the demo catalog and `sales` simulated sales.
    QString preparedDir(const QString &name, qint64 sales);
    bool canRunAsNobody(QString *why);

    QTemporaryDir m_root;
};

void TestBadInput::initTestCase()
{
    QVERIFY2(QFileInfo(adminPath).isExecutable(), qPrintable(adminPath + QStringLiteral(" is not built")));
    QVERIFY(m_root.isValid());
    // Traversable by `nobody` for the read-only cases.
    QFile::setPermissions(m_root.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                             | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                                             | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                             | QFileDevice::ExeOther);
}

QString TestBadInput::preparedDir(const QString &name, qint64 sales)
{
    const QString dir = m_root.filePath(name);
    const Run imported =
        admin(withDir(dir, {QStringLiteral("catalog"), QStringLiteral("import"), demoCatalog}));
    if (imported.exitCode != 0) {
        qWarning("catalog import: %s", qPrintable(imported.describe()));
        return {};
    }
    if (sales > 0) {
        const Run sim = admin(withDir(dir, {QStringLiteral("simulate"), QStringLiteral("--sales"),
                                            QString::number(sales)}));
        if (sim.exitCode != 0) {
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
    const QString dir = preparedDir(QStringLiteral("full-%1").arg(QString::fromLatin1(QTest::currentDataTag())),
                                    salesBefore);
    QVERIFY(!dir.isEmpty());
    QCOMPARE(verifiedEntries(dir), salesBefore);
    const QString ledgerPath = QDir(dir).filePath(QStringLiteral("ledger.db"));
    const qint64 limit = QFileInfo(ledgerPath).size() + headroom;

    const Run full = admin(withDir(dir, {QStringLiteral("simulate"), QStringLiteral("--sales"),
                                         QStringLiteral("100000")}),
                           fileSizeLimited(limit));
    QVERIFY2(full.status == QProcess::NormalExit, qPrintable(full.describe()));
    QVERIFY2(full.exitCode != 99, "the shell could not set ulimit -f");
    QVERIFY2(full.exitCode != 0, qPrintable(full.describe()));
    QCOMPARE(full.exitCode, 1);
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
    const Run again = admin(withDir(dir, {QStringLiteral("simulate"), QStringLiteral("--sales"),
                                          QStringLiteral("5")}));
    QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
    QCOMPARE(verifiedEntries(dir), salesBefore + committedUnderLimit + 5);
}

// ---------------------------------------------------------------------------------------------

void TestBadInput::readOnlyLedger()
{
    const QString dir = preparedDir(QStringLiteral("ro-ledger"), 10);
    QVERIFY(!dir.isEmpty());
    const QString ledgerPath = QDir(dir).filePath(QStringLiteral("ledger.db"));
    const QString catalogPath = QDir(dir).filePath(QStringLiteral("catalog.db"));
    Launcher how = direct();
    if (geteuid() == 0) {
        // Root ignores file modes: the child runs as nobody, who owns the folder and the
        // catalog but not the ledger.
        QString why;
        if (!canRunAsNobody(&why))
            QSKIP(qPrintable(why));
        const passwd *nobody = getpwnam("nobody");
        const group *nogroup = getgrnam("nogroup");
        QVERIFY(chownPath(dir, nobody->pw_uid, nogroup->gr_gid));
        QVERIFY(chownPath(catalogPath, nobody->pw_uid, nogroup->gr_gid));
        QVERIFY(chownPath(ledgerPath, 0, 0));
        QVERIFY(QFile::setPermissions(ledgerPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                      | QFileDevice::ReadGroup
                                                      | QFileDevice::ReadOther));
        QVERIFY(QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                               | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                               | QFileDevice::ExeOther));
        how = asNobody();
    } else {
        QVERIFY(QFile::setPermissions(ledgerPath, QFileDevice::ReadOwner));
    }
    const QByteArray before = fileBytes(ledgerPath);
    QVERIFY(!before.isEmpty());

    const Run sim = admin(withDir(dir, {QStringLiteral("simulate"), QStringLiteral("--sales"),
                                        QStringLiteral("5")}),
                          how);
    QVERIFY2(sim.status == QProcess::NormalExit && sim.exitCode != 0, qPrintable(sim.describe()));
    QVERIFY2(sim.err.startsWith(u"smartpos-admin: "), qPrintable(sim.describe()));
    QVERIFY2(sim.err.contains(ledgerPath), qPrintable(sim.describe()));
    QVERIFY2(sim.err.contains(u"read-only") || sim.err.contains(u"Cannot open"),
             qPrintable(sim.describe()));
    QVERIFY2(!sim.out.contains(u"committed"), qPrintable(sim.describe()));
    QVERIFY2(fileBytes(ledgerPath) == before, "the read-only ledger.db changed");

    // Reading still works: the journal of a write-protected ledger can be verified.
    const Run verify = admin(withDir(dir, {QStringLiteral("ledger"), QStringLiteral("verify")}),
                             how);
    QVERIFY2(verify.exitCode == 0 && verify.out.startsWith(u"OK 10 entries"),
             qPrintable(verify.describe()));
    QVERIFY2(fileBytes(ledgerPath) == before, "the read-only ledger.db changed");

    // Writable again: nothing was lost.
    if (geteuid() != 0)
        QFile::setPermissions(ledgerPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QCOMPARE(verifiedEntries(dir), qint64(10));
}

void TestBadInput::readOnlyDataDir()
{
    const QString dir = preparedDir(QStringLiteral("ro-dir"), 10);
    QVERIFY(!dir.isEmpty());
    const auto readOnly = QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    const auto exec = QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;
    Launcher how = direct();
    const QStringList files = QDir(dir).entryList(QDir::Files, QDir::Name);
    QVERIFY(files.contains(u"ledger.db"));
    if (geteuid() == 0) {
        QString why;
        if (!canRunAsNobody(&why))
            QSKIP(qPrintable(why));
        // Everything belongs to root; nobody may only read it.
        for (const QString &f : files)
            QVERIFY(QFile::setPermissions(QDir(dir).filePath(f), readOnly | QFileDevice::WriteOwner));
        QVERIFY(QFile::setPermissions(dir, readOnly | exec | QFileDevice::WriteOwner));
        how = asNobody();
    } else {
        for (const QString &f : files)
            QVERIFY(QFile::setPermissions(QDir(dir).filePath(f), readOnly));
        QVERIFY(QFile::setPermissions(dir, readOnly | exec));
    }
    QHash<QString, QByteArray> before;
    for (const QString &f : files)
        before.insert(f, fileBytes(QDir(dir).filePath(f)));

    const QList<QStringList> commands = {
        {QStringLiteral("ledger"), QStringLiteral("verify")},
        {QStringLiteral("simulate"), QStringLiteral("--sales"), QStringLiteral("5")},
        {QStringLiteral("catalog"), QStringLiteral("count")},
        {QStringLiteral("catalog"), QStringLiteral("import"), demoCatalog},
    };
    for (const QStringList &command : commands) {
        const Run r = admin(withDir(dir, command), how);
        const QString context = command.join(u' ') + QStringLiteral(": ") + r.describe();
        QVERIFY2(r.status == QProcess::NormalExit, qPrintable(context));
        QVERIFY2(r.exitCode == 2, qPrintable(context));
        QVERIFY2(r.err.startsWith(u"smartpos-admin: "), qPrintable(context));
        QVERIFY2(r.err.contains(dir), qPrintable(context));
        QVERIFY2(r.err.contains(u"read-only") || r.err.contains(u"Cannot open"),
                 qPrintable(context));
    }
    QCOMPARE(QDir(dir).entryList(QDir::Files, QDir::Name), files);
    for (const QString &f : files)
        QVERIFY2(fileBytes(QDir(dir).filePath(f)) == before.value(f), qPrintable(f + QStringLiteral(" changed")));

    QVERIFY(QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                           | QFileDevice::ExeOwner));
    for (const QString &f : files)
        QFile::setPermissions(QDir(dir).filePath(f), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QCOMPARE(verifiedEntries(dir), qint64(10));
}

// ---------------------------------------------------------------------------------------------

void TestBadInput::corruptDatabase_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<qint64>("keepBytes"); // bytes of the real file left at its start

    QTest::newRow("ledger all garbage") << QStringLiteral("ledger.db") << qint64(0);
    // The SQLite header and the first pages are intact, the rest is garbage.
    QTest::newRow("ledger tail garbage") << QStringLiteral("ledger.db") << qint64(3 * 4096);
    QTest::newRow("catalog all garbage") << QStringLiteral("catalog.db") << qint64(0);
}

void TestBadInput::corruptDatabase()
{
    QFETCH(QString, file);
    QFETCH(qint64, keepBytes);
    const QString dir = preparedDir(
        QStringLiteral("corrupt-%1").arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')),
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

    const QList<QStringList> commands = {
        {QStringLiteral("ledger"), QStringLiteral("verify")},
        {QStringLiteral("simulate"), QStringLiteral("--sales"), QStringLiteral("5")},
        {QStringLiteral("catalog"), QStringLiteral("count")},
        {QStringLiteral("catalog"), QStringLiteral("import"), demoCatalog},
        {QStringLiteral("catalog"), QStringLiteral("generate"), QStringLiteral("--count"),
         QStringLiteral("10")},
    };
    for (const QStringList &command : commands) {
        const Run r = admin(withDir(dir, command));
        const QString context = command.join(u' ') + QStringLiteral(": ") + r.describe();
        QVERIFY2(r.status == QProcess::NormalExit, qPrintable(context));
        QVERIFY2(r.exitCode != 0, qPrintable(context));
        QVERIFY2(r.err.startsWith(u"smartpos-admin: "), qPrintable(context));
        QVERIFY2(r.err.contains(path), qPrintable(context));
        QVERIFY2(r.err.contains(u"damaged"), qPrintable(context));
        QVERIFY2(fileBytes(path) == bytes, qPrintable(QStringLiteral("the damaged file changed after: ") + context));
    }
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
    const Run r = admin(withDir(dir, {QStringLiteral("catalog"), QStringLiteral("count")}));
    QVERIFY2(r.status == QProcess::NormalExit && r.exitCode == 2, qPrintable(r.describe()));
    QVERIFY2(r.err.startsWith(u"smartpos-admin: "), qPrintable(r.describe()));
    QVERIFY2(r.err.contains(dir), qPrintable(r.describe()));
    QVERIFY2(r.err.contains(u"Cannot create the data folder"), qPrintable(r.describe()));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
    QCOMPARE(fileBytes(blocker), QByteArray("precious\n"));
}

void TestBadInput::dataDirIsAFile()
{
    const QString path = m_root.filePath(QStringLiteral("a-file"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("precious\n");
    }
    const Run r = admin(withDir(path, {QStringLiteral("ledger"), QStringLiteral("verify")}));
    QVERIFY2(r.status == QProcess::NormalExit && r.exitCode == 2, qPrintable(r.describe()));
    QVERIFY2(r.err.contains(path) && r.err.contains(u"is a file"), qPrintable(r.describe()));
    QCOMPARE(fileBytes(path), QByteArray("precious\n"));
}

void TestBadInput::missingDataDirIsCreated()
{
    const QString dir = m_root.filePath(QStringLiteral("missing/data"));
    QVERIFY(!QFileInfo::exists(dir));
    const Run imported =
        admin(withDir(dir, {QStringLiteral("catalog"), QStringLiteral("import"), demoCatalog}));
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.describe()));
    QVERIFY(QFileInfo(dir).isDir());
    struct stat info {};
    QCOMPARE(::stat(QFile::encodeName(dir).constData(), &info), 0);
    QCOMPARE(info.st_mode & 07777, mode_t(0700));
    QCOMPARE(catalogCount(dir), demoProducts);
    const Run sim = admin(withDir(dir, {QStringLiteral("simulate"), QStringLiteral("--sales"),
                                        QStringLiteral("3")}));
    QVERIFY2(sim.exitCode == 0, qPrintable(sim.describe()));
    QCOMPARE(verifiedEntries(dir), qint64(3));
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
        << header + good + "NEW002,4006381333932,坏,Bad,snacks,100,1300,unit,\n" << 4
        << QStringLiteral("barcode \"4006381333932\" is not a valid EAN-13, EAN-8 or UPC-A");
    QTest::newRow("price not a number, after a quoted line break")
        << header + good
               + "NEW002,4006381333948,\"两行\n名字\",Two lines,snacks,100,1300,unit,\n"
                 "NEW003,96385074,坏,Bad,snacks,abc,1300,unit,\n"
        << 6 << QStringLiteral("price_fen \"abc\" is not a whole number of fen ≥ 0");
    QTest::newRow("unclosed quote")
        << header + good + "NEW002,4006381333948,\"unclosed,Bad,snacks,100,1300,unit,\n" << 4
        << QStringLiteral("a quoted field is never closed");
    QTest::newRow("wrong header") << QByteArray("sku;barcodes\n") + good << 1
                                  << QStringLiteral("the first line must be the header");
    QTest::newRow("too few fields") << header + good + "NEW002,4006381333948,短\n" << 4
                                    << QStringLiteral("expected 9 fields, found 3");
    QTest::newRow("duplicate sku")
        << header + good + "NEW001,4006381333948,重复,Dup,snacks,100,1300,unit,\n" << 4
        << QStringLiteral("SKU NEW001 appears twice in the file");
    QTest::newRow("weighed without plu")
        << header + good + "NEW002,,苹果,Apple,fruit,1200,900,weight,\n" << 4
        << QStringLiteral("a product sold by weight needs a PLU");
    QTest::newRow("in-store prefix 2")
        << header + good + "NEW002,2000000000008,店内码,Store code,snacks,100,1300,unit,\n" << 4
        << QStringLiteral("is in the in-store range (prefix 2)");
    QTest::newRow("negative price")
        << header + good + "NEW002,4006381333948,负,Neg,snacks,-5,1300,unit,\n" << 4
        << QStringLiteral("price_fen \"-5\" is not a whole number of fen ≥ 0");
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
    QVERIFY2(r.status == QProcess::NormalExit, qPrintable(r.describe()));
    QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
    QVERIFY2(r.err.startsWith(QStringLiteral("smartpos-admin: ") + csvPath), qPrintable(r.describe()));
    QVERIFY2(r.err.contains(QStringLiteral(" line %1: ").arg(line)), qPrintable(r.describe()));
    QVERIFY2(r.err.contains(reason), qPrintable(r.describe()));
    QVERIFY2(r.err.contains(u"nothing was imported"), qPrintable(r.describe()));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));

    // Nothing changed: same count, the updated product keeps its price, the new one is absent.
    QCOMPARE(catalogCount(dir), demoProducts);
    CatalogStore store;
    QString error;
    QVERIFY2(store.open(dir, &error), qPrintable(error));
    const auto cola = store.findByCode(QStringLiteral("6928804995534"));
    QVERIFY(cola);
    QCOMPARE(cola->price.fen, qint64(300));
    QVERIFY(!store.findByCode(QStringLiteral("4006381333931")));
}

void TestBadInput::catalogImportOfMissingFile()
{
    const QString dir = preparedDir(QStringLiteral("import-missing"), 0);
    QVERIFY(!dir.isEmpty());
    const QString csvPath = m_root.filePath(QStringLiteral("no-such.csv"));
    const Run r =
        admin(withDir(dir, {QStringLiteral("catalog"), QStringLiteral("import"), csvPath}));
    QVERIFY2(r.status == QProcess::NormalExit && r.exitCode == 1, qPrintable(r.describe()));
    QVERIFY2(r.err.contains(csvPath) && r.err.contains(u"cannot read"), qPrintable(r.describe()));
    QCOMPARE(catalogCount(dir), demoProducts);
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
