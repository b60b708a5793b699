#include "catalogstore.h"

#include "core/barcode.h"
#include "csv.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
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

bool isHan(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x3400 && u <= 0x9fff) || (u >= 0xf900 && u <= 0xfaff);
}

// Splits text into runs of Chinese characters and runs of everything else.
template<typename OnRun>
void forEachRun(const QString &text, OnRun onRun)
{
    qsizetype start = 0;
    while (start < text.size()) {
        const bool han = isHan(text[start]);
        qsizetype end = start + 1;
        while (end < text.size() && isHan(text[end]) == han)
            ++end;
        onRun(QStringView(text).mid(start, end - start), han);
        start = end;
    }
}

bool isPlu(QStringView text)
{
    return !text.isEmpty() && text.size() <= 6
           && std::all_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); });
}

// Validates one CSV row into a product and its normalized barcodes.
QString parseRow(const QStringList &f, Product *p, QStringList *codes)
{
    if (f.size() != 9)
        return CatalogStore::tr("expected 9 fields, found %1").arg(f.size());
    p->sku = f[0].trimmed();
    if (p->sku.isEmpty())
        return CatalogStore::tr("the SKU is empty");
    codes->clear();
    for (const QString &raw : f[1].split(u'|', Qt::SkipEmptyParts)) {
        const ProductCode code = normalizeProductCode(raw);
        if (!code.isValid())
            return CatalogStore::tr("barcode \"%1\" is not a valid EAN-13, EAN-8 or UPC-A").arg(raw);
        if (code.gtin.startsWith(u'2') && code.gtin.size() == 13)
            return CatalogStore::tr("barcode %1 is in the in-store range (prefix 2) kept for scale labels")
                .arg(raw);
        codes->append(code.gtin);
    }
    p->nameZh = f[2].trimmed();
    p->nameEn = f[3].trimmed();
    if (p->nameZh.isEmpty() && p->nameEn.isEmpty())
        return CatalogStore::tr("the product has no name");
    p->category = f[4].trimmed();
    if (p->category.isEmpty())
        return CatalogStore::tr("the category is empty");
    bool ok = false;
    p->price = Money::fromFen(f[5].trimmed().toLongLong(&ok));
    if (!ok || p->price.isNegative())
        return CatalogStore::tr("price_fen \"%1\" is not a whole number of fen ≥ 0").arg(f[5]);
    p->taxRateBp = f[6].trimmed().toInt(&ok);
    if (!ok || p->taxRateBp < 0 || p->taxRateBp > 10000)
        return CatalogStore::tr("tax_rate_bp \"%1\" is not between 0 and 10000").arg(f[6]);
    const QString soldBy = f[7].trimmed();
    if (soldBy == u"unit")
        p->soldBy = SoldBy::Unit;
    else if (soldBy == u"weight")
        p->soldBy = SoldBy::Weight;
    else
        return CatalogStore::tr("sold_by \"%1\" is neither unit nor weight").arg(soldBy);
    p->plu = f[8].trimmed();
    if (!p->plu.isEmpty() && !isPlu(p->plu))
        return CatalogStore::tr("plu \"%1\" is not 1–6 digits").arg(p->plu);
    if (p->isWeighed() && p->plu.isEmpty())
        return CatalogStore::tr("a product sold by weight needs a PLU for scale labels");
    if (!p->isWeighed() && codes->isEmpty())
        return CatalogStore::tr("a product sold by unit needs at least one barcode");
    return {};
}

// Deterministic synthetic products for benchmarks: plausible names, valid unique EAN-13s.
struct Generated {
    Product product;
    QString code;
};

