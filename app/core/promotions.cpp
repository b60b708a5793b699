#include "promotions.h"

#include "member.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringBuilder>

#include <algorithm>
#include <cmath>
#include <vector>

namespace smartpos {

using namespace Qt::StringLiterals;

bool TimeWindow::contains(const QDateTime &local) const
{
    const QDate day = local.date();
    if ((firstDay.isValid() && day < firstDay) || (lastDay.isValid() && day > lastDay))
        return false;
    if (!(days & (1u << (day.dayOfWeek() - 1))))
        return false;
    const int minute = local.time().hour() * 60 + local.time().minute();
    return minute >= fromMinute && minute < untilMinute;
}

namespace {

constexpr qint64 kBasisPoints = 10000;

// ---------------------------------------------------------------------------------------------
// Wording of the adjustments: what a customer reads on the receipt and the screens.

// "50", "12.50": whole yuan without decimals.
QString yuan(Money amount)
{
    return amount.fen % 100 == 0 ? QString::number(amount.fen / 100) : amount.toString();
}

// Basis points as a number without trailing zeros: 1000 → "10", 1250 → "12.5".
QString basisPointsText(qint64 bp, int perUnit)
{
    QString text = QString::number(bp / perUnit);
    qint64 fraction = bp % perUnit;
    if (fraction == 0)
        return text;
    QString digits =
        QString::number(fraction).rightJustified(QString::number(perUnit).size() - 1, u'0');
    while (digits.endsWith(u'0'))
        digits.chop(1);
    return text + u'.' + digits;
}

// 10 % off is 9折, 15 % off 8.5折, half price 5折.
QString zhe(int offBp)
{
    return basisPointsText(kBasisPoints - offBp, 1000) + u"折"_s;
}

QString percentText(int bp)
{
    return basisPointsText(bp, 100);
}

// 一 … 十, then digits.
QString chineseNumber(int n)
{
    static const QString numerals = u"一二三四五六七八九十"_s;
    return n >= 1 && n <= 10 ? QString(numerals[n - 1]) : QString::number(n);
}

QString ordinal(int n)
{
    const int tens = n % 100;
    const char *suffix = (tens >= 11 && tens <= 13) ? "th"
                         : n % 10 == 1              ? "st"
                         : n % 10 == 2              ? "nd"
                         : n % 10 == 3              ? "rd"
                                                    : "th";
    return QString::number(n) + QLatin1StringView(suffix);
}

struct Wording {
    QString zh;
    QString en;
};

Wording buyGetWording(const Promotion &p)
{
    if (p.percentOffBp == kBasisPoints)
        return {
            u"买%1送%2"_s.arg(chineseNumber(p.every - p.discounted), chineseNumber(p.discounted)),
            u"Buy %1 get %2 free"_s.arg(p.every - p.discounted).arg(p.discounted)};
    const bool half = p.percentOffBp == kBasisPoints / 2;
    const QString zhOff = half ? u"半价"_s : zhe(p.percentOffBp);
    const QString enOff = half ? u"half price"_s : u"%1 % off"_s.arg(percentText(p.percentOffBp));
    if (p.discounted == 1)
        return {u"第%1件%2"_s.arg(chineseNumber(p.every), zhOff),
                u"%1 item at %2"_s.arg(ordinal(p.every), enOff)};
    return {u"每%1件%2件%3"_s.arg(chineseNumber(p.every), chineseNumber(p.discounted), zhOff),
            u"%1 of every %2 at %3"_s.arg(p.discounted).arg(p.every).arg(enOff)};
}

Wording promotionWording(const Promotion &p, int tier)
{
    if (!p.nameZh.isEmpty() || !p.nameEn.isEmpty())
        return {p.nameZh.isEmpty() ? p.nameEn : p.nameZh, p.nameEn.isEmpty() ? p.nameZh : p.nameEn};
    switch (p.kind) {
    case Promotion::Kind::SpendSave: {
        const SpendTier &t = p.tiers[tier];
        return {u"满%1减%2"_s.arg(yuan(t.over), yuan(t.off)),
                u"¥%1 off over ¥%2"_s.arg(yuan(t.off), yuan(t.over))};
    }
    case Promotion::Kind::PercentOff:
        return {zhe(p.percentOffBp), u"%1 % off"_s.arg(percentText(p.percentOffBp))};
    case Promotion::Kind::Price:
        return p.membersOnly || !p.memberTiers.isEmpty() ? Wording{u"会员价"_s, u"Member price"_s}
                                                         : Wording{u"特价"_s, u"Special price"_s};
    case Promotion::Kind::BuyGet:
        return buyGetWording(p);
    case Promotion::Kind::Bundle:
        return {u"任选%1件¥%2"_s.arg(p.bundleSize).arg(yuan(p.bundlePrice)),
                u"Any %1 for ¥%2"_s.arg(p.bundleSize).arg(yuan(p.bundlePrice))};
    }
    Q_UNREACHABLE();
}

Wording couponWording(const Coupon &c)
{
    switch (c.kind) {
    case Coupon::Kind::Cash:
        return {u"代金券 ¥%1"_s.arg(yuan(Money{c.value})),
                u"¥%1 voucher"_s.arg(yuan(Money{c.value}))};
    case Coupon::Kind::Percent:
        return {u"折扣券 %1"_s.arg(zhe(int(c.value))),
                u"%1 % off coupon"_s.arg(percentText(int(c.value)))};
    case Coupon::Kind::Threshold:
        return {u"满%1减%2券"_s.arg(yuan(c.minSpend), yuan(Money{c.value})),
                u"¥%1 off over ¥%2 coupon"_s.arg(yuan(Money{c.value}), yuan(c.minSpend))};
    case Coupon::Kind::Item:
        return {u"提货券"_s, u"Free item coupon"_s};
    }
    Q_UNREACHABLE();
}

// ---------------------------------------------------------------------------------------------
// Coupons on their own.

bool couponWellFormed(const Coupon &c)
{
    if (c.value <= 0 || c.minSpend.isNegative() || c.minSpend > MoneyLimits::ceiling)
        return false;
    switch (c.kind) {
    case Coupon::Kind::Cash:
    case Coupon::Kind::Threshold:
        return c.value <= MoneyLimits::ceiling.fen;
    case Coupon::Kind::Percent:
        return c.value <= kBasisPoints;
    case Coupon::Kind::Item:
        return !c.sku.isEmpty() && c.value <= Cart::maxUnitsPerLine;
    }
    return false;
}

// A line a piece count applies to: units of a product sold by the piece, not priced by a label.
bool countsUnits(const CartLine &line)
{
    return !line.product.isWeighed() && !line.labelPrice;
}

// Whether `line` is one the coupon takes off (Item: one it counts toward minSpend).
bool couponCovers(const Coupon &c, const CartLine &line)
{
    if (!c.category.isEmpty() && line.product.category != c.category)
        return false;
    return c.kind == Coupon::Kind::Item || c.sku.isEmpty() || line.product.sku == c.sku;
}

bool couponGives(const Coupon &c, const CartLine &line)
{
    return c.kind == Coupon::Kind::Item && line.product.sku == c.sku && countsUnits(line);
}

// What can be judged without the cart: the coupon's values, its validity and its member.
CouponFit couponFitsContext(const Coupon &c, const PricingContext &context)
{
    if (!couponWellFormed(c))
        return CouponFit::Malformed;
    const qint64 now = context.atUtc.toSecsSinceEpoch();
    if (c.validFrom != 0 && now < c.validFrom)
        return CouponFit::NotYetValid;
    if (c.validUntil != 0 && now >= c.validUntil)
        return CouponFit::Expired;
    if (!c.member.isEmpty()) {
        if (!context.member)
            return CouponFit::NeedsMember;
        if (context.member->id != c.member)
            return CouponFit::OtherMember;
    }
    return CouponFit::Applies;
}

bool memberQualifies(const Promotion &p, const PricingContext &context)
{
    if (!p.membersOnly && p.memberTiers.isEmpty())
        return true;
    return context.member
           && (p.memberTiers.isEmpty() || p.memberTiers.contains(context.member->tier));
}

// ---------------------------------------------------------------------------------------------
// The engine. Lines are looked at in a canonical order (by SKU, price, quantity …), never in the
// cart's, and rules in the order of their steps, so nothing depends on the order of scanning.

enum Step : int { StepPrice, StepUnits, StepPercent, StepSpend, StepCouponItem, StepCouponAmount };

int stepOf(Promotion::Kind kind)
{
    switch (kind) {
    case Promotion::Kind::Price:
        return StepPrice;
    case Promotion::Kind::BuyGet:
    case Promotion::Kind::Bundle:
        return StepUnits;
    case Promotion::Kind::PercentOff:
        return StepPercent;
    case Promotion::Kind::SpendSave:
        return StepSpend;
    }
    Q_UNREACHABLE();
}

struct LineView {
    const CartLine *line = nullptr;
    int cartIndex = 0;
    qint64 amount = 0;    // the line's total, fen
    qint64 units = 0;     // countsUnits: units; otherwise 0
    qint64 unitPrice = 0; // countsUnits: the product's price; otherwise 0
};

std::vector<LineView> canonicalLines(const Cart &cart)
{
    std::vector<LineView> lines;
    lines.reserve(size_t(cart.lines().size()));
    for (int i = 0; i < cart.lines().size(); ++i) {
        const CartLine &line = cart.lines()[i];
        const bool units = countsUnits(line);
        lines.push_back({&line, i, line.total().fen, units ? line.quantity : 0,
                         units ? line.product.price.fen : 0});
    }
    // Lines equal in every key are the same goods: which of them comes first changes nothing.
    std::stable_sort(lines.begin(), lines.end(), [](const LineView &a, const LineView &b) {
        const CartLine &x = *a.line;
        const CartLine &y = *b.line;
        const qint64 xLabel = x.labelPrice ? x.labelPrice->fen : -1;
        const qint64 yLabel = y.labelPrice ? y.labelPrice->fen : -1;
        return std::tie(x.product.sku, x.product.price.fen, xLabel, x.quantity, x.code,
                        x.product.category)
               < std::tie(y.product.sku, y.product.price.fen, yLabel, y.quantity, y.code,
                          y.product.category);
    });
    return lines;
}

// A promotion or a coupon that may apply to this cart.
struct Candidate {
    const Promotion *promotion = nullptr;
    const Coupon *coupon = nullptr;
    int step = 0;
    int rank = 0;                  // within a step: −priority, or the coupon kind's order
    QString key;                   // the last tie-break: the id
    std::vector<int> lines;        // canonical positions it looks at, ascending
    std::vector<qint64> lineData;  // per entry of `lines`: Price: the price; Item: flags below
    std::vector<quint64> lineBits; // `lines` as a bit set, for overlap tests
};

constexpr qint64 ItemCounts = 1; // Item coupon: the line counts toward minSpend
constexpr qint64 ItemGives = 2;  // Item coupon: the line's units may be given

// One discount of an evaluated combination.
struct Applied {
    int candidate = 0;
    int line = -1; // canonical position, or -1 for the basket
    qint64 off = 0;
    int tier = 0; // SpendSave: the tier reached
};

// Prices one combination of candidates (on/off) from scratch.
class Evaluator {
public:
    Evaluator(const std::vector<LineView> &lines, const std::vector<Candidate> &candidates,
              const std::vector<std::vector<quint64>> &incompatible)
        : m_lines(lines)
        , m_candidates(candidates)
        , m_incompatible(incompatible)
        , m_words((candidates.size() + 63) / 64)
        , m_rest(lines.size())
        , m_unitPrice(lines.size())
        , m_unitsFree(lines.size())
        , m_touch(lines.size() * m_words)
    {
    }

