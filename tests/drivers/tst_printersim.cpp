// The virtual network printer (drivers/sim/printersim.h) over loopback TCP: receipts on disk,
// DLE EOT answers for each state, jobs held while not ready, byte-by-byte delivery, the drawer,
// the control lines, and the smartpos-printer-sim executable itself.
#include "sim/printersim.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace smartpos::sim;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(PrinterState)

namespace {

const QByteArray kStatusRequests = "\x10\x04\x01\x10\x04\x02\x10\x04\x03\x10\x04\x04"_ba;

// ESC @, a centred title, a Chinese line (FS & GB18030 FS .), a line, a cut.
QByteArray receipt(const QByteArray &title)
{
    return "\x1b@\x1b\x61\x01"_ba + title + "\n\x1b\x61\x00\x1c&\xba\xcf\xbc\xc6\x1c.  1.00\n"_ba
           + "\x1dV\x00"_ba;
}

QString fileText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestPrinterSim : public QObject {
    Q_OBJECT

    QTemporaryDir *dir = nullptr;
    PrinterSim *printer = nullptr;

    QString receiptPath(int number, const char *extension) const
    {
        return dir->filePath(
            u"receipt-%1.%2"_s.arg(number, 4, 10, QLatin1Char('0')).arg(QLatin1String(extension)));
    }

    // A connected client.
    std::unique_ptr<QTcpSocket> connectClient()
    {
        auto socket = std::make_unique<QTcpSocket>();
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        socket->connectToHost(QHostAddress::LocalHost, printer->serverPort());
        if (!socket->waitForConnected(5000))
            return nullptr;
        return socket;
    }

    // Sends `bytes` and returns the `answers` bytes the printer sends back.
    QByteArray exchange(QTcpSocket &socket, const QByteArray &bytes, int answers)
    {
        socket.write(bytes);
        QByteArray reply;
        QElapsedTimer timer;
        timer.start();
        while (reply.size() < answers && timer.elapsed() < 5000) {
            QTest::qWait(5);
            reply += socket.readAll();
        }
        return reply;
    }

    void send(const QByteArray &bytes)
    {
        const auto socket = connectClient();
        QVERIFY(socket);
        socket->write(bytes);
        QVERIFY(socket->waitForBytesWritten(5000));
        socket->disconnectFromHost();
    }

private slots:
    void init()
    {
        dir = new QTemporaryDir;
        printer = new PrinterSim(dir->path(), 576);
        QVERIFY(printer->listen(QHostAddress::LocalHost, 0));
        QVERIFY(printer->serverPort() != 0);
    }
    void cleanup()
    {
        delete printer;
        delete dir;
    }

    void printsEachJobToPngAndText()
    {
        QSignalSpy printed(printer, &PrinterSim::printed);
        send(receipt("Shop"_ba) + receipt("Second"_ba));
        QTRY_COMPARE(printed.size(), 2);
        QCOMPARE(printed[0][0].toString(), receiptPath(1, "png"));
        QCOMPARE(printed[1][1].toString(), receiptPath(2, "txt"));
        QCOMPARE(fileText(receiptPath(1, "txt")),
                 QString(22, u' ') + u"Shop\n合计  1.00\n--- cut ---\n"_s);
        for (const char *extension : {"png", "txt"})
            QCOMPARE(QFile::permissions(receiptPath(1, extension)),
                     QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
        const QImage image(receiptPath(2, "png"));
        QCOMPARE(image.width(), 576);
        QCOMPARE(image.height(), 2 * 30);
        QCOMPARE(QDir(dir->path()).entryList(QDir::Files).size(), 4); // no .part left
    }

    void statusAnswersForEachState_data()
    {
        QTest::addColumn<PrinterState>("state");
        QTest::addColumn<QByteArray>("answers"); // DLE EOT 1, 2, 3, 4
        QTest::newRow("online") << PrinterState() << "\x12\x12\x12\x12"_ba;
        QTest::newRow("offline") << PrinterState{true, false, Paper::Ok, false}
                                 << "\x1a\x12\x12\x12"_ba;
        QTest::newRow("cover open")
            << PrinterState{false, true, Paper::Ok, false} << "\x1a\x16\x12\x12"_ba;
        QTest::newRow("paper near end")
            << PrinterState{false, false, Paper::NearEnd, false} << "\x12\x12\x12\x1e"_ba;
        QTest::newRow("paper out")
            << PrinterState{false, false, Paper::Out, false} << "\x1a\x32\x12\x7e"_ba;
        QTest::newRow("drawer open")
            << PrinterState{false, false, Paper::Ok, true} << "\x16\x12\x12\x12"_ba;
    }
    void statusAnswersForEachState()
    {
        QFETCH(PrinterState, state);
        QFETCH(QByteArray, answers);
        for (int n = 1; n <= 4; ++n)
            QCOMPARE(realTimeStatus(state, n), quint8(answers[n - 1]));
        printer->setState(state);
        const auto socket = connectClient();
        QVERIFY(socket);
        QCOMPARE(exchange(*socket, kStatusRequests, 4), answers);
        // Each answer identifies as one (reference/devices.md §1.3).
        for (const char answer : answers)
            QCOMPARE(quint8(answer) & 0x93, 0x12);
    }

    void jobsWaitUntilThePrinterIsReady_data()
    {
        QTest::addColumn<QString>("stop");
        QTest::addColumn<QString>("resume");
        QTest::newRow("paper out") << u"paper out"_s << u"paper in"_s;
        QTest::newRow("offline") << u"offline"_s << u"online"_s;
        QTest::newRow("cover open") << u"cover open"_s << u"cover close"_s;
    }
    void jobsWaitUntilThePrinterIsReady()
    {
        QFETCH(QString, stop);
        QFETCH(QString, resume);
        QSignalSpy printed(printer, &PrinterSim::printed);
        QVERIFY(printer->command(stop).contains(u" held=0"_s));
        const auto socket = connectClient();
        QVERIFY(socket);
        // Still answering while not ready, and the data is taken.
        QCOMPARE(exchange(*socket, receipt("One"_ba) + receipt("Two"_ba) + "\x10\x04\x01"_ba, 1),
                 "\x1a"_ba);
        QCOMPARE(printer->heldJobs(), 2);
        QCOMPARE(printed.size(), 0);
        QVERIFY(!QFile::exists(receiptPath(1, "png")));
        QVERIFY(printer->command(resume).endsWith(u" held=0"_s));
        QCOMPARE(printed.size(), 2);
        QVERIFY(fileText(receiptPath(1, "txt")).contains(u"One"_s));
        QVERIFY(fileText(receiptPath(2, "txt")).contains(u"Two"_s));
    }

    void aFullBufferPushesBackAndLosesNothing()
    {
        QSignalSpy printed(printer, &PrinterSim::printed);
        printer->command(u"paper out"_s);
        QByteArray jobs;
        for (int i = 1; i <= 200; ++i)
            jobs += QByteArray::number(i) + "\n\x1dV\x00"_ba;
        const auto socket = connectClient();
        QVERIFY(socket);
        socket->write(jobs);
        QTRY_VERIFY(printer->heldJobs() >= PrinterSim::kMaxHeldJobs);
        QTest::qWait(100);
        QVERIFY(printer->heldJobs() < 200); // it stopped reading
        printer->command(u"paper in"_s);
        QTRY_COMPARE(printed.size(), 200);
        QCOMPARE(fileText(receiptPath(200, "txt")), u"200\n--- cut ---\n"_s);
    }

    void oneByteWritesPrintTheSame()
    {
        QSignalSpy printed(printer, &PrinterSim::printed);
        const QByteArray job = receipt("Bytes"_ba) + "\x1d\x48\x02\x1dk\x02"_ba + "690123456789"_ba
                               + '\0' + "\x1dV\x00"_ba;
        send(job);
        QTRY_COMPARE(printed.size(), 2);
        const auto socket = connectClient();
        QVERIFY(socket);
        for (const char byte : job) {
            socket->write(&byte, 1);
            socket->flush();
            QCoreApplication::processEvents();
        }
        QTRY_COMPARE(printed.size(), 4);
        for (const int number : {1, 2}) {
            for (const char *extension : {"png", "txt"}) {
                QFile whole(receiptPath(number, extension));
                QFile bytewise(receiptPath(number + 2, extension));
                QVERIFY(whole.open(QIODevice::ReadOnly) && bytewise.open(QIODevice::ReadOnly));
                QCOMPARE(bytewise.readAll(), whole.readAll());
            }
        }
    }

    void aKickOpensTheDrawer()
    {
        QSignalSpy kicked(printer, &PrinterSim::drawerKicked);
        const auto socket = connectClient();
        QVERIFY(socket);
        QCOMPARE(exchange(*socket, "\x1bp\x00\x19\xfa\x10\x04\x01"_ba, 1), "\x16"_ba);
        QCOMPARE(kicked.size(), 1);
        QCOMPARE(kicked[0], QVariantList({2, 50, 500}));
        QVERIFY(printer->state().drawerOpen);
        QVERIFY(printer->command(u"drawer close"_s).contains(u"drawer=closed"_s));
        QCOMPARE(exchange(*socket, "\x10\x04\x01"_ba, 1), "\x12"_ba);
    }

    void linesWithoutACutPrintWhenTheConnectionCloses()
    {
        QSignalSpy printed(printer, &PrinterSim::printed);
        send("no cut\n"_ba + "\x1b"_ba); // and a command cut short
        QTRY_COMPARE(printed.size(), 1);
        QCOMPARE(fileText(receiptPath(1, "txt")), u"no cut\n"_s);
    }

    void warningsAreReported()
    {
        QSignalSpy warnings(printer, &PrinterSim::warning);
        QSignalSpy printed(printer, &PrinterSim::printed);
        send("a\x1bZ\n\x1dV\x00"_ba);
        QTRY_COMPARE(printed.size(), 1);
        QCOMPARE(warnings.size(), 1);
        QCOMPARE(warnings[0][0].toString(), u"receipt-0001: unknown command ESC Z skipped"_s);
    }

    void controlCommands()
    {
        QCOMPARE(printer->command(u"status"_s),
                 u"online paper=ok cover=closed drawer=closed held=0"_s);
        QCOMPARE(printer->command(u"  Paper   Near-End "_s),
                 u"online paper=near-end cover=closed drawer=closed held=0"_s);
        QCOMPARE(printer->command(u"offline"_s),
                 u"offline paper=near-end cover=closed drawer=closed held=0"_s);
        QCOMPARE(printer->command(u"cover open"_s),
                 u"offline paper=near-end cover=open drawer=closed held=0"_s);
        QCOMPARE(printer->command(u"drawer open"_s),
                 u"offline paper=near-end cover=open drawer=open held=0"_s);
        QCOMPARE(printer->command(u"paper sideways"_s),
                 u"error: unknown command \"paper sideways\""_s);
        QCOMPARE(printer->state(), (PrinterState{true, true, Paper::NearEnd, true}));
    }

    void numberingGoesOnAfterTheReceiptsThere()
    {
        delete printer;
        QFile old(receiptPath(41, "txt"));
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.close();
        printer = new PrinterSim(dir->path(), 576);
        QVERIFY(printer->listen(QHostAddress::LocalHost, 0));
        QSignalSpy printed(printer, &PrinterSim::printed);
        send(receipt("Next"_ba));
        QTRY_COMPARE(printed.size(), 1);
        QCOMPARE(printed[0][0].toString(), receiptPath(42, "png"));
    }

    void theExecutable()
    {
        QProcess sim;
        sim.setProgram(QStringLiteral(SMARTPOS_BIN_DIR "/smartpos-printer-sim"));
        sim.setArguments({u"--listen"_s, u"127.0.0.1:0"_s, u"--out"_s, dir->filePath(u"out"_s),
                          u"--width"_s, u"384"_s, u"--paper-out"_s});
        sim.start();
        QVERIFY2(sim.waitForStarted(10000), qPrintable(sim.errorString()));
        const auto readLine = [&sim] {
            QElapsedTimer timer;
            timer.start();
            while (!sim.canReadLine() && timer.elapsed() < 10000)
                sim.waitForReadyRead(100);
            return QString::fromUtf8(sim.readLine()).trimmed();
        };
        const QString first = readLine();
        const QRegularExpressionMatch listening =
            QRegularExpression(u"^listening on tcp://127\\.0\\.0\\.1:(\\d+)$"_s).match(first);
        QVERIFY2(listening.hasMatch(), qPrintable(first));

        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, listening.captured(1).toUShort());
        QVERIFY(socket.waitForConnected(5000));
        socket.write(receipt("Sim"_ba) + "\x10\x04\x04"_ba);
        QVERIFY(socket.waitForReadyRead(5000));
        QCOMPARE(socket.readAll(), "\x7e"_ba); // out of paper, from --paper-out

        sim.write("paper in\n"); // the held job prints, then the reply
        const QString png = dir->filePath(u"out/receipt-0001.png"_s);
        const QString txt = dir->filePath(u"out/receipt-0001.txt"_s);
        QCOMPARE(readLine(), u"printed %1 %2"_s.arg(png, txt));
        QCOMPARE(readLine(), u"online paper=ok cover=closed drawer=closed held=0"_s);
        QCOMPARE(QImage(png).width(), 384);
        QCOMPARE(fileText(txt), QString(14, u' ') + u"Sim\n合计  1.00\n--- cut ---\n"_s);

        sim.terminate(); // SIGTERM
        QVERIFY(sim.waitForFinished(10000));
        QCOMPARE(sim.exitStatus(), QProcess::NormalExit);
        QCOMPARE(sim.exitCode(), 0);
    }

    void theExecutableRefusesBadOptions()
    {
        for (const QStringList &arguments :
             {QStringList{u"--listen"_s, u"nowhere"_s, u"--out"_s, dir->path()},
              QStringList{u"--listen"_s, u"127.0.0.1:0"_s},
              QStringList{u"--out"_s, dir->path(), u"--width"_s, u"500"_s}}) {
            QProcess sim;
            sim.start(QStringLiteral(SMARTPOS_BIN_DIR "/smartpos-printer-sim"), arguments);
            QVERIFY(sim.waitForFinished(10000));
            QCOMPARE(sim.exitCode(), 2);
            QVERIFY(sim.readAllStandardOutput().isEmpty());
        }
    }
};

QTEST_MAIN(TestPrinterSim)
#include "tst_printersim.moc"
