// A serial:// printer link over a real pseudo-terminal pair made by socat: the link opens one
// end, the test plays the printer on the other. Bytes through with each flow control, status
// answered, socat killed (the cable pulled) and started again on the same names.
#include "transport/printerlink.h"

#include "socatpair.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace smartpos::devices;
using namespace smartpos::escpos;
using namespace Qt::StringLiterals;
using State = PrinterLink::State;

class TestPrinterLinkSerial : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    smartpos::testing::SocatPair m_pair{m_dir.path()}; // the link opens the host end
    QByteArray m_received;
    QByteArray m_answers; // indexed by DLE EOT n; empty: no answers

    // The test plays the printer on the device end.
    bool startSocat()
    {
        if (!m_pair.start())
            return false;
        QSerialPort *printer = m_pair.device();
        connect(printer, &QSerialPort::readyRead, this, [this, printer] {
            const QByteArray bytes = printer->readAll();
            m_received += bytes;
            for (qsizetype at = 0; (at = bytes.indexOf("\x10\x04", at)) >= 0; at += 2)
                if (at + 2 < bytes.size() && bytes.at(at + 2) < m_answers.size())
                    printer->write(m_answers.mid(bytes.at(at + 2), 1));
        });
        return true;
    }

    // Like pulling the cable: both terminals vanish.
    void killSocat() { m_pair.kill(); }

    std::unique_ptr<PrinterLink> link(const QString &options)
    {
        QString error;
        auto link = PrinterLink::create(u"serial://"_s + m_pair.hostEnd() + options, &error);
        if (!link)
            qFatal("%s", qPrintable(error));
        return link;
    }

private slots:
    void initTestCase()
    {
        if (smartpos::testing::SocatPair::executable().isEmpty())
            QSKIP("socat is not installed (scripts/setup installs it): no pseudo-terminal pair");
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        m_received.clear();
        m_answers.clear();
        QVERIFY(startSocat());
    }

    void cleanup() { killSocat(); }

    void bytesThrough_data()
    {
        QTest::addColumn<QString>("options");
        QTest::newRow("defaults") << QString();
        QTest::newRow("115200, rtscts") << u"?baud=115200&flow=rtscts"_s;
        QTest::newRow("19200, xonxoff") << u"?baud=19200&flow=xonxoff"_s;
    }

    void bytesThrough()
    {
        QFETCH(QString, options);
        auto printerLink = link(options);
        QSignalSpy written(printerLink.get(), &PrinterLink::written);
        QSignalSpy failed(printerLink.get(), &PrinterLink::failed);
        printerLink->open();
        QTRY_COMPARE(printerLink->state(), State::Ready);
        // No XON/XOFF (0x11, 0x13) in it: with xonxoff they would be taken as flow control.
        QByteArray job;
        for (int i = 0; i < 64 << 10; ++i)
            job += char(0x20 + i % 0x5f);
        printerLink->send(1, job);
        QTRY_COMPARE(written.size(), 1);
        QTRY_COMPARE(m_received.size(), job.size());
        QCOMPARE(m_received, job);
        QCOMPARE(failed.size(), 0);
    }

    void statusAnswered()
    {
        m_answers = "\0\x1a\x32\0\x72"_ba; // offline, stopped by paper end, paper end
        auto printerLink = link({});
        QVERIFY(printerLink->supportsStatus());
        QSignalSpy status(printerLink.get(), &PrinterLink::statusChanged);
        printerLink->open();
        QTRY_COMPARE(printerLink->state(), State::Ready);
        printerLink->queryStatus();
        QTRY_COMPARE(status.size(), 1);
        PrinterStatus expected;
        expected.online = false;
        expected.paperOut = true;
        QVERIFY(status.at(0).at(0).value<PrinterStatus>() == expected);
        QCOMPARE(m_received, "\x10\x04\x01\x10\x04\x02\x10\x04\x04"_ba);
    }

    void unpluggedAndBack()
    {
        auto printerLink = link({});
        QSignalSpy written(printerLink.get(), &PrinterLink::written);
        printerLink->open();
        QTRY_COMPARE(printerLink->state(), State::Ready);

        killSocat();
        QTRY_COMPARE(printerLink->state(), State::Unavailable);
        QCOMPARE(printerLink->stateMessage(),
                 u"The printer at %1 was disconnected"_s.arg(printerLink->uri()));
        // Attempts while it is gone say why.
        QTRY_COMPARE(printerLink->stateMessage(),
                     u"There is no serial port %1: is the printer's cable plugged in?"_s.arg(
                         m_pair.hostEnd()));

        QVERIFY(startSocat());
        QTRY_COMPARE_WITH_TIMEOUT(printerLink->state(), State::Ready, 6000);
        printerLink->send(1, "after"_ba);
        QTRY_COMPARE(written.size(), 1);
        QTRY_COMPARE(m_received, "after"_ba);
    }
};

QTEST_GUILESS_MAIN(TestPrinterLinkSerial)
#include "tst_printerlinkserial.moc"
