#include "catalogstore.h"

#include "catalogcsv.h"
#include "core/barcode.h"
#include "ledgerlog.h"
#include "syntheticcatalog.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace smartpos {

namespace {

const QStringList migrations = {
    QStringLiteral(R"(
CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    sku TEXT NOT NULL UNIQUE,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    category TEXT NOT NULL,
    price_fen INTEGER NOT NULL CHECK (price_fen >= 0),
    tax_rate_bp INTEGER NOT NULL CHECK (tax_rate_bp BETWEEN 0 AND 10000),
    sold_by TEXT NOT NULL CHECK (sold_by IN ('unit', 'weight')),
    plu TEXT UNIQUE
);;
CREATE TABLE barcodes (
    code TEXT PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE
) WITHOUT ROWID;;
CREATE INDEX barcodes_product ON barcodes(product_id);;
CREATE VIRTUAL TABLE product_search USING fts5(terms, tokenize = 'unicode61 remove_diacritics 2')
)"),
    // PLUs are keyed without leading zeros (canonicalPlu): a label prints 00123, Excel keeps 123.
    // A PLU whose short form another product already has keeps its zeros, and no label finds it:
    // the next import reports it.
    QStringLiteral(R"(
UPDATE OR IGNORE products SET plu = NULLIF(ltrim(plu, '0'), '') WHERE plu IS NOT NULL
)"),
    // Where the changes pulled from the chain stand (sync/): written with the changes.
    QStringLiteral(R"(
CREATE TABLE sync_cursor (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    cursor INTEGER NOT NULL CHECK (cursor >= 0)
) STRICT
)"),
};

const QString productColumns = QStringLiteral(
    "p.id, p.sku, p.name_zh, p.name_en, p.category, p.price_fen, p.tax_rate_bp, p.sold_by, p.plu");

Product productFrom(const QSqlQuery &q)
{
    Product p;
    p.id = q.value(0).toLongLong();
    p.sku = q.value(1).toString();
    p.nameZh = q.value(2).toString();
    p.nameEn = q.value(3).toString();
    p.category = q.value(4).toString();
    p.price = Money::fromFen(q.value(5).toLongLong());
    p.taxRateBp = q.value(6).toInt();
    p.soldBy = q.value(7).toString() == u"weight" ? SoldBy::Weight : SoldBy::Unit;
    p.plu = q.value(8).toString();
    return p;
}

} // namespace

QString CatalogStore::csvHeader()
{
    return catalogCsvHeader();
}

bool CatalogStore::writeGeneratedCsv(qint64 count, const QString &csvPath, QString *error)
{
    return writeSyntheticCatalogCsv(count, csvPath, error);
}

Status CatalogStore::open(const QString &dataDir)
{
    QList<Migration> steps;
    for (const QString &sql : migrations)
        steps.append({sql});
    if (Status opened = m_db.open(QDir(dataDir).filePath(fileName()), steps); !opened)
        return opened;
    m_byCode = m_db.prepare(QStringLiteral("SELECT %1 FROM barcodes b JOIN products p ON "
                                           "p.id = b.product_id WHERE b.code = ?")
                                .arg(productColumns));
    m_byPlu = m_db.prepare(
        QStringLiteral("SELECT %1 FROM products p WHERE p.plu = ?").arg(productColumns));
    m_byId = m_db.prepare(
        QStringLiteral("SELECT %1 FROM products p WHERE p.id = ?").arg(productColumns));
    m_bySkuOrPlu =
        m_db.prepare(QStringLiteral("SELECT %1 FROM products p WHERE p.sku = ? OR p.plu = ?")
                         .arg(productColumns));
    // No ORDER BY rank: with a million products a common character matches too many rows to
    // rank them all; search() sorts the shortest names (the closest matches) first.
    m_byName = m_db.prepare(QStringLiteral("SELECT %1 FROM product_search s JOIN products p "
                                           "ON p.id = s.rowid WHERE product_search MATCH ? LIMIT ?")
                                .arg(productColumns));
    if (!m_db.preparedAll()) {
        m_db.closeAsFound();
        return Error{ErrorCode::Damaged,
                     tr("The tables of %1 are damaged. Import the catalog again into a new data "
                        "folder, or restore the file from a backup.")
                         .arg(m_db.path())};
    }
    return {};
}

