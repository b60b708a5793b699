// `catalog import` of 100k generated products (the format a chain's export has): into an empty
// catalog, again unchanged (every row compared, nothing written), with --dry-run, and the same
// file as GB18030. Reports products per second.
#include "benchdata.h"
#include "ledger/catalogstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStringEncoder>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace smartpos;

namespace {

constexpr qint64 products = 100'000;

QString scratch()
{
    static QTemporaryDir dir(bench::scratchTemplate(QStringLiteral("import")));
    return dir.path();
}

// The generated catalog as CSV, UTF-8 or GB18030, written once.
QString csvFile(TextEncoding encoding)
{
    const QString utf8 = QDir(scratch()).filePath(QStringLiteral("catalog-utf8.csv"));
    const QString gb18030 = QDir(scratch()).filePath(QStringLiteral("catalog-gb18030.csv"));
    if (!QFile::exists(utf8)) {
        QString error;
        if (!CatalogStore::writeGeneratedCsv(products, utf8, &error))
            qFatal("cannot write %s: %s", qPrintable(utf8), qPrintable(error));
        QFile in(utf8);
        QFile out(gb18030);
        QStringEncoder encoder("GB18030");
        if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
            qFatal("cannot convert the catalog to GB18030");
        out.write(encoder.encode(QString::fromUtf8(in.readAll())));
    }
    return encoding == TextEncoding::Utf8 ? utf8 : gb18030;
}

void report(benchmark::State &state, const ImportReport &result)
{
    if (!result.ok)
        state.SkipWithError(qPrintable(result.reason));
    state.counters["products/s"] =
        benchmark::Counter(double(result.products), benchmark::Counter::kIsIterationInvariantRate);
}

void importIntoEmpty(benchmark::State &state, TextEncoding encoding)
{
    const QString csv = csvFile(encoding);
    ImportOptions options;
    options.encoding = encoding;
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dir(bench::scratchTemplate(QStringLiteral("import-new")));
        CatalogStore store;
        if (!store.open(dir.path()))
            state.SkipWithError("cannot open the catalog");
        state.ResumeTiming();
        report(state, store.importCsv(csv, options));
    }
}

// The catalog already holds the file: what a nightly re-import of an unchanged export costs.
void importAgain(benchmark::State &state, bool dryRun)
{
    static QTemporaryDir dir(bench::scratchTemplate(QStringLiteral("import-again")));
    static CatalogStore store;
    if (!store.isOpen()
        && (!store.open(dir.path()) || !store.importCsv(csvFile(TextEncoding::Utf8)).ok))
        state.SkipWithError("cannot set up the catalog");
    ImportOptions options;
    options.dryRun = dryRun;
    for (auto _ : state)
        report(state, store.importCsv(csvFile(TextEncoding::Utf8), options));
}

void BM_ImportNew(benchmark::State &state)
{
    importIntoEmpty(state, TextEncoding::Utf8);
}
void BM_ImportNewGb18030(benchmark::State &state)
{
    importIntoEmpty(state, TextEncoding::Gb18030);
}
void BM_ImportUnchanged(benchmark::State &state)
{
    importAgain(state, false);
}
void BM_ImportDryRun(benchmark::State &state)
{
    importAgain(state, true);
}

BENCHMARK(BM_ImportNew)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_ImportNewGb18030)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_ImportUnchanged)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_ImportDryRun)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

SMARTPOS_BENCHMARK_MAIN()
