// A receipt-like document of about 30 printed lines encoded to ESC/POS bytes: a double-size
// header, Chinese and English item names laid out with leftRight (some wrap), totals, payment,
// a QR code, an EAN-13 and the cut. On 80 mm with GS ( k, on 80 mm with the QR code as a raster
// image (drawn by ZXing-C++), and on 58 mm. Reports the time per document, its bytes and its text
// lines.
#include "printer/escpos.h"

#include <QString>

#include <benchmark/benchmark.h>

using namespace smartpos::escpos;
using namespace Qt::StringLiterals;

namespace {

struct Item {
    QString name;
    QString amount;
};

const QList<Item> &items()
{
    static const QList<Item> list = {
        {u"可口可乐 Coca-Cola 330ml 罐装 x2"_s, u"¥6.00"_s},
        {u"乐事薯片 原味 Lay's Classic 70g"_s, u"¥7.50"_s},
        {u"伊利纯牛奶 250ml x3"_s, u"¥10.50"_s},
        {u"康师傅红烧牛肉面 五连包 Master Kong Beef Noodles 5-pack"_s, u"¥15.90"_s},
        {u"心相印纸巾 10包"_s, u"¥9.90"_s},
        {u"Nongfu Spring 550ml"_s, u"¥2.00"_s},
        {u"农夫山泉 东方树叶 茉莉花茶 500ml"_s, u"¥5.00"_s},
        {u"德芙 丝滑牛奶巧克力 Dove Milk Chocolate 43g"_s, u"¥8.90"_s},
        {u"Fresh bananas 0.652 kg @ ¥6.98/kg"_s, u"¥4.55"_s},
        {u"金龙鱼 东北大米 5kg"_s, u"¥39.90"_s},
        {u"蓝月亮 洗衣液 薰衣草香 Bluemoon Laundry Detergent 1kg"_s, u"¥24.90"_s},
        {u"会员折扣 Member discount"_s, u"-¥3.20"_s},
    };
    return list;
}

Encoder receipt(const PrinterProfile &profile)
{
    const int columns = profile.columns;
    Encoder encoder(profile);
    const auto print = [&encoder](const QStringList &lines) {
        for (const QString &line : lines)
            encoder.line(line);
    };
    encoder.initialize()
        .align(Align::Center)
        .style({.bold = true, .doubleWidth = true, .doubleHeight = true})
        .line(u"便利店 SmartPOS")
        .style({});
    print(wrapColumns(u"上海市徐汇区漕溪北路 88 号 Tel 021-5555 0100", columns));
    encoder.align(Align::Left);
    print(leftRight(u"单号 No. R20240501-0042", u"2024-05-01 18:42", columns));
    print(leftRight(u"收银员 Cashier 张三", u"POS 01", columns));
    encoder.line(QString(columns, u'-'));
    for (const Item &item : items())
        print(leftRight(item.name, item.amount, columns));
    encoder.line(QString(columns, u'-')).style({.bold = true});
    print(leftRight(u"合计 Total", u"¥131.85", columns));
    encoder.style({});
    for (const auto &[left, right] : {std::pair{u"现金 Cash"_s, u"¥200.00"_s},
                                      {u"找零 Change"_s, u"¥68.15"_s},
                                      {u"其中税额 Tax 13%"_s, u"¥10.44"_s},
                                      {u"其中税额 Tax 9%"_s, u"¥4.08"_s},
                                      {u"会员 Member 138****5678"_s, u"积分 +131"_s}})
        print(leftRight(left, right, columns));
    print(wrapColumns(u"谢谢惠顾，欢迎再次光临！退换货请凭本小票，于七日内到店办理。", columns));
    encoder.align(Align::Center)
        .qr("https://shop.example.cn/r/R20240501-0042?m=S1&t=1714560120&sig=9f2c1a", 6)
        .ean13(u"690123456789")
        .feed(2)
        .cut(CutKind::Partial);
    return encoder;
}

void encodeReceipt(benchmark::State &state, PrinterProfile profile)
{
    Encoder encoder(profile);
    for (auto _ : state) {
        encoder = receipt(profile);
        benchmark::DoNotOptimize(encoder.bytes().constData());
    }
    if (!encoder.errors().isEmpty())
        state.SkipWithError(qPrintable(encoder.errors().join(u"; ")));
    state.counters["bytes"] = double(encoder.bytes().size());
    state.counters["lines"] = double(encoder.bytes().count('\n'));
}

void BM_Receipt80mm(benchmark::State &state)
{
    encodeReceipt(state, PrinterProfile::mm80());
}
void BM_Receipt80mmRasterQr(benchmark::State &state)
{
    PrinterProfile profile = PrinterProfile::mm80();
    profile.nativeQr = false;
    encodeReceipt(state, profile);
}
void BM_Receipt58mm(benchmark::State &state)
{
    encodeReceipt(state, PrinterProfile::mm58());
}

BENCHMARK(BM_Receipt80mm)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Receipt80mmRasterQr)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Receipt58mm)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
