// smartpos-cloud: the chain's sync service (docs/sync-protocol.md, docs/operations.md).
#include "cloudcli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("smartpos-cloud"));
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    return smartpos::cloud::runCloudCli(args);
}
