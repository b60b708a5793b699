// The CSV reader (app/ledger/csv.h) and the catalog rows it feeds (app/ledger/catalogcsv.h).
//
// Input: the body of a CSV file. Checked:
//   - CsvReader: ends (no hang), a row's line numbers only go forward, an error is only ever
//     reported with `false`; every row read, written back with csvField() and read again, gives
//     the same fields (the writer and the reader agree);
//   - CatalogCsvReader, reading the catalog header and then the input: every product it accepts
//     keeps the documented limits (docs/operations.md, catalogcsv.cpp): a trimmed, non-empty SKU
//     unique in the file; a name; a category; price_fen ≥ 0; tax_rate_bp in 0…10000; sold_by
//     unit (with at least one barcode) or weight (with a PLU); a PLU of 1–6 ASCII digits unique in
//     the file; barcodes that are valid GTIN-13 (not in the prefix-2 scale range) or EAN-8 with
//     correct check digits, none twice in the file; and a refused file says why.
#include "fuzzcheck.h"

#include "core/barcode.h"
#include "ledger/catalogcsv.h"
#include "ledger/csv.h"

#include <QBuffer>
#include <QSet>

#include <cstdint>

using namespace smartpos;
using smartpos::fuzz::quoted;

namespace {

constexpr int maxRows = 5000; // inputs are at most a few KiB; this only bounds a runaway loop

bool isAsciiDigits(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text)
        if (c < u'0' || c > u'9')
            return false;
    return true;
}

QList<QStringList> readAll(const QByteArray &bytes, QString *error)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    QList<QStringList> rows;
    QStringList fields;
    qint64 lastLine = 0;
    for (int n = 0;; ++n) {
        FUZZ_CHECK(n <= maxRows, QStringLiteral("more rows than the input has lines"));
        if (!reader.readRow(&fields))
            break;
        FUZZ_CHECK(reader.error().isEmpty(), reader.error());
        FUZZ_CHECK(reader.rowLine() > lastLine, QString::number(reader.rowLine()));
        lastLine = reader.rowLine();
        FUZZ_CHECK(!fields.isEmpty(), QString::number(lastLine));
        rows.append(fields);
    }
    *error = reader.error();
    return rows;
}

// A row csvField() cannot write so that it reads back: a field with '\r' just before a line
// break ("\r\n" inside, or '\r' at the end of the row's last field). csvField() does not protect
// the '\r', and the reader takes it for part of the line break (finding F3 in docs/fuzzing.md).
bool knownUnwritable(const QStringList &fields)
{
    if (fuzz::strict())
        return false;
    for (const QString &field : fields)
        if (field.contains(QStringLiteral("\r\n")))
            return true;
    return fields.last().endsWith(u'\r');
}

void checkCsv(const QByteArray &bytes)
{
    QString error;
    const QList<QStringList> rows = readAll(bytes, &error);
    QByteArray written;
    bool writable = true;
    for (const QStringList &row : rows) {
        writable = writable && !knownUnwritable(row);
        QStringList quotedFields;
        for (const QString &field : row)
            quotedFields.append(csvField(field));
        written += quotedFields.join(u',').toUtf8() + '\n';
    }
    // A first field that starts with U+FEFF: readRow() strips it as a BOM, even inside quotes and
    // after QTextStream already took the BOM, so it does not read back (F8 in docs/fuzzing.md).
    if (!fuzz::strict() && !rows.isEmpty() && rows.first().first().startsWith(QChar(0xfeff)))
        writable = false;
    // Text no UTF-8 file can hold (a lone surrogate): only a file QTextStream took for UTF-16 or
    // UTF-32 by its BOM yields it (F8 too).
    for (const QStringList &row : rows)
        for (const QString &field : row)
            if (!fuzz::strict() && QString::fromUtf8(field.toUtf8()) != field)
                writable = false;
    if (!writable)
        return;
    QString againError;
    const QList<QStringList> again = readAll(written, &againError);
    FUZZ_CHECK(againError.isEmpty(), againError + u' ' + quoted(written));
    FUZZ_CHECK(again == rows,
               QStringLiteral("rows written with csvField read back differently: %1 → %2")
                   .arg(quoted(bytes), quoted(written)));
}

