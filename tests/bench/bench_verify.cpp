// `ledger verify` at scale: a ledger of 1M entries (sales of 1–8 lines with a no-sale every 50th
// entry, made once into build/bench-data/ledger-1m and reused), verified end to end through
// Ledger::openReadOnly + verify() as `smartpos-admin ledger verify` does: quick_check, the MAC
// chain, every payload against its rows, outbox, print queue and anchor. Prints entries per
// second (target ≥ 200,000/s) and the ledger's bytes per sale.
#include "benchdata.h"
#include "ledger/ledger.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLockFile>
#include <QRandomGenerator>
#include <QSqlQuery>

#include <cstdio>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {

Sale randomSale(QRandomGenerator &random, qint64 index)
{
    static const char *const names[][2] = {
        {"可口可乐 330ml 罐装", "Coca-Cola Can 330ml"},
        {"乐事 薯片 原味 70g", "Lay's Classic 70g"},
        {"伊利 纯牛奶 250ml", "Yili Whole Milk 250ml"},
        {"康师傅 红烧牛肉面", "Master Kong Beef Noodles"},
        {"心相印 纸巾 10包", "Hearttex Tissues 10 packs"},
        {"农夫山泉 550ml", "Nongfu Spring 550ml"},
    };
    Sale sale;
    sale.createdAt = QDateTime(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC).addSecs(index * 20);
    const int lines = random.bounded(1, 9);
    for (int i = 0; i < lines; ++i) {
        const int n = random.bounded(int(std::size(names)));
        const qint64 price = 100 + random.bounded(3000);
        const qint64 quantity = random.bounded(1, 4);
        sale.lines.append(SaleLine{QStringLiteral("SKU%1").arg(n),
                                   QStringLiteral("69000000000%1").arg(n, 2, 10, QLatin1Char('0')),
                                   QString::fromUtf8(names[n][0]), QString::fromUtf8(names[n][1]),
                                   quantity, false, Money::fromFen(price),
                                   Money::fromFen(price * quantity), 1300});
        sale.total += sale.lines.last().total;
    }
    sale.tax = taxIncluded(sale.total, 1300);
    sale.tenders.append(
        *cashTender(sale.total, Money::fromFen((sale.total.fen + 9999) / 10000 * 10000)));
    return sale;
}

// The ledger of `entries` entries, made once (commits without fsync: only its content matters).
bool makeLedger(const QString &dataDir, const QString &keyDir, qint64 entries)
{
    {
        Ledger existing;
        if (existing.openReadOnly(dataDir, keyDir) && existing.head().seq == entries)
            return true;
    }
    QDir(dataDir).removeRecursively();
    QDir(keyDir).removeRecursively();
    QDir().mkpath(dataDir);
    std::fprintf(stderr, "bench: writing a ledger of %lld entries into %s ...\n",
                 static_cast<long long>(entries), qPrintable(dataDir));
    QElapsedTimer timer;
    timer.start();
    Ledger ledger;
    if (const Status opened = ledger.open(dataDir, keyDir); !opened) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(opened.error().message));
        return false;
    }
    QString error;
    ledger.database().exec(u"PRAGMA synchronous=OFF"_s, &error);
    QRandomGenerator random(20261123);
    for (qint64 i = 1; i <= entries; ++i) {
        const QDateTime at = QDateTime(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC).addSecs(i * 20);
        const auto committed =
            i % 50 == 0 ? ledger.commitNoSale(at) : ledger.commitSale(randomSale(random, i));
        if (!committed) {
            std::fprintf(stderr, "bench: %s\n", qPrintable(committed.error().message));
            return false;
        }
    }
    std::fprintf(stderr, "bench: wrote %lld entries in %.1f s\n", static_cast<long long>(entries),
                 timer.elapsed() / 1000.0);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 entries = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1'000'000;
    const QString root = QStringLiteral(SMARTPOS_BENCH_DATA_DIR);
    QDir().mkpath(root);
    QLockFile lock(QDir(root).filePath(u".ledger.lock"_s));
    lock.lock();
    const QString dataDir = QDir(root).filePath(u"ledger-"_s + bench::sizeName(entries));
    const QString keyDir = dataDir + u"-keys"_s;
    if (!makeLedger(dataDir, keyDir, entries))
        return 1;

    Ledger ledger;
    QElapsedTimer timer;
    timer.start();
    if (const Status opened = ledger.openReadOnly(dataDir, keyDir); !opened) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    const qint64 openMs = timer.restart();
    const VerifyResult verified = ledger.verify();
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (!verified.ok) {
        std::fprintf(stderr, "bench: verify FAILED at %lld: %s\n",
                     static_cast<long long>(verified.firstBadSeq), qPrintable(verified.reason));
        return 1;
    }
    QSqlQuery q(ledger.database().connection());
    const auto number = [&q](const QString &sql) {
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : 0;
    };
    const qint64 bytes = (number(u"PRAGMA page_count"_s) - number(u"PRAGMA freelist_count"_s))
                         * number(u"PRAGMA page_size"_s);
    const qint64 sales = number(u"SELECT count(*) FROM sales"_s);
    const double lines = double(number(u"SELECT count(*) FROM sale_lines"_s)) / double(sales);
    std::printf("ledger verify, %lld entries (%lld sales, %.1f lines each): open %lld ms, verify "
                "%.2f s = %.0f entries/s (target >= 200000): %s\n",
                static_cast<long long>(verified.entries), static_cast<long long>(sales), lines,
                static_cast<long long>(openMs), seconds, double(verified.entries) / seconds,
                double(verified.entries) / seconds >= 200000 ? "met" : "MISSED");
    std::printf("ledger bytes per sale (%.1f lines, print jobs and outbox events still queued): "
                "%.0f\n",
                lines, double(bytes) / double(sales));
    return 0;
}