bool CatalogStore::exec(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcLedger).noquote() << "catalog query failed:" << m_db.describe(query.lastError());
    return false;
}

Result<std::optional<Product>> CatalogStore::fetchOne(QSqlQuery &query)
{
    if (!query.exec()) {
        // Said as what it is (damaged, locked, a disk error), never as "no such product".
        const QSqlError error = query.lastError();
        return m_db.describe(error.nativeErrorCode().toInt(), error.databaseText());
    }
    std::optional<Product> result;
    if (query.next())
        result = productFrom(query);
    query.finish();
    return result;
}

Result<std::optional<Product>> CatalogStore::lookupByCode(const QString &gtin)
{
    m_byCode.bindValue(0, gtin);
    return fetchOne(m_byCode);
}

Result<std::optional<Product>> CatalogStore::lookupByPlu(const QString &plu)
{
    m_byPlu.bindValue(0, plu);
    return fetchOne(m_byPlu);
}

Result<std::optional<Product>> CatalogStore::lookupById(qint64 id)
{
    m_byId.bindValue(0, id);
    return fetchOne(m_byId);
}

std::optional<Product> CatalogStore::findByCode(const QString &gtin)
{
    const auto found = lookupByCode(gtin);
    return found ? *found : std::nullopt;
}

std::optional<Product> CatalogStore::findByPlu(const QString &plu)
{
    const auto found = lookupByPlu(plu);
    return found ? *found : std::nullopt;
}

std::optional<Product> CatalogStore::findById(qint64 id)
{
    const auto found = lookupById(id);
    return found ? *found : std::nullopt;
}

QList<Product> CatalogStore::search(const QString &text, int limit)
{
    QList<Product> found;
    const ProductCode code = normalizeProductCode(text);
    if (code.isValid()) {
        if (auto product = findByCode(code.gtin))
            found.append(*product);
    }
    m_bySkuOrPlu.bindValue(0, text.trimmed());
    m_bySkuOrPlu.bindValue(1, text.trimmed());
    if (const auto product = fetchOne(m_bySkuOrPlu); product && *product)
        found.append(**product);

    const QString match = searchQuery(text);
    if (!match.isEmpty()) {
        QSqlQuery &q = m_byName;
        q.bindValue(0, match);
        q.bindValue(1, limit);
        if (exec(q)) {
            QList<Product> byName;
            while (q.next())
                byName.append(productFrom(q));
            std::stable_sort(byName.begin(), byName.end(), [](const Product &a, const Product &b) {
                return a.nameZh.size() + a.nameEn.size() < b.nameZh.size() + b.nameEn.size();
            });
            for (const Product &p : std::as_const(byName)) {
                if (std::none_of(found.begin(), found.end(),
                                 [&](const Product &f) { return f.id == p.id; }))
                    found.append(p);
            }
        }
        q.finish();
    }
    if (found.size() > limit)
        found.resize(limit);
    return found;
}

qint64 CatalogStore::count()
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT count(*) FROM products"));
    return exec(q) && q.next() ? q.value(0).toLongLong() : 0;
}

QStringList CatalogStore::someCodes(int limit)
{
    QSqlQuery q = m_db.prepare(
        QStringLiteral("SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id "
                       "WHERE p.sold_by = 'unit' ORDER BY p.id LIMIT ?"));
    q.addBindValue(limit);
    QStringList codes;
    if (exec(q))
        while (q.next())
            codes.append(q.value(0).toString());
    return codes;
}

