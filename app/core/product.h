#pragma once

#include "money.h"

#include <QLocale>
#include <QString>

namespace smartpos {

enum class SoldBy { Unit, Weight };

struct Product {
    qint64 id = 0;
    QString sku;
    QString nameZh;
    QString nameEn;
    QString category;
    Money price;          // per unit, or per kilogram when sold by weight; tax included
    int taxRateBp = 1300; // VAT rate in basis points (1300 = 13 %)
    SoldBy soldBy = SoldBy::Unit;
    QString plu; // scale PLU of weighed products, empty otherwise

    bool isWeighed() const { return soldBy == SoldBy::Weight; }
    // The name in the UI language; the other one when a product has only one.
    QString name(bool chinese) const
    {
        const QString &preferred = chinese ? nameZh : nameEn;
        return preferred.isEmpty() ? (chinese ? nameEn : nameZh) : preferred;
    }
    // The name in the language the UI runs in (the default QLocale).
    QString displayName() const { return name(QLocale().language() == QLocale::Chinese); }
};

} // namespace smartpos
