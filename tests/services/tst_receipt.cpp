// The receipt of a sale with Chinese and English names, a scale item, a long name, a promotion
// and change: laid out at 32 and 48 columns exactly as the customer reads it, and the ESC/POS a
// printer gets for it.
#include "services/receipt.h"

#include "core/couponcode.h"
#include "sim/escposparser.h"
#include "sim/jobrender.h"

#include "testsupport.h"

#include <QStringEncoder>
#include <QTest>

#include <ZXing/ReadBarcode.h>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {

Sale demoSale()
{
    Sale sale;
    sale.createdAt = QDateTime(QDate(2026, 11, 23), QTime(9, 5, 7), Qt::UTC);
    sale.lines = {
        {u"DR0001"_s, u"6928804995534"_s, u"可口可乐 330ml 罐装"_s, u"Coca-Cola Can 330ml"_s, 2,
         false, Money::fromFen(300), Money::fromFen(600), 1300},
        {u"FR0011"_s, u"2210011004566"_s, u"香蕉（称重）"_s, u"Bananas (per kg)"_s, 456, true,
         Money::fromFen(1196), Money::fromFen(545), 900},
        {u"SN0002"_s, u"6924187828544"_s, u"洽洽香瓜子 五香味 160g 家庭分享超值装"_s,
         u"ChaCha Sunflower Seeds, Five-Spice, Family Value Pack 160g"_s, 1, false,
         Money::fromFen(790), Money::fromFen(790), 1300},
    };
    sale.adjustments = {
        {u"promo:1"_s, u"满10减1"_s, u"¥1 off over ¥10"_s, -1, Money::fromFen(-100)}};
    sale.total = Money::fromFen(1835);
    sale.tenders = {*cashTender(sale.total, Money::fromYuan(20))};
    return sale;
}

ReceiptContext demoContext(ReceiptLanguage language)
{
    ReceiptContext context;
    context.storeName = u"SmartPOS 便利店"_s;
    context.address = u"上海市浦东新区世纪大道 100 号"_s;
    context.phone = u"021-5555 0100"_s;
    context.terminal = u"T01"_s;
    context.timeZone = QTimeZone(8 * 3600); // UTC+8 without tzdata
    context.language = language;
    return context;
}

const QString code = u"SPR1.5b1f3c2e-8d4a-4f6b-9c1e-2a7d9e0f1b3c.123.AAAAAAAAAAAAAAAA"_s;

} // namespace

class TestReceipt : public QObject {
    Q_OBJECT

private slots:
    void bothLanguagesAt32Columns();
    void englishReprintAt48Columns();
    void everyLineFits_data();
    void everyLineFits();
    void escPos();
    void logoOnPaperOnly();
    void memberPointsAndCoupons();
    void givenCouponWithoutMemberIsAQr();
    void bothQrCodesScanFromPaper_data();
    void bothQrCodesScanFromPaper();
    void memberLinesOnlyWhenThereIsOne();
    void tierNames();
};

void TestReceipt::bothLanguagesAt32Columns()
{
    const QString text =
        receiptFor(demoSale(), 123, code, demoContext(ReceiptLanguage::Both)).toText(32);
    QCOMPARE(text, u"        SmartPOS 便利店\n"
                   " 上海市浦东新区世纪大道 100 号\n"
                   "     电话 Tel 021-5555 0100\n"
                   "--------------------------------\n"
                   "小票号 Receipt            000123\n"
                   "时间 Time    2026-11-23 17:05:07\n"
                   "收银机 Till                  T01\n"
                   "--------------------------------\n"
                   "可口可乐 330ml 罐装\n"
                   "Coca-Cola Can 330ml\n"
                   "  2 × 3.00                 6.00\n"
                   "香蕉（称重）\n"
                   "Bananas (per kg)\n"
                   "  0.456 kg × 11.96/kg      5.45\n"
                   "洽洽香瓜子 五香味 160g 家庭分享\n"
                   "超值装\n"
                   "ChaCha Sunflower Seeds,\n"
                   "Five-Spice, Family Value Pack\n"
                   "160g\n"
                   "  1 × 7.90                 7.90\n"
                   "--------------------------------\n"
                   "小计 Subtotal              19.35\n"
                   "满10减1 ¥1 off over ¥10    -1.00\n"
                   "合计 TOTAL                ¥18.35\n"
                   "共优惠 You saved            1.00\n"
                   "现金 Cash                  20.00\n"
                   "找零 Change                 1.65\n"
                   "含增值税 incl. VAT 9%       0.43\n"
                   "含增值税 incl. VAT 13%      1.52\n"
                   "--------------------------------\n"
                   "[QR "_s
                       + code
                       + u"]\n"
                         "         退货请出示此码\n"
                         "   Show this code for returns\n"
                         "     谢谢惠顾，欢迎再次光临\n"
                         "  Thank you, please come again\n"_s);
}