struct CatalogStore::Upsert {
    explicit Upsert(Database &db)
        : product(db.prepare(QStringLiteral(
            "INSERT INTO products (sku, name_zh, name_en, category, price_fen, tax_rate_bp, "
            "sold_by, plu) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sku) DO UPDATE SET "
            "name_zh = excluded.name_zh, name_en = excluded.name_en, "
            "category = excluded.category, price_fen = excluded.price_fen, "
            "tax_rate_bp = excluded.tax_rate_bp, sold_by = excluded.sold_by, plu = excluded.plu "
            "RETURNING id")))
        , dropCodes(db.prepare(QStringLiteral("DELETE FROM barcodes WHERE product_id = ?")))
        , addCode(
              db.prepare(QStringLiteral("INSERT INTO barcodes (code, product_id) VALUES (?, ?)")))
        , dropTerms(db.prepare(QStringLiteral("DELETE FROM product_search WHERE rowid = ?")))
        , addTerms(
              db.prepare(QStringLiteral("INSERT INTO product_search (rowid, terms) VALUES (?, ?)")))
    {
    }
    QSqlQuery product, dropCodes, addCode, dropTerms, addTerms;
};

bool CatalogStore::upsert(Upsert &sql, const Product &p, const QStringList &codes, QString *error)
{
    sql.product.bindValue(0, p.sku);
    sql.product.bindValue(1, p.nameZh);
    sql.product.bindValue(2, p.nameEn);
    sql.product.bindValue(3, p.category);
    sql.product.bindValue(4, p.price.fen);
    sql.product.bindValue(5, p.taxRateBp);
    sql.product.bindValue(6, p.isWeighed() ? QStringLiteral("weight") : QStringLiteral("unit"));
    sql.product.bindValue(7, p.plu.isEmpty() ? QVariant() : QVariant(p.plu));
    if (!sql.product.exec() || !sql.product.next()) {
        *error = (sql.product.lastError().nativeErrorCode().toInt() & 0xff) == 19 // CONSTRAINT
                     ? tr("PLU %1 already belongs to another product").arg(p.plu)
                     : m_db.describe(sql.product.lastError());
        return false;
    }
    const qint64 id = sql.product.value(0).toLongLong();
    sql.product.finish();
    sql.dropCodes.bindValue(0, id);
    sql.dropTerms.bindValue(0, id);
    sql.addTerms.bindValue(0, id);
    sql.addTerms.bindValue(1, searchTerms(p.nameZh, p.nameEn, p.sku));
    QList<QSqlQuery *> steps{&sql.dropCodes, &sql.dropTerms, &sql.addTerms};
    for (QSqlQuery *step : steps) {
        if (!step->exec()) {
            *error = m_db.describe(step->lastError());
            return false;
        }
    }
    for (const QString &code : codes) {
        sql.addCode.bindValue(0, code);
        sql.addCode.bindValue(1, id);
        if (!sql.addCode.exec()) {
            *error = m_db.describe(sql.addCode.lastError());
            return false;
        }
    }
    return true;
}

// One import in its transaction: applies the rows in file order and keeps track of every code
// (barcode or PLU) that changes hands, so that a code is only ever taken from a product the file
// also changes.
class CatalogStore::Import {
    Q_DECLARE_TR_FUNCTIONS(smartpos::CatalogStore)

public:
    Import(CatalogStore &store, ImportReport &report)
        : m_store(store)
        , m_report(report)
        , m_upsert(store.m_db)
        , m_bySku(store.m_db.prepare(
              QStringLiteral("SELECT %1 FROM products p WHERE p.sku = ?").arg(productColumns)))
        , m_codesOf(store.m_db.prepare(
              QStringLiteral("SELECT code FROM barcodes WHERE product_id = ? ORDER BY code")))
        , m_codeOwner(store.m_db.prepare(QStringLiteral("SELECT %1 FROM barcodes b JOIN products p "
                                                        "ON p.id = b.product_id WHERE b.code = ?")
                                             .arg(productColumns)))
        , m_dropCode(store.m_db.prepare(QStringLiteral("DELETE FROM barcodes WHERE code = ?")))
        , m_dropPlu(
              store.m_db.prepare(QStringLiteral("UPDATE products SET plu = NULL WHERE id = ?")))
    {
    }

