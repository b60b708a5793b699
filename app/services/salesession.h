#pragma once

#include "core/cart.h"
#include "core/clock.h"
#include "core/couponcode.h"
#include "core/loyalty.h"
#include "core/member.h"
#include "core/membercode.h"
#include "core/pricing.h"
#include "core/promotions.h"
#include "core/result.h"
#include "core/sale.h"
#include "core/storerules.h"
#include "couponpool.h"
#include "scanresolver.h"

#include <QObject>
#include <QTimeZone>

#include <optional>

namespace smartpos {

class CatalogStore;
class Ledger;
class MemberStore;

// The member a sale is for, once recognised by their member code or phone number.
struct SessionMember {
    Member member;                  // as members.db, or a sign-up at this till, knows them
    qint64 availablePoints = 0;     // the offline bound: last known balance − redeemed here since
    std::optional<qint64> codeStep; // the member code's step, when identified by one
    bool birthday = false;          // today, in the store's time zone
};

// A coupon presented for the sale in progress: authentic, not used before, for this member.
struct SessionCoupon {
    Coupon coupon;
    quint32 keyId = 0;
    Money discount = {}; // what it takes off the cart now; zero while it does not apply
    CouponFit fit = CouponFit::Applies; // why it does not apply (yet)
};

// A sale that is paid and durable in the ledger.
struct PaidSale {
    Sale sale;
    qint64 seq = 0; // its journal sequence number

    Money received() const; // what the customer handed over, all tenders
    Money change() const;
};

// The sale at the till, one at a time:
//
//   Idle ──scan──▶ Scanning ──beginTender──▶ Tendering ──pay──▶ Paid ──scan──▶ Scanning
//    ▲               │  ▲                        │                │
//    └─empty cart────┘  └──────cancelTender──────┘                └──startNextSale──▶ Idle
//
// It owns the cart and its priced basket, takes every scan (whichever scanner or field it comes
// from) and keeps the last paid sale until the next one starts. Whatever is refused comes back
// as an Error whose message is for the cashier, and changes nothing. Both screens observe this
// one object; the admin tool's simulator drives it too.
class SaleSession : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Scanning, Tendering, Paid };
    Q_ENUM(State)

    SaleSession(CatalogStore &catalog, Ledger &ledger, const Clock &clock, StoreRules rules,
                QObject *parent = nullptr);

    State state() const { return m_state; }
    const Cart &cart() const { return m_cart; }
    const PricedBasket &basket() const { return m_basket; }
    // Of the sale in progress, or of the one just paid while state() is Paid.
    Money total() const { return m_lastPaid ? m_lastPaid->sale.total : m_basket.total; }
    Money tax() const { return m_lastPaid ? m_lastPaid->sale.tax : m_basket.tax; }
    // Set while state() is Paid.
    const std::optional<PaidSale> &lastPaid() const { return m_lastPaid; }
    // The discounts and surcharges of the sale in progress, or of the one just paid, and what
    // they take off in all (the customer's "you saved").
    const QList<Adjustment> &adjustments() const
    {
        return m_lastPaid ? m_lastPaid->sale.adjustments : m_basket.adjustments;
    }
    Money saved() const;
    // Promotions run on the store's days and hours (default: the system's time zone).
    void setTimeZone(const QTimeZone &zone);
    // Promotions and other rules that price the cart; not owned, must outlive the session.
    void setPricingRules(QList<const PricingRule *> rules);

    // Members, member and coupon codes, points and face-to-face coupons: each optional, not
    // owned (must outlive the session). Without members no member can be identified; without
    // keys member and coupon codes are refused; without loyalty rules no points move.
    void setMembers(MemberStore *members);
    void setCodeKeys(QList<CouponKey> couponKeys, QByteArray memberSecret);
    void setLoyalty(std::optional<LoyaltyRules> rules);
    void setCouponPool(CouponPool *pool);

    // A code from any scanner or typed by the cashier: a product (the changed cart line on
    // success), a member code (identifies the member; -1) or a coupon code (applies it; -1).
    Result<int> scan(QStringView code);

    // The member of the sale in progress, or of the one just paid.
    const std::optional<SessionMember> &member() const { return m_member; }
    // The coupons presented for the sale in progress (or written off by the one just paid).
    const QList<SessionCoupon> &coupons() const { return m_coupons; }
    // The points this sale earns the member as it stands (the paid sale's once paid).
    qint64 pointsToEarn() const { return m_pointsToEarn; }
    // The points redeemed in this sale (zero unless redeemPoints is on), and the most that could
    // be.
    PointsRedemption redemption() const { return m_redemption; }
    PointsRedemption redeemable() const { return m_redeemable; }
    bool redeemingPoints() const { return m_redeemPoints; }
    // The face-to-face coupons handed out with the sale in progress (or the one just paid).
    QList<GivenCoupon> givenCoupons() const;

    // The member with this phone number (typed by the cashier or the customer).
    Status identifyMember(QStringView phone);
    // Signs up a new member at the till (the customer ticked consent to `consentText`): written to
    // the ledger at once (queued for the chain), then the sale is theirs. A phone that is already
    // a member's identifies that member instead.
    Status joinMember(QStringView phone, const QString &consentText);
    // The sale is no longer for this member; their member-bound coupons leave with them.
    Status removeMember();
    // Pay with as many of the member's points as the rules allow (on), or none.
    Status setRedeemPoints(bool on);
    // Takes a presented coupon off the sale: it is not written off and stays usable.
    Status removeCoupon(int index);
    // Hands the customer the next coupon of a campaign's pool (面对面送券).
    Status giveCoupon(quint32 campaign);
    Status addProduct(qint64 productId);
    Status setQuantity(int line, qint64 units);
    Status removeLine(int line);
    Status cancelSale();

    Status beginTender();
    Status cancelTender();
    // Commits the sale; the cart is kept (still Tendering) when it fails. Cash above the
    // limit is refused; change of MoneyLimits::confirmChange or more is refused as Unconfirmed
    // unless `confirmed`: the cashier confirms it deliberately.
    Status payCash(Money received, bool confirmed = false);
    // Paid → Idle: the paid sale leaves the screens.
    void startNextSale();

    // The drawer is opened without a sale; only when no sale is in progress.
    Result<qint64> recordNoSale();

