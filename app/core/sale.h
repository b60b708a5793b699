#pragma once

#include "cart.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace smartpos {

struct Tender {
    enum class Kind { Cash };
    Kind kind = Kind::Cash;
    Money amount;   // what this tender pays of the sale
    Money received; // what the customer handed over
    Money change;   // received − amount, given back in cash
};

// Cash payment of `due` with `received` handed over; nothing when it is not enough.
std::optional<Tender> cashTender(Money due, Money received);

struct SaleLine {
    QString sku;
    QString code;
    QString nameZh;
    QString nameEn;
    qint64 quantity = 0; // units, or grams when weighed
    bool weighed = false;
    Money unitPrice;     // per unit or per kilogram
    Money total;
    int taxRateBp = 0;
};

// A completed sale as the ledger keeps it: a snapshot, independent of later catalog changes.
struct Sale {
    QString uuid;
    QDateTime createdAt; // UTC
    QList<SaleLine> lines;
    Money total;
    Money tax;
    QList<Tender> tenders;
};

Sale saleFromCart(const Cart &cart, const QString &uuid, const QDateTime &createdAtUtc,
                  const QList<Tender> &tenders);

} // namespace smartpos
