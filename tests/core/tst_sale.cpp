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
    void tendersSettle_data();
    void tendersSettle();
    void exactTender();
    void tenderKindNames_data();
    void tenderKindNames();
    void unknownTenderKindNames_data();
    void unknownTenderKindNames();
};

namespace {

Tender cash(qint64 amount, qint64 received, qint64 change)
{
    return {Tender::Kind::Cash,
            Money::fromFen(amount),
            Money::fromFen(received),
            Money::fromFen(change),
            {}};
}

Tender nonCash(Tender::Kind kind, qint64 amount, qint64 received, qint64 change)
{
    return {kind, Money::fromFen(amount), Money::fromFen(received), Money::fromFen(change), {}};
}

Tender exact(Tender::Kind kind, qint64 amount)
{
    return smartpos::exactTender(kind, Money::fromFen(amount), u"ref"_s);
}

} // namespace

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
    const QDateTime local(QDate(2024, 3, 1), QTime(20, 30, 15, 123), QTimeZone(8 * 3600));
    const Sale sale = smartpos::saleFromCart(cart, local, {*tender});

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
    const Sale sale = smartpos::saleFromCart(Cart(), QDateTime::currentDateTimeUtc(), {});
    QVERIFY(sale.lines.isEmpty());
    QCOMPARE(sale.total, Money());
    QCOMPARE(sale.tax, Money());
}

void TestSale::tendersSettle_data()
{
    using Kind = Tender::Kind;
    QTest::addColumn<QList<Tender>>("tenders");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<bool>("settles");

    QTest::newRow("cash, exact") << QList<Tender>{cash(1000, 1000, 0)} << qint64(1000) << true;
    QTest::newRow("cash with change")
        << QList<Tender>{*smartpos::cashTender(Money::fromFen(1250), Money::fromYuan(50))}
        << qint64(1250) << true;
    QTest::newRow("payment code") << QList<Tender>{exact(Kind::PaymentCode, 1000)} << qint64(1000)
                                  << true;
    QTest::newRow("prepaid") << QList<Tender>{exact(Kind::Prepaid, 1000)} << qint64(1000) << true;
    QTest::newRow("points") << QList<Tender>{exact(Kind::Points, 1000)} << qint64(1000) << true;
    QTest::newRow("card") << QList<Tender>{exact(Kind::ExternalCard, 1000)} << qint64(1000) << true;

    // Splits.
    QTest::newRow("cash with change + payment code")
        << QList<Tender>{cash(300, 500, 200), exact(Kind::PaymentCode, 700)} << qint64(1000)
        << true;
    QTest::newRow("payment code + exact cash")
        << QList<Tender>{exact(Kind::PaymentCode, 999), cash(1, 1, 0)} << qint64(1000) << true;
    QTest::newRow("prepaid + points + cash with change")
        << QList<Tender>{exact(Kind::Prepaid, 200), exact(Kind::Points, 100), cash(700, 1000, 300)}
        << qint64(1000) << true;
    QTest::newRow("two cash tenders with change")
        << QList<Tender>{cash(500, 1000, 500), cash(500, 2000, 1500)} << qint64(1000) << true;

    // Change only from cash.
    QTest::newRow("payment code gives change")
        << QList<Tender>{nonCash(Kind::PaymentCode, 1000, 1200, 200)} << qint64(1000) << false;
    QTest::newRow("card received more, no change")
        << QList<Tender>{nonCash(Kind::ExternalCard, 1000, 1200, 0)} << qint64(1000) << false;
    QTest::newRow("points received less")
        << QList<Tender>{nonCash(Kind::Points, 1000, 900, 0)} << qint64(1000) << false;
    QTest::newRow("prepaid gives change in a split")
        << QList<Tender>{cash(500, 500, 0), nonCash(Kind::Prepaid, 500, 600, 100)} << qint64(1000)
        << false;
    QTest::newRow("cash change miscounted")
        << QList<Tender>{cash(1000, 5000, 3000)} << qint64(1000) << false;
    QTest::newRow("cash change without receiving")
        << QList<Tender>{cash(1000, 1000, 100)} << qint64(1000) << false;
    QTest::newRow("cash received less than it pays")
        << QList<Tender>{cash(1000, 500, -500)} << qint64(1000) << false;

    // Sums.
    QTest::newRow("one fen short")
        << QList<Tender>{exact(Kind::PaymentCode, 999)} << qint64(1000) << false;
    QTest::newRow("one fen over") << QList<Tender>{exact(Kind::PaymentCode, 1001)} << qint64(1000)
                                  << false;
    QTest::newRow("split over the total")
        << QList<Tender>{cash(600, 600, 0), exact(Kind::PaymentCode, 500)} << qint64(1000) << false;
    QTest::newRow("split short of the total")
        << QList<Tender>{cash(400, 1000, 600), exact(Kind::PaymentCode, 500)} << qint64(1000)
        << false;
    QTest::newRow("change counted as paid")
        << QList<Tender>{cash(500, 1000, 500)} << qint64(1000) << false;
    QTest::newRow("no tenders") << QList<Tender>{} << qint64(1000) << false;

    // Zero and negative amounts.
    QTest::newRow("zero cash in a split")
        << QList<Tender>{cash(0, 0, 0), exact(Kind::PaymentCode, 1000)} << qint64(1000) << false;
    QTest::newRow("zero payment code in a split")
        << QList<Tender>{cash(1000, 1000, 0), exact(Kind::PaymentCode, 0)} << qint64(1000) << false;
    QTest::newRow("negative cash")
        << QList<Tender>{cash(-100, 0, 100), exact(Kind::PaymentCode, 1100)} << qint64(1000)
        << false;
    QTest::newRow("negative payment code")
        << QList<Tender>{cash(1100, 1100, 0), exact(Kind::PaymentCode, -100)} << qint64(1000)
        << false;
    QTest::newRow("negative total") << QList<Tender>{cash(-100, -100, 0)} << qint64(-100) << false;
    QTest::newRow("negative total, no tenders") << QList<Tender>{} << qint64(-100) << false;

    // A free sale (a discount took everything off).
    QTest::newRow("zero total, no tenders") << QList<Tender>{} << qint64(0) << true;
    QTest::newRow("zero total, zero cash")
        << QList<Tender>{*smartpos::cashTender(Money(), Money())} << qint64(0) << true;
    QTest::newRow("zero total, note handed back")
        << QList<Tender>{*smartpos::cashTender(Money(), Money::fromYuan(5))} << qint64(0) << true;
    QTest::newRow("zero total, zero payment code")
        << QList<Tender>{exact(Kind::PaymentCode, 0)} << qint64(0) << false;
    QTest::newRow("zero total, a fen paid") << QList<Tender>{cash(1, 1, 0)} << qint64(0) << false;
}

