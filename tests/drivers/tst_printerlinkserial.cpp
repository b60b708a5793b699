// A serial:// printer link over a real pseudo-terminal pair made by socat: the link opens one
// end, the test plays the printer on the other. Bytes through with each flow control, status
// answered, socat killed (the cable pulled) and started again on the same names.
#include "transport/printerlink.h"

#include <QFileInfo>
#include <QProcess>
#include <QSerialPort>
#include <QSignalSpy>
#include <QStandardPaths>
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
    QString m_socatPath;
    QProcess m_socat;
    QString m_linkEnd;    // the link opens this one
    QString m_printerEnd; // the test plays the printer here
    std::unique_ptr<QSerialPort> m_printer;
    QByteArray m_received;
    QByteArray m_answers; // indexed by DLE EOT n; empty: no answers

    bool startSocat()
    {
        m_socat.start(m_socatPath, {u"-d"_s, u"-d"_s, u"pty,raw,echo=0,link="_s + m_linkEnd,
                                    u"pty,raw,echo=0,link="_s + m_printerEnd});
        if (!m_socat.waitForStarted())
            return false;
        // socat makes the links once both terminals are open.
        if (!QTest::qWaitFor(
                [&] { return QFileInfo::exists(m_linkEnd) && QFileInfo::exists(m_printerEnd); }))
            return false;
        m_printer = std::make_unique<QSerialPort>(m_printerEnd);
        if (!m_printer->open(QIODevice::ReadWrite))
            return false;
        connect(m_printer.get(), &QSerialPort::readyRead, this, [this] {
            const QByteArray bytes = m_printer->readAll();
            m_received += bytes;
            for (qsizetype at = 0; (at = bytes.indexOf("\x10\x04", at)) >= 0; at += 2)
                if (at + 2 < bytes.size() && bytes.at(at + 2) < m_answers.size())
                    m_printer->write(m_answers.mid(bytes.at(at + 2), 1));
        });
        return true;
    }

    // Like pulling the cable: both terminals vanish.
    void killSocat()
    {
        m_printer.reset();
        m_socat.kill();
        m_socat.waitForFinished();
    }

    std::unique_ptr<PrinterLink> link(const QString &options)
    {
        QString error;
        auto link = PrinterLink::create(u"serial://"_s + m_linkEnd + options, &error);
        if (!link)
            qFatal("%s", qPrintable(error));
        return link;
    }

private slots:
    void initTestCase()
    {
        m_socatPath = QStandardPaths::findExecutable(u"socat"_s);
        if (m_socatPath.isEmpty())
            QSKIP("socat is not installed (scripts/setup installs it): no pseudo-terminal pair");
        QVERIFY(m_dir.isValid());
        m_linkEnd = m_dir.filePath(u"pos"_s);
        m_printerEnd = m_dir.filePath(u"printer"_s);
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
        QTRY_COMPARE(
            printerLink->stateMessage(),
            u"There is no serial port %1: is the printer's cable plugged in?"_s.arg(m_linkEnd));

        QVERIFY(startSocat());
        QTRY_COMPARE_WITH_TIMEOUT(printerLink->state(), State::Ready, 6000);
        printerLink->send(1, "after"_ba);
        QTRY_COMPARE(written.size(), 1);
        QTRY_COMPARE(m_received, "after"_ba);
    }
};

QTEST_GUILESS_MAIN(TestPrinterLinkSerial)
#include "tst_printerlinkserial.moc"