    bool apply(const CatalogRow &row, qint64 line, QString *error)
    {
        const Product &p = row.product;
        m_fileSkus.insert(p.sku);
        m_bySku.bindValue(0, p.sku);
        const Result<std::optional<Product>> existing = m_store.fetchOne(m_bySku);
        if (!existing) {
            *error = existing.error().message;
            return false;
        }
        const std::optional<Product> &before = *existing;
        const QStringList codesBefore = before ? codesOf(before->id) : QStringList();
        QStringList codes = row.codes;
        codes.sort();

        if (!p.plu.isEmpty() && (!before || before->plu != p.plu)) {
            if (!take(m_store.lookupByPlu(p.plu), {p.plu, true, {}, p.sku}, line, m_releasedPlus,
                      m_dropPlu, error))
                return false;
        }
        if (before && !before->plu.isEmpty() && before->plu != p.plu)
            m_releasedPlus.insert(before->plu, p.sku);
        for (const QString &code : std::as_const(codes)) {
            if (codesBefore.contains(code))
                continue;
            m_codeOwner.bindValue(0, code);
            if (!take(m_store.fetchOne(m_codeOwner), {code, false, {}, p.sku}, line,
                      m_releasedCodes, m_dropCode, error))
                return false;
        }
        for (const QString &code : codesBefore)
            if (!codes.contains(code))
                m_releasedCodes.insert(code, p.sku);

        if (!before)
            m_report.added.append(p.sku);
        else if (sameProduct(*before, p) && codesBefore == codes
                 && !m_lostCodes.contains(before->id))
            return ++m_report.unchanged, true;
        else
            m_report.updated.append(p.sku);
        return m_store.upsert(m_upsert, p, codes, error);
    }

    // After the last row: a code taken from a product that the file does not list is refused,
    // the first in file order; `line` says where it was taken.
    bool checkTakenCodes(qint64 *line, QString *error)
    {
        for (const Taken &taken : std::as_const(m_taken)) {
            if (taken.pending && !m_fileSkus.contains(taken.move.fromSku)) {
                *line = taken.line;
                *error = taken.move.isPlu
                             ? tr("PLU %1 belongs to %2 (%3), which this file does not list. To "
                                  "move the PLU, list %2 with its new PLU in the same file.")
                                   .arg(taken.move.code, taken.move.fromSku, taken.ownerName)
                             : tr("barcode %1 belongs to %2 (%3), which this file does not list. "
                                  "To move the barcode, list %2 with its other barcodes in the "
                                  "same file.")
                                   .arg(taken.move.code, taken.move.fromSku, taken.ownerName);
                return false;
            }
            m_report.moves.append(taken.move);
        }
        return true;
    }

private:
    struct Taken {
        qint64 line;
        CodeMove move;
        bool pending;      // taken from its owner before the owner's own row (if any) came
        QString ownerName; // for the message
    };

    QStringList codesOf(qint64 productId)
    {
        QStringList codes;
        m_codesOf.bindValue(0, productId);
        if (m_store.exec(m_codesOf))
            while (m_codesOf.next())
                codes.append(m_codesOf.value(0).toString());
        m_codesOf.finish();
        return codes;
    }

    // `move` gives a code to the row's product: from `owner` (its row comes later, or never:
    // checkTakenCodes decides) or from a product an earlier row already took it from.
    bool take(const Result<std::optional<Product>> &lookup, CodeMove move, qint64 line,
              const QHash<QString, QString> &released, QSqlQuery &drop, QString *error)
    {
        if (!lookup) {
            *error = lookup.error().message;
            return false;
        }
        const std::optional<Product> &owner = *lookup;
        if (owner && owner->sku != move.toSku) {
            move.fromSku = owner->sku;
            m_taken.append({line, move, true, owner->displayName()});
            m_lostCodes.insert(owner->id);
            drop.bindValue(0, move.isPlu ? QVariant(owner->id) : QVariant(move.code));
            if (!drop.exec()) {
                *error = m_store.m_db.describe(drop.lastError());
                return false;
            }
        } else if (const auto from = released.constFind(move.code); from != released.cend()) {
            move.fromSku = *from;
            m_taken.append({line, move, false, {}});
        }
        return true;
    }

