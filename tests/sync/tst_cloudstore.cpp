// smartpos-cloud's storage (sync/server/cloudstore.h) on its own, where the tests set the time:
// database addresses, pairing codes that expire, are typed sloppily or spent, the schema migrated
// once, and nonces forgotten after twice the allowed skew.
#include "sync/server/cloudstore.h"
#include "testsupport.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace smartpos;
using namespace smartpos::cloud;
using namespace Qt::StringLiterals;

class TestCloudStore : public QObject {
    Q_OBJECT
private slots:
    void init();
    void databaseAddresses();
    void theFileIsOwnersOnlyAndMigratedOnce();
    void pairingCodes();
    void anExpiredCodeIsRefused();
    void noncesAreForgottenAfterTheWindow();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CloudStore> m_store;
    QString m_path;
};

namespace {
const QDateTime now(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);
} // namespace

void TestCloudStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(u"cloud.db"_s);
    m_store = std::make_unique<CloudStore>();
    QVERIFY_OK(m_store->open(*DatabaseUrl::parse(m_path)));
}

void TestCloudStore::databaseAddresses()
{
    const Result<DatabaseUrl> postgres =
        DatabaseUrl::parse(u"postgresql://chain:s%40cret@db.example:6543/smartpos"_s);
    QVERIFY(postgres.ok());
    QCOMPARE(postgres->kind, DatabaseUrl::Kind::Postgres);
    QCOMPARE(postgres->host, u"db.example"_s);
    QCOMPARE(postgres->port, 6543);
    QCOMPARE(postgres->user, u"chain"_s);
    QCOMPARE(postgres->password, u"s@cret"_s);
    QCOMPARE(postgres->database, u"smartpos"_s);
    QVERIFY(!postgres->display().contains(u"cret"_s)); // never printed
    QCOMPARE(DatabaseUrl::parse(u"postgres://u@h/d"_s)->port, 5432);
    QCOMPARE(DatabaseUrl::parse(u"/var/lib/cloud.db"_s)->kind, DatabaseUrl::Kind::Sqlite);
    QVERIFY(!DatabaseUrl::parse(u"postgresql://host-without-database"_s).ok());
    QVERIFY(!DatabaseUrl::parse(u"  "_s).ok());
}

void TestCloudStore::theFileIsOwnersOnlyAndMigratedOnce()
{
    QCOMPARE(QFileInfo(m_path).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
    QCOMPARE(m_store->schemaVersion(), 1);
    CloudStore again;
    QVERIFY_OK(again.open(*DatabaseUrl::parse(m_path)));
    QCOMPARE(again.schemaVersion(), 1);
}

void TestCloudStore::pairingCodes()
{
    const Result<QString> code = m_store->createPairingCode(u"Store 1"_s, now.addDays(1), now);
    QVERIFY_OK(code);
    QVERIFY2(QRegularExpression(u"^[A-Z0-9]{5}-[A-Z0-9]{5}$"_s).match(*code).hasMatch(),
             qPrintable(*code));
    // Typed in lower case, without the dash: the same code.
    QString sloppy = code->toLower();
    sloppy.remove(u'-');
    const Result<Terminal> terminal = m_store->enroll({sloppy, u"ledger-a"_s}, now);
    QVERIFY_OK(terminal);
    QCOMPARE(terminal->store, u"Store 1"_s);
    QCOMPARE(terminal->secret.size(), sync::secretBytes);
    const Result<Terminal> reused = m_store->enroll({*code, u"ledger-b"_s}, now);
    QVERIFY(!reused.ok());
    QCOMPARE(reused.error().code, ErrorCode::Conflict);
    const Result<Terminal> unknown = m_store->enroll({u"AAAAA-AAAAA"_s, u"ledger-b"_s}, now);
    QCOMPARE(unknown.error().code, ErrorCode::NotFound);
    // One ledger, one terminal: the same till cannot enrol twice with a fresh code.
    const Result<QString> fresh = m_store->createPairingCode(u"Store 1"_s, now.addDays(1), now);
    QCOMPARE(m_store->enroll({*fresh, u"ledger-a"_s}, now).error().code, ErrorCode::Conflict);
    const Result<Terminal> second = m_store->enroll({*fresh, u"ledger-b"_s}, now);
    QVERIFY_OK(second);
    QVERIFY(second->id != terminal->id);
}

void TestCloudStore::anExpiredCodeIsRefused()
{
    const Result<QString> code = m_store->createPairingCode(u"Store 1"_s, now.addSecs(3600), now);
    const Result<Terminal> late = m_store->enroll({*code, u"ledger-a"_s}, now.addSecs(3601));
    QVERIFY(!late.ok());
    QCOMPARE(late.error().code, ErrorCode::InvalidInput);
    QVERIFY(late.error().message.contains(u"expired"_s));
    QVERIFY_OK(m_store->enroll({*code, u"ledger-a"_s}, now.addSecs(3599)));
}

void TestCloudStore::noncesAreForgottenAfterTheWindow()
{
    QCOMPARE(*m_store->rememberNonce(u"T-1"_s, "n1", now), true);
    QCOMPARE(*m_store->rememberNonce(u"T-1"_s, "n1", now.addSecs(30)), false);
    QCOMPARE(*m_store->rememberNonce(u"T-2"_s, "n1", now), true); // per terminal
    // Past twice the skew a request with that nonce is stale anyway: the nonce may go.
    QCOMPARE(*m_store->rememberNonce(u"T-1"_s, "n1", now.addSecs(2 * sync::allowedSkewSeconds + 1)),
             true);
}

QTEST_GUILESS_MAIN(TestCloudStore)
#include "tst_cloudstore.moc"
