#include "core/money.h"

#include "exactmoney.h"
#include "testsupport.h"

#include <QRandomGenerator>
#include <QTest>

#include <iterator>
#include <limits>
#include <optional>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace smartpos {
// QCOMPARE prints a checked result as "12.50" or "nothing".
char *toString(const std::optional<Money> &money)
{
    return money ? toString(*money) : qstrdup("nothing");
}
} // namespace smartpos

namespace {

using namespace smartpos::exact;

bool fits(Int128 value)
{
    return value >= kMin && value <= kMax;
}

// The values where fixed-width arithmetic goes wrong: 0, ±1, the ends of qint64, its square
// root, the "Why" price of issue 7, the gram and basis-point scales, MoneyLimits::ceiling.
constexpr qint64 kEdges[] = {0,
                             1,
                             -1,
                             2,
                             -2,
                             3,
                             499,
                             500,
                             501,
                             999,
                             1000,
                             1001,
                             9999,
                             10000,
                             3037000499, // ⌊√INT64_MAX⌋
                             3037000500,
                             -3037000499,
                             -3037000500,
                             4294967296, // 2^32
                             1000000000, // MoneyLimits::ceiling in fen
                             kMax / 1000,
                             kMax / 1000 + 1,
                             4611686018427387904, // 2^62
                             -4611686018427387904,
                             4611686018427387954, // × 4 wrapped to 200 fen before issue 7
                             kMax,
                             kMax - 1,
                             kMin,
                             kMin + 1};

// An edge now and then, or one off an edge; otherwise a value of a random bit width (1 … 64)
// and sign, so that small, middling and huge magnitudes come up about equally often.
qint64 anyValue(QRandomGenerator &random)
{
    const qint64 edge = kEdges[random.bounded(int(std::size(kEdges)))];
    switch (random.bounded(8)) {
    case 0:
        return edge;
    case 1: {
        const Int128 near = Int128(edge) + random.bounded(-2, 3);
        return fits(near) ? qint64(near) : edge;
    }
    default: {
        const quint64 magnitude = random.generate64() >> random.bounded(64);
        // Unsigned negation, then the conversion C++20 defines modulo 2^64: any qint64 can come
        // out.
        return qint64(random.bounded(2) ? magnitude : quint64(0) - magnitude);
    }
    }
}

// A value of the same order as `limit` and just either side of it (clamped to qint64): where a
// checked function changes from a number to nothing.
qint64 around(QRandomGenerator &random, Int128 limit)
{
    const Int128 value = limit + random.bounded(-2, 3);
    return qint64(value > kMax ? kMax : value < kMin ? kMin : value);
}

// A tax rate the documentation allows (0 … 10000 basis points), the usual ones more often.
int anyRate(QRandomGenerator &random)
{
    static constexpr int usual[] = {0, 1, 300, 600, 900, 1300, 9999, 10000};
    return random.bounded(2) ? usual[random.bounded(int(std::size(usual)))] : random.bounded(10001);
}

constexpr int kIterations = 100'000;

} // namespace

class TestMoney : public QObject {
    Q_OBJECT

private slots:
    void arithmetic();
    void checkedArithmetic_data();
    void checkedArithmetic();
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
    void priceForWeightTooLarge_data();
    void priceForWeightTooLarge();
    void taxIncluded_data();
    void taxIncluded();

    // Properties against exact 128-bit arithmetic, on every pair of edges and on 100 000 random
    // pairs (fixed seeds: a failure reproduces).
    void plusProperty();
    void timesProperty();
    void roundDivProperty();
    void priceForWeightProperty();
    void taxIncludedProperty();
};

void TestMoney::arithmetic()
{
    const Money a = Money::fromFen(1250);
    const Money b = Money::fromYuan(3);
    QCOMPARE(b.fen, 300);
    QCOMPARE((a + b).fen, 1550);
    QCOMPARE((a - b).fen, 950);
    QCOMPARE((b - a).fen, -950);
    QCOMPARE(a.times(3), Money::fromFen(3750));
    QCOMPARE(a.times(0), Money());
    QCOMPARE(a.times(-2), Money::fromFen(-2500));
    QCOMPARE(a.plus(b), Money::fromFen(1550));
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
    static_assert(Money::fromFen(1250).times(3)->fen == 3750);
    static_assert(!Money::fromFen(kMax).plus(Money::fromFen(1)));
}

