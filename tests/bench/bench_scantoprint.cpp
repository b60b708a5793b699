// Scan to receipt printed on the virtual printer over loopback. Each sale: 5 scans of random
// products of the 100k catalog, paid in cash (the ledger commit, synced), the receipt job through
// the real PrintSpooler and a tcp:// PrinterLink to a sim::PrinterSim on 127.0.0.1, until the sim
// has parsed the job and written its PNG and text (its printed signal). The sim runs in this
// process, on the same thread and event loop as the till side, so their work never overlaps:
// the total is the sum of both plus loopback.
// Each sale is timed on its own, split at the commit and at the link's written (the socket took
// every byte):
//   sale     scans and the payment committed
//   send     commit → written: the spooler's status query (answered by the sim), the receipt
//            rendered to ESC/POS, the bytes on the socket
//   printer  written → printed: the sim's parse, PNG and text rendering, file writes
// BM_SimPrintsReceipt times the sim's work on one of these receipts alone, by step.
#include "benchdata.h"
#include "ledger/catalogstore.h"
#include "ledger/ledger.h"
#include "ledger/printqueue.h"
#include "services/printspooler.h"
#include "services/salesession.h"
#include "sim/escposparser.h"
#include "sim/jobrender.h"
#include "sim/printersim.h"
#include "transport/printerlink.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>
#include <numeric>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kProducts = 100'000;
constexpr int kScans = 5;
constexpr int kDotWidth = 576; // 80 mm
constexpr int kTimeoutMs = 10000;

struct Phases {
    std::vector<double> sale, send, printer, total; // ns
};

struct Till {
    QTemporaryDir dir{bench::scratchTemplate(u"scantoprint"_s)};
    CatalogStore catalog;
    Ledger ledger;
    SystemClock clock;
    PrintQueue queue;
    std::unique_ptr<SaleSession> session;
    std::unique_ptr<sim::PrinterSim> printer;
    std::unique_ptr<devices::PrinterLink> link;
    std::unique_ptr<PrintSpooler> spooler;
    QStringList codes;
    QRandomGenerator random{20240601};
    qint64 lastSeq = 0;
    Phases phases;
};

std::unique_ptr<Till> till;

ReceiptContext receiptContext()
{
    ReceiptContext context;
    context.storeName = u"SmartPOS 便利店"_s;
    context.terminal = u"T01"_s;
    return context;
}

// One sale from its first scan to its receipt printed; false with *error when it did not print.
bool sellAndPrint(Till &t, Phases *phases, QString *error)
{
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    qint64 writtenNs = -1, printedNs = -1;
    QStringList files;
    QObject::connect(t.link.get(), &devices::PrinterLink::written, &loop,
                     [&] { writtenNs = clock.nsecsElapsed(); });
    QObject::connect(t.printer.get(), &sim::PrinterSim::printed, &loop,
                     [&](const QString &png, const QString &text) {
                         printedNs = clock.nsecsElapsed();
                         files = {png, text};
                         loop.quit();
                     });

    clock.start();
    for (int i = 0; i < kScans; ++i) {
        const QString &code = t.codes[t.random.bounded(int(t.codes.size()))];
        if (const Result<int> scanned = t.session->scan(code); !scanned) {
            *error = scanned.error().message;
            return false;
        }
    }
    Status paid = t.session->beginTender();
    if (paid)
        paid = t.session->payCash(t.session->total());
    if (!paid) {
        *error = paid.error().message;
        return false;
    }
    const qint64 committedNs = clock.nsecsElapsed();
    t.lastSeq = t.session->lastPaid()->seq;
    t.session->startNextSale();
    t.spooler->jobQueued();
    timeout.start(kTimeoutMs);
    loop.exec();
    if (printedNs < 0 || writtenNs < 0) {
        *error = u"no receipt within %1 ms: %2"_s.arg(kTimeoutMs).arg(t.spooler->problem());
        return false;
    }
    for (const QString &file : std::as_const(files))
        QFile::remove(file);
    phases->sale.push_back(double(committedNs));
    phases->send.push_back(double(writtenNs - committedNs));
    phases->printer.push_back(double(printedNs - writtenNs));
    phases->total.push_back(double(printedNs));
    return true;
}

