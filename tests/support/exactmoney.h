#pragma once

// The reference money arithmetic is held to: exact integers in 128 bits, where no product of two
// qint64 can overflow (|a × b| ≤ 2^126), written differently from app/core/money.cpp so that both
// would have to be wrong the same way to agree. Shared by the unit tests and fuzz_money.

#include "core/money.h"

#include <QString>

#include <limits>
#include <optional>

namespace smartpos::exact {

__extension__ typedef __int128 Int128; // __extension__: -Wpedantic

constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();

// Half away from zero by truncating and looking at the remainder (money.cpp adds half the
// denominator first): denominator > 0, |numerator| < 2^127.
inline Int128 roundedQuotient(Int128 numerator, Int128 denominator)
{
    Int128 quotient = numerator / denominator;  // C++ truncates toward zero
    Int128 remainder = numerator % denominator; // and gives the remainder the numerator's sign
    if (remainder < 0)
        remainder = -remainder;
    if (2 * remainder >= denominator)
        quotient += numerator < 0 ? -1 : 1;
    return quotient;
}

// Any 128-bit value in decimal, for messages.
inline QString text(Int128 value)
{
    if (value == 0)
        return QStringLiteral("0");
    const bool negative = value < 0;
    QString digits;
    while (value != 0) {
        const int digit = int(value % 10);
        digits.prepend(QChar(u'0' + (digit < 0 ? -digit : digit)));
        value /= 10;
    }
    return negative ? u'-' + digits : digits;
}

inline QString text(std::optional<Money> money)
{
    return money ? QString::number(money->fen) : QStringLiteral("nothing");
}

// A checked result against the exact one: that number when it fits in qint64, nothing when not.
inline bool agrees(std::optional<Money> result, Int128 exact)
{
    if (exact < kMin || exact > kMax)
        return !result;
    return result && result->fen == exact;
}

} // namespace smartpos::exact
