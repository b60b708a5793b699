#pragma once

#include "core/cart.h"
#include "core/clock.h"
#include "core/pricing.h"
#include "core/result.h"
#include "core/sale.h"
#include "core/storerules.h"
#include "scanresolver.h"

#include <QObject>
#include <QTimeZone>

#include <optional>

namespace smartpos {

class CatalogStore;
class Ledger;

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

    // A code from any scanner or typed by the cashier; the changed cart line on success.
    Result<int> scan(QStringView code);
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
    void noSaleRecorded(qint64 seq);

private:
    Result<int> scanned(QStringView code);
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
};

} // namespace smartpos
