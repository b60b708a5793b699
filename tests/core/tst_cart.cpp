#include "core/cart.h"

#include "exactmoney.h"
#include "testsupport.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <iterator>
#include <limits>
#include <map>
#include <optional>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace smartpos {
// QCOMPARE prints "UnitPrice", "line 2" or "refused: LineTotal" rather than numbers.
char *toString(CartRefusal refusal)
{
    static const char *const names[] = {"None",       "Quantity",     "NeedsLabel",
                                        "NotWeighed", "NoLabelPrice", "NotEditable",
                                        "UnitPrice",  "LineTotal",    "SaleTotal"};
    const int i = int(refusal);
    return qstrdup(i >= 0 && i < int(std::size(names)) ? names[i] : "?");
}

char *toString(const CartEdit &edit)
{
    if (edit)
        return qstrdup(QByteArray("line " + QByteArray::number(edit.line)).constData());
    char *refusal = toString(edit.refusal);
    const QByteArray text =
        "refused: " + QByteArray(refusal)
        + (edit.line == -1 ? "" : " (line " + QByteArray::number(edit.line) + ")");
    delete[] refusal;
    return qstrdup(text.constData());
}

char *toString(const std::optional<Money> &money)
{
    return money ? toString(*money) : qstrdup("nothing");
}
} // namespace smartpos

namespace {

const Product cola = unitProduct(1, 300);         // ¥3.00, 13 %
const Product chips = unitProduct(2, 1290);       // ¥12.90, 13 %
const Product milk = unitProduct(3, 650, 900);    // ¥6.50, 9 %
const Product bananas = weighedProduct(10, 1196); // ¥11.96/kg, 9 %
const Product apples = weighedProduct(11, 1596);  // ¥15.96/kg, 9 %

using namespace smartpos::exact;

// Issue 7: 4 of these cost 2^64 + 200 fen, which the unchecked operator* made ¥2.00.
constexpr qint64 kWhyFen = 4611686018427387954;

MoneyLimits limitsAtCeiling()
{
    const Money c = MoneyLimits::ceiling;
    return MoneyLimits{c, c, c, c, c};
}

// What a line costs, exactly: its label's price, price per kg × grams / 1000 rounded, or price ×
// units.
Int128 exactTotal(const CartLine &line)
{
    if (line.labelPrice)
        return line.labelPrice->fen;
    if (line.product.isWeighed())
        return roundedQuotient(Int128(line.product.price.fen) * line.quantity, 1000);
    return Int128(line.product.price.fen) * line.quantity;
}

QString describe(const CartEdit &edit)
{
    char *text = toString(edit);
    const QString result = QString::fromLatin1(text);
    delete[] text;
    return result;
}

bool sameLine(const CartLine &a, const CartLine &b)
{
    const Product &p = a.product;
    const Product &q = b.product;
    return p.id == q.id && p.sku == q.sku && p.nameZh == q.nameZh && p.nameEn == q.nameEn
           && p.category == q.category && p.price == q.price && p.taxRateBp == q.taxRateBp
           && p.soldBy == q.soldBy && p.plu == q.plu && a.code == b.code && a.quantity == b.quantity
           && a.labelPrice == b.labelPrice;
}

bool sameLines(const QList<CartLine> &a, const QList<CartLine> &b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), sameLine);
}

// All a caller can see of a cart; a refused change must leave every bit of it as it was.
struct Snapshot {
    explicit Snapshot(const Cart &cart)
        : lines(cart.lines())
        , total(cart.total())
        , lastChanged(cart.lastChangedLine())
    {
    }
    bool operator==(const Snapshot &other) const
    {
        return sameLines(lines, other.lines) && total == other.total
               && lastChanged == other.lastChanged;
    }

    QList<CartLine> lines; // a copy: the cart detaches from it when it changes
    Money total;
    int lastChanged;
};

} // namespace