Generated generatedProduct(qint64 i)
{
    struct Kind {
        const char16_t *zh;
        const char *en;
        const char *category;
    };
    static const Kind kinds[] = {
        {u"矿泉水", "Mineral Water", "drinks"},   {u"绿茶", "Green Tea", "drinks"},
        {u"可乐", "Cola", "drinks"},              {u"牛肉面", "Beef Noodles", "instant"},
        {u"薯片", "Potato Chips", "snacks"},      {u"饼干", "Biscuits", "snacks"},
        {u"酸奶", "Yogurt", "dairy"},             {u"纯牛奶", "Whole Milk", "dairy"},
        {u"洗发水", "Shampoo", "daily"},          {u"纸巾", "Tissues", "daily"},
        {u"巧克力", "Chocolate", "snacks"},       {u"面包", "Bread", "bakery"},
        {u"速冻水饺", "Frozen Dumplings", "frozen"}, {u"啤酒", "Beer", "alcohol"},
    };
    static const std::pair<const char16_t *, const char *> brands[] = {
        {u"康师傅", "Master Kong"}, {u"统一", "Uni-President"}, {u"农夫", "Nongfu"},
        {u"伊利", "Yili"},          {u"蒙牛", "Mengniu"},       {u"乐事", "Lay's"},
        {u"奥利奥", "Oreo"},        {u"青岛", "Tsingtao"},      {u"德芙", "Dove"},
        {u"心相印", "Hearttex"},    {u"思念", "Synear"},        {u"桃李", "Taoli"},
    };
    const Kind &kind = kinds[i % std::size(kinds)];
    const auto &brand = brands[(i / std::size(kinds)) % std::size(brands)];
    const qint64 variant = i / (std::size(kinds) * std::size(brands));
    Generated g;
    Product &p = g.product;
    p.sku = QStringLiteral("G%1").arg(i, 8, 10, QLatin1Char('0'));
    p.nameZh = QStringLiteral("%1%2 %3号").arg(QString::fromUtf16(brand.first),
                                              QString::fromUtf16(kind.zh))
                   .arg(variant);
    p.nameEn = QStringLiteral("%1 %2 No.%3").arg(QLatin1String(brand.second),
                                                 QLatin1String(kind.en))
                   .arg(variant);
    p.category = QLatin1String(kind.category);
    p.price = Money::fromFen(100 + (i * 7919) % 4900);
    p.taxRateBp = 1300;
    const QString body = QStringLiteral("69%1").arg(i, 10, 10, QLatin1Char('0'));
    g.code = body + QString::number(checkDigitFor(body));
    return g;
}

} // namespace

QString CatalogStore::csvHeader()
{
    return QStringLiteral("sku,barcodes,name_zh,name_en,category,price_fen,tax_rate_bp,sold_by,plu");
}

bool CatalogStore::open(const QString &dataDir, QString *error)
{
    if (!m_db.open(QDir(dataDir).filePath(fileName()), migrations, error))
        return false;
    m_byCode = m_db.prepare(QStringLiteral("SELECT %1 FROM barcodes b JOIN products p ON "
                                           "p.id = b.product_id WHERE b.code = ?")
                                .arg(productColumns));
    m_byPlu = m_db.prepare(
        QStringLiteral("SELECT %1 FROM products p WHERE p.plu = ?").arg(productColumns));
    m_byId = m_db.prepare(
        QStringLiteral("SELECT %1 FROM products p WHERE p.id = ?").arg(productColumns));
    m_bySkuOrPlu = m_db.prepare(
        QStringLiteral("SELECT %1 FROM products p WHERE p.sku = ? OR p.plu = ?").arg(productColumns));
    // No ORDER BY rank: with a million products a common character matches too many rows to
    // rank them all; search() sorts the shortest names (the closest matches) first.
    m_byName = m_db.prepare(QStringLiteral("SELECT %1 FROM product_search s JOIN products p "
                                           "ON p.id = s.rowid WHERE product_search MATCH ? LIMIT ?")
                                .arg(productColumns));
    return true;
}

std::optional<Product> CatalogStore::fetchOne(QSqlQuery &query)
{
    std::optional<Product> result;
    if (query.exec() && query.next())
        result = productFrom(query);
    query.finish();
    return result;
}

std::optional<Product> CatalogStore::findByCode(const QString &gtin)
{
    m_byCode.bindValue(0, gtin);
    return fetchOne(m_byCode);
}

std::optional<Product> CatalogStore::findByPlu(const QString &plu)
{
    m_byPlu.bindValue(0, plu);
    return fetchOne(m_byPlu);
}

