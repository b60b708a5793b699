// Sales printed the way a till prints them: a real TCP link to the virtual printer
// (smartpos-printer-sim's PrinterSim on loopback, any free port), the ledger's print queue, and
// the receipt. Out of paper, a printer that goes away and a crash in the middle of a job: the
// sales stay saved, every receipt comes out in order, a lost one never.
#include "ledger/catalogstore.h"
#include "ledger/ledger.h"
#include "ledger/printqueue.h"
#include "printer/testpage.h"
#include "services/printspooler.h"
#include "services/salesession.h"
#include "sim/escposparser.h"
#include "sim/jobrender.h"
#include "sim/printersim.h"
#include "transport/printerlink.h"

#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <ZXing/ReadBarcode.h>

#include <memory>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {

const QString cola = u"6928804995534"_s;        // ¥3.00
const QString bananas500g = u"2210001005005"_s; // PLU 10001, 500 g at ¥11.96/kg

// The receipt context of the spooler under test.
ReceiptContext spoolerContext()
{
    ReceiptContext context;
    context.storeName = u"SmartPOS 便利店"_s;
    context.terminal = u"T01"_s;
    return context;
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString decodeQr(const QString &pngPath)
{
    const QImage grey = QImage(pngPath).convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(grey.constBits(), grey.width(), grey.height(),
                                ZXing::ImageFormat::Lum, int(grey.bytesPerLine()));
    const ZXing::Result result = ZXing::ReadBarcode(
        view, ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode).setTryHarder(true));
    return result.isValid() ? QString::fromStdWString(result.text()) : QString();
}

} // namespace

class TestPrintSpooler : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void cashSalePrintsItsReceiptAndOpensTheDrawer();
    void outOfPaperHoldsReceiptsInOrder();
    void paperRunningOutShowsBeforeTheNextSale();
    void printerGoneAndBack();
    void reprintSaysSo();
    void crashBeforeTheJobWasMarkedPrintsItAgain();
    void jobCutOffMidCommandPrintsWholeAfterTheFiller_data();
    void jobCutOffMidCommandPrintsWholeAfterTheFiller();

private:
    qint64 sellCash(const QStringList &codes, Money received);
    void startSpooler();
    void startPrinter(quint16 port = 0);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_keys;
    QString m_out;
    std::unique_ptr<CatalogStore> m_catalog;
    std::unique_ptr<Ledger> m_ledger;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SaleSession> m_session;
    std::unique_ptr<PrintQueue> m_queue;
    std::unique_ptr<sim::PrinterSim> m_printer;
    std::unique_ptr<devices::PrinterLink> m_link;
    std::unique_ptr<PrintSpooler> m_spooler;
    quint16 m_port = 0;
};

void TestPrintSpooler::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_keys = m_dir->filePath(u"keys"_s);
    m_out = m_dir->filePath(u"receipts"_s);
    m_catalog = std::make_unique<CatalogStore>();
    QVERIFY_OK(m_catalog->open(m_dir->path()));
    QVERIFY(
        m_catalog->importCsv(QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-catalog.csv")).ok);
    m_ledger = std::make_unique<Ledger>();
    QVERIFY_OK(m_ledger->open(m_dir->path(), m_keys));
    m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 11, 23), QTime(9, 30), Qt::UTC));
    m_session = std::make_unique<SaleSession>(*m_catalog, *m_ledger, *m_clock, StoreRules());
    m_queue = std::make_unique<PrintQueue>();
    QVERIFY_OK(m_queue->open(m_dir->path()));
    startPrinter();
    startSpooler();
}

void TestPrintSpooler::cleanup()
{
    m_spooler.reset();
    m_link.reset();
    m_printer.reset();
    m_queue.reset();
    m_session.reset();
    m_ledger.reset();
    m_catalog.reset();
    m_dir.reset();
}

void TestPrintSpooler::startPrinter(quint16 port)
{
    m_printer = std::make_unique<sim::PrinterSim>(m_out, 576);
    QVERIFY2(m_printer->listen(QHostAddress::LocalHost, port),
             qPrintable(m_printer->errorString()));
    m_port = m_printer->serverPort();
}

void TestPrintSpooler::startSpooler()
{
    QString error;
    m_link = devices::PrinterLink::create(u"tcp://127.0.0.1:%1"_s.arg(m_port), &error);
    QVERIFY2(m_link, qPrintable(error));
    m_spooler = std::make_unique<PrintSpooler>(*m_queue, *m_ledger, *m_link, *m_clock,
                                               spoolerContext(), escpos::PrinterProfile::mm80());
    m_spooler->setRetryInterval(100);
    m_spooler->start();
}

