// The pole display (drivers/serial): the CD5220 encoder byte for byte, then PoleDisplay over a
// real pseudo-terminal pair made by socat, the test playing the display: the exact bytes,
// coalescing, socat killed (the cable pulled) and started again.
#include "serial/poledisplay.h"

#include "socatpair.h"

#include <QSerialPort>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace smartpos::devices;
using namespace Qt::StringLiterals;
using State = SerialDevice::State;
using Encoding = Cd5220::Encoding;

class TestPoleDisplay : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    smartpos::testing::SocatPair m_pair{m_dir.path()};
    QByteArray m_received;

    bool startSocat()
    {
        if (!m_pair.start())
            return false;
        QSerialPort *display = m_pair.device();
        connect(display, &QSerialPort::readyRead, this,
                [this, display] { m_received += display->readAll(); });
        return true;
    }

    std::unique_ptr<PoleDisplay> display(const QString &options = {})
    {
        QString error;
        auto display = PoleDisplay::create(u"serial://"_s + m_pair.hostEnd() + options, &error);
        if (!display)
            qFatal("%s", qPrintable(error));
        return display;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void line_data()
    {
        QTest::addColumn<int>("encoding");
        QTest::addColumn<int>("yen"); // -1: the default
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("bytes");

        const int ascii = int(Encoding::Ascii);
        const int gb18030 = int(Encoding::Gb18030);
        QTest::newRow("padded") << ascii << -1 << u"TOTAL"_s << "TOTAL               "_ba;
        QTest::newRow("empty") << ascii << -1 << QString() << QByteArray(20, ' ');
        QTest::newRow("exactly 20")
            << ascii << -1 << u"12345678901234567890"_s << "12345678901234567890"_ba;
        QTest::newRow("cut") << ascii << -1 << u"Coca-Cola Zero 330ml x 2"_s
                             << "Coca-Cola Zero 330ml"_ba;
        QTest::newRow("yen as Y") << ascii << -1 << u"¥12.50 ￥3"_s << "Y12.50 Y3           "_ba;
        QTest::newRow("yen as 0x9D") << ascii << 0x9d << u"¥12.50"_s
                                     << "\x9d"
                                        "12.50              "_ba;
        QTest::newRow("what ASCII lacks")
            << ascii << -1 << u"Café 合计 €"_s << "Caf? ?? ?           "_ba;
        QTest::newRow("decomposed é is one ?")
            << ascii << -1 << u"Cafe\u0301!"_s << "Caf?!               "_ba;
        QTest::newRow("control characters")
            << ascii << -1 << u"a\rb\x1b\n\tc\x7f"_s << "a?b???c?            "_ba;

        QTest::newRow("Chinese") << gb18030 << -1 << u"合计 ¥12.50"_s
                                 << "\xba\xcf\xbc\xc6 \xa3\xa4"
                                    "12.50        "_ba;
        QTest::newRow("fullwidth yen, ASCII yen byte") << gb18030 << int('Y') << u"￥1 找零"_s
                                                       << "Y1 \xd5\xd2\xc1\xe3"
                                                          "             "_ba;
        QTest::newRow("CJK on the border is left out")
            << gb18030 << -1 << u"1234567890123456789中文"_s << "1234567890123456789 "_ba;
        QTest::newRow("CJK fills 20") << gb18030 << -1 << u"欢迎光临欢迎光临欢迎光临"_s
                                      << "\xbb\xb6\xd3\xad\xb9\xe2\xc1\xd9\xbb\xb6\xd3\xad\xb9\xe2"
                                         "\xc1\xd9\xbb\xb6\xd3\xad"_ba;
        QTest::newRow("odd column, then CJK")
            << gb18030 << -1 << u"a欢迎光临欢迎光临欢迎光临"_s
            << "a\xbb\xb6\xd3\xad\xb9\xe2\xc1\xd9\xbb\xb6\xd3\xad\xb9\xe2\xc1\xd9\xbb\xb6 "_ba;
        QTest::newRow("four-byte GB18030 and controls") << gb18030 << -1 << u"𠀀😀\u0085\r中"_s
                                                        << "????\xd6\xd0"
                                                           "              "_ba;
        QTest::newRow("pinyin from the Chinese font") << gb18030 << -1 << u"é"_s
                                                      << "\xa8\xa6"
                                                         "                  "_ba;
        QTest::newRow("control yen byte") << ascii << 0x0d << u"¥1"_s << "?1                  "_ba;
        QTest::newRow("private use") << gb18030 << -1 << u"\ue000"_s << "?                   "_ba;
    }

    void line()
    {
        QFETCH(int, encoding);
        QFETCH(int, yen);
        QFETCH(QString, text);
        QFETCH(QByteArray, bytes);
        const Cd5220 encoder(Encoding(encoding),
                             yen < 0 ? std::nullopt : std::optional<char>(char(yen)));
        const QByteArray line = encoder.line(text);
        QCOMPARE(line, bytes);
        QCOMPARE(line.size(), Cd5220::columns);
        // width() counts what line() sends: the bytes of the text before the padding.
        if (encoder.width(text) <= Cd5220::columns)
            QCOMPARE(line.left(encoder.width(text)) + QByteArray(20 - encoder.width(text), ' '),
                     bytes);
    }

    void width()
    {
        QCOMPARE(Cd5220().width(u"TOTAL ¥12.50"), 12);
        QCOMPARE(Cd5220(Encoding::Gb18030).width(u"合计 ¥12.50"), 12);
        QCOMPARE(Cd5220(Encoding::Gb18030, 'Y').width(u"合计 ¥12.50"), 11);
        QCOMPARE(Cd5220(Encoding::Gb18030).width(u"湾仔码头 玉米猪肉水饺 480g ¥32.90"), 34);
    }

    void commands()
    {
        QCOMPARE(Cd5220::initialize(), "\x1b\x40"_ba);
        QCOMPARE(Cd5220::clear(), "\x0c"_ba);
        QCOMPARE(Cd5220().show(u"Total", u"¥12.50"),
                 "\x0c\x1bQATotal               \r\x1bQBY12.50              \r"_ba);
        QCOMPARE(Cd5220(Encoding::Gb18030).show(u"欢迎光临", {}),
                 "\x0c\x1bQA\xbb\xb6\xd3\xad\xb9\xe2\xc1\xd9            \r\x1bQB"
                     + QByteArray(20, ' ') + "\r");
    }

    void uris_data()
    {
        QTest::addColumn<QString>("options");
        QTest::addColumn<QString>("canonical"); // after the path
        QTest::addColumn<QString>("error");     // empty: accepted
        QTest::newRow("defaults") << QString() << u"?baud=9600&flow=none&encoding=ascii"_s
                                  << QString();
        QTest::newRow("gb18030, 2400") << u"?encoding=gb18030&baud=2400"_s
                                       << u"?baud=2400&flow=none&encoding=gb18030"_s << QString();
        QTest::newRow("yen") << u"?yen=0x9D"_s << u"?baud=9600&flow=none&encoding=ascii&yen=0x9d"_s
                             << QString();
        QTest::newRow("bad encoding") << u"?encoding=big5"_s << QString()
                                      << u"In “%1?encoding=big5” encoding must be ascii or "
                                         "gb18030"_s;
        QTest::newRow("bad yen") << u"?yen=Y"_s << QString()
                                 << u"In “%1?yen=Y” yen must be one printable byte like 0x9d"_s;
        QTest::newRow("CR as yen") << u"?yen=0x0d"_s << QString()
                                   << u"In “%1?yen=0x0d” yen must be one printable byte like "
                                      "0x9d"_s;
        QTest::newRow("unknown") << u"?terminator=cr"_s << QString()
                                 << u"In “%1?terminator=cr” “terminator” is not a customer "
                                    "display option (baud, flow, encoding and yen are)"_s;
    }

    void uris()
    {
        QFETCH(QString, options);
        QFETCH(QString, canonical);
        QFETCH(QString, error);
        const QString base = u"serial://"_s + m_pair.hostEnd();
        QString message;
        const auto display = PoleDisplay::create(base + options, &message);
        QCOMPARE(message, error.isEmpty() ? QString() : error.arg(base));
        if (!display)
            return;
        QCOMPARE(display->uri(), base + canonical);
        QCOMPARE(PoleDisplay::create(display->uri(), nullptr)->uri(), display->uri());
    }

    void bytesExact()
    {
        if (m_pair.executable().isEmpty())
            QSKIP("socat is not installed (scripts/setup installs it): no pseudo-terminal pair");
        m_received.clear();
        QVERIFY(startSocat());
        auto display = this->display(u"?encoding=gb18030"_s);
        display->show(u"欢迎光临"_s, u"Welcome"_s); // before open: shown once Ready
        display->open();
        QTRY_COMPARE(display->state(), State::Ready);
        const Cd5220 encoder(Encoding::Gb18030);
        const QByteArray welcome = Cd5220::initialize() + encoder.show(u"欢迎光临", u"Welcome");
        QTRY_COMPARE(m_received, welcome);

        // Coalesced: while the first text is being written, only the newest one waits.
        display->show(u"Cola"_s, u"¥3.00"_s);
        display->show(u"Chips"_s, u"¥5.50"_s);
        display->show(u"合计"_s, u"¥8.50"_s);
        const QByteArray shown =
            welcome + encoder.show(u"Cola", u"¥3.00") + encoder.show(u"合计", u"¥8.50");
        QTRY_COMPARE(m_received, shown);
        // The same text is not sent again.
        display->show(u"合计"_s, u"¥8.50"_s);
        QTest::qWait(200);
        QCOMPARE(m_received, shown);
        display->clear();
        QTRY_COMPARE(m_received, shown + "\x0c");
        display->clear();
        display->close();
        QCOMPARE(display->state(), State::Closed);
        display->show(u"closed"_s, {});
        QTest::qWait(100);
        QCOMPARE(m_received, shown + "\x0c");
        m_pair.kill();
    }

    void unpluggedAndBack()
    {
        if (m_pair.executable().isEmpty())
            QSKIP("socat is not installed (scripts/setup installs it): no pseudo-terminal pair");
        m_received.clear();
        QVERIFY(startSocat());
        auto display = this->display();
        QSignalSpy states(display.get(), &PoleDisplay::stateChanged);
        display->open();
        QTRY_COMPARE(display->state(), State::Ready);
        display->show(u"Milk"_s, u"¥6.80"_s);
        const Cd5220 encoder;
        QTRY_COMPARE(m_received, Cd5220::initialize() + encoder.show(u"Milk", u"¥6.80"));

        m_pair.kill();
        QTRY_COMPARE(display->state(), State::Unavailable);
        QCOMPARE(display->stateMessage(),
                 u"The customer display at %1 was unplugged"_s.arg(m_pair.hostEnd()));
        QTRY_COMPARE(display->stateMessage(),
                     u"There is no serial port %1: is the customer display plugged in?"_s.arg(
                         m_pair.hostEnd()));
        display->show(u"Bread"_s, u"¥4.20"_s); // while unplugged

        m_received.clear();
        QVERIFY(startSocat());
        QTRY_COMPARE_WITH_TIMEOUT(display->state(), State::Ready, 6000);
        QTRY_COMPARE(m_received, Cd5220::initialize() + encoder.show(u"Bread", u"¥4.20"));
        QCOMPARE(states.last().at(0).value<State>(), State::Ready);
        m_pair.kill();
    }
};

QTEST_GUILESS_MAIN(TestPoleDisplay)
#include "tst_poledisplay.moc"
