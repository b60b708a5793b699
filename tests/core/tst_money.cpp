#include "core/money.h"

#include "testsupport.h"

#include <QTest>

#include <limits>

using namespace smartpos;
using namespace Qt::StringLiterals;

class TestMoney : public QObject {
    Q_OBJECT

private slots:
    void arithmetic();
    void comparison();
    void toString_data();
    void toString();
    void parse_data();
    void parse();
    void parseRejects_data();
    void parseRejects();
    void roundTrip_data();
    void roundTrip();
    void roundDiv_data();
    void roundDiv();
    void priceForWeight_data();
    void priceForWeight();
    void taxIncluded_data();
    void taxIncluded();
};

void TestMoney::arithmetic()
{
    const Money a = Money::fromFen(1250);
    const Money b = Money::fromYuan(3);
    QCOMPARE(b.fen, 300);
    QCOMPARE((a + b).fen, 1550);
    QCOMPARE((a - b).fen, 950);
    QCOMPARE((b - a).fen, -950);
    QCOMPARE((a * 3).fen, 3750);
    QCOMPARE((a * 0).fen, 0);
    QCOMPARE((-a).fen, -1250);

    Money sum;
    QVERIFY(sum.isZero());
    sum += a;
    sum += b;
    QCOMPARE(sum.fen, 1550);
    sum -= Money::fromFen(1551);
    QCOMPARE(sum.fen, -1);
    QVERIFY(sum.isNegative());
    QVERIFY(!sum.isZero());
    QVERIFY(!a.isNegative());

    // constexpr: usable at compile time
    static_assert((Money::fromYuan(2) + Money::fromFen(5)).fen == 205);
}

void TestMoney::comparison()
{
    QVERIFY(Money::fromFen(100) == Money::fromYuan(1));
    QVERIFY(Money::fromFen(99) < Money::fromYuan(1));
    QVERIFY(Money::fromFen(-1) < Money::fromFen(0));
    QVERIFY(Money::fromFen(101) > Money::fromYuan(1));
    QVERIFY(Money::fromFen(101) != Money::fromYuan(1));
}

void TestMoney::toString_data()
{
    QTest::addColumn<qint64>("fen");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << u"0.00"_s;
    QTest::newRow("one fen") << qint64(1) << u"0.01"_s;
    QTest::newRow("ten fen") << qint64(10) << u"0.10"_s;
    QTest::newRow("whole yuan") << qint64(300) << u"3.00"_s;
    QTest::newRow("yuan and jiao") << qint64(1250) << u"12.50"_s;
    QTest::newRow("negative") << qint64(-305) << u"-3.05"_s;
    QTest::newRow("negative below one yuan") << qint64(-5) << u"-0.05"_s;
    QTest::newRow("large") << qint64(123456789012) << u"1234567890.12"_s;
}

void TestMoney::toString()
{
    QFETCH(qint64, fen);
    QFETCH(QString, text);
    QCOMPARE(Money::fromFen(fen).toString(), text);
}

void TestMoney::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("fen");
    QTest::newRow("whole") << u"12"_s << qint64(1200);
    QTest::newRow("one decimal") << u"12.5"_s << qint64(1250);
    QTest::newRow("two decimals") << u"12.50"_s << qint64(1250);
    QTest::newRow("fen only") << u"0.05"_s << qint64(5);
    QTest::newRow("negative") << u"-3.05"_s << qint64(-305);
    QTest::newRow("negative jiao") << u"-0.5"_s << qint64(-50);
    QTest::newRow("zero") << u"0"_s << qint64(0);
    QTest::newRow("surrounding spaces") << u"  7.01 "_s << qint64(701);
    QTest::newRow("leading zeros") << u"007.10"_s << qint64(710);
    QTest::newRow("twelve digits") << u"999999999999.99"_s << qint64(99999999999999);
}

void TestMoney::parse()
{
    QFETCH(QString, text);
    QFETCH(qint64, fen);
    const auto money = Money::parse(text);
    QVERIFY2(money.has_value(), qPrintable(text));
    QCOMPARE(money->fen, fen);
}