    // The total discount of the candidates switched on, each discount in `applied` if given.
    qint64 run(const std::vector<char> &on, std::vector<Applied> *applied = nullptr);

private:
    struct Run {
        qint64 price;
        int line;
        qint64 units;
    };

    // Whether a candidate that `candidate` may not stack with took something off: only then may
    // some of its lines be unusable.
    bool rivalApplied(size_t candidate) const
    {
        const std::vector<quint64> &blocked = m_incompatible[candidate];
        for (size_t w = 0; w < m_words; ++w)
            if (m_applied[w] & blocked[w])
                return true;
        return false;
    }
    bool usable(int line, size_t candidate) const
    {
        const quint64 *touch = &m_touch[size_t(line) * m_words];
        const std::vector<quint64> &blocked = m_incompatible[candidate];
        for (size_t w = 0; w < m_words; ++w)
            if (touch[w] & blocked[w])
                return false;
        return true;
    }
    void touch(int line, size_t candidate)
    {
        m_touch[size_t(line) * m_words + candidate / 64] |= quint64(1) << (candidate % 64);
    }

    // Each applies one candidate to its usable lines and returns what it takes off; the state
    // changes only when that is more than zero.
    qint64 applyPrice(const Candidate &c);
    qint64 applyBuyGet(const Candidate &c);
    qint64 applyBundle(const Candidate &c);
    qint64 applyPercent(const Candidate &c);
    qint64 applySpend(const Candidate &c, int *tier);
    qint64 applyCouponItem(const Candidate &c);
    qint64 applyCouponAmount(const Candidate &c);
    // What is left of the usable lines.
    qint64 usableRest(const Candidate &c) const;
    // The free units of the usable lines in runs of one price, dearest first (then canonical).
    void collectRuns(const Candidate &c);
    // Takes `off` (≤ usableRest) from the usable lines in proportion to what is left of them,
    // which it touches.
    void spreadOverUsable(const Candidate &c, qint64 off);
    void takeFromLine(int line, qint64 off);

    const std::vector<LineView> &m_lines;
    const std::vector<Candidate> &m_candidates;
    const std::vector<std::vector<quint64>> &m_incompatible;
    const size_t m_words;

    std::vector<qint64> m_rest;      // what is left to pay of each line
    std::vector<qint64> m_unitPrice; // per unit after special prices (countsUnits lines)
    std::vector<qint64> m_unitsFree; // units in no buy-get group or bundle yet
    std::vector<quint64> m_touch;    // per line, the candidates that used it
    std::vector<quint64> m_applied;  // the candidates that took something off

