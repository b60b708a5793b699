#include "ledger/database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace smartpos;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
constexpr auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr auto othersMask = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                            | QFileDevice::ReadOther | QFileDevice::WriteOther
                            | QFileDevice::ExeOther;

const QStringList twoMigrations = {
    u"CREATE TABLE a (id INTEGER PRIMARY KEY, x TEXT NOT NULL);;"
    u"INSERT INTO a (x) VALUES ('first')"_s,
    u"CREATE TABLE b (id INTEGER PRIMARY KEY);;ALTER TABLE a ADD COLUMN y INTEGER"_s,
};

QFileDevice::Permissions modeOf(const QString &path)
{
    // QFile::permissions() mixes in the user's bits; keep the owner/group/other ones.
    return QFile::permissions(path)
           & (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
              | othersMask);
}

qint64 intValue(Database &db, const QString &sql)
{
    QString error;
    const auto value = db.scalar(sql, &error);
    if (!value)
        qWarning("%s: %s", qPrintable(sql), qPrintable(error));
    return value ? value->toLongLong() : -1;
}

QByteArray sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// Another program on the same file: a connection of its own, as the sqlite3 shell would open.
class OtherConnection {
public:
    explicit OtherConnection(const QString &path)
    {
        sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, SQLITE_OPEN_READWRITE, nullptr);
    }
    ~OtherConnection() { sqlite3_close_v2(m_db); }
    bool exec(const char *sql)
    {
        return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    }

private:
    sqlite3 *m_db = nullptr;
};

QList<Migration> steps(const QStringList &sql)
{
    QList<Migration> migrations;
    for (const QString &step : sql)
        migrations.append({step});
    return migrations;
}

// A file with rows in its -wal, as a till leaves it when the power goes: `path` is copied, with
// its -wal, to `copy` while still open.
bool copyWithWal(const QString &path, const QString &copy, int pageSize)
{
    Database db;
    QString error;
    const bool written =
        db.open(path, steps(twoMigrations.mid(0, 1)), Database::Mode::ReadWrite, pageSize).ok()
        && db.exec(u"INSERT INTO a (x) VALUES ('in the wal')"_s, &error);
    return written && QFile::copy(path, copy) && QFile::copy(path + u"-wal"_s, copy + u"-wal"_s);
}
} // namespace

class TestDatabase : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void migratesMissingFile();
    void migratesEmptyFile();
    void tightensModeOfExistingFile();
    void pragmas();
    void reopenDoesNotRerunMigrations();
    void laterMigrationApplied();
    void newerSchemaRefused();
    void failingMigrationRollsBack();
    void missingFolder();
    void garbageFileLeftUntouched_data();
    void garbageFileLeftUntouched();
    void describe_data();
    void describe();
    void damagedBesideWalNamesIt();
    void lockedWrite();
    void lockedOpen_data();
    void lockedOpen();
    void lockedMigration();
    void foreignWalRefused();
    void refusedFileKeepsItsWal();
    void prepareDataDir();
    void prepareDataDirOnFile();
};

void TestDatabase::initTestCase()
{
    QCOMPARE(busyTimeout(), 5000ms);
    // The lock tests wait this long instead of 5 s.
    setBusyTimeout(300ms);
}

void TestDatabase::migratesMissingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"x.db"_s);
    QVERIFY(!QFile::exists(path));
    Database db;
    QString error;
    QVERIFY2(db.open(path, twoMigrations, &error), qPrintable(error));
    QVERIFY(db.isOpen());
    QCOMPARE(db.path(), path);
    QCOMPARE(intValue(db, u"PRAGMA user_version"_s), 2);
    QCOMPARE(intValue(db, u"SELECT count(*) FROM a WHERE y IS NULL"_s), 1);
    QCOMPARE(intValue(db, u"SELECT count(*) FROM b"_s), 0);
    QCOMPARE(modeOf(path), ownerOnly);
    // SQLite gives the WAL the mode of its database.
    QVERIFY(QFile::exists(path + u"-wal"_s));
    QCOMPARE(modeOf(path + u"-wal"_s), ownerOnly);
}

void TestDatabase::migratesEmptyFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"x.db"_s);
    {
        QFile empty(path);
        QVERIFY(empty.open(QIODevice::WriteOnly));
    }
    QCOMPARE(QFileInfo(path).size(), 0);
    Database db;
    QString error;
    QVERIFY2(db.open(path, twoMigrations, &error), qPrintable(error));
    QCOMPARE(intValue(db, u"PRAGMA user_version"_s), 2);
    QCOMPARE(intValue(db, u"SELECT count(*) FROM a"_s), 1);
}

