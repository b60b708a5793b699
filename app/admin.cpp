// smartpos-admin: the store's maintenance tool. Thin: every command calls the same libraries
// the cashier window uses; the command-line plumbing and the catalog and ledger commands are in
// admincommands.cpp.
#include "admincommands.h"
#include "codecommands.h"
#include "devicecommands.h"
#include "membercommands.h"
#include "services/appdata.h"
#include "services/salesession.h"
#include "services/simulator.h"
#include "synccommands.h"

#include <QCoreApplication>

#include <limits>

using namespace smartpos;

namespace {

// simulate --sales N [--seed S] [--no-sale-every K]
int simulate(const admin::Invocation &invocation)
{
    qint64 sales = 0, seed = 1, noSaleEvery = 0;
    if (!invocation.number(QStringLiteral("sales"), 1, 100'000'000, 0, &sales)
        || !invocation.number(QStringLiteral("seed"), 0, std::numeric_limits<quint32>::max(), 1,
                              &seed)
        || !invocation.number(QStringLiteral("no-sale-every"), 1, 100'000'000, 0, &noSaleEvery))
        return admin::Usage;
    AppData data;
    if (!admin::openForWriting(invocation, data))
        return admin::Failed;
    SaleSession session(data.catalog, data.ledger, data.clock, data.config.rules);
    const QStringList codes = data.catalog.someCodes(500);
    // Without --no-sale-every: one run of `sales`. With it: runs of K sales (seeds S, S+K, …),
    // each followed by one no-sale entry written straight to the ledger.
    const qint64 chunk = noSaleEvery ? noSaleEvery : sales;
    SimulationReport total;
    qint64 noSales = 0;
    for (qint64 done = 0; done < sales && total.error.isEmpty(); done += chunk) {
        const qint64 count = qMin(chunk, sales - done);
        const SimulationReport report = simulateSales(session, codes, count, quint32(seed + done));
        total.sales += report.sales;
        total.takings += report.takings;
        total.error = report.error;
        if (noSaleEvery && report.error.isEmpty() && count == noSaleEvery) {
            if (const Result<qint64> entry = data.ledger.commitNoSale(data.clock.nowUtc()); entry)
                ++noSales;
            else
                total.error = entry.error().message;
        }
    }
    const QString noSaleText =
        noSaleEvery ? QStringLiteral(" and %1 no-sales").arg(noSales) : QString();
    if (!total.error.isEmpty())
        return admin::fail(QStringLiteral("stopped after %1 sales%2: %3")
                               .arg(total.sales)
                               .arg(noSaleText, total.error));
    admin::print(QStringLiteral("committed %1 sales%2, ¥%3")
                     .arg(total.sales)
                     .arg(noSaleText, total.takings.toString()));
    return admin::Done;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("SmartPOS"));
    QList<admin::Command> commands = admin::libraryCommands() + admin::deviceCommands()
                                     + admin::codeCommands() + admin::memberCommands()
                                     + admin::syncCommands();
    commands.append(
        {{QStringLiteral("simulate")},
         QStringLiteral("--sales N [--seed S] [--no-sale-every K]"),
         QStringLiteral("ring up N random cash sales through the cashier's sale session"),
         QStringLiteral("Rings up N random cash sales (1-8 scans each, cash exact or rounded up) "
                        "through the sale session the cashier window uses, each committed to the "
                        "ledger."),
         {{QStringLiteral("sales"), QStringLiteral("N"),
           QStringLiteral("sales to ring up (1 to 100000000)"), true},
          {QStringLiteral("seed"), QStringLiteral("S"),
           QStringLiteral(
               "random seed (0 to 4294967295, default 1): the same seed, the same sales")},
          {QStringLiteral("no-sale-every"), QStringLiteral("K"),
           QStringLiteral("also record a no-sale after every K sales")}},
         {},
         simulate});
    return admin::run(app.arguments().mid(1), commands);
}
