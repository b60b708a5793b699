#pragma once

#include "core/product.h"
#include "database.h"
#include "searchterms.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace smartpos {

struct ImportReport {
    bool ok = false;
    qint64 line = 0; // the file line of the first bad row
    QString reason;  // why it was rejected, or why the file could not be read
    qint64 products = 0;
    qint64 added = 0; // new products; the rest were updates of existing SKUs
};

// The product catalog in its own SQLite file (catalog.db), so a catalog import or resync can
// never touch the sales ledger. Nothing is loaded into memory: every lookup is an indexed query.
class CatalogStore {
    Q_DECLARE_TR_FUNCTIONS(smartpos::CatalogStore)

public:
    static QString fileName() { return QStringLiteral("catalog.db"); }

    Status open(const QString &dataDir);
    bool isOpen() const { return m_db.isOpen(); }

    std::optional<Product> findByCode(const QString &gtin);
    std::optional<Product> findByPlu(const QString &plu);
    std::optional<Product> findById(qint64 id);
    // Names (zh and en, any part of a word or two Chinese characters: searchQuery()), SKU or
    // barcode.
    QList<Product> search(const QString &text, int limit);
    qint64 count();
    // Up to `limit` barcodes of unit products, for the simulator.
    QStringList someCodes(int limit);

    // All rows or none: the first bad row rejects the whole file (rows: CatalogCsvReader).
    ImportReport importCsv(const QString &csvPath);
    // The header line importCsv expects: catalogCsvHeader().
    static QString csvHeader();
    // Replaces the catalog with products 0 … count-1 of syntheticProduct() (benchmarks).
    bool generate(qint64 count, QString *error);
    // The same products as a CSV file: writeSyntheticCatalogCsv().
    static bool writeGeneratedCsv(qint64 count, const QString &csvPath, QString *error);

private:
    // Runs a lookup; false (and a warning in the log) when SQLite fails, so a damaged or
    // unreadable catalog.db does not pass silently for "no such product".
    bool exec(QSqlQuery &query);
    std::optional<Product> fetchOne(QSqlQuery &query);
    struct Upsert;
    bool upsert(Upsert &sql, const Product &product, const QStringList &codes, QString *error);

    Database m_db;
    QSqlQuery m_byCode;
    QSqlQuery m_byPlu;
    QSqlQuery m_byId;
    QSqlQuery m_bySkuOrPlu;
    QSqlQuery m_byName;
};

} // namespace smartpos
