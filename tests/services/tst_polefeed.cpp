// What the pole display shows through a sale, as a customer reads it: welcome, each item with its
// amount and the running total, the total to pay, then paid and change; Chinese and English;
// never more than 20 columns, the amount never cut.
#include "demoshop.h"
#include "ledger/catalogstore.h"
#include "ledger/ledger.h"
#include "printer/escpos.h"
#include "services/polefeed.h"
#include "services/salesession.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {
const QString cola = u"6928804995534"_s;      // 可口可乐 330ml 罐装, ¥3.00
const QString dumplings = u"6932516911126"_s; // 湾仔码头 玉米猪肉水饺 480g, ¥32.90

// Independently of the feed: left and right on one line of 20 columns.
QString row(const QString &left, const QString &right)
{
    const int free =
        PoleFeed::columns - escpos::displayColumns(left) - escpos::displayColumns(right);
    return left + QString(free, u' ') + right;
}
} // namespace

class TestPoleFeed : public QObject, protected testing::DemoShop {
    Q_OBJECT

    void verifyFits(const PoleText &text)
    {
        for (const QString &line : {text.upper, text.lower})
            QVERIFY2(escpos::displayColumns(line) <= PoleFeed::columns, qPrintable(line));
    }

private slots:
    void init() { openShop(QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC)); }
    void cleanup() { closeShop(); }

    void englishThroughASale()
    {
        PoleFeed feed(*m_session, u"SmartPOS 便利店 Century Avenue"_s, escpos::displayColumns);
        QSignalSpy changed(&feed, &PoleFeed::textChanged);
        QCOMPARE(feed.text(), (PoleText{u"SmartPOS 便利店"_s, u"Welcome"_s}));

        QVERIFY(m_session->scan(cola));
        QCOMPARE(feed.text(),
                 (PoleText{row(u"Coca-Cola Can"_s, u"¥3.00"_s), row(u"TOTAL"_s, u"¥3.00"_s)}));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.last().at(0).toString(), feed.text().upper);

        // "Wanchai Ferry Pork & Corn Dumplings 480g" is cut at a word to leave room for the amount.
        QVERIFY(m_session->scan(dumplings));
        QCOMPARE(feed.text(),
                 (PoleText{row(u"Wanchai Ferry"_s, u"¥32.90"_s), row(u"TOTAL"_s, u"¥35.90"_s)}));

        QVERIFY(m_session->beginTender());
        QCOMPARE(feed.text(), (PoleText{row(u"TOTAL"_s, u"¥35.90"_s), u"Please pay"_s}));
        QVERIFY(m_session->payCash(Money::fromYuan(50)));
        QCOMPARE(feed.text(),
                 (PoleText{row(u"PAID"_s, u"¥50.00"_s), row(u"CHANGE"_s, u"¥14.10"_s)}));
        m_session->startNextSale();
        QCOMPARE(feed.text().lower, u"Welcome"_s);
    }

    void chineseCountsTwoColumnsACharacter()
    {
        PoleFeed feed(*m_session, u"SmartPOS 便利店"_s, escpos::displayColumns);
        feed.setChinese(true);
        QCOMPARE(feed.text().lower, u"欢迎光临"_s);
        QVERIFY(m_session->scan(dumplings));
        const PoleText text = feed.text();
        verifyFits(text);
        // Cut between Chinese characters: 湾仔码头 玉米 fills the 13 columns the amount leaves.
        QCOMPARE(text.upper, row(u"湾仔码头 玉米"_s, u"¥32.90"_s));
        QCOMPARE(text.lower, row(u"合计"_s, u"¥32.90"_s));
    }

    void wideYenOnAChineseDisplay()
    {
        // A Chinese display shows ¥ as the fullwidth ￥, two columns: the lines still fit.
        const auto chineseDisplay = [](QStringView text) {
            return escpos::displayColumns(text) + int(text.count(u'¥'));
        };
        PoleFeed feed(*m_session, u"Shop"_s, chineseDisplay);
        feed.setChinese(true);
        QVERIFY(m_session->scan(dumplings));
        const PoleText text = feed.text();
        QCOMPARE(chineseDisplay(text.upper), PoleFeed::columns);
        QVERIFY2(text.upper.endsWith(u" ¥32.90"_s), qPrintable(text.upper));
        QCOMPARE(text.lower, u"合计"_s + QString(9, u' ') + u"¥32.90"_s);
    }

    void amountNearTheLimitStaysWhole()
    {
        // A large amount: the label gives way, the amount does not.
        PoleFeed feed(*m_session, u"Shop"_s, escpos::displayColumns);
        QVERIFY(m_session->scan(cola));
        QVERIFY(m_session->setQuantity(0, 999));
        const PoleText text = feed.text();
        QVERIFY2(text.upper.endsWith(u"¥2997.00"_s), qPrintable(text.upper));
        verifyFits(text);
    }

    void sameTextIsNotSentAgain()
    {
        PoleFeed feed(*m_session, u"Shop"_s, escpos::displayColumns);
        QSignalSpy changed(&feed, &PoleFeed::textChanged);
        feed.setChinese(false); // nothing changes
        QCOMPARE(changed.size(), 0);
        feed.setChinese(true);
        QCOMPARE(changed.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPoleFeed)
#include "tst_polefeed.moc"
