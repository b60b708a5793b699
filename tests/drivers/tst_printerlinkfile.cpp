// A file:// printer link in a temp dir: bytes written and appended, clear messages for a folder,
// a missing folder and a missing file, a file removed and back, and a FIFO standing in for a
// device that takes data slowly or goes away mid-job.
#include "transport/printerlink.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <memory>

using namespace smartpos::devices;
using namespace Qt::StringLiterals;
using State = PrinterLink::State;

namespace {

std::unique_ptr<PrinterLink> fileLink(const QString &path)
{
    QString error;
    auto link = PrinterLink::create(u"file://"_s + path, &error);
    if (!link)
        qFatal("%s", qPrintable(error));
    return link;
}

bool createFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly);
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray jobBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(i * 31 + 7);
    return bytes;
}

} // namespace

class TestPrinterLinkFile : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void writesAndAppends()
    {
        const QString path = m_dir.filePath(u"receipts.bin"_s);
        QVERIFY(createFile(path));
        auto link = fileLink(path);
        QCOMPARE(link->uri(), u"file://"_s + path);
        QVERIFY(!link->supportsStatus());
        QSignalSpy written(link.get(), &PrinterLink::written);
        QSignalSpy failed(link.get(), &PrinterLink::failed);
        QSignalSpy status(link.get(), &PrinterLink::statusChanged);
        link->open();
        QTRY_COMPARE(link->state(), State::Ready);

        const QByteArray first = jobBytes(1 << 20);
        link->send(1, first);
        QTRY_COMPARE(written.size(), 1);
        QCOMPARE(fileBytes(path), first);
        link->send(2, "second"_ba);
        QTRY_COMPARE(written.size(), 2);
        QCOMPARE(written.at(1).at(0).toLongLong(), 2);
        QCOMPARE(fileBytes(path), first + "second"_ba);

        link->queryStatus(); // a file cannot answer: nothing comes
        QTest::qWait(50);
        QCOMPARE(status.size(), 0);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(link->state(), State::Ready);
    }

    void clearMessages_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        const QString folder = m_dir.path();
        QTest::newRow("a folder") << folder << u"%1 is a folder, not a printer"_s.arg(folder);
        const QString missing = m_dir.filePath(u"missing"_s);
        QTest::newRow("a missing folder")
            << missing + u"/lp0"_s
            << u"Cannot open %1/lp0: the folder %1 does not exist"_s.arg(missing);
        QTest::newRow("a missing file")
            << missing
            << u"%1 does not exist: is the printer plugged in and switched on?"_s.arg(missing);
        const QString fifo = m_dir.filePath(u"fifo-without-reader"_s);
        QTest::newRow("a FIFO nobody reads")
            << fifo << u"No printer answers at %1: is it plugged in and switched on?"_s.arg(fifo);
    }

    void clearMessages()
    {
        QFETCH(QString, path);
        QFETCH(QString, message);
        if (path.endsWith(u"fifo-without-reader"))
            QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0 || errno == EEXIST);
        auto link = fileLink(path);
        QSignalSpy states(link.get(), &PrinterLink::stateChanged);
        QSignalSpy failed(link.get(), &PrinterLink::failed);
        link->open();
        QTRY_COMPARE(link->state(), State::Unavailable);
        QCOMPARE(link->stateMessage(), message);
        QCOMPARE(states.last().at(1).toString(), message);
        link->send(1, "x"_ba);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(1).toString(), message);
        QVERIFY(!QFileInfo(path).isFile()); // nothing was created
    }

    void missingFileAppears()
    {
        const QString path = m_dir.filePath(u"later.bin"_s);
        auto link = fileLink(path);
        link->open();
        QTRY_COMPARE(link->state(), State::Unavailable);
        QVERIFY(createFile(path));
        QTRY_COMPARE_WITH_TIMEOUT(link->state(), State::Ready, 5000);
    }

    void removedAndBack()
    {
        const QString path = m_dir.filePath(u"lp0"_s);
        QVERIFY(createFile(path));
        auto link = fileLink(path);
        QSignalSpy written(link.get(), &PrinterLink::written);
        QSignalSpy failed(link.get(), &PrinterLink::failed);
        link->open();
        QTRY_COMPARE(link->state(), State::Ready);
        link->send(1, "first"_ba);
        QTRY_COMPARE(written.size(), 1);

        QVERIFY(QFile::remove(path)); // unplugged: noticed without a job
        QTRY_COMPARE(link->state(), State::Unavailable);
        QCOMPARE(link->stateMessage(), u"%1 is gone: was the printer unplugged?"_s.arg(path));
        link->send(2, "lost"_ba);
        QTRY_COMPARE(failed.size(), 1);

        QVERIFY(createFile(path)); // plugged back
        QTRY_COMPARE_WITH_TIMEOUT(link->state(), State::Ready, 5000);
        link->send(3, "second"_ba);
        QTRY_COMPARE(written.size(), 2);
        QCOMPARE(written.at(1).at(0).toLongLong(), 3);
        QCOMPARE(fileBytes(path), "second"_ba);

        // Replaced between two jobs: the job notices before it writes to the old file.
        QVERIFY(QFile::remove(path));
        QVERIFY(createFile(path));
        link->send(4, "third"_ba);
        QTRY_COMPARE(failed.size() + written.size(), 4);
        QTRY_COMPARE_WITH_TIMEOUT(link->state(), State::Ready, 5000);
        QVERIFY(fileBytes(path).isEmpty());
    }

    // A FIFO behaves like /dev/usb/lp0: its reader takes data at its own pace, and can go away.
    // The job is sent the moment the link is Ready, from its stateChanged signal.
    void slowDeviceAndGone()
    {
        const QString path = m_dir.filePath(u"fifo"_s);
        QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
        const int reader = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK);
        QVERIFY(reader >= 0);
        auto link = fileLink(path);
        QSignalSpy written(link.get(), &PrinterLink::written);
        QSignalSpy failed(link.get(), &PrinterLink::failed);
        const QByteArray job = jobBytes(1 << 20); // sixteen times what the pipe holds
        connect(link.get(), &PrinterLink::stateChanged, this, [&](State state) {
            if (state == State::Ready && written.isEmpty())
                link->send(1, job);
        });
        link->open();
        QTRY_COMPARE(link->state(), State::Ready);
        QTest::qWait(200);
        QCOMPARE(written.size(), 0); // the reader has taken nothing yet

        QByteArray received;
        char buffer[4096];
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (ssize_t n; (n = ::read(reader, buffer, sizeof buffer)) > 0;)
                    received.append(buffer, n);
                return received.size() == job.size() && written.size() == 1;
            }(),
            10000);
        QCOMPARE(received, job);

        link->send(2, job);
        QTRY_VERIFY(::read(reader, buffer, sizeof buffer) > 0); // the job is under way
        ::close(reader);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).toLongLong(), 2);
        QCOMPARE(failed.at(0).at(1).toString(),
                 u"Cannot write to %1: %2"_s.arg(path, qt_error_string(EPIPE)));
        QCOMPARE(written.size(), 1);
        QTRY_COMPARE(link->state(), State::Unavailable);
        link->close();
        QCOMPARE(link->state(), State::Closed);
    }

    // A job that fits in the pipe whole is not the reader's until it reads it: written waits
    // (a FIFO polls writable while the pipe still has room).
    void smallJobInAFifoWaitsForTheReader()
    {
        const QString path = m_dir.filePath(u"fifo-small"_s);
        QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
        const int reader = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK);
        QVERIFY(reader >= 0);
        auto link = fileLink(path);
        QSignalSpy written(link.get(), &PrinterLink::written);
        link->open();
        QTRY_COMPARE(link->state(), State::Ready);
        const QByteArray job = jobBytes(1000);
        link->send(1, job);
        QTest::qWait(300);
        QCOMPARE(written.size(), 0);
        char buffer[4096];
        QCOMPARE(::read(reader, buffer, sizeof buffer), ssize_t(job.size()));
        QTRY_COMPARE(written.size(), 1);
        ::close(reader);
    }
};

QTEST_GUILESS_MAIN(TestPrinterLinkFile)
#include "tst_printerlinkfile.moc"
