// One writing process per data folder (app/ledger/datadirlock.h): the kernel's lock on
// smartpos.lock, released whatever ends its process.
#include "core/result.h"
#include "ledger/datadirlock.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <sys/wait.h>
#include <unistd.h>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {
QString lockPath(const QTemporaryDir &dir)
{
    return dir.filePath(u"smartpos.lock"_s);
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

// A process id that is not in use.
qint64 deadPid()
{
    for (qint64 pid = 4000000; pid > 1000; pid -= 7919)
        if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
            return pid;
    return -1;
}

// A child process that takes the lock, says so through a pipe, and then waits to be killed.
struct Holder {
    pid_t pid = -1;
    bool locked = false;

    explicit Holder(const QString &dataDir)
    {
        int fds[2];
        if (::pipe(fds) != 0)
            return;
        pid = ::fork();
        if (pid == 0) {
            ::close(fds[0]);
            DataDirLock lock;
            const char answer = lock.acquire(dataDir).ok() ? 'y' : 'n';
            (void)!::write(fds[1], &answer, 1);
            for (;;)
                ::pause();
        }
        ::close(fds[1]);
        char answer = 0;
        locked = pid > 0 && ::read(fds[0], &answer, 1) == 1 && answer == 'y';
        ::close(fds[0]);
    }
    void kill()
    {
        if (pid > 0) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
            pid = -1;
        }
    }
    ~Holder() { kill(); }
};
} // namespace

class TestDataDirLock : public QObject {
    Q_OBJECT

private slots:
    void firstHolderGetsIt();
    void secondHolderRefused();
    void releasedWithItsHolder();
    void heldByAnotherProcess();
    void takenOverFromDeadProcess();
    void staleLockFile_data();
    void staleLockFile();
    void missingFolder();
};

void TestDataDirLock::firstHolderGetsIt()
{
    QTemporaryDir dir;
    DataDirLock lock;
    QVERIFY(!lock.isHeld());
    const Status acquired = lock.acquire(dir.path());
    QVERIFY2(acquired.ok(), qPrintable(acquired.error().message));
    QVERIFY(lock.isHeld());
    QVERIFY(QFile::exists(lockPath(dir)));
    // It says who holds it.
    QVERIFY2(
        readFile(lockPath(dir)).contains(QByteArray::number(QCoreApplication::applicationPid())),
        readFile(lockPath(dir)).constData());
}

void TestDataDirLock::secondHolderRefused()
{
    QTemporaryDir dir;
    DataDirLock first;
    QVERIFY(first.acquire(dir.path()).ok());
    const QByteArray content = readFile(lockPath(dir));
    DataDirLock second;
    const Status refused = second.acquire(dir.path());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::Locked);
    QVERIFY(!second.isHeld());
    QVERIFY(first.isHeld());
    // The message names the holder and the folder.
    QVERIFY2(refused.error().message.contains(QString::number(QCoreApplication::applicationPid())),
             qPrintable(refused.error().message));
    QVERIFY2(refused.error().message.contains(dir.path()), qPrintable(refused.error().message));
    // Asking again does not steal it, nor does it overwrite what the lock file says.
    QCOMPARE(second.acquire(dir.path()).error().code, ErrorCode::Locked);
    QCOMPARE(readFile(lockPath(dir)), content);
}

void TestDataDirLock::releasedWithItsHolder()
{
    QTemporaryDir dir;
    {
        DataDirLock first;
        QVERIFY(first.acquire(dir.path()).ok());
    }
    DataDirLock second;
    const Status acquired = second.acquire(dir.path());
    QVERIFY2(acquired.ok(), qPrintable(acquired.error().message));
}

void TestDataDirLock::heldByAnotherProcess()
{
    QTemporaryDir dir;
    Holder holder(dir.path());
    QVERIFY(holder.locked);
    DataDirLock lock;
    const Status refused = lock.acquire(dir.path());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::Locked);
    QVERIFY2(refused.error().message.contains(QString::number(holder.pid)),
             qPrintable(refused.error().message));
    // kill -9: the kernel lets go.
    holder.kill();
    const Status acquired = lock.acquire(dir.path());
    QVERIFY2(acquired.ok(), qPrintable(acquired.error().message));
    QVERIFY(
        readFile(lockPath(dir)).contains(QByteArray::number(QCoreApplication::applicationPid())));
}

void TestDataDirLock::takenOverFromDeadProcess()
{
    QTemporaryDir dir;
    // A child takes the lock and ends without letting go (no destructor runs).
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        auto *lock = new DataDirLock; // never destroyed
        ::_exit(lock->acquire(dir.path()).ok() ? 0 : 1);
    }
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);
    QVERIFY(QFile::exists(lockPath(dir)));
    QVERIFY(readFile(lockPath(dir)).contains(QByteArray::number(child)));
    DataDirLock lock;
    const Status acquired = lock.acquire(dir.path());
    QVERIFY2(acquired.ok(), qPrintable(acquired.error().message));
    const QByteArray content = readFile(lockPath(dir));
    QVERIFY2(content.contains(QByteArray::number(QCoreApplication::applicationPid())),
             content.constData());
    QVERIFY2(!content.contains(QByteArray::number(child)), content.constData());
}

void TestDataDirLock::staleLockFile_data()
{
    QTest::addColumn<QByteArray>("content");
    const QByteArray pid = QByteArray::number(deadPid());
    const QByteArray host = QSysInfo::machineHostName().toUtf8();
    // What QLockFile (the previous implementation) wrote, for a process that is gone.
    QTest::newRow("QLockFile format") << pid + "\nsmartpos\n" + host + '\n'
                                             + QSysInfo::machineUniqueId() + '\n'
                                             + QSysInfo::bootUniqueId() + '\n';
    QTest::newRow("this format, dead process") << "smartpos, process " + pid + '\n';
    QTest::newRow("half written") << "smartpos, pro"_ba;
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("garbage") << QByteArray(300, '\xff');
}

void TestDataDirLock::staleLockFile()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    QVERIFY(writeFile(lockPath(dir), content));
    DataDirLock lock;
    const Status acquired = lock.acquire(dir.path());
    QVERIFY2(acquired.ok(), qPrintable(acquired.error().message));
    const QByteArray now = readFile(lockPath(dir));
    QVERIFY2(now.contains(QByteArray::number(QCoreApplication::applicationPid())), now.constData());
    QVERIFY2(now.size() < 100, now.constData()); // the old content is gone
    DataDirLock second;
    QCOMPARE(second.acquire(dir.path()).error().code, ErrorCode::Locked);
}

void TestDataDirLock::missingFolder()
{
    QTemporaryDir dir;
    DataDirLock lock;
    const Status refused = lock.acquire(dir.filePath(u"no/such/folder"_s));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::Storage);
    QVERIFY(!lock.isHeld());
}

QTEST_GUILESS_MAIN(TestDataDirLock)
#include "tst_datadirlock.moc"
