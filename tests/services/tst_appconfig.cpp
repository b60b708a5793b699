// smartpos.ini as a store manager edits it: the limits and scale-label layouts it sets, and what
// a value that is not valid does (the default stays, never a zero or a wrapped-around limit).
#include "services/appdata.h"

#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {

AppConfig loadWith(const QTemporaryDir &dir, const QByteArray &ini)
{
    QFile file(QDir(dir.path()).filePath(u"smartpos.ini"_s));
    if (!file.open(QIODevice::WriteOnly) || file.write(ini) != ini.size())
        qFatal("cannot write smartpos.ini");
    file.close();
    return AppConfig::load(dir.path());
}

} // namespace

class TestAppConfig : public QObject {
    Q_OBJECT

private slots:
    void defaults();
    void limits_data();
    void limits();
    void markdownLayout();
    void fileKeptPrivate();
    void devices();
};

void TestAppConfig::defaults()
{
    QTemporaryDir dir;
    const AppConfig config = AppConfig::load(dir.path());
    const MoneyLimits defaults;
    QCOMPARE(config.rules.limits.unitPrice, defaults.unitPrice);
    QCOMPARE(config.rules.limits.sale, defaults.sale);
    QCOMPARE(config.rules.limits.cashReceived, defaults.cashReceived);
    QCOMPARE(config.rules.limits.confirmChange, Money::fromYuan(100));
    QCOMPARE(config.rules.layouts.size(), defaultVariableCodeLayouts().size());
}

void TestAppConfig::limits_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expectedFen"); // of unit_price; the default 2,000,000 when refused
    QTest::newRow("yuan") << "5000"_ba << qint64(500'000);
    QTest::newRow("yuan and fen") << "1234.5"_ba << qint64(123'450);
    QTest::newRow("the ceiling") << "10000000"_ba << qint64(1'000'000'000);
    QTest::newRow("above the ceiling") << "10000000.01"_ba << qint64(2'000'000);
    QTest::newRow("INT64_MAX") << "9223372036854775807"_ba << qint64(2'000'000);
    QTest::newRow("zero") << "0"_ba << qint64(2'000'000);
    QTest::newRow("negative") << "-5"_ba << qint64(2'000'000);
    QTest::newRow("words") << "twenty thousand"_ba << qint64(2'000'000);
    QTest::newRow("fen in the yuan field") << "1.234"_ba << qint64(2'000'000);
}

void TestAppConfig::limits()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, expectedFen);
    QTemporaryDir dir;
    const AppConfig config =
        loadWith(dir, "[limits]\nunit_price=" + value + "\nsale=300\nconfirm_change=50\n");
    QCOMPARE(config.rules.limits.unitPrice, Money::fromFen(expectedFen));
    QCOMPARE(config.rules.limits.sale, Money::fromYuan(300));
    QCOMPARE(config.rules.limits.confirmChange, Money::fromYuan(50));
    QCOMPARE(config.rules.limits.line, MoneyLimits().line);
}

void TestAppConfig::markdownLayout()
{
    QTemporaryDir dir;
    const AppConfig config = loadWith(
        dir, "[scanner]\nvariable_layouts=21:5:5:price:markdown, 22:5:5:weight:markdown\n");
    // A weight layout cannot be for markdowns: that one is ignored, the other kept.
    QStringList shown;
    for (const auto &l : config.rules.layouts)
        shown << l.toString();
    QCOMPARE(shown, QStringList{u"21:5:5:price:markdown"_s});
    QVERIFY(config.rules.layouts.first().markdown);
    QCOMPARE(config.rules.layouts.first().toString(), u"21:5:5:price:markdown"_s);
}

void TestAppConfig::fileKeptPrivate()
{
    QTemporaryDir dir;
    (void)loadWith(dir, "[limits]\nsale=300\n");
    QCOMPARE(QFile::permissions(QDir(dir.path()).filePath(u"smartpos.ini"_s))
                 & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
}

void TestAppConfig::devices()
{
    QTemporaryDir dir;
    const AppConfig none = loadWith(dir, "[store]\nname=Shop\n");
    QVERIFY(none.printer.logo.isEmpty());
    QVERIFY(none.devices.serialScanner.isEmpty());
    QVERIFY(none.devices.poleDisplay.isEmpty());
    QVERIFY(none.devices.cameraId.isEmpty());

    // A relative logo lives in the data directory; surrounding spaces (an editor's) are dropped.
    const AppConfig set = loadWith(dir, "[receipt]\nlogo = logo.png \n"
                                        "[scanner]\nserial=\"serial:///dev/ttyACM0?baud=9600\"\n"
                                        "[display]\npole=serial:///dev/ttyUSB1\n"
                                        "[camera]\ndevice=/dev/video2\n");
    QCOMPARE(set.printer.logo, QDir(dir.path()).filePath(u"logo.png"_s));
    QCOMPARE(set.devices.serialScanner, u"serial:///dev/ttyACM0?baud=9600"_s);
    QCOMPARE(set.devices.poleDisplay, u"serial:///dev/ttyUSB1"_s);
    QCOMPARE(set.devices.cameraId, QByteArray("/dev/video2"));
    const AppConfig absolute = loadWith(dir, "[receipt]\nlogo=/srv/shop/logo.png\n");
    QCOMPARE(absolute.printer.logo, u"/srv/shop/logo.png"_s);
}

QTEST_GUILESS_MAIN(TestAppConfig)
#include "tst_appconfig.moc"
