// A tcp:// printer link against a printer played by a QTcpServer on a loopback port of its own:
// bytes arrive exactly and `written` follows, one job at a time, a printer killed mid-job and
// back, an idle connection closed by the printer, DLE EOT answered and unanswered.
#include "transport/printerlink.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace smartpos::devices;
using namespace smartpos::escpos;
using namespace Qt::StringLiterals;
using State = PrinterLink::State;

namespace smartpos::escpos {
char *toString(const PrinterStatus &status)
{
    return QTest::toString(
        u"online %1 cover %2 near-end %3 out %4 drawer %5 error %6"_s.arg(status.online)
            .arg(status.coverOpen)
            .arg(status.paperNearEnd)
            .arg(status.paperOut)
            .arg(status.drawerOpen)
            .arg(status.error));
}
} // namespace smartpos::escpos

namespace {

// A network printer: keeps what it receives, answers DLE EOT n with answers[n] (none when
// empty) and can be killed and brought back on the same port.
class FakePrinter : public QObject {
public:
    QByteArray received;
    QByteArray answers;    // indexed by n; empty: the printer never answers
    qint64 killAfter = -1; // kill the printer once it has received this many bytes

    bool start(quint16 port = 0)
    {
        connect(&m_server, &QTcpServer::newConnection, this, &FakePrinter::accept,
                Qt::UniqueConnection);
        return m_server.listen(QHostAddress::LocalHost, port);
    }
    quint16 port() const { return m_server.serverPort(); }
    QString uri() const { return u"tcp://127.0.0.1:%1"_s.arg(port()); }
    bool hasClient() const { return !m_clients.empty(); }

    // Like a printer switched off: the listener and every connection gone at once.
    void kill()
    {
        m_server.close();
        dropClients();
    }
    void dropClients()
    {
        for (const auto &client : std::exchange(m_clients, {}))
            client->abort();
    }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            m_clients.emplace_back(socket);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        }
    }

    void read(QTcpSocket *socket)
    {
        received += socket->readAll();
        for (qsizetype at;
             (at = received.indexOf("\x10\x04", m_scanned)) >= 0 && at + 2 < received.size();) {
            const int n = received.at(at + 2);
            if (n < answers.size())
                socket->write(answers.mid(n, 1));
            m_scanned = at + 3;
        }
        if (killAfter >= 0 && received.size() >= killAfter)
            kill();
    }

    QTcpServer m_server;
    std::vector<std::unique_ptr<QTcpSocket, QScopedPointerDeleteLater>> m_clients;
    qsizetype m_scanned = 0;
};

// Job bytes without DLE (0x10), so that FakePrinter never takes them for a status request.
QByteArray jobBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(0x20 + (i * 7) % 0x5f);
    return bytes;
}

std::unique_ptr<PrinterLink> link(const QString &uri)
{
    QString error;
    auto link = PrinterLink::create(uri, &error);
    if (!link)
        qFatal("%s", qPrintable(error));
    return link;
}

const QByteArray kStatusRequests = "\x10\x04\x01\x10\x04\x02\x10\x04\x04"_ba;

} // namespace

class TestPrinterLinkTcp : public QObject {
    Q_OBJECT

private slots:
    void bytesArriveExactly()
    {
        FakePrinter printer;
        QVERIFY(printer.start());
        auto printerLink = link(printer.uri());
        QSignalSpy states(printerLink.get(), &PrinterLink::stateChanged);
        QSignalSpy written(printerLink.get(), &PrinterLink::written);
        QSignalSpy failed(printerLink.get(), &PrinterLink::failed);
        printerLink->open();
        QCOMPARE(printerLink->state(), State::Connecting);
        QTRY_COMPARE(printerLink->state(), State::Ready);
        QCOMPARE(states.size(), 2);

        const QByteArray job = jobBytes(3 << 20);
        printerLink->send(7, job);
        QCOMPARE(written.size(), 0); // never from within send()
        QTRY_COMPARE(written.size(), 1);
        QCOMPARE(written.at(0).at(0).toLongLong(), 7);
        QTRY_COMPARE(printer.received.size(), job.size());
        QCOMPARE(printer.received, job);

        printerLink->send(8, {}); // nothing to write is written at once, but not from send()
        QCOMPARE(written.size(), 1);
        QTRY_COMPARE(written.size(), 2);
        QCOMPARE(failed.size(), 0);
    }