void TestMoney::parseRejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("three decimals") << u"1.234"_s;
    QTest::newRow("letters") << u"abc"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << u"   "_s;
    QTest::newRow("dot only") << u"."_s;
    QTest::newRow("minus only") << u"-"_s;
    QTest::newRow("double minus") << u"--1"_s;
    QTest::newRow("plus sign") << u"+5"_s;
    QTest::newRow("comma decimal") << u"1,50"_s;
    QTest::newRow("two dots") << u"1.2.3"_s;
    QTest::newRow("trailing letter") << u"12a"_s;
    QTest::newRow("inner space") << u"1 000"_s;
    QTest::newRow("exponent") << u"1e3"_s;
    QTest::newRow("hex") << u"0x10"_s;
    QTest::newRow("currency sign") << u"¥12"_s;
    QTest::newRow("minus in fraction") << u"1.-5"_s;
    QTest::newRow("full-width digits") << u"１２"_s;
    QTest::newRow("arabic-indic digits") << u"\u0661\u0662"_s;
    QTest::newRow("thirteen digits") << u"1234567890123"_s;
}

void TestMoney::parseRejects()
{
    QFETCH(QString, text);
    QVERIFY2(!Money::parse(text).has_value(), qPrintable(text));
}

void TestMoney::roundTrip_data()
{
    QTest::addColumn<qint64>("fen");
    for (qint64 fen : {qint64(0), qint64(1), qint64(9), qint64(10), qint64(99), qint64(100),
                       qint64(101), qint64(1250), qint64(-1), qint64(-99), qint64(-100),
                       qint64(-1999), qint64(99999999999999)})
        QTest::addRow("%lld", fen) << fen;
}

void TestMoney::roundTrip()
{
    QFETCH(qint64, fen);
    const QString text = Money::fromFen(fen).toString();
    const auto back = Money::parse(text);
    QVERIFY2(back.has_value(), qPrintable(text));
    QCOMPARE(back->fen, fen);
    QCOMPARE(back->toString(), text);
}

void TestMoney::roundDiv_data()
{
    QTest::addColumn<qint64>("numerator");
    QTest::addColumn<qint64>("denominator");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("exact") << qint64(10) << qint64(5) << qint64(2);
    QTest::newRow("exact negative") << qint64(-10) << qint64(5) << qint64(-2);
    QTest::newRow("zero") << qint64(0) << qint64(7) << qint64(0);
    QTest::newRow("below half") << qint64(149) << qint64(100) << qint64(1);
    QTest::newRow("half up") << qint64(150) << qint64(100) << qint64(2);
    QTest::newRow("above half") << qint64(151) << qint64(100) << qint64(2);
    QTest::newRow("0.5 → 1") << qint64(1) << qint64(2) << qint64(1);
    QTest::newRow("2.5 → 3 (not banker's)") << qint64(5) << qint64(2) << qint64(3);
    QTest::newRow("3.5 → 4") << qint64(7) << qint64(2) << qint64(4);
    QTest::newRow("-0.5 → -1") << qint64(-1) << qint64(2) << qint64(-1);
    QTest::newRow("-2.5 → -3") << qint64(-5) << qint64(2) << qint64(-3);
    QTest::newRow("-1.49 → -1") << qint64(-149) << qint64(100) << qint64(-1);
    QTest::newRow("-1.5 → -2") << qint64(-150) << qint64(100) << qint64(-2);
    QTest::newRow("1/3 → 0") << qint64(1) << qint64(3) << qint64(0);
    QTest::newRow("2/3 → 1") << qint64(2) << qint64(3) << qint64(1);
    QTest::newRow("-1/3 → 0") << qint64(-1) << qint64(3) << qint64(0);
    QTest::newRow("-2/3 → -1") << qint64(-2) << qint64(3) << qint64(-1);
    QTest::newRow("denominator 1") << qint64(-7) << qint64(1) << qint64(-7);
    QTest::newRow("large") << qint64(1999999999999) << qint64(1000) << qint64(2000000000);
}

