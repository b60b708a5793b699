#include "polefeed.h"

#include "printer/escpos.h"
#include "services/salesession.h"

namespace smartpos {

PoleFeed::PoleFeed(const SaleSession &session, QString storeName, Measure columnsOf,
                   QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_storeName(std::move(storeName))
    , m_columnsOf(std::move(columnsOf))
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

// At most `columns` columns of `text`: cut at a word (or between Chinese characters) where
// possible, else before the first character that does not fit.
QString PoleFeed::cut(const QString &text, int columns) const
{
    QString kept = escpos::wrapColumns(text, qMax(columns, 1)).value(0);
    while (!kept.isEmpty() && m_columnsOf(kept) > columns)
        kept.chop(kept.back().isLowSurrogate() ? 2 : 1);
    return kept;
}

// `label` and `amount` on one line, the amount whole at the right.
QString PoleFeed::labelAndAmount(const QString &label, Money amount) const
{
    const QString shown = u'¥' + amount.toString();
    const int amountColumns = m_columnsOf(shown);
    const QString kept = cut(label, columns - amountColumns - 1);
    const int gap = qMax(columns - m_columnsOf(kept) - amountColumns, 1);
    return kept + QString(gap, u' ') + shown;
}

PoleText PoleFeed::compose() const
{
    const QString total = labelAndAmount(say("合计", "TOTAL"), m_session.total());
    switch (m_session.state()) {
    case SaleSession::State::Idle:
        return {cut(m_storeName, columns), say("欢迎光临", "Welcome")};
    case SaleSession::State::Scanning: {
        const Cart &cart = m_session.cart();
        const int line = cart.lastChangedLine();
        if (line < 0 || line >= cart.lines().size())
            return {QString(), total};
        const CartLine &item = cart.lines().at(line);
        return {labelAndAmount(item.product.name(m_chinese), item.total()), total};
    }
    case SaleSession::State::Tendering:
        return {total, say("请付款", "Please pay")};
    case SaleSession::State::Paid: {
        const PaidSale &paid = *m_session.lastPaid();
        return {labelAndAmount(say("收款", "PAID"), paid.received()),
                labelAndAmount(say("找零", "CHANGE"), paid.change())};
    }
    }
    return {};
}

} // namespace smartpos
