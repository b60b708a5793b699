#include "membercode.h"

#include "codes.h"

#include <QList>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace smartpos {

namespace {

constexpr qsizetype maxMemberIdLength = 32;
constexpr qsizetype maxStepDigits = 12; // steps of 30 s: past the year 30000
constexpr qint64 maxStep = 999'999'999'999;
constexpr qsizetype tagChars = memberCodeTagBytes / 3 * 4;
constexpr auto base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray hmacSha256(QByteArrayView key, QByteArrayView data)
{
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int size = 0;
    static const char noKey = 0; // a null key would mean "the previous key" to OpenSSL
    HMAC(EVP_sha256(), key.isEmpty() ? &noKey : key.data(), int(key.size()),
         reinterpret_cast<const uchar *>(data.data()), size_t(data.size()),
         reinterpret_cast<uchar *>(out.data()), &size);
    out.resize(size);
    return out;
}

// What the tag covers: the code up to its last dot.
QByteArray signedText(QStringView memberId, qint64 step)
{
    return QByteArray(memberCodePrefix.data(), memberCodePrefix.size()) + memberId.toLatin1() + '.'
           + QByteArray::number(step);
}

QByteArray tagFor(QByteArrayView memberKey, QStringView memberId, qint64 step)
{
    return hmacSha256(memberKey, signedText(memberId, step)).first(memberCodeTagBytes);
}

bool isStepDigits(QStringView text)
{
    if (text.isEmpty() || text.size() > maxStepDigits || (text.size() > 1 && text[0] == u'0'))
        return false;
    for (const QChar c : text)
        if (c < u'0' || c > u'9')
            return false;
    return true;
}

} // namespace

bool isMemberId(QStringView id)
{
    if (id.isEmpty() || id.size() > maxMemberIdLength)
        return false;
    for (const QChar c : id) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
                        || (c >= u'0' && c <= u'9') || c == u'-' || c == u'_';
        if (!ok)
            return false;
    }
    return true;
}

qint64 memberCodeStep(qint64 unixSeconds)
{
    // Floor, not truncation: a moment before 1970 is in the step before.
    const qint64 step = unixSeconds / memberCodeStepSeconds;
    return unixSeconds % memberCodeStepSeconds < 0 ? step - 1 : step;
}

QByteArray memberCodeKey(QByteArrayView chainSecret, QStringView memberId)
{
    if (!isMemberId(memberId))
        return {};
    return hmacSha256(chainSecret, QByteArrayLiteral("SPM1 member key") + memberId.toLatin1());
}

QString memberCode(QByteArrayView memberKey, QStringView memberId, qint64 step)
{
    if (!isMemberId(memberId) || step < 0 || step > maxStep)
        return {};
    return QString::fromLatin1(signedText(memberId, step) + '.'
                               + tagFor(memberKey, memberId, step).toBase64(base64url));
}

std::optional<MemberCodeParts> parseMemberCode(QStringView code)
{
    if (!code.startsWith(memberCodePrefix))
        return std::nullopt;
    const QList<QStringView> parts = code.sliced(memberCodePrefix.size()).split(u'.');
    if (parts.size() != 3 || !isMemberId(parts[0]) || !isStepDigits(parts[1])
        || parts[2].size() != tagChars)
        return std::nullopt;
    for (const QChar c : parts[2])
        if (c.unicode() > 0x7f)
            return std::nullopt;
    // 16 characters carry exactly 12 bytes: no spare bits, so a decoded tag is canonical.
    const auto tag = QByteArray::fromBase64Encoding(
        parts[2].toLatin1(), base64url | QByteArray::AbortOnBase64DecodingErrors);
    if (!tag || tag.decoded.size() != memberCodeTagBytes)
        return std::nullopt;
    return MemberCodeParts{parts[0].toString(), parts[1].toLongLong(), tag.decoded};
}

MemberCodeCheck checkMemberCode(QStringView code, QByteArrayView chainSecret, qint64 now)
{
    MemberCodeCheck check;
    const std::optional<MemberCodeParts> parts = parseMemberCode(code);
    if (!parts)
        return check;
    check.member = parts->member;
    check.step = parts->step;
    const QByteArray expected =
        tagFor(memberCodeKey(chainSecret, parts->member), parts->member, parts->step);
    const qint64 tillStep = memberCodeStep(now);
    if (CRYPTO_memcmp(expected.constData(), parts->tag.constData(), memberCodeTagBytes) != 0)
        check.verdict = MemberCodeCheck::Verdict::Forged;
    else if (parts->step < tillStep - 1)
        check.verdict = MemberCodeCheck::Verdict::Expired;
    else if (parts->step > tillStep + 1)
        check.verdict = MemberCodeCheck::Verdict::NotYetValid;
    else
        check.verdict = MemberCodeCheck::Verdict::Valid;
    return check;
}

MemberCodeCheck::Verdict memberVerdictForSale(const MemberCodeCheck &check,
                                              std::optional<qint64> lastAcceptedStep)
{
    if (check.verdict == MemberCodeCheck::Verdict::Valid && lastAcceptedStep
        && check.step <= *lastAcceptedStep)
        return MemberCodeCheck::Verdict::Used;
    return check.verdict;
}

} // namespace smartpos
