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

// The member a sale was for, and what it did to their points (payload version 3).
struct SaleMember {
    QString id;
    QString tier;
    QString maskedPhone;  // 138****5678: what the receipt prints, never the whole number
    qint64 codeStep = -1; // the member code's 30 s step this sale accepted; -1: by phone number
    qint64 pointsEarned = 0;
    qint64 pointsRedeemed = 0; // their value is the sale's "points:<id>" adjustment
    qint64 pointsBalance = 0;  // the balance as the till knows it after this sale
    bool operator==(const SaleMember &) const = default;
};

// A coupon the sale wrote off (核销): its serial is used once, at this till and in the chain.
struct RedeemedCoupon {
    quint64 id = 0;
    quint32 campaign = 0;
    quint32 keyId = 0; // the chain key that signed it
    bool operator==(const RedeemedCoupon &) const = default;
};

// A coupon from a campaign's pool handed to the customer with the sale (面对面送券): the chain
// adds it to the member's coupons, or, without a member, the receipt prints its code as a QR.
struct GivenCoupon {
    quint64 id = 0;
    quint32 campaign = 0;
    QString code; // the signed SPC1 code
    bool operator==(const GivenCoupon &) const = default;
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
    std::optional<SaleMember> member = std::nullopt;
    QList<RedeemedCoupon> coupons = {};
    QList<GivenCoupon> givenCoupons = {};
};

Sale saleFromCart(const Cart &cart, const QDateTime &createdAtUtc, const QList<Tender> &tenders);

} // namespace smartpos
