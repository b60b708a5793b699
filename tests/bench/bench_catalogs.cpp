// Makes the generated catalogs the benchmarks share (100k and 1M products), or checks that they
// are there. A 1M-product generate takes tens of seconds the first time.
#include "benchdata.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    for (const qint64 products : {qint64(100'000), qint64(1'000'000)}) {
        const QString dir = smartpos::bench::catalogDir(products);
        if (dir.isEmpty())
            return 1;
        std::printf("%s\n", qPrintable(dir));
    }
    return 0;
}
