#include "core/cart.h"

#include "testsupport.h"

#include <QTest>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {

const Product cola = unitProduct(1, 300);          // ¥3.00, 13 %
const Product chips = unitProduct(2, 1290);        // ¥12.90, 13 %
const Product milk = unitProduct(3, 650, 900);     // ¥6.50, 9 %
const Product bananas = weighedProduct(10, 1196);  // ¥11.96/kg, 9 %
const Product apples = weighedProduct(11, 1596);   // ¥15.96/kg, 9 %

} // namespace

class TestCart : public QObject {
    Q_OBJECT

private slots:
    void emptyCart();
    void addUnitsIncrementsSameProduct();
    void addUnitsNewLineKeepsScannedCode();
    void addUnitsBounds_data();
    void addUnitsBounds();
    void addUnitsRefusesWeighedProduct();
    void addWeighedAlwaysNewLine();
    void addWeighedLabelPrice();
    void addWeighedRejects_data();
    void addWeighedRejects();
    void unitScanDoesNotJoinLabelLine();
    void setQuantity_data();
    void setQuantity();
    void removeLine();
    void removeLineOutOfRange();
    void clear();
    void totalsAndArticleCount();
    void taxBreakdownMixedRates();
    void taxBreakdownRoundsPerRate();
};

void TestCart::emptyCart()
{
    Cart cart;
    QVERIFY(cart.isEmpty());
    QCOMPARE(cart.total(), Money());
    QCOMPARE(cart.articleCount(), 0);
    QVERIFY(cart.taxBreakdown().isEmpty());
    QCOMPARE(cart.totalTax(), Money());
    QCOMPARE(cart.lastChangedLine(), -1);
}

void TestCart::addUnitsIncrementsSameProduct()
{
    Cart cart;
    QCOMPARE(cart.addUnits(cola, u"6928804995534"_s), 0);
    QCOMPARE(cart.addUnits(chips, u"0038000617607"_s), 1);
    QCOMPARE(cart.lastChangedLine(), 1);
    QCOMPARE(cart.addUnits(cola, u"6928804995534"_s), 0);
    QCOMPARE(cart.lastChangedLine(), 0);
    // The same product under its second barcode still joins its line.
    QCOMPARE(cart.addUnits(cola, u"6928804486339"_s, 3), 0);
    QCOMPARE(cart.lines().size(), 2);
    QCOMPARE(quantities(cart), (QList<qint64>{5, 1}));
    QCOMPARE(cart.lines()[0].total(), Money::fromFen(1500));
    QCOMPARE(cart.total(), Money::fromFen(1500 + 1290));
}

void TestCart::addUnitsNewLineKeepsScannedCode()
{
    Cart cart;
    cart.addUnits(cola, u"6928804486339"_s, 2);
    QCOMPARE(cart.lines()[0].code, u"6928804486339"_s);
    QCOMPARE(cart.lines()[0].product.sku, cola.sku);
    QVERIFY(!cart.lines()[0].labelPrice.has_value());
}

void TestCart::addUnitsBounds_data()
{
    QTest::addColumn<qint64>("already");  // units on the line before, 0 = no line
    QTest::addColumn<qint64>("units");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<qint64>("after");
    const qint64 max = Cart::maxUnitsPerLine;
    QTest::newRow("new line, one") << qint64(0) << qint64(1) << true << qint64(1);
    QTest::newRow("new line, max") << qint64(0) << max << true << max;
    QTest::newRow("new line, max + 1") << qint64(0) << max + 1 << false << qint64(0);
    QTest::newRow("new line, zero") << qint64(0) << qint64(0) << false << qint64(0);
    QTest::newRow("new line, negative") << qint64(0) << qint64(-2) << false << qint64(0);
    QTest::newRow("increment to max") << max - 1 << qint64(1) << true << max;
    QTest::newRow("increment past max") << max << qint64(1) << false << max;
    QTest::newRow("increment by zero") << qint64(3) << qint64(0) << false << qint64(3);
    QTest::newRow("increment by negative") << qint64(3) << qint64(-2) << false << qint64(3);
    QTest::newRow("increment below one") << qint64(3) << qint64(-3) << false << qint64(3);
}