    // Scratch of the candidate being applied.
    std::vector<int> m_usable; // positions in the candidate's `lines`
    std::vector<Run> m_runs;
    std::vector<qint64> m_runUsed;
    std::vector<std::pair<int, qint64>> m_lineOffs; // line discounts of the candidate
    std::vector<int> m_touched;
    std::vector<qint64> m_weights;
    std::vector<qint64> m_parts;
    // Whether what the candidate does to each of its lines matters, not just its total: it is
    // reported, or a later candidate switched on looks at one of its lines. When not, its
    // discount is not split over its lines.
    bool m_perLine = true;
    std::vector<char> m_laterLooks;    // per candidate: a later one switched on shares a line
    std::vector<quint64> m_laterLines; // the lines of the candidates after it, bit by bit
};

qint64 Evaluator::run(const std::vector<char> &on, std::vector<Applied> *applied)
{
    for (size_t l = 0; l < m_lines.size(); ++l) {
        m_rest[l] = m_lines[l].amount;
        m_unitPrice[l] = m_lines[l].unitPrice;
        m_unitsFree[l] = m_lines[l].units;
    }
    std::fill(m_touch.begin(), m_touch.end(), 0);
    m_applied.assign(m_words, 0);
    // From the last candidate back: whether one switched on after it shares one of its lines.
    m_laterLooks.assign(m_candidates.size(), 0);
    m_laterLines.assign(m_candidates.empty() ? 0 : m_candidates[0].lineBits.size(), 0);
    for (size_t i = m_candidates.size(); i-- > 0;) {
        if (!on[i])
            continue;
        const std::vector<quint64> &bits = m_candidates[i].lineBits;
        for (size_t w = 0; w < bits.size(); ++w) {
            m_laterLooks[i] = m_laterLooks[i] || (bits[w] & m_laterLines[w]);
            m_laterLines[w] |= bits[w];
        }
    }
    qint64 total = 0;
    for (size_t i = 0; i < m_candidates.size(); ++i) {
        if (!on[i])
            continue;
        const Candidate &c = m_candidates[i];
        m_usable.clear();
        const bool mayBeBlocked = rivalApplied(i);
        for (size_t k = 0; k < c.lines.size(); ++k)
            if (!mayBeBlocked || usable(c.lines[k], i))
                m_usable.push_back(int(k));
        if (m_usable.empty())
            continue;
        m_lineOffs.clear();
        m_touched.clear();
        m_perLine = applied || m_laterLooks[i];
        int tier = 0;
        qint64 off = 0;
        if (c.coupon) {
            off = c.step == StepCouponItem ? applyCouponItem(c) : applyCouponAmount(c);
        } else {
            switch (c.promotion->kind) {
            case Promotion::Kind::Price:
                off = applyPrice(c);
                break;
            case Promotion::Kind::BuyGet:
                off = applyBuyGet(c);
                break;
            case Promotion::Kind::Bundle:
                off = applyBundle(c);
                break;
            case Promotion::Kind::PercentOff:
                off = applyPercent(c);
                break;
            case Promotion::Kind::SpendSave:
                off = applySpend(c, &tier);
                break;
            }
        }
        if (off <= 0)
            continue;
        total += off;
        m_applied[i / 64] |= quint64(1) << (i % 64);
        for (const int line : m_touched)
            touch(line, i);
        if (!applied)
            continue;
        const bool basket = c.step == StepSpend || c.step == StepCouponAmount;
        if (basket) {
            applied->push_back({int(i), -1, off, tier});
        } else {
            for (const auto &[line, lineOff] : m_lineOffs)
                if (lineOff > 0)
                    applied->push_back({int(i), line, lineOff, 0});
        }
    }
    return total;
}

void Evaluator::takeFromLine(int line, qint64 off)
{
    m_rest[size_t(line)] -= off;
    m_lineOffs.emplace_back(line, off);
    m_touched.push_back(line);
}

qint64 Evaluator::usableRest(const Candidate &c) const
{
    qint64 rest = 0;
    for (const int k : m_usable)
        rest += m_rest[size_t(c.lines[size_t(k)])];
    return rest;
}

void Evaluator::spreadOverUsable(const Candidate &c, qint64 off)
{
    if (!m_perLine)
        return;
    m_weights.clear();
    for (const int k : m_usable)
        m_weights.push_back(m_rest[size_t(c.lines[size_t(k)])]);
    m_parts.resize(m_weights.size());
    splitProportionally(off, m_weights, m_parts);
    for (size_t k = 0; k < m_usable.size(); ++k) {
        const int line = c.lines[size_t(m_usable[k])];
        if (m_weights[k] > 0)
            m_touched.push_back(line);
        m_rest[size_t(line)] -= m_parts[k];
    }
}

qint64 Evaluator::applyPrice(const Candidate &c)
{
    qint64 total = 0;
    for (const int k : m_usable) {
        const int line = c.lines[size_t(k)];
        const LineView &view = m_lines[size_t(line)];
        const Money price{c.lineData[size_t(k)]};
        std::optional<Money> priced;
        if (view.units)
            priced = price.times(view.units);
        else if (view.line->product.isWeighed() && view.line->quantity > 0)
            priced = priceForWeight(price, view.line->quantity);
        if (!priced || priced->fen >= m_rest[size_t(line)])
            continue;
        const qint64 off = m_rest[size_t(line)] - priced->fen;
        if (view.units)
            m_unitPrice[size_t(line)] = price.fen;
        takeFromLine(line, off);
        total += off;
    }
    return total;
}

void Evaluator::collectRuns(const Candidate &c)
{
    m_runs.clear();
    for (const int k : m_usable) {
        const int line = c.lines[size_t(k)];
        if (m_unitsFree[size_t(line)] > 0)
            m_runs.push_back({m_unitPrice[size_t(line)], line, m_unitsFree[size_t(line)]});
    }
    std::stable_sort(m_runs.begin(), m_runs.end(),
                     [](const Run &a, const Run &b) { return a.price > b.price; });
    m_runUsed.assign(m_runs.size(), 0);
}

// The free units sorted dearest first and cut into groups of `every`: the last `discounted` of
// each full group are the cheapest of it, which gives the customer the most.
qint64 Evaluator::applyBuyGet(const Candidate &c)
{
    const Promotion &p = *c.promotion;
    collectRuns(c);
    qint64 units = 0;
    for (const Run &run : m_runs)
        units += run.units;
    const qint64 grouped = units / p.every * p.every;
    // How many of the first x units are discounted.
    const auto discountedBefore = [&](qint64 x) {
        return x / p.every * p.discounted
               + std::max<qint64>(0, x % p.every - (p.every - p.discounted));
    };
    qint64 total = 0;
    qint64 start = 0;
    m_lineOffs.clear();
    for (size_t r = 0; r < m_runs.size() && start < grouped; ++r) {
        const qint64 end = std::min(start + m_runs[r].units, grouped);
        const qint64 discounted = discountedBefore(end) - discountedBefore(start);
        m_runUsed[r] = end - start;
        const qint64 off = roundDiv(m_runs[r].price * discounted * p.percentOffBp, kBasisPoints);
        m_lineOffs.emplace_back(m_runs[r].line, off);
        total += off;
        start += m_runs[r].units;
    }
    if (total == 0) {
        m_lineOffs.clear();
        return 0;
    }
    for (size_t r = 0; r < m_runs.size(); ++r) {
        if (m_runUsed[r] == 0)
            continue;
        const int line = m_runs[r].line;
        m_unitsFree[size_t(line)] -= m_runUsed[r];
        m_rest[size_t(line)] -= m_lineOffs[r].second;
        m_touched.push_back(line);
    }
    return total;
}

// Bundles of the dearest free units while a bundle costs more than its price: the bundles'
// prices add up to the least that way, and each further bundle saves less than the one before.
qint64 Evaluator::applyBundle(const Candidate &c)
{
    const Promotion &p = *c.promotion;
    const qint64 size = p.bundleSize;
    const qint64 price = p.bundlePrice.fen;
    collectRuns(c);
    qint64 total = 0;
    size_t r = 0;
    qint64 usedInRun = 0; // of m_runs[r], already in a bundle
    while (r < m_runs.size()) {
        const qint64 left = m_runs[r].units - usedInRun;
        if (left >= size) {
            // Every bundle within this run costs the same.
            const qint64 sum = size * m_runs[r].price;
            if (sum <= price)
                break;
            const qint64 bundles = left / size;
            total += bundles * (sum - price);
            m_runUsed[r] += bundles * size;
            usedInRun += bundles * size;
            if (usedInRun == m_runs[r].units)
                ++r, usedInRun = 0;
            continue;
        }
        // One bundle across runs.
        qint64 sum = 0;
        qint64 needed = size;
        size_t s = r;
        qint64 used = usedInRun;
        while (needed > 0 && s < m_runs.size()) {
            const qint64 take = std::min(needed, m_runs[s].units - used);
            sum += take * m_runs[s].price;
            needed -= take;
            used += take;
            if (used == m_runs[s].units)
                ++s, used = 0;
        }
        if (needed > 0 || sum <= price)
            break;
        total += sum - price;
        for (needed = size; needed > 0;) {
            const qint64 take = std::min(needed, m_runs[r].units - usedInRun);
            m_runUsed[r] += take;
            needed -= take;
            usedInRun += take;
            if (usedInRun == m_runs[r].units)
                ++r, usedInRun = 0;
        }
    }
    if (total == 0 || !m_perLine)
        return total;
    m_weights.clear();
    for (size_t k = 0; k < m_runs.size(); ++k)
        m_weights.push_back(m_runUsed[k] * m_runs[k].price);
    m_parts.resize(m_weights.size());
    splitProportionally(total, m_weights, m_parts);
    for (size_t k = 0; k < m_runs.size(); ++k) {
        if (m_runUsed[k] == 0)
            continue;
        m_unitsFree[size_t(m_runs[k].line)] -= m_runUsed[k];
        takeFromLine(m_runs[k].line, m_parts[k]);
    }
    return total;
}

qint64 Evaluator::applyPercent(const Candidate &c)
{
    qint64 total = 0;
    for (const int k : m_usable) {
        const int line = c.lines[size_t(k)];
        const qint64 off = roundDiv(m_rest[size_t(line)] * c.promotion->percentOffBp, kBasisPoints);
        if (off <= 0)
            continue;
        takeFromLine(line, off);
        total += off;
    }
    return total;
}

qint64 Evaluator::applySpend(const Candidate &c, int *tier)
{
    const qint64 spend = usableRest(c);
    const QList<SpendTier> &tiers = c.promotion->tiers;
    for (qsizetype t = tiers.size() - 1; t >= 0; --t) {
        if (spend >= tiers[t].over.fen) {
            *tier = int(t);
            spreadOverUsable(c, tiers[t].off.fen);
            return tiers[t].off.fen;
        }
    }
    return 0;
}

qint64 Evaluator::applyCouponItem(const Candidate &c)
{
    const Coupon &coupon = *c.coupon;
    qint64 spend = 0;
    for (const int k : m_usable)
        if (c.lineData[size_t(k)] & ItemCounts)
            spend += m_rest[size_t(c.lines[size_t(k)])];
    if (spend < coupon.minSpend.fen)
        return 0;
    qint64 left = coupon.value;
    qint64 total = 0;
    for (const int k : m_usable) {
        const int line = c.lines[size_t(k)];
        if (!(c.lineData[size_t(k)] & ItemGives) || left == 0)
            continue;
        const qint64 units = m_lines[size_t(line)].units;
        const qint64 given = std::min(left, units);
        const qint64 off = roundDiv(m_rest[size_t(line)] * given, units);
        left -= given;
        if (off <= 0)
            continue;
        takeFromLine(line, off);
        total += off;
    }
    return total;
}

qint64 Evaluator::applyCouponAmount(const Candidate &c)
{
    const Coupon &coupon = *c.coupon;
    const qint64 spend = usableRest(c);
    if (spend <= 0 || spend < coupon.minSpend.fen)
        return 0;
    const qint64 off = coupon.kind == Coupon::Kind::Percent
                           ? roundDiv(spend * coupon.value, kBasisPoints)
                           : std::min(coupon.value, spend);
    if (off > 0)
        spreadOverUsable(c, off);
    return off;
}

const QString &groupOf(const Promotion &p)
{
    return p.group.isEmpty() ? p.id : p.group;
}

bool allowsGroup(const Promotion &p, const Promotion &other)
{
    return !p.stacksWith || p.stacksWith->contains(groupOf(other));
}

bool campaignStacks(const PromotionSet &set, const Coupon &coupon)
{
    for (const CouponCampaign &campaign : set.couponCampaigns)
        if (campaign.campaign == coupon.campaign)
            return campaign.stacksWithPromotions;
    return true;
}

bool compatible(const PromotionSet &set, const Candidate &a, const Candidate &b)
{
    if (a.coupon && b.coupon)
        return true;
    if (a.coupon || b.coupon) {
        const Promotion &p = a.promotion ? *a.promotion : *b.promotion;
        return p.couponsStack && campaignStacks(set, a.coupon ? *a.coupon : *b.coupon);
    }
    const Promotion &p = *a.promotion;
    const Promotion &q = *b.promotion;
    return !p.exclusive && !q.exclusive && allowsGroup(p, q) && allowsGroup(q, p);
}

bool overlap(const Candidate &a, const Candidate &b)
{
    for (size_t w = 0; w < a.lineBits.size(); ++w)
        if (a.lineBits[w] & b.lineBits[w])
            return true;
    return false;
}

int couponRank(Coupon::Kind kind)
{
    // A percentage first, so that it is not taken of what a cash coupon already took off.
    switch (kind) {
    case Coupon::Kind::Percent:
        return 0;
    case Coupon::Kind::Threshold:
        return 1;
    case Coupon::Kind::Cash:
        return 2;
    case Coupon::Kind::Item:
        return 0;
    }
    return 3;
}

// The search for the best combination (see PromotionEngine).
class Search {
public:
    Search(Evaluator &evaluator, size_t candidates, int budget)
        : m_evaluator(evaluator)
        , m_on(candidates, 0)
        , m_budget(budget)
    {
    }