void TestDatabase::tightensModeOfExistingFile()
{
    // A file made by an installer, a restore or `touch` is usually 0644: the ledger must not
    // stay readable by every user of the terminal.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"x.db"_s);
    {
        QFile empty(path);
        QVERIFY(empty.open(QIODevice::WriteOnly));
    }
    QVERIFY(
        QFile::setPermissions(path, ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    Database db;
    QString error;
    QVERIFY2(db.open(path, twoMigrations, &error), qPrintable(error));
    QVERIFY2(db.exec(u"CREATE TABLE written (x)"_s, &error), qPrintable(error)); // makes the -wal
    QCOMPARE(modeOf(path), ownerOnly);
    QCOMPARE(modeOf(path + u"-wal"_s), ownerOnly);
}

void TestDatabase::pragmas()
{
    QTemporaryDir dir;
    Database db;
    QString error;
    QVERIFY2(db.open(dir.filePath(u"x.db"_s), twoMigrations, &error), qPrintable(error));
    QCOMPARE(db.scalar(u"PRAGMA journal_mode"_s, &error)->toString(), u"wal"_s);
    QCOMPARE(intValue(db, u"PRAGMA synchronous"_s), 2); // FULL
    QCOMPARE(intValue(db, u"PRAGMA foreign_keys"_s), 1);
    QCOMPARE(intValue(db, u"PRAGMA trusted_schema"_s), 0);

    QVERIFY(db.exec(u"INSERT INTO b DEFAULT VALUES"_s, &error));
    QVERIFY(!db.exec(u"INSERT INTO nowhere VALUES (1)"_s, &error));
    QVERIFY2(error.contains(u"nowhere"_s), qPrintable(error));
    QVERIFY(!db.scalar(u"SELECT * FROM nowhere"_s, &error).has_value());
    const auto none = db.scalar(u"SELECT id FROM b WHERE id < 0"_s, &error);
    QVERIFY(none.has_value());
    QVERIFY(none->isNull());
}

void TestDatabase::reopenDoesNotRerunMigrations()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"x.db"_s);
    QString error;
    {
        Database db;
        QVERIFY2(db.open(path, twoMigrations, &error), qPrintable(error));
        QVERIFY(db.exec(u"INSERT INTO a (x) VALUES ('second')"_s, &error));
    }
    Database db;
    // Rerunning migration 1 would fail on CREATE TABLE a and add a second 'first' row.
    QVERIFY2(db.open(path, twoMigrations, &error), qPrintable(error));
    QCOMPARE(intValue(db, u"SELECT count(*) FROM a"_s), 2);
    QCOMPARE(intValue(db, u"PRAGMA user_version"_s), 2);
}

void TestDatabase::laterMigrationApplied()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"x.db"_s);
    QString error;
    {
        Database db;
        QVERIFY2(db.open(path, twoMigrations.mid(0, 1), &error), qPrintable(error));
        QCOMPARE(intValue(db, u"PRAGMA user_version"_s), 1);
        QVERIFY(!db.scalar(u"SELECT count(*) FROM b"_s, &error).has_value());
    }
    Database db;
    QVERIFY2(db.open(path, twoMigrations, &error), qPrintable(error));
    QCOMPARE(intValue(db, u"PRAGMA user_version"_s), 2);
    QCOMPARE(intValue(db, u"SELECT count(*) FROM b"_s), 0);
    QCOMPARE(intValue(db, u"SELECT count(*) FROM a"_s), 1);
}

void TestDatabase::newerSchemaRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"x.db"_s);
    QString error;
    {
        Database db;
        QVERIFY2(db.open(path, twoMigrations, &error), qPrintable(error));
    }
    Database db;
    QVERIFY(!db.open(path, twoMigrations.mid(0, 1), &error));
    QVERIFY(!db.isOpen());
    QVERIFY2(error.contains(path) && error.contains(u"newer"_s), qPrintable(error));
}

void TestDatabase::failingMigrationRollsBack()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"x.db"_s);
    QString error;
    {
        Database db;
        QVERIFY2(db.open(path, twoMigrations.mid(0, 1), &error), qPrintable(error));
    }
    const QStringList broken = {twoMigrations[0],
                                u"CREATE TABLE c (id INTEGER);;THIS IS NOT SQL"_s};
    {
        Database db;
        QVERIFY(!db.open(path, broken, &error));
        QVERIFY(!db.isOpen());
        QVERIFY2(error.contains(path), qPrintable(error));
    }
    Database db;
    QVERIFY2(db.open(path, twoMigrations.mid(0, 1), &error), qPrintable(error));
    QCOMPARE(intValue(db, u"PRAGMA user_version"_s), 1);
    QCOMPARE(intValue(db, u"SELECT count(*) FROM sqlite_master WHERE name = 'c'"_s), 0);
}