void TestMoney::roundDiv()
{
    QFETCH(qint64, numerator);
    QFETCH(qint64, denominator);
    QFETCH(qint64, expected);
    QCOMPARE(smartpos::roundDiv(numerator, denominator), expected);
    // Half away from zero is symmetric.
    QCOMPARE(smartpos::roundDiv(-numerator, denominator), -expected);
}

void TestMoney::priceForWeight_data()
{
    QTest::addColumn<qint64>("perKgFen");
    QTest::addColumn<qint64>("grams");
    QTest::addColumn<qint64>("expectedFen");
    QTest::newRow("one kilogram") << qint64(1196) << qint64(1000) << qint64(1196);
    QTest::newRow("half kilogram") << qint64(1196) << qint64(500) << qint64(598);
    QTest::newRow("x.468 rounds down") << qint64(1596) << qint64(333) << qint64(531);
    QTest::newRow("x.5 rounds up") << qint64(1990) << qint64(250) << qint64(498);
    QTest::newRow("one gram") << qint64(3960) << qint64(1) << qint64(4);
    QTest::newRow("half a fen") << qint64(1) << qint64(500) << qint64(1);
    QTest::newRow("below half a fen") << qint64(1) << qint64(499) << qint64(0);
    QTest::newRow("no weight") << qint64(1196) << qint64(0) << qint64(0);
    QTest::newRow("free") << qint64(0) << qint64(750) << qint64(0);
    QTest::newRow("ten kilograms") << qint64(598) << qint64(10250) << qint64(6130);
}

void TestMoney::priceForWeight()
{
    QFETCH(qint64, perKgFen);
    QFETCH(qint64, grams);
    QFETCH(qint64, expectedFen);
    QCOMPARE(smartpos::priceForWeight(Money::fromFen(perKgFen), grams).fen, expectedFen);
}

void TestMoney::taxIncluded_data()
{
    QTest::addColumn<qint64>("grossFen");
    QTest::addColumn<int>("rateBp");
    QTest::addColumn<qint64>("taxFen");
    QTest::newRow("13% exact") << qint64(113) << 1300 << qint64(13);
    QTest::newRow("13% exact ×10") << qint64(1130) << 1300 << qint64(130);
    QTest::newRow("13% of ¥1 (11.50 → 12)") << qint64(100) << 1300 << qint64(12);
    QTest::newRow("13% of ¥3 (34.51 → 35)") << qint64(300) << 1300 << qint64(35);
    QTest::newRow("13% of ¥3.50 (40.27 → 40)") << qint64(350) << 1300 << qint64(40);
    QTest::newRow("9% exact") << qint64(109) << 900 << qint64(9);
    QTest::newRow("9% exact ×10") << qint64(1090) << 900 << qint64(90);
    QTest::newRow("9% of ¥1 (8.26 → 8)") << qint64(100) << 900 << qint64(8);
    QTest::newRow("9% of ¥5.98 (49.38 → 49)") << qint64(598) << 900 << qint64(49);
    QTest::newRow("zero rate") << qint64(1000) << 0 << qint64(0);
    QTest::newRow("zero gross") << qint64(0) << 1300 << qint64(0);
    QTest::newRow("refund 13%") << qint64(-113) << 1300 << qint64(-13);
}

void TestMoney::taxIncluded()
{
    QFETCH(qint64, grossFen);
    QFETCH(int, rateBp);
    QFETCH(qint64, taxFen);
    const Money tax = smartpos::taxIncluded(Money::fromFen(grossFen), rateBp);
    QCOMPARE(tax.fen, taxFen);
    // Net + tax must give the gross back: tax is contained, not added.
    const Money net = Money::fromFen(grossFen) - tax;
    QVERIFY(qAbs(net.fen * rateBp - tax.fen * 10000) <= 10000 + rateBp);
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
