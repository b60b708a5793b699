#pragma once

#include "core/member.h"
#include "csvimport.h"

#include <QCoreApplication>
#include <QSet>

namespace smartpos {

// The header line of a members CSV file; its columns in this order.
QString memberCsvHeader();

// Turns a members CSV file into validated members (the rules: docs/operations.md, "Members"):
// a member id (isMemberId), a mobile number in any spelling canonicalPhone reads, a name of at
// most MemberLimits::nameLength characters, a tier of memberTiers() in any case, points from 0 to
// MemberLimits::points, an optional MM-DD birthday and an optional UTC consent time
// (2025-03-01T08:00:00Z). No id or phone twice in the file; whether a phone already belongs to
// another member is the store's question.
class MemberCsvReader {
    // The messages are for MemberStore::importCsv and are translated under its name.
    Q_DECLARE_TR_FUNCTIONS(smartpos::MemberStore)

public:
    explicit MemberCsvReader(QIODevice *device, TextEncoding encoding = TextEncoding::Utf8);

    // Reads the first line; false when it is not memberCsvHeader() (error() says so, line() is 1).
    bool readHeader() { return m_rows.readHeader(); }
    // The next member, blank lines skipped. False at the end of the file, or at the first bad
    // row: then error() says why and line() where.
    bool next(Member *member);

    // The file's rows, for runImport.
    CsvRecords &records() { return m_rows; }
    const QString &error() const { return m_rows.error(); }
    qint64 line() const { return m_rows.line(); }

private:
    bool fail(const QString &reason) { return m_rows.fail(reason); }
    bool readPoints(const QString &field, Member *member);
    bool readConsent(const QString &field, Member *member);

    CsvRecords m_rows;
    QStringList m_fields;
    QSet<QString> m_ids;
    QSet<QString> m_phones;
};

} // namespace smartpos
