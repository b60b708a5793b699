// The cloud's state in the cashier window's header (app/ui/syncindicator.h).
#include "ui/syncindicator.h"

#include <QSignalSpy>
#include <QTest>

using namespace smartpos;
using namespace Qt::StringLiterals;

class TestSyncIndicator : public QObject {
    Q_OBJECT
private slots:
    void hiddenUntilEnrolled();
    void saysOnlineWaitingAndLastSync();
    void anOlderSyncNamesItsDay();
    void changesOnlyWhenSomethingChanged();
};

namespace {
QDateTime localAt(int day, int hour, int minute)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, minute)).toUTC();
}
} // namespace

void TestSyncIndicator::hiddenUntilEnrolled()
{
    ManualClock clock(localAt(24, 10, 0));
    SyncIndicator indicator(clock);
    indicator.setStatus(true, 3, localAt(24, 9, 58), {});
    QVERIFY(!indicator.enrolled());
    QCOMPARE(indicator.summary(), QString());
    indicator.setEnrolled(true);
    QVERIFY(!indicator.summary().isEmpty());
}

void TestSyncIndicator::saysOnlineWaitingAndLastSync()
{
    ManualClock clock(localAt(24, 10, 0));
    SyncIndicator indicator(clock);
    indicator.setEnrolled(true);
    QCOMPARE(indicator.summary(), u"Cloud: connecting…"_s);
    indicator.setStatus(false, 0, {}, {});
    QCOMPARE(indicator.summary(), u"Offline · all sent · never synced"_s);
    indicator.setStatus(true, 0, localAt(24, 9, 58), {});
    QCOMPARE(indicator.summary(), u"Cloud online · all sent · last sync 09:58"_s);
    indicator.setStatus(false, 12, localAt(24, 9, 58), u"The cloud refused this till."_s);
    QCOMPARE(indicator.summary(), u"Offline · 12 waiting · last sync 09:58"_s);
    QCOMPARE(indicator.problem(), u"The cloud refused this till."_s);
    QVERIFY(!indicator.online());
    QCOMPARE(indicator.pending(), 12);
}

void TestSyncIndicator::anOlderSyncNamesItsDay()
{
    ManualClock clock(localAt(24, 10, 0));
    SyncIndicator indicator(clock);
    indicator.setEnrolled(true);
    indicator.setStatus(false, 40, localAt(22, 18, 5), {});
    QCOMPARE(indicator.summary(), u"Offline · 40 waiting · last sync 11-22 18:05"_s);
}

void TestSyncIndicator::changesOnlyWhenSomethingChanged()
{
    ManualClock clock(localAt(24, 10, 0));
    SyncIndicator indicator(clock);
    QSignalSpy changed(&indicator, &SyncIndicator::changed);
    indicator.setEnrolled(true);
    indicator.setStatus(true, 1, localAt(24, 9, 0), {});
    indicator.setStatus(true, 1, localAt(24, 9, 0), {});
    indicator.setEnrolled(true);
    QCOMPARE(changed.count(), 2);
    // The first word from the client counts even when it says what was assumed.
    SyncIndicator fresh(clock);
    QSignalSpy heard(&fresh, &SyncIndicator::changed);
    fresh.setStatus(false, 0, {}, {});
    QCOMPARE(heard.count(), 1);
}

QTEST_GUILESS_MAIN(TestSyncIndicator)
#include "tst_syncindicator.moc"
