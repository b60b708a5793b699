// The CSV reader (app/ledger/csv.h) and the catalog rows it feeds (app/ledger/catalogcsv.h).
//
// Input: the body of a CSV file. Checked:
//   - CsvReader, reading the input as UTF-8 and, when it has other bytes than ASCII, as GB18030:
//     ends (no hang), a row's line numbers only go forward, an error is only ever reported with
//     `false`, on a line of the input after the last row's first, and stops the reader; every row
//     read, written back with csvField() and read again (UTF-8), gives the same fields (the
//     writer and the reader agree, for any text);
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

#include <algorithm>
#include <cstdint>

using namespace smartpos;
using smartpos::fuzz::quoted;

namespace {

constexpr int maxRows = 5000; // inputs are at most a few KiB; this only bounds a runaway loop

// Well-formed GB18030: a byte up to 0x7F; 0x81–0xFE then 0x40–0x7E or 0x80–0xFE; or four bytes
// 0x81–0xFE 0x30–0x39 0x81–0xFE 0x30–0x39 in the two ranges that map to Unicode (U+0080…U+FFFF
// and U+10000…U+10FFFF).
bool validGb18030(QByteArrayView bytes)
{
    qsizetype i = 0;
    while (i < bytes.size()) {
        const uchar c = uchar(bytes[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        if (c == 0x80 || c == 0xff || i + 1 == bytes.size())
            return false;
        const uchar d = uchar(bytes[i + 1]);
        if ((d >= 0x40 && d <= 0x7e) || (d >= 0x80 && d <= 0xfe)) {
            i += 2;
            continue;
        }
        if (d < 0x30 || d > 0x39 || bytes.size() - i < 4)
            return false;
        const uchar e = uchar(bytes[i + 2]), f = uchar(bytes[i + 3]);
        if (e < 0x81 || e > 0xfe || f < 0x30 || f > 0x39)
            return false;
        const quint32 v = quint32(c) << 24 | quint32(d) << 16 | quint32(e) << 8 | f;
        if (!((v >= 0x81308130 && v <= 0x8431a439) || (v >= 0x90308130 && v <= 0xe3329a35)))
            return false;
        i += 4;
    }
    return true;
}

QList<QStringList> readAll(const QByteArray &bytes, TextEncoding encoding, QString *error)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, encoding);
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
    const qint64 errorLine = reader.rowLine();
    const auto where = [&] {
        return QStringLiteral("%1 (line %2 of %3)").arg(*error).arg(errorLine).arg(quoted(bytes));
    };
    FUZZ_CHECK(!reader.readRow(&fields) && reader.error() == *error,
               QStringLiteral("reads on after the end or an error: ") + where());

    // Where it stopped, by an independent check of the bytes, line by line: at the first line
    // that is not text in the encoding, on that line; else at the end, or at a quoted field that
    // is never closed. In GB18030 also earlier, at a line of UTF-8 Chinese.
    const QList<QByteArray> lines = bytes.split('\n');
    qint64 firstBad = 0;
    for (qsizetype i = 0; i < lines.size() && !firstBad; ++i)
        if (encoding == TextEncoding::Utf8 ? !fuzz::validUtf8(lines[i]) : !validGb18030(lines[i]))
            firstBad = i + 1;
    if (!error->isEmpty())
        FUZZ_CHECK(errorLine > lastLine && errorLine <= lines.size(), where());
    const bool unclosed = *error == QLatin1StringView("a quoted field is never closed");
    if (encoding == TextEncoding::Gb18030 && error->startsWith(u"this line is UTF-8 text")) {
        // That line (after the GB18030 byte order mark, on line 1) is UTF-8.
        QByteArrayView line = lines[errorLine - 1];
        if (errorLine == 1 && line.startsWith("\x84\x31\x95\x33"))
            line = line.sliced(4);
        FUZZ_CHECK(fuzz::validUtf8(line), where());
        FUZZ_CHECK(!firstBad || errorLine <= firstBad, where());
    } else if (firstBad) {
        FUZZ_CHECK(errorLine == firstBad && !error->isEmpty() && !unclosed, where());
    } else {
        FUZZ_CHECK(error->isEmpty() || unclosed, where());
    }
    return rows;
}

void checkCsv(const QByteArray &bytes, TextEncoding encoding)
{
    QString error;
    const QList<QStringList> rows = readAll(bytes, encoding, &error);
    QByteArray written;
    for (const QStringList &row : rows) {
        QStringList quotedFields;
        for (const QString &field : row)
            quotedFields.append(csvField(field));
        written += quotedFields.join(u',').toUtf8() + '\n';
    }
    QString againError;
    const QList<QStringList> again = readAll(written, TextEncoding::Utf8, &againError);
    FUZZ_CHECK(againError.isEmpty(), againError + u' ' + quoted(written));
    FUZZ_CHECK(again == rows,
               QStringLiteral("rows written with csvField read back differently: %1 → %2")
                   .arg(quoted(bytes), quoted(written)));
}

void checkCsv(const QByteArray &bytes)
{
    checkCsv(bytes, TextEncoding::Utf8);
    // ASCII is the same in both: only other bytes are worth a second read.
    if (std::any_of(bytes.begin(), bytes.end(), [](char c) { return uchar(c) >= 0x80; }))
        checkCsv(bytes, TextEncoding::Gb18030);
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
        // What the till can sell and print: within the store's limits, text without controls.
        const MoneyLimits limits;
        FUZZ_CHECK(!p.price.isNegative() && p.price <= limits.unitPrice, where);
        if (p.isWeighed())
            FUZZ_CHECK(p.price.fen > 0, where);
        FUZZ_CHECK(p.taxRateBp == 0
                       || (p.taxRateBp >= 100 && p.taxRateBp <= CatalogFieldLimits::taxRateBp),
                   where);
        for (const QString &text : {p.sku, p.nameZh, p.nameEn, p.category}) {
            FUZZ_CHECK(text.toUcs4().size() <= CatalogFieldLimits::nameLength, where);
            for (const char32_t c : text.toUcs4())
                FUZZ_CHECK(QChar::category(c) != QChar::Other_Control
                               && QChar::category(c) != QChar::Other_Format
                               && QChar::category(c) != QChar::Other_Surrogate,
                           where);
        }
        if (p.isWeighed())
            FUZZ_CHECK(!p.plu.isEmpty(), where);
        else
            FUZZ_CHECK(!row.codes.isEmpty(), where);
        if (!p.plu.isEmpty()) {
            // ASCII digits a scale label carries (5 with the default layouts), without the
            // leading zeros the label prints: the catalog's key for it.
            FUZZ_CHECK(fuzz::isAsciiDigits(p.plu) && p.plu.size() <= 5 && !p.plu.startsWith(u'0'),
                       QStringLiteral("PLU ") + fuzz::quotedText(p.plu) + QStringLiteral(": ")
                           + where);
            FUZZ_CHECK(!plus.contains(p.plu), QStringLiteral("PLU twice: ") + where);
            plus.insert(p.plu);
        }
        for (const QString &code : std::as_const(row.codes)) {
            const ProductCode normal = normalizeProductCode(code);
            FUZZ_CHECK(normal.isValid() && normal.gtin == code,
                       code + QStringLiteral(": ") + where);
            FUZZ_CHECK(code.size() == 13 || code.size() == 8, code + QStringLiteral(": ") + where);
            FUZZ_CHECK(!(code.size() == 13 && code.startsWith(u'2')),
                       code + QStringLiteral(": ") + where);
            FUZZ_CHECK(!codes.contains(code),
                       QStringLiteral("barcode twice: ") + code + QStringLiteral(": ") + where);
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
