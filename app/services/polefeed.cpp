#include "polefeed.h"

#include "printer/escpos.h"
#include "services/salesession.h"

namespace smartpos {

namespace {

// `label` and `amount` on one line: the label cut at a word (or between characters) so the
// amount fits whole at the right.
QString labelAndAmount(const QString &label, const QString &amount)
{
    const int room = PoleFeed::columns - escpos::displayColumns(amount) - 1;
    const QStringList rows = escpos::wrapColumns(label, qMax(room, 1));
    return escpos::leftRight(rows.value(0), amount, PoleFeed::columns).constLast();
}

QString yuan(Money money)
{
    return u'¥' + money.toString();
}

} // namespace

PoleFeed::PoleFeed(const SaleSession &session, QString storeName, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_storeName(std::move(storeName))
{
    connect(&session, &SaleSession::cartChanged, this, &PoleFeed::update);
    connect(&session, &SaleSession::stateChanged, this, &PoleFeed::update);
    m_text = compose();
}

void PoleFeed::setChinese(bool chinese)
{
    m_chinese = chinese;
    update();
}

void PoleFeed::update()
{
    const PoleText next = compose();
    if (next == m_text)
        return;
    m_text = next;
    emit textChanged(m_text.upper, m_text.lower);
}

QString PoleFeed::say(const char *chinese, const char *english) const
{
    return QString::fromUtf8(m_chinese ? chinese : english);
}

PoleText PoleFeed::compose() const
{
    const QString total = labelAndAmount(say("合计", "TOTAL"), yuan(m_session.total()));
    switch (m_session.state()) {
    case SaleSession::State::Idle:
        return {escpos::wrapColumns(m_storeName, columns).value(0), say("欢迎光临", "Welcome")};
    case SaleSession::State::Scanning: {
        const Cart &cart = m_session.cart();
        const int line = cart.lastChangedLine();
        if (line < 0 || line >= cart.lines().size())
            return {QString(), total};
        const CartLine &item = cart.lines().at(line);
        return {labelAndAmount(item.product.name(m_chinese), yuan(item.total())), total};
    }
    case SaleSession::State::Tendering:
        return {total, say("请付款", "Please pay")};
    case SaleSession::State::Paid: {
        const PaidSale &paid = *m_session.lastPaid();
        return {labelAndAmount(say("收款", "PAID"), yuan(paid.received())),
                labelAndAmount(say("找零", "CHANGE"), yuan(paid.change()))};
    }
    }
    return {};
}

} // namespace smartpos
