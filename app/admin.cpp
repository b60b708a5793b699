// smartpos-admin: the store's maintenance tool. Thin: every command calls the same libraries
// the cashier window uses.
#include "ledger/catalogstore.h"
#include "services/appdata.h"
#include "services/checkoutservice.h"
#include "services/simulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

using namespace smartpos;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const QString &message, int code = 2)
{
    err() << "smartpos-admin: " << message << Qt::endl;
    return code;
}

int catalogCommand(const QStringList &args, const QCommandLineParser &parser, AppData &data)
{
    const QString action = args.value(1);
    if (action == u"import") {
        if (args.size() != 3)
            return fail(QStringLiteral("usage: smartpos-admin catalog import FILE.csv"));
        const ImportReport report = data.catalog.importCsv(args[2]);
        if (!report.ok)
            return fail(report.line ? QStringLiteral("%1 line %2: %3 — nothing was imported.")
                                          .arg(args[2])
                                          .arg(report.line)
                                          .arg(report.reason)
                                    : QStringLiteral("%1: %2 — nothing was imported.")
                                          .arg(args[2], report.reason),
                        1);
        out() << "imported " << report.products << " products (" << report.added << " new, "
              << report.products - report.added << " updated)" << Qt::endl;
        return 0;
    }
    if (action == u"generate") {
        bool ok = false;
        const qint64 count = parser.value(QStringLiteral("count")).toLongLong(&ok);
        if (!ok || count < 1 || count > 100'000'000)
            return fail(QStringLiteral("usage: smartpos-admin catalog generate --count N [--csv FILE]"));
        QString error;
        QElapsedTimer timer;
        timer.start();
        const QString csv = parser.value(QStringLiteral("csv"));
        const bool written = csv.isEmpty() ? data.catalog.generate(count, &error)
                                           : CatalogStore::writeGeneratedCsv(count, csv, &error);
        if (!written)
            return fail(error, 1);
        out() << "generated " << count << " products in " << timer.elapsed() << " ms"
              << Qt::endl;
        return 0;
    }
    if (action == u"count") {
        out() << data.catalog.count() << Qt::endl;
        return 0;
    }
    return fail(QStringLiteral("unknown catalog command \"%1\" (import, generate, count)").arg(action));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("SmartPOS"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "SmartPOS maintenance.\n\n"
        "  catalog import FILE.csv      import or update products; a bad row rejects the file\n"
        "  catalog generate --count N   replace the catalog with N synthetic products\n"
        "             [--csv FILE]      ...or write them as CSV instead\n"
        "  catalog count                number of products\n"
        "  ledger verify                check the journal; exit 1 names the first bad entry\n"
        "  simulate --sales N [--seed S]  ring up N random cash sales through the checkout"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("data-dir"), QStringLiteral("Data directory."),
                      QStringLiteral("DIR"), defaultDataDir()});
    parser.addOption({QStringLiteral("count"), QStringLiteral("Products to generate."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("csv"), QStringLiteral("Write generated products here."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("sales"), QStringLiteral("Sales to simulate."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Random seed."), QStringLiteral("S"),
                      QStringLiteral("1")});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("See above."));
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        parser.showHelp(2);

    AppData data;
    QString error;
    if (!data.open(parser.value(QStringLiteral("data-dir")), &error))
        return fail(error);

    const QString command = args.first();
    if (command == u"catalog")
        return catalogCommand(args, parser, data);
    if (command == u"ledger" && args.value(1) == u"verify") {
        const VerifyResult result = data.ledger.verify();
        if (!result.ok) {
            out() << "FAILED at sequence number " << result.firstBadSeq << ": " << result.reason
                  << Qt::endl;
            return 1;
        }
        out() << "OK " << result.entries << " entries" << Qt::endl;
        return 0;
    }
    if (command == u"simulate") {
        bool ok = false;
        const qint64 sales = parser.value(QStringLiteral("sales")).toLongLong(&ok);
        if (!ok || sales < 1)
            return fail(QStringLiteral("usage: smartpos-admin simulate --sales N [--seed S]"));
        CheckoutService checkout(data.catalog, data.ledger, data.clock,
                                 data.config.variableLayouts);
        const SimulationReport report =
            simulateSales(checkout, data.catalog.someCodes(500), sales,
                          parser.value(QStringLiteral("seed")).toUInt());
        if (!report.error.isEmpty())
            return fail(QStringLiteral("stopped after %1 sales: %2").arg(report.sales).arg(report.error),
                        1);
        out() << "committed " << report.sales << " sales, ¥" << report.takings.toString()
              << Qt::endl;
        return 0;
    }
    return fail(QStringLiteral("unknown command \"%1\"; see --help").arg(args.join(u' ')));
}
