#include "customerdisplay.h"

#include "services/salesession.h"

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

CustomerDisplay::CustomerDisplay(const SaleSession &session, QString storeName, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_storeName(std::move(storeName))
    , m_attractImages(listAttractImages())
{
    m_thanksTimer.setSingleShot(true);
    m_thanksTimer.setInterval(20'000);
    connect(&m_thanksTimer, &QTimer::timeout, this, [this] {
        m_thanksShown = true;
        emit stateChanged();
    });
    connect(&session, &SaleSession::stateChanged, this, &CustomerDisplay::onSessionStateChanged);
    connect(&session, &SaleSession::cartChanged, this, &CustomerDisplay::saleChanged);
}

CustomerDisplay::State CustomerDisplay::state() const
{
    switch (m_session.state()) {
    case SaleSession::State::Idle:
        return State::Idle;
    case SaleSession::State::Scanning:
        return State::Cart;
    case SaleSession::State::Tendering:
        return State::Payment;
    case SaleSession::State::Paid:
        return m_thanksShown ? State::Idle : State::Thanks;
    }
    return State::Idle;
}

void CustomerDisplay::onSessionStateChanged()
{
    m_thanksShown = false;
    if (m_session.state() == SaleSession::State::Paid)
        m_thanksTimer.start();
    else
        m_thanksTimer.stop();
    emit saleChanged();
    emit stateChanged();
}

QString CustomerDisplay::totalText() const
{
    return m_session.total().toString();
}

int CustomerDisplay::articleCount() const
{
    return int(m_session.cart().articleCount());
}

QString CustomerDisplay::receivedText() const
{
    const auto &paid = m_session.lastPaid();
    return paid ? paid->received().toString() : QString();
}

QString CustomerDisplay::changeText() const
{
    const auto &paid = m_session.lastPaid();
    return paid ? paid->change().toString() : QString();
}

} // namespace smartpos
