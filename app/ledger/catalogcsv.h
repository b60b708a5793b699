#pragma once

#include "core/product.h"
#include "core/storerules.h"
#include "csvimport.h"

#include <QCoreApplication>
#include <QSet>
#include <QString>
#include <QStringList>

namespace smartpos {

// The header line of a catalog CSV file; its columns in this order.
QString catalogCsvHeader();

// One product as a catalog CSV row describes it.
struct CatalogRow {
    Product product;   // id left 0: the store assigns it
    QStringList codes; // its barcodes as the catalog keys them (normalizeProductCode)
};

// What a catalog row may hold beyond the store's limits.
struct CatalogFieldLimits {
    static constexpr int skuLength = 32;      // characters
    static constexpr int nameLength = 60;     // characters, each of name_zh and name_en
    static constexpr int categoryLength = 30; // characters
    static constexpr int taxRateBp = 3000;    // 30 %: above any VAT rate
};

// Turns a catalog CSV file into validated products: every field checked against the store's
// rules (price limit, the PLU digits its scale labels carry), and no SKU, PLU or barcode twice
// in the file. No database here: whether a code already belongs to another product in the
// catalog is the store's question.
class CatalogCsvReader {
    // The messages were written for CatalogStore::importCsv and are translated under its name.
    Q_DECLARE_TR_FUNCTIONS(smartpos::CatalogStore)

public:
    explicit CatalogCsvReader(QIODevice *device, const StoreRules &rules = {},
                              TextEncoding encoding = TextEncoding::Utf8);

    // Reads the first line; false when it is not catalogCsvHeader() (error() says so, line() is 1).
    bool readHeader();
    // The next product, blank lines skipped. False at the end of the file, or at the first bad
    // row: then error() says why and line() where.
    bool next(CatalogRow *row);

    // The file's rows, for runImport.
    CsvRecords &records() { return m_rows; }
    // Empty unless reading stopped at a bad line.
    const QString &error() const { return m_rows.error(); }
    // The file line (1-based) on which the row last read started.
    qint64 line() const { return m_rows.line(); }

private:
    bool fail(const QString &reason);
    bool readPrice(const QString &field, Product *product);
    bool readPlu(const QString &field, Product *product);

    CsvRecords m_rows;
    MoneyLimits m_limits;
    int m_pluDigits;
    QStringList m_fields;
    QSet<QString> m_skus;
    QSet<QString> m_plus;
    QSet<QString> m_codes;
};

} // namespace smartpos