// plus() and times() at the ends of qint64: the exact result, or nothing; never a wrapped one.
void TestMoney::checkedArithmetic_data()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<std::optional<Money>>("sum");
    QTest::addColumn<std::optional<Money>>("product");
    const auto money = [](qint64 fen) { return std::optional(Money::fromFen(fen)); };
    const std::optional<Money> nothing;
    QTest::newRow("zeros") << qint64(0) << qint64(0) << money(0) << money(0);
    QTest::newRow("max, 1") << kMax << qint64(1) << nothing << money(kMax);
    QTest::newRow("max, 0") << kMax << qint64(0) << money(kMax) << money(0);
    QTest::newRow("max, -1") << kMax << qint64(-1) << money(kMax - 1) << money(-kMax);
    QTest::newRow("max, max") << kMax << kMax << nothing << nothing;
    QTest::newRow("min, -1") << kMin << qint64(-1) << nothing << nothing; // −min > max
    QTest::newRow("min, 1") << kMin << qint64(1) << money(kMin + 1) << money(kMin);
    QTest::newRow("min, max") << kMin << kMax << money(-1) << nothing;
    QTest::newRow("min, min") << kMin << kMin << nothing << nothing;
    QTest::newRow("√max²") << qint64(3037000499) << qint64(3037000499) << money(6074000998)
                           << money(9223372030926249001);
    QTest::newRow("(√max + 1)²") << qint64(3037000500) << qint64(3037000500) << money(6074001000)
                                 << nothing;
    QTest::newRow("-2^62 × 2 = min")
        << qint64(-4611686018427387904) << qint64(2) << money(-4611686018427387902) << money(kMin);
    QTest::newRow("2^62 × 2 = max + 1")
        << qint64(4611686018427387904) << qint64(2) << money(4611686018427387906) << nothing;
    // Issue 7: the unchecked operator* made this ¥2.00 (2^64 + 200 fen, wrapped).
    QTest::newRow("why") << qint64(4611686018427387954) << qint64(4) << money(4611686018427387958)
                         << nothing;
}

void TestMoney::checkedArithmetic()
{
    QFETCH(qint64, a);
    QFETCH(qint64, b);
    QFETCH(std::optional<Money>, sum);
    QFETCH(std::optional<Money>, product);
    QCOMPARE(Money::fromFen(a).plus(Money::fromFen(b)), sum);
    QCOMPARE(Money::fromFen(b).plus(Money::fromFen(a)), sum);
    QCOMPARE(Money::fromFen(a).times(b), product);
    QCOMPARE(Money::fromFen(b).times(a), product);
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
    // 128 bits inside: adding half the denominator cannot overflow any more.
    QTest::newRow("max / 1") << kMax << qint64(1) << kMax;
    QTest::newRow("min / 1") << kMin << qint64(1) << kMin;
    QTest::newRow("max / 2") << kMax << qint64(2) << qint64(4611686018427387904);
    QTest::newRow("min / 2") << kMin << qint64(2) << qint64(-4611686018427387904);
    QTest::newRow("max / 1000") << kMax << qint64(1000) << qint64(9223372036854776);
    QTest::newRow("max / max") << kMax << kMax << qint64(1);
    QTest::newRow("min / max") << kMin << kMax << qint64(-1);
    QTest::newRow("1 / max") << qint64(1) << kMax << qint64(0);
    QTest::newRow("just below half of max") << kMax / 2 << kMax << qint64(0);
    QTest::newRow("just above half of max") << kMax / 2 + 1 << kMax << qint64(1);
    QTest::newRow("exactly half of max - 1") << (kMax - 1) / 2 << kMax - 1 << qint64(1);
}

void TestMoney::roundDiv()
{
    QFETCH(qint64, numerator);
    QFETCH(qint64, denominator);
    QFETCH(qint64, expected);
    QCOMPARE(smartpos::roundDiv(numerator, denominator), expected);
    // Half away from zero is symmetric (−min does not exist).
    if (numerator != kMin)
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
    QTest::newRow("negative weight") << qint64(1196) << qint64(-500) << qint64(-598);
    // price × grams is beyond qint64 here, the price is not: the 128-bit product gets it right.
    QTest::newRow("max per kg, 999 g") << kMax << qint64(999) << qint64(9214148664817921031);
    QTest::newRow("min per kg, 999 g") << kMin << qint64(999) << qint64(-9214148664817921032);
    QTest::newRow("max per kg, 1 kg") << kMax << qint64(1000) << kMax;
    QTest::newRow("min per kg, 1 kg") << kMin << qint64(1000) << kMin;
    QTest::newRow("max per kg, 1 g") << kMax << qint64(1) << qint64(9223372036854776);
    QTest::newRow("1 fen per kg, max g") << qint64(1) << kMax << qint64(9223372036854776);
}