    // The best combination of `contested` (tried in that order) with `always` on.
    std::vector<char> best(const std::vector<int> &always, const std::vector<int> &contested,
                           const std::vector<qint64> &alone, qint64 slack);
    bool exhaustive() const { return m_exhaustive; }
    int evaluations() const { return m_evaluations; }

private:
    qint64 evaluate()
    {
        ++m_evaluations;
        return m_evaluator.run(m_on);
    }
    void branch(size_t depth, qint64 boundOn, qint64 boundRest);

    Evaluator &m_evaluator;
    std::vector<char> m_on;
    std::vector<char> m_bestOn;
    qint64 m_best = 0;
    const std::vector<int> *m_contested = nullptr;
    const std::vector<qint64> *m_alone = nullptr;
    qint64 m_slack = 0;
    int m_budget;
    bool m_exhaustive = true;
    int m_evaluations = 0;
};

std::vector<char> Search::best(const std::vector<int> &always, const std::vector<int> &contested,
                               const std::vector<qint64> &alone, qint64 slack)
{
    for (const int i : always)
        m_on[size_t(i)] = 1;
    m_best = evaluate();
    // Every combination fits in the budget: searched exactly. Otherwise greedy only, so that a
    // large basket stays fast.
    const bool exact = contested.size() < 31 && (qint64(1) << contested.size()) <= m_budget;
    // Greedy: each rule in turn, kept when it adds to the total; then each switched once.
    for (int pass = 0; pass < (exact ? 2 : 1); ++pass) {
        for (const int i : contested) {
            m_on[size_t(i)] ^= 1;
            const qint64 total = evaluate();
            if (total > m_best)
                m_best = total;
            else
                m_on[size_t(i)] ^= 1;
        }
    }
    m_bestOn = m_on;
    if (!exact)
        m_exhaustive = false;
    if (contested.empty() || !exact)
        return m_bestOn;

    qint64 boundOn = 0;
    for (const int i : always)
        boundOn += alone[size_t(i)];
    qint64 boundRest = 0;
    for (const int i : contested)
        boundRest += alone[size_t(i)];
    m_contested = &contested;
    m_alone = &alone;
    m_slack = slack;
    branch(0, boundOn, boundRest);
    return m_bestOn;
}

// Depth-first, each rule on before off. No rule gives more in a combination than on its own, so
// a branch whose rules could not beat the best found even then is not explored.
void Search::branch(size_t depth, qint64 boundOn, qint64 boundRest)
{
    if (boundOn + boundRest + m_slack <= m_best)
        return;
    if (m_budget <= 0) {
        m_exhaustive = false;
        return;
    }
    if (depth == m_contested->size()) {
        --m_budget;
        const qint64 total = evaluate();
        if (total > m_best) {
            m_best = total;
            m_bestOn = m_on;
        }
        return;
    }
    const size_t i = size_t((*m_contested)[depth]);
    const qint64 own = (*m_alone)[i];
    m_on[i] = 1;
    branch(depth + 1, boundOn + own, boundRest - own);
    m_on[i] = 0;
    branch(depth + 1, boundOn, boundRest - own);
}

// The adjustment of a candidate at a tier, for the basket and without an amount yet.
Adjustment namedAfter(const Candidate &c, int tier)
{
    const Wording wording =
        c.coupon ? couponWording(*c.coupon) : promotionWording(*c.promotion, tier);
    return {c.coupon ? u"coupon:%1"_s.arg(c.coupon->id) : u"promo:"_s + c.promotion->id, wording.zh,
            wording.en, -1, Money()};
}

// One discount as `named` says it: for a line, named after the line's product too.
Adjustment adjustmentOf(const Adjustment &named, const Applied &applied,
                        const std::vector<LineView> &lines)
{
    Adjustment adjustment = named;
    adjustment.amount = Money{-applied.off};
    if (applied.line >= 0) {
        const LineView &view = lines[size_t(applied.line)];
        adjustment.line = view.cartIndex;
        adjustment.nameZh = named.nameZh % u' ' % view.line->product.name(true);
        adjustment.nameEn = named.nameEn % u' ' % view.line->product.name(false);
    }
    return adjustment;
}

} // namespace

Money couponEligibleSpend(const Coupon &coupon, const Cart &cart)
{
    Money spend;
    for (const CartLine &line : cart.lines())
        if (couponCovers(coupon, line))
            spend += line.total();
    return spend;
}

CouponFit checkCoupon(const Coupon &coupon, const Cart &cart, const PricingContext &context)
{
    if (const CouponFit fit = couponFitsContext(coupon, context); fit != CouponFit::Applies)
        return fit;
    bool gives = coupon.kind != Coupon::Kind::Item;
    bool covers = false;
    for (const CartLine &line : cart.lines()) {
        covers = covers || couponCovers(coupon, line);
        gives = gives || couponGives(coupon, line);
    }
    if (!covers || !gives)
        return CouponFit::NoProduct;
    return couponEligibleSpend(coupon, cart) < coupon.minSpend ? CouponFit::BelowMinimum
                                                               : CouponFit::Applies;
}

PromotionEngine::PromotionEngine(PromotionSet set)
    : PromotionEngine(std::move(set), Options())
{
}

PromotionEngine::PromotionEngine(PromotionSet set, Options options)
    : m_set(std::move(set))
    , m_options(options)
{
    for (int i = 0; i < m_set.promotions.size(); ++i) {
        const Promotion &p = m_set.promotions[i];
        if (p.kind == Promotion::Kind::Price) {
            for (const SkuPrice &price : p.prices)
                m_bySku[price.sku].append(i);
            continue;
        }
        for (const QString &sku : p.skus)
            m_bySku[sku].append(i);
        for (const QString &category : p.categories)
            m_byCategory[category].append(i);
        if (p.skus.isEmpty() && p.categories.isEmpty())
            m_forEveryLine.append(i);
    }
}

QString PromotionEngine::id() const
{
    return u"promotions"_s;
}

QList<Adjustment> PromotionEngine::apply(const Cart &cart, const PricingContext &context) const
{
    return price(cart, context).adjustments;
}

PromotionEngine::Outcome PromotionEngine::price(const Cart &cart,
                                                const PricingContext &context) const
{
    Outcome outcome;
    const std::vector<LineView> lines = canonicalLines(cart);
    const size_t words = (lines.size() + 63) / 64;
    std::vector<Candidate> candidates;

    // Promotions running now, with the lines each looks at.
    const QDateTime local =
        context.atUtc.toTimeZone(context.timeZone.isValid() ? context.timeZone : QTimeZone::utc());
    const qsizetype promotionCount = m_set.promotions.size();
    std::vector<char> running(size_t(promotionCount), 0);
    for (qsizetype i = 0; i < promotionCount; ++i) {
        const Promotion &p = m_set.promotions[i];
        running[size_t(i)] = p.when.contains(local) && memberQualifies(p, context);
    }
    std::vector<std::vector<int>> promotionLines(static_cast<size_t>(promotionCount));
    std::vector<int> lastLine(size_t(promotionCount), -1);
    const auto collect = [&](const QList<int> &indices, int line) {
        for (const int i : indices) {
            if (!running[size_t(i)] || lastLine[size_t(i)] == line)
                continue;
            const Promotion &p = m_set.promotions[i];
            const bool byUnits =
                p.kind == Promotion::Kind::BuyGet || p.kind == Promotion::Kind::Bundle;
            if (byUnits && !lines[size_t(line)].units)
                continue;
            lastLine[size_t(i)] = line;
            promotionLines[size_t(i)].push_back(line);
        }
    };
    for (size_t l = 0; l < lines.size(); ++l) {
        const Product &product = lines[l].line->product;
        collect(m_bySku.value(product.sku), int(l));
        collect(m_byCategory.value(product.category), int(l));
        collect(m_forEveryLine, int(l));
    }
    for (qsizetype i = 0; i < promotionCount; ++i) {
        std::vector<int> &mine = promotionLines[size_t(i)];
        if (mine.empty())
            continue;
        // Lines come from up to three lists; each list's are ascending.
        std::sort(mine.begin(), mine.end());
        const Promotion &p = m_set.promotions[i];
        Candidate c;
        c.promotion = &p;
        c.step = stepOf(p.kind);
        c.rank = -p.priority;
        c.key = p.id;
        c.lines = std::move(mine);
        if (p.kind == Promotion::Kind::Price) {
            for (const int line : c.lines) {
                const QString &sku = lines[size_t(line)].line->product.sku;
                const auto found = std::lower_bound(
                    p.prices.begin(), p.prices.end(), sku,
                    [](const SkuPrice &price, const QString &key) { return price.sku < key; });
                c.lineData.push_back(found->price.fen);
            }
        }
        candidates.push_back(std::move(c));
    }

    // Coupons valid now for this customer, each once.
    // A coupon id is unique in the chain; of two different coupons claiming one id (forged), the
    // one first in this order counts, whatever the order they were presented in.
    QList<Coupon> coupons = context.coupons;
    std::sort(coupons.begin(), coupons.end(), [](const Coupon &a, const Coupon &b) {
        return std::tie(a.id, a.kind, a.value, a.minSpend, a.sku, a.category, a.campaign,
                        a.validFrom, a.validUntil, a.member)
               < std::tie(b.id, b.kind, b.value, b.minSpend, b.sku, b.category, b.campaign,
                          b.validFrom, b.validUntil, b.member);
    });
    for (qsizetype k = 0; k < coupons.size(); ++k) {
        const Coupon &coupon = coupons[k];
        if ((k > 0 && coupons[k - 1].id == coupon.id)
            || couponFitsContext(coupon, context) != CouponFit::Applies)
            continue;
        Candidate c;
        c.coupon = &coupon;
        c.step = coupon.kind == Coupon::Kind::Item ? StepCouponItem : StepCouponAmount;
        c.rank = couponRank(coupon.kind);
        c.key = u"%1"_s.arg(coupon.id, 20, 10, QLatin1Char('0'));
        for (size_t l = 0; l < lines.size(); ++l) {
            const CartLine &line = *lines[l].line;
            const qint64 flags = (couponCovers(coupon, line) ? ItemCounts : 0)
                                 | (couponGives(coupon, line) ? ItemGives : 0);
            if (flags == 0)
                continue;
            c.lines.push_back(int(l));
            c.lineData.push_back(flags);
        }
        if (!c.lines.empty())
            candidates.push_back(std::move(c));
    }

    std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        return std::tie(a.step, a.rank, a.key) < std::tie(b.step, b.rank, b.key);
    });
    const size_t n = candidates.size();
    for (Candidate &c : candidates) {
        c.lineBits.assign(words, 0);
        for (const int line : c.lines)
            c.lineBits[size_t(line) / 64] |= quint64(1) << (line % 64);
    }
    std::vector<std::vector<quint64>> incompatible(n, std::vector<quint64>((n + 63) / 64, 0));
    for (size_t a = 0; a < n; ++a) {
        for (size_t b = a + 1; b < n; ++b) {
            // Symmetric: both sides must allow it.
            if (!compatible(m_set, candidates[a], candidates[b])) {
                incompatible[a][b / 64] |= quint64(1) << (b % 64);
                incompatible[b][a / 64] |= quint64(1) << (a % 64);
            }
        }
    }

    Evaluator evaluator(lines, candidates, incompatible);
    std::vector<char> on(n, 0);
    if (m_options.maxEvaluations <= 0) {
        std::fill(on.begin(), on.end(), 1);
        outcome.exhaustive = false;
        outcome.evaluations = 1;
    } else {
        // What each gives on its own: the bound of the search, and the order it tries them in.
        std::vector<qint64> alone(n, 0);
        for (size_t i = 0; i < n; ++i) {
            on[i] = 1;
            alone[i] = evaluator.run(on);
            on[i] = 0;
        }
        // Rules that share a line compete: one may take lines or units from the other, take a
        // threshold's spend below its tier, or leave less for a rule that frees a whole line,
        // possibly losing it more than it gives. A rule sharing no line only adds its own.
        std::vector<char> contested(n, 0);
        bool unitRounding = false;
        for (size_t a = 0; a < n; ++a) {
            if (alone[a] == 0)
                continue;
            unitRounding = unitRounding || candidates[a].step == StepUnits;
            for (size_t b = a + 1; b < n; ++b)
                if (alone[b] > 0 && overlap(candidates[a], candidates[b]))
                    contested[a] = contested[b] = 1;
        }
        std::vector<int> always;
        std::vector<int> order;
        for (size_t i = 0; i < n; ++i) {
            if (alone[i] > 0)
                (contested[i] ? order : always).push_back(int(i));
        }
        std::stable_sort(order.begin(), order.end(),
                         [&](int a, int b) { return alone[size_t(a)] > alone[size_t(b)]; });
        // Buy-get rounds line by line, which may give a fen more in a combination than alone.
        const qint64 slack = unitRounding ? qint64(lines.size()) : 0;
        Search search(evaluator, n, m_options.maxEvaluations);
        on = search.best(always, order, alone, slack);
        outcome.exhaustive = search.exhaustive();
        outcome.evaluations = int(n) + search.evaluations();
    }

    std::vector<Applied> applied;
    evaluator.run(on, &applied);
    outcome.adjustments.reserve(qsizetype(applied.size()));
    // A candidate's discounts come one after the other: it is named once for all its lines.
    Adjustment named;
    for (size_t k = 0; k < applied.size(); ++k) {
        const Applied &a = applied[k];
        if (k == 0 || a.candidate != applied[k - 1].candidate)
            named = namedAfter(candidates[size_t(a.candidate)], a.tier);
        outcome.adjustments.append(adjustmentOf(named, a, lines));
    }
    return outcome;
}