void TestDatabase::missingFolder()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"not/there/x.db"_s);
    Database db;
    QString error;
    QVERIFY(!db.open(path, twoMigrations, &error));
    QVERIFY2(error.contains(u"does not exist"_s), qPrintable(error));
    QVERIFY(!QFile::exists(path));
}

void TestDatabase::garbageFileLeftUntouched_data()
{
    QTest::addColumn<QByteArray>("content");
    QByteArray random(64 * 1024, Qt::Uninitialized);
    QRandomGenerator generator(20240301);
    for (char &c : random)
        c = char(generator.bounded(256));
    QTest::newRow("random bytes") << random;
    QTest::newRow("text") << "sku,barcodes,name_zh\nDR0001,6928804995534,可乐\n"_ba;
    // A real header on garbage pages: looks like SQLite at first sight.
    QByteArray fakeHeader = QByteArray("SQLite format 3\0", 16) + random.left(4096 - 16);
    QTest::newRow("SQLite header, garbage body") << fakeHeader;
}

void TestDatabase::garbageFileLeftUntouched()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"x.db"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(content), content.size());
    }
    const QByteArray before = sha256Of(path);
    Database db;
    QString error;
    QVERIFY(!db.open(path, twoMigrations, &error));
    QVERIFY(!db.isOpen());
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(u"damaged"_s), qPrintable(error));
    QCOMPARE(QFileInfo(path).size(), content.size());
    QCOMPARE(sha256Of(path), before);
    QVERIFY(!QFile::exists(path + u"-wal"_s) || QFileInfo(path + u"-wal"_s).size() == 0);
}

void TestDatabase::describe_data()
{
    QTest::addColumn<QString>("nativeCode");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("expected");
    QTest::newRow("SQLITE_FULL") << u"13"_s << ErrorCode::Storage << u"full"_s;
    QTest::newRow("SQLITE_READONLY") << u"8"_s << ErrorCode::Storage << u"read-only"_s;
    QTest::newRow("SQLITE_CORRUPT") << u"11"_s << ErrorCode::Damaged << u"damaged"_s;
    QTest::newRow("SQLITE_NOTADB") << u"26"_s << ErrorCode::Damaged << u"damaged"_s;
    QTest::newRow("SQLITE_CANTOPEN") << u"14"_s << ErrorCode::Storage << u"Cannot open"_s;
    QTest::newRow("SQLITE_IOERR_WRITE")
        << u"778"_s << ErrorCode::Storage << u"disk reported an error"_s;
    QTest::newRow("SQLITE_READONLY_DBMOVED")
        << u"1032"_s << ErrorCode::Storage << u"moved, renamed or replaced"_s;
    QTest::newRow("SQLITE_CONSTRAINT") << u"19"_s << ErrorCode::Storage << u"the driver text"_s;
    // Locks: what happened and what to do, never SQLite's "database is locked".
    QTest::newRow("SQLITE_BUSY") << u"5"_s << ErrorCode::Locked << u"locked by another program"_s;
    QTest::newRow("SQLITE_BUSY_RECOVERY")
        << u"261"_s << ErrorCode::Locked << u"locked by another program"_s;
    QTest::newRow("SQLITE_BUSY_TIMEOUT")
        << u"773"_s << ErrorCode::Locked << u"locked by another program"_s;
    QTest::newRow("SQLITE_BUSY_SNAPSHOT")
        << u"517"_s << ErrorCode::Locked << u"changed by another program"_s;
    QTest::newRow("SQLITE_LOCKED") << u"6"_s << ErrorCode::Locked << u"another task"_s;
    QTest::newRow("SQLITE_LOCKED_SHAREDCACHE")
        << u"262"_s << ErrorCode::Locked << u"another task"_s;
    // Qt's transaction errors carry no code; the caller's text is all there is.
    QTest::newRow("no code") << QString() << ErrorCode::Storage << u"the driver text"_s;
}

