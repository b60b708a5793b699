#include "core/codes.h"

#include <QTest>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {

// "21:5:5:price,22:5:5:weight" → layouts; empty text → none.
QList<VariableCodeLayout> layoutsFrom(const QString &text)
{
    QList<VariableCodeLayout> layouts;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts))
        layouts.append(VariableCodeLayout::fromString(part).value());
    return layouts;
}

// A run of `count` digits continuing `prefix` with 4567890123…, for payment code lengths.
QString digitsOfLength(const QString &prefix, int count)
{
    QString digits = prefix;
    for (int i = 0; digits.size() < count; ++i)
        digits += QChar(u'0' + (4 + i) % 10);
    return digits;
}

} // namespace

class TestCodes : public QObject {
    Q_OBJECT

private slots:
    void kinds_data();
    void kinds();
    void productCodes_data();
    void productCodes();
    void scaleLabels_data();
    void scaleLabels();
    void ownCodes_data();
    void ownCodes();
    void paymentCodeBoundaries_data();
    void paymentCodeBoundaries();
    void paymentCodeKeepsDigitsForProviderOnly();
    void nonAsciiDigitsAreNotDigits_data();
    void nonAsciiDigitsAreNotDigits();
    void maskPaymentCode_data();
    void maskPaymentCode();
    void displayTextMasksLongDigitRuns_data();
    void displayTextMasksLongDigitRuns();
};

void TestCodes::kinds_data()
{
    QTest::addColumn<QString>("scanned");
    QTest::addColumn<CodeKind>("kind");
    QTest::addColumn<BarcodeProblem>("problem");
    QTest::addColumn<QString>("displayText");

    QTest::newRow("EAN-13") << u"6928804995534"_s << CodeKind::Product << BarcodeProblem::None
                            << u"6928804995534"_s;
    QTest::newRow("EAN-8") << u"96385074"_s << CodeKind::Product << BarcodeProblem::None
                           << u"96385074"_s;
    QTest::newRow("UPC-A") << u"038000617607"_s << CodeKind::Product << BarcodeProblem::None
                           << u"038000617607"_s;
    QTest::newRow("EAN-13 wrong check digit")
        << u"6928804995535"_s << CodeKind::Product << BarcodeProblem::BadCheckDigit
        << u"6928804995535"_s;
    QTest::newRow("scale label") << u"2210001005005"_s << CodeKind::ScaleLabel
                                 << BarcodeProblem::None << u"2210001005005"_s;
    QTest::newRow("member") << u"SPM1.m-123"_s << CodeKind::Member << BarcodeProblem::None
                            << u"SPM1.m-123"_s;
    QTest::newRow("coupon") << u"SPC1.c-456"_s << CodeKind::Coupon << BarcodeProblem::None
                            << u"SPC1.c-456"_s;
    QTest::newRow("receipt") << u"SPR1.r-789"_s << CodeKind::Receipt << BarcodeProblem::None
                             << u"SPR1.r-789"_s;
    QTest::newRow("WeChat Pay") << u"134567890123457890"_s << CodeKind::PaymentCode
                                << BarcodeProblem::None << u"1345**********7890"_s;
    QTest::newRow("Alipay") << u"2845678901234567"_s << CodeKind::PaymentCode
                            << BarcodeProblem::None << u"2845********4567"_s;
    QTest::newRow("empty") << QString() << CodeKind::Unknown << BarcodeProblem::NotDigits
                           << QString();
    QTest::newRow("only whitespace")
        << u" \t\r\n"_s << CodeKind::Unknown << BarcodeProblem::NotDigits << QString();
    QTest::newRow("text") << u"hello"_s << CodeKind::Unknown << BarcodeProblem::NotDigits
                          << u"hello"_s;
    QTest::newRow("URL") << u"https://example.com/x"_s << CodeKind::Unknown
                         << BarcodeProblem::NotDigits << u"https://example.com/x"_s;
    QTest::newRow("7 digits") << u"1234567"_s << CodeKind::Unknown << BarcodeProblem::BadLength
                              << u"1234567"_s;
    QTest::newRow("14 digits") << u"69288049955340"_s << CodeKind::Unknown
                               << BarcodeProblem::BadLength << u"6928******5340"_s;
    QTest::newRow("digits with a space inside") << u"6928804 995534"_s << CodeKind::Unknown
                                                << BarcodeProblem::NotDigits << u"6928804 995534"_s;
    QTest::newRow("negative number") << u"-6928804995534"_s << CodeKind::Unknown
                                     << BarcodeProblem::NotDigits << u"-6928804995534"_s;
    QTest::newRow("EAN-13 in spaces and newline") << u"  6928804995534\r\n"_s << CodeKind::Product
                                                  << BarcodeProblem::None << u"6928804995534"_s;
    QTest::newRow("EAN-13 in ideographic spaces")
        << u"\u30006928804995534\u3000"_s << CodeKind::Product << BarcodeProblem::None
        << u"6928804995534"_s;
    QTest::newRow("WeChat Pay with tab and newline")
        << u"\t134567890123457890\n"_s << CodeKind::PaymentCode << BarcodeProblem::None
        << u"1345**********7890"_s;
    QTest::newRow("member with spaces")
        << u" SPM1.m-123 "_s << CodeKind::Member << BarcodeProblem::None << u"SPM1.m-123"_s;
}

