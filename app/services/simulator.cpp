#include "simulator.h"

#include "salesession.h"

#include <QRandomGenerator>

namespace smartpos {

SimulationReport simulateSales(SaleSession &session, const QStringList &codes, qint64 count,
                               quint32 seed, const std::function<void(qint64)> &onSale)
{
    SimulationReport report;
    if (codes.isEmpty()) {
        report.error = QStringLiteral("the catalog has no products to sell");
        return report;
    }
    QRandomGenerator random(seed);
    auto failed = [&report](const Error &error) {
        report.error = error.message;
        return report;
    };
    for (qint64 i = 0; i < count; ++i) {
        const int scans = random.bounded(1, 9);
        for (int s = 0; s < scans; ++s)
            if (const auto line = session.scan(codes[random.bounded(int(codes.size()))]); !line)
                return failed(line.error());
        const Money due = session.basket().total;
        static constexpr qint64 roundings[] = {1, 1000, 5000, 10000};
        const qint64 step = roundings[random.bounded(int(std::size(roundings)))];
        const Money received = Money::fromFen((due.fen + step - 1) / step * step);
        if (const Status tender = session.beginTender(); !tender)
            return failed(tender.error());
        if (const Status paid = session.payCash(received); !paid)
            return failed(paid.error());
        ++report.sales;
        report.takings += session.lastPaid()->sale.total;
        if (onSale)
            onSale(report.sales);
    }
    return report;
}

} // namespace smartpos
