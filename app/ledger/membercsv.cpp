#include "membercsv.h"

#include "core/barcode.h"
#include "core/membercode.h"

namespace smartpos {

QString memberCsvHeader()
{
    return QStringLiteral("member_id,phone,name,tier,points,birthday,consent_utc");
}

MemberCsvReader::MemberCsvReader(QIODevice *device, TextEncoding encoding)
    : m_rows(device, encoding, memberCsvHeader())
{
}

bool MemberCsvReader::readPoints(const QString &field, Member *member)
{
    bool ok = false;
    member->points = field.toLongLong(&ok);
    // Digits beyond qint64 are above the cap too.
    if ((ok && member->points > MemberLimits::points) || (!ok && isAsciiDigits(field)))
        return fail(tr("points %1 is above %2, more than any member holds: a wrong column?")
                        .arg(field)
                        .arg(MemberLimits::points));
    if (!ok || member->points < 0)
        return fail(tr("points \"%1\" is not a whole number ≥ 0").arg(field));
    return true;
}

bool MemberCsvReader::readConsent(const QString &field, Member *member)
{
    member->consent = {};
    if (field.isEmpty())
        return true;
    // Only UTC, said with its Z: a time without a zone would be read in the till's.
    const QDateTime read =
        field.endsWith(u'Z') ? QDateTime::fromString(field, Qt::ISODate) : QDateTime();
    if (!read.isValid())
        return fail(
            tr("consent_utc \"%1\" is not a UTC time such as 2025-03-01T08:00:00Z").arg(field));
    // Whole seconds, as members.db keeps it.
    member->consent = QDateTime::fromSecsSinceEpoch(read.toSecsSinceEpoch(), Qt::UTC);
    return true;
}

bool MemberCsvReader::next(Member *member)
{
    if (!m_rows.next(&m_fields))
        return false;
    if (m_fields.size() != 7)
        return fail(tr("expected 7 fields, found %1").arg(m_fields.size()));
    QStringList f;
    for (const QString &field : std::as_const(m_fields))
        f.append(field.trimmed());

    *member = Member();
    member->id = f[0];
    if (!isMemberId(member->id))
        return fail(tr("member_id \"%1\" is not 1 to 32 letters, digits, '-' or '_'")
                        .arg(member->id.left(40)));
    const auto phone = canonicalPhone(f[1]);
    if (!phone)
        return fail(tr("phone \"%1\" is not a mainland mobile number (11 digits starting with 1, "
                       "optionally +86)")
                        .arg(f[1].left(40)));
    member->phone = *phone;
    if (const QString problem =
            textFieldProblem(QStringLiteral("name"), f[2], MemberLimits::nameLength);
        !problem.isEmpty())
        return fail(problem);
    member->name = f[2];
    member->tier = f[3].toLower();
    if (!memberTiers().contains(member->tier))
        return fail(tr("tier \"%1\" is not one of %2")
                        .arg(f[3].left(40), memberTiers().join(QStringLiteral(", "))));
    if (!readPoints(f[4], member))
        return false;
    member->birthday = f[5];
    if (!member->birthday.isEmpty() && !isBirthday(member->birthday))
        return fail(
            tr("birthday \"%1\" is not a day of the year as MM-DD (03-15)").arg(f[5].left(40)));
    if (!readConsent(f[6], member))
        return false;

    // Unique within the file; the database enforces phones against the other members.
    if (m_ids.contains(member->id))
        return fail(tr("member %1 appears twice in the file").arg(member->id));
    if (m_phones.contains(member->phone))
        return fail(tr("phone %1 appears twice in the file").arg(member->phone));
    m_ids.insert(member->id);
    m_phones.insert(member->phone);
    return true;
}

} // namespace smartpos
