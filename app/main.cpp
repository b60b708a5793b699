// smartpos: the till. Parses options and hands over to TillApp, which wires everything.
#include "services/appdata.h"
#include "tillapp.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    // Options are parsed before the QGuiApplication exists, so --help and --version work
    // without a display.
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("SmartPOS till: cashier and customer screens."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("data-dir"), QStringLiteral("Data directory."),
                      QStringLiteral("DIR"), smartpos::defaultDataDir()});
    parser.addOption({QStringLiteral("key-dir"),
                      QStringLiteral("The terminal's key folder: its journal key and anchor "
                                     "(default: $SMARTPOS_KEY_DIR, else "
                                     "~/.config/SmartPOS/terminals/<id of the data folder>)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("lang"), QStringLiteral("zh_CN or en."), QStringLiteral("L")});
    parser.addOption({QStringLiteral("printer"),
                      QStringLiteral("Receipt printer URI, instead of printer/uri in smartpos.ini "
                                     "(usb://VID:PID, serial:///dev/ttyUSB0, tcp://HOST:9100, "
                                     "file:///dev/usb/lp0)."),
                      QStringLiteral("URI")});
    parser.addOption({QStringLiteral("single-window"),
                      QStringLiteral("Both screens side by side in one window.")});
    parser.addOption({QStringLiteral("screenshot"),
                      QStringLiteral("Save a PNG of each window once shown, then exit."),
                      QStringLiteral("DIR")});
    {
        QCoreApplication cli(argc, argv); // exits here on --help, --version or a bad option
        QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
        parser.process(cli);
    }
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("SmartPOS"));
    QGuiApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    QTextStream err(stderr);

    smartpos::TillApp till;
    QString error;
    const bool started = till.start(
        {parser.value(QStringLiteral("data-dir")), parser.value(QStringLiteral("key-dir")),
         parser.value(QStringLiteral("lang")), parser.isSet(QStringLiteral("single-window")),
         parser.value(QStringLiteral("printer"))},
        &error);
    if (!started)
        err << "smartpos: " << error << Qt::endl;
    if (!till.cashierWindow())
        return 2;

    if (parser.isSet(QStringLiteral("screenshot"))) {
        const QString dir = parser.value(QStringLiteral("screenshot"));
        till.whenShown([&] {
            QString saveError;
            if (!till.saveScreenshots(dir, &saveError)) {
                err << "smartpos: " << saveError << Qt::endl;
                app.exit(3);
                return;
            }
            app.exit(started ? 0 : 1);
        });
    }
    const int code = app.exec();
    return started ? code : qMax(code, 1);
}
