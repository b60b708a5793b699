#include "catalogcsv.h"

#include "core/barcode.h"

#include <algorithm>

namespace smartpos {

QString catalogCsvHeader()
{
    return QStringLiteral(
        "sku,barcodes,name_zh,name_en,category,price_fen,tax_rate_bp,sold_by,plu");
}

CatalogCsvReader::CatalogCsvReader(QIODevice *device, const StoreRules &rules,
                                   TextEncoding encoding)
    : m_rows(device, encoding, catalogCsvHeader())
    , m_limits(rules.limits)
    , m_pluDigits(pluDigitsEveryLayoutCarries(rules.layouts))
{
}

bool CatalogCsvReader::fail(const QString &reason)
{
    return m_rows.fail(reason);
}

bool CatalogCsvReader::readPrice(const QString &field, Product *product)
{
    bool ok = false;
    const qint64 fen = field.toLongLong(&ok);
    if (!ok && isAsciiDigits(field)) // digits beyond qint64: certainly above the limit
        return fail(tr("price_fen %1 is above ¥%2, the most one product may cost (unit_price in "
                       "smartpos.ini)")
                        .arg(field, m_limits.unitPrice.toString()));
    if (!ok || fen < 0) {
        if (const auto yuan = Money::parse(field); yuan && !yuan->isNegative())
            return fail(tr("price_fen \"%1\" is not a whole number of fen: the column is in fen, "
                           "so ¥%2 is %3")
                            .arg(field, yuan->toString())
                            .arg(yuan->fen));
        return fail(tr("price_fen \"%1\" is not a whole number of fen ≥ 0").arg(field));
    }
    product->price = Money::fromFen(fen);
    if (product->price > m_limits.unitPrice)
        return fail(tr("price_fen %1 (¥%2) is above ¥%3, the most one product may cost (unit_price "
                       "in smartpos.ini)")
                        .arg(field, product->price.toString(), m_limits.unitPrice.toString()));
    if (product->isWeighed() && product->price.isZero())
        return fail(tr("a product sold by weight needs a price per kg above 0"));
    return true;
}

bool CatalogCsvReader::readPlu(const QString &field, Product *product)
{
    if (field.isEmpty())
        return true;
    if (!isAsciiDigits(field))
        return fail(tr("plu \"%1\" is not a number (digits 0–9 only)").arg(field));
    product->plu = canonicalPlu(field);
    if (product->plu.isEmpty())
        return fail(tr("plu %1 is zero; scale labels number products from 1").arg(field));
    if (product->plu.size() > m_pluDigits)
        return fail(tr("plu %1 has %2 digits, but the scale labels carry %3 (scanner/"
                       "variable_layouts in smartpos.ini)")
                        .arg(field)
                        .arg(product->plu.size())
                        .arg(m_pluDigits));
    return true;
}

bool CatalogCsvReader::readHeader()
{
    return m_rows.readHeader();
}

bool CatalogCsvReader::next(CatalogRow *row)
{
    if (!m_rows.next(&m_fields))
        return false;
    const QStringList &f = m_fields;
    if (f.size() != 9)
        return fail(tr("expected 9 fields, found %1").arg(f.size()));
    // Text fields: what a receipt, the screens and the search can show, in sensible lengths.
    const struct {
        QString column;
        QString value;
        int maxLength;
    } texts[] = {
        {QStringLiteral("sku"), f[0].trimmed(), CatalogFieldLimits::skuLength},
        {QStringLiteral("name_zh"), f[2].trimmed(), CatalogFieldLimits::nameLength},
        {QStringLiteral("name_en"), f[3].trimmed(), CatalogFieldLimits::nameLength},
        {QStringLiteral("category"), f[4].trimmed(), CatalogFieldLimits::categoryLength},
    };
    for (const auto &text : texts)
        if (const QString problem = textFieldProblem(text.column, text.value, text.maxLength);
            !problem.isEmpty())
            return fail(problem);
    Product &p = row->product;
    p = Product();
    p.sku = texts[0].value;
    if (p.sku.isEmpty())
        return fail(tr("the SKU is empty"));
    row->codes.clear();
    for (const QString &raw : f[1].split(u'|', Qt::SkipEmptyParts)) {
        const ProductCode code = normalizeProductCode(raw);
        if (!code.isValid())
            return fail(tr("barcode \"%1\" is not a valid EAN-13, EAN-8 or UPC-A").arg(raw));
        if (code.gtin.startsWith(u'2') && code.gtin.size() == 13)
            return fail(tr("barcode %1 is in the in-store range (prefix 2) kept for scale labels")
                            .arg(raw));
        row->codes.append(code.gtin);
    }
    p.nameZh = texts[1].value;
    p.nameEn = texts[2].value;
    if (p.nameZh.isEmpty() && p.nameEn.isEmpty())
        return fail(tr("the product has no name"));
    p.category = texts[3].value;
    if (p.category.isEmpty())
        return fail(tr("the category is empty"));
    const QString soldBy = f[7].trimmed();
    if (soldBy == u"unit")
        p.soldBy = SoldBy::Unit;
    else if (soldBy == u"weight")
        p.soldBy = SoldBy::Weight;
    else
        return fail(tr("sold_by \"%1\" is neither unit nor weight").arg(soldBy));
    if (!readPrice(f[5].trimmed(), &p))
        return false;
    bool ok = false;
    p.taxRateBp = f[6].trimmed().toInt(&ok);
    if (!ok || p.taxRateBp < 0 || p.taxRateBp > CatalogFieldLimits::taxRateBp)
        return fail(tr("tax_rate_bp \"%1\" is not between 0 and %2 (basis points: 13 % is 1300)")
                        .arg(f[6])
                        .arg(CatalogFieldLimits::taxRateBp));
    if (p.taxRateBp > 0 && p.taxRateBp < 100)
        return fail(tr("tax_rate_bp %1 is %1 basis points, under 1 %: the column is in basis "
                       "points, so %1 % is %2")
                        .arg(p.taxRateBp)
                        .arg(p.taxRateBp * 100));
    if (!readPlu(f[8].trimmed(), &p))
        return false;
    if (p.isWeighed() && p.plu.isEmpty())
        return fail(tr("a product sold by weight needs a PLU for scale labels"));
    if (!p.isWeighed() && row->codes.isEmpty())
        return fail(tr("a product sold by unit needs at least one barcode"));

    // Unique within the file; the database enforces it against the rest of the catalog.
    if (m_skus.contains(p.sku))
        return fail(tr("SKU %1 appears twice in the file").arg(p.sku));
    if (!p.plu.isEmpty() && m_plus.contains(p.plu))
        return fail(tr("PLU %1 appears twice in the file").arg(p.plu));
    for (const QString &code : std::as_const(row->codes)) {
        if (m_codes.contains(code)) // also twice in this row
            return fail(tr("barcode %1 appears twice in the file").arg(code));
        m_codes.insert(code);
    }
    m_skus.insert(p.sku);
    if (!p.plu.isEmpty())
        m_plus.insert(p.plu);
    return true;
}

} // namespace smartpos
