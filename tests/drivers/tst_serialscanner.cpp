// SerialScanner (drivers/serial) over a real pseudo-terminal pair made by socat: the scanner
// opens one end, the test plays the scanner on the other. Codes whole and split across writes,
// what is dropped, the idle flush, socat killed (the cable pulled) and started again.
#include "serial/serialscanner.h"

#include "socatpair.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace smartpos::devices;
using namespace Qt::StringLiterals;
using State = SerialDevice::State;

class TestSerialScanner : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    smartpos::testing::SocatPair m_pair{m_dir.path()};

    std::unique_ptr<SerialScanner> scanner(const QString &options = {})
    {
        QString error;
        auto scanner = SerialScanner::create(u"serial://"_s + m_pair.hostEnd() + options, &error);
        if (!scanner)
            qFatal("%s", qPrintable(error));
        return scanner;
    }

    void send(const QByteArray &bytes)
    {
        m_pair.device()->write(bytes);
        QVERIFY(m_pair.device()->waitForBytesWritten(1000));
    }

    static QStringList codes(const QSignalSpy &spy)
    {
        QStringList codes;
        for (const QList<QVariant> &arguments : spy)
            codes.append(arguments.at(0).toString());
        return codes;
    }

private slots:
    void initTestCase()
    {
        if (smartpos::testing::SocatPair::executable().isEmpty())
            QSKIP("socat is not installed (scripts/setup installs it): no pseudo-terminal pair");
        QVERIFY(m_dir.isValid());
    }

    void init() { QVERIFY(m_pair.start()); }
    void cleanup() { m_pair.kill(); }

    void uris_data()
    {
        QTest::addColumn<QString>("options");
        QTest::addColumn<QString>("canonical"); // after the path
        QTest::addColumn<int>("terminator");
        QTest::addColumn<char>("byte");
        QTest::newRow("defaults") << QString() << u"?baud=9600&flow=none&terminator=crlf"_s
                                  << int(ScanFramer::Terminator::LineEnd) << '\t';
        QTest::newRow("cr") << u"?terminator=cr&baud=115200"_s
                            << u"?baud=115200&flow=none&terminator=cr"_s
                            << int(ScanFramer::Terminator::Byte) << '\r';
        QTest::newRow("lf") << u"?terminator=lf"_s << u"?baud=9600&flow=none&terminator=lf"_s
                            << int(ScanFramer::Terminator::Byte) << '\n';
        QTest::newRow("tab") << u"?terminator=tab"_s << u"?baud=9600&flow=none&terminator=tab"_s
                             << int(ScanFramer::Terminator::Byte) << '\t';
        QTest::newRow("none") << u"?terminator=none&flow=rtscts"_s
                              << u"?baud=9600&flow=rtscts&terminator=none"_s
                              << int(ScanFramer::Terminator::None) << '\t';
        QTest::newRow("ETX") << u"?terminator=0x03"_s << u"?baud=9600&flow=none&terminator=0x03"_s
                             << int(ScanFramer::Terminator::Byte) << '\x03';
        QTest::newRow("0x0D is cr")
            << u"?terminator=0x0D"_s << u"?baud=9600&flow=none&terminator=cr"_s
            << int(ScanFramer::Terminator::Byte) << '\r';
    }

    void uris()
    {
        QFETCH(QString, options);
        QFETCH(QString, canonical);
        QFETCH(int, terminator);
        QFETCH(char, byte);
        const auto scanner = this->scanner(options);
        QCOMPARE(scanner->uri(), u"serial://"_s + m_pair.hostEnd() + canonical);
        QCOMPARE(int(scanner->framing().terminator), terminator);
        QCOMPARE(scanner->framing().byte, byte);
        QCOMPARE(scanner->state(), State::Closed);
        // The canonical form reads back the same.
        QCOMPARE(SerialScanner::create(scanner->uri(), nullptr)->uri(), scanner->uri());
    }

    void badUris_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("error");
        QTest::newRow("option") << u"serial:///dev/ttyACM0?parity=even"_s
                                << u"In “serial:///dev/ttyACM0?parity=even” “parity” is not a "
                                   "scanner option (baud, flow and terminator are)"_s;
        QTest::newRow("terminator") << u"serial:///dev/ttyACM0?terminator=etx"_s
                                    << u"In “serial:///dev/ttyACM0?terminator=etx” terminator "
                                       "must be crlf, cr, lf, tab, none or one byte like 0x03"_s;
        QTest::newRow("two-byte terminator")
            << u"serial:///dev/ttyACM0?terminator=0x0d0a"_s
            << u"In “serial:///dev/ttyACM0?terminator=0x0d0a” terminator must be crlf, cr, lf, "
               "tab, none or one byte like 0x03"_s;
        QTest::newRow("baud") << u"serial:///dev/ttyACM0?baud=fast"_s
                              << u"In “serial:///dev/ttyACM0?baud=fast” the baud rate must be a "
                                 "whole number like baud=115200"_s;
        QTest::newRow("not serial") << u"tcp://10.0.0.5:9100"_s
                                    << u"“tcp://10.0.0.5:9100” is not a serial port address: "
                                       "write serial:///dev/ttyUSB0"_s;
        QTest::newRow("relative") << u"serial://ttyACM0"_s
                                  << u"In “serial://ttyACM0” the device path must follow three "
                                     "slashes, like serial:///dev/ttyUSB0"_s;
    }

    void badUris()
    {
        QFETCH(QString, uri);
        QFETCH(QString, error);
        QString message;
        QVERIFY(!SerialScanner::create(uri, &message));
        QCOMPARE(message, error);
        QVERIFY(!SerialScanner::create(uri, nullptr));
    }

    void codesArrive()
    {
        auto scanner = this->scanner();
        QSignalSpy scanned(scanner.get(), &SerialScanner::scanned);
        QSignalSpy states(scanner.get(), &SerialScanner::stateChanged);
        scanner->open();
        QCOMPARE(scanner->state(), State::Connecting);
        QTRY_COMPARE(scanner->state(), State::Ready);
        QCOMPARE(scanner->stateMessage(), QString());
        QCOMPARE(states.size(), 2);

        send("6901234567892\r\n");
        QTRY_COMPARE(codes(scanned), QStringList{u"6901234567892"_s});
        send("https://qr.alipay.com/fkx12345?t=收款码\r"_ba);
        QTRY_COMPARE(scanned.size(), 2);
        QCOMPARE(scanned.at(1).at(0).toString(), u"https://qr.alipay.com/fkx12345?t=收款码"_s);

        // Split across writes, within a UTF-8 character and between CR and LF.
        const QByteArray split = "]Q1\xe6\x94\xb6\xe6\xac\xbe\r\n"_ba;
        for (const QByteArray &piece :
             {split.first(4), split.sliced(4, 4), split.sliced(8, 2), split.sliced(10)}) {
            send(piece);
            QTest::qWait(20);
        }
        QTRY_COMPARE(scanned.size(), 3);
        QCOMPARE(scanned.at(2), (QList<QVariant>{u"收款"_s, u"Q1"_s}));
        QCOMPARE(scanned.at(0).at(1).toString(), QString());

        scanner->close();
        QCOMPARE(scanner->state(), State::Closed);
        send("123\r");
        QTest::qWait(100);
        QCOMPARE(scanned.size(), 3);
    }

    void unreadable()
    {
        auto scanner = this->scanner();
        QSignalSpy scanned(scanner.get(), &SerialScanner::scanned);
        QSignalSpy unreadable(scanner.get(), &SerialScanner::unreadable);
        scanner->open();
        QTRY_COMPARE(scanner->state(), State::Ready);
        send("\xff\xfe\r"_ba);
        QTRY_COMPARE(unreadable.size(), 1);
        QCOMPARE(unreadable.at(0).at(0).toString(),
                 u"A scan that is not UTF-8 text was ignored: set the scanner to send UTF-8"_s);
        send(QByteArray(600, '1')
             + "\r12\x1b"
               "3\rok\r");
        QTRY_COMPARE(codes(scanned), QStringList{u"ok"_s});
        QCOMPARE(unreadable.size(), 3);
        QCOMPARE(unreadable.at(1).at(0).toString(),
                 u"A scan longer than 512 bytes was ignored: scan the code again"_s);
        QCOMPARE(unreadable.at(2).at(0).toString(),
                 u"A scan with control characters was ignored: check the scanner's terminator "
                 "(%1)"_s.arg(scanner->uri()));
    }

    void idleFlush()
    {
        auto scanner = this->scanner(u"?terminator=none"_s);
        QSignalSpy scanned(scanner.get(), &SerialScanner::scanned);
        scanner->open();
        QTRY_COMPARE(scanner->state(), State::Ready);
        send("690123");
        send("4567892");
        QTRY_COMPARE(codes(scanned), QStringList{u"6901234567892"_s});
        QTest::qWait(200); // a pause ends a code
        send("12345670");
        QTRY_COMPARE(codes(scanned), (QStringList{u"6901234567892"_s, u"12345670"_s}));
    }

    void unpluggedAndBack()
    {
        auto scanner = this->scanner();
        QSignalSpy scanned(scanner.get(), &SerialScanner::scanned);
        QSignalSpy states(scanner.get(), &SerialScanner::stateChanged);
        scanner->open();
        QTRY_COMPARE(scanner->state(), State::Ready);
        send("1234"); // half a code when the cable is pulled

        m_pair.kill();
        QTRY_COMPARE(scanner->state(), State::Unavailable);
        QCOMPARE(scanner->stateMessage(),
                 u"The scanner at %1 was unplugged"_s.arg(m_pair.hostEnd()));
        // Attempts while it is gone say why.
        QTRY_COMPARE(
            scanner->stateMessage(),
            u"There is no serial port %1: is the scanner plugged in?"_s.arg(m_pair.hostEnd()));

        QVERIFY(m_pair.start());
        QTRY_COMPARE_WITH_TIMEOUT(scanner->state(), State::Ready, 6000);
        QCOMPARE(scanner->stateMessage(), QString());
        send("6901234567892\r");
        QTRY_COMPARE(codes(scanned), QStringList{u"6901234567892"_s});
        QCOMPARE(states.last().at(0).value<State>(), State::Ready);
    }

    void missingPort()
    {
        QString error;
        auto scanner = SerialScanner::create(u"serial://"_s + m_dir.filePath(u"none"_s), &error);
        QVERIFY(scanner);
        scanner->open();
        QTRY_COMPARE(scanner->state(), State::Unavailable);
        QCOMPARE(scanner->stateMessage(),
                 u"There is no serial port %1: is the scanner plugged in?"_s.arg(
                     m_dir.filePath(u"none"_s)));
        scanner->close();
        QCOMPARE(scanner->state(), State::Closed);
        QCOMPARE(scanner->stateMessage(), QString());
    }
};

QTEST_GUILESS_MAIN(TestSerialScanner)
#include "tst_serialscanner.moc"