void checkCatalog(const QByteArray &body)
{
    QBuffer buffer;
    QByteArray file = catalogCsvHeader().toUtf8() + '\n' + body;
    buffer.setData(file);
    buffer.open(QIODevice::ReadOnly);
    CatalogCsvReader reader(&buffer);
    FUZZ_CHECK(reader.readHeader(), reader.error());

    QSet<QString> skus, plus, codes;
    CatalogRow row;
    qint64 lastLine = 1;
    for (int n = 0;; ++n) {
        FUZZ_CHECK(n <= maxRows, QStringLiteral("more products than the input has lines"));
        if (!reader.next(&row)) {
            // Refused or at the end: the line is where it stopped, a refusal says why.
            FUZZ_CHECK(reader.line() >= lastLine, QString::number(reader.line()));
            break;
        }
        FUZZ_CHECK(reader.error().isEmpty(), reader.error());
        FUZZ_CHECK(reader.line() > lastLine, QString::number(reader.line()));
        lastLine = reader.line();
        const Product &p = row.product;
        const QString where = QStringLiteral("line %1 of %2").arg(lastLine).arg(quoted(file));
        FUZZ_CHECK(p.id == 0, where);
        FUZZ_CHECK(!p.sku.isEmpty() && p.sku == p.sku.trimmed(), where);
        FUZZ_CHECK(!skus.contains(p.sku), QStringLiteral("SKU twice: ") + where);
        skus.insert(p.sku);
        FUZZ_CHECK(!p.nameZh.isEmpty() || !p.nameEn.isEmpty(), where);
        FUZZ_CHECK(p.nameZh == p.nameZh.trimmed() && p.nameEn == p.nameEn.trimmed(), where);
        FUZZ_CHECK(!p.category.isEmpty() && p.category == p.category.trimmed(), where);
        FUZZ_CHECK(!p.price.isNegative(), where);
        FUZZ_CHECK(p.taxRateBp >= 0 && p.taxRateBp <= 10000, where);
        if (p.isWeighed())
            FUZZ_CHECK(!p.plu.isEmpty(), where);
        else
            FUZZ_CHECK(!row.codes.isEmpty(), where);
        if (!p.plu.isEmpty()) {
            // 1–6 digits that a scale label can carry: ASCII. Finding F2 in docs/fuzzing.md:
            // catalogcsv.cpp's isPlu() takes any Unicode digit.
            const bool asciiPlu = isAsciiDigits(p.plu) && p.plu.size() <= 6;
            if (fuzz::strict() || p.plu.size() > 6 || p.plu.size() < 1)
                FUZZ_CHECK(asciiPlu, QStringLiteral("PLU ") + fuzz::quotedText(p.plu) + QStringLiteral(": ") + where);
            FUZZ_CHECK(!plus.contains(p.plu), QStringLiteral("PLU twice: ") + where);
            plus.insert(p.plu);
        }
        for (const QString &code : std::as_const(row.codes)) {
            const ProductCode normal = normalizeProductCode(code);
            FUZZ_CHECK(normal.isValid() && normal.gtin == code, code + QStringLiteral(": ") + where);
            FUZZ_CHECK(code.size() == 13 || code.size() == 8, code + QStringLiteral(": ") + where);
            FUZZ_CHECK(!(code.size() == 13 && code.startsWith(u'2')), code + QStringLiteral(": ") + where);
            FUZZ_CHECK(!codes.contains(code), QStringLiteral("barcode twice: ") + code + QStringLiteral(": ") + where);
            codes.insert(code);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    checkCsv(bytes);
    checkCatalog(bytes);
    return 0;
}
