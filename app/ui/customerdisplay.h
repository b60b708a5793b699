#pragma once

#include "core/money.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

namespace smartpos {

class CheckoutService;
struct Sale;

// The one state model behind the customer-facing screen:
// idle (attract loop) → cart (every line, total) → payment (amount due) → thanks (change) → idle.
// It shows only what the cashier has confirmed: lines in the cart and committed sales.
class CustomerDisplay : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString totalText READ totalText NOTIFY totalsChanged)
    Q_PROPERTY(int articleCount READ articleCount NOTIFY totalsChanged)
    Q_PROPERTY(QString paidText READ paidText NOTIFY stateChanged)
    Q_PROPERTY(QString receivedText READ receivedText NOTIFY stateChanged)
    Q_PROPERTY(QString changeText READ changeText NOTIFY stateChanged)
    Q_PROPERTY(QString storeName READ storeName CONSTANT)
    Q_PROPERTY(QStringList attractImages READ attractImages CONSTANT)
public:
    enum class State { Idle, Cart, Payment, Thanks };
    Q_ENUM(State)

    CustomerDisplay(CheckoutService &checkout, QString storeName, QObject *parent = nullptr);

    State state() const { return m_state; }
    QString totalText() const;
    int articleCount() const;
    QString paidText() const { return m_paid.toString(); }
    QString receivedText() const { return m_received.toString(); }
    QString changeText() const { return m_change.toString(); }
    const QString &storeName() const { return m_storeName; }
    const QStringList &attractImages() const { return m_attractImages; }

    void setPaymentPending(bool pending);
    // How long "thank you" stays before the attract loop (default 20 s).
    void setThanksDurationMs(int ms) { m_thanksTimer.setInterval(ms); }

signals:
    void stateChanged();
    void totalsChanged();

private:
    void setState(State state);
    void onCartChanged();
    void onSaleCompleted(const Sale &sale);

    CheckoutService &m_checkout;
    QString m_storeName;
    QStringList m_attractImages;
    State m_state = State::Idle;
    Money m_paid;
    Money m_received;
    Money m_change;
    QTimer m_thanksTimer;
};

} // namespace smartpos
