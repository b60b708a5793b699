// kill -9 of the real till while it prints a receipt: after the restart the receipt prints again,
// whole; a duplicate is allowed, a lost receipt never. The printer is a FIFO behind a file://
// link, with a pipe of one page, less than the receipt: the till writes the first page, waits
// for the "printer" to take it, and is killed there. Its print job must still be pending; the
// next start must send the receipt from its first byte to its cut, and only then mark it
// printed.
#include "ledger/printqueue.h"
#include "services/appdata.h"
#include "services/salesession.h"
#include "sim/escposparser.h"
#include "sim/jobrender.h"

#include "testsupport.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {

const QString tillPath = QStringLiteral(SMARTPOS_BIN_DIR "/smartpos");
const QString demoCatalog = QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-catalog.csv");
constexpr int kPipeSize = 4096;
constexpr int kSaleCodes = 80; // a receipt of about 9 KB, two pipe pages and more
constexpr int kDotWidth = 576; // 80 mm, the default printer/width_mm
constexpr int kWaitMs = 60000; // the GUI starting on a loaded machine

// The reading end of a FIFO. It is opened before the till opens the writing end (a file:// link
// cannot open a FIFO nobody reads: ENXIO) and stays open across the kill.
class Fifo {
public:
    explicit Fifo(QString path)
        : m_path(std::move(path))
    {
    }
    ~Fifo()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Fifo(const Fifo &) = delete;
    Fifo &operator=(const Fifo &) = delete;

    // Empty, or why not.
    QString open(int pipeSize)
    {
        const QByteArray path = QFile::encodeName(m_path);
        if (::mkfifo(path.constData(), 0600) != 0)
            return u"mkfifo: "_s + QString::fromLocal8Bit(std::strerror(errno));
        m_fd = ::open(path.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (m_fd < 0)
            return u"open: "_s + QString::fromLocal8Bit(std::strerror(errno));
        m_size = ::fcntl(m_fd, F_SETPIPE_SZ, pipeSize);
        if (m_size < 0)
            return u"F_SETPIPE_SZ: "_s + QString::fromLocal8Bit(std::strerror(errno));
        return {};
    }
    QString uri() const { return u"file://"_s + m_path; }
    int size() const { return m_size; }
    // Bytes in the pipe.
    int queued() const
    {
        int bytes = 0;
        return ::ioctl(m_fd, FIONREAD, &bytes) == 0 ? bytes : -1;
    }
    // Whatever the pipe holds now.
    QByteArray take()
    {
        QByteArray bytes;
        char chunk[kPipeSize];
        for (;;) {
            const ssize_t n = ::read(m_fd, chunk, sizeof chunk);
            if (n > 0)
                bytes.append(chunk, n);
            else if (n == 0 || errno != EINTR) // no writer, or EAGAIN: empty for now
                return bytes;
        }
    }

private:
    const QString m_path;
    int m_fd = -1;
    int m_size = 0;
};

struct SoldSale {
    qint64 seq = 0;
    QString receiptCode;
};

// What a till leaves behind when it dies right after a sale: the cash sale committed, its receipt
// job queued and not printed. Made with the libraries; everything is closed on return.
QString sellOneSale(const QString &dataDir, const QString &keyDir, SoldSale *sold)
{
    AppData data;
    if (const Status opened = data.open(dataDir, keyDir); !opened)
        return opened.error().message;
    if (!data.catalog.importCsv(demoCatalog).ok)
        return u"the demo catalog does not import"_s;
    SaleSession session(data.catalog, data.ledger, data.clock, data.config.rules);
    for (const QString &code : data.catalog.someCodes(kSaleCodes))
        if (const Result<int> scanned = session.scan(code); !scanned)
            return scanned.error().message;
    if (const Status tender = session.beginTender(); !tender)
        return tender.error().message;
    if (const Status paid = session.payCash(session.total()); !paid)
        return paid.error().message;
    sold->seq = session.lastPaid()->seq;
    sold->receiptCode = data.ledger.receiptCodes().codeFor(sold->seq);
    return {};
}

// The oldest job not printed, as the till's spooler sees it.
Result<std::optional<PrintJob>> unprinted(const QString &dataDir)
{
    PrintQueue queue;
    if (const Status opened = queue.open(dataDir); !opened)
        return opened.error();
    return queue.next();
}

bool startTill(QProcess &till, const QStringList &args)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    till.setProcessEnvironment(environment);
    till.setProcessChannelMode(QProcess::MergedChannels);
    till.start(tillPath, args);
    return till.waitForStarted(kWaitMs);
}

} // namespace