void TestCart::addUnitsBounds()
{
    QFETCH(qint64, already);
    QFETCH(qint64, units);
    QFETCH(bool, accepted);
    QFETCH(qint64, after);
    Cart cart;
    if (already > 0)
        QCOMPARE(cart.addUnits(cola, u"c"_s, already), 0);
    const int line = cart.addUnits(cola, u"c"_s, units);
    QCOMPARE(line >= 0, accepted);
    if (after == 0) {
        QVERIFY(cart.isEmpty());
        QCOMPARE(cart.lastChangedLine(), -1);
    } else {
        QCOMPARE(quantities(cart), QList<qint64>{after});
        QCOMPARE(cart.total(), cola.price * after);
    }
}

void TestCart::addUnitsRefusesWeighedProduct()
{
    // A weighed product has no unit price: it needs a scale label.
    Cart cart;
    QCOMPARE(cart.addUnits(bananas, u"6923043509962"_s), -1);
    QVERIFY(cart.isEmpty());
}

void TestCart::addWeighedAlwaysNewLine()
{
    Cart cart;
    QCOMPARE(cart.addWeighed(bananas, u"2210010005005"_s, 500), 0);
    QCOMPARE(cart.addWeighed(bananas, u"2210010005005"_s, 500), 1);
    QCOMPARE(cart.addWeighed(apples, u"2210011003338"_s, 333), 2);
    QCOMPARE(cart.lastChangedLine(), 2);
    QCOMPARE(cart.lines().size(), 3);
    QCOMPARE(quantities(cart), (QList<qint64>{500, 500, 333}));
    QCOMPARE(cart.lines()[0].total(), Money::fromFen(598));
    QCOMPARE(cart.lines()[1].total(), Money::fromFen(598));
    QCOMPARE(cart.lines()[2].total(), Money::fromFen(531)); // 1596 × 0.333 = 531.468
    QCOMPARE(cart.total(), Money::fromFen(598 + 598 + 531));
    QCOMPARE(cart.articleCount(), 3); // one per pack, not grams
}

void TestCart::addWeighedLabelPrice()
{
    Cart cart;
    // The label's total wins over price × weight (the scale may round differently).
    QCOMPARE(cart.addWeighed(apples, u"2110011008004"_s, 501, Money::fromFen(800)), 0);
    QCOMPARE(cart.lines()[0].labelPrice, std::optional<Money>(Money::fromFen(800)));
    QCOMPARE(cart.lines()[0].total(), Money::fromFen(800));
    QCOMPARE(cart.lines()[0].tax(), Money::fromFen(66)); // 800 × 9/109 = 66.06
    QCOMPARE(cart.total(), Money::fromFen(800));
}

void TestCart::addWeighedRejects_data()
{
    QTest::addColumn<bool>("weighed");
    QTest::addColumn<qint64>("grams");
    QTest::addColumn<qint64>("labelFen"); // -1 = no label price
    QTest::newRow("no weight") << true << qint64(0) << qint64(-1);
    QTest::newRow("negative weight") << true << qint64(-500) << qint64(-1);
    // A unit product's price is per piece: grams of it would cost price × grams.
    QTest::newRow("unit product by weight") << false << qint64(500) << qint64(-1);
    QTest::newRow("zero label price") << true << qint64(0) << qint64(0);
    QTest::newRow("negative label price") << true << qint64(500) << qint64(-100);
}

void TestCart::addWeighedRejects()
{
    QFETCH(bool, weighed);
    QFETCH(qint64, grams);
    QFETCH(qint64, labelFen);
    Cart cart;
    cart.addUnits(chips, u"c"_s);
    const std::optional<Money> label =
        labelFen == -1 ? std::nullopt : std::optional<Money>(Money::fromFen(labelFen));
    QCOMPARE(cart.addWeighed(weighed ? bananas : cola, u"l"_s, grams, label), -1);
    QCOMPARE(cart.lines().size(), 1);
    QCOMPARE(cart.total(), chips.price);
    QCOMPARE(cart.lastChangedLine(), 0);
}