void TestSale::tendersSettle()
{
    QFETCH(QList<Tender>, tenders);
    QFETCH(qint64, total);
    QFETCH(bool, settles);
    QCOMPARE(smartpos::tendersSettle(tenders, Money::fromFen(total)), settles);
}

void TestSale::exactTender()
{
    const Tender tender =
        smartpos::exactTender(Tender::Kind::PaymentCode, Money::fromFen(1234), u"1345****7890"_s);
    QCOMPARE(tender.kind, Tender::Kind::PaymentCode);
    QCOMPARE(tender.amount, Money::fromFen(1234));
    QCOMPARE(tender.received, Money::fromFen(1234));
    QCOMPARE(tender.change, Money());
    QCOMPARE(tender.reference, u"1345****7890"_s);
}

void TestSale::tenderKindNames_data()
{
    QTest::addColumn<Tender::Kind>("kind");
    QTest::addColumn<QString>("name");
    QTest::newRow("cash") << Tender::Kind::Cash << u"cash"_s;
    QTest::newRow("payment code") << Tender::Kind::PaymentCode << u"payment_code"_s;
    QTest::newRow("prepaid") << Tender::Kind::Prepaid << u"prepaid"_s;
    QTest::newRow("points") << Tender::Kind::Points << u"points"_s;
    QTest::newRow("card") << Tender::Kind::ExternalCard << u"card"_s;
}

void TestSale::tenderKindNames()
{
    QFETCH(Tender::Kind, kind);
    QFETCH(QString, name);
    QCOMPARE(tenderKindName(kind), name);
    QCOMPARE(tenderKindFromName(name), std::optional<Tender::Kind>(kind));
    QCOMPARE(tenderKindFromName(tenderKindName(kind)), std::optional<Tender::Kind>(kind));
}

void TestSale::unknownTenderKindNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("upper case") << u"Cash"_s;
    QTest::newRow("padded") << u" cash"_s;
    QTest::newRow("enum spelling") << u"PaymentCode"_s;
    QTest::newRow("wallet name") << u"wechat"_s;
}

void TestSale::unknownTenderKindNames()
{
    QFETCH(QString, name);
    QCOMPARE(tenderKindFromName(name), std::nullopt);
}

QTEST_GUILESS_MAIN(TestSale)
#include "tst_sale.moc"