namespace {

// Everything a cart promises about its amounts, against exact arithmetic: every line within the
// line limit, the sale within the sale limit, the total and the tax per rate exactly the 128-bit
// sums, the tax of each rate rounded once from that rate's gross.
bool consistent(const Cart &cart)
{
    const MoneyLimits &limits = cart.limits();
    Int128 sum = 0;
    Int128 articles = 0;
    std::map<int, Int128> grossByRate;
    for (int i = 0; i < cart.lines().size(); ++i) {
        const CartLine &line = cart.lines()[i];
        const Int128 exact = exactTotal(line);
        const std::optional<Money> checked = line.checkedTotal();
        PROPERTY_CHECK(checked && checked->fen == exact, u"line %1 costs %2, exactly %3"_s.arg(i)
                                                             .arg(checked ? checked->fen : -1)
                                                             .arg(text(exact)));
        PROPERTY_CHECK(exact >= 0 && exact <= limits.line.fen,
                       u"line %1 costs %2, the line limit is %3"_s.arg(i)
                           .arg(text(exact))
                           .arg(limits.line.fen));
        sum += exact;
        articles += line.product.isWeighed() ? 1 : line.quantity;
        grossByRate[line.product.taxRateBp] += exact;
    }
    PROPERTY_CHECK(cart.total().fen == sum,
                   u"total %1, the lines add up to %2"_s.arg(cart.total().fen).arg(text(sum)));
    PROPERTY_CHECK(sum <= limits.sale.fen,
                   u"total %1, the sale limit is %2"_s.arg(text(sum)).arg(limits.sale.fen));
    PROPERTY_CHECK(articles <= kMax, u"%1 articles"_s.arg(text(articles)));
    PROPERTY_CHECK(cart.articleCount() == articles,
                   u"%1 articles, expected %2"_s.arg(cart.articleCount()).arg(text(articles)));

    const QList<TaxLine> breakdown = cart.taxBreakdown();
    PROPERTY_CHECK(breakdown.size() == qsizetype(grossByRate.size()),
                   u"%1 tax rates, expected %2"_s.arg(breakdown.size()).arg(grossByRate.size()));
    Int128 grossSum = 0;
    Int128 taxSum = 0;
    auto expected = grossByRate.begin(); // ascending by rate, as taxBreakdown() must be
    for (const TaxLine &tax : breakdown) {
        const int rate = expected->first;
        const Int128 exactTax = roundedQuotient(expected->second * rate, 10000 + rate);
        PROPERTY_CHECK(
            tax.rateBp == rate && tax.gross.fen == expected->second && tax.tax.fen == exactTax,
            u"rate %1: gross %2, tax %3; expected rate %4: gross %5, tax %6"_s.arg(tax.rateBp)
                .arg(tax.gross.fen)
                .arg(tax.tax.fen)
                .arg(rate)
                .arg(text(expected->second), text(exactTax)));
        grossSum += tax.gross.fen;
        taxSum += tax.tax.fen;
        ++expected;
    }
    PROPERTY_CHECK(grossSum == sum, u"the rates' gross adds up to %1, the total is %2"_s.arg(
                                        text(grossSum), text(sum)));
    PROPERTY_CHECK(
        cart.totalTax().fen == taxSum,
        u"total tax %1, the rates add up to %2"_s.arg(cart.totalTax().fen).arg(text(taxSum)));
    return true;
}

// One change to a cart, as the property test draws it.
struct Edit {
    enum Kind { AddUnits, AddWeighed, SetQuantity, RemoveLine, Clear } kind = AddUnits;
    Product product;
    qint64 amount = 0; // units or grams
    std::optional<Money> labelPrice;
    int index = -1;

    CartEdit applyTo(Cart &cart) const
    {
        switch (kind) {
        case AddUnits:
            return cart.addUnits(product, product.sku, amount);
        case AddWeighed:
            return cart.addWeighed(product, product.plu, amount, labelPrice);
        case SetQuantity:
            return cart.setQuantity(index, amount);
        case RemoveLine:
            return cart.removeLine(index) ? CartEdit{index}
                                          : CartEdit{-1, CartRefusal::NotEditable};
        case Clear:
            cart.clear();
            return {};
        }
        return {};
    }

