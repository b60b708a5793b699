// The cashier window with the chain's cloud: the real windows of an enrolled till and a real
// smartpos-cloud on loopback. A sale reaches the cloud by itself within seconds and the header
// says "all sent"; with the cloud gone the next sale waits and the header says so; a server with
// another certificate is refused and a red strip tells the cashier to call the manager.
#include "adminrun.h"
#include "cloudprocess.h"
#include "ledger/catalogstore.h"
#include "services/salesession.h"
#include "tillapp.h"
#include "ui/cashiercontroller.h"
#include "ui/language.h"
#include "ui/syncindicator.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

using namespace smartpos;
using namespace smartpos::testing;
using namespace Qt::StringLiterals;

class TestSyncWindow : public QObject {
    Q_OBJECT

    QTemporaryDir root;
    QString data = root.filePath(u"data"_s);
    QString keys = root.filePath(u"keys"_s);
    std::unique_ptr<CloudProcess> cloud;
    std::unique_ptr<TillApp> till;

    QQuickWindow *cashierWindow() const { return till->cashierWindow(); }
    SyncIndicator &indicator() const { return *till->syncIndicator(); }

    // The text of the visible item named `objectName` (empty when there is none).
    static QString visibleText(QQuickItem *item, const QString &objectName)
    {
        if (!item->isVisible())
            return {};
        if (item->objectName() == objectName)
            return item->property("text").toString();
        for (QQuickItem *child : item->childItems())
            if (const QString text = visibleText(child, objectName); !text.isEmpty())
                return text;
        return {};
    }
    QString header() const { return visibleText(cashierWindow()->contentItem(), u"syncSummary"_s); }
    QString banner() const
    {
        return visibleText(cashierWindow()->contentItem(), u"syncBanner"_s).isEmpty()
                   ? QString()
                   : indicator().problem();
    }

    AdminRun admin(const QStringList &args) const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"SMARTPOS_KEY_DIR"_s, keys);
        return runAdmin(data, args, environment);
    }

    void screenshot(const QString &name)
    {
        const QString shots = qEnvironmentVariable("SMARTPOS_SCREENSHOT_DIR");
        if (shots.isEmpty())
            return;
        QDir().mkpath(shots);
        QTest::qWait(50);
        cashierWindow()->grabWindow().save(shots + u"/cashier-sync-"_s + name + u".png"_s);
    }

    void sellCola()
    {
        for (const QChar c : u"6928804995534"_s)
            QTest::keyClick(cashierWindow(), c.toLatin1());
        QTest::keyClick(cashierWindow(), Qt::Key_Return);
        QTRY_COMPARE(till->session()->basket().total.fen, 300);
        QTest::keyClick(cashierWindow(), Qt::Key_F12);
        QTRY_VERIFY(till->cashier()->paymentOpen());
        QTest::keyClick(cashierWindow(), Qt::Key_F5); // exact amount
        QTRY_VERIFY(till->cashier()->showingPaid());
    }

    qint64 salesInCloud() const
    {
        const CloudRun stats = cloud->admin({u"stats"_s, u"--json"_s});
        qint64 sales = 0;
        for (const QJsonValue &row : QJsonDocument::fromJson(stats.lastLine().toUtf8())
                                         .object()
                                         .value(u"applied"_s)
                                         .toArray())
            if (row[u"kind"_s].toString() == u"sale")
                sales += row[u"applied"_s].toInteger();
        return sales;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(QDir().mkpath(data));
        CatalogStore catalog;
        QVERIFY(catalog.open(data).ok());
        QVERIFY(catalog.importCsv(QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-catalog.csv"))
                    .ok);
        cloud = std::make_unique<CloudProcess>(root.filePath(u"cloud"_s),
                                               root.filePath(u"cloud/cloud.db"_s));
        QString why;
        QVERIFY2(cloud->start(&why), qPrintable(why));
        const AdminRun enrolled =
            admin({u"enroll"_s, cloud->url().toString(), cloud->pairingCode(u"Store 1"_s)});
        QVERIFY2(enrolled.exitCode == 0, qPrintable(enrolled.err));
    }

    void cleanupTestCase()
    {
        till.reset();
        cloud.reset();
    }

    void aSaleReachesTheCloudByItself()
    {
        till = std::make_unique<TillApp>();
        QString error;
        QVERIFY2(till->start({data, keys, u"en"_s, false, {}}, &error), qPrintable(error));
        QVERIFY(QTest::qWaitForWindowExposed(cashierWindow()));
        cashierWindow()->resize(1024, 768);
        QTRY_COMPARE(QGuiApplication::focusWindow(), cashierWindow());
        QVERIFY(indicator().enrolled());
        QTRY_VERIFY(indicator().online());
        sellCola();
        // Pushed within seconds of the sale, without anyone asking.
        QTRY_COMPARE_WITH_TIMEOUT(salesInCloud(), 1, 10000);
        QTRY_COMPARE(indicator().pending(), 0);
        QTRY_VERIFY(header().startsWith(u"Cloud online · all sent · last sync "_s));
        QVERIFY(banner().isEmpty());
        screenshot(u"online-en"_s);
    }

    void offlineSalesWaitAndTheHeaderSaysSo()
    {
        cloud->stop();
        QTest::keyClick(cashierWindow(), Qt::Key_Return); // the next sale
        sellCola();
        QTRY_VERIFY_WITH_TIMEOUT(!indicator().online(), 10000);
        QTRY_COMPARE(indicator().pending(), 1);
        QVERIFY2(header().startsWith(u"Offline · 1 waiting · last sync "_s), qPrintable(header()));
        QVERIFY(banner().isEmpty()); // offline is no fault: sales go on
        till->language()->apply(u"zh_CN"_s);
        QTRY_VERIFY(header().startsWith(u"离线"_s));
        screenshot(u"offline-zh_CN"_s);
        till->language()->apply(u"en"_s);
    }

    void anotherCertificateIsRefusedAndShown()
    {
        // Someone puts another server where the cloud was.
        CloudProcess impostor(root.filePath(u"impostor"_s), root.filePath(u"impostor/cloud.db"_s));
        QString why;
        QVERIFY2(impostor.start(&why), qPrintable(why));
        till.reset(); // the address is read at start
        QCOMPARE(admin({u"sync"_s, u"set-url"_s, impostor.url().toString()}).exitCode, 0);
        till = std::make_unique<TillApp>();
        QString error;
        QVERIFY2(till->start({data, keys, u"en"_s, false, {}}, &error), qPrintable(error));
        QVERIFY(QTest::qWaitForWindowExposed(cashierWindow()));
        QTRY_VERIFY_WITH_TIMEOUT(!banner().isEmpty(), 10000);
        QVERIFY2(banner().contains(u"not the cloud this till enrolled with"_s),
                 qPrintable(banner()));
        QCOMPARE(indicator().pending(), 1); // nothing went to the impostor
        const CloudRun stats = impostor.admin({u"stats"_s, u"--json"_s});
        QVERIFY(QJsonDocument::fromJson(stats.lastLine().toUtf8())
                    .object()
                    .value(u"applied"_s)
                    .toArray()
                    .isEmpty());
        screenshot(u"wrong-certificate-en"_s);
    }
};

QTEST_MAIN(TestSyncWindow)
#include "tst_syncwindow.moc"