Till *openTill(QString *error)
{
    if (till)
        return till.get();
    const QString catalogDir = bench::catalogDir(kProducts);
    if (catalogDir.isEmpty()) {
        *error = u"no catalog"_s;
        return nullptr;
    }
    auto t = std::make_unique<Till>();
    Status opened = t->catalog.open(catalogDir);
    if (opened)
        opened = t->ledger.open(t->dir.path(), t->dir.filePath(u"keys"_s));
    if (opened)
        opened = t->queue.open(t->dir.path());
    if (!opened) {
        *error = opened.error().message;
        return nullptr;
    }
    t->codes = t->catalog.someCodes(int(kProducts));
    t->session = std::make_unique<SaleSession>(t->catalog, t->ledger, t->clock, StoreRules());
    t->printer = std::make_unique<sim::PrinterSim>(t->dir.filePath(u"paper"_s), kDotWidth);
    if (!t->printer->listen(QHostAddress::LocalHost, 0)) {
        *error = t->printer->errorString();
        return nullptr;
    }
    t->link =
        devices::PrinterLink::create(u"tcp://127.0.0.1:%1"_s.arg(t->printer->serverPort()), error);
    if (!t->link)
        return nullptr;
    t->spooler = std::make_unique<PrintSpooler>(t->queue, t->ledger, *t->link, t->clock,
                                                receiptContext(), escpos::PrinterProfile::mm80());
    t->spooler->start();
    // The connection, the fonts and the page cache warm, as on a till that has been selling.
    Phases warmUp;
    for (int i = 0; i < 5; ++i)
        if (!sellAndPrint(*t, &warmUp, error))
            return nullptr;
    till = std::move(t);
    return till.get();
}

double medianMs(std::vector<double> samples)
{
    return bench::percentileNs(samples, 50) / 1e6;
}

double meanMs(const std::vector<double> &samples)
{
    return samples.empty() ? 0
                           : std::accumulate(samples.begin(), samples.end(), 0.0)
                                 / double(samples.size()) / 1e6;
}

void BM_ScanToPrinted(benchmark::State &state)
{
    QString error;
    Till *t = openTill(&error);
    if (!t) {
        state.SkipWithError(qPrintable(error));
        return;
    }
    Phases mine;
    for (auto _ : state) {
        if (!sellAndPrint(*t, &mine, &error)) {
            state.SkipWithError(qPrintable(error));
            return;
        }
        state.SetIterationTime(mine.total.back() / 1e9);
    }
    for (auto [phase, all] : {std::pair{&mine.sale, &t->phases.sale},
                              {&mine.send, &t->phases.send},
                              {&mine.printer, &t->phases.printer},
                              {&mine.total, &t->phases.total}})
        all->insert(all->end(), phase->begin(), phase->end());
    state.counters["p50_ms"] = medianMs(mine.total);
    state.counters["sale_ms"] = medianMs(mine.sale);
    state.counters["send_ms"] = medianMs(mine.send);
    state.counters["printer_ms"] = medianMs(mine.printer);
}

// The sim's work on the last receipt, encoded as the spooler encodes it, step by step.
void BM_SimPrintsReceipt(benchmark::State &state)
{
    QString error;
    Till *t = openTill(&error);
    if (!t) {
        state.SkipWithError(qPrintable(error));
        return;
    }
    const QByteArray bytes =
        receiptFor(*t->ledger.loadSale(t->lastSeq), t->lastSeq,
                   t->ledger.receiptCodes().codeFor(t->lastSeq), receiptContext())
            .toEscPos(escpos::PrinterProfile::mm80());
    std::vector<double> parse, png, text;
    QElapsedTimer clock;
    for (auto _ : state) {
        clock.start();
        sim::EscPosParser parser(kDotWidth);
        parser.feed(bytes);
        const QList<sim::PrintJob> jobs = parser.takeJobs();
        parse.push_back(double(clock.nsecsElapsed()));
        if (jobs.size() != 1) {
            state.SkipWithError("the receipt is not one job");
            return;
        }
        clock.start();
        QByteArray image;
        QBuffer buffer(&image);
        buffer.open(QIODevice::WriteOnly);
        sim::renderImage(jobs.first(), kDotWidth).save(&buffer, "PNG");
        png.push_back(double(clock.nsecsElapsed()));
        clock.start();
        benchmark::DoNotOptimize(sim::renderText(jobs.first(), kDotWidth));
        text.push_back(double(clock.nsecsElapsed()));
    }
    state.counters["bytes"] = double(bytes.size());
    state.counters["parse_ms"] = medianMs(parse);
    state.counters["png_ms"] = medianMs(png);
    state.counters["text_ms"] = medianMs(text);
}

BENCHMARK(BM_ScanToPrinted)->Iterations(300)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SimPrintsReceipt)->Iterations(100)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char *argv[])
{
    benchmark::Initialize(&argc, argv);
    QGuiApplication app(argc, argv); // the sim renders with fonts
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    if (till && !till->phases.total.empty()) {
        const Phases &p = till->phases;
        std::printf("\nscan x%d + cash -> receipt printed on the virtual printer (%zu sales, %s "
                    "products):\n",
                    kScans, p.total.size(), qPrintable(bench::sizeName(kProducts)));
        std::printf("%-10s %10s %10s\n", "phase", "median_ms", "mean_ms");
        for (const auto &[name, samples] : {std::pair{"sale", &p.sale},
                                            {"send", &p.send},
                                            {"printer", &p.printer},
                                            {"total", &p.total}})
            std::printf("%-10s %10.2f %10.2f\n", name, medianMs(*samples), meanMs(*samples));
    }
    till.reset(); // close the databases and sockets while the application object exists
    benchmark::Shutdown();
    return 0;
}
