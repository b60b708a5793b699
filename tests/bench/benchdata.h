#pragma once

#include "core/cart.h"

#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <vector>

namespace smartpos::bench {

// The data directory holding a generated catalog of `products` products (100'000 or
// 1'000'000), made with CatalogStore::generate the first time and reused while its count
// matches. Empty with a message on stderr when it cannot be made.
QString catalogDir(qint64 products);
// "100k", "1m".
QString sizeName(qint64 products);

// A fresh scratch directory under the build tree (removed by the caller's QTemporaryDir).
QString scratchTemplate(const QString &name);

// Product number `i` of a small synthetic shop (SKU P0000 …, category by i from `categories`,
// ¥1.50 to ¥26.49, one in 25 weighed): the products of the pricing benchmarks.
Product syntheticProduct(int i, const QStringList &categories);
// A cart of `lines` lines of random products of the first `skuCount` (weighed lines make a line
// each, so it may repeat SKUs), 1–3 units or 100–1999 g each.
Cart randomCart(QRandomGenerator &random, int lines, int skuCount, const QStringList &categories);

// Percentile (0..100) of nanosecond samples, nearest rank; sorts `samples`.
double percentileNs(std::vector<double> &samples, double percent);

} // namespace smartpos::bench

// main() of a Google Benchmark executable whose code needs a QCoreApplication.
#define SMARTPOS_BENCHMARK_MAIN()                                                                  \
    int main(int argc, char **argv)                                                                \
    {                                                                                              \
        benchmark::Initialize(&argc, argv);                                                        \
        QCoreApplication app(argc, argv);                                                          \
        if (benchmark::ReportUnrecognizedArguments(argc, argv))                                    \
            return 1;                                                                              \
        benchmark::RunSpecifiedBenchmarks();                                                       \
        benchmark::Shutdown();                                                                     \
        return 0;                                                                                  \
    }