void TestCodes::kinds()
{
    QFETCH(QString, scanned);
    QFETCH(CodeKind, kind);
    QFETCH(BarcodeProblem, problem);
    QFETCH(QString, displayText);
    const ClassifiedCode code = classifyCode(scanned, defaultVariableCodeLayouts());
    QCOMPARE(code.kind, kind);
    QCOMPARE(code.product.problem, problem);
    QCOMPARE(code.displayText, displayText);
}

void TestCodes::productCodes_data()
{
    QTest::addColumn<QString>("scanned");
    QTest::addColumn<QString>("gtin");
    QTest::addColumn<BarcodeProblem>("problem");

    QTest::newRow("EAN-13") << u"6928804995534"_s << u"6928804995534"_s << BarcodeProblem::None;
    QTest::newRow("EAN-8 stays 8 digits") << u"96385074"_s << u"96385074"_s << BarcodeProblem::None;
    QTest::newRow("UPC-A becomes GTIN-13")
        << u"038000617607"_s << u"0038000617607"_s << BarcodeProblem::None;
    QTest::newRow("EAN-8 wrong check digit")
        << u"96385075"_s << QString() << BarcodeProblem::BadCheckDigit;
    QTest::newRow("UPC-A wrong check digit")
        << u"038000617600"_s << QString() << BarcodeProblem::BadCheckDigit;
    QTest::newRow("scale code wrong check digit")
        << u"2210001005006"_s << QString() << BarcodeProblem::BadCheckDigit;
    // Prefix 2 but no layout starts with 20: the store may have listed it as a plain product.
    QTest::newRow("prefix 20 without layout")
        << u"2001234000000"_s << u"2001234000000"_s << BarcodeProblem::None;
}

void TestCodes::productCodes()
{
    QFETCH(QString, scanned);
    QFETCH(QString, gtin);
    QFETCH(BarcodeProblem, problem);
    const ClassifiedCode code = classifyCode(scanned, defaultVariableCodeLayouts());
    QCOMPARE(code.kind, CodeKind::Product);
    QCOMPARE(code.product.gtin, gtin);
    QCOMPARE(code.product.problem, problem);
    QVERIFY(!code.scaleLabel);
    QVERIFY(code.payload.isEmpty());
}

