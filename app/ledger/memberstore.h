#pragma once

#include "core/member.h"
#include "csvimport.h"
#include "database.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace smartpos {

struct MemberImportOptions : CsvImportOptions {
    // When the file's balances were the chain's (UTC): the points of every member the file
    // changes are as of then.
    QDateTime pointsAsOf;
};

// A members import's report: added and updated list member ids.
struct MemberImportReport : CsvImportReport {
    qint64 members = 0; // rows read
};

// The chain's member directory in its own SQLite file (members.db): master data the chain sends,
// replaceable like the catalog, never mixed with the sales ledger. Members the till signs up
// itself belong in the ledger (and its outbox), not here.
class MemberStore {
    Q_DECLARE_TR_FUNCTIONS(smartpos::MemberStore)

public:
    static QString fileName() { return QStringLiteral("members.db"); }

    Status open(const QString &dataDir);
    bool isOpen() const { return m_db.isOpen(); }

    // Nothing when no member has it; an Error when members.db cannot be read (damaged, locked, a
    // disk error), so a failing file never passes for "no such member".
    Result<std::optional<Member>> lookupById(const QString &id);
    // `phone` in any spelling canonicalPhone reads; nothing for one it does not.
    Result<std::optional<Member>> lookupByPhone(const QString &phone);
    Result<qint64> count();

    // All rows or none: the first bad row rejects the whole file (rows: MemberCsvReader). New ids
    // are added, known ones updated; members the file does not list stay. A phone another member
    // has is refused: the file must give that member their new phone first.
    MemberImportReport importCsv(const QString &csvPath, const MemberImportOptions &options = {});
    // The header line importCsv expects: memberCsvHeader().
    static QString csvHeader();

private:
    Result<std::optional<Member>> fetchOne(QSqlQuery &query);
    // Adds or updates one member; the reason when SQLite refuses.
    std::optional<QString> upsert(const Member &member);

    Database m_db;
    QSqlQuery m_byId;
    QSqlQuery m_byPhone;
    QSqlQuery m_upsert;
};

} // namespace smartpos