    static bool sameProduct(const Product &a, const Product &b)
    {
        return a.nameZh == b.nameZh && a.nameEn == b.nameEn && a.category == b.category
               && a.price == b.price && a.taxRateBp == b.taxRateBp && a.soldBy == b.soldBy
               && a.plu == b.plu;
    }

    CatalogStore &m_store;
    ImportReport &m_report;
    Upsert m_upsert;
    QSqlQuery m_bySku, m_codesOf, m_codeOwner, m_dropCode, m_dropPlu;
    QSet<QString> m_fileSkus;
    // Codes an earlier row gave up, and the SKU that had them.
    QHash<QString, QString> m_releasedCodes, m_releasedPlus;
    QList<Taken> m_taken;
    QSet<qint64> m_lostCodes; // products a row took a code from
};

ImportReport CatalogStore::importCsv(const QString &csvPath, const ImportOptions &options)
{
    ImportReport report;
    QFile file(csvPath);
    CatalogCsvReader csv(&file, options.rules, options.encoding);
    const auto failure =
        runImport(m_db, file, csv.records(), options.dryRun, [&]() -> std::optional<ImportFailure> {
            Import import(*this, report);
            CatalogRow row;
            while (csv.next(&row)) {
                QString problem;
                if (!import.apply(row, csv.line(), &problem))
                    return ImportFailure{csv.line(), problem};
                ++report.products;
            }
            ImportFailure taken;
            if (csv.error().isEmpty() && !import.checkTakenCodes(&taken.line, &taken.reason))
                return taken;
            return std::nullopt;
        });
    return importEnded(report, failure);
}

bool CatalogStore::generate(qint64 count, QString *error)
{
    // A big page cache halves the time of a million-row load (perf reference §2).
    if (!m_db.exec(QStringLiteral("PRAGMA cache_size=-262144"), error))
        return false;
    if (Status began = m_db.execScript(QStringLiteral("BEGIN IMMEDIATE")); !began) {
        *error = began.error().message;
        return false;
    }
    bool ok = m_db.exec(QStringLiteral("DELETE FROM barcodes"), error)
              && m_db.exec(QStringLiteral("DELETE FROM products"), error)
              && m_db.exec(QStringLiteral("DELETE FROM product_search"), error);
    QSqlQuery product = m_db.prepare(QStringLiteral(
        "INSERT INTO products (id, sku, name_zh, name_en, category, price_fen, tax_rate_bp, "
        "sold_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'unit')"));
    QSqlQuery code =
        m_db.prepare(QStringLiteral("INSERT INTO barcodes (code, product_id) VALUES (?, ?)"));
    QSqlQuery terms =
        m_db.prepare(QStringLiteral("INSERT INTO product_search (rowid, terms) VALUES (?, ?)"));
    for (qint64 i = 0; ok && i < count; ++i) {
        const SyntheticProduct synthetic = syntheticProduct(i);
        const Product &p = synthetic.product;
        const qint64 id = i + 1;
        product.bindValue(0, id);
        product.bindValue(1, p.sku);
        product.bindValue(2, p.nameZh);
        product.bindValue(3, p.nameEn);
        product.bindValue(4, p.category);
        product.bindValue(5, p.price.fen);
        product.bindValue(6, p.taxRateBp);
        code.bindValue(0, synthetic.code);
        code.bindValue(1, id);
        terms.bindValue(0, id);
        terms.bindValue(1, searchTerms(p.nameZh, p.nameEn, p.sku));
        for (QSqlQuery *step : {&product, &code, &terms}) {
            if (ok && !step->exec()) {
                *error = m_db.describe(step->lastError());
                ok = false;
            }
        }
    }
    if (ok) {
        const Status committed = m_db.execScript(QStringLiteral("COMMIT"));
        if (!committed)
            *error = committed.error().message;
        ok = committed.ok();
    }
    if (!ok) {
        (void)m_db.execScript(QStringLiteral("ROLLBACK"));
        return false;
    }
    m_db.exec(QStringLiteral("PRAGMA cache_size=-2000"), error);
    return true;
}

