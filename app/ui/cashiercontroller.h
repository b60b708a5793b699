#pragma once

#include "cartmodel.h"
#include "core/money.h"
#include "core/result.h"
#include "couponmodel.h"
#include "searchmodel.h"

#include <QObject>

#include <optional>

namespace smartpos {

class PrintSpooler;
class ProductSearch;
class SaleSession;

// What the cashier window shows and does, as glue over the sale session: every figure is read
// from the session, the only state kept here is the screen's own (selection, message).
class CashierController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString totalText READ totalText NOTIFY saleChanged)
    Q_PROPERTY(QString taxText READ taxText NOTIFY saleChanged)
    // What the promotions take off the sale in progress or the one just paid; empty: nothing.
    Q_PROPERTY(QString savedText READ savedText NOTIFY saleChanged)
    Q_PROPERTY(int articleCount READ articleCount NOTIFY saleChanged)
    Q_PROPERTY(bool cartEmpty READ cartEmpty NOTIFY saleChanged)
    Q_PROPERTY(bool paymentOpen READ paymentOpen NOTIFY saleChanged)
    Q_PROPERTY(bool showingPaid READ showingPaid NOTIFY saleChanged)
    Q_PROPERTY(QString receivedText READ receivedText NOTIFY saleChanged)
    Q_PROPERTY(QString changeText READ changeText NOTIFY saleChanged)
    Q_PROPERTY(int selectedLine READ selectedLine WRITE setSelectedLine NOTIFY selectedLineChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(bool messageIsError READ messageIsError NOTIFY messageChanged)
    // What is wrong with the receipt printer, for a strip of its own; empty when all is well.
    Q_PROPERTY(QString printerProblem READ printerProblem NOTIFY printerChanged)
    Q_PROPERTY(smartpos::CartModel *lines READ lines CONSTANT)
    Q_PROPERTY(smartpos::SearchModel *searchResults READ searchResults CONSTANT)
    // The member of the sale (in full: the cashier's screen faces the cashier), their points and
    // coupons. The texts are empty without a member.
    Q_PROPERTY(bool hasMember READ hasMember NOTIFY memberChanged)
    Q_PROPERTY(QString memberName READ memberName NOTIFY memberChanged)
    Q_PROPERTY(QString memberPhone READ memberPhone NOTIFY memberChanged)
    Q_PROPERTY(QString memberTier READ memberTier NOTIFY memberChanged)
    Q_PROPERTY(QString memberPointsText READ memberPointsText NOTIFY memberChanged)
    Q_PROPERTY(QString pointsToEarnText READ pointsToEarnText NOTIFY memberChanged)
    Q_PROPERTY(bool memberBirthday READ memberBirthday NOTIFY memberChanged)
    Q_PROPERTY(bool redeemingPoints READ redeemingPoints NOTIFY memberChanged)
    // Whether F7 can pay with points now (on, or the member has points the rules let them use).
    Q_PROPERTY(bool canRedeemPoints READ canRedeemPoints NOTIFY memberChanged)
    // "Use points: −¥3.00 (300 points)"; empty when there is nothing to use.
    Q_PROPERTY(QString redeemText READ redeemText NOTIFY memberChanged)
    // What the cashier reads out before a sign-up at the till (the customer screen shows it too).
    Q_PROPERTY(QString consentText READ consentText NOTIFY memberChanged)
    Q_PROPERTY(bool canGiveCoupon READ canGiveCoupon NOTIFY memberChanged)
    // The coupons presented (the first rows of `coupons`; the given ones follow).
    Q_PROPERTY(int presentedCoupons READ presentedCoupons NOTIFY memberChanged)
    Q_PROPERTY(smartpos::CouponModel *coupons READ coupons CONSTANT)
public:
    CashierController(SaleSession &session, const ProductSearch &search, CartModel &lines,
                      SearchModel &results, QObject *parent = nullptr);

    // The sale in progress, or the one just paid (then with what was tendered and the change).
    QString totalText() const;
    QString taxText() const;
    QString savedText() const;
    int articleCount() const;
    bool cartEmpty() const;
    bool paymentOpen() const;
    bool showingPaid() const;
    QString receivedText() const;
    QString changeText() const;
    int selectedLine() const { return m_selectedLine; }
    void setSelectedLine(int line);
    const QString &message() const { return m_message; }
    bool messageIsError() const { return m_messageIsError; }
    CartModel *lines() const { return &m_lines; }
    SearchModel *searchResults() const { return &m_results; }

    bool hasMember() const;
    QString memberName() const;
    QString memberPhone() const;
    QString memberTier() const;
    QString memberPointsText() const;
    QString pointsToEarnText() const;
    bool memberBirthday() const;
    bool redeemingPoints() const;
    bool canRedeemPoints() const;
    QString redeemText() const;
    QString consentText() const;
    bool canGiveCoupon() const { return m_giveCampaign.has_value(); }
    int presentedCoupons() const;
    CouponModel *coupons() const { return &m_coupons; }

    // A code typed into the scan field; scanners feed the session directly.
    Q_INVOKABLE void scan(const QString &code);
    Q_INVOKABLE void search(const QString &text);
    Q_INVOKABLE bool addSearchResult(int row);
    Q_INVOKABLE void changeQuantity(int delta);
    Q_INVOKABLE void removeSelectedLine();
    Q_INVOKABLE void voidCart();
    Q_INVOKABLE void openPayment();
    Q_INVOKABLE void cancelPayment();
    // Cash handed over, as typed ("100", "58.5"); pays and commits the sale when enough. Change
    // of MoneyLimits::confirmChange or more asks first: the same amount again confirms it.
    Q_INVOKABLE bool payCash(const QString &received);
    Q_INVOKABLE bool payExact();
    Q_INVOKABLE bool payYuan(int yuan);
    Q_INVOKABLE void dismissPaid();
    // Opens the drawer without a sale (recorded in the ledger); only between sales.
    Q_INVOKABLE void noSale();
    Q_INVOKABLE void clearMessage();
    // Prints the last sale's receipt again (it says REPRINT).
    Q_INVOKABLE void reprintLast();

    // The member with this phone number, typed by the cashier (F6).
    Q_INVOKABLE bool identifyMember(const QString &phone);
    // Signs the customer up with this phone number, once the cashier has read out consentText
    // and the customer agreed; a phone that is already a member's identifies that member.
    Q_INVOKABLE bool joinMember(const QString &phone);
    Q_INVOKABLE void removeMember();
    Q_INVOKABLE void toggleRedeemPoints();
    // A presented coupon (its row in `coupons`) leaves the sale, still usable another time.
    Q_INVOKABLE void removeCoupon(int row);
    // The coupon presented last.
    Q_INVOKABLE void removeLastCoupon();
    // Hands the customer the next coupon of the face-to-face campaign (setGiveCampaign).
    Q_INVOKABLE void giveCoupon();

    // The campaign whose pool giveCoupon() draws from; none: no face-to-face coupons.
    void setGiveCampaign(std::optional<quint32> campaign);
    // The UI language changed: the texts made here are read again.
    void retranslate();

    // A scanner read something it had to drop (garbled, too long): the cashier scans again.
    void showScanProblem(const QString &message) { setMessage(message, true); }

    // The till's printer, when it has one; not owned.
    void setPrintSpooler(PrintSpooler *spooler);
    // Why the printer named in the settings is not used (a bad URI, …).
    void setPrinterProblem(const QString &problem);
    QString printerProblem() const;

signals:
    void saleChanged();
    void selectedLineChanged();
    void messageChanged();
    void printerChanged();
    void memberChanged();

private:
    bool pay(Money received);
    // Shows the error of a refused action; true when it was done.
    bool done(const Status &status);
    void setMessage(const QString &text, bool isError);
    void onCartChanged();
    void refreshMember();
    QString itemName(const QString &sku) const;

    SaleSession &m_session;
    const ProductSearch &m_search;
    CartModel &m_lines;
    SearchModel &m_results;
    PrintSpooler *m_spooler = nullptr;
    QString m_printerProblem;
    qint64 m_lastSaleSeq = 0;             // for a reprint, also after the next sale has started
    std::optional<Money> m_cashToConfirm; // asked about; paid when the cashier enters it again
    mutable CouponModel m_coupons;
    std::optional<quint32> m_giveCampaign;
    int m_selectedLine = -1;
    QString m_message;
    bool m_messageIsError = false;
};

} // namespace smartpos
