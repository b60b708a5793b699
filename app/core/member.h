#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace smartpos {

// What a member record may hold (the chain's master data, imported into members.db).
struct MemberLimits {
    static constexpr int nameLength = 30; // characters
    static constexpr qint64 points =
        100'000'000; // far above any real balance: a typo, not a member
};

// The tiers a member can be in, lowest first. A fixed list rather than free text: promotions name
// tiers ("member_tiers"), and a tier spelt "Gold " in one file and "gold" in the other would
// silently lose a member their prices.
const QStringList &memberTiers();

// A mainland China mobile number as members.db keys it: 11 digits, 1 then 3–9. Accepts what
// people and spreadsheets write: spaces and dashes anywhere, a "+86", "86" or "0086" country
// prefix. Nothing for anything else (a landline, a full-width digit, a 10-digit number).
std::optional<QString> canonicalPhone(QStringView text);

// "MM-DD", a day that exists in some year (02-29 does, 02-30 does not).
bool isBirthday(QStringView text);

// A member of the chain, as the till last heard of them.
struct Member {
    QString id;        // isMemberId (core/membercode.h)
    QString phone;     // canonicalPhone
    QString name;      // may be empty: a member who joined with their phone alone
    QString tier;      // one of memberTiers()
    qint64 points = 0; // the balance the chain last sent, 0 … MemberLimits::points
    QString birthday;  // "MM-DD", or empty
    QDateTime consent; // UTC, when they agreed to the terms; invalid when not recorded
    // UTC, when `points` was last set from the chain: redemptions here from then on are not in
    // it yet (the offline bound). Invalid: not known, every redemption here counts.
    QDateTime pointsAsOf;

    // The name for the customer screen, which people in the queue can read. Each word (split at
    // spaces) keeps its first character; a word of Chinese characters also keeps its last one
    // when it has three or more: 张三 → 张*, 王小明 → 王*明, 欧阳小明 → 欧**明,
    // John Smith → J*** S****. One star per hidden character.
    QString maskedName() const;
    // The first three and the last four digits: 138****5678.
    QString maskedPhone() const;

    bool operator==(const Member &) const = default;
};

} // namespace smartpos