class TestPrintKill : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void killMidReceiptPrintsItAgain();
};

void TestPrintKill::initTestCase()
{
    QVERIFY2(QFileInfo(tillPath).isExecutable(), qPrintable(tillPath + u" is not built"_s));
}

void TestPrintKill::killMidReceiptPrintsItAgain()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QString dataDir = root.filePath(u"data"_s);
    const QString keyDir = root.filePath(u"keys"_s);
    SoldSale sold;
    const QString problem = sellOneSale(dataDir, keyDir, &sold);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    Fifo printer(root.filePath(u"printer"_s));
    const QString opened = printer.open(kPipeSize);
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
    QStringList args{u"--data-dir"_s, dataDir, u"--key-dir"_s, keyDir};
    args << u"--printer"_s << printer.uri();

    // The first start writes the first page of the receipt into the empty pipe, which then has
    // no room left: the till waits there with the job unfinished.
    QProcess killed;
    QVERIFY2(startTill(killed, args), qPrintable(killed.errorString()));
    const bool filled = QTest::qWaitFor(
        [&] {
            return printer.queued() == printer.size() || killed.state() == QProcess::NotRunning;
        },
        kWaitMs);
    QVERIFY2(filled && killed.state() == QProcess::Running,
             qPrintable(u"the pipe holds %1 of %2 bytes; the till says: %3"_s.arg(printer.queued())
                            .arg(printer.size())
                            .arg(QString::fromLocal8Bit(killed.readAll()))));
    killed.kill();
    QVERIFY(killed.waitForFinished(kWaitMs));
    QCOMPARE(killed.exitStatus(), QProcess::CrashExit);

    const auto pending = unprinted(dataDir);
    QVERIFY_OK(pending);
    QVERIFY2(pending->has_value(), "the receipt was marked printed, but half of it never left");
    QCOMPARE((*pending)->seq, sold.seq);
    const QByteArray firstPage = printer.take();
    QCOMPARE(firstPage.size(), printer.size());

    // The second start sends the whole receipt while this process reads it.
    QProcess restarted;
    QVERIFY2(startTill(restarted, args), qPrintable(restarted.errorString()));
    QByteArray received;
    sim::EscPosParser parser(kDotWidth);
    QList<sim::PrintJob> jobs;
    const bool whole = QTest::qWaitFor(
        [&] {
            const QByteArray bytes = printer.take();
            received += bytes;
            parser.feed(bytes);
            jobs += parser.takeJobs();
            return !jobs.isEmpty() || restarted.state() == QProcess::NotRunning;
        },
        kWaitMs);
    QVERIFY2(whole && !jobs.isEmpty(),
             qPrintable(u"no whole receipt after the restart, %1 bytes came; the till says: %2"_s
                            .arg(received.size())
                            .arg(QString::fromLocal8Bit(restarted.readAll()))));
    QCOMPARE(jobs.size(), 1);
    QVERIFY(jobs.first().cut);
    // From its first byte (the page the kill interrupted is its start) to its cut, GS V 66 0.
    QVERIFY(received.size() > printer.size());
    QVERIFY(received.startsWith(firstPage));
    QVERIFY(received.endsWith(QByteArray("\x1dV\x42\x00", 4)));
    const QString receipt = sim::renderText(jobs.first(), kDotWidth);
    QVERIFY2(receipt.contains(u"%1"_s.arg(sold.seq, 6, 10, QLatin1Char('0')))
                 && receipt.contains(u"[QR %1]"_s.arg(sold.receiptCode)),
             qPrintable(receipt));
    // On the paper of a printer that kept its state across the kill: the half receipt, then
    // the whole one.
    sim::EscPosParser paper(kDotWidth);
    paper.feed(firstPage);
    paper.feed(received);
    const QList<sim::PrintJob> printed = paper.takeJobs();
    QCOMPARE(printed.size(), 1);
    QVERIFY(sim::renderText(printed.first(), kDotWidth).endsWith(receipt));

    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     const auto job = unprinted(dataDir);
                     return job && !job->has_value();
                 },
                 kWaitMs),
             "the receipt came out whole but stays unprinted in the queue");
    restarted.terminate();
    if (!restarted.waitForFinished(kWaitMs))
        restarted.kill();
}

QTEST_GUILESS_MAIN(TestPrintKill)
#include "tst_printkill.moc"
