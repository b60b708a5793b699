#include "core/sale.h"

#include "testsupport.h"

#include <QTest>
#include <QTimeZone>

using namespace smartpos;
using namespace Qt::StringLiterals;

class TestSale : public QObject {
    Q_OBJECT

private slots:
    void cashTender_data();
    void cashTender();
    void saleFromCart();
    void saleFromEmptyCart();
};

void TestSale::cashTender_data()
{
    QTest::addColumn<qint64>("due");
    QTest::addColumn<qint64>("received");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<qint64>("change");
    QTest::newRow("exact") << qint64(1250) << qint64(1250) << true << qint64(0);
    QTest::newRow("¥50 note") << qint64(1250) << qint64(5000) << true << qint64(3750);
    QTest::newRow("one fen short") << qint64(1250) << qint64(1249) << false << qint64(0);
    QTest::newRow("nothing handed over") << qint64(1250) << qint64(0) << false << qint64(0);
    QTest::newRow("free sale") << qint64(0) << qint64(0) << true << qint64(0);
    QTest::newRow("negative due") << qint64(-100) << qint64(0) << false << qint64(0);
    QTest::newRow("negative received") << qint64(100) << qint64(-100) << false << qint64(0);
}

void TestSale::cashTender()
{
    QFETCH(qint64, due);
    QFETCH(qint64, received);
    QFETCH(bool, accepted);
    QFETCH(qint64, change);
    const auto tender = smartpos::cashTender(Money::fromFen(due), Money::fromFen(received));
    QCOMPARE(tender.has_value(), accepted);
    if (!accepted)
        return;
    QCOMPARE(tender->kind, Tender::Kind::Cash);
    QCOMPARE(tender->amount, Money::fromFen(due));
    QCOMPARE(tender->received, Money::fromFen(received));
    QCOMPARE(tender->change, Money::fromFen(change));
    QCOMPARE(tender->amount + tender->change, tender->received);
}

void TestSale::saleFromCart()
{
    Product cola;
    cola.id = 1;
    cola.sku = u"DR0001"_s;
    cola.nameZh = u"可口可乐"_s;
    cola.nameEn = u"Coca-Cola"_s;
    cola.price = Money::fromFen(300);
    cola.taxRateBp = 1300;
    Product bananas;
    bananas.id = 2;
    bananas.sku = u"FR0011"_s;
    bananas.nameZh = u"香蕉"_s;
    bananas.nameEn = u"Bananas"_s;
    bananas.price = Money::fromFen(1196);
    bananas.taxRateBp = 900;
    bananas.soldBy = SoldBy::Weight;
    bananas.plu = u"10001"_s;

    Cart cart;
    cart.addUnits(cola, u"6928804995534"_s, 2);
    cart.addWeighed(bananas, u"2210001005005"_s, 500);
    const auto tender = smartpos::cashTender(cart.total(), Money::fromYuan(20));
    QVERIFY(tender);
    // 20:30 in Beijing is 12:30 UTC; the sale keeps UTC.
    const QDateTime local(QDate(2024, 3, 1), QTime(20, 30, 15, 123),
                          QTimeZone(8 * 3600));
    const Sale sale = smartpos::saleFromCart(cart, u"uuid-1"_s, local, {*tender});

    QCOMPARE(sale.uuid, u"uuid-1"_s);
    QCOMPARE(sale.createdAt, local);
    QCOMPARE(sale.createdAt.timeSpec(), Qt::UTC);
    QCOMPARE(sale.createdAt.time(), QTime(12, 30, 15, 123));
    QCOMPARE(sale.total, Money::fromFen(600 + 598));
    QCOMPARE(sale.tax, cart.totalTax());
    QCOMPARE(sale.tenders.size(), 1);
    QCOMPARE(sale.tenders[0].change, Money::fromFen(2000 - 1198));
    QCOMPARE(sale.lines.size(), 2);

    const SaleLine &first = sale.lines[0];
    QCOMPARE(first.sku, u"DR0001"_s);
    QCOMPARE(first.code, u"6928804995534"_s);
    QCOMPARE(first.nameZh, u"可口可乐"_s);
    QCOMPARE(first.nameEn, u"Coca-Cola"_s);
    QCOMPARE(first.quantity, 2);
    QVERIFY(!first.weighed);
    QCOMPARE(first.unitPrice, Money::fromFen(300));
    QCOMPARE(first.total, Money::fromFen(600));
    QCOMPARE(first.taxRateBp, 1300);

    const SaleLine &second = sale.lines[1];
    QCOMPARE(second.sku, u"FR0011"_s);
    QCOMPARE(second.quantity, 500);
    QVERIFY(second.weighed);
    QCOMPARE(second.unitPrice, Money::fromFen(1196));
    QCOMPARE(second.total, Money::fromFen(598));
    QCOMPARE(second.taxRateBp, 900);

    // A snapshot: changing the cart afterwards does not change the sale.
    cart.clear();
    QCOMPARE(sale.lines.size(), 2);
}

void TestSale::saleFromEmptyCart()
{
    const Sale sale = smartpos::saleFromCart(Cart(), u"u"_s, QDateTime::currentDateTimeUtc(), {});
    QVERIFY(sale.lines.isEmpty());
    QCOMPARE(sale.total, Money());
    QCOMPARE(sale.tax, Money());
}

QTEST_GUILESS_MAIN(TestSale)
#include "tst_sale.moc"