    void oneJobAtATime()
    {
        FakePrinter printer;
        QVERIFY(printer.start());
        auto printerLink = link(printer.uri());
        QSignalSpy written(printerLink.get(), &PrinterLink::written);
        QSignalSpy failed(printerLink.get(), &PrinterLink::failed);
        printerLink->open();
        // Sent while connecting: it waits for the connection.
        printerLink->send(1, jobBytes(1 << 20));
        printerLink->send(2, "second"_ba);
        QCOMPARE(failed.size(), 0);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).toLongLong(), 2);
        QVERIFY2(failed.at(0).at(1).toString().contains(u"busy"_s),
                 qPrintable(failed.at(0).at(1).toString()));
        QTRY_COMPARE(written.size(), 1);
        QCOMPARE(written.at(0).at(0).toLongLong(), 1);
        QTRY_COMPARE(printer.received.size(), 1 << 20);
    }

    void closedLinkFails()
    {
        FakePrinter printer;
        QVERIFY(printer.start());
        auto printerLink = link(printer.uri());
        QSignalSpy failed(printerLink.get(), &PrinterLink::failed);
        printerLink->send(1, "x"_ba);
        QCOMPARE(failed.size(), 0);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(1).toString(),
                 u"The connection to the printer at %1 is closed"_s.arg(printer.uri()));

        // Closing fails the job under way.
        printerLink->open();
        QTRY_COMPARE(printerLink->state(), State::Ready);
        printerLink->send(2, jobBytes(32 << 20));
        printerLink->close();
        QCOMPARE(printerLink->state(), State::Closed);
        QTRY_COMPARE(failed.size(), 2);
        QCOMPARE(failed.at(1).at(0).toLongLong(), 2);
        QCOMPARE(failed.at(1).at(1).toString(),
                 u"The connection to the printer at %1 was closed"_s.arg(printer.uri()));

        // Closed by a slot the moment it starts connecting: it stays closed.
        connect(printerLink.get(), &PrinterLink::stateChanged, this, [&](State state) {
            if (state == State::Connecting)
                printerLink->close();
        });
        printerLink->open();
        QCOMPARE(printerLink->state(), State::Closed);
        QTest::qWait(100);
        QCOMPARE(printerLink->state(), State::Closed);
    }

    void refusedUntilThePrinterListens()
    {
        quint16 freePort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            freePort = probe.serverPort();
        }
        auto printerLink = link(u"tcp://127.0.0.1:%1"_s.arg(freePort));
        QSignalSpy failed(printerLink.get(), &PrinterLink::failed);
        printerLink->open();
        QTRY_COMPARE(printerLink->state(), State::Unavailable);
        const QString refused =
            u"The printer at tcp://127.0.0.1:%1 refuses the connection: is "
            u"the address right, or is another computer using it?"_s.arg(freePort);
        QCOMPARE(printerLink->stateMessage(), refused);
        printerLink->send(1, "x"_ba);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(1).toString(), refused);

        // Nothing listens yet: it keeps trying until something does.
        FakePrinter printer;
        QVERIFY(printer.start(freePort));
        QTRY_COMPARE_WITH_TIMEOUT(printerLink->state(), State::Ready, 5000);
    }

    void printerKilledMidJobAndBack()
    {
        FakePrinter printer;
        QVERIFY(printer.start());
        const quint16 port = printer.port();
        auto printerLink = link(printer.uri());
        QSignalSpy written(printerLink.get(), &PrinterLink::written);
        QSignalSpy failed(printerLink.get(), &PrinterLink::failed);
        printerLink->open();
        QTRY_COMPARE(printerLink->state(), State::Ready);

        // Far more than the socket buffers hold, so most of it is still unsent at the kill.
        printer.killAfter = 256 << 10;
        printerLink->send(1, jobBytes(64 << 20));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QCOMPARE(failed.at(0).at(0).toLongLong(), 1);
        QCOMPARE(failed.at(0).at(1).toString(),
                 u"The printer at %1 closed the connection"_s.arg(printerLink->uri()));
        QCOMPARE(printerLink->state(), State::Unavailable);
        QCOMPARE(written.size(), 0);

        // Back on the same port: Ready again by itself, and printing.
        printer.killAfter = -1;
        printer.received.clear();
        QVERIFY(printer.start(port));
        QTRY_COMPARE_WITH_TIMEOUT(printerLink->state(), State::Ready, 5000);
        printerLink->send(2, "again"_ba);
        QTRY_COMPARE(written.size(), 1);
        QTRY_COMPARE(printer.received, "again"_ba);
    }

    void idleConnectionClosedByPrinter()
    {
        FakePrinter printer;
        QVERIFY(printer.start());
        auto printerLink = link(printer.uri());
        QSignalSpy states(printerLink.get(), &PrinterLink::stateChanged);
        printerLink->open();
        QTRY_COMPARE(printerLink->state(), State::Ready);
        states.clear();
        printer.dropClients();
        QTRY_COMPARE(printerLink->state(), State::Unavailable);
        QCOMPARE(printerLink->stateMessage(),
                 u"The printer at %1 closed the connection"_s.arg(printer.uri()));
        QTRY_COMPARE(printerLink->state(), State::Ready);
        QVERIFY(printer.hasClient());
    }

    void statusAnswered_data()
    {
        QTest::addColumn<QByteArray>("answers"); // to DLE EOT 1, 2, 4
        QTest::addColumn<PrinterStatus>("expected");
        QTest::newRow("ready") << "\x12\x12\x12"_ba << PrinterStatus{};
        QTest::newRow("paper near end") << "\x12\x12\x1e"_ba << PrinterStatus{.paperNearEnd = true};
        QTest::newRow("cover open")
            << "\x1a\x16\x12"_ba << PrinterStatus{.online = false, .coverOpen = true};
        QTest::newRow("paper out")
            << "\x1a\x32\x72"_ba << PrinterStatus{.online = false, .paperOut = true};
        QTest::newRow("drawer open") << "\x16\x12\x12"_ba << PrinterStatus{.drawerOpen = true};
        QTest::newRow("error") << "\x1a\x52\x12"_ba
                               << PrinterStatus{.online = false, .error = true};
    }

    void statusAnswered()
    {
        QFETCH(QByteArray, answers);
        QFETCH(PrinterStatus, expected);
        FakePrinter printer;
        printer.answers = QByteArray(5, '\0');
        printer.answers[1] = answers[0];
        printer.answers[2] = answers[1];
        printer.answers[4] = answers[2];
        QVERIFY(printer.start());
        auto printerLink = link(printer.uri());
        QVERIFY(printerLink->supportsStatus());
        QSignalSpy status(printerLink.get(), &PrinterLink::statusChanged);
        printerLink->open();
        printerLink->queryStatus(); // while connecting: asked once connected
        printerLink->queryStatus(); // joins the first
        QTRY_COMPARE(status.size(), 1);
        QCOMPARE(status.at(0).at(0).value<PrinterStatus>(), expected);
        QCOMPARE(printer.received, kStatusRequests);
        QTest::qWait(50);
        QCOMPARE(status.size(), 1);
    }

    void statusWaitsForTheJob()
    {
        FakePrinter printer;
        printer.answers = "\0\x12\x12\0\x12"_ba;
        QVERIFY(printer.start());
        auto printerLink = link(printer.uri());
        QSignalSpy status(printerLink.get(), &PrinterLink::statusChanged);
        QSignalSpy written(printerLink.get(), &PrinterLink::written);
        printerLink->open();
        QTRY_COMPARE(printerLink->state(), State::Ready);
        const QByteArray job = jobBytes(2 << 20);
        printerLink->send(1, job);
        printerLink->queryStatus();
        QTRY_COMPARE(status.size(), 1);
        QCOMPARE(written.size(), 1);
        QCOMPARE(printer.received, job + kStatusRequests);
        QVERIFY(status.at(0).at(0).value<PrinterStatus>().online);
    }

    void noAnswerIsOffline()
    {
        FakePrinter printer; // answers nothing
        QVERIFY(printer.start());
        auto printerLink = link(printer.uri());
        QSignalSpy status(printerLink.get(), &PrinterLink::statusChanged);
        printerLink->open();
        QTRY_COMPARE(printerLink->state(), State::Ready);
        QElapsedTimer elapsed;
        elapsed.start();
        printerLink->queryStatus();
        QTRY_COMPARE_WITH_TIMEOUT(status.size(), 1, 3000);
        QVERIFY2(elapsed.elapsed() >= 900, QByteArray::number(elapsed.elapsed()));
        PrinterStatus offline;
        offline.online = false;
        QCOMPARE(status.at(0).at(0).value<PrinterStatus>(), offline);

        // A printer that answers only DLE EOT 1 (some clones): what it said is taken.
        printer.answers = "\0\x12"_ba;
        printerLink->queryStatus();
        QTRY_COMPARE_WITH_TIMEOUT(status.size(), 2, 3000);
        QVERIFY(status.at(1).at(0).value<PrinterStatus>().online);

        // Not connected: offline at once.
        printer.kill();
        QTRY_COMPARE(printerLink->state(), State::Unavailable);
        printerLink->queryStatus();
        QCOMPARE(status.size(), 2);
        QTRY_COMPARE(status.size(), 3);
        QVERIFY(!status.at(2).at(0).value<PrinterStatus>().online);
    }
};

QTEST_GUILESS_MAIN(TestPrinterLinkTcp)
#include "tst_printerlinktcp.moc"
