#pragma once

#include "cartmodel.h"
#include "core/money.h"
#include "searchmodel.h"

#include <QObject>

namespace smartpos {

class CatalogStore;
class CheckoutService;
struct Sale;

// Everything the cashier window does goes through here; QML only binds and forwards keys.
class CashierController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString totalText READ totalText NOTIFY cartChanged)
    Q_PROPERTY(QString taxText READ taxText NOTIFY cartChanged)
    Q_PROPERTY(int articleCount READ articleCount NOTIFY cartChanged)
    Q_PROPERTY(bool cartEmpty READ cartEmpty NOTIFY cartChanged)
    Q_PROPERTY(int selectedLine READ selectedLine WRITE setSelectedLine NOTIFY selectedLineChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(bool messageIsError READ messageIsError NOTIFY messageChanged)
    Q_PROPERTY(bool paymentOpen READ paymentOpen NOTIFY paymentOpenChanged)
    Q_PROPERTY(bool showingPaid READ showingPaid NOTIFY paidChanged)
    Q_PROPERTY(QString paidTotalText READ paidTotalText NOTIFY paidChanged)
    Q_PROPERTY(QString receivedText READ receivedText NOTIFY paidChanged)
    Q_PROPERTY(QString changeText READ changeText NOTIFY paidChanged)
    Q_PROPERTY(CartModel *lines READ lines CONSTANT)
    Q_PROPERTY(SearchModel *searchResults READ searchResults CONSTANT)
public:
    CashierController(CheckoutService &checkout, CatalogStore &catalog, CartModel &lines,
                      SearchModel &search, QObject *parent = nullptr);

    QString totalText() const;
    QString taxText() const;
    int articleCount() const;
    bool cartEmpty() const;
    int selectedLine() const { return m_selectedLine; }
    void setSelectedLine(int line);
    const QString &message() const { return m_message; }
    bool messageIsError() const { return m_messageIsError; }
    bool paymentOpen() const { return m_paymentOpen; }
    bool showingPaid() const { return m_showingPaid; }
    QString paidTotalText() const { return m_paidTotal.toString(); }
    QString receivedText() const { return m_received.toString(); }
    QString changeText() const { return m_change.toString(); }
    CartModel *lines() const { return &m_lines; }
    SearchModel *searchResults() const { return &m_search; }

    // A code from a scanner or typed into the scan field.
    Q_INVOKABLE void scan(const QString &code);
    Q_INVOKABLE void search(const QString &text);
    Q_INVOKABLE bool addSearchResult(int row);
    Q_INVOKABLE void changeQuantity(int delta);
    Q_INVOKABLE bool setQuantity(int line, const QString &units);
    Q_INVOKABLE void removeSelectedLine();
    Q_INVOKABLE void voidCart();
    Q_INVOKABLE void openPayment();
    Q_INVOKABLE void cancelPayment();
    // Cash handed over, as typed ("100", "58.5"); pays and commits the sale when enough.
    Q_INVOKABLE bool payCash(const QString &received);
    Q_INVOKABLE bool payExact();
    Q_INVOKABLE bool payYuan(int yuan);
    Q_INVOKABLE void dismissPaid();
    Q_INVOKABLE void clearMessage();

signals:
    void cartChanged();
    void selectedLineChanged();
    void messageChanged();
    void paymentOpenChanged();
    void paidChanged();

private:
    bool pay(Money received);
    void setMessage(const QString &text, bool isError);
    void setPaymentOpen(bool open);
    void onCartChanged();

    CheckoutService &m_checkout;
    CatalogStore &m_catalog;
    CartModel &m_lines;
    SearchModel &m_search;
    int m_selectedLine = -1;
    QString m_message;
    bool m_messageIsError = false;
    bool m_paymentOpen = false;
    bool m_showingPaid = false;
    Money m_paidTotal;
    Money m_received;
    Money m_change;
};

} // namespace smartpos
