#include "catalogcsv.h"

#include "core/barcode.h"

#include <algorithm>

namespace smartpos {

namespace {

bool isPlu(QStringView text)
{
    return !text.isEmpty() && text.size() <= 6
           && std::all_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); });
}

} // namespace

QString catalogCsvHeader()
{
    return QStringLiteral(
        "sku,barcodes,name_zh,name_en,category,price_fen,tax_rate_bp,sold_by,plu");
}

CatalogCsvReader::CatalogCsvReader(QIODevice *device)
    : m_csv(device)
{
}

bool CatalogCsvReader::fail(const QString &reason)
{
    m_error = reason;
    return false;
}

bool CatalogCsvReader::readHeader()
{
    if (m_csv.readRow(&m_fields) && m_fields.join(u',') == catalogCsvHeader())
        return true;
    m_line = 1;
    return fail(tr("the first line must be the header: %1").arg(catalogCsvHeader()));
}

bool CatalogCsvReader::next(CatalogRow *row)
{
    do {
        const bool read = m_csv.readRow(&m_fields);
        m_line = m_csv.rowLine();
        if (!read)
            return m_csv.error().isEmpty() ? false : fail(m_csv.error());
    } while (m_fields.size() == 1 && m_fields.first().trimmed().isEmpty());

    const QStringList &f = m_fields;
    if (f.size() != 9)
        return fail(tr("expected 9 fields, found %1").arg(f.size()));
    Product &p = row->product;
    p = Product();
    p.sku = f[0].trimmed();
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
    p.nameZh = f[2].trimmed();
    p.nameEn = f[3].trimmed();
    if (p.nameZh.isEmpty() && p.nameEn.isEmpty())
        return fail(tr("the product has no name"));
    p.category = f[4].trimmed();
    if (p.category.isEmpty())
        return fail(tr("the category is empty"));
    bool ok = false;
    p.price = Money::fromFen(f[5].trimmed().toLongLong(&ok));
    if (!ok || p.price.isNegative())
        return fail(tr("price_fen \"%1\" is not a whole number of fen ≥ 0").arg(f[5]));
    p.taxRateBp = f[6].trimmed().toInt(&ok);
    if (!ok || p.taxRateBp < 0 || p.taxRateBp > 10000)
        return fail(tr("tax_rate_bp \"%1\" is not between 0 and 10000").arg(f[6]));
    const QString soldBy = f[7].trimmed();
    if (soldBy == u"unit")
        p.soldBy = SoldBy::Unit;
    else if (soldBy == u"weight")
        p.soldBy = SoldBy::Weight;
    else
        return fail(tr("sold_by \"%1\" is neither unit nor weight").arg(soldBy));
    p.plu = f[8].trimmed();
    if (!p.plu.isEmpty() && !isPlu(p.plu))
        return fail(tr("plu \"%1\" is not 1–6 digits").arg(p.plu));
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
