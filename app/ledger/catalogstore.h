#pragma once

#include "core/product.h"
#include "core/storerules.h"
#include "csvimport.h"
#include "database.h"
#include "searchterms.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace smartpos {

// A barcode or PLU that an import gives to another product.
struct CodeMove {
    QString code; // the barcode, or the PLU when isPlu
    bool isPlu = false;
    QString fromSku; // who had it before the import
    QString toSku;   // who has it after
};

struct ImportOptions : CsvImportOptions {
    StoreRules rules; // price limit and the PLU digits the scale labels carry
};

// A catalog import's report: added and updated list SKUs; updated counts changed fields,
// barcodes or PLU.
struct ImportReport : CsvImportReport {
    qint64 products = 0;   // rows read
    QList<CodeMove> moves; // in file order
};

// A change of the catalog the chain sent (sync pull): a whole product with its barcodes, a new
// price, or a product taken off the catalog.
struct CatalogChange {
    enum class Kind { Product, Price, Removed };
    Kind kind = Kind::Product;
    QString sku;
    Product product;   // Product: everything but the id
    QStringList codes; // Product: its barcodes, each taken from any product that had it
    Money price;       // Price
};

// The product catalog in its own SQLite file (catalog.db), so a catalog import or resync can
// never touch the sales ledger. Nothing is loaded into memory: every lookup is an indexed query.
class CatalogStore {
    Q_DECLARE_TR_FUNCTIONS(smartpos::CatalogStore)

public:
    static QString fileName() { return QStringLiteral("catalog.db"); }

    Status open(const QString &dataDir);
    bool isOpen() const { return m_db.isOpen(); }

    // Nothing when no product has it; an Error for the cashier when catalog.db cannot be read
    // (damaged, locked, a disk error), so a failing catalog never passes for "no such product".
    Result<std::optional<Product>> lookupByCode(const QString &gtin);
    Result<std::optional<Product>> lookupByPlu(const QString &plu);
    Result<std::optional<Product>> lookupById(qint64 id);
    // The same for tests and tools, a failure read as "not found".
    std::optional<Product> findByCode(const QString &gtin);
    std::optional<Product> findByPlu(const QString &plu);
    std::optional<Product> findById(qint64 id);
    // Names (zh and en, any part of a word or two Chinese characters: searchQuery()), SKU or
    // barcode.
    QList<Product> search(const QString &text, int limit);
    qint64 count();
    // Up to `limit` barcodes of unit products, for the simulator.
    QStringList someCodes(int limit);

    // All rows or none: the first bad row rejects the whole file (rows: CatalogCsvReader). A
    // barcode or PLU another product owns may move only when the file changes that product too
    // (it lists the product, without that code): swapping codes works, taking one does not.
    ImportReport importCsv(const QString &csvPath, const ImportOptions &options = {});
    // Applies what the chain changed, in order, in one transaction with the cursor that follows
    // it: after a crash either both are there or neither. A price is live at the next lookup
    // (every lookup reads the file). A price for a product this till does not have is skipped.
    Status applyChanges(const QList<CatalogChange> &changes, qint64 cursor);
    // Where the catalog's changes stand (0: none applied yet).
    Result<qint64> syncCursor();

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
    Result<std::optional<Product>> fetchOne(QSqlQuery &query);
    struct Upsert;
    class Import;
    bool upsert(Upsert &sql, const Product &product, const QStringList &codes, QString *error);

    Database m_db;
    QSqlQuery m_byCode;
    QSqlQuery m_byPlu;
    QSqlQuery m_byId;
    QSqlQuery m_bySkuOrPlu;
    QSqlQuery m_byName;
};

} // namespace smartpos