qint64 TestPrintSpooler::sellCash(const QStringList &codes, Money received)
{
    for (const QString &code : codes)
        if (!m_session->scan(code))
            return 0;
    if (!m_session->beginTender() || !m_session->payCash(received))
        return 0;
    const qint64 seq = m_session->lastPaid()->seq;
    m_session->startNextSale();
    m_spooler->jobQueued();
    return seq;
}

void TestPrintSpooler::cashSalePrintsItsReceiptAndOpensTheDrawer()
{
    QSignalSpy printed(m_printer.get(), &sim::PrinterSim::printed);
    QSignalSpy kicked(m_printer.get(), &sim::PrinterSim::drawerKicked);
    const qint64 seq = sellCash({cola, bananas500g}, Money::fromYuan(20));
    QVERIFY(seq > 0);
    QVERIFY(printed.wait(5000));
    QCOMPARE(kicked.size(), 1);
    QCOMPARE(m_spooler->pending(), 0);
    QVERIFY(m_spooler->problem().isEmpty());

    const QString text = readText(printed.first().at(1).toString());
    QVERIFY2(text.contains(u"可口可乐 330ml 罐装"_s) && text.contains(u"¥8.98"_s)
                 && text.contains(u"11.02"_s), // change
             qPrintable(text));
    // What the printer printed is the receipt document, line for line.
    const ReceiptDocument document = receiptFor(
        *m_ledger->loadSale(seq), seq, m_ledger->receiptCodes().codeFor(seq), spoolerContext());
    for (const QString &line : document.toText(48).split(u'\n', Qt::SkipEmptyParts))
        if (!line.startsWith(u"[QR"_s))
            QVERIFY2(text.contains(line.trimmed()), qPrintable(line));
    // SMARTPOS_SCREENSHOT_DIR keeps the printed receipt (docs/receipt-80mm.png comes from here).
    if (const QString keep = qEnvironmentVariable("SMARTPOS_SCREENSHOT_DIR"); !keep.isEmpty()) {
        QDir().mkpath(keep);
        QFile::remove(keep + u"/receipt-80mm.png"_s);
        QFile::copy(printed.first().at(0).toString(), keep + u"/receipt-80mm.png"_s);
    }
    // The QR on the paper is this sale's receipt code, and it checks.
    const QString code = decodeQr(printed.first().at(0).toString());
    QCOMPARE(code, m_ledger->receiptCodes().codeFor(seq));
    QCOMPARE(*m_ledger->receiptCodes().check(code), seq);
}

void TestPrintSpooler::outOfPaperHoldsReceiptsInOrder()
{
    QSignalSpy printed(m_printer.get(), &sim::PrinterSim::printed);
    QSignalSpy changed(m_spooler.get(), &PrintSpooler::changed);
    m_printer->command(u"paper out");
    const qint64 first = sellCash({cola}, Money::fromYuan(5));
    const qint64 second = sellCash({bananas500g}, Money::fromYuan(10));
    QVERIFY(first > 0 && second > first);
    QTRY_VERIFY(m_spooler->problem().contains(u"out of paper"_s));
    QCOMPARE(m_spooler->pending(), 2);
    QTest::qWait(300); // retries go on: still nothing printed, nothing lost
    QCOMPARE(printed.size(), 0);
    QCOMPARE(m_ledger->verify().entries, 2);

    m_printer->command(u"paper in");
    QTRY_COMPARE_WITH_TIMEOUT(printed.size(), 2, 5000);
    QTRY_VERIFY(m_spooler->problem().isEmpty());
    QCOMPARE(m_spooler->pending(), 0);
    QVERIFY(readText(printed.at(0).at(1).toString()).contains(u"000001"_s));
    QVERIFY(readText(printed.at(1).at(1).toString()).contains(u"000002"_s));
}

void TestPrintSpooler::paperRunningOutShowsBeforeTheNextSale()
{
    m_spooler->setPollInterval(100);
    QTest::qWait(300);
    QVERIFY(m_spooler->problem().isEmpty());
    m_printer->command(u"paper out"); // no sale waiting: the idle spooler notices by itself
    QTRY_VERIFY(m_spooler->problem().contains(u"out of paper"_s));
    QTest::qWait(500); // and it stays up while the paper is out
    QVERIFY(m_spooler->problem().contains(u"out of paper"_s));
    m_printer->command(u"paper in");
    QTRY_VERIFY(m_spooler->problem().isEmpty());
}

void TestPrintSpooler::printerGoneAndBack()
{
    const quint16 port = m_port;
    m_printer.reset(); // switched off
    const qint64 seq = sellCash({cola}, Money::fromYuan(3));
    QVERIFY(seq > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!m_spooler->problem().isEmpty(), 5000);
    QCOMPARE(m_spooler->pending(), 1);

    startPrinter(port); // switched on again at the same address
    QSignalSpy printed(m_printer.get(), &sim::PrinterSim::printed);
    QVERIFY(printed.wait(10000));
    QTRY_VERIFY(m_spooler->problem().isEmpty());
    QCOMPARE(m_spooler->pending(), 0);
}