void TestCodes::scaleLabels_data()
{
    QTest::addColumn<QString>("scanned");
    QTest::addColumn<QString>("layouts");
    QTest::addColumn<CodeKind>("kind");
    QTest::addColumn<QString>("plu");
    QTest::addColumn<VariableCodeLayout::Value>("valueKind");
    QTest::addColumn<qint64>("value");

    const QString defaults = u"21:5:5:price,22:5:5:weight"_s;
    QTest::newRow("weight label") << u"2210001005005"_s << defaults << CodeKind::ScaleLabel
                                  << u"10001"_s << VariableCodeLayout::Value::WeightGrams
                                  << qint64(500);
    QTest::newRow("price label") << u"2100012012508"_s << defaults << CodeKind::ScaleLabel
                                 << u"12"_s << VariableCodeLayout::Value::PriceFen
                                 << qint64(1250);
    QTest::newRow("no layouts: a product")
        << u"2210001005005"_s << QString() << CodeKind::Product << QString()
        << VariableCodeLayout::Value::PriceFen << qint64(0);
    QTest::newRow("other layout prefix: a product")
        << u"2301230123452"_s << defaults << CodeKind::Product << QString()
        << VariableCodeLayout::Value::PriceFen << qint64(0);
    QTest::newRow("store layout 23, 4 PLU digits")
        << u"2301230123452"_s << u"23:4:6:weight"_s << CodeKind::ScaleLabel << u"123"_s
        << VariableCodeLayout::Value::WeightGrams << qint64(12345);
    QTest::newRow("longest prefix wins")
        << u"2200015002503"_s << u"2:6:5:price,22:5:5:weight"_s << CodeKind::ScaleLabel
        << u"15"_s << VariableCodeLayout::Value::WeightGrams << qint64(250);
}

void TestCodes::scaleLabels()
{
    QFETCH(QString, scanned);
    QFETCH(QString, layouts);
    QFETCH(CodeKind, kind);
    QFETCH(QString, plu);
    QFETCH(VariableCodeLayout::Value, valueKind);
    QFETCH(qint64, value);
    const ClassifiedCode code = classifyCode(scanned, layoutsFrom(layouts));
    QCOMPARE(code.kind, kind);
    QCOMPARE(code.product.gtin, scanned);
    QCOMPARE(code.scaleLabel.has_value(), kind == CodeKind::ScaleLabel);
    if (!code.scaleLabel)
        return;
    QCOMPARE(code.scaleLabel->plu, plu);
    QCOMPARE(code.scaleLabel->kind, valueKind);
    QCOMPARE(code.scaleLabel->value, value);
}

void TestCodes::ownCodes_data()
{
    QTest::addColumn<QString>("scanned");
    QTest::addColumn<CodeKind>("kind");
    QTest::addColumn<QString>("payload");
    QTest::addColumn<QString>("displayText");

    QTest::newRow("member") << memberCodePrefix + u"AbC-12_3"_s << CodeKind::Member << u"AbC-12_3"_s
                            << u"SPM1.AbC-12_3"_s;
    QTest::newRow("coupon") << couponCodePrefix + u"eyJpZCI6MX0.sig"_s << CodeKind::Coupon
                            << u"eyJpZCI6MX0.sig"_s << u"SPC1.eyJpZCI6MX0.sig"_s;
    QTest::newRow("receipt") << receiptCodePrefix + u"0f3c.42"_s << CodeKind::Receipt
                             << u"0f3c.42"_s << u"SPR1.0f3c.42"_s;
    QTest::newRow("empty payload is still a member code")
        << u"SPM1."_s << CodeKind::Member << QString() << u"SPM1."_s;
    QTest::newRow("payload keeps inner spaces")
        << u"  SPC1. a b \n"_s << CodeKind::Coupon << u" a b"_s << u"SPC1. a b"_s;
    // The payload keeps its digits for verification; only what is shown is masked.
    QTest::newRow("digits payload is not a payment code")
        << u"SPR1.134567890123457890"_s << CodeKind::Receipt << u"134567890123457890"_s
        << u"SPR1.1345**********7890"_s;
    QTest::newRow("F1: long digit run in a member code")
        << u"SPM1.123456789012345678"_s << CodeKind::Member << u"123456789012345678"_s
        << u"SPM1.1234**********5678"_s;
    QTest::newRow("13 digits in a coupon stay") << u"SPC1.6928804995534"_s << CodeKind::Coupon
                                                << u"6928804995534"_s << u"SPC1.6928804995534"_s;
    QTest::newRow("lower case prefix")
        << u"spm1.abc"_s << CodeKind::Unknown << QString() << u"spm1.abc"_s;
    QTest::newRow("unknown version")
        << u"SPM2.abc"_s << CodeKind::Unknown << QString() << u"SPM2.abc"_s;
    QTest::newRow("prefix without dot")
        << u"SPM1abc"_s << CodeKind::Unknown << QString() << u"SPM1abc"_s;
    QTest::newRow("prefix not at start")
        << u"x SPM1.abc"_s << CodeKind::Unknown << QString() << u"x SPM1.abc"_s;
    QTest::newRow("prefix cut short") << u"SPC1"_s << CodeKind::Unknown << QString() << u"SPC1"_s;
    QTest::newRow("full-width prefix")
        << u"ＳＰＭ１.abc"_s << CodeKind::Unknown << QString() << u"ＳＰＭ１.abc"_s;
}