void TestDatabase::describe()
{
    QFETCH(QString, nativeCode);
    QFETCH(ErrorCode, code);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"x.db"_s);
    Database db;
    QString error;
    QVERIFY2(db.open(path, twoMigrations, &error), qPrintable(error));
    const QString text = db.describe(QSqlError(u"the driver text"_s, u"the database text"_s,
                                               QSqlError::StatementError, nativeCode));
    QVERIFY2(text.contains(path), qPrintable(text));
    QVERIFY2(text.contains(expected), qPrintable(text));
    QVERIFY2(!text.contains(u"-wal"_s), qPrintable(text)); // only when one is there
    QCOMPARE(db.describe(nativeCode.toInt()).code, code);
    // Without a text of the caller's, SQLite's words stand in (for support), never nothing.
    const QString bare = describeSqliteError(nativeCode.toInt(), path).message;
    QVERIFY2(!bare.contains(u"()"_s) && !bare.contains(u": ."_s), qPrintable(bare));
}

void TestDatabase::damagedBesideWalNamesIt()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"x.db"_s);
    QFile wal(path + u"-wal"_s);
    QVERIFY(wal.open(QIODevice::WriteOnly));
    wal.write("not empty");
    wal.close();
    const Error damaged = describeSqliteError(SQLITE_CORRUPT, path);
    QCOMPARE(damaged.code, ErrorCode::Damaged);
    QVERIFY2(damaged.message.contains(path + u"-wal"_s)
                 && damaged.message.contains(u"another copy"_s),
             qPrintable(damaged.message));
}

void TestDatabase::lockedWrite()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"x.db"_s);
    Database db;
    QString error;
    QVERIFY2(db.open(path, twoMigrations, &error), qPrintable(error));
    OtherConnection other(path);
    QVERIFY(other.exec("BEGIN IMMEDIATE; INSERT INTO b DEFAULT VALUES"));

    QElapsedTimer waited;
    waited.start();
    const Status begun = db.execScript(u"BEGIN IMMEDIATE"_s);
    QVERIFY(waited.elapsed() >= 250); // the busy timeout, not at once
    QVERIFY(!begun);
    QCOMPARE(begun.error().code, ErrorCode::Locked);
    QVERIFY2(begun.error().message.contains(path)
                 && begun.error().message.contains(u"Close that program"_s),
             qPrintable(begun.error().message));
    QVERIFY2(!begun.error().message.contains(u"database is locked"_s),
             qPrintable(begun.error().message));

    // Through QtSql too.
    QVERIFY(!db.exec(u"INSERT INTO b DEFAULT VALUES"_s, &error));
    QVERIFY2(error.contains(u"locked by another program"_s), qPrintable(error));
    QVERIFY2(!error.contains(u"database is locked"_s), qPrintable(error));
    const Result<QVariant> inserted = db.value(u"INSERT INTO b DEFAULT VALUES RETURNING id"_s);
    QVERIFY(!inserted);
    QCOMPARE(inserted.error().code, ErrorCode::Locked);

    QVERIFY(other.exec("COMMIT"));
    QVERIFY2(db.exec(u"INSERT INTO b DEFAULT VALUES"_s, &error), qPrintable(error));
    QCOMPARE(intValue(db, u"SELECT count(*) FROM b"_s), 2);
}

void TestDatabase::lockedOpen_data()
{
    QTest::addColumn<Database::Mode>("mode");
    QTest::addColumn<QByteArray>("lock");
    // Ways another program keeps even readers out (the sqlite3 shell can do both).
    const QByteArray exclusiveWal = "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; "
                                    "INSERT INTO b DEFAULT VALUES";
    const QByteArray rollbackJournal = "PRAGMA journal_mode=DELETE; BEGIN EXCLUSIVE; "
                                       "INSERT INTO b DEFAULT VALUES";
    QTest::newRow("read-write, exclusive WAL") << Database::Mode::ReadWrite << exclusiveWal;
    QTest::newRow("read-write, rollback journal") << Database::Mode::ReadWrite << rollbackJournal;
    QTest::newRow("read-only, exclusive WAL") << Database::Mode::ReadOnly << exclusiveWal;
    // No -wal, yet not read as immutable: that would read the other program's changes half-made.
    QTest::newRow("read-only, rollback journal") << Database::Mode::ReadOnly << rollbackJournal;
}

void TestDatabase::lockedOpen()
{
    QFETCH(Database::Mode, mode);
    QFETCH(QByteArray, lock);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"x.db"_s);
    {
        Database db;
        QString error;
        QVERIFY2(db.open(path, twoMigrations, &error), qPrintable(error));
    }
    OtherConnection other(path);
    QVERIFY(other.exec(lock.constData()));
    Database db;
    const Status opened = db.open(path, steps(twoMigrations), mode);
    QVERIFY(!opened);
    QVERIFY(!db.isOpen());
    QCOMPARE(opened.error().code, ErrorCode::Locked);
    QVERIFY2(opened.error().message.contains(path)
                 && !opened.error().message.contains(u"database is locked"_s),
             qPrintable(opened.error().message));
}