// ---------------------------------------------------------------------------------------------
// Promotions JSON.

namespace {

class PromotionReader {
    Q_DECLARE_TR_FUNCTIONS(smartpos::Promotions)

public:
    Result<PromotionSet> read(const QByteArray &json);

private:
    // Each reader records the first problem (prefixed with where it is) and returns false.
    bool fail(const QString &problem)
    {
        if (m_error.isEmpty())
            m_error = m_where.isEmpty() ? problem : m_where + u": "_s + problem;
        return false;
    }
    bool onlyKnownFields(const QJsonObject &object, const QStringList &known,
                         const QStringList &otherKinds = {}, const QString &kind = {});
    bool readText(const QJsonObject &o, const QString &key, QString *out, bool required = false);
    bool readBool(const QJsonObject &o, const QString &key, bool *out);
    bool readInt(const QJsonObject &o, const QString &key, int min, int max, int *out,
                 bool required = false);
    bool readTextList(const QJsonObject &o, const QString &key, QStringList *out);
    bool readAmount(const QJsonValue &value, const QString &name, Money *out);
    bool readPercent(const QJsonObject &o, const QString &key, int *bp);
    bool readMinute(const QJsonObject &o, const QString &key, int *minute);
    bool readDate(const QJsonObject &o, const QString &key, QDate *date);
    bool readWindow(const QJsonValue &value, TimeWindow *window);
    bool readTiers(const QJsonValue &value, QList<SpendTier> *tiers);
    bool readPrices(const QJsonValue &value, QList<SkuPrice> *prices);
    bool readPromotion(const QJsonObject &o, Promotion *p);
    bool readCampaigns(const QJsonValue &value, QList<CouponCampaign> *campaigns);
    bool readTierPercent(const QJsonValue &value, QHash<QString, int> *percent);
    bool readLoyalty(const QJsonValue &value, std::optional<LoyaltyRules> *loyalty);