    QString toString() const
    {
        const QString what = u"product %1 (%2 fen%3, %4 bp)"_s.arg(product.id)
                                 .arg(product.price.fen)
                                 .arg(product.isWeighed() ? u"/kg"_s : QString())
                                 .arg(product.taxRateBp);
        switch (kind) {
        case AddUnits:
            return u"addUnits(%1, %2)"_s.arg(what).arg(amount);
        case AddWeighed:
            return u"addWeighed(%1, %2 g, label %3)"_s.arg(what).arg(amount).arg(
                labelPrice ? QString::number(labelPrice->fen) : u"none"_s);
        case SetQuantity:
            return u"setQuantity(%1, %2)"_s.arg(index).arg(amount);
        case RemoveLine:
            return u"removeLine(%1)"_s.arg(index);
        case Clear:
            return u"clear()"_s;
        }
        return {};
    }
};

// What the Cart should make of `edit`, worked out independently in 128 bits: the refusal, or the
// lines afterwards.
struct Outcome {
    CartRefusal refusal = CartRefusal::None;
    int line = -1;
    QList<CartLine> lines = {};
};

Outcome placed(const Cart &cart, int index, const CartLine &line)
{
    const MoneyLimits &limits = cart.limits();
    if (line.product.price.isNegative() || line.product.price > limits.unitPrice)
        return {CartRefusal::UnitPrice};
    const Int128 lineTotal = exactTotal(line);
    if (lineTotal > limits.line.fen)
        return {CartRefusal::LineTotal};
    Int128 saleTotal = lineTotal;
    for (int i = 0; i < cart.lines().size(); ++i)
        if (i != index)
            saleTotal += exactTotal(cart.lines()[i]);
    if (saleTotal > limits.sale.fen)
        return {CartRefusal::SaleTotal};
    Outcome outcome{CartRefusal::None, index, cart.lines()};
    if (index < outcome.lines.size())
        outcome.lines[index] = line;
    else
        outcome.lines.append(line);
    return outcome;
}

Outcome expectedOutcome(const Cart &cart, const Edit &edit)
{
    const QList<CartLine> &lines = cart.lines();
    const qint64 units = edit.amount;
    const bool unitsOk = units >= 1 && units <= Cart::maxUnitsPerLine;
    switch (edit.kind) {
    case Edit::AddUnits:
        if (edit.product.isWeighed())
            return {CartRefusal::NeedsLabel};
        if (!unitsOk)
            return {CartRefusal::Quantity};
        for (int i = 0; i < lines.size(); ++i) {
            // The same product joins its line, unless that line is priced by a label.
            if (lines[i].product.id == edit.product.id && !lines[i].product.isWeighed()
                && !lines[i].labelPrice) {
                if (lines[i].quantity + units > Cart::maxUnitsPerLine)
                    return {CartRefusal::Quantity};
                CartLine more = lines[i];
                more.quantity += units;
                return placed(cart, i, more);
            }
        }
        return placed(cart, int(lines.size()),
                      CartLine{edit.product, edit.product.sku, units, std::nullopt});
    case Edit::AddWeighed:
        if (edit.labelPrice && edit.labelPrice->fen <= 0)
            return {CartRefusal::NoLabelPrice};
        if (edit.labelPrice ? units < 0 : units < 1)
            return {CartRefusal::Quantity};
        if (!edit.labelPrice && !edit.product.isWeighed())
            return {CartRefusal::NotWeighed};
        // A label on goods sold by the piece is for one piece.
        return placed(cart, int(lines.size()),
                      CartLine{edit.product, edit.product.plu, edit.product.isWeighed() ? units : 1,
                               edit.labelPrice});
    case Edit::SetQuantity: {
        if (edit.index < 0 || edit.index >= lines.size() || lines[edit.index].product.isWeighed()
            || lines[edit.index].labelPrice)
            return {CartRefusal::NotEditable};
        if (!unitsOk)
            return {CartRefusal::Quantity};
        CartLine changed = lines[edit.index];
        changed.quantity = units;
        return placed(cart, edit.index, changed);
    }
    case Edit::RemoveLine: {
        if (edit.index < 0 || edit.index >= lines.size())
            return {CartRefusal::NotEditable};
        Outcome outcome{CartRefusal::None, edit.index, lines};
        outcome.lines.removeAt(edit.index);
        return outcome;
    }
    case Edit::Clear:
        return {};
    }
    return {};
}

// Draws values where the limit checks can go wrong: at, just over and far beyond each limit,
// negative, zero, the ends of qint64 and the "Why" price; the rest ordinary.
class EditGenerator {
public:
    explicit EditGenerator(quint32 seed)
        : m_random(seed)
    {
    }

    // A new sale: one of five kinds of limits and a shelf of products to sell under them.
    MoneyLimits newSale()
    {
        MoneyLimits limits;
        switch (m_random.bounded(5)) {
        case 0:
            break; // the defaults
        case 1:
            limits = limitsAtCeiling();
            break;
        case 2: // tight: the sale limit is reached after a few lines
            limits.unitPrice = Money::fromYuan(10);
            limits.line = Money::fromYuan(50);
            limits.sale = Money::fromYuan(120);
            break;
        case 3: // any valid limits, in any order of size
            limits.unitPrice = Money::fromFen(1 + qint64(m_random.bounded(quint64(1e9))));
            limits.line = Money::fromFen(1 + qint64(m_random.bounded(quint64(1e9))));
            limits.sale = Money::fromFen(1 + qint64(m_random.bounded(quint64(1e9))));
            break;
        case 4: // the smallest a store may set
            limits.unitPrice = limits.line = limits.sale = Money::fromFen(1);
            break;
        }
        m_limits = limits;
        m_shelf.clear();
        for (int id = 1; id <= 6; ++id) {
            Product p = m_random.bounded(3) == 0 ? weighedProduct(id, price(), rate())
                                                 : unitProduct(id, price(), rate());
            m_shelf.append(p);
        }
        return limits;
    }

