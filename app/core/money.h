#pragma once

#include <QString>
#include <QtGlobal>

#include <compare>
#include <optional>

namespace smartpos {

// An amount of money in fen (1/100 yuan). Never floating point: every rounding is explicit and
// goes through roundDiv() below.
//
// + and − are for amounts already within MoneyLimits (storerules.h), whose sums cannot come near
// the qint64 range; an amount from outside (a file, a scale label, a product price times a
// quantity) goes through the checked plus() and times(), which give nothing rather than a wrong
// number.
struct Money {
    qint64 fen = 0;

    static constexpr Money fromFen(qint64 fen) { return Money{fen}; }
    static constexpr Money fromYuan(qint64 yuan) { return Money{yuan * 100}; }

    constexpr Money operator+(Money other) const { return {fen + other.fen}; }
    constexpr Money operator-(Money other) const { return {fen - other.fen}; }
    constexpr Money &operator+=(Money other)
    {
        fen += other.fen;
        return *this;
    }
    constexpr Money &operator-=(Money other)
    {
        fen -= other.fen;
        return *this;
    }
    constexpr Money operator-() const { return {-fen}; }
    constexpr auto operator<=>(const Money &) const = default;

    // The exact sum or product, or nothing when it does not fit in qint64.
    constexpr std::optional<Money> plus(Money other) const
    {
        qint64 result = 0;
        if (__builtin_add_overflow(fen, other.fen, &result))
            return std::nullopt;
        return Money{result};
    }
    constexpr std::optional<Money> times(qint64 factor) const
    {
        qint64 result = 0;
        if (__builtin_mul_overflow(fen, factor, &result))
            return std::nullopt;
        return Money{result};
    }

    constexpr bool isZero() const { return fen == 0; }
    constexpr bool isNegative() const { return fen < 0; }

    // "12.50" — no currency sign; the UI adds "¥".
    QString toString() const;
    // Parses "12", "12.5", "12.50", "-3.05"; rejects more than two decimals and garbage.
    static std::optional<Money> parse(QStringView text);
};

// The one rounding rule of SmartPOS: numerator / denominator rounded half away from zero
// (四舍五入), as Chinese receipts and scales do. denominator must be positive. Computed in 128
// bits, so it is exact for every qint64 numerator.
qint64 roundDiv(qint64 numerator, qint64 denominator);

// Price of a weighed quantity: price per kilogram × grams / 1000, rounded; nothing when it does
// not fit in qint64.
std::optional<Money> priceForWeight(Money pricePerKg, qint64 grams);

// VAT contained in a tax-inclusive amount: gross × rate / (1 + rate), rate in basis points
// (0 … 10000). Exact for every gross: the product is taken in 128 bits.
Money taxIncluded(Money gross, int taxRateBasisPoints);

} // namespace smartpos