void TestMoney::priceForWeight()
{
    QFETCH(qint64, perKgFen);
    QFETCH(qint64, grams);
    QFETCH(qint64, expectedFen);
    QCOMPARE(smartpos::priceForWeight(Money::fromFen(perKgFen), grams),
             Money::fromFen(expectedFen));
}

void TestMoney::priceForWeightTooLarge_data()
{
    QTest::addColumn<qint64>("perKgFen");
    QTest::addColumn<qint64>("grams");
    QTest::newRow("max per kg, 1001 g") << kMax << qint64(1001);
    QTest::newRow("min per kg, 1001 g") << kMin << qint64(1001);
    QTest::newRow("min per kg, -1 kg") << kMin << qint64(-1000);
    QTest::newRow("max per kg, max g") << kMax << kMax;
    QTest::newRow("min per kg, min g") << kMin << kMin;
    QTest::newRow("1001 fen per kg, max g") << qint64(1001) << kMax;
    QTest::newRow("ceiling per kg, max g") << MoneyLimits::ceiling.fen << kMax;
    QTest::newRow("why price, 4 kg") << qint64(4611686018427387954) << qint64(4000);
}

void TestMoney::priceForWeightTooLarge()
{
    QFETCH(qint64, perKgFen);
    QFETCH(qint64, grams);
    QCOMPARE(smartpos::priceForWeight(Money::fromFen(perKgFen), grams), std::nullopt);
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
    // gross × rate is beyond qint64 here; the tax is not.
    QTest::newRow("max at 13%") << kMax << 1300 << qint64(1061095898045239695);
    QTest::newRow("min at 13%") << kMin << 1300 << qint64(-1061095898045239695);
    QTest::newRow("max at 9%") << kMax << 900 << qint64(761562828731128278);
    QTest::newRow("max at 100%") << kMax << 10000 << qint64(4611686018427387904);
    QTest::newRow("min at 100%") << kMin << 10000 << qint64(-4611686018427387904);
    QTest::newRow("ceiling at 13%") << MoneyLimits::ceiling.fen << 1300 << qint64(115044248);
}

void TestMoney::taxIncluded()
{
    QFETCH(qint64, grossFen);
    QFETCH(int, rateBp);
    QFETCH(qint64, taxFen);
    const Money tax = smartpos::taxIncluded(Money::fromFen(grossFen), rateBp);
    QCOMPARE(tax.fen, taxFen);
    // Net + tax must give the gross back: tax is contained, not added. In 128 bits, as the
    // gross may be anything; off by at most half a fen of tax.
    const Int128 net = Int128(grossFen) - tax.fen;
    const Int128 error = net * rateBp - Int128(tax.fen) * 10000;
    QVERIFY(2 * (error < 0 ? -error : error) <= 10000 + rateBp);
}

void TestMoney::plusProperty()
{
    const auto check = [](qint64 a, qint64 b) -> bool {
        const std::optional<Money> sum = Money::fromFen(a).plus(Money::fromFen(b));
        const Int128 exact = Int128(a) + b;
        PROPERTY_CHECK(agrees(sum, exact),
                       u"%1 plus %2 = %3, exactly %4"_s.arg(a).arg(b).arg(text(sum), text(exact)));
        return true;
    };
    for (qint64 a : kEdges)
        for (qint64 b : kEdges)
            if (!check(a, b))
                return;
    QRandomGenerator random(7001);
    for (int i = 0; i < kIterations; ++i) {
        const qint64 a = anyValue(random);
        // Every other pair straddles an end of qint64, where the answer turns into nothing.
        const qint64 b = i % 2 ? anyValue(random) : around(random, Int128(a < 0 ? kMin : kMax) - a);
        if (!check(a, b))
            return;
    }
}

