// The list models under QAbstractItemModelTester: after every change a view could observe, the
// tester re-checks the whole model (row counts, indexes, parents, data) and fails the test on the
// first inconsistency.
#include "ui/cartmodel.h"
#include "ui/searchmodel.h"

#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {

QVariant cell(const QAbstractItemModel &model, int row, int role)
{
    return model.data(model.index(row, 0), role);
}

QStringList column(const QAbstractItemModel &model, int role)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << cell(model, row, role).toString();
    return values;
}

std::unique_ptr<QAbstractItemModelTester> testerFor(QAbstractItemModel *model)
{
    return std::make_unique<QAbstractItemModelTester>(
        model, QAbstractItemModelTester::FailureReportingMode::QtTest);
}

} // namespace

class TestModels : public QObject {
    Q_OBJECT

private slots:
    void cartThroughASale();
    void cartLanguage();
    void searchResults();
    void searchLanguage();
};

void TestModels::cartThroughASale()
{
    Cart cart;
    CartModel model(cart);
    const auto tester = testerFor(&model);
    QSignalSpy counts(&model, &CartModel::countChanged);
    const Product water = unitProduct(1, 200);
    const Product cola = unitProduct(2, 350);
    const Product bananas = weighedProduct(3, 1196);

    // The checkout changes the cart, then tells the model, as CashierController does.
    auto change = [&](auto &&edit) {
        edit();
        model.refresh();
    };

    QCOMPARE(model.rowCount(), 0);
    change([&] { cart.addUnits(water, u"6900000000007"_s); });
    change([&] { cart.addUnits(cola, u"6900000000014"_s); });
    change([&] { cart.addUnits(water, u"6900000000007"_s); }); // the same product again
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(column(model, CartModel::QuantityRole), (QStringList{u"2"_s, u"1"_s}));
    QCOMPARE(column(model, CartModel::TotalRole), (QStringList{u"4.00"_s, u"3.50"_s}));
    QCOMPARE(cell(model, 0, CartModel::LastRole), true);
    QCOMPARE(cell(model, 1, CartModel::LastRole), false);

    change([&] { cart.addWeighed(bananas, u"2210003004563"_s, 456); });
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(cell(model, 2, CartModel::QuantityRole), u"0.456 kg"_s);
    QCOMPARE(cell(model, 2, CartModel::UnitPriceRole), u"11.96/kg"_s);
    QCOMPARE(cell(model, 2, CartModel::TotalRole), u"5.45"_s);
    QCOMPARE(cell(model, 2, CartModel::WeighedRole), true);
    QCOMPARE(cell(model, 2, CartModel::LastRole), true);

    change([&] { QVERIFY(cart.setQuantity(1, 6)); });
    QCOMPARE(cell(model, 1, CartModel::QuantityRole), u"6"_s);
    QCOMPARE(cell(model, 1, CartModel::TotalRole), u"21.00"_s);
    QCOMPARE(cell(model, 1, CartModel::LastRole), true);

    change([&] { QVERIFY(cart.removeLine(0)); });
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(column(model, CartModel::NameRole), (QStringList{u"商品2"_s, u"商品3"_s}));

    change([&] { cart.clear(); });
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.property("count"), 0);
    QCOMPARE(counts.size(), 7);
}

void TestModels::cartLanguage()
{
    Cart cart;
    CartModel model(cart);
    const auto tester = testerFor(&model);
    Product englishOnly = unitProduct(2, 100);
    englishOnly.nameZh.clear();
    cart.addUnits(unitProduct(1, 100), u"6900000000007"_s);
    cart.addUnits(englishOnly, u"6900000000014"_s);
    model.refresh();

    QCOMPARE(column(model, CartModel::NameRole), (QStringList{u"商品1"_s, u"Product 2"_s}));
    model.setChinese(false);
    QCOMPARE(column(model, CartModel::NameRole), (QStringList{u"Product 1"_s, u"Product 2"_s}));
    model.setChinese(true);
    QCOMPARE(column(model, CartModel::NameRole), (QStringList{u"商品1"_s, u"Product 2"_s}));
    QCOMPARE(model.rowCount(), 2);
}

void TestModels::searchResults()
{
    SearchModel model;
    const auto tester = testerFor(&model);
    QSignalSpy counts(&model, &SearchModel::countChanged);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.at(0), nullptr);

    // The cashier types "可", then "可乐", then clears the field.
    model.setResults({unitProduct(1, 300), unitProduct(2, 350), weighedProduct(3, 1196)});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(column(model, SearchModel::SkuRole), (QStringList{u"SKU1"_s, u"SKU2"_s, u"SKU3"_s}));
    QCOMPARE(column(model, SearchModel::PriceRole),
             (QStringList{u"3.00"_s, u"3.50"_s, u"11.96/kg"_s}));
    QCOMPARE(cell(model, 2, SearchModel::WeighedRole), true);
    QCOMPARE(model.at(2)->id, 3);
    QCOMPARE(model.at(3), nullptr);
    QCOMPARE(model.at(-1), nullptr);

    model.setResults({unitProduct(2, 350)});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(model, 0, SearchModel::NameRole), u"商品2"_s);

    model.setResults({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.property("count"), 0);
    QCOMPARE(counts.size(), 3);
}

void TestModels::searchLanguage()
{
    SearchModel model;
    const auto tester = testerFor(&model);
    model.setResults({unitProduct(1, 300), unitProduct(2, 350)});
    model.setChinese(false);
    QCOMPARE(column(model, SearchModel::NameRole), (QStringList{u"Product 1"_s, u"Product 2"_s}));
    model.setChinese(true);
    QCOMPARE(column(model, SearchModel::NameRole), (QStringList{u"商品1"_s, u"商品2"_s}));
    // The language changes names, never the rows.
    QCOMPARE(model.rowCount(), 2);
}

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