void TestCodes::ownCodes()
{
    QFETCH(QString, scanned);
    QFETCH(CodeKind, kind);
    QFETCH(QString, payload);
    QFETCH(QString, displayText);
    const ClassifiedCode code = classifyCode(scanned, defaultVariableCodeLayouts());
    QCOMPARE(code.kind, kind);
    QCOMPARE(code.payload, payload);
    QVERIFY(code.product.gtin.isEmpty());
    QCOMPARE(code.displayText, displayText);
}

void TestCodes::paymentCodeBoundaries_data()
{
    QTest::addColumn<QString>("scanned");
    QTest::addColumn<bool>("isPaymentCode");
    QTest::addColumn<PaymentWallet>("wallet");

    const auto row = [](const QString &prefix, int length, bool isPaymentCode,
                        PaymentWallet wallet) {
        const QString name = u"prefix %1, %2 digits"_s.arg(prefix).arg(length);
        QTest::newRow(qPrintable(name))
            << digitsOfLength(prefix, length) << isPaymentCode << wallet;
    };
    const auto weChat = PaymentWallet::WeChatPay;
    const auto alipay = PaymentWallet::Alipay;
    // WeChat Pay: exactly 18 digits, prefix 10–15.
    row(u"09"_s, 18, false, weChat);
    row(u"10"_s, 18, true, weChat);
    row(u"13"_s, 18, true, weChat);
    row(u"15"_s, 18, true, weChat);
    row(u"16"_s, 18, false, weChat);
    row(u"13"_s, 17, false, weChat);
    row(u"13"_s, 19, false, weChat);
    row(u"10"_s, 16, false, weChat);
    row(u"15"_s, 24, false, weChat);
    // Alipay: 16–24 digits, prefix 25–30.
    row(u"24"_s, 18, false, alipay);
    row(u"25"_s, 18, true, alipay);
    row(u"28"_s, 18, true, alipay);
    row(u"30"_s, 18, true, alipay);
    row(u"31"_s, 18, false, alipay);
    row(u"28"_s, 15, false, alipay);
    row(u"28"_s, 16, true, alipay);
    row(u"25"_s, 16, true, alipay);
    row(u"30"_s, 24, true, alipay);
    row(u"28"_s, 24, true, alipay);
    row(u"28"_s, 25, false, alipay);
}

void TestCodes::paymentCodeBoundaries()
{
    QFETCH(QString, scanned);
    QFETCH(bool, isPaymentCode);
    QFETCH(PaymentWallet, wallet);
    const ClassifiedCode code = classifyCode(scanned, defaultVariableCodeLayouts());
    QCOMPARE(code.kind == CodeKind::PaymentCode, isPaymentCode);
    if (isPaymentCode) {
        QCOMPARE(code.payment.wallet(), wallet);
        QCOMPARE(code.payment.fullDigitsForProvider(), scanned);
        QCOMPARE(code.product.problem, BarcodeProblem::None);
    } else {
        QCOMPARE(code.kind, CodeKind::Unknown);
        QCOMPARE(code.product.problem, BarcodeProblem::BadLength);
        QVERIFY(code.payment.fullDigitsForProvider().isEmpty());
    }
    // Neither kind may show a payment-code-sized number in full.
    if (scanned.size() > 13)
        QVERIFY(!code.displayText.contains(scanned.mid(4, scanned.size() - 8)));
}

