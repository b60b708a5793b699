#pragma once

#include "coupon.h"
#include "loyalty.h"
#include "pricing.h"
#include "result.h"

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace smartpos {

// When a promotion runs, in the store's local time: on these days of the week, from `fromMinute`
// (inclusive) to `untilMinute` (exclusive) minutes after midnight, between two dates (inclusive).
// The default runs always.
struct TimeWindow {
    quint8 days = 0x7f;        // bit d − 1 for Qt::DayOfWeek d: bit 0 Monday … bit 6 Sunday
    int fromMinute = 0;        // 0 … 1439
    int untilMinute = 24 * 60; // fromMinute + 1 … 1440
    QDate firstDay;            // null: no start
    QDate lastDay;             // null: no end

    bool contains(const QDateTime &local) const;
    bool operator==(const TimeWindow &) const = default;
};

struct SpendTier {
    Money over; // the eligible lines reach this …
    Money off;  // … and this comes off
    bool operator==(const SpendTier &) const = default;
};

struct SkuPrice {
    QString sku;
    Money price; // per unit, or per kilogram for weighed products
    bool operator==(const SkuPrice &) const = default;
};

// One promotion of the store, as a manager writes it in promotions JSON (parsePromotions).
struct Promotion {
    enum class Kind : quint8 {
        SpendSave,  // 满减: the highest tier the eligible lines reach comes off the basket
        PercentOff, // 折扣: percentOffBp off each eligible line
        Price,      // 特价 / 会员价 (membersOnly): these SKUs at these prices
        BuyGet, // 买一送一, 第二件半价: of every `every` units, the cheapest `discounted` at
                // percentOffBp off
        Bundle, // 组合价: any bundleSize eligible units for bundlePrice
    };

    QString id;
    Kind kind = Kind::PercentOff;
    QString nameZh; // what receipts say; empty: worded from the rule ("满50减5", "9折" …)
    QString nameEn;
    QStringList skus;       // the lines it looks at: these SKUs and these categories;
    QStringList categories; // both empty: every line (Price: the SKUs of `prices`)

    QList<SpendTier> tiers; // SpendSave: `over` and `off` strictly increasing
    int percentOffBp = 0;   // PercentOff, BuyGet: 1 … 10000 (10000: free)
    QList<SkuPrice> prices; // Price: ascending by SKU, each SKU once
    int every = 0;          // BuyGet: group size ≥ 2
    int discounted = 0;     // BuyGet: 1 … every − 1
    int bundleSize = 0;     // Bundle: ≥ 2
    Money bundlePrice;      // Bundle: > 0

    TimeWindow when;
    bool membersOnly = false;
    QStringList memberTiers; // when set, only members of these tiers (implies membersOnly)

    // Among promotions of the same kind of step (see PromotionEngine), a higher priority
    // claims lines and units first; among equally good combinations it wins.
    int priority = 0;
    // No other promotion on the lines it uses.
    bool exclusive = false;
    QString group; // the group other promotions name in stacksWith; empty: the id
    // The groups it may share lines with; nothing: every group. Both sides must allow it.
    std::optional<QStringList> stacksWith;
    // Whether a coupon may apply to the lines it uses.
    bool couponsStack = true;

    bool operator==(const Promotion &) const = default;
};

// How the coupons of one campaign combine with promotions, set by the chain with the promotions
// (a coupon's own code carries only its campaign). Campaigns not listed stack.
struct CouponCampaign {
    quint32 campaign = 0;
    bool stacksWithPromotions = true;
    bool operator==(const CouponCampaign &) const = default;
};

struct PromotionSet {
    QList<Promotion> promotions;
    QList<CouponCampaign> couponCampaigns;
    // The store's points scheme; nothing: the store runs none (no points earned or redeemed).
    std::optional<LoyaltyRules> loyalty = std::nullopt;
    bool operator==(const PromotionSet &) const = default;
};

// Promotions JSON (resources/demo-promotions.json is an example) read strictly: an unknown
// field, a wrong type, a negative amount, a percentage above 100 %, tiers that do not increase, a
// malformed time window … is refused with a message naming the promotion and the field, for the
// store manager. The format:
//   {"version": 1, "promotions": [...], "coupon_campaigns": [{"campaign": 2,
//    "stacks_with_promotions": false}]}
// Each promotion: "id" (letters, digits, - and _), "kind", optional "name_zh"/"name_en",
// "skus"/"categories" (not for "price"), "when": {"days": ["mon" … "sun"], "from": "15:00",
// "until": "17:00" (exclusive, up to "24:00"), "first_day"/"last_day": "2026-03-01" (inclusive)},
// "members_only", "member_tiers", "priority" (−1000 … 1000), "exclusive", "group",
// "stacks_with" (groups), "coupons" (whether coupons stack on its lines, default true), and by
// kind: spend_save "tiers": [{"over": "50", "off": "5"}, …]; percent_off "percent_off": 10;
// price "prices": {"SKU": "2.80"}; buy_get "every", "discounted", "percent_off" (100: free);
// bundle "size", "price". Amounts are yuan, as text or a number, at most two decimals.
// An optional "loyalty" object sets the points scheme (LoyaltyRules), every field optional:
//   "loyalty": {"points_per_yuan": 1 (1 … 1000), "tier_percent": {"gold": 150} (tiers of
//   memberTiers(), 0 … 1000), "excluded_categories": ["tobacco"], "birthday_percent": 200
//   (100 … 1000), "redeem": {"points_per_yuan": 100 (1 … 100000), "max_percent": 50 (0 … 100)}}
Result<PromotionSet> parsePromotions(const QByteArray &json);

// Whether a coupon can apply to a cart, before promotions are considered: what the cashier and
// the customer are told when it cannot.
enum class CouponFit {
    Applies,
    Malformed,    // a value no coupon of its kind may have
    NotYetValid,  // before validFrom
    Expired,      // at or after validUntil
    NeedsMember,  // bound to a member, and no member is identified
    OtherMember,  // bound to another member
    NoProduct,    // nothing in the cart it applies to (its SKU, its category)
    BelowMinimum, // the lines it applies to do not reach minSpend
};
CouponFit checkCoupon(const Coupon &coupon, const Cart &cart, const PricingContext &context);
// What the lines a coupon applies to come to: what its minimum spend is measured against.
Money couponEligibleSpend(const Coupon &coupon, const Cart &cart);

// Prices a cart with a store's promotions and the coupons in the context, as one PricingRule:
// session.setPricingRules({&engine}).
//
// A promotion or coupon applies in steps: special and member prices; buy-X-get-Y and bundles
// (each unit in at most one group); percentages off; 满减; item coupons; percentage coupons, then
// threshold and cash coupons. Each step works on what the earlier ones left (满减 counts what is
// paid after the line discounts); within a step, a higher priority (then the lower id) goes first.
// A rule leaves out the lines that a rule it may not stack with already uses. Buy-X-get-Y,
// bundles and item coupons count units of products sold by the piece only; everything else
// counts amounts, so weighed goods count by what they cost.
//
// Of all the combinations of the promotions and coupons that apply (each on or off), the one with
// the largest total discount is chosen. A rule sharing no line with another is always on (it
// only adds its own discount). Rules that share lines compete (one may take lines or units from
// the other, take a threshold's spend below its tier, or leave less for a rule that frees a whole
// line) and are searched exactly when all their combinations fit in `maxEvaluations` (11
// competing rules at the default 2048): the greedy combination (rules added in order of their own
// discount while they add to the total, then each switched once) first, then branch and bound,
// each rule's discount on its own bounding what it gives in any combination. With more competing
// rules only the greedy pass runs (Outcome::exhaustive is false): deterministic, never worse than
// any single rule on its own, but not proven best. A rule is on for every line it may use or off;
// which of two rules that may not stack claims a line is decided by their order (step, priority,
// id). Ties go to the combination found first, in an order of discounts, priorities and ids, so the
// result never depends on the order of the cart's lines.
//
// Every discount is an Adjustment named after its rule ("promo:<id>", "coupon:<id>"); line
// discounts attach to their line, 满减 and amount coupons to the basket (-1). Percentages are
// rounded half up to the fen (roundDiv), line by line for promotions, on the eligible amount for
// coupons; a discount spread over lines is split by splitProportionally.
class PromotionEngine final : public PricingRule {
public:
    struct Options {
        // 0: no search, every rule that applies is on (the store's own order decides conflicts).
        int maxEvaluations = 2048;
    };

    // What one pricing did, for tests and benchmarks.
    struct Outcome {
        QList<Adjustment> adjustments;
        bool exhaustive = true; // the best combination was proven, not just the best found
        int evaluations = 0;    // combinations priced
    };

    explicit PromotionEngine(PromotionSet set);
    PromotionEngine(PromotionSet set, Options options);

    const PromotionSet &set() const { return m_set; }

    QString id() const override;
    QList<Adjustment> apply(const Cart &cart, const PricingContext &context) const override;
    Outcome price(const Cart &cart, const PricingContext &context) const;

private:
    PromotionSet m_set;
    Options m_options;
    // Which promotions look at a SKU, at a category, at every line (indices into m_set).
    QHash<QString, QList<int>> m_bySku;
    QHash<QString, QList<int>> m_byCategory;
    QList<int> m_forEveryLine;
};

} // namespace smartpos
