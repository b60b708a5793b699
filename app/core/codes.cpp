#include "codes.h"

#include <algorithm>

namespace smartpos {

namespace {

// Longer than any product code: such a run of digits may be a payment code.
constexpr qsizetype longestProductCode = 13;

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// Masks every run of digits longer than a product code: it may be a payment code, scanned alone
// or with stray characters around it. Masking keeps the length, so positions stay valid.
QString maskLongDigitRuns(QStringView text)
{
    QString result = text.toString();
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = start;
        while (end < text.size() && isAsciiDigit(text[end]))
            ++end;
        if (end - start > longestProductCode)
            result.replace(start, end - start, maskPaymentCode(text.sliced(start, end - start)));
        start = end + 1;
    }
    return result;
}

// What a wallet's payment code looks like: its length and its first two digits.
struct WalletCodeShape {
    PaymentWallet wallet;
    qsizetype minLength;
    qsizetype maxLength;
    int minPrefix;
    int maxPrefix;
};
constexpr WalletCodeShape walletCodeShapes[] = {
    {PaymentWallet::WeChatPay, 18, 18, 10, 15},
    {PaymentWallet::Alipay, 16, 24, 25, 30},
};

std::optional<PaymentWallet> walletOf(QStringView digits)
{
    for (const auto &shape : walletCodeShapes) {
        if (digits.size() < shape.minLength || digits.size() > shape.maxLength)
            continue;
        const int prefix = digits.first(2).toInt();
        if (prefix >= shape.minPrefix && prefix <= shape.maxPrefix)
            return shape.wallet;
    }
    return std::nullopt;
}

std::optional<ClassifiedCode> classifyOwnCode(QStringView code)
{
    static constexpr std::pair<QLatin1StringView, CodeKind> prefixes[] = {
        {memberCodePrefix, CodeKind::Member},
        {couponCodePrefix, CodeKind::Coupon},
        {receiptCodePrefix, CodeKind::Receipt},
    };
    for (const auto &[prefix, kind] : prefixes) {
        if (code.startsWith(prefix)) {
            ClassifiedCode result;
            result.kind = kind;
            // The payload is not verified yet: a long run of digits in it may be a payment code.
            result.displayText = maskLongDigitRuns(code);
            result.payload = code.mid(prefix.size()).toString();
            return result;
        }
    }
    return std::nullopt;
}

ClassifiedCode classifyDigits(QStringView digits, const QList<VariableCodeLayout> &layouts)
{
    ClassifiedCode result;
    if (const auto wallet = walletOf(digits)) {
        result.kind = CodeKind::PaymentCode;
        result.payment = WalletPaymentCode(*wallet, digits.toString());
        result.displayText = result.payment.masked();
        return result;
    }
    result.displayText = maskLongDigitRuns(digits);
    result.product = normalizeProductCode(digits);
    switch (result.product.problem) {
    case BarcodeProblem::None:
        result.scaleLabel = decodeVariableCode(result.product.gtin, layouts);
        result.kind = result.scaleLabel ? CodeKind::ScaleLabel : CodeKind::Product;
        break;
    case BarcodeProblem::BadCheckDigit:
        result.kind = CodeKind::Product;
        break;
    case BarcodeProblem::NotDigits:
    case BarcodeProblem::BadLength:
        result.kind = CodeKind::Unknown;
        break;
    }
    return result;
}

} // namespace

QString maskPaymentCode(QStringView code)
{
    constexpr qsizetype shown = 4;
    if (code.size() <= 2 * shown)
        return QString(code.size(), u'*');
    return code.first(shown).toString() + QString(code.size() - 2 * shown, u'*')
           + code.last(shown).toString();
}

ClassifiedCode classifyCode(QStringView scanned, const QList<VariableCodeLayout> &layouts)
{
    const QStringView code = scanned.trimmed();
    if (auto own = classifyOwnCode(code))
        return *own;
    if (isAsciiDigits(code))
        return classifyDigits(code, layouts);
    ClassifiedCode unknown;
    unknown.displayText = maskLongDigitRuns(code);
    unknown.product.problem = BarcodeProblem::NotDigits;
    return unknown;
}

} // namespace smartpos