void TestDatabase::lockedMigration()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"x.db"_s);
    {
        Database db;
        QString error;
        QVERIFY2(db.open(path, twoMigrations.mid(0, 1), &error), qPrintable(error));
    }
    OtherConnection other(path);
    QVERIFY(other.exec("BEGIN IMMEDIATE; INSERT INTO a (x) VALUES ('other')"));
    Database db;
    const Status opened = db.open(path, steps(twoMigrations));
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, ErrorCode::Locked);
    QVERIFY2(!opened.error().message.contains(u"database is locked"_s),
             qPrintable(opened.error().message));
    QVERIFY(other.exec("COMMIT"));
    QString error;
    QVERIFY2(db.open(path, twoMigrations, &error), qPrintable(error));
    QCOMPARE(intValue(db, u"SELECT count(*) FROM a"_s), 2);
}

void TestDatabase::foreignWalRefused()
{
    // The -wal of a file with other pages (the catalog's beside the ledger, a file of another
    // program): SQLite would copy its pages into this file.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"x.db"_s);
    {
        Database db;
        QVERIFY(db.open(path, steps(twoMigrations), Database::Mode::ReadWrite, 4096).ok());
    }
    const QString other = dir.filePath(u"other.db"_s);
    QVERIFY(copyWithWal(dir.filePath(u"source.db"_s), other, 8192));
    QVERIFY(QFile::copy(other + u"-wal"_s, path + u"-wal"_s));
    const QByteArray file = sha256Of(path);
    const QByteArray wal = sha256Of(path + u"-wal"_s);

    for (const Database::Mode mode : {Database::Mode::ReadWrite, Database::Mode::ReadOnly}) {
        Database db;
        const Status opened = db.open(path, steps(twoMigrations), mode);
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::Damaged);
        QVERIFY2(opened.error().message.contains(path + u"-wal does not belong to"_s)
                     && opened.error().message.contains(u"8192"_s)
                     && opened.error().message.contains(u"4096"_s),
                 qPrintable(opened.error().message));
    }
    QCOMPARE(sha256Of(path), file);
    QCOMPARE(sha256Of(path + u"-wal"_s), wal);
    QVERIFY(!QFile::exists(path + u"-shm"_s));

    // Its own -wal (a power cut) is replayed, as it must be.
    const QString crashed = dir.filePath(u"crashed.db"_s);
    QVERIFY(copyWithWal(dir.filePath(u"till.db"_s), crashed, 8192));
    Database db;
    QString error;
    QVERIFY2(db.open(crashed, twoMigrations, &error), qPrintable(error));
    QCOMPARE(intValue(db, u"SELECT count(*) FROM a WHERE x = 'in the wal'"_s), 1);
}

void TestDatabase::refusedFileKeepsItsWal()
{
    // Refused after SQLite read it: the -wal is not copied into the file on close, so the file
    // stays as it was found (the -wal may belong to another copy).
    QTemporaryDir dir;
    const QString path = dir.filePath(u"x.db"_s);
    QVERIFY(copyWithWal(dir.filePath(u"source.db"_s), path, 4096));
    const QByteArray file = sha256Of(path);
    const QByteArray wal = sha256Of(path + u"-wal"_s);
    Database db;
    const Status opened = db.open(path, {}); // knows no schema: the file is too new
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, ErrorCode::TooNew);
    QCOMPARE(sha256Of(path), file);
    QCOMPARE(sha256Of(path + u"-wal"_s), wal);
}

void TestDatabase::prepareDataDir()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(u"a/b/data"_s);
    QString error;
    QVERIFY2(smartpos::prepareDataDir(data, &error), qPrintable(error));
    QVERIFY(QFileInfo(data).isDir());
    QCOMPARE(modeOf(data), ownerOnly | QFileDevice::ExeOwner);
    // An existing folder is fine and stays as it is.
    QVERIFY(smartpos::prepareDataDir(data, &error));
}

void TestDatabase::prepareDataDirOnFile()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"data"_s);
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    QString error;
    QVERIFY(!smartpos::prepareDataDir(file, &error));
    QVERIFY2(error.contains(file) && error.contains(u"not a folder"_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