void TestCart::unitScanDoesNotJoinLabelLine()
{
    // A unit product can come with a variable-price label (e.g. a marked-down pack); its line
    // costs what the label says, so another scan of its barcode must not add to that line.
    Cart cart;
    QCOMPARE(cart.addWeighed(cola, u"2100001002508"_s, 1, Money::fromFen(250)), 0);
    QCOMPARE(cart.addUnits(cola, u"6928804995534"_s), 1);
    QCOMPARE(cart.lines().size(), 2);
    QCOMPARE(cart.total(), Money::fromFen(250 + 300));
    QCOMPARE(cart.addUnits(cola, u"6928804995534"_s), 1);
    QCOMPARE(cart.total(), Money::fromFen(250 + 600));
    // and the label line's quantity cannot be changed either: its total is printed
    QVERIFY(!cart.setQuantity(0, 3));
    QCOMPARE(cart.total(), Money::fromFen(250 + 600));
}

void TestCart::setQuantity_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<qint64>("units");
    QTest::addColumn<bool>("accepted");
    const qint64 max = Cart::maxUnitsPerLine;
    QTest::newRow("five") << 0 << qint64(5) << true;
    QTest::newRow("one") << 0 << qint64(1) << true;
    QTest::newRow("max") << 1 << max << true;
    QTest::newRow("max + 1") << 1 << max + 1 << false;
    QTest::newRow("zero") << 0 << qint64(0) << false;
    QTest::newRow("negative") << 0 << qint64(-1) << false;
    QTest::newRow("weighed line") << 2 << qint64(2) << false;
    QTest::newRow("index -1") << -1 << qint64(2) << false;
    QTest::newRow("index past end") << 3 << qint64(2) << false;
}

void TestCart::setQuantity()
{
    QFETCH(int, index);
    QFETCH(qint64, units);
    QFETCH(bool, accepted);
    Cart cart;
    cart.addUnits(cola, u"a"_s, 2);
    cart.addUnits(chips, u"b"_s);
    cart.addWeighed(bananas, u"c"_s, 500);
    const QList<qint64> before = quantities(cart);
    QCOMPARE(cart.lastChangedLine(), 2);

    QCOMPARE(cart.setQuantity(index, units), accepted);
    QList<qint64> expected = before;
    if (accepted) {
        expected[index] = units;
        QCOMPARE(cart.lastChangedLine(), index);
    } else {
        QCOMPARE(cart.lastChangedLine(), 2);
    }
    QCOMPARE(quantities(cart), expected);
    QCOMPARE(cart.total(), cola.price * expected[0] + chips.price * expected[1]
                               + Money::fromFen(598));
}

void TestCart::removeLine()
{
    Cart cart;
    cart.addUnits(cola, u"a"_s, 2);
    cart.addUnits(chips, u"b"_s);
    cart.addWeighed(bananas, u"c"_s, 500);
    QVERIFY(cart.removeLine(1));
    QCOMPARE(cart.lines().size(), 2);
    QCOMPARE(cart.lines()[0].product.id, cola.id);
    QCOMPARE(cart.lines()[1].product.id, bananas.id);
    QCOMPARE(cart.total(), Money::fromFen(600 + 598));
    QCOMPARE(cart.articleCount(), 3);
    QVERIFY(cart.lastChangedLine() >= 0 && cart.lastChangedLine() < 2);
    // After a removal, the product scanned again makes a fresh line at the end.
    QCOMPARE(cart.addUnits(chips, u"b"_s), 2);
    QVERIFY(cart.removeLine(0));
    QVERIFY(cart.removeLine(0));
    QVERIFY(cart.removeLine(0));
    QVERIFY(cart.isEmpty());
    QCOMPARE(cart.lastChangedLine(), -1);
    QCOMPARE(cart.total(), Money());
}

