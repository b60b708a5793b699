#include "customerdisplay.h"

#include "services/checkoutservice.h"

#include <QDir>

namespace smartpos {

namespace {
QStringList listAttractImages()
{
    QStringList urls;
    const QDir dir(QStringLiteral(":/resources/attract"));
    for (const QString &name : dir.entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name))
        urls.append(QStringLiteral("qrc:/resources/attract/") + name);
    return urls;
}
} // namespace

CustomerDisplay::CustomerDisplay(CheckoutService &checkout, QString storeName, QObject *parent)
    : QObject(parent)
    , m_checkout(checkout)
    , m_storeName(std::move(storeName))
    , m_attractImages(listAttractImages())
{
    m_thanksTimer.setSingleShot(true);
    m_thanksTimer.setInterval(20'000);
    connect(&m_thanksTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::Thanks)
            setState(State::Idle);
    });
    connect(&checkout, &CheckoutService::cartChanged, this, &CustomerDisplay::onCartChanged);
    connect(&checkout, &CheckoutService::saleCompleted, this, &CustomerDisplay::onSaleCompleted);
}

QString CustomerDisplay::totalText() const
{
    return m_checkout.cart().total().toString();
}

int CustomerDisplay::articleCount() const
{
    return int(m_checkout.cart().articleCount());
}

void CustomerDisplay::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    if (state == State::Thanks)
        m_thanksTimer.start();
    emit stateChanged();
}

void CustomerDisplay::setPaymentPending(bool pending)
{
    if (pending && !m_checkout.cart().isEmpty())
        setState(State::Payment);
    else if (!pending && m_state == State::Payment)
        setState(m_checkout.cart().isEmpty() ? State::Idle : State::Cart);
}

void CustomerDisplay::onCartChanged()
{
    emit totalsChanged();
    if (!m_checkout.cart().isEmpty())
        setState(State::Cart);
    else if (m_state != State::Thanks)
        setState(State::Idle);
}

void CustomerDisplay::onSaleCompleted(const Sale &sale)
{
    m_paid = sale.total;
    m_received = sale.tenders.isEmpty() ? sale.total : sale.tenders.first().received;
    m_change = sale.tenders.isEmpty() ? Money() : sale.tenders.first().change;
    m_state = State::Idle; // make sure the change of figures is announced
    setState(State::Thanks);
}

} // namespace smartpos
