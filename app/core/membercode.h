#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace smartpos {

// The member code a member's phone shows: "SPM1.<member id>.<time step>.<tag>", a new one every
// 30 s (like TOTP, RFC 6238), so a screenshot is useless a minute later. The tag is the first 12
// bytes of HMAC-SHA256 over "SPM1.<member id>.<time step>" under the member's own key
// (memberCodeKey), in base64url. docs/codes.md has the details and the trade-offs.

inline constexpr qint64 memberCodeStepSeconds = 30;
inline constexpr qsizetype memberCodeTagBytes = 12; // 96 bits

// 1 to 32 ASCII letters, digits, '-' or '_': what fits between the code's dots.
bool isMemberId(QStringView id);

// The step a moment falls in: floor(unixSeconds / 30).
qint64 memberCodeStep(qint64 unixSeconds);

// A member's key, HMAC-SHA256(chain secret, "SPM1 member key" ‖ member id): what the member's
// app holds, so one phone can make only its own member's codes. Empty for an invalid member id.
QByteArray memberCodeKey(QByteArrayView chainSecret, QStringView memberId);

// The code for `memberId` at time step `step` (≥ 0), under the member's key; empty for an
// invalid member id or step.
QString memberCode(QByteArrayView memberKey, QStringView memberId, qint64 step);

// A member code read but not checked. Only canonical text is read: the step in decimal without
// leading zeros, at most 12 digits; the tag exactly 16 base64url characters.
struct MemberCodeParts {
    QString member;
    qint64 step = 0;
    QByteArray tag;
};
std::optional<MemberCodeParts> parseMemberCode(QStringView code);

struct MemberCodeCheck {
    enum class Verdict {
        Valid,
        Malformed,   // not an SPM1 code, or not read whole
        Forged,      // the tag does not match: altered, or not made with this member's key
        Expired,     // its step is more than one before the till's
        NotYetValid, // its step is more than one after the till's (a phone's clock ahead)
        // Decided by the sale (memberVerdictForSale), never by checkMemberCode:
        Used, // this step, or a later one, was already accepted for this member
    };
    Verdict verdict = Verdict::Malformed;
    // What the code says, for every verdict but Malformed; authentic unless Forged.
    QString member;
    qint64 step = 0;
};

// Reads and checks `code` at `now` (Unix seconds, the till's clock): the tag first, then the
// step, accepted within ±1 of the till's.
MemberCodeCheck checkMemberCode(QStringView code, QByteArrayView chainSecret, qint64 now);

// One code, one sale (RFC 6238 §5.2): a Valid code whose step is at or before the last step the
// till accepted for this member is Used. The caller records (member, step) with the sale that
// accepted it. Any verdict but Valid is returned as it is.
MemberCodeCheck::Verdict memberVerdictForSale(const MemberCodeCheck &check,
                                              std::optional<qint64> lastAcceptedStep);

} // namespace smartpos