    QString m_where;
    QString m_error;
};

const QStringList commonFields{u"id"_s,        u"kind"_s,         u"name_zh"_s,      u"name_en"_s,
                               u"when"_s,      u"members_only"_s, u"member_tiers"_s, u"priority"_s,
                               u"exclusive"_s, u"group"_s,        u"stacks_with"_s,  u"coupons"_s};
const QStringList kindFieldsSpend{u"skus"_s, u"categories"_s, u"tiers"_s};
const QStringList kindFieldsPercent{u"skus"_s, u"categories"_s, u"percent_off"_s};
const QStringList kindFieldsPrice{u"prices"_s};
const QStringList kindFieldsBuyGet{u"skus"_s, u"categories"_s, u"every"_s, u"discounted"_s,
                                   u"percent_off"_s};
const QStringList kindFieldsBundle{u"skus"_s, u"categories"_s, u"size"_s, u"price"_s};

bool PromotionReader::onlyKnownFields(const QJsonObject &object, const QStringList &known,
                                      const QStringList &otherKinds, const QString &kind)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (known.contains(it.key()))
            continue;
        if (otherKinds.contains(it.key()))
            return fail(tr("\"%1\" is not a field of a %2 promotion").arg(it.key(), kind));
        return fail(tr("unknown field \"%1\"").arg(it.key()));
    }
    return true;
}

bool PromotionReader::readText(const QJsonObject &o, const QString &key, QString *out,
                               bool required)
{
    const QJsonValue value = o.value(key);
    if (value.isUndefined())
        return !required || fail(tr("\"%1\" is missing").arg(key));
    if (!value.isString() || value.toString().trimmed().isEmpty())
        return fail(tr("\"%1\" must be text that is not empty").arg(key));
    *out = value.toString();
    return true;
}

bool PromotionReader::readBool(const QJsonObject &o, const QString &key, bool *out)
{
    const QJsonValue value = o.value(key);
    if (value.isUndefined())
        return true;
    if (!value.isBool())
        return fail(tr("\"%1\" must be true or false").arg(key));
    *out = value.toBool();
    return true;
}

bool PromotionReader::readInt(const QJsonObject &o, const QString &key, int min, int max, int *out,
                              bool required)
{
    const QJsonValue value = o.value(key);
    if (value.isUndefined())
        return !required || fail(tr("\"%1\" is missing").arg(key));
    const double number = value.toDouble();
    if (!value.isDouble() || number != std::floor(number))
        return fail(tr("\"%1\" must be a whole number").arg(key));
    if (number < min || number > max)
        return fail(tr("\"%1\" must be %2 to %3, not %4").arg(key).arg(min).arg(max).arg(number));
    *out = int(number);
    return true;
}

bool PromotionReader::readTextList(const QJsonObject &o, const QString &key, QStringList *out)
{
    const QJsonValue value = o.value(key);
    if (value.isUndefined())
        return true;
    if (!value.isArray() || value.toArray().isEmpty())
        return fail(tr("\"%1\" must be a list of text with at least one entry").arg(key));
    QStringList list;
    for (const QJsonValue &entry : value.toArray()) {
        if (!entry.isString() || entry.toString().trimmed().isEmpty())
            return fail(tr("\"%1\" must be a list of text with at least one entry").arg(key));
        if (list.contains(entry.toString()))
            return fail(tr("\"%1\" names \"%2\" twice").arg(key, entry.toString()));
        list.append(entry.toString());
    }
    *out = list;
    return true;
}

// Yuan, as text ("12.50") or a number (12.5), at most two decimals, more than zero and within
// MoneyLimits::ceiling.
bool PromotionReader::readAmount(const QJsonValue &value, const QString &name, Money *out)
{
    std::optional<Money> amount;
    if (value.isString()) {
        amount = Money::parse(value.toString());
    } else if (value.isDouble()) {
        const double fen = value.toDouble() * 100;
        if (std::abs(fen) < 1e15 && std::abs(fen - std::round(fen)) < 1e-6)
            amount = Money{qint64(std::llround(fen))};
    }
    if (value.isUndefined())
        return fail(tr("\"%1\" is missing").arg(name));
    if (!amount)
        return fail(tr("\"%1\" must be an amount in yuan with at most two decimals, such as "
                       "\"12.50\"")
                        .arg(name));
    if (amount->isNegative())
        return fail(tr("\"%1\" is negative (¥%2)").arg(name, amount->toString()));
    if (amount->isZero())
        return fail(tr("\"%1\" must be more than ¥0").arg(name));
    if (*amount > MoneyLimits::ceiling)
        return fail(tr("\"%1\" is above ¥%2, the most any amount may be")
                        .arg(name, MoneyLimits::ceiling.toString()));
    *out = *amount;
    return true;
}