void TestReceipt::englishReprintAt48Columns()
{
    const QString text =
        receiptFor(demoSale(), 123, code, demoContext(ReceiptLanguage::English), true).toText(48);
    QCOMPARE(text, u"                SmartPOS 便利店\n"
                   "         上海市浦东新区世纪大道 100 号\n"
                   "               Tel 021-5555 0100\n"
                   "                *** REPRINT ***\n"
                   "------------------------------------------------\n"
                   "Receipt                                   000123\n"
                   "Time                         2026-11-23 17:05:07\n"
                   "Till                                         T01\n"
                   "------------------------------------------------\n"
                   "Coca-Cola Can 330ml\n"
                   "  2 × 3.00                                 6.00\n"
                   "Bananas (per kg)\n"
                   "  0.456 kg × 11.96/kg                      5.45\n"
                   "ChaCha Sunflower Seeds, Five-Spice, Family Value\n"
                   "Pack 160g\n"
                   "  1 × 7.90                                 7.90\n"
                   "------------------------------------------------\n"
                   "Subtotal                                   19.35\n"
                   "¥1 off over ¥10                            -1.00\n"
                   "TOTAL                                     ¥18.35\n"
                   "You saved                                   1.00\n"
                   "Cash                                       20.00\n"
                   "Change                                      1.65\n"
                   "incl. VAT 9%                                0.43\n"
                   "incl. VAT 13%                               1.52\n"
                   "------------------------------------------------\n"
                   "[QR "_s
                       + code
                       + u"]\n"
                         "           Show this code for returns\n"
                         "          Thank you, please come again\n"_s);
}

void TestReceipt::everyLineFits_data()
{
    QTest::addColumn<int>("columns");
    QTest::addColumn<ReceiptLanguage>("language");
    for (const int columns : {32, 48})
        for (const auto language :
             {ReceiptLanguage::Chinese, ReceiptLanguage::English, ReceiptLanguage::Both})
            QTest::addRow("%d columns, language %d", columns, int(language)) << columns << language;
}

void TestReceipt::everyLineFits()
{
    QFETCH(int, columns);
    QFETCH(ReceiptLanguage, language);
    const QString text = receiptFor(demoSale(), 123, code, demoContext(language)).toText(columns);
    for (const QString &line : text.split(u'\n'))
        if (!line.startsWith(u"[QR "_s))
            QVERIFY2(escpos::displayColumns(line) <= columns, qPrintable(line));
    // The Chinese receipt names the products in Chinese and says 合计.
    if (language == ReceiptLanguage::Chinese) {
        QVERIFY(text.contains(u"合计"_s) && !text.contains(u"TOTAL"_s));
        QVERIFY(text.contains(u"香蕉（称重）"_s) && !text.contains(u"Bananas"_s));
    }
}

void TestReceipt::escPos()
{
    const QByteArray bytes = receiptFor(demoSale(), 123, code, demoContext(ReceiptLanguage::Both))
                                 .toEscPos(escpos::PrinterProfile::mm58());
    QVERIFY(bytes.startsWith("\x1b@"));       // initialize
    QVERIFY(bytes.contains(code.toLatin1())); // the QR's data, stored whole
    QVERIFY(bytes.contains("\x1c&"));         // Chinese in GB18030 …
    QStringEncoder gb18030("GB18030");
    QVERIFY(bytes.contains(QByteArray(gb18030.encode(u"合计"_s))));
    QVERIFY(bytes.contains("Subtotal"));
    QVERIFY(bytes.lastIndexOf("\x1dV") > bytes.lastIndexOf("Thank you")); // then the cut
}

void TestReceipt::logoOnPaperOnly()
{
    ReceiptContext context = demoContext(ReceiptLanguage::Both);
    const ReceiptDocument plain = receiptFor(demoSale(), 123, code, context);
    context.logo = {16, 2, QByteArray("\xff\x00\x0f\xf0", 4)};
    const ReceiptDocument withLogo = receiptFor(demoSale(), 123, code, context);
    // The preview has no pixels to show; the paper gets the image centred above the name.
    QCOMPARE(withLogo.toText(32), plain.toText(32));
    const QByteArray bytes = withLogo.toEscPos(escpos::PrinterProfile::mm58());
    const QByteArray centredImage("\x1b\x61\x01\x1dv0\x00\x02\x00\x02\x00\xff\x00\x0f\xf0", 15);
    QVERIFY(bytes.startsWith("\x1b@"));
    QVERIFY(bytes.indexOf(centredImage) > 0);
    QVERIFY(bytes.indexOf(centredImage) < bytes.indexOf("SmartPOS"));
    QCOMPARE(bytes.size() - plain.toEscPos(escpos::PrinterProfile::mm58()).size(), 3 + 8 + 4);
}