void TestCart::removeLineOutOfRange()
{
    Cart cart;
    QVERIFY(!cart.removeLine(0));
    cart.addUnits(cola, u"a"_s);
    QVERIFY(!cart.removeLine(-1));
    QVERIFY(!cart.removeLine(1));
    QCOMPARE(cart.lines().size(), 1);
}

void TestCart::clear()
{
    Cart cart;
    cart.addUnits(cola, u"a"_s, 4);
    cart.addWeighed(bananas, u"c"_s, 500);
    cart.clear();
    QVERIFY(cart.isEmpty());
    QCOMPARE(cart.total(), Money());
    QCOMPARE(cart.articleCount(), 0);
    QCOMPARE(cart.totalTax(), Money());
    QCOMPARE(cart.lastChangedLine(), -1);
    QCOMPARE(cart.addUnits(cola, u"a"_s), 0);
    QCOMPARE(quantities(cart), QList<qint64>{1});
}

void TestCart::totalsAndArticleCount()
{
    Cart cart;
    cart.addUnits(cola, u"a"_s, 3);                            // 900
    cart.addUnits(chips, u"b"_s);                              // 1290
    cart.addWeighed(bananas, u"c"_s, 1250);                    // 1495
    cart.addWeighed(apples, u"d"_s, 400, Money::fromFen(640)); // label 640
    cart.addUnits(milk, u"e"_s, 2);                            // 1300
    QCOMPARE(cart.total(), Money::fromFen(900 + 1290 + 1495 + 640 + 1300));
    Money sum;
    for (const auto &line : cart.lines())
        sum += line.total();
    QCOMPARE(cart.total(), sum);
    QCOMPARE(cart.articleCount(), 3 + 1 + 1 + 1 + 2);
}

void TestCart::taxBreakdownMixedRates()
{
    Cart cart;
    cart.addUnits(chips, u"b"_s);           // 1290 @ 13 %
    cart.addWeighed(bananas, u"c"_s, 1250); // 1495 @ 9 %
    cart.addUnits(cola, u"a"_s, 3);         // 900 @ 13 %
    cart.addUnits(milk, u"e"_s, 2);         // 1300 @ 9 %
    const auto breakdown = cart.taxBreakdown();
    QCOMPARE(breakdown.size(), 2);
    QCOMPARE(breakdown[0].rateBp, 900); // sorted by rate
    QCOMPARE(breakdown[0].gross, Money::fromFen(1495 + 1300));
    QCOMPARE(breakdown[0].tax, Money::fromFen(231)); // 2795 × 9/109 = 230.78
    QCOMPARE(breakdown[1].rateBp, 1300);
    QCOMPARE(breakdown[1].gross, Money::fromFen(1290 + 900));
    QCOMPARE(breakdown[1].tax, Money::fromFen(252)); // 2190 × 13/113 = 251.95
    QCOMPARE(breakdown[0].gross + breakdown[1].gross, cart.total());
    QCOMPARE(cart.totalTax(), Money::fromFen(231 + 252));
}

void TestCart::taxBreakdownRoundsPerRate()
{
    // Three ¥1.00 articles at 13 %: 11.50 fen each would round to 12 per line (36), but the
    // tax of the ¥3.00 the rate carries is 34.51 → 35.
    Cart cart;
    cart.addUnits(unitProduct(21, 100), u"x"_s);
    cart.addUnits(unitProduct(22, 100), u"y"_s);
    cart.addUnits(unitProduct(23, 100), u"z"_s);
    QCOMPARE(cart.lines()[0].tax(), Money::fromFen(12));
    const auto breakdown = cart.taxBreakdown();
    QCOMPARE(breakdown.size(), 1);
    QCOMPARE(breakdown[0].gross, Money::fromFen(300));
    QCOMPARE(breakdown[0].tax, Money::fromFen(35));
    QCOMPARE(cart.totalTax(), Money::fromFen(35));
}

QTEST_GUILESS_MAIN(TestCart)
#include "tst_cart.moc"