bool PromotionReader::readPercent(const QJsonObject &o, const QString &key, int *bp)
{
    const QJsonValue value = o.value(key);
    if (value.isUndefined())
        return fail(tr("\"%1\" is missing").arg(key));
    if (!value.isDouble())
        return fail(tr("\"%1\" must be a number of percent, such as 10 for 10 % off").arg(key));
    const double percent = value.toDouble();
    if (percent > 100)
        return fail(tr("\"%1\" is %2 %, more than 100 %").arg(key).arg(percent));
    if (percent <= 0)
        return fail(tr("\"%1\" must be more than 0 %").arg(key));
    const double hundredths = percent * 100;
    if (std::abs(hundredths - std::round(hundredths)) > 1e-6)
        return fail(tr("\"%1\" may have at most two decimals").arg(key));
    *bp = int(std::lround(hundredths));
    return true;
}

// "HH:MM", 00:00 … 24:00.
bool PromotionReader::readMinute(const QJsonObject &o, const QString &key, int *minute)
{
    const QJsonValue value = o.value(key);
    if (value.isUndefined())
        return true;
    static const QRegularExpression pattern(u"^([01][0-9]|2[0-4]):([0-5][0-9])$"_s);
    const QRegularExpressionMatch match = pattern.match(value.toString());
    const int hour = match.captured(1).toInt();
    const int minutes = match.captured(2).toInt();
    if (!value.isString() || !match.hasMatch() || (hour == 24 && minutes != 0))
        return fail(tr("\"%1\" must be a time of day such as \"15:00\" (00:00 to 24:00)").arg(key));
    *minute = hour * 60 + minutes;
    return true;
}

bool PromotionReader::readDate(const QJsonObject &o, const QString &key, QDate *date)
{
    const QJsonValue value = o.value(key);
    if (value.isUndefined())
        return true;
    static const QRegularExpression pattern(u"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"_s);
    const QDate parsed = QDate::fromString(value.toString(), Qt::ISODate);
    if (!value.isString() || !pattern.match(value.toString()).hasMatch() || !parsed.isValid())
        return fail(tr("\"%1\" must be a date such as \"2026-12-31\"").arg(key));
    *date = parsed;
    return true;
}

bool PromotionReader::readWindow(const QJsonValue &value, TimeWindow *window)
{
    if (value.isUndefined())
        return true;
    if (!value.isObject())
        return fail(tr("\"when\" must be an object with \"days\", \"from\", \"until\", "
                       "\"first_day\" and \"last_day\", each optional"));
    const QJsonObject o = value.toObject();
    const QString outerWhere = m_where;
    m_where += u" \"when\""_s;
    static const QStringList dayNames{u"mon"_s, u"tue"_s, u"wed"_s, u"thu"_s,
                                      u"fri"_s, u"sat"_s, u"sun"_s};
    QStringList days;
    bool ok = onlyKnownFields(o, {u"days"_s, u"from"_s, u"until"_s, u"first_day"_s, u"last_day"_s})
              && readTextList(o, u"days"_s, &days);
    if (ok && o.contains(u"days"_s)) {
        window->days = 0;
        for (const QString &day : std::as_const(days)) {
            const qsizetype index = dayNames.indexOf(day);
            if (index < 0) {
                ok = fail(tr("\"days\": \"%1\" is not one of %2").arg(day, dayNames.join(u", ")));
                break;
            }
            window->days |= quint8(1u << index);
        }
    }
    ok = ok && readMinute(o, u"from"_s, &window->fromMinute)
         && readMinute(o, u"until"_s, &window->untilMinute)
         && readDate(o, u"first_day"_s, &window->firstDay)
         && readDate(o, u"last_day"_s, &window->lastDay);
    if (ok && window->fromMinute >= window->untilMinute)
        ok = fail(tr("\"from\" must be before \"until\"; a time range past midnight is two "
                     "promotions"));
    if (ok && window->firstDay.isValid() && window->lastDay.isValid()
        && window->firstDay > window->lastDay)
        ok = fail(tr("\"first_day\" %1 is after \"last_day\" %2")
                      .arg(window->firstDay.toString(Qt::ISODate),
                           window->lastDay.toString(Qt::ISODate)));
    if (ok)
        m_where = outerWhere;
    return ok;
}

bool PromotionReader::readTiers(const QJsonValue &value, QList<SpendTier> *tiers)
{
    if (!value.isArray() || value.toArray().isEmpty())
        return fail(tr("\"tiers\" must be a list of at least one {\"over\": …, \"off\": …}"));
    const QJsonArray array = value.toArray();
    const QString outerWhere = m_where;
    for (qsizetype t = 0; t < array.size(); ++t) {
        m_where = outerWhere + tr(" tier %1").arg(t + 1);
        if (!array[t].isObject())
            return fail(tr("must be an object {\"over\": …, \"off\": …}"));
        const QJsonObject o = array[t].toObject();
        SpendTier tier;
        if (!onlyKnownFields(o, {u"over"_s, u"off"_s})
            || !readAmount(o.value(u"over"_s), u"over"_s, &tier.over)
            || !readAmount(o.value(u"off"_s), u"off"_s, &tier.off))
            return false;
        if (tier.off > tier.over)
            return fail(tr("¥%1 off is more than the ¥%2 it needs")
                            .arg(tier.off.toString(), tier.over.toString()));
        if (!tiers->isEmpty() && tier.over <= tiers->last().over)
            return fail(tr("\"over\" ¥%1 must be more than the tier before (¥%2)")
                            .arg(tier.over.toString(), tiers->last().over.toString()));
        if (!tiers->isEmpty() && tier.off <= tiers->last().off)
            return fail(tr("\"off\" ¥%1 must be more than the tier before (¥%2)")
                            .arg(tier.off.toString(), tiers->last().off.toString()));
        tiers->append(tier);
    }
    m_where = outerWhere;
    return true;
}

bool PromotionReader::readPrices(const QJsonValue &value, QList<SkuPrice> *prices)
{
    if (!value.isObject() || value.toObject().isEmpty())
        return fail(tr("\"prices\" must be an object of SKU and price, such as "
                       "{\"DR0001\": \"2.50\"}"));
    const QJsonObject o = value.toObject();
    // QJsonObject keeps its keys sorted, so the prices come ascending by SKU.
    for (auto it = o.begin(); it != o.end(); ++it) {
        SkuPrice price{it.key(), Money()};
        if (price.sku.trimmed().isEmpty())
            return fail(tr("\"prices\" has an empty SKU"));
        if (!readAmount(it.value(), u"prices\": \""_s + price.sku, &price.price))
            return false;
        prices->append(price);
    }
    return true;
}

