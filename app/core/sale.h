#pragma once

#include "cart.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace smartpos {

struct Tender {
    // Every way a customer can pay. Change is given only from cash.
    enum class Kind { Cash, PaymentCode, Prepaid, Points, ExternalCard };
    Kind kind = Kind::Cash;
    Money amount;      // what this tender pays of the sale
    Money received;    // cash: what the customer handed over; other kinds: the amount
    Money change;      // cash only: received − amount, given back
    QString reference; // masked payment code, card terminal reference, member id …; never a secret
};

// "cash", "payment_code", "prepaid", "points", "card": the names the ledger and the cloud use.
QString tenderKindName(Tender::Kind kind);
std::optional<Tender::Kind> tenderKindFromName(QStringView name);

// Cash payment of `due` with `received` handed over; nothing when it is not enough.
std::optional<Tender> cashTender(Money due, Money received);
// A non-cash tender of exactly `amount` (> 0).
Tender exactTender(Tender::Kind kind, Money amount, const QString &reference = {});
// Tenders pay a sale when they add up to the total exactly, each pays a positive amount, only
// cash gives change, and each cash tender's change is what it received beyond its amount.
bool tendersSettle(const QList<Tender> &tenders, Money total);

struct SaleLine {
    QString sku;
    QString code;
    QString nameZh;
    QString nameEn;
    qint64 quantity = 0; // units, or grams when weighed
    bool weighed = false;
    Money unitPrice; // per unit or per kilogram
    Money total;
    int taxRateBp = 0;
};

// A change to the price of the sale that is not a product: a promotion, a coupon, a manual
// discount. Every adjustment names where it comes from, so a receipt can explain it.
struct Adjustment {
    QString source; // what made it: "promo:<id>", "coupon:<id>", "manual:<staff>", "test:<rule>"
    QString nameZh; // what the customer reads
    QString nameEn;
    int line = -1; // the sale line it belongs to (0-based), or -1 for the whole basket
    Money amount;  // negative for a discount
};

// A completed sale as the ledger keeps it: a snapshot, independent of later catalog changes.
// It is known everywhere (cloud, receipts, refunds) by its terminal and journal sequence number.
struct Sale {
    QDateTime createdAt; // UTC
    QList<SaleLine> lines;
    QList<Adjustment> adjustments;
    Money total; // Σ line totals + Σ adjustments, never negative
    Money tax;   // VAT included in the total, after adjustments
    QList<Tender> tenders;
};

Sale saleFromCart(const Cart &cart, const QDateTime &createdAtUtc, const QList<Tender> &tenders);

} // namespace smartpos
