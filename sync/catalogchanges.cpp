#include "catalogchanges.h"

#include "core/barcode.h"
#include "ledger/catalogcsv.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>

namespace smartpos::sync {

namespace {

Error invalid(const Change &change, const char *what)
{
    return Error{ErrorCode::Network,
                 QCoreApplication::translate("smartpos::sync",
                                             "The cloud sent a change of %1 %2 that is not valid "
                                             "(%3); nothing of it was applied.")
                     .arg(change.kind, change.key, QString::fromLatin1(what))};
}

// A whole number of fen or basis points within [0, max], or -1.
qint64 boundedInteger(const QJsonValue &value, qint64 max)
{
    if (!value.isDouble())
        return -1;
    const double number = value.toDouble();
    if (number < 0 || number > double(max) || number != std::trunc(number))
        return -1;
    return qint64(number);
}

} // namespace

Change productChange(const Product &product, const QStringList &codes)
{
    return {0,
            productKind,
            product.sku,
            {{QStringLiteral("category"), product.category},
             {QStringLiteral("codes"), QJsonArray::fromStringList(codes)},
             {QStringLiteral("name_en"), product.nameEn},
             {QStringLiteral("name_zh"), product.nameZh},
             {QStringLiteral("plu"), product.plu},
             {QStringLiteral("price"), product.price.fen},
             {QStringLiteral("sku"), product.sku},
             {QStringLiteral("tax_bp"), product.taxRateBp},
             {QStringLiteral("unit"),
              product.isWeighed() ? QStringLiteral("kg") : QStringLiteral("pc")}},
            false};
}

Change priceChange(const QString &sku, Money price)
{
    return {0, priceKind, sku, {{QStringLiteral("price"), price.fen}}, false};
}

Result<std::optional<CatalogChange>> catalogChangeFrom(const Change &change)
{
    if (change.kind != productKind && change.kind != priceKind)
        return std::optional<CatalogChange>();
    if (change.key.isEmpty() || change.key.size() > CatalogFieldLimits::skuLength)
        return invalid(change, "SKU");
    CatalogChange out;
    out.sku = change.key;
    const qint64 price =
        boundedInteger(change.body.value(QStringLiteral("price")), MoneyLimits::ceiling.fen);
    if (change.kind == priceKind) {
        if (change.deleted || price < 0)
            return invalid(change, "price");
        out.kind = CatalogChange::Kind::Price;
        out.price = Money::fromFen(price);
        return std::optional(out);
    }
    if (change.deleted) {
        out.kind = CatalogChange::Kind::Removed;
        return std::optional(out);
    }
    const QJsonObject &body = change.body;
    Product &p = out.product;
    p.sku = change.key;
    p.nameZh = body.value(QStringLiteral("name_zh")).toString();
    p.nameEn = body.value(QStringLiteral("name_en")).toString();
    p.category = body.value(QStringLiteral("category")).toString();
    p.plu = canonicalPlu(body.value(QStringLiteral("plu")).toString());
    const QString unit = body.value(QStringLiteral("unit")).toString();
    const qint64 tax =
        boundedInteger(body.value(QStringLiteral("tax_bp")), CatalogFieldLimits::taxRateBp);
    if (price < 0 || tax < 0 || (unit != u"pc" && unit != u"kg")
        || (p.nameZh.isEmpty() && p.nameEn.isEmpty())
        || p.nameZh.size() > CatalogFieldLimits::nameLength
        || p.nameEn.size() > CatalogFieldLimits::nameLength
        || p.category.size() > CatalogFieldLimits::categoryLength
        || body.value(QStringLiteral("sku")).toString() != change.key)
        return invalid(change, "product fields");
    p.price = Money::fromFen(price);
    p.taxRateBp = int(tax);
    p.soldBy = unit == u"kg" ? SoldBy::Weight : SoldBy::Unit;
    const QJsonValue codes = body.value(QStringLiteral("codes"));
    if (!codes.isArray())
        return invalid(change, "codes");
    for (const QJsonValue &code : codes.toArray()) {
        const ProductCode normalized = normalizeProductCode(code.toString());
        if (!code.isString() || !normalized.isValid())
            return invalid(change, "barcode");
        out.codes.append(normalized.gtin);
    }
    return std::optional(out);
}

} // namespace smartpos::sync