namespace {
// The demo sale for a gold member who used 200 points and a coupon, and was handed another.
Sale memberSale(const QString &givenCode)
{
    Sale sale = demoSale();
    sale.adjustments.append(
        {u"points:M0001"_s, u"积分抵扣 200分"_s, u"200 points"_s, -1, Money::fromFen(-200)});
    sale.total = Money::fromFen(1635);
    sale.tenders = {*cashTender(sale.total, Money::fromYuan(20))};
    sale.member = SaleMember{u"M0001"_s, u"gold"_s, u"138****8000"_s, -1, 24, 200, 1104};
    sale.coupons = {{4242, 3, 1}};
    sale.givenCoupons = {{7000001, 7, givenCode}};
    return sale;
}

QString signedGift()
{
    Coupon coupon;
    coupon.id = 7000001;
    coupon.campaign = 7;
    coupon.kind = Coupon::Kind::Cash;
    coupon.value = 500;
    coupon.minSpend = Money::fromYuan(20);
    return CouponSigner::generate()->sign(coupon).value();
}
} // namespace

void TestReceipt::memberPointsAndCoupons()
{
    const QString gift = signedGift();
    const QString both =
        receiptFor(memberSale(gift), 124, code, demoContext(ReceiptLanguage::Both)).toText(32);
    // A line with `label` on the left and `value` on the right.
    const auto hasPair = [](const QString &text, const QString &label, const QString &value) {
        for (const QString &line : text.split(u'\n'))
            if (line.startsWith(label) && line.endsWith(u' ' + value))
                return true;
        return false;
    };
    const QList<std::pair<QString, QString>> pairs = {
        {u"共优惠 You saved"_s, u"3.00"_s},     {u"会员 Member"_s, u"138****8000"_s},
        {u"等级 Tier"_s, u"金卡 Gold"_s},       {u"本单积分 Points earned"_s, u"+24"_s},
        {u"积分抵扣 Points used"_s, u"-200"_s}, {u"积分余额 Points balance"_s, u"1104"_s},
        {u"已核销券 Coupon used"_s, u"#4242"_s}};
    for (const auto &[label, value] : pairs)
        QVERIFY2(hasPair(both, label, value), qPrintable(label + u" "_s + value));
    QVERIFY(both.contains(u"送您一张优惠券"_s) && both.contains(u"A coupon for you"_s));
    QVERIFY(both.contains(u"已存入会员账户"_s));
    // Kept in the member's account: no QR of it on paper, only the receipt's own.
    QCOMPARE(both.count(u"[QR "_s), 1);
    QVERIFY(!both.contains(gift));
    const QString english =
        receiptFor(memberSale(gift), 124, code, demoContext(ReceiptLanguage::English)).toText(48);
    QVERIFY2(hasPair(english, u"Member"_s, u"138****8000"_s), qPrintable(english));
    QVERIFY2(hasPair(english, u"Tier"_s, u"Gold"_s), qPrintable(english));
    QVERIFY(english.contains(u"¥5 off from ¥20 #7000001"_s));
    QVERIFY(!english.contains(u"会员"_s));
    const QString chinese =
        receiptFor(memberSale(gift), 124, code, demoContext(ReceiptLanguage::Chinese)).toText(32);
    QVERIFY2(chinese.contains(u"¥5 代金券 满20可用 #7000001"_s), qPrintable(chinese));
    QVERIFY(!chinese.contains(u"Member"_s));
    // Every line fits the paper.
    for (const QString &line : both.split(u'\n'))
        QVERIFY2(line.startsWith(u"[QR "_s) || escpos::displayColumns(line) <= 32,
                 qPrintable(line));
}

void TestReceipt::givenCouponWithoutMemberIsAQr()
{
    const QString gift = signedGift();
    Sale sale = memberSale(gift);
    sale.member.reset();
    sale.coupons.clear();
    const ReceiptDocument receipt = receiptFor(sale, 125, code, demoContext(ReceiptLanguage::Both));
    const QString text = receipt.toText(32);
    QVERIFY(!text.contains(u"会员 Member"_s));
    QVERIFY2(text.contains(u"[QR "_s + gift + u"]"_s), qPrintable(text));
    QVERIFY(text.contains(u"Show this code next time"_s));
    QCOMPARE(text.count(u"[QR "_s), 2);
    // Both QR codes reach the printer.
    const QByteArray bytes = receipt.toEscPos(escpos::PrinterProfile::mm58());
    QVERIFY(bytes.contains(gift.toLatin1()));
    QVERIFY(bytes.contains(code.toLatin1()));
}

