#include "memberstore.h"

#include "membercsv.h"

#include <QDir>
#include <QFile>

namespace smartpos {

namespace {

// The CHECKs repeat the reader's rules, so that no other writer can store what the till would
// misread.
const QString schema = QStringLiteral(R"(
CREATE TABLE members (
    id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 32),
    phone TEXT NOT NULL UNIQUE CHECK (phone GLOB '1[3-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
    name TEXT NOT NULL,
    tier TEXT NOT NULL CHECK (tier IN ('silver', 'gold', 'platinum')),
    points INTEGER NOT NULL CHECK (points BETWEEN 0 AND 100000000),
    birthday TEXT CHECK (birthday GLOB '[01][0-9]-[0-3][0-9]'),
    consent_utc TEXT
) STRICT, WITHOUT ROWID
)");

// The balance's time, so that redemptions at this till since then count against it.
const QString pointsAsOf = QStringLiteral("ALTER TABLE members ADD COLUMN points_as_of TEXT");

const QString memberColumns = QStringLiteral(
    "id, phone, name, tier, points, birthday, consent_utc, points_as_of FROM members");

Member memberFrom(const QSqlQuery &q)
{
    Member m;
    m.id = q.value(0).toString();
    m.phone = q.value(1).toString();
    m.name = q.value(2).toString();
    m.tier = q.value(3).toString();
    m.points = q.value(4).toLongLong();
    m.birthday = q.value(5).toString();
    if (!q.value(6).isNull())
        m.consent = QDateTime::fromString(q.value(6).toString(), Qt::ISODate);
    if (!q.value(7).isNull())
        m.pointsAsOf = QDateTime::fromString(q.value(7).toString(), Qt::ISODateWithMs);
    return m;
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

} // namespace

QString MemberStore::csvHeader()
{
    return memberCsvHeader();
}

Status MemberStore::open(const QString &dataDir)
{
    if (Status opened = m_db.open(QDir(dataDir).filePath(fileName()), {{schema}, {pointsAsOf}});
        !opened)
        return opened;
    m_byId = m_db.prepare(QStringLiteral("SELECT %1 WHERE id = ?").arg(memberColumns));
    m_byPhone = m_db.prepare(QStringLiteral("SELECT %1 WHERE phone = ?").arg(memberColumns));
    m_upsert = m_db.prepare(QStringLiteral(
        "INSERT INTO members (id, phone, name, tier, points, birthday, consent_utc, "
        "points_as_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "phone = excluded.phone, name = excluded.name, tier = excluded.tier, points = "
        "excluded.points, birthday = excluded.birthday, consent_utc = excluded.consent_utc, "
        "points_as_of = excluded.points_as_of"));
    if (!m_db.preparedAll()) {
        m_db.closeAsFound();
        return Error{ErrorCode::Damaged,
                     tr("The tables of %1 are damaged. Import the members again into a new data "
                        "folder, or restore the file from a backup.")
                         .arg(m_db.path())};
    }
    return {};
}

Result<std::optional<Member>> MemberStore::fetchOne(QSqlQuery &query)
{
    if (!query.exec()) {
        // Said as what it is (damaged, locked, a disk error), never as "no such member".
        const QSqlError error = query.lastError();
        return m_db.describe(error.nativeErrorCode().toInt(), error.databaseText());
    }
    std::optional<Member> result;
    if (query.next())
        result = memberFrom(query);
    query.finish();
    return result;
}

Result<std::optional<Member>> MemberStore::lookupById(const QString &id)
{
    m_byId.bindValue(0, id);
    return fetchOne(m_byId);
}

Result<std::optional<Member>> MemberStore::lookupByPhone(const QString &phone)
{
    const auto canonical = canonicalPhone(phone);
    if (!canonical)
        return std::optional<Member>();
    m_byPhone.bindValue(0, *canonical);
    return fetchOne(m_byPhone);
}

Result<qint64> MemberStore::count()
{
    const Result<QVariant> counted = m_db.value(QStringLiteral("SELECT count(*) FROM members"));
    if (!counted)
        return counted.error();
    return counted->toLongLong();
}

std::optional<QString> MemberStore::upsert(const Member &m)
{
    const QVariantList values = {m.id,
                                 m.phone,
                                 m.name,
                                 m.tier,
                                 m.points,
                                 textOrNull(m.birthday),
                                 textOrNull(m.consent.toUTC().toString(Qt::ISODate)),
                                 textOrNull(m.pointsAsOf.toUTC().toString(Qt::ISODateWithMs))};
    for (int i = 0; i < values.size(); ++i)
        m_upsert.bindValue(i, values[i]);
    if (m_upsert.exec())
        return std::nullopt;
    return m_db.describe(m_upsert.lastError());
}

MemberImportReport MemberStore::importCsv(const QString &csvPath,
                                          const MemberImportOptions &options)
{
    MemberImportReport report;
    QFile file(csvPath);
    MemberCsvReader csv(&file, options.encoding);
    const auto failure =
        runImport(m_db, file, csv.records(), options.dryRun, [&]() -> std::optional<ImportFailure> {
            Member member;
            while (csv.next(&member)) {
                auto refuse = [&](const QString &reason) {
                    return ImportFailure{csv.line(), reason};
                };
                const auto before = lookupById(member.id);
                if (!before)
                    return refuse(before.error().message);
                const auto phoneOwner = lookupByPhone(member.phone);
                if (!phoneOwner)
                    return refuse(phoneOwner.error().message);
                if (*phoneOwner && (*phoneOwner)->id != member.id)
                    return refuse(tr("phone %1 belongs to member %2, which keeps it: give %2 "
                                     "another phone first")
                                      .arg(member.phone, (*phoneOwner)->id));
                ++report.members;
                // A row the file does not change keeps the time of its balance (a later file
                // with the same balance may not include what was redeemed here meanwhile).
                member.pointsAsOf = *before ? (*before)->pointsAsOf : QDateTime();
                if (*before == std::optional(member)) {
                    ++report.unchanged;
                    continue;
                }
                (*before ? report.updated : report.added).append(member.id);
                member.pointsAsOf = options.pointsAsOf;
                if (const auto problem = upsert(member))
                    return refuse(*problem);
            }
            return std::nullopt;
        });
    return importEnded(report, failure);
}

} // namespace smartpos