void TestCodes::paymentCodeKeepsDigitsForProviderOnly()
{
    const ClassifiedCode code = classifyCode(u" 282345678901234567890123 "_s, {});
    QCOMPARE(code.kind, CodeKind::PaymentCode);
    QCOMPARE(code.payment.wallet(), PaymentWallet::Alipay);
    QCOMPARE(code.payment.fullDigitsForProvider(), u"282345678901234567890123"_s);
    QCOMPARE(code.payment.masked(), u"2823****************0123"_s);
    QCOMPARE(code.displayText, code.payment.masked());
    QVERIFY(code.payload.isEmpty());
    QVERIFY(code.product.gtin.isEmpty());
}

void TestCodes::nonAsciiDigitsAreNotDigits_data()
{
    QTest::addColumn<QString>("scanned");

    QTest::newRow("full-width EAN-13") << u"６９２８８０４９９５５３４"_s;
    QTest::newRow("one full-width digit") << u"692880499553４"_s;
    QTest::newRow("Arabic-Indic EAN-13") << u"٦٩٢٨٨٠٤٩٩٥٥٣٤"_s;
    QTest::newRow("Extended Arabic-Indic EAN-8") << u"۹۶۳۸۵۰۷۴"_s;
    QTest::newRow("Devanagari EAN-8") << u"९६३८५०७४"_s;
    QTest::newRow("full-width WeChat Pay") << u"１３４５６７８９０１２３４５７８９０"_s;
    QTest::newRow("full-width 1 then ASCII WeChat Pay") << u"１34567890123457890"_s;
    QTest::newRow("superscript digits") << u"¹²³⁴⁵⁶⁷⁸"_s;
}

void TestCodes::nonAsciiDigitsAreNotDigits()
{
    QFETCH(QString, scanned);
    const ClassifiedCode code = classifyCode(scanned, defaultVariableCodeLayouts());
    QCOMPARE(code.kind, CodeKind::Unknown);
    QCOMPARE(code.product.problem, BarcodeProblem::NotDigits);
    QVERIFY(code.payment.fullDigitsForProvider().isEmpty());
}

void TestCodes::maskPaymentCode_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("masked");

    QTest::newRow("16 digits") << u"1345678901237890"_s << u"1345********7890"_s;
    QTest::newRow("18 digits") << u"134567890123457890"_s << u"1345**********7890"_s;
    QTest::newRow("24 digits") << u"282345678901234567890123"_s << u"2823****************0123"_s;
    QTest::newRow("9 characters") << u"123456789"_s << u"1234*6789"_s;
    QTest::newRow("8 characters: all masked") << u"12345678"_s << u"********"_s;
    QTest::newRow("3 characters: all masked") << u"123"_s << u"***"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestCodes::maskPaymentCode()
{
    QFETCH(QString, code);
    QFETCH(QString, masked);
    QCOMPARE(smartpos::maskPaymentCode(code), masked);
    QCOMPARE(smartpos::maskPaymentCode(code).size(), code.size());
}

void TestCodes::displayTextMasksLongDigitRuns_data()
{
    QTest::addColumn<QString>("scanned");
    QTest::addColumn<QString>("displayText");

    // A payment code with a stray character is no payment code, but may not be shown either.
    QTest::newRow("payment code with a suffix")
        << u"134567890123457890\x1d"_s << u"1345**********7890\x1d"_s;
    QTest::newRow("payment code in text")
        << u"pay:2845678901234567;x=6928804995534"_s << u"pay:2845********4567;x=6928804995534"_s;
    QTest::newRow("13 digits stay") << u"a6928804995534"_s << u"a6928804995534"_s;
    QTest::newRow("14 digits masked") << u"a69288049955341b"_s << u"a6928******5341b"_s;
    QTest::newRow("two runs") << u"12345678901234-98765432109876"_s
                              << u"1234******1234-9876******9876"_s;
}

void TestCodes::displayTextMasksLongDigitRuns()
{
    QFETCH(QString, scanned);
    QFETCH(QString, displayText);
    const ClassifiedCode code = classifyCode(scanned, defaultVariableCodeLayouts());
    QCOMPARE(code.kind, CodeKind::Unknown);
    QCOMPARE(code.displayText, displayText);
}

QTEST_GUILESS_MAIN(TestCodes)
#include "tst_codes.moc"
