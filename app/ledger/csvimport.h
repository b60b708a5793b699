#pragma once

// The plumbing the CSV imports (catalog, members) share: the rows of a file with a fixed header,
// the checks every text field gets, and the one write transaction an import runs in.

#include "csv.h"
#include "database.h"

#include <QCoreApplication>
#include <QFile>

#include <functional>
#include <optional>

namespace smartpos {

// Empty when `value` is fine for a text column: no control or invisible character (NUL, tab,
// line breaks, bidi overrides, zero-width spaces, U+FEFF …, or what is no character at all),
// at most `maxLength` characters. Otherwise the reason, naming `column`.
QString textFieldProblem(const QString &column, QStringView value, int maxLength);

// The rows of an import file after its header line, blank lines skipped. Stops at the first
// problem (the reader's, or one the caller reports with fail()) and keeps it with its line.
class CsvRecords {
    // The messages were written for the catalog and are translated under its name.
    Q_DECLARE_TR_FUNCTIONS(smartpos::CatalogStore)

public:
    CsvRecords(QIODevice *device, TextEncoding encoding, QString header);

    // Reads the first line; false when it is not the header (error() says so, line() is 1).
    bool readHeader();
    // The next row that is not blank; false at the end, or on an unreadable row (error()).
    bool next(QStringList *fields);
    // Records `reason` for the current line; returns false.
    bool fail(const QString &reason);

    // Empty unless reading stopped at a bad line.
    const QString &error() const { return m_error; }
    // The file line (1-based) on which the row last read started.
    qint64 line() const { return m_line; }

private:
    CsvReader m_csv;
    QString m_header;
    QString m_error;
    qint64 m_line = 0;
};

// What every import is asked.
struct CsvImportOptions {
    TextEncoding encoding = TextEncoding::Utf8;
    bool dryRun = false; // check and report everything, then change nothing
};

// What every import changed (or, with dryRun, would change): nothing at all unless ok.
struct CsvImportReport {
    bool ok = false;
    qint64 line = 0;     // the file line of the first bad row
    QString reason;      // why it was rejected, or why the file could not be read
    QStringList added;   // keys (SKUs, member ids) of new rows
    QStringList updated; // keys of rows that changed
    qint64 unchanged = 0;
};

// Where and why an import was refused.
struct ImportFailure {
    qint64 line = 0; // 0: not a line's fault (the file, the database)
    QString reason;
};

// Imports `file`, read through `records`: opens it and reads its header, then runs `rows` (which
// reads the rows through `records` and writes them) in one write transaction on `db`, taken at
// once (BEGIN IMMEDIATE: waiting for another writer here, not failing after the first reads) and
// committed unless this is a dry run. All or nothing: a failure of `rows`, or a row `records`
// cannot read, rolls everything back and is returned.
std::optional<ImportFailure> runImport(Database &db, QFile &file, CsvRecords &records, bool dryRun,
                                       const std::function<std::optional<ImportFailure>()> &rows);

// `report` as runImport left it: ok, or, after `failure`, empty but for its line and reason.
template <typename Report>
Report importEnded(Report report, const std::optional<ImportFailure> &failure)
{
    if (!failure) {
        report.ok = true;
        return report;
    }
    report = Report();
    report.line = failure->line;
    report.reason = failure->reason;
    return report;
}

} // namespace smartpos
