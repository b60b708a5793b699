// A 30-line sale to its receipt: the document (receiptFor), its text, and its ESC/POS bytes for
// an 80 mm printer with native QR and for a 58 mm one whose QR goes as a raster image.
#include "benchdata.h"
#include "services/receipt.h"

#include <QCoreApplication>

#include <benchmark/benchmark.h>

using namespace smartpos;

namespace {

Sale thirtyLineSale()
{
    Sale sale;
    sale.createdAt = QDateTime(QDate(2026, 11, 23), QTime(9, 30), Qt::UTC);
    for (int i = 0; i < 30; ++i) {
        const bool weighed = i % 5 == 4;
        const qint64 quantity = weighed ? 350 + i * 7 : 1 + i % 3;
        const Money price = Money::fromFen(250 + i * 37);
        const Money total = weighed ? *priceForWeight(price, quantity) : *price.times(quantity);
        sale.lines.append({QStringLiteral("SKU%1").arg(i), QStringLiteral("69012345%1").arg(i),
                           QStringLiteral("康师傅 红烧牛肉面 经典口味 %1 号").arg(i),
                           QStringLiteral("Master Kong Braised Beef Noodles no. %1").arg(i),
                           quantity, weighed, price, total, i % 2 ? 900 : 1300});
        sale.total += total;
    }
    sale.adjustments = {{QStringLiteral("promo:1"), QStringLiteral("满100减10"),
                         QStringLiteral("¥10 off over ¥100"), -1, Money::fromYuan(-10)}};
    sale.total += Money::fromYuan(-10);
    sale.tenders = {
        *cashTender(sale.total, Money::fromFen((sale.total.fen + 9999) / 10000 * 10000))};
    return sale;
}

const QString code =
    QStringLiteral("SPR1.5b1f3c2e-8d4a-4f6b-9c1e-2a7d9e0f1b3c.123.AAAAAAAAAAAAAAAA");

void BM_ReceiptDocument(benchmark::State &state)
{
    const Sale sale = thirtyLineSale();
    for (auto _ : state)
        benchmark::DoNotOptimize(receiptFor(sale, 123, code, ReceiptContext()));
}

void BM_ReceiptToEscPos80mm(benchmark::State &state)
{
    const Sale sale = thirtyLineSale();
    qsizetype bytes = 0;
    for (auto _ : state)
        bytes = receiptFor(sale, 123, code, ReceiptContext())
                    .toEscPos(escpos::PrinterProfile::mm80())
                    .size();
    state.counters["bytes"] = double(bytes);
}

void BM_ReceiptToEscPos58mmRasterQr(benchmark::State &state)
{
    const Sale sale = thirtyLineSale();
    escpos::PrinterProfile profile = escpos::PrinterProfile::mm58();
    profile.nativeQr = false;
    qsizetype bytes = 0;
    for (auto _ : state)
        bytes = receiptFor(sale, 123, code, ReceiptContext()).toEscPos(profile).size();
    state.counters["bytes"] = double(bytes);
}

void BM_ReceiptToText(benchmark::State &state)
{
    const ReceiptDocument document = receiptFor(thirtyLineSale(), 123, code, ReceiptContext());
    for (auto _ : state)
        benchmark::DoNotOptimize(document.toText(48));
}

BENCHMARK(BM_ReceiptDocument)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ReceiptToEscPos80mm)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ReceiptToEscPos58mmRasterQr)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ReceiptToText)->Unit(benchmark::kMicrosecond);

} // namespace

SMARTPOS_BENCHMARK_MAIN()