void TestPrintSpooler::reprintSaysSo()
{
    QSignalSpy printed(m_printer.get(), &sim::PrinterSim::printed);
    QSignalSpy kicked(m_printer.get(), &sim::PrinterSim::drawerKicked);
    const qint64 seq = sellCash({cola}, Money::fromYuan(3));
    QVERIFY(printed.wait(5000));
    QVERIFY(m_spooler->reprint(seq));
    QTRY_COMPARE_WITH_TIMEOUT(printed.size(), 2, 5000);
    const QString copy = readText(printed.at(1).at(1).toString());
    QVERIFY2(copy.contains(u"重印"_s) && copy.contains(u"REPRINT"_s), qPrintable(copy));
    QCOMPARE(kicked.size(), 1); // a reprint does not open the drawer
}

void TestPrintSpooler::crashBeforeTheJobWasMarkedPrintsItAgain()
{
    QSignalSpy printed(m_printer.get(), &sim::PrinterSim::printed);
    m_printer->command(u"paper out");
    const qint64 seq = sellCash({cola}, Money::fromYuan(3));
    QVERIFY(seq > 0);
    QTRY_VERIFY(m_spooler->problem().contains(u"out of paper"_s));
    // The till dies (kill -9) with the receipt unprinted; it starts again.
    m_spooler.reset();
    m_link.reset();
    m_printer->command(u"paper in");
    startSpooler();
    QTRY_COMPARE_WITH_TIMEOUT(printed.size(), 1, 5000);
    QVERIFY(readText(printed.first().at(1).toString())
                .contains(u"%1"_s.arg(seq, 6, 10, QLatin1Char('0'))));
    QTRY_COMPARE(m_spooler->pending(), 0);
}

void TestPrintSpooler::jobCutOffMidCommandPrintsWholeAfterTheFiller_data()
{
    QTest::addColumn<bool>("mm58");
    QTest::addColumn<bool>("logo");
    QTest::newRow("80 mm, native QR") << false << false;
    QTest::newRow("58 mm, raster QR") << true << false;
    QTest::newRow("80 mm, logo") << false << true;
}

// A crash or a pulled cable can stop a job anywhere, also inside a command's data (a QR code's
// length, a raster band). What the spooler sends first on the next connection must bring the
// printer back to the start of a command, so that the job sent again prints whole.
void TestPrintSpooler::jobCutOffMidCommandPrintsWholeAfterTheFiller()
{
    QFETCH(bool, mm58);
    QFETCH(bool, logo);
    escpos::PrinterProfile profile =
        mm58 ? escpos::PrinterProfile::mm58() : escpos::PrinterProfile::mm80();
    profile.nativeQr = !mm58;
    ReceiptContext context = spoolerContext();
    if (logo)
        context.logo = escpos::ringsBitmap(144);
    const qint64 seq = sellCash({cola, bananas500g}, Money::fromYuan(20));
    QVERIFY(seq > 0);
    const QByteArray job =
        receiptFor(*m_ledger->loadSale(seq), seq, m_ledger->receiptCodes().codeFor(seq), context)
            .toEscPos(profile);
    const QByteArray filler = escpos::resyncFiller(profile, logo);

    const auto printedText = [&](const QByteArray &bytes) {
        sim::EscPosParser paper(profile.dotsPerLine);
        paper.feed(bytes);
        const QList<sim::PrintJob> jobs = paper.takeJobs();
        return jobs.isEmpty() ? QString() : sim::renderText(jobs.last(), profile.dotsPerLine);
    };
    const QString whole = printedText(job);
    QVERIFY(whole.contains(u"可口可乐"_s));
    // Every cut inside a command's header or near it (GS: QR codes, raster bands), and a spread
    // of cuts everywhere else.
    QList<qsizetype> cuts;
    for (qsizetype at = 0; (at = job.indexOf('\x1d', at)) >= 0; ++at)
        for (int offset = 1; offset <= 10 && at + offset < job.size(); ++offset)
            cuts << at + offset;
    for (qsizetype at = 1; at < job.size(); at += 61)
        cuts << at;
    for (const qsizetype cut : std::as_const(cuts)) {
        const QString printed = printedText(job.left(cut) + filler + job);
        QVERIFY2(
            printed.endsWith(whole),
            qPrintable(
                u"cut at byte %1 of %2:\n%3"_s.arg(cut).arg(job.size()).arg(printed.right(400))));
    }
}

QTEST_MAIN(TestPrintSpooler)
#include "tst_printspooler.moc"
