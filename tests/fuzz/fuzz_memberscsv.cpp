// The members CSV reader (app/ledger/membercsv.h).
//
// Input: the body of a members CSV file, read after the header as UTF-8 and, when it has other
// bytes than ASCII, as GB18030. Checked: the reader ends, its lines only go forward, and a refused
// file says why; every member it accepts keeps the documented limits (docs/operations.md,
// "Members"), each checked here independently of the reader: a member id of 1–32 ASCII letters,
// digits, '-' or '_', unique in the file; a phone of 11 ASCII digits 1[3-9]…, unique in the file
// and canonical (canonicalPhone gives it back); a trimmed name of at most 30 characters without
// control or invisible characters; a tier of the list; points 0…100 000 000; a birthday empty or
// a real MM-DD (02-29 included); a consent time invalid or UTC in whole seconds.
#include "fuzzcheck.h"

#include "ledger/membercsv.h"

#include <QBuffer>
#include <QSet>

#include <algorithm>
#include <cstdint>

using namespace smartpos;
using smartpos::fuzz::quoted;

namespace {

constexpr int maxRows = 5000; // inputs are at most a few KiB; this only bounds a runaway loop

bool isIdCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
           || c == u'-' || c == u'_';
}

bool realBirthday(const QString &text)
{
    static constexpr int daysIn[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (text.size() != 5 || text[2] != u'-' || !fuzz::isAsciiDigits(text.first(2))
        || !fuzz::isAsciiDigits(text.last(2)))
        return false;
    const int month = text.first(2).toInt(), day = text.last(2).toInt();
    return month >= 1 && month <= 12 && day >= 1 && day <= daysIn[month - 1];
}

void checkMembers(const QByteArray &body, TextEncoding encoding)
{
    const QByteArray file = memberCsvHeader().toUtf8() + '\n' + body;
    QBuffer buffer;
    buffer.setData(file);
    buffer.open(QIODevice::ReadOnly);
    MemberCsvReader reader(&buffer, encoding);
    FUZZ_CHECK(reader.readHeader(), reader.error());

    QSet<QString> ids, phones;
    Member m;
    qint64 lastLine = 1;
    for (int n = 0;; ++n) {
        FUZZ_CHECK(n <= maxRows, QStringLiteral("more members than the input has lines"));
        if (!reader.next(&m)) {
            // Refused or at the end: the line is where it stopped, a refusal says why.
            FUZZ_CHECK(reader.line() >= lastLine, QString::number(reader.line()));
            FUZZ_CHECK(!reader.error().isEmpty() || buffer.atEnd(), quoted(file));
            break;
        }
        FUZZ_CHECK(reader.error().isEmpty(), reader.error());
        FUZZ_CHECK(reader.line() > lastLine, QString::number(reader.line()));
        lastLine = reader.line();
        const QString where = QStringLiteral("line %1 of %2").arg(lastLine).arg(quoted(file));

        FUZZ_CHECK(m.id.size() >= 1 && m.id.size() <= 32
                       && std::all_of(m.id.begin(), m.id.end(), isIdCharacter),
                   where);
        FUZZ_CHECK(!ids.contains(m.id), QStringLiteral("id twice: ") + where);
        ids.insert(m.id);

        FUZZ_CHECK(m.phone.size() == 11 && fuzz::isAsciiDigits(m.phone) && m.phone[0] == u'1'
                       && m.phone[1] >= u'3',
                   where);
        FUZZ_CHECK(canonicalPhone(m.phone) == m.phone, where);
        FUZZ_CHECK(!phones.contains(m.phone), QStringLiteral("phone twice: ") + where);
        phones.insert(m.phone);

        const QList<uint> name = m.name.toUcs4();
        FUZZ_CHECK(m.name == m.name.trimmed() && name.size() <= MemberLimits::nameLength, where);
        for (const char32_t c : name)
            FUZZ_CHECK(QChar::category(c) != QChar::Other_Control
                           && QChar::category(c) != QChar::Other_Format
                           && QChar::category(c) != QChar::Other_Surrogate,
                       where);
        // The masks never show more than they should: one character per word, or two.
        FUZZ_CHECK(m.maskedName().toUcs4().size() <= name.size(), where);
        FUZZ_CHECK(m.maskedPhone().first(3) == m.phone.first(3)
                       && m.maskedPhone().sliced(3, 4) == QStringLiteral("****"),
                   where);

        FUZZ_CHECK(memberTiers().contains(m.tier), where);
        FUZZ_CHECK(m.points >= 0 && m.points <= 100'000'000, where);
        FUZZ_CHECK(m.birthday.isEmpty() || realBirthday(m.birthday), where);
        FUZZ_CHECK(!m.consent.isValid()
                       || (m.consent.timeSpec() == Qt::UTC && m.consent.time().msec() == 0),
                   where);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    checkMembers(bytes, TextEncoding::Utf8);
    if (std::any_of(bytes.begin(), bytes.end(), [](char c) { return uchar(c) >= 0x80; }))
        checkMembers(bytes, TextEncoding::Gb18030);
    return 0;
}
