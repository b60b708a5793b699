#include "simulator.h"

#include "checkoutservice.h"

#include <QRandomGenerator>

namespace smartpos {

SimulationReport simulateSales(CheckoutService &checkout, const QStringList &codes, qint64 count,
                               quint32 seed, const std::function<void(qint64)> &onSale)
{
    SimulationReport report;
    if (codes.isEmpty()) {
        report.error = QStringLiteral("the catalog has no products to sell");
        return report;
    }
    QRandomGenerator random(seed);
    for (qint64 i = 0; i < count; ++i) {
        checkout.clearCart();
        const int scans = random.bounded(1, 9);
        for (int s = 0; s < scans; ++s) {
            const ScanOutcome outcome = checkout.scan(codes[random.bounded(int(codes.size()))]);
            if (!outcome.added()) {
                report.error = outcome.message;
                return report;
            }
        }
        const Money due = checkout.cart().total();
        static constexpr qint64 roundings[] = {1, 1000, 5000, 10000};
        const qint64 step = roundings[random.bounded(int(std::size(roundings)))];
        const Money received = Money::fromFen((due.fen + step - 1) / step * step);
        const PaymentOutcome paid = checkout.payCash(received);
        if (!paid.ok) {
            report.error = paid.error;
            return report;
        }
        ++report.sales;
        report.takings += paid.sale.total;
        if (onSale)
            onSale(report.sales);
    }
    return report;
}

} // namespace smartpos
