#pragma once

#include <QObject>
#include <QString>

#include "core/money.h"

#include <functional>

namespace smartpos {

class SaleSession;

// What the customer's pole display (two lines of 20 columns) shows of the sale at the till:
//   Idle       the store's name / 欢迎光临 Welcome
//   Scanning   the last item changed and its amount / 合计 TOTAL and the total
//   Tendering  合计 TOTAL / 请付款 Please pay
//   Paid       收款 PAID and what was handed over / 找零 CHANGE
// Chinese only where the display has Chinese characters and the till speaks Chinese; a name too
// long for its line is cut at a word (the amount always shows whole).
struct PoleText {
    QString upper;
    QString lower;
    bool operator==(const PoleText &) const = default;
};

class PoleFeed : public QObject {
    Q_OBJECT
public:
    static constexpr int columns = 20;

    // How many columns a text takes on the display (displays differ: ¥ is one column on one,
    // two on a Chinese one).
    using Measure = std::function<int(QStringView)>;

    PoleFeed(const SaleSession &session, QString storeName, Measure columnsOf,
             QObject *parent = nullptr);

    // Chinese text needs a display with Chinese characters (encoding gb18030) and a till set
    // to Chinese; otherwise the display gets English.
    void setChinese(bool chinese);
    PoleText text() const { return m_text; }

signals:
    void textChanged(const QString &upper, const QString &lower);

private:
    void update();
    PoleText compose() const;
    QString say(const char *chinese, const char *english) const;
    QString labelAndAmount(const QString &label, Money amount) const;
    QString cut(const QString &text, int columns) const;

    const SaleSession &m_session;
    QString m_storeName;
    Measure m_columnsOf;
    bool m_chinese = false;
    PoleText m_text;
};

} // namespace smartpos
