// The member code (app/core/membercode.h): the parser and the check.
//
// Input, by its first byte:
//   'b'  the rest builds a code: 6 bytes of time step, then the member id. A code is made exactly
//        for a valid member id and step; it parses back to them and checks Valid from one step
//        before to one after, NotYetValid and Expired just outside;
//   else the input is a scanned code (UTF-8), checked with the fuzz secret at three times:
//        deterministic; Malformed exactly when parseMemberCode refuses it; what parses prints
//        back to the same text (one code, one spelling); a code whose tag checks is exactly the
//        code the member's key makes for that step; the ±1 step window holds; never Used.
#include "fuzzcheck.h"

#include "core/membercode.h"

#include <QString>

#include <cstdint>

using namespace smartpos;
using smartpos::fuzz::quoted;
using Verdict = MemberCodeCheck::Verdict;

namespace {

// For fuzzing only; the seeds in corpus/fuzz_membercode/ are made with it.
const QByteArray &fuzzSecret()
{
    static const QByteArray secret =
        QByteArray::fromHex("4ebba730211e0a116b95dc17698346ee43dec6a3dc3d71bb16c4740b4bfd715a");
    return secret;
}

constexpr qint64 seedStep = 59'253'600; // the seeds' step: 2026-05-01T12:00:00+08:00
constexpr auto base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

void checkBuilt(QByteArrayView bytes, QByteArrayView fields)
{
    qint64 step = 0;
    for (int i = 0; i < 6 && i < fields.size(); ++i)
        step = (step << 8) | uchar(fields[i]);
    const QString member = QString::fromLatin1(fields.sliced(qMin(fields.size(), qsizetype(6))));
    const QString code = memberCode(memberCodeKey(fuzzSecret(), member), member, step);
    FUZZ_CHECK(code.isEmpty() == (!isMemberId(member) || step > 999'999'999'999), quoted(bytes));
    if (code.isEmpty())
        return;
    const auto parts = parseMemberCode(code);
    FUZZ_CHECK(parts && parts->member == member && parts->step == step, quoted(bytes));
    const qint64 start = step * memberCodeStepSeconds;
    for (const auto &[now, expected] :
         {std::pair{start - 31, Verdict::NotYetValid}, std::pair{start - 30, Verdict::Valid},
          std::pair{start, Verdict::Valid}, std::pair{start + 59, Verdict::Valid},
          std::pair{start + 60, Verdict::Expired}}) {
        const MemberCodeCheck check = checkMemberCode(code, fuzzSecret(), now);
        FUZZ_CHECK(check.verdict == expected && check.member == member && check.step == step,
                   quoted(bytes));
    }
}

void checkScan(QByteArrayView bytes, qint64 now)
{
    const QString text = QString::fromUtf8(bytes);
    const MemberCodeCheck check = checkMemberCode(text, fuzzSecret(), now);
    const MemberCodeCheck again = checkMemberCode(text, fuzzSecret(), now);
    FUZZ_CHECK(check.verdict == again.verdict && check.member == again.member
                   && check.step == again.step,
               quoted(bytes));
    FUZZ_CHECK(check.verdict != Verdict::Used, quoted(bytes));
    const auto parts = parseMemberCode(text);
    FUZZ_CHECK(parts.has_value() == (check.verdict != Verdict::Malformed), quoted(bytes));
    if (!parts)
        return;
    FUZZ_CHECK(check.member == parts->member && check.step == parts->step, quoted(bytes));
    FUZZ_CHECK(QStringLiteral("SPM1.%1.%2.%3")
                       .arg(parts->member)
                       .arg(parts->step)
                       .arg(QString::fromLatin1(parts->tag.toBase64(base64url)))
                   == text,
               quoted(bytes));
    if (check.verdict == Verdict::Forged)
        return;
    // The tag checked: only the member's own code for that step does that.
    FUZZ_CHECK(memberCode(memberCodeKey(fuzzSecret(), parts->member), parts->member, parts->step)
                   == text,
               quoted(bytes));
    const qint64 tillStep = memberCodeStep(now);
    const Verdict expected = parts->step < tillStep - 1   ? Verdict::Expired
                             : parts->step > tillStep + 1 ? Verdict::NotYetValid
                                                          : Verdict::Valid;
    FUZZ_CHECK(check.verdict == expected, quoted(bytes));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    if (bytes.startsWith('b')) {
        checkBuilt(bytes, bytes.sliced(1));
    } else {
        for (const qint64 step : {seedStep - 2, seedStep, seedStep + 2})
            checkScan(bytes, step * memberCodeStepSeconds);
    }
    return 0;
}