std::optional<Product> CatalogStore::findById(qint64 id)
{
    m_byId.bindValue(0, id);
    return fetchOne(m_byId);
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
    if (auto product = fetchOne(m_bySkuOrPlu))
        found.append(*product);

    const QString match = searchQuery(text);
    if (!match.isEmpty()) {
        QSqlQuery &q = m_byName;
        q.bindValue(0, match);
        q.bindValue(1, limit);
        if (q.exec()) {
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
    return q.exec(QStringLiteral("SELECT count(*) FROM products")) && q.next()
               ? q.value(0).toLongLong()
               : 0;
}

QStringList CatalogStore::someCodes(int limit)
{
    QSqlQuery q = m_db.prepare(QStringLiteral(
        "SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id "
        "WHERE p.sold_by = 'unit' ORDER BY p.id LIMIT ?"));
    q.addBindValue(limit);
    QStringList codes;
    if (q.exec())
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
        , addCode(db.prepare(QStringLiteral(
              "INSERT INTO barcodes (code, product_id) VALUES (?, ?) "
              "ON CONFLICT (code) DO UPDATE SET product_id = excluded.product_id")))
        , dropTerms(db.prepare(QStringLiteral("DELETE FROM product_search WHERE rowid = ?")))
        , addTerms(db.prepare(
              QStringLiteral("INSERT INTO product_search (rowid, terms) VALUES (?, ?)")))
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
    bool ok = sql.dropCodes.exec() && sql.dropTerms.exec() && sql.addTerms.exec();
    for (const QString &code : codes) {
        if (!ok)
            break;
        sql.addCode.bindValue(0, code);
        sql.addCode.bindValue(1, id);
        ok = sql.addCode.exec();
    }
    if (!ok)
        *error = m_db.describe(m_db.connection().lastError());
    return ok;
}

ImportReport CatalogStore::importCsv(const QString &csvPath)
{
    ImportReport report;
    QFile file(csvPath);
    if (!file.open(QIODevice::ReadOnly)) {
        report.reason = tr("cannot read %1: %2").arg(csvPath, file.errorString());
        return report;
    }
    CsvReader reader(&file);
    QStringList fields;
    if (!reader.readRow(&fields) || fields.join(u',') != csvHeader()) {
        report.line = 1;
        report.reason = tr("the first line must be the header: %1").arg(csvHeader());
        return report;
    }
    const qint64 before = count();
    QSqlDatabase &db = m_db.connection();
    if (!db.transaction()) {
        report.reason = m_db.describe(db.lastError());
        return report;
    }
    QSet<QString> skus;
    QSet<QString> codesSeen;
    QSet<QString> plus;
    auto reject = [&](qint64 line, const QString &reason) {
        db.rollback();
        report = ImportReport{false, line, reason, 0, 0};
        return report;
    };
    Upsert sql(m_db);
    Product product;
    QStringList codes;
    while (reader.readRow(&fields)) {
        if (fields.size() == 1 && fields.first().trimmed().isEmpty())
            continue; // blank line
        QString problem = parseRow(fields, &product, &codes);
        if (problem.isEmpty() && skus.contains(product.sku))
            problem = tr("SKU %1 appears twice in the file").arg(product.sku);
        if (problem.isEmpty() && !product.plu.isEmpty() && plus.contains(product.plu))
            problem = tr("PLU %1 appears twice in the file").arg(product.plu);
        for (const QString &code : std::as_const(codes)) {
            if (problem.isEmpty() && codesSeen.contains(code))
                problem = tr("barcode %1 appears twice in the file").arg(code);
            codesSeen.insert(code);
        }
        if (problem.isEmpty())
            upsert(sql, product, codes, &problem);
        if (!problem.isEmpty())
            return reject(reader.rowLine(), problem);
        skus.insert(product.sku);
        if (!product.plu.isEmpty())
            plus.insert(product.plu);
        ++report.products;
    }
    if (!reader.error().isEmpty())
        return reject(reader.rowLine(), reader.error());
    const qint64 after = count();
    if (!db.commit())
        return reject(0, m_db.describe(db.lastError()));
    report.ok = true;
    report.added = after - before;
    return report;
}

bool CatalogStore::generate(qint64 count, QString *error)
{
    QSqlDatabase &db = m_db.connection();
    // A big page cache halves the time of a million-row load (perf reference §2).
    if (!m_db.exec(QStringLiteral("PRAGMA cache_size=-262144"), error) || !db.transaction())
        return false;
    bool ok = m_db.exec(QStringLiteral("DELETE FROM barcodes"), error)
              && m_db.exec(QStringLiteral("DELETE FROM products"), error)
              && m_db.exec(QStringLiteral("DELETE FROM product_search"), error);
    QSqlQuery product = m_db.prepare(QStringLiteral(
        "INSERT INTO products (id, sku, name_zh, name_en, category, price_fen, tax_rate_bp, "
        "sold_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'unit')"));
    QSqlQuery code = m_db.prepare(QStringLiteral("INSERT INTO barcodes (code, product_id) VALUES (?, ?)"));
    QSqlQuery terms =
        m_db.prepare(QStringLiteral("INSERT INTO product_search (rowid, terms) VALUES (?, ?)"));
    for (qint64 i = 0; ok && i < count; ++i) {
        const Generated g = generatedProduct(i);
        const Product &p = g.product;
        const qint64 id = i + 1;
        product.bindValue(0, id);
        product.bindValue(1, p.sku);
        product.bindValue(2, p.nameZh);
        product.bindValue(3, p.nameEn);
        product.bindValue(4, p.category);
        product.bindValue(5, p.price.fen);
        product.bindValue(6, p.taxRateBp);
        code.bindValue(0, g.code);
        code.bindValue(1, id);
        terms.bindValue(0, id);
        terms.bindValue(1, searchTerms(p.nameZh, p.nameEn, p.sku));
        ok = product.exec() && code.exec() && terms.exec();
        if (!ok)
            *error = m_db.describe(db.lastError());
    }
    if (!ok || !db.commit()) {
        if (ok)
            *error = m_db.describe(db.lastError());
        db.rollback();
        return false;
    }
    m_db.exec(QStringLiteral("PRAGMA cache_size=-2000"), error);
    return true;
}

bool CatalogStore::writeGeneratedCsv(qint64 count, const QString &csvPath, QString *error)
{
    QSaveFile file(csvPath);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("cannot write %1: %2").arg(csvPath, file.errorString());
        return false;
    }
    QTextStream out(&file);
    out << csvHeader() << '\n';
    for (qint64 i = 0; i < count; ++i) {
        const Generated g = generatedProduct(i);
        const Product &p = g.product;
        out << p.sku << ',' << g.code << ',' << csvField(p.nameZh) << ',' << csvField(p.nameEn)
            << ',' << p.category << ',' << p.price.fen << ',' << p.taxRateBp << ",unit,\n";
    }
    out.flush();
    if (!file.commit()) {
        *error = tr("cannot write %1: %2").arg(csvPath, file.errorString());
        return false;
    }
    return true;
}

QString searchTerms(const QString &nameZh, const QString &nameEn, const QString &sku)
{
    QString terms;
    const QString all = nameZh + u' ' + nameEn + u' ' + sku;
    forEachRun(all, [&](QStringView run, bool han) {
        terms += u' ';
        if (!han) {
            terms += run;
            return;
        }
        for (qsizetype i = 0; i < run.size(); ++i) {
            terms += run[i];
            terms += u' ';
            if (i + 1 < run.size()) {
                terms += run.mid(i, 2);
                terms += u' ';
            }
        }
    });
    return terms;
}

QString searchQuery(const QString &typed)
{
    QStringList tokens;
    forEachRun(typed, [&](QStringView run, bool han) {
        if (han) {
            if (run.size() == 1)
                tokens.append(run.toString());
            for (qsizetype i = 0; i + 1 < run.size(); ++i)
                tokens.append(run.mid(i, 2).toString());
            return;
        }
        // Latin text: every word is a prefix; punctuation separates words as unicode61 does.
        QString word;
        auto flush = [&] {
            if (!word.isEmpty())
                tokens.append(word + u'*');
            word.clear();
        };
        for (QChar c : run) {
            if (c.isLetterOrNumber())
                word += c.toLower();
            else
                flush();
        }
        flush();
    });
    for (QString &token : tokens) {
        const bool prefix = token.endsWith(u'*');
        if (prefix)
            token.chop(1);
        token = u'"' + token + u'"' + (prefix ? QStringLiteral("*") : QString());
    }
    return tokens.join(QStringLiteral(" AND "));
}

} // namespace smartpos
