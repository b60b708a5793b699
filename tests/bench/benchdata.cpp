#include "benchdata.h"

#include "ledger/catalogstore.h"
#include "ledger/database.h"

#include <QDir>
#include <QElapsedTimer>
#include <QLockFile>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace smartpos::bench {

QString sizeName(qint64 products)
{
    if (products % 1'000'000 == 0)
        return QStringLiteral("%1m").arg(products / 1'000'000);
    if (products % 1000 == 0)
        return QStringLiteral("%1k").arg(products / 1000);
    return QString::number(products);
}

QString catalogDir(qint64 products)
{
    const QString root = QStringLiteral(SMARTPOS_BENCH_DATA_DIR);
    QDir().mkpath(root);
    // Two benchmark processes must not generate the same catalog at once.
    QLockFile lock(QDir(root).filePath(QStringLiteral(".generate.lock")));
    lock.setStaleLockTime(0);
    if (!lock.lock()) {
        std::fprintf(stderr, "bench: cannot lock %s\n", qPrintable(root));
        return {};
    }
    const QString dir = QDir(root).filePath(QStringLiteral("catalog-") + sizeName(products));
    QString error;
    if (!prepareDataDir(dir, &error)) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(error));
        return {};
    }
    CatalogStore store;
    if (const Status opened = store.open(dir); !opened) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(opened.error().message));
        return {};
    }
    const qint64 have = store.count();
    if (have == products)
        return dir;
    std::fprintf(stderr, "bench: generating %lld products into %s (had %lld) ...\n",
                 static_cast<long long>(products), qPrintable(dir), static_cast<long long>(have));
    QElapsedTimer timer;
    timer.start();
    if (!store.generate(products, &error)) {
        std::fprintf(stderr, "bench: generate failed: %s\n", qPrintable(error));
        return {};
    }
    std::fprintf(stderr, "bench: generated %lld products in %.1f s\n",
                 static_cast<long long>(products), timer.elapsed() / 1000.0);
    return dir;
}

QString scratchTemplate(const QString &name)
{
    QDir().mkpath(QStringLiteral(SMARTPOS_BENCH_TMP_DIR));
    return QDir(QStringLiteral(SMARTPOS_BENCH_TMP_DIR)).filePath(name + QStringLiteral("-XXXXXX"));
}

double percentileNs(std::vector<double> &samples, double percent)
{
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const auto rank = static_cast<size_t>(std::ceil(percent / 100.0 * double(samples.size())));
    return samples[std::clamp<size_t>(rank, 1, samples.size()) - 1];
}

} // namespace smartpos::bench
