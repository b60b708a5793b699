#pragma once

#include "core/money.h"

#include <QStringList>

#include <functional>

namespace smartpos {

class SaleSession;

struct SimulationReport {
    qint64 sales = 0;
    Money takings;
    QString error;
};

// Rings up `count` random sales through the sale session the cashier window uses: 1–8 scans
// from `codes` (repeats increment lines), then cash — exact, or rounded up to ¥10, ¥50 or ¥100.
SimulationReport simulateSales(SaleSession &session, const QStringList &codes, qint64 count,
                               quint32 seed,
                               const std::function<void(qint64 committed)> &onSale = {});

} // namespace smartpos
