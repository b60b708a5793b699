#pragma once

#include "core/money.h"

#include <QStringList>

#include <functional>

namespace smartpos {

class CheckoutService;

struct SimulationReport {
    qint64 sales = 0;
    Money takings;
    QString error;
};

// Rings up `count` random sales through the checkout service the cashier window uses: 1–8 scans
// from `codes` (repeats increment lines), then cash — exact, or rounded up to ¥10, ¥50 or ¥100.
SimulationReport simulateSales(CheckoutService &checkout, const QStringList &codes, qint64 count,
                               quint32 seed,
                               const std::function<void(qint64 committed)> &onSale = {});

} // namespace smartpos
