// smartpos-printer-sim: a virtual ESC/POS network printer that prints each receipt to a PNG and a
// text file (printersim.h); control lines on stdin (simconsole.h). Thin: options only.
//   smartpos-printer-sim --listen HOST:PORT --out DIR [--width 384|576] [--paper-out] [--offline]
// The first line on stdout is "listening on tcp://HOST:PORT", with the port it got.
#include "printersim.h"
#include "simconsole.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QUrl>

#include <cstdio>

using namespace smartpos::sim;

namespace {

int usage(const QString &message)
{
    std::fprintf(stderr, "smartpos-printer-sim: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    // It draws into images and never shows a window, so it needs no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("smartpos-printer-sim"));

    QCommandLineParser options;
    options.setApplicationDescription(
        QStringLiteral("A virtual ESC/POS network printer: each receipt becomes receipt-NNNN.png "
                       "and receipt-NNNN.txt. Control lines on stdin: online, offline, paper out, "
                       "paper near-end, paper in, cover open, cover close, drawer open, drawer "
                       "close, status."));
    options.addHelpOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Where to listen; port 0 takes a free one."),
                                    QStringLiteral("host:port"), QStringLiteral("127.0.0.1:9100"));
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("The directory for the receipts."),
                                 QStringLiteral("dir"));
    const QCommandLineOption width(QStringLiteral("width"),
                                   QStringLiteral("Printable dots: 384 (58 mm) or 576 (80 mm)."),
                                   QStringLiteral("dots"), QStringLiteral("576"));
    const QCommandLineOption paperOut(QStringLiteral("paper-out"),
                                      QStringLiteral("Start without paper."));
    const QCommandLineOption offline(QStringLiteral("offline"), QStringLiteral("Start offline."));
    options.addOptions({listen, out, width, paperOut, offline});
    options.process(app);

    const QUrl url(QStringLiteral("tcp://") + options.value(listen));
    const QString host = url.host() == u"localhost" ? QStringLiteral("127.0.0.1") : url.host();
    const QHostAddress address(host);
    if (!url.isValid() || address.isNull() || url.port() < 0)
        return usage(QStringLiteral("--listen takes HOST:PORT, e.g. 127.0.0.1:9100 or [::1]:0"));
    if (options.value(out).isEmpty())
        return usage(QStringLiteral("--out DIR is needed"));
    const int dots = options.value(width).toInt();
    if (dots != 384 && dots != 576)
        return usage(QStringLiteral("--width is 384 or 576"));

    PrinterSim printer(options.value(out), dots);
    PrinterState state;
    state.offline = options.isSet(offline);
    state.paper = options.isSet(paperOut) ? Paper::Out : Paper::Ok;
    printer.setState(state);
    SimConsole console(&printer);
    if (!printer.listen(address, quint16(url.port()))) {
        std::fprintf(stderr, "smartpos-printer-sim: cannot listen on %s: %s\n",
                     qPrintable(options.value(listen)), qPrintable(printer.errorString()));
        return 1;
    }
    const QString shown = address.protocol() == QAbstractSocket::IPv6Protocol
                              ? u'[' + printer.serverAddress().toString() + u']'
                              : printer.serverAddress().toString();
    SimConsole::say(
        QStringLiteral("listening on tcp://%1:%2").arg(shown).arg(printer.serverPort()));
    return app.exec();
}