Status CatalogStore::applyChanges(const QList<CatalogChange> &changes, qint64 cursor)
{
    if (Status begun = m_db.execScript(QStringLiteral("BEGIN IMMEDIATE")); !begun)
        return begun;
    const auto failed = [this](const QString &message) -> Status {
        (void)m_db.execScript(QStringLiteral("ROLLBACK"));
        qCWarning(lcLedger).noquote() << "catalog changes not applied:" << message;
        return Error{ErrorCode::Storage, message};
    };
    Upsert upsertSql(m_db);
    // The chain's catalog is the truth: a code or PLU it gives a product leaves whoever had it.
    QSqlQuery releaseCode = m_db.prepare(QStringLiteral("DELETE FROM barcodes WHERE code = ?"));
    QSqlQuery releasePlu =
        m_db.prepare(QStringLiteral("UPDATE products SET plu = NULL WHERE plu = ? AND sku <> ?"));
    QSqlQuery price =
        m_db.prepare(QStringLiteral("UPDATE products SET price_fen = ? WHERE sku = ?"));
    QSqlQuery removeTerms = m_db.prepare(QStringLiteral(
        "DELETE FROM product_search WHERE rowid = (SELECT id FROM products WHERE sku = ?)"));
    QSqlQuery removeCodes = m_db.prepare(QStringLiteral(
        "DELETE FROM barcodes WHERE product_id = (SELECT id FROM products WHERE sku = ?)"));
    QSqlQuery removeProduct = m_db.prepare(QStringLiteral("DELETE FROM products WHERE sku = ?"));
    QSqlQuery saveCursor =
        m_db.prepare(QStringLiteral("INSERT INTO sync_cursor (id, cursor) VALUES (1, ?) "
                                    "ON CONFLICT (id) DO UPDATE SET cursor = excluded.cursor"));
    for (const CatalogChange &change : changes) {
        QList<QSqlQuery *> steps;
        switch (change.kind) {
        case CatalogChange::Kind::Product:
            for (const QString &code : change.codes) {
                releaseCode.bindValue(0, code);
                if (!releaseCode.exec())
                    return failed(m_db.describe(releaseCode.lastError()));
            }
            if (!change.product.plu.isEmpty()) {
                releasePlu.bindValue(0, change.product.plu);
                releasePlu.bindValue(1, change.sku);
                steps.append(&releasePlu);
            }
            break;
        case CatalogChange::Kind::Price:
            price.bindValue(0, change.price.fen);
            price.bindValue(1, change.sku);
            steps.append(&price);
            break;
        case CatalogChange::Kind::Removed:
            for (QSqlQuery *step : {&removeTerms, &removeCodes, &removeProduct}) {
                step->bindValue(0, change.sku);
                steps.append(step);
            }
            break;
        }
        for (QSqlQuery *step : steps)
            if (!step->exec())
                return failed(m_db.describe(step->lastError()));
        QString error;
        if (change.kind == CatalogChange::Kind::Product
            && !upsert(upsertSql, change.product, change.codes, &error))
            return failed(error);
    }
    saveCursor.bindValue(0, cursor);
    if (!saveCursor.exec())
        return failed(m_db.describe(saveCursor.lastError()));
    if (Status committed = m_db.execScript(QStringLiteral("COMMIT")); !committed)
        return failed(committed.error().message);
    return {};
}

Result<qint64> CatalogStore::syncCursor()
{
    const Result<QVariant> cursor =
        m_db.value(QStringLiteral("SELECT coalesce(max(cursor), 0) FROM sync_cursor"));
    if (!cursor)
        return cursor.error();
    return cursor->toLongLong();
}

} // namespace smartpos
