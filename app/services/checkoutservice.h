#pragma once

#include "core/barcode.h"
#include "core/cart.h"
#include "core/clock.h"
#include "core/sale.h"

#include <QObject>

namespace smartpos {

class CatalogStore;
class Ledger;

struct ScanOutcome {
    enum class Status { Added, InvalidCode, UnknownProduct, NeedsWeight };
    Status status = Status::InvalidCode;
    int line = -1;   // the cart line that changed
    QString message; // for the cashier when not added
    bool added() const { return status == Status::Added; }
};

struct PaymentOutcome {
    bool ok = false;
    Sale sale;
    qint64 seq = 0;
    QString error; // for the cashier; the cart is untouched when !ok
};

// One sale at a time: scanned codes become cart lines, a tender completes the sale, and the sale
// is durable in the ledger before anyone is told it is paid. The UI and `smartpos-admin
// simulate` both drive this class, so tests of one are tests of the other.
class CheckoutService : public QObject {
    Q_OBJECT
public:
    CheckoutService(CatalogStore &catalog, Ledger &ledger, const Clock &clock,
                    QList<VariableCodeLayout> layouts, QObject *parent = nullptr);

    ScanOutcome scan(const QString &code);
    bool addProduct(qint64 productId);
    bool setQuantity(int line, qint64 units);
    bool removeLine(int line);
    void clearCart();
    const Cart &cart() const { return m_cart; }

    PaymentOutcome payCash(Money received);

signals:
    void cartChanged();
    void saleCompleted(const smartpos::Sale &sale);

private:
    ScanOutcome addVariable(const VariableCode &label, const QString &code);
    ScanOutcome added(int line);

    CatalogStore &m_catalog;
    Ledger &m_ledger;
    const Clock &m_clock;
    QList<VariableCodeLayout> m_layouts;
    Cart m_cart;
};

} // namespace smartpos