    Edit next(const Cart &cart)
    {
        Edit edit;
        const int choice = m_random.bounded(100);
        if (choice < 35) {
            edit.kind = Edit::AddUnits;
            edit.product = product(SoldBy::Unit);
            edit.amount = units();
        } else if (choice < 68) {
            edit.kind = Edit::AddWeighed;
            edit.product = product(SoldBy::Weight);
            edit.amount = grams(edit.product.price.fen);
            if (m_random.bounded(2))
                edit.labelPrice = labelPrice();
        } else if (choice < 90) {
            edit.kind = Edit::SetQuantity;
            edit.index = index(cart);
            edit.amount = units();
        } else if (choice < 99) {
            edit.kind = Edit::RemoveLine;
            edit.index = index(cart);
        } else {
            edit.kind = Edit::Clear;
        }
        return edit;
    }

private:
    // Mostly a line whose quantity may be set; else any line, or one just outside the cart.
    int index(const Cart &cart)
    {
        const int lines = int(cart.lines().size());
        if (lines > 0 && m_random.bounded(4) != 0) {
            const int first = m_random.bounded(lines);
            for (int i = 0; i < lines; ++i) {
                const CartLine &line = cart.lines()[(first + i) % lines];
                if (!line.product.isWeighed() && !line.labelPrice)
                    return (first + i) % lines;
            }
        }
        return m_random.bounded(-1, lines + 1);
    }

    // Mostly one sold the way the edit sells, so that most edits get as far as the limits.
    const Product &product(SoldBy mostly)
    {
        const int first = m_random.bounded(int(m_shelf.size()));
        for (int i = 0; i < m_shelf.size() && m_random.bounded(8) != 0; ++i) {
            const Product &p = m_shelf[(first + i) % m_shelf.size()];
            if (p.soldBy == mostly)
                return p;
        }
        return m_shelf[first];
    }

    qint64 huge() { return qint64(m_random.generate64() >> (1 + m_random.bounded(63))); }
    qint64 upTo(qint64 limit) { return qint64(m_random.bounded(quint64(limit) + 1)); }

    qint64 price()
    {
        const qint64 limit = m_limits.unitPrice.fen;
        switch (m_random.bounded(12)) {
        case 0:
            return 0;
        case 1:
            return limit;
        case 2:
            return limit + 1;
        case 3:
            return kMax;
        case 4:
            return kWhyFen;
        case 5:
            return m_random.bounded(2) ? -1 - upTo(1000) : kMin;
        case 6:
            return huge();
        case 7:
        case 8:
            return upTo(1000); // cheap, so that the sale fills up line by line
        case 9:
            return limit / 2 + upTo(limit / 2);
        default:
            return upTo(limit);
        }
    }

    int rate()
    {
        static constexpr int usual[] = {0, 1, 600, 900, 1300, 10000};
        return m_random.bounded(2) ? usual[m_random.bounded(int(std::size(usual)))]
                                   : m_random.bounded(10001);
    }

    qint64 units()
    {
        switch (m_random.bounded(20)) {
        case 0:
            return 0;
        case 1:
            return -1 - upTo(m_random.bounded(2) ? 10 : kMax - 1);
        case 2:
            return Cart::maxUnitsPerLine;
        case 3:
            return Cart::maxUnitsPerLine + 1;
        case 4:
            return kMax;
        case 5:
            return kMin;
        case 6:
            return huge();
        case 7:
            return 1 + upTo(Cart::maxUnitsPerLine - 1);
        default:
            return 1 + upTo(9);
        }
    }

    qint64 grams(qint64 perKg)
    {
        switch (m_random.bounded(10)) {
        case 0:
            return 0;
        case 1:
            return -1 - upTo(1000);
        case 2:
            return kMax;
        case 3:
            return kMin;
        case 4:
            return huge();
        case 5: {
            // Where perKg × grams / 1000 reaches the line limit, give or take a gram.
            if (perKg <= 0)
                return 1;
            const Int128 atLimit = (Int128(m_limits.line.fen) * 1000 + 500) / perKg;
            return qint64(qMin(atLimit + m_random.bounded(-1, 2), Int128(kMax)));
        }
        default:
            return 1 + upTo(5000);
        }
    }