signals:
    void stateChanged();
    void cartChanged();
    // Every scan that changed nothing, with the message for the cashier.
    void scanRefused(const QString &message);
    // What the customer screen tells the customer about their member or coupon code: friendly
    // words, never the cashier's reasons (empty: nothing to say).
    void customerNotice(const QString &message);
    void noSaleRecorded(qint64 seq);

private:
    Result<int> scanned(QStringView code);
    Result<int> memberScanned(QStringView code);
    Result<int> couponScanned(QStringView code);
    // A refusal of a member or coupon code: the cashier's reason, and the customer's words.
    Error refuseCode(ErrorCode code, const QString &forCashier, const QString &forCustomer);
    // Paid → Idle with nothing of the last customer left, before a code starts the next sale.
    void leavePaidSale();
    void leavePaidSaleForCode();
    Status setMember(Member member, std::optional<qint64> codeStep);
    // The refusal of a second member while the sale has one.
    Error anotherMember() const;
    // Drops the member, the coupons and the given coupons (back into the pool).
    void clearCustomer();
    PricingContext pricingContext() const;
    // The sale as it will be recorded: the basket's, plus member, points and coupons.
    Sale saleToRecord(const QList<Tender> &tenders) const;
    Status editable() const;
    Result<int> added(const CartEdit &edit);
    // Reprices the cart and moves to `next`; announces the cart, then the state.
    void changed(State next);
    void setState(State next);

    CatalogStore &m_catalog;
    Ledger &m_ledger;
    const Clock &m_clock;
    ScanResolver m_resolver;
    QList<const PricingRule *> m_rules;
    State m_state = State::Idle;
    Cart m_cart;
    PricedBasket m_basket;
    std::optional<PaidSale> m_lastPaid;
    QTimeZone m_timeZone = QTimeZone::systemTimeZone();

    MemberStore *m_members = nullptr;
    QList<CouponKey> m_couponKeys;
    QByteArray m_memberSecret;
    std::optional<LoyaltyRules> m_loyalty;
    CouponPool *m_pool = nullptr;

    std::optional<SessionMember> m_member;
    QList<SessionCoupon> m_coupons;
    QList<PooledCoupon> m_given; // taken from the pool for the sale in progress
    bool m_redeemPoints = false;
    PointsRedemption m_redemption;
    PointsRedemption m_redeemable;
    qint64 m_pointsToEarn = 0;
};

} // namespace smartpos