void TestMoney::timesProperty()
{
    const auto check = [](qint64 a, qint64 b) -> bool {
        const std::optional<Money> product = Money::fromFen(a).times(b);
        const Int128 exact = Int128(a) * b;
        PROPERTY_CHECK(agrees(product, exact), u"%1 times %2 = %3, exactly %4"_s.arg(a).arg(b).arg(
                                                   text(product), text(exact)));
        return true;
    };
    for (qint64 a : kEdges)
        for (qint64 b : kEdges)
            if (!check(a, b))
                return;
    QRandomGenerator random(7002);
    for (int i = 0; i < kIterations; ++i) {
        const qint64 a = anyValue(random);
        // Every other factor is max / a or min / a, give or take: the largest that still fits.
        const Int128 end = random.bounded(2) ? kMax : kMin;
        const qint64 b = i % 2 || a == 0 ? anyValue(random) : around(random, end / a);
        if (!check(a, b))
            return;
    }
}

void TestMoney::roundDivProperty()
{
    const auto check = [](qint64 numerator, qint64 denominator) -> bool {
        const qint64 rounded = smartpos::roundDiv(numerator, denominator);
        const Int128 exact = roundedQuotient(numerator, denominator);
        PROPERTY_CHECK(rounded == exact, u"roundDiv(%1, %2) = %3, exactly %4"_s.arg(numerator)
                                             .arg(denominator)
                                             .arg(rounded)
                                             .arg(text(exact)));
        return true;
    };
    for (qint64 n : kEdges)
        for (qint64 d : kEdges)
            if (d > 0 && !check(n, d))
                return;
    QRandomGenerator random(7003);
    for (int i = 0; i < kIterations; ++i) {
        const qint64 numerator = anyValue(random);
        qint64 denominator = anyValue(random);
        if (denominator == kMin)
            denominator = kMax;
        denominator = denominator < 0 ? -denominator : denominator == 0 ? 1 : denominator;
        // Every other numerator is k × denominator + denominator / 2, give or take: a tie.
        const Int128 tie = Int128(numerator / denominator) * denominator + denominator / 2;
        if (!check(i % 2 ? around(random, tie) : numerator, denominator))
            return;
    }
}

void TestMoney::priceForWeightProperty()
{
    const auto check = [](qint64 perKg, qint64 grams) -> bool {
        const std::optional<Money> price = smartpos::priceForWeight(Money::fromFen(perKg), grams);
        const Int128 exact = roundedQuotient(Int128(perKg) * grams, 1000);
        PROPERTY_CHECK(agrees(price, exact),
                       u"priceForWeight(%1, %2 g) = %3, exactly %4"_s.arg(perKg).arg(grams).arg(
                           text(price), text(exact)));
        return true;
    };
    for (qint64 perKg : kEdges)
        for (qint64 grams : kEdges)
            if (!check(perKg, grams))
                return;
    QRandomGenerator random(7004);
    for (int i = 0; i < kIterations; ++i) {
        const qint64 perKg = anyValue(random);
        // Every other weight is where perKg × grams / 1000 reaches an end of qint64 (rounding
        // up past it by half a fen included).
        const Int128 end =
            random.bounded(2) ? Int128(kMax) * 1000 + 500 : Int128(kMin) * 1000 - 500;
        const qint64 grams = i % 2 || perKg == 0 ? anyValue(random) : around(random, end / perKg);
        if (!check(perKg, grams))
            return;
    }
}

void TestMoney::taxIncludedProperty()
{
    const auto check = [](qint64 gross, int rate) -> bool {
        const Money tax = smartpos::taxIncluded(Money::fromFen(gross), rate);
        const Int128 exact = roundedQuotient(Int128(gross) * rate, 10000 + rate);
        PROPERTY_CHECK(
            tax.fen == exact,
            u"taxIncluded(%1, %2 bp) = %3, exactly %4"_s.arg(gross).arg(rate).arg(tax.fen).arg(
                text(exact)));
        // Contained in the gross: never more, never of the other sign.
        PROPERTY_CHECK(gross >= 0 ? tax.fen >= 0 && tax.fen <= gross
                                  : tax.fen <= 0 && tax.fen >= gross,
                       u"taxIncluded(%1, %2 bp) = %3"_s.arg(gross).arg(rate).arg(tax.fen));
        return true;
    };
    for (qint64 gross : kEdges)
        for (int rate : {0, 1, 900, 1300, 9999, 10000})
            if (!check(gross, rate))
                return;
    QRandomGenerator random(7005);
    for (int i = 0; i < kIterations; ++i)
        if (!check(anyValue(random), anyRate(random)))
            return;
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
