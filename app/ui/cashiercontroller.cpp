#include "cashiercontroller.h"

#include "core/couponcode.h"
#include "membertexts.h"
#include "services/printspooler.h"
#include "services/productsearch.h"
#include "services/salesession.h"

namespace smartpos {

CashierController::CashierController(SaleSession &session, const ProductSearch &search,
                                     CartModel &lines, SearchModel &results, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_search(search)
    , m_lines(lines)
    , m_results(results)
{
    connect(&m_session, &SaleSession::cartChanged, this, &CashierController::onCartChanged);
    connect(&m_session, &SaleSession::stateChanged, this, &CashierController::saleChanged);
    connect(&m_session, &SaleSession::stateChanged, this, &CashierController::refreshMember);
    connect(&m_session, &SaleSession::scanRefused, this,
            [this](const QString &message) { setMessage(message, true); });
}

QString CashierController::totalText() const
{
    return m_session.total().toString();
}

QString CashierController::savedText() const
{
    const Money saved = m_session.saved();
    return saved.fen > 0 ? saved.toString() : QString();
}

QString CashierController::taxText() const
{
    return m_session.tax().toString();
}

int CashierController::articleCount() const
{
    return int(m_session.cart().articleCount());
}

bool CashierController::cartEmpty() const
{
    return m_session.cart().isEmpty();
}

bool CashierController::paymentOpen() const
{
    return m_session.state() == SaleSession::State::Tendering;
}

bool CashierController::showingPaid() const
{
    return m_session.state() == SaleSession::State::Paid;
}

QString CashierController::receivedText() const
{
    const auto &paid = m_session.lastPaid();
    return paid ? paid->received().toString() : QString();
}

QString CashierController::changeText() const
{
    const auto &paid = m_session.lastPaid();
    return paid ? paid->change().toString() : QString();
}

void CashierController::setSelectedLine(int line)
{
    const int last = int(m_session.cart().lines().size()) - 1;
    line = qBound(-1, line, last);
    if (line == m_selectedLine)
        return;
    m_selectedLine = line;
    emit selectedLineChanged();
}

void CashierController::onCartChanged()
{
    m_lines.setAdjustments(m_session.adjustments());
    m_lines.refresh();
    // Always announced: the model was reset, so views must re-read the selection.
    m_selectedLine = m_session.cart().lastChangedLine();
    emit selectedLineChanged();
    emit saleChanged();
    refreshMember();
    clearMessage(); // whatever the last message was about, the cart has moved on
}

void CashierController::setMessage(const QString &text, bool isError)
{
    m_message = text;
    m_messageIsError = isError;
    emit messageChanged();
}

void CashierController::clearMessage()
{
    setMessage({}, false);
}

bool CashierController::done(const Status &status)
{
    if (!status)
        setMessage(status.error().message, true);
    return status.ok();
}

void CashierController::scan(const QString &code)
{
    if (!code.trimmed().isEmpty())
        (void)m_session.scan(code); // a refusal arrives as scanRefused, like any scanner's
}

void CashierController::search(const QString &text)
{
    m_results.setResults(m_search.find(text));
}

bool CashierController::addSearchResult(int row)
{
    const Product *product = m_results.at(row);
    return product && done(m_session.addProduct(product->id));
}

void CashierController::changeQuantity(int delta)
{
    const auto &lines = m_session.cart().lines();
    if (m_selectedLine < 0 || m_selectedLine >= lines.size())
        return;
    const qint64 units = lines[m_selectedLine].quantity + delta;
    if (units < 1 && !lines[m_selectedLine].product.isWeighed())
        removeSelectedLine();
    else
        done(m_session.setQuantity(m_selectedLine, units));
}

void CashierController::removeSelectedLine()
{
    const int line = m_selectedLine;
    if (done(m_session.removeLine(line)))
        setSelectedLine(qMin(line, int(m_session.cart().lines().size()) - 1));
}

void CashierController::voidCart()
{
    if (done(m_session.cancelSale()))
        setMessage(tr("Sale cancelled."), false);
}

void CashierController::openPayment()
{
    m_cashToConfirm.reset();
    if (done(m_session.beginTender()))
        clearMessage();
}

void CashierController::cancelPayment()
{
    m_cashToConfirm.reset();
    (void)m_session.cancelTender();
}

bool CashierController::payCash(const QString &received)
{
    const auto amount = Money::parse(received);
    if (!amount || amount->isNegative()) {
        setMessage(tr("“%1” is not an amount. Type it like 100 or 58.50.").arg(received), true);
        return false;
    }
    return pay(*amount);
}

bool CashierController::payExact()
{
    return pay(m_session.total());
}

bool CashierController::payYuan(int yuan)
{
    return pay(Money::fromYuan(yuan));
}

bool CashierController::pay(Money received)
{
    // The same amount again right after the question is the cashier's deliberate yes.
    const bool confirmed = m_cashToConfirm == received;
    const Status paid = m_session.payCash(received, confirmed);
    m_cashToConfirm.reset();
    if (!paid && paid.error().code == ErrorCode::Unconfirmed)
        m_cashToConfirm = received;
    if (!done(paid))
        return false;
    m_lastSaleSeq = m_session.lastPaid()->seq;
    if (m_spooler)
        m_spooler->jobQueued();
    setMessage(tr("Sale %1 saved.").arg(m_session.lastPaid()->seq), false);
    return true;
}

void CashierController::dismissPaid()
{
    if (!showingPaid())
        return;
    m_session.startNextSale();
    clearMessage();
}

void CashierController::noSale()
{
    const Result<qint64> recorded = m_session.recordNoSale();
    if (recorded && m_spooler)
        m_spooler->jobQueued(); // the drawer is opened by the printer
    if (recorded)
        setMessage(tr("Drawer opened (no sale) — recorded"), false);
    else
        setMessage(recorded.error().message, true);
}

void CashierController::setPrintSpooler(PrintSpooler *spooler)
{
    m_spooler = spooler;
    connect(spooler, &PrintSpooler::changed, this, &CashierController::printerChanged);
    emit printerChanged();
}

void CashierController::setPrinterProblem(const QString &problem)
{
    m_printerProblem = problem;
    emit printerChanged();
}

QString CashierController::printerProblem() const
{
    return m_spooler ? m_spooler->problem() : m_printerProblem;
}

void CashierController::reprintLast()
{
    if (!m_spooler) {
        setMessage(tr("No receipt printer is set up (printer/uri in smartpos.ini)."), true);
        return;
    }
    if (m_lastSaleSeq == 0) {
        setMessage(tr("No sale to reprint yet."), true);
        return;
    }
    const Result<qint64> queued = m_spooler->reprint(m_lastSaleSeq);
    if (queued)
        setMessage(tr("Receipt of sale %1 queued again (REPRINT).").arg(m_lastSaleSeq), false);
    else
        setMessage(queued.error().message, true);
}

bool CashierController::hasMember() const
{
    return m_session.member().has_value();
}

QString CashierController::memberName() const
{
    const auto &member = m_session.member();
    if (!member)
        return {};
    return member->member.name.isEmpty() ? tr("Member (no name)") : member->member.name;
}

QString CashierController::memberPhone() const
{
    const auto &member = m_session.member();
    return member ? member->member.maskedPhone() : QString();
}

QString CashierController::memberTier() const
{
    const auto &member = m_session.member();
    return member ? MemberTexts::tierName(member->member.tier) : QString();
}

QString CashierController::memberPointsText() const
{
    const auto &member = m_session.member();
    return member ? MemberTexts::points(member->availablePoints) : QString();
}

QString CashierController::pointsToEarnText() const
{
    if (!m_session.member())
        return {};
    return tr("+%1 this sale", "points the sale earns")
        .arg(MemberTexts::points(m_session.pointsToEarn()));
}

bool CashierController::memberBirthday() const
{
    const auto &member = m_session.member();
    return member && member->birthday;
}

bool CashierController::redeemingPoints() const
{
    return m_session.member() && m_session.redeemingPoints();
}

bool CashierController::canRedeemPoints() const
{
    return redeemingPoints() || (m_session.member() && m_session.redeemable().points > 0);
}

QString CashierController::redeemText() const
{
    if (redeemingPoints()) {
        const PointsRedemption used = m_session.redemption();
        return tr("Using points: −¥%1 (%2)")
            .arg(used.amount.toString(), MemberTexts::points(used.points));
    }
    if (!canRedeemPoints())
        return {};
    const PointsRedemption most = m_session.redeemable();
    return tr("Use points: −¥%1 (%2)")
        .arg(most.amount.toString(), MemberTexts::points(most.points));
}

int CashierController::presentedCoupons() const
{
    return int(m_session.coupons().size());
}

QString CashierController::consentText() const
{
    return MemberTexts::consentText();
}

QString CashierController::itemName(const QString &sku) const
{
    for (const CartLine &line : m_session.cart().lines())
        if (line.product.sku == sku)
            return line.product.displayName();
    for (const Product &product : m_search.find(sku, 5))
        if (product.sku == sku)
            return product.displayName();
    return sku;
}

void CashierController::refreshMember()
{
    QList<CouponModel::Row> rows;
    for (const SessionCoupon &presented : m_session.coupons()) {
        CouponModel::Row row;
        const Coupon &coupon = presented.coupon;
        row.title = MemberTexts::couponTitle(
            coupon, coupon.kind == Coupon::Kind::Item ? itemName(coupon.sku) : QString());
        row.effect =
            MemberTexts::couponEffect(coupon, presented.fit, presented.discount, m_session.cart());
        row.applies = presented.fit == CouponFit::Applies && presented.discount.fen > 0;
        rows.append(row);
    }
    for (const GivenCoupon &given : m_session.givenCoupons()) {
        CouponModel::Row row;
        row.given = true;
        // Read, not verified: the pool's codes are the chain's own.
        const CouponCheck read = checkCouponCode(given.code, {}, 0);
        const QString what =
            read.verdict == CouponCheck::Verdict::Malformed
                ? tr("coupon #%1").arg(given.id)
                : MemberTexts::couponTitle(read.coupon, read.coupon.kind == Coupon::Kind::Item
                                                            ? itemName(read.coupon.sku)
                                                            : QString());
        row.title = tr("Given: %1").arg(what);
        row.effect = tr("for the next visit");
        rows.append(row);
    }
    m_coupons.setRows(std::move(rows));
    emit memberChanged();
}

void CashierController::retranslate()
{
    m_coupons.setRows({}); // the same rows in other words: views must read them again
    refreshMember();
}

// Whether the session announces a member change by cartChanged or not, the strip follows it.
bool CashierController::identifyMember(const QString &phone)
{
    const bool identified = done(m_session.identifyMember(phone));
    refreshMember();
    if (!identified)
        return false;
    setMessage(tr("Member: %1 · %2").arg(memberName(), memberTier()), false);
    return true;
}

bool CashierController::joinMember(const QString &phone)
{
    const bool joined = done(m_session.joinMember(phone, MemberTexts::consentText()));
    refreshMember();
    if (!joined)
        return false;
    setMessage(tr("Member: %1 · %2").arg(memberName(), memberTier()), false);
    return true;
}

void CashierController::removeMember()
{
    if (!m_session.member())
        return;
    const bool removed = done(m_session.removeMember());
    refreshMember();
    if (removed)
        setMessage(tr("The member was taken off this sale."), false);
}

void CashierController::toggleRedeemPoints()
{
    if (!m_session.member()) {
        setMessage(tr("No member in this sale: F6 looks one up by phone."), true);
        return;
    }
    done(m_session.setRedeemPoints(!m_session.redeemingPoints()));
    refreshMember();
}

void CashierController::removeCoupon(int row)
{
    if (row < 0 || row >= m_session.coupons().size())
        return;
    const bool removed = done(m_session.removeCoupon(row));
    refreshMember();
    if (removed)
        setMessage(tr("Coupon taken off; it can be used another time."), false);
}

void CashierController::removeLastCoupon()
{
    if (m_session.coupons().isEmpty()) {
        setMessage(tr("No coupon to take off."), true);
        return;
    }
    removeCoupon(int(m_session.coupons().size()) - 1);
}

void CashierController::giveCoupon()
{
    if (!m_giveCampaign) {
        setMessage(tr("No face-to-face coupons are set up at this till."), true);
        return;
    }
    const bool given = done(m_session.giveCoupon(*m_giveCampaign));
    refreshMember();
    if (given) {
        const auto &coupons = m_session.givenCoupons();
        setMessage(
            tr("Coupon #%1 given with this sale.").arg(coupons.isEmpty() ? 0 : coupons.last().id),
            false);
    }
}

void CashierController::setGiveCampaign(std::optional<quint32> campaign)
{
    m_giveCampaign = campaign;
    emit memberChanged();
}

} // namespace smartpos
