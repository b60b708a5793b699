#pragma once

#include "barcode.h"

#include <QLatin1StringView>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace smartpos {

// Codes SmartPOS issues itself start with a kind and a format version. Only the prefix is read
// here; what follows is the payload, which the members, coupons and refunds code verifies.
inline constexpr QLatin1StringView memberCodePrefix("SPM1.");
inline constexpr QLatin1StringView couponCodePrefix("SPC1.");
inline constexpr QLatin1StringView receiptCodePrefix("SPR1.");

enum class CodeKind { Product, ScaleLabel, Member, Coupon, Receipt, PaymentCode, Unknown };

enum class PaymentWallet { WeChatPay, Alipay };

// "1345********7890": the first 4 and last 4 characters, every other one replaced by '*'.
// Text of 8 characters or fewer is masked completely, so nothing short is ever shown in full.
QString maskPaymentCode(QStringView code);

// A mobile wallet's one-time payment code (付款码). The digits are a bearer token: they go to the
// payment provider and nowhere else — never to the screen, a log or the ledger. So they are not
// a public field, and there is no QDebug or QString conversion: show masked() instead.
class WalletPaymentCode {
public:
    WalletPaymentCode() = default;
    WalletPaymentCode(PaymentWallet wallet, QString digits)
        : m_wallet(wallet)
        , m_digits(std::move(digits))
    {
    }

    PaymentWallet wallet() const { return m_wallet; }
    QString masked() const { return maskPaymentCode(m_digits); }
    // For the payment provider's request only.
    const QString &fullDigitsForProvider() const { return m_digits; }

private:
    PaymentWallet m_wallet = PaymentWallet::WeChatPay;
    QString m_digits;
};

// What a scanned string turned out to be. Which fields are set depends on kind:
//   Product      product.gtin, or product.problem == BadCheckDigit for digits of a product
//                code's length that fail the check digit (a misread: "wrong check digit")
//   ScaleLabel   product.gtin (the GTIN-13) and scaleLabel (PLU, price or weight)
//   Member, Coupon, Receipt
//                payload: the text after the prefix, not yet verified (may be empty)
//   PaymentCode  payment
//   Unknown      product.problem says why it is not a product code (NotDigits, BadLength)
struct ClassifiedCode {
    CodeKind kind = CodeKind::Unknown;
    // Safe to show and log for every kind: the trimmed scan, with payment codes — and any run of
    // digits longer than a product code, which may be a misread one — masked.
    QString displayText;
    ProductCode product;
    std::optional<VariableCode> scaleLabel;
    QString payload;
    WalletPaymentCode payment;
};

// Classifies a scan after trimming surrounding whitespace. Only ASCII '0'–'9' count as digits
// (a full-width '１' or an Arabic-Indic digit does not). Precedence, first match wins:
//   1. a SmartPOS prefix (case-sensitive)        → Member, Coupon, Receipt
//   2. 18 digits starting 10–15                  → PaymentCode, WeChat Pay
//   3. 16–24 digits starting 25–30               → PaymentCode, Alipay
//   4. 8, 12 or 13 digits (EAN-8, UPC-A, EAN-13) → Product, or ScaleLabel when it is a valid
//      GTIN-13 matching one of `layouts`; a prefix-2 code matching none stays a Product
//   5. anything else                             → Unknown
// Payment codes and product codes never have the same length, so 2–4 cannot collide.
ClassifiedCode classifyCode(QStringView scanned, const QList<VariableCodeLayout> &layouts);

} // namespace smartpos
