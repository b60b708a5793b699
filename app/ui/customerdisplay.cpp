#include "customerdisplay.h"

#include "core/member.h"
#include "membertexts.h"
#include "services/salesession.h"

#include <QDir>
#include <QUrl>

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

CustomerDisplay::CustomerDisplay(SaleSession &session, QString storeName, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_storeName(std::move(storeName))
    , m_attractImages(listAttractImages())
    , m_joinUrl(QStringLiteral("https://member.example/join?store=")
                + QString::fromLatin1(QUrl::toPercentEncoding(m_storeName)))
{
    m_thanksTimer.setSingleShot(true);
    m_thanksTimer.setInterval(20'000);
    connect(&m_thanksTimer, &QTimer::timeout, this, [this] {
        m_thanksShown = true;
        emit stateChanged();
    });
    m_noticeTimer.setSingleShot(true);
    m_noticeTimer.setInterval(6'000);
    connect(&m_noticeTimer, &QTimer::timeout, this, [this] { showNotice({}); });
    connect(&session, &SaleSession::stateChanged, this, &CustomerDisplay::onSessionStateChanged);
    connect(&session, &SaleSession::cartChanged, this, [this] {
        emit saleChanged();
        emit memberChanged();
        emit stateChanged(); // a member identified or removed moves between Cart and Member
    });
    connect(&session, &SaleSession::customerNotice, this, [this](const QString &message) {
        if (!message.isEmpty())
            showNotice(message);
    });
}

CustomerDisplay::State CustomerDisplay::state() const
{
    switch (m_session.state()) {
    case SaleSession::State::Idle:
        return m_session.member() ? State::Member : State::Idle;
    case SaleSession::State::Scanning:
        return m_session.member() ? State::Member : State::Cart;
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
    // A number half typed, or a word about a code, does not stay for the next customer.
    if (m_session.state() == SaleSession::State::Idle
        || m_session.state() == SaleSession::State::Paid) {
        clearKeypad();
        showNotice({});
    }
    emit saleChanged();
    emit memberChanged();
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

bool CustomerDisplay::hasMember() const
{
    return m_session.member().has_value();
}

QString CustomerDisplay::greeting() const
{
    const auto &member = m_session.member();
    if (!member)
        return {};
    const QString name =
        member->member.name.isEmpty() ? member->member.maskedPhone() : member->member.maskedName();
    return tr("Hello, %1").arg(name);
}

QString CustomerDisplay::memberTier() const
{
    const auto &member = m_session.member();
    return member ? MemberTexts::tierName(member->member.tier) : QString();
}

QString CustomerDisplay::memberPointsText() const
{
    const auto &member = m_session.member();
    return member ? MemberTexts::points(member->availablePoints) : QString();
}

bool CustomerDisplay::memberBirthday() const
{
    const auto &member = m_session.member();
    return member && member->birthday;
}

QString CustomerDisplay::earnText() const
{
    if (!m_session.member())
        return {};
    const auto &paid = m_session.lastPaid();
    if (paid && paid->sale.member)
        return tr("You earned %1").arg(MemberTexts::points(paid->sale.member->pointsEarned));
    return tr("You earn %1 with this sale").arg(MemberTexts::points(m_session.pointsToEarn()));
}

QString CustomerDisplay::redeemText() const
{
    const auto &paid = m_session.lastPaid();
    if (paid) {
        if (!paid->sale.member || paid->sale.member->pointsRedeemed == 0)
            return {};
        return tr("You paid with %1").arg(MemberTexts::points(paid->sale.member->pointsRedeemed));
    }
    if (!m_session.member() || !m_session.redeemingPoints())
        return {};
    const PointsRedemption used = m_session.redemption();
    return tr("%1 pay ¥%2", "points").arg(MemberTexts::points(used.points), used.amount.toString());
}

QString CustomerDisplay::balanceText() const
{
    const auto &paid = m_session.lastPaid();
    if (!paid || !paid->sale.member)
        return {};
    return tr("Your points: %1").arg(MemberTexts::points(paid->sale.member->pointsBalance));
}

void CustomerDisplay::setJoinUrl(const QString &url)
{
    if (url == m_joinUrl)
        return;
    m_joinUrl = url;
    emit joinUrlChanged();
}

QString CustomerDisplay::consentText() const
{
    return MemberTexts::consentText();
}

QString CustomerDisplay::phoneText() const
{
    // 138 1234 5678, as people read a mobile number.
    QString text = m_phone;
    if (text.size() > 7)
        text.insert(7, u' ');
    if (text.size() > 3)
        text.insert(3, u' ');
    return text;
}

void CustomerDisplay::setConsent(bool consent)
{
    if (consent == m_consent)
        return;
    m_consent = consent;
    emit keypadChanged();
}

bool CustomerDisplay::canSignIn() const
{
    return m_phone.size() == phoneDigits && canonicalPhone(m_phone).has_value();
}

void CustomerDisplay::pressDigit(int digit)
{
    if (digit < 0 || digit > 9 || m_phone.size() >= phoneDigits)
        return;
    m_phone += QChar(u'0' + digit);
    emit keypadChanged();
}

void CustomerDisplay::deleteDigit()
{
    if (m_phone.isEmpty())
        return;
    m_phone.chop(1);
    emit keypadChanged();
}

void CustomerDisplay::clearKeypad()
{
    if (m_phone.isEmpty() && !m_consent)
        return;
    m_phone.clear();
    m_consent = false;
    emit keypadChanged();
}

bool CustomerDisplay::submitted(bool ok, const QString &error, bool notFound)
{
    emit memberChanged();
    emit stateChanged();
    if (ok) {
        clearKeypad();
        return true;
    }
    emit refused(error);
    showNotice(notFound ? tr("This number is not a member yet. Tick the box and tap Join.")
                        : tr("That did not work. The cashier can help."));
    return false;
}

bool CustomerDisplay::signIn()
{
    if (!canSignIn())
        return false;
    const Status status = m_session.identifyMember(m_phone);
    return submitted(status.ok(), status ? QString() : status.error().message,
                     !status && status.error().code == ErrorCode::NotFound);
}

bool CustomerDisplay::join()
{
    if (!canJoin())
        return false;
    const Status status = m_session.joinMember(m_phone, MemberTexts::consentText());
    if (status)
        showNotice(tr("Welcome! You earn points with this sale."));
    return submitted(status.ok(), status ? QString() : status.error().message, false);
}

void CustomerDisplay::showNotice(const QString &text)
{
    if (text.isEmpty())
        m_noticeTimer.stop();
    else
        m_noticeTimer.start();
    if (text == m_notice)
        return;
    m_notice = text;
    emit noticeChanged();
}

void CustomerDisplay::retranslate()
{
    emit memberChanged();
}

} // namespace smartpos