    std::optional<Money> labelPrice()
    {
        const qint64 limit = m_limits.line.fen;
        switch (m_random.bounded(10)) {
        case 0:
            return Money();
        case 1:
            return Money::fromFen(-1 - upTo(1000));
        case 2:
            return Money::fromFen(limit);
        case 3:
            return Money::fromFen(limit + 1);
        case 4:
            return Money::fromFen(kMax);
        case 5:
            return Money::fromFen(huge());
        default:
            return Money::fromFen(1 + upTo(qMin(limit, qint64(100'000)) - 1));
        }
    }

    QRandomGenerator m_random;
    MoneyLimits m_limits;
    QList<Product> m_shelf;
};

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

    // Issue 7: limits instead of overflows.
    void whyPriceRefused_data();
    void whyPriceRefused();
    void limitsAreInclusive();
    void ceilingLimitsDoNotOverflow();
    void taxAtTheLimits_data();
    void taxAtTheLimits();
    void randomEditsProperty();
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
    QTest::addColumn<qint64>("already"); // units on the line before, 0 = no line
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
    const CartEdit edit = cart.addUnits(cola, u"c"_s, units);
    QCOMPARE(bool(edit), accepted);
    QCOMPARE(edit.line, accepted ? 0 : -1);
    QCOMPARE(edit.refusal, accepted ? CartRefusal::None : CartRefusal::Quantity);
    if (after == 0) {
        QVERIFY(cart.isEmpty());
        QCOMPARE(cart.lastChangedLine(), -1);
    } else {
        QCOMPARE(quantities(cart), QList<qint64>{after});
        QCOMPARE(cart.total(), cola.price.times(after));
    }
}

void TestCart::addUnitsRefusesWeighedProduct()
{
    // A weighed product has no unit price: it needs a scale label.
    Cart cart;
    const CartEdit edit = cart.addUnits(bananas, u"6923043509962"_s);
    QCOMPARE(edit, -1);
    QCOMPARE(edit.refusal, CartRefusal::NeedsLabel);
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
    QTest::addColumn<CartRefusal>("refusal");
    QTest::newRow("no weight") << true << qint64(0) << qint64(-1) << CartRefusal::Quantity;
    QTest::newRow("negative weight") << true << qint64(-500) << qint64(-1) << CartRefusal::Quantity;
    // A unit product's price is per piece: grams of it would cost price × grams.
    QTest::newRow("unit product by weight")
        << false << qint64(500) << qint64(-1) << CartRefusal::NotWeighed;
    QTest::newRow("zero label price")
        << true << qint64(0) << qint64(0) << CartRefusal::NoLabelPrice;
    QTest::newRow("negative label price")
        << true << qint64(500) << qint64(-100) << CartRefusal::NoLabelPrice;
    QTest::newRow("label, negative weight")
        << true << qint64(-1) << qint64(100) << CartRefusal::Quantity;
}

void TestCart::addWeighedRejects()
{
    QFETCH(bool, weighed);
    QFETCH(qint64, grams);
    QFETCH(qint64, labelFen);
    QFETCH(CartRefusal, refusal);
    Cart cart;
    cart.addUnits(chips, u"c"_s);
    const std::optional<Money> label =
        labelFen == -1 ? std::nullopt : std::optional<Money>(Money::fromFen(labelFen));
    const CartEdit edit = cart.addWeighed(weighed ? bananas : cola, u"l"_s, grams, label);
    QCOMPARE(edit, -1);
    QCOMPARE(edit.refusal, refusal);
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
    QCOMPARE(cart.setQuantity(0, 3).refusal, CartRefusal::NotEditable);
    QCOMPARE(cart.total(), Money::fromFen(250 + 600));
}

void TestCart::setQuantity_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<qint64>("units");
    QTest::addColumn<CartRefusal>("refusal");
    const qint64 max = Cart::maxUnitsPerLine;
    QTest::newRow("five") << 0 << qint64(5) << CartRefusal::None;
    QTest::newRow("one") << 0 << qint64(1) << CartRefusal::None;
    QTest::newRow("max") << 0 << max << CartRefusal::None; // ¥29,997.00
    // 9999 × ¥12.90 = ¥128,987.10, over the default line limit of ¥50,000.
    QTest::newRow("max of chips") << 1 << max << CartRefusal::LineTotal;
    QTest::newRow("max + 1") << 1 << max + 1 << CartRefusal::Quantity;
    QTest::newRow("zero") << 0 << qint64(0) << CartRefusal::Quantity;
    QTest::newRow("negative") << 0 << qint64(-1) << CartRefusal::Quantity;
    QTest::newRow("huge") << 0 << std::numeric_limits<qint64>::max() << CartRefusal::Quantity;
    QTest::newRow("weighed line") << 2 << qint64(2) << CartRefusal::NotEditable;
    QTest::newRow("index -1") << -1 << qint64(2) << CartRefusal::NotEditable;
    QTest::newRow("index past end") << 3 << qint64(2) << CartRefusal::NotEditable;
}

void TestCart::setQuantity()
{
    QFETCH(int, index);
    QFETCH(qint64, units);
    QFETCH(CartRefusal, refusal);
    const bool accepted = refusal == CartRefusal::None;
    Cart cart;
    cart.addUnits(cola, u"a"_s, 2);
    cart.addUnits(chips, u"b"_s);
    cart.addWeighed(bananas, u"c"_s, 500);
    const QList<qint64> before = quantities(cart);
    QCOMPARE(cart.lastChangedLine(), 2);

    const CartEdit edit = cart.setQuantity(index, units);
    QCOMPARE(edit.refusal, refusal);
    QCOMPARE(edit, accepted ? index : -1);
    QList<qint64> expected = before;
    if (accepted) {
        expected[index] = units;
        QCOMPARE(cart.lastChangedLine(), index);
    } else {
        QCOMPARE(cart.lastChangedLine(), 2);
    }
    QCOMPARE(quantities(cart), expected);
    QCOMPARE(cart.total(), *cola.price.times(expected[0]) + *chips.price.times(expected[1])
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

// Issue 7: a product priced 4611686018427387954 fen, 4 units, used to come to ¥2.00.
void TestCart::whyPriceRefused_data()
{
    QTest::addColumn<MoneyLimits>("limits");
    QTest::newRow("default limits") << MoneyLimits();
    QTest::newRow("limits at the ceiling") << limitsAtCeiling();
}

void TestCart::whyPriceRefused()
{
    QFETCH(MoneyLimits, limits);
    Cart cart(limits);
    QVERIFY(cart.addUnits(cola, u"a"_s, 2));
    QVERIFY(cart.addWeighed(bananas, u"b"_s, 500));
    const Snapshot before(cart);
#define VERIFY_REFUSED(edit, why)                                                                  \
    do {                                                                                           \
        const CartEdit edit_ = (edit);                                                             \
        QCOMPARE(edit_.refusal, why);                                                              \
        QCOMPARE(edit_, -1);                                                                       \
        QVERIFY(Snapshot(cart) == before);                                                         \
    } while (false)

    VERIFY_REFUSED(cart.addUnits(unitProduct(7, kWhyFen), u"why"_s, 4), CartRefusal::UnitPrice);
    VERIFY_REFUSED(cart.addUnits(unitProduct(7, kWhyFen), u"why"_s, 1), CartRefusal::UnitPrice);
    VERIFY_REFUSED(cart.addUnits(unitProduct(8, kMax), u"max"_s), CartRefusal::UnitPrice);
    VERIFY_REFUSED(cart.addUnits(unitProduct(9, kMin), u"min"_s), CartRefusal::UnitPrice);
    VERIFY_REFUSED(cart.addWeighed(weighedProduct(17, kWhyFen), u"why/kg"_s, 4000),
                   CartRefusal::UnitPrice);
    // The label's price is what the line costs, but the product's own price is still checked.
    VERIFY_REFUSED(cart.addWeighed(unitProduct(7, kWhyFen), u"why"_s, 1, Money::fromFen(200)),
                   CartRefusal::UnitPrice);
    // A product within the limits, in an amount no qint64 holds.
    VERIFY_REFUSED(cart.addWeighed(bananas, u"b"_s, kMax), CartRefusal::LineTotal);
    VERIFY_REFUSED(cart.addWeighed(bananas, u"b"_s, 1, Money::fromFen(kWhyFen)),
                   CartRefusal::LineTotal);
    VERIFY_REFUSED(cart.addWeighed(bananas, u"b"_s, 1, Money::fromFen(kMax)),
                   CartRefusal::LineTotal);
#undef VERIFY_REFUSED
    QVERIFY(consistent(cart));
}

// Each limit: up to it is taken, one fen over it is refused.
void TestCart::limitsAreInclusive()
{
    Cart cart; // unitPrice ¥20,000, line ¥50,000, sale ¥100,000
    const MoneyLimits limits;
    QCOMPARE(cart.addUnits(unitProduct(1, limits.unitPrice.fen), u"a"_s), 0);
    QCOMPARE(cart.addUnits(unitProduct(2, limits.unitPrice.fen + 1), u"b"_s).refusal,
             CartRefusal::UnitPrice);
    QCOMPARE(cart.addWeighed(weighedProduct(3, limits.unitPrice.fen + 1), u"c"_s, 1).refusal,
             CartRefusal::UnitPrice);
    cart.clear();

    const Product fiveThousand = unitProduct(4, 500000); // ¥5,000 × 10 = the line limit
    QCOMPARE(cart.addUnits(fiveThousand, u"d"_s, 10), 0);
    QCOMPARE(cart.lines()[0].total(), limits.line);
    QCOMPARE(cart.addUnits(fiveThousand, u"d"_s).refusal, CartRefusal::LineTotal);
    QCOMPARE(cart.setQuantity(0, 11).refusal, CartRefusal::LineTotal);
    QCOMPARE(cart.addUnits(unitProduct(5, 500001), u"e"_s, 10).refusal, CartRefusal::LineTotal);
    QCOMPARE(cart.addWeighed(bananas, u"f"_s, 1, limits.line), 1);
    QCOMPARE(cart.addWeighed(bananas, u"f"_s, 1, limits.line + Money::fromFen(1)).refusal,
             CartRefusal::LineTotal);
    // 1,818,182 fen/kg × 2.75 kg = 5,000,000.5 fen: rounding, not the price, takes it over.
    const Product saffron = weighedProduct(6, 1818182);
    QCOMPARE(cart.addWeighed(saffron, u"g"_s, 2750).refusal, CartRefusal::LineTotal);
    QCOMPARE(cart.total(), limits.sale);

    // Full: not one fen more, however it comes.
    QCOMPARE(cart.addUnits(unitProduct(7, 1), u"h"_s).refusal, CartRefusal::SaleTotal);
    QCOMPARE(cart.addWeighed(saffron, u"g"_s, 1).refusal, CartRefusal::SaleTotal);
    QCOMPARE(cart.addWeighed(bananas, u"f"_s, 1, Money::fromFen(1)).refusal,
             CartRefusal::SaleTotal);
    // The line being changed counts once, with its new total, not on top of its old one.
    QCOMPARE(cart.setQuantity(0, 10), 0);
    QCOMPARE(cart.setQuantity(0, 9), 0);
    QCOMPARE(cart.setQuantity(0, 10), 0);
    QCOMPARE(cart.total(), limits.sale);
    QVERIFY(consistent(cart));
}

// Limits at MoneyLimits::ceiling (¥10,000,000): 9999 units at the ceiling price come to about
// 10^13 fen, far inside qint64, and are refused by the line limit, not by an overflow.
void TestCart::ceilingLimitsDoNotOverflow()
{
    const MoneyLimits limits = limitsAtCeiling();
    const Money ceiling = MoneyLimits::ceiling;
    Cart cart(limits);
    const Product dearest = unitProduct(1, ceiling.fen);
    QCOMPARE(cart.addUnits(dearest, u"a"_s, Cart::maxUnitsPerLine).refusal, CartRefusal::LineTotal);
    QVERIFY(cart.isEmpty());
    QCOMPARE(cart.addUnits(dearest, u"a"_s), 0);
    QCOMPARE(cart.setQuantity(0, Cart::maxUnitsPerLine).refusal, CartRefusal::LineTotal);
    QCOMPARE(cart.addUnits(dearest, u"a"_s, Cart::maxUnitsPerLine - 1).refusal,
             CartRefusal::LineTotal);
    QCOMPARE(cart.addWeighed(weighedProduct(2, ceiling.fen), u"b"_s, kMax).refusal,
             CartRefusal::LineTotal);
    QCOMPARE(cart.addUnits(unitProduct(3, 1), u"c"_s).refusal, CartRefusal::SaleTotal);
    QCOMPARE(cart.total(), ceiling);
    QCOMPARE(cart.lines()[0].tax(), Money::fromFen(115044248)); // 10^9 × 13/113 = 115044247.8
    QCOMPARE(quantities(cart), QList<qint64>{1});
    QVERIFY(consistent(cart));

    // Cheaper goods fill the same ceiling with 9999 units a line.
    cart.clear();
    QCOMPARE(cart.addUnits(unitProduct(4, 100000), u"d"_s, Cart::maxUnitsPerLine), 0);
    QCOMPARE(cart.lines()[0].total(), Money::fromFen(999900000));
    QCOMPARE(cart.addUnits(unitProduct(5, 10), u"e"_s, Cart::maxUnitsPerLine), 1);
    QCOMPARE(cart.addWeighed(weighedProduct(6, 1000), u"f"_s, 10), 2);
    QCOMPARE(cart.total(), ceiling);
    QVERIFY(consistent(cart));
}

// Tax per rate on a sale that is exactly at its limit: each rate's tax rounded once from its
// exact gross, and the rates adding up to the total.
void TestCart::taxAtTheLimits_data()
{
    QTest::addColumn<MoneyLimits>("limits");
    QTest::newRow("default limits") << MoneyLimits();
    QTest::newRow("limits at the ceiling") << limitsAtCeiling();
}

void TestCart::taxAtTheLimits()
{
    QFETCH(MoneyLimits, limits);
    Cart cart(limits);
    const int rates[] = {0, 1, 600, 900, 1300, 10000};
    // Odd amounts, so that every rate's tax needs rounding.
    const qint64 price = qMin(limits.unitPrice.fen, limits.sale.fen / 16) - 7;
    qint64 id = 1;
    for (int rate : rates) {
        QCOMPARE(cart.addUnits(unitProduct(id++, price, rate), u"u"_s).refusal, CartRefusal::None);
        QCOMPARE(cart.addWeighed(weighedProduct(id++, price, rate), u"w"_s, 333).refusal,
                 CartRefusal::None);
    }
    // Up to the sale limit with label lines at every rate.
    for (int i = 0; cart.total() < limits.sale; ++i) {
        const Money left = limits.sale - cart.total();
        const Money label = qMin(qMin(left, limits.line), Money::fromFen(limits.line.fen / 3 + 1));
        QCOMPARE(cart.addWeighed(weighedProduct(id++, 1, rates[i % 6]), u"l"_s, 0, label).refusal,
                 CartRefusal::None);
    }
    QCOMPARE(cart.total(), limits.sale);
    QCOMPARE(cart.taxBreakdown().size(), qsizetype(std::size(rates)));
    QVERIFY(consistent(cart));
    QCOMPARE(cart.addWeighed(bananas, u"b"_s, 0, Money::fromFen(1)).refusal,
             CartRefusal::SaleTotal);
}

// 100 000 random edits, in sales of 60, under random limits: every edit does exactly what
// the rules worked out in 128 bits say: refused with the right reason and nothing changed, or
// taken with the cart still within its limits and its amounts exact.
void TestCart::randomEditsProperty()
{
    EditGenerator generator(20240607);
    std::map<CartRefusal, int> seen;
    Cart cart(generator.newSale());
    int editsInSale = 0;
    for (int i = 0; i < 100'000; ++i) {
        if (++editsInSale > 60) {
            cart = Cart(generator.newSale());
            editsInSale = 0;
        }
        const Edit edit = generator.next(cart);
        const Snapshot before(cart);
        const Outcome expected = expectedOutcome(cart, edit);
        const CartEdit done = edit.applyTo(cart);
        const auto failed = [&] { return u"edit %1: %2"_s.arg(i).arg(edit.toString()); };
        if (edit.kind == Edit::Clear) {
            QVERIFY2(cart.isEmpty() && cart.lastChangedLine() == -1, qPrintable(failed()));
            continue;
        }
        ++seen[expected.refusal];
        if (expected.refusal != CartRefusal::None) {
            if (done.refusal != expected.refusal || done.line != -1 || !(Snapshot(cart) == before))
                QFAIL(qPrintable(u"%1 gave %2 (%3), expected %4 and no change"_s.arg(failed())
                                     .arg(describe(done))
                                     .arg(Snapshot(cart) == before ? u"unchanged"_s : u"changed"_s)
                                     .arg(describe(CartEdit{-1, expected.refusal}))));
            continue;
        }
        if (done.refusal != CartRefusal::None || done.line != expected.line
            || !sameLines(cart.lines(), expected.lines))
            QFAIL(qPrintable(u"%1 gave %2, expected line %3"_s.arg(failed())
                                 .arg(describe(done))
                                 .arg(expected.line)));
        if (edit.kind == Edit::RemoveLine)
            QVERIFY2(cart.lastChangedLine() >= -1 && cart.lastChangedLine() < cart.lines().size()
                         && (cart.lastChangedLine() == -1) == cart.isEmpty(),
                     qPrintable(failed()));
        else
            QVERIFY2(cart.lastChangedLine() == expected.line, qPrintable(failed()));
        if (!consistent(cart))
            QFAIL(qPrintable(failed()));
    }
    // The generator reaches every outcome, often: else the property proves little.
    for (CartRefusal refusal :
         {CartRefusal::None, CartRefusal::Quantity, CartRefusal::NeedsLabel,
          CartRefusal::NotWeighed, CartRefusal::NoLabelPrice, CartRefusal::NotEditable,
          CartRefusal::UnitPrice, CartRefusal::LineTotal, CartRefusal::SaleTotal})
        QVERIFY2(seen[refusal] >= 500, qPrintable(describe(CartEdit{-1, refusal})));
}

QTEST_GUILESS_MAIN(TestCart)
#include "tst_cart.moc"
