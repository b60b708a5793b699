#pragma once

#include <QString>
#include <QtGlobal>

#include <compare>
#include <optional>

namespace smartpos {

// An amount of money in fen (1/100 yuan). Never floating point: every rounding is explicit and
// goes through roundDiv() below.
struct Money {
    qint64 fen = 0;

    static constexpr Money fromFen(qint64 fen) { return Money{fen}; }
    static constexpr Money fromYuan(qint64 yuan) { return Money{yuan * 100}; }

    constexpr Money operator+(Money other) const { return {fen + other.fen}; }
    constexpr Money operator-(Money other) const { return {fen - other.fen}; }
    constexpr Money operator*(qint64 factor) const { return {fen * factor}; }
    constexpr Money &operator+=(Money other) { fen += other.fen; return *this; }
    constexpr Money &operator-=(Money other) { fen -= other.fen; return *this; }
    constexpr Money operator-() const { return {-fen}; }
    constexpr auto operator<=>(const Money &) const = default;

    constexpr bool isZero() const { return fen == 0; }
    constexpr bool isNegative() const { return fen < 0; }

    // "12.50" — no currency sign; the UI adds "¥".
    QString toString() const;
    // Parses "12", "12.5", "12.50", "-3.05"; rejects more than two decimals and garbage.
    static std::optional<Money> parse(QStringView text);
};

// The one rounding rule of SmartPOS: numerator / denominator rounded half away from zero
// (四舍五入), as Chinese receipts and scales do. denominator must be positive.
qint64 roundDiv(qint64 numerator, qint64 denominator);

// Price of a weighed quantity: price per kilogram × grams / 1000, rounded.
Money priceForWeight(Money pricePerKg, qint64 grams);

// VAT contained in a tax-inclusive amount: gross × rate / (1 + rate), rate in basis points.
Money taxIncluded(Money gross, int taxRateBasisPoints);

} // namespace smartpos