void TestReceipt::bothQrCodesScanFromPaper_data()
{
    QTest::addColumn<bool>("narrow");
    QTest::newRow("80 mm, native QR") << false;
    QTest::newRow("58 mm, raster QR") << true;
}

// The given coupon's QR and the receipt's own, printed by the virtual printer and read back
// from its picture of the paper.
void TestReceipt::bothQrCodesScanFromPaper()
{
    QFETCH(bool, narrow);
    const escpos::PrinterProfile profile =
        narrow ? escpos::PrinterProfile::mm58() : escpos::PrinterProfile::mm80();
    const QString gift = signedGift();
    Sale sale = memberSale(gift);
    sale.member.reset();
    sale.coupons.clear();
    const QByteArray bytes =
        receiptFor(sale, 125, code, demoContext(ReceiptLanguage::Both)).toEscPos(profile);
    sim::EscPosParser parser(profile.dotsPerLine);
    parser.feed(bytes);
    parser.endOfStream();
    const QList<sim::PrintJob> jobs = parser.takeJobs();
    QCOMPARE(jobs.size(), 1);
    QVERIFY(jobs.first().warnings.isEmpty());
    const QImage paper = sim::renderImage(jobs.first(), profile.dotsPerLine)
                             .convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(paper.constBits(), paper.width(), paper.height(),
                                ZXing::ImageFormat::Lum, int(paper.bytesPerLine()));
    QStringList read;
    for (const ZXing::Result &result : ZXing::ReadBarcodes(
             view,
             ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode).setTryHarder(true)))
        read.append(QString::fromStdWString(result.text()));
    read.sort();
    QStringList expected = {gift, code};
    expected.sort();
    QCOMPARE(read, expected);
}

void TestReceipt::memberLinesOnlyWhenThereIsOne()
{
    // No member, no coupons: none of their lines.
    const QString plain =
        receiptFor(demoSale(), 123, code, demoContext(ReceiptLanguage::Both)).toText(48);
    for (const QString &word : {u"会员"_s, u"积分"_s, u"Points"_s, u"券"_s, u"Coupon"_s})
        QVERIFY2(!plain.contains(word), qPrintable(word));
    QCOMPARE(plain.count(u"[QR "_s), 1);
    // A member who used no points and no coupon, of a tier the receipt does not know.
    Sale sale = demoSale();
    sale.member = SaleMember{u"M0002"_s, u"diamond"_s, u"139****0001"_s, -1, 17, 0, 50};
    for (const ReceiptLanguage language : {ReceiptLanguage::Chinese, ReceiptLanguage::English}) {
        const QString text = receiptFor(sale, 126, code, demoContext(language)).toText(48);
        const bool zh = language == ReceiptLanguage::Chinese;
        QVERIFY2(text.contains(zh ? u"会员"_s : u"Member"_s), qPrintable(text));
        QVERIFY(text.contains(u"139****0001"_s));
        QVERIFY(text.contains(u"diamond"_s));
        QVERIFY(text.contains(zh ? u"本单积分"_s : u"Points earned"_s));
        QVERIFY(text.contains(zh ? u"积分余额"_s : u"Points balance"_s));
        QVERIFY(!text.contains(zh ? u"积分抵扣"_s : u"Points used"_s));
        QVERIFY(!text.contains(zh ? u"已核销券"_s : u"Coupon used"_s));
        QVERIFY(!text.contains(zh ? u"送您"_s : u"A coupon for you"_s));
        QVERIFY(!text.contains(zh ? u"Member"_s : u"会员"_s));
    }
}

void TestReceipt::tierNames()
{
    QCOMPARE(memberTierName(u"silver", ReceiptLanguage::Chinese), u"银卡"_s);
    QCOMPARE(memberTierName(u"gold", ReceiptLanguage::English), u"Gold"_s);
    QCOMPARE(memberTierName(u"platinum", ReceiptLanguage::Both), u"白金卡 Platinum"_s);
    QCOMPARE(memberTierName(u"diamond", ReceiptLanguage::Both), u"diamond"_s);
}

QTEST_MAIN(TestReceipt)
#include "tst_receipt.moc"
