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

Product syntheticProduct(int i, const QStringList &categories)
{
    Product p;
    p.id = i + 1;
    p.sku = QStringLiteral("P%1").arg(i, 4, 10, QLatin1Char('0'));
    p.nameZh = QStringLiteral("商品%1").arg(i);
    p.nameEn = QStringLiteral("Product %1").arg(i);
    p.category = categories[i % categories.size()];
    p.price = Money{150 + (i * 37) % 2500};
    p.soldBy = i % 25 == 24 ? SoldBy::Weight : SoldBy::Unit;
    return p;
}

Cart randomCart(QRandomGenerator &random, int lines, int skuCount, const QStringList &categories)
{
    Cart cart(MoneyLimits{});
    while (cart.lines().size() < lines) {
        const Product p = syntheticProduct(random.bounded(skuCount), categories);
        if (p.isWeighed())
            cart.addWeighed(p, p.sku, random.bounded(100, 2000));
        else
            cart.addUnits(p, p.sku, random.bounded(1, 4));
    }
    return cart;
}

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
