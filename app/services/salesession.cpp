#include "salesession.h"

#include "ledger/catalogstore.h"
#include "ledger/ledger.h"
#include "ledger/memberstore.h"

#include <QUuid>

namespace smartpos {

namespace {
// A member who signed up at this till: the lowest tier, no points until the chain sends some.
Member joinedHere(const QString &id, const QString &phone, const QDateTime &joinedAt)
{
    Member member;
    member.id = id;
    member.phone = phone;
    member.tier = memberTiers().first();
    member.consent = joinedAt;
    return member;
}
} // namespace

Money PaidSale::received() const
{
    Money received;
    for (const Tender &tender : sale.tenders)
        received += tender.received;
    return received;
}

Money PaidSale::change() const
{
    Money change;
    for (const Tender &tender : sale.tenders)
        change += tender.change;
    return change;
}

SaleSession::SaleSession(CatalogStore &catalog, Ledger &ledger, const Clock &clock,
                         StoreRules rules, QObject *parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_ledger(ledger)
    , m_clock(clock)
    , m_resolver(catalog, std::move(rules.layouts))
    , m_cart(rules.limits)
{
}

void SaleSession::setPricingRules(QList<const PricingRule *> rules)
{
    m_rules = std::move(rules);
    changed(m_state);
}

Money SaleSession::saved() const
{
    Money off;
    for (const Adjustment &adjustment : adjustments())
        off.fen -= adjustment.amount.fen; // bounded: priceCart keeps the total within the limits
    return off;
}

void SaleSession::setTimeZone(const QTimeZone &zone)
{
    m_timeZone = zone;
}

void SaleSession::setMembers(MemberStore *members)
{
    m_members = members;
}

void SaleSession::setCodeKeys(QList<CouponKey> couponKeys, QByteArray memberSecret)
{
    m_couponKeys = std::move(couponKeys);
    m_memberSecret = std::move(memberSecret);
}

void SaleSession::setLoyalty(std::optional<LoyaltyRules> rules)
{
    m_loyalty = std::move(rules);
    changed(m_state);
}

void SaleSession::setCouponPool(CouponPool *pool)
{
    m_pool = pool;
}

PricingContext SaleSession::pricingContext() const
{
    PricingContext context;
    context.atUtc = m_clock.nowUtc();
    context.timeZone = m_timeZone;
    if (m_member)
        context.member = PricingContext::Member{m_member->member.id, m_member->member.tier};
    for (const SessionCoupon &presented : m_coupons)
        context.coupons.append(presented.coupon);
    return context;
}

void SaleSession::changed(State next)
{
    const PricingContext context = pricingContext();
    m_basket = priceCart(m_cart, m_rules, context);
    m_redeemable = {};
    m_redemption = {};
    m_pointsToEarn = 0;
    if (m_lastPaid && m_lastPaid->sale.member) { // what the paid sale did
        const SaleMember &paid = *m_lastPaid->sale.member;
        m_pointsToEarn = paid.pointsEarned;
        m_redemption.points = paid.pointsRedeemed;
        for (const Adjustment &adjustment : m_lastPaid->sale.adjustments)
            if (adjustment.source.startsWith(QLatin1StringView("points:")))
                m_redemption.amount.fen -= adjustment.amount.fen;
    } else if (m_member && m_loyalty) {
        m_redeemable = maxRedemption(*m_loyalty, m_member->availablePoints, m_basket.total);
        if (m_redeemPoints && m_redeemable.amount.fen > 0) {
            // Priced again with the points last: they pay a share of what is left to pay.
            const PointsRedemptionRule points(m_member->member.id, m_redeemable);
            QList<const PricingRule *> rules = m_rules;
            rules.append(&points);
            m_basket = priceCart(m_cart, rules, context);
            m_redemption = m_redeemable;
        }
        m_pointsToEarn =
            pointsEarned(m_cart, m_basket, *m_loyalty, m_member->member.tier, m_member->birthday);
    }
    for (SessionCoupon &presented : m_coupons) {
        const QString source = QStringLiteral("coupon:%1").arg(presented.coupon.id);
        presented.discount = {};
        for (const Adjustment &adjustment : adjustments())
            if (adjustment.source == source)
                presented.discount.fen -= adjustment.amount.fen;
        // A paid sale's coupons are the ones it wrote off: they applied.
        presented.fit =
            m_lastPaid ? CouponFit::Applies : checkCoupon(presented.coupon, m_cart, context);
    }
    const bool stateChanges = next != m_state;
    m_state = next;
    emit cartChanged();
    if (stateChanges)
        emit stateChanged();
}

void SaleSession::setState(State next)
{
    if (next == m_state)
        return;
    m_state = next;
    emit stateChanged();
}

Result<int> SaleSession::scan(QStringView code)
{
    Result<int> result = scanned(code);
    if (!result)
        emit scanRefused(result.error().message);
    return result;
}

Result<int> SaleSession::scanned(QStringView code)
{
    const ClassifiedCode classified = m_resolver.classify(code);
    if (m_state != State::Tendering) {
        if (classified.kind == CodeKind::Member)
            return memberScanned(code);
        if (classified.kind == CodeKind::Coupon)
            return couponScanned(code);
    }
    // A payment code is what a customer shows at this point, so it is answered; anything else
    // must not silently change a cart being paid.
    if (m_state == State::Tendering && classified.kind != CodeKind::PaymentCode)
        return Error{ErrorCode::Conflict,
                     tr("Scan ignored: finish the payment or go back to the cart first.")};
    const Result<ScanItem> item = m_resolver.resolve(classified);
    if (!item)
        return item.error();
    return added(item->grams
                     ? m_cart.addWeighed(item->product, item->code, *item->grams, item->labelPrice)
                     : m_cart.addUnits(item->product, item->code));
}

Result<int> SaleSession::added(const CartEdit &edit)
{
    const MoneyLimits &limits = m_cart.limits();
    switch (edit.refusal) {
    case CartRefusal::None:
        if (m_lastPaid) // the next sale has started
            leavePaidSale();
        changed(State::Scanning);
        return edit.line;
    case CartRefusal::Quantity:
        return Error{ErrorCode::InvalidInput,
                     tr("Quantity must be between 1 and %1.").arg(Cart::maxUnitsPerLine)};
    case CartRefusal::NeedsLabel:
    case CartRefusal::NotWeighed:
    case CartRefusal::NoLabelPrice:
    case CartRefusal::NotEditable:
        break; // the resolver and editable() answer these before the cart sees them
    case CartRefusal::UnitPrice:
        return Error{ErrorCode::InvalidInput,
                     tr("Not added: its price is above ¥%1, the most one product may cost. Check "
                        "the price in the catalog (or the limit, unit_price in smartpos.ini).")
                         .arg(limits.unitPrice.toString())};
    case CartRefusal::LineTotal:
        return Error{ErrorCode::InvalidInput,
                     tr("Not changed: the line would cost more than ¥%1, the most one line may "
                        "cost (line in smartpos.ini).")
                         .arg(limits.line.toString())};
    case CartRefusal::SaleTotal:
        return Error{ErrorCode::InvalidInput,
                     tr("Not changed: the sale would cost more than ¥%1, the most one sale may "
                        "cost (sale in smartpos.ini). Pay this sale, then ring up the rest as a "
                        "new one.")
                         .arg(limits.sale.toString())};
    }
    return Error{ErrorCode::InvalidInput, tr("This item cannot be added to the sale.")};
}

Status SaleSession::editable() const
{
    if (m_state == State::Tendering)
        return Error{ErrorCode::Conflict,
                     tr("The sale is being paid: go back to the cart to change it.")};
    return {};
}

Status SaleSession::addProduct(qint64 productId)
{
    if (Status ok = editable(); !ok)
        return ok;
    const auto lookup = m_catalog.lookupById(productId);
    if (!lookup)
        return lookup.error();
    const std::optional<Product> &product = *lookup;
    if (!product)
        return Error{ErrorCode::NotFound, tr("This product is no longer in the catalog.")};
    if (product->isWeighed())
        return Error{ErrorCode::InvalidInput,
                     tr("%1 is sold by weight: weigh it and scan the scale label.")
                         .arg(product->displayName())};
    const Result<int> line = added(m_cart.addUnits(*product, product->sku));
    return line ? Status() : line.error();
}

Status SaleSession::setQuantity(int line, qint64 units)
{
    if (Status ok = editable(); !ok)
        return ok;
    if (line < 0 || line >= m_cart.lines().size())
        return Error{ErrorCode::NotFound, tr("Select a line first.")};
    const CartLine &selected = m_cart.lines()[line];
    if (selected.product.isWeighed() || selected.labelPrice)
        return Error{ErrorCode::InvalidInput,
                     tr("An item with a scale label keeps what its label says.")};
    const Result<int> changedLine = added(m_cart.setQuantity(line, units));
    return changedLine ? Status() : changedLine.error();
}

Status SaleSession::removeLine(int line)
{
    if (Status ok = editable(); !ok)
        return ok;
    if (!m_cart.removeLine(line))
        return Error{ErrorCode::NotFound, tr("Select a line first.")};
    changed(m_cart.isEmpty() ? State::Idle : State::Scanning);
    return {};
}

Status SaleSession::cancelSale()
{
    if (Status ok = editable(); !ok)
        return ok;
    if (m_cart.isEmpty())
        return Error{ErrorCode::InvalidInput, tr("There is no sale to cancel.")};
    m_cart.clear();
    clearCustomer();
    changed(State::Idle);
    return {};
}

Status SaleSession::beginTender()
{
    if (m_state == State::Idle || m_state == State::Paid)
        return Error{ErrorCode::InvalidInput, tr("Scan a product first.")};
    setState(State::Tendering);
    return {};
}

Status SaleSession::cancelTender()
{
    if (m_state == State::Tendering)
        setState(State::Scanning);
    return {};
}

Status SaleSession::payCash(Money received, bool confirmed)
{
    if (m_state != State::Tendering)
        return Error{ErrorCode::Conflict,
                     m_cart.isEmpty() ? tr("The cart is empty.") : tr("Open the payment first.")};
    const MoneyLimits &limits = m_cart.limits();
    if (received > limits.cashReceived)
        return Error{ErrorCode::InvalidInput,
                     tr("¥%1 is more cash than one sale takes (at most ¥%2): check the amount "
                        "typed.")
                         .arg(received.toString(), limits.cashReceived.toString())};
    const auto tender = cashTender(m_basket.total, received);
    if (!tender)
        return Error{ErrorCode::InvalidInput,
                     tr("¥%1 is less than the total ¥%2.")
                         .arg(received.toString(), m_basket.total.toString())};
    if (tender->change >= limits.confirmChange && !confirmed)
        return Error{ErrorCode::Unconfirmed,
                     tr("Change would be ¥%1. Did the customer really hand over ¥%2? Press Enter "
                        "again to confirm, or correct the amount.")
                         .arg(tender->change.toString(), received.toString())};
    const Sale sale = saleToRecord({*tender});
    const Result<qint64> seq = m_ledger.commitSale(sale);
    if (!seq)
        return Error{seq.error().code,
                     tr("The sale was NOT saved. %1 The cart is kept: press Pay again when "
                        "fixed.")
                         .arg(seq.error().message)};
    m_lastPaid = PaidSale{sale, *seq};
    m_cart.clear();
    // What the paid sale did stays on the screens until the next one: the coupons it wrote off.
    m_coupons.removeIf([](const SessionCoupon &c) { return c.discount.fen == 0; });
    if (m_member) {
        m_member->availablePoints -= m_redemption.points;
        m_member->member.points = sale.member->pointsBalance;
    }
    changed(State::Paid);
    return {};
}

Sale SaleSession::saleToRecord(const QList<Tender> &tenders) const
{
    Sale sale = saleFromBasket(m_cart, m_basket, m_clock.nowUtc(), tenders);
    if (m_member) {
        const Member &member = m_member->member;
        sale.member = SaleMember{member.id,
                                 member.tier,
                                 member.maskedPhone(),
                                 m_member->codeStep.value_or(-1),
                                 m_pointsToEarn,
                                 m_redemption.points,
                                 m_member->availablePoints - m_redemption.points + m_pointsToEarn};
    }
    for (const SessionCoupon &presented : m_coupons)
        if (presented.discount.fen != 0) // a coupon that took nothing off stays unused
            sale.coupons.append(
                RedeemedCoupon{presented.coupon.id, presented.coupon.campaign, presented.keyId});
    sale.givenCoupons = givenCoupons();
    return sale;
}

QList<GivenCoupon> SaleSession::givenCoupons() const
{
    if (m_lastPaid)
        return m_lastPaid->sale.givenCoupons;
    QList<GivenCoupon> given;
    for (const PooledCoupon &taken : m_given)
        given.append(GivenCoupon{taken.coupon.id, taken.coupon.campaign, taken.code});
    return given;
}

void SaleSession::leavePaidSale()
{
    m_lastPaid.reset();
    m_member.reset();
    m_coupons.clear();
    m_given.clear(); // handed out with the paid sale: the customer has them
    m_redeemPoints = false;
}

void SaleSession::clearCustomer()
{
    if (m_pool)
        for (const PooledCoupon &taken : std::as_const(m_given))
            m_pool->putBack(taken);
    m_given.clear();
    m_member.reset();
    m_coupons.clear();
    m_redeemPoints = false;
}

void SaleSession::startNextSale()
{
    if (m_state != State::Paid)
        return;
    leavePaidSale();
    changed(State::Idle);
}

Result<qint64> SaleSession::recordNoSale()
{
    if (m_state == State::Scanning || m_state == State::Tendering)
        return Error{ErrorCode::Conflict,
                     tr("A sale is in progress: finish or cancel it before opening the drawer.")};
    const Result<qint64> seq = m_ledger.commitNoSale(m_clock.nowUtc());
    if (!seq)
        return Error{seq.error().code,
                     tr("The drawer was NOT opened: %1").arg(seq.error().message)};
    startNextSale();
    emit noSaleRecorded(*seq);
    return seq;
}

Error SaleSession::refuseCode(ErrorCode code, const QString &forCashier, const QString &forCustomer)
{
    emit customerNotice(forCustomer);
    return Error{code, forCashier};
}

void SaleSession::leavePaidSaleForCode()
{
    if (m_state == State::Paid) {
        leavePaidSale();
        changed(State::Idle);
    }
}

Result<int> SaleSession::memberScanned(QStringView code)
{
    if (!m_members || m_memberSecret.isEmpty())
        return Error{ErrorCode::NotSupported,
                     tr("This till cannot check member codes: it has no member list or no member "
                        "code secret (codes/member-secret). Look the member up by phone (F6).")};
    const MemberCodeCheck check =
        checkMemberCode(code, m_memberSecret, m_clock.nowUtc().toSecsSinceEpoch());
    const QString refresh = tr("Please refresh your member code and show it again.");
    if (check.verdict == MemberCodeCheck::Verdict::Valid && m_member && m_state != State::Paid) {
        if (m_member->member.id == check.member)
            return -1; // the same member again (the scanner read the phone twice)
        return anotherMember();
    }
    std::optional<qint64> lastStep;
    if (check.verdict == MemberCodeCheck::Verdict::Valid) {
        const Result<std::optional<qint64>> last = m_ledger.lastMemberCodeStep(check.member);
        if (!last)
            return last.error();
        lastStep = *last;
    }
    switch (memberVerdictForSale(check, lastStep)) {
    case MemberCodeCheck::Verdict::Valid:
        break;
    case MemberCodeCheck::Verdict::Used:
        return refuseCode(ErrorCode::Conflict,
                          tr("This member code was already used for a sale (a screenshot?). Ask "
                             "the customer to refresh the code in their app."),
                          refresh);
    case MemberCodeCheck::Verdict::Expired:
        return refuseCode(ErrorCode::InvalidInput,
                          tr("This member code has expired (a screenshot?). Ask the customer "
                             "for the live code in their app."),
                          refresh);
    case MemberCodeCheck::Verdict::NotYetValid:
        return refuseCode(ErrorCode::InvalidInput,
                          tr("This member code is from the future: the phone's clock is ahead "
                             "of the till's. Look the member up by phone (F6)."),
                          refresh);
    case MemberCodeCheck::Verdict::Forged:
        return refuseCode(ErrorCode::InvalidInput,
                          tr("This member code is not genuine: it was altered or not made by "
                             "the chain's app. Look the member up by phone (F6)."),
                          tr("This code cannot be used here. Please ask the cashier."));
    case MemberCodeCheck::Verdict::Malformed:
        return refuseCode(ErrorCode::InvalidInput,
                          tr("This member code cannot be read: scan it again."), refresh);
    }
    const Result<std::optional<Member>> found = m_members->lookupById(check.member);
    if (!found)
        return found.error();
    if (!*found)
        return refuseCode(ErrorCode::NotFound,
                          tr("Member %1 is not in this till's member list: look them up by "
                             "phone (F6), or import the newest members.")
                              .arg(check.member),
                          tr("Please ask the cashier to look up your membership."));
    leavePaidSaleForCode();
    if (Status set = setMember(**found, check.step); !set)
        return set.error();
    return -1;
}

Result<int> SaleSession::couponScanned(QStringView code)
{
    if (m_couponKeys.isEmpty())
        return Error{ErrorCode::NotSupported,
                     tr("This till cannot check coupons: it has no coupon keys "
                        "(codes/coupon-keys.pem). The coupon was not used.")};
    const CouponCheck check =
        checkCouponCode(code, m_couponKeys, m_clock.nowUtc().toSecsSinceEpoch());
    bool redeemed = false;
    if (check.verdict == CouponCheck::Verdict::Valid) {
        const Result<bool> used = m_ledger.couponRedeemed(check.coupon.id);
        if (!used)
            return used.error();
        redeemed = *used;
    }
    const bool paid = m_state == State::Paid; // the coupon is for the next sale
    const QString memberId = m_member && !paid ? m_member->member.id : QString();
    const QString notHere = tr("This code cannot be used here. Please ask the cashier.");
    switch (couponVerdictForSale(check, memberId, redeemed)) {
    case CouponCheck::Verdict::Valid:
        break;
    case CouponCheck::Verdict::Used:
        return refuseCode(ErrorCode::Conflict,
                          tr("Coupon #%1 was already used (written off in an earlier sale).")
                              .arg(check.coupon.id),
                          tr("This coupon has already been used."));
    case CouponCheck::Verdict::Expired:
        return refuseCode(
            ErrorCode::InvalidInput,
            tr("Coupon #%1 expired on %2.")
                .arg(check.coupon.id)
                .arg(QDateTime::fromSecsSinceEpoch(check.coupon.validUntil, m_timeZone)
                         .toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
            tr("Sorry, this coupon has expired."));
    case CouponCheck::Verdict::NotYetValid:
        return refuseCode(ErrorCode::InvalidInput,
                          tr("Coupon #%1 can be used from %2.")
                              .arg(check.coupon.id)
                              .arg(QDateTime::fromSecsSinceEpoch(check.coupon.validFrom, m_timeZone)
                                       .toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
                          tr("This coupon cannot be used yet."));
    case CouponCheck::Verdict::WrongMember:
        return refuseCode(ErrorCode::InvalidInput,
                          memberId.isEmpty()
                              ? tr("Coupon #%1 belongs to a member: scan their member code (or "
                                   "F6) first, then the coupon.")
                                    .arg(check.coupon.id)
                              : tr("Coupon #%1 belongs to another member, not to this sale's.")
                                    .arg(check.coupon.id),
                          tr("This coupon belongs to a member account: please show your member "
                             "code first."));
    case CouponCheck::Verdict::WrongKey:
        return refuseCode(ErrorCode::InvalidInput,
                          tr("This coupon was not issued by this chain (or with a key this till "
                             "no longer trusts). It was not used."),
                          notHere);
    case CouponCheck::Verdict::Forged:
        return refuseCode(ErrorCode::InvalidInput,
                          tr("This coupon is forged: its signature does not match. It was not "
                             "used."),
                          notHere);
    case CouponCheck::Verdict::Malformed:
        return refuseCode(ErrorCode::InvalidInput,
                          tr("This coupon code cannot be read: scan it again."), notHere);
    }
    for (const SessionCoupon &presented : std::as_const(m_coupons))
        if (presented.coupon.id == check.coupon.id && !paid)
            return Error{ErrorCode::Conflict,
                         tr("Coupon #%1 is already in this sale.").arg(check.coupon.id)};
    leavePaidSaleForCode();
    m_coupons.append(SessionCoupon{check.coupon, check.keyId});
    changed(m_state);
    return -1;
}

Status SaleSession::setMember(Member member, std::optional<qint64> codeStep)
{
    const Result<qint64> redeemed = m_ledger.pointsRedeemedSince(member.id, member.pointsAsOf);
    if (!redeemed)
        return redeemed.error();
    const QDate today = m_clock.nowUtc().toTimeZone(m_timeZone).date();
    const bool birthday = member.birthday == today.toString(QStringLiteral("MM-dd"));
    const qint64 available = availablePoints(member.points, *redeemed);
    m_member = SessionMember{std::move(member), available, codeStep, birthday};
    changed(m_state);
    return {};
}

Error SaleSession::anotherMember() const
{
    return Error{ErrorCode::Conflict,
                 tr("This sale is already for member %1. Remove that member first (Shift+F6) to "
                    "change it.")
                     .arg(m_member->member.maskedPhone())};
}

Status SaleSession::identifyMember(QStringView phone)
{
    if (Status ok = editable(); !ok)
        return ok;
    const std::optional<QString> canonical = canonicalPhone(phone);
    if (!canonical)
        return Error{ErrorCode::InvalidInput,
                     tr("“%1” is not a mobile number: 11 digits, starting with 1.").arg(phone)};
    if (m_member && m_state != State::Paid)
        return anotherMember();
    if (!m_members)
        return Error{ErrorCode::NotSupported, tr("This till has no member list.")};
    const Result<std::optional<Member>> found = m_members->lookupByPhone(*canonical);
    if (!found)
        return found.error();
    std::optional<Member> member = *found;
    if (!member) { // signed up at this till, not yet in the chain's list
        const Result<std::optional<Ledger::JoinedMember>> joined =
            m_ledger.joinedMember(*canonical);
        if (!joined)
            return joined.error();
        if (*joined)
            member = joinedHere((*joined)->memberId, *canonical, (*joined)->joinedAt);
    }
    if (!member) {
        Member unknown;
        unknown.phone = *canonical;
        const QString maskedPhone = unknown.maskedPhone();
        return Error{
            ErrorCode::NotFound,
            tr("No member has the phone number %1. The customer can join now.").arg(maskedPhone)};
    }
    leavePaidSaleForCode();
    return setMember(std::move(*member), std::nullopt);
}

Status SaleSession::joinMember(QStringView phone, const QString &consentText)
{
    if (Status ok = editable(); !ok)
        return ok;
    if (consentText.trimmed().isEmpty())
        return Error{ErrorCode::InvalidInput,
                     tr("The customer must agree to the member terms before joining.")};
    const Status known = identifyMember(phone); // also refuses what is not a mobile number
    if (known || known.error().code != ErrorCode::NotFound)
        return known;
    const std::optional<QString> canonical = canonicalPhone(phone);
    // A member id made here: "J" and 20 random hex digits (80 bits), within isMemberId.
    const QString id =
        QLatin1Char('J') + QString::fromLatin1(QUuid::createUuid().toRfc4122().toHex().left(20));
    const QDateTime now = m_clock.nowUtc();
    const Result<qint64> seq = m_ledger.commitMemberJoin({id, *canonical, consentText}, now);
    if (!seq)
        return Error{seq.error().code,
                     tr("The customer was NOT signed up: %1").arg(seq.error().message)};
    leavePaidSaleForCode();
    return setMember(joinedHere(id, *canonical, now), std::nullopt);
}

Status SaleSession::removeMember()
{
    if (Status ok = editable(); !ok)
        return ok;
    if (!m_member || m_state == State::Paid)
        return Error{ErrorCode::InvalidInput, tr("This sale has no member.")};
    m_member.reset();
    m_redeemPoints = false;
    m_coupons.removeIf([](const SessionCoupon &c) { return !c.coupon.member.isEmpty(); });
    changed(m_state);
    return {};
}

Status SaleSession::setRedeemPoints(bool on)
{
    if (Status ok = editable(); !ok)
        return ok;
    if (on && (!m_member || m_state == State::Paid))
        return Error{ErrorCode::InvalidInput, tr("Identify the member first (F6 or their code).")};
    if (on && !m_loyalty)
        return Error{ErrorCode::NotSupported, tr("This store has no points scheme.")};
    if (on && m_redeemable.points == 0)
        return Error{ErrorCode::InvalidInput,
                     tr("No points can be used: %1 available, %2 points pay ¥1, at most %3% of "
                        "the sale.")
                         .arg(m_member->availablePoints)
                         .arg(m_loyalty->pointsPerYuanRedeemed)
                         .arg(m_loyalty->redeemMaxPercent)};
    m_redeemPoints = on;
    changed(m_state);
    return {};
}

Status SaleSession::removeCoupon(int index)
{
    if (Status ok = editable(); !ok)
        return ok;
    if (index < 0 || index >= m_coupons.size() || m_state == State::Paid)
        return Error{ErrorCode::NotFound, tr("There is no such coupon in this sale.")};
    m_coupons.removeAt(index);
    changed(m_state);
    return {};
}

Status SaleSession::giveCoupon(quint32 campaign)
{
    if (!m_pool)
        return Error{ErrorCode::NotSupported, tr("This till has no coupons to hand out.")};
    if (m_state == State::Paid || m_state == State::Idle)
        return Error{ErrorCode::InvalidInput,
                     tr("Hand out a coupon with a sale: scan a product first.")};
    std::optional<Error> unreadable;
    const auto handedOut = [&](quint64 id) {
        for (const PooledCoupon &taken : std::as_const(m_given))
            if (taken.coupon.id == id)
                return true;
        const Result<bool> before = m_ledger.couponHandedOut(id);
        if (!before && !unreadable)
            unreadable = before.error();
        return before && *before;
    };
    const std::optional<PooledCoupon> next =
        m_pool->take(campaign, handedOut, m_clock.nowUtc().toSecsSinceEpoch());
    if (unreadable) { // not known whether it went before: it stays in the pool
        if (next)
            m_pool->putBack(*next);
        return *unreadable;
    }
    if (!next)
        return Error{ErrorCode::NotFound,
                     tr("No coupons of campaign %1 are left to hand out.").arg(campaign)};
    m_given.append(*next);
    emit cartChanged();
    return {};
}

} // namespace smartpos