bool PromotionReader::readPromotion(const QJsonObject &o, Promotion *p)
{
    static const QRegularExpression idPattern(u"^[A-Za-z0-9_-]{1,64}$"_s);
    if (!readText(o, u"id"_s, &p->id, true))
        return false;
    if (!idPattern.match(p->id).hasMatch())
        return fail(tr("\"id\" must be 1 to 64 letters, digits, '-' or '_'"));
    m_where += u" \"%1\""_s.arg(p->id);

    QString kind;
    if (!readText(o, u"kind"_s, &kind, true))
        return false;
    const QList<std::pair<QString, Promotion::Kind>> kinds{
        {u"spend_save"_s, Promotion::Kind::SpendSave},
        {u"percent_off"_s, Promotion::Kind::PercentOff},
        {u"price"_s, Promotion::Kind::Price},
        {u"buy_get"_s, Promotion::Kind::BuyGet},
        {u"bundle"_s, Promotion::Kind::Bundle}};
    const QList<QStringList> kindFields{kindFieldsSpend, kindFieldsPercent, kindFieldsPrice,
                                        kindFieldsBuyGet, kindFieldsBundle};
    qsizetype kindIndex = -1;
    QStringList kindNames;
    for (qsizetype k = 0; k < kinds.size(); ++k) {
        kindNames << kinds[k].first;
        if (kinds[k].first == kind)
            kindIndex = k;
    }
    if (kindIndex < 0)
        return fail(tr("unknown kind \"%1\"; the kinds are %2").arg(kind, kindNames.join(u", ")));
    p->kind = kinds[kindIndex].second;
    QStringList otherKinds;
    for (const QStringList &fields : kindFields)
        otherKinds += fields;
    if (!onlyKnownFields(o, commonFields + kindFields[kindIndex], otherKinds, kind))
        return false;

    if (!readText(o, u"name_zh"_s, &p->nameZh) || !readText(o, u"name_en"_s, &p->nameEn)
        || !readTextList(o, u"skus"_s, &p->skus)
        || !readTextList(o, u"categories"_s, &p->categories)
        || !readWindow(o.value(u"when"_s), &p->when)
        || !readBool(o, u"members_only"_s, &p->membersOnly)
        || !readTextList(o, u"member_tiers"_s, &p->memberTiers)
        || !readInt(o, u"priority"_s, -1000, 1000, &p->priority)
        || !readBool(o, u"exclusive"_s, &p->exclusive) || !readText(o, u"group"_s, &p->group)
        || !readBool(o, u"coupons"_s, &p->couponsStack))
        return false;
    if (o.contains(u"stacks_with"_s)) {
        QStringList groups;
        if (!readTextList(o, u"stacks_with"_s, &groups))
            return false;
        if (p->exclusive)
            return fail(tr("an exclusive promotion stacks with nothing: \"stacks_with\" "
                           "contradicts \"exclusive\""));
        p->stacksWith = groups;
    }

    switch (p->kind) {
    case Promotion::Kind::SpendSave:
        return readTiers(o.value(u"tiers"_s), &p->tiers);
    case Promotion::Kind::PercentOff:
        return readPercent(o, u"percent_off"_s, &p->percentOffBp);
    case Promotion::Kind::Price:
        return readPrices(o.value(u"prices"_s), &p->prices);
    case Promotion::Kind::BuyGet:
        if (!readInt(o, u"every"_s, 2, 99, &p->every, true))
            return false;
        if (!readInt(o, u"discounted"_s, 1, p->every - 1, &p->discounted, true))
            return false;
        return readPercent(o, u"percent_off"_s, &p->percentOffBp);
    case Promotion::Kind::Bundle:
        return readInt(o, u"size"_s, 2, 99, &p->bundleSize, true)
               && readAmount(o.value(u"price"_s), u"price"_s, &p->bundlePrice);
    }
    return true;
}

bool PromotionReader::readCampaigns(const QJsonValue &value, QList<CouponCampaign> *campaigns)
{
    if (value.isUndefined())
        return true;
    if (!value.isArray())
        return fail(tr("\"coupon_campaigns\" must be a list"));
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        m_where = tr("coupon campaign %1").arg(i + 1);
        if (!array[i].isObject())
            return fail(tr("must be an object {\"campaign\": …, \"stacks_with_promotions\": …}"));
        const QJsonObject o = array[i].toObject();
        int number = 0;
        CouponCampaign campaign;
        if (!onlyKnownFields(o, {u"campaign"_s, u"stacks_with_promotions"_s})
            || !readInt(o, u"campaign"_s, 1, std::numeric_limits<int>::max(), &number, true)
            || !readBool(o, u"stacks_with_promotions"_s, &campaign.stacksWithPromotions))
            return false;
        campaign.campaign = quint32(number);
        for (const CouponCampaign &other : std::as_const(*campaigns))
            if (other.campaign == campaign.campaign)
                return fail(tr("campaign %1 is listed twice").arg(number));
        campaigns->append(campaign);
    }
    m_where.clear();
    return true;
}

bool PromotionReader::readTierPercent(const QJsonValue &value, QHash<QString, int> *percent)
{
    if (value.isUndefined())
        return true;
    if (!value.isObject() || value.toObject().isEmpty())
        return fail(tr("\"tier_percent\" must be an object of tier and percent, such as "
                       "{\"gold\": 150}"));
    const QJsonObject o = value.toObject();
    const QString outerWhere = m_where;
    m_where += u" \"tier_percent\""_s;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!memberTiers().contains(it.key()))
            return fail(tr("\"%1\" is not a member tier; the tiers are %2")
                            .arg(it.key(), memberTiers().join(u", ")));
        int tierPercent = 100;
        if (!readInt(o, it.key(), 0, 1000, &tierPercent))
            return false;
        percent->insert(it.key(), tierPercent);
    }
    m_where = outerWhere;
    return true;
}

// The points scheme: every field optional, a missing one keeps LoyaltyRules' default.
bool PromotionReader::readLoyalty(const QJsonValue &value, std::optional<LoyaltyRules> *loyalty)
{
    if (value.isUndefined())
        return true;
    m_where.clear();
    if (!value.isObject())
        return fail(tr("\"loyalty\" must be an object with \"points_per_yuan\", "
                       "\"tier_percent\", \"excluded_categories\", \"birthday_percent\" and "
                       "\"redeem\", each optional"));
    const QJsonObject o = value.toObject();
    m_where = tr("loyalty");
    LoyaltyRules rules;
    int pointsPerYuan = int(rules.pointsPerYuan);
    if (!onlyKnownFields(o, {u"points_per_yuan"_s, u"tier_percent"_s, u"excluded_categories"_s,
                             u"birthday_percent"_s, u"redeem"_s})
        || !readInt(o, u"points_per_yuan"_s, 1, 1000, &pointsPerYuan)
        || !readTierPercent(o.value(u"tier_percent"_s), &rules.tierPercent)
        || !readTextList(o, u"excluded_categories"_s, &rules.excludedCategories)
        || !readInt(o, u"birthday_percent"_s, 100, 1000, &rules.birthdayPercent))
        return false;
    rules.pointsPerYuan = pointsPerYuan;

    const QJsonValue redeem = o.value(u"redeem"_s);
    if (!redeem.isUndefined()) {
        if (!redeem.isObject())
            return fail(tr("\"redeem\" must be an object with \"points_per_yuan\" and "
                           "\"max_percent\", each optional"));
        const QJsonObject r = redeem.toObject();
        m_where += u" \"redeem\""_s;
        int pointsPerYuanRedeemed = int(rules.pointsPerYuanRedeemed);
        if (!onlyKnownFields(r, {u"points_per_yuan"_s, u"max_percent"_s})
            || !readInt(r, u"points_per_yuan"_s, 1, 100000, &pointsPerYuanRedeemed)
            || !readInt(r, u"max_percent"_s, 0, 100, &rules.redeemMaxPercent))
            return false;
        rules.pointsPerYuanRedeemed = pointsPerYuanRedeemed;
    }
    *loyalty = rules;
    m_where.clear();
    return true;
}

Result<PromotionSet> PromotionReader::read(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{ErrorCode::InvalidInput, tr("not valid JSON: %1 at byte %2")
                                                  .arg(parseError.errorString())
                                                  .arg(parseError.offset)};
    if (!document.isObject())
        return Error{ErrorCode::InvalidInput,
                     tr("the promotions must be one JSON object with \"version\": 1 and "
                        "\"promotions\": […]")};
    const QJsonObject top = document.object();
    PromotionSet set;
    int version = 0;
    if (!onlyKnownFields(top, {u"version"_s, u"promotions"_s, u"coupon_campaigns"_s, u"loyalty"_s})
        || !readInt(top, u"version"_s, 1, 1, &version, true))
        return Error{ErrorCode::InvalidInput, m_error};
    const QJsonValue promotions = top.value(u"promotions"_s);
    if (!promotions.isArray())
        return Error{ErrorCode::InvalidInput, tr("\"promotions\" must be a list")};
    const QJsonArray array = promotions.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        m_where = tr("promotion %1").arg(i + 1);
        Promotion p;
        if (!array[i].isObject()) {
            fail(tr("must be an object"));
            return Error{ErrorCode::InvalidInput, m_error};
        }
        if (!readPromotion(array[i].toObject(), &p))
            return Error{ErrorCode::InvalidInput, m_error};
        for (qsizetype j = 0; j < set.promotions.size(); ++j)
            if (set.promotions[j].id == p.id) {
                fail(tr("promotion %1 has the same id").arg(j + 1));
                return Error{ErrorCode::InvalidInput, m_error};
            }
        set.promotions.append(p);
    }
    m_where.clear();
    if (!readCampaigns(top.value(u"coupon_campaigns"_s), &set.couponCampaigns)
        || !readLoyalty(top.value(u"loyalty"_s), &set.loyalty))
        return Error{ErrorCode::InvalidInput, m_error};
    return set;
}

} // namespace

Result<PromotionSet> parsePromotions(const QByteArray &json)
{
    return PromotionReader().read(json);
}

} // namespace smartpos
