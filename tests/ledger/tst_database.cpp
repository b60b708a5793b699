#include "ledger/database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {
constexpr auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr auto othersMask = QFileDevice::ReadGroup | QFileDevice::WriteGroup
                            | QFileDevice::ExeGroup | QFileDevice::ReadOther
                            | QFileDevice::WriteOther | QFileDevice::ExeOther;

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
} // namespace

class TestDatabase : public QObject {
    Q_OBJECT

private slots:
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
    void prepareDataDir();
    void prepareDataDirOnFile();
};

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
    QVERIFY(QFile::setPermissions(path, ownerOnly | QFileDevice::ReadGroup
                                            | QFileDevice::ReadOther));
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
    QTest::addColumn<QString>("expected");
    QTest::newRow("SQLITE_FULL") << u"13"_s << u"full"_s;
    QTest::newRow("SQLITE_READONLY") << u"8"_s << u"read-only"_s;
    QTest::newRow("SQLITE_CORRUPT") << u"11"_s << u"damaged"_s;
    QTest::newRow("SQLITE_NOTADB") << u"26"_s << u"damaged"_s;
    QTest::newRow("SQLITE_CANTOPEN") << u"14"_s << u"Cannot open"_s;
    QTest::newRow("SQLITE_IOERR_WRITE") << u"778"_s << u"disk reported an error"_s;
    QTest::newRow("SQLITE_READONLY_DBMOVED") << u"1032"_s << u"read-only"_s;
    QTest::newRow("SQLITE_CONSTRAINT") << u"19"_s << u"the driver text"_s;
}

void TestDatabase::describe()
{
    QFETCH(QString, nativeCode);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"x.db"_s);
    Database db;
    QString error;
    QVERIFY2(db.open(path, twoMigrations, &error), qPrintable(error));
    const QString text = db.describe(
        QSqlError(u"the driver text"_s, u"the database text"_s, QSqlError::StatementError,
                  nativeCode));
    QVERIFY2(text.contains(path), qPrintable(text));
    QVERIFY2(text.contains(expected), qPrintable(text));
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
