#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

namespace smartpos {

class SaleSession;

// The one state model behind the customer-facing screen, derived from the sale session:
// idle (attract loop) → cart (every line, total) → payment (amount due) → thanks (change) → idle.
// It shows only what the cashier has confirmed: lines in the cart and committed sales. The only
// state of its own is whether "thank you" has been shown long enough.
class CustomerDisplay : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString totalText READ totalText NOTIFY saleChanged)
    Q_PROPERTY(int articleCount READ articleCount NOTIFY saleChanged)
    Q_PROPERTY(QString receivedText READ receivedText NOTIFY saleChanged)
    Q_PROPERTY(QString changeText READ changeText NOTIFY saleChanged)
    Q_PROPERTY(QString storeName READ storeName CONSTANT)
    Q_PROPERTY(QStringList attractImages READ attractImages CONSTANT)
public:
    enum class State { Idle, Cart, Payment, Thanks };
    Q_ENUM(State)

    CustomerDisplay(const SaleSession &session, QString storeName, QObject *parent = nullptr);

    State state() const;
    // The sale in progress, or the one just paid.
    QString totalText() const;
    int articleCount() const;
    QString receivedText() const;
    QString changeText() const;
    const QString &storeName() const { return m_storeName; }
    const QStringList &attractImages() const { return m_attractImages; }

    // How long "thank you" stays before the attract loop (default 20 s).
    void setThanksDurationMs(int ms) { m_thanksTimer.setInterval(ms); }

signals:
    void stateChanged();
    void saleChanged();

private:
    void onSessionStateChanged();

    const SaleSession &m_session;
    QString m_storeName;
    QStringList m_attractImages;
    bool m_thanksShown = false;
    QTimer m_thanksTimer;
};

} // namespace smartpos
