// The scan classifier (app/core/codes.h: classifyCode).
//
// Input: one scan (any bytes, read as UTF-8), classified with the default scale layouts and with
// odd ones. Checked:
//   - deterministic: the same scan gives the same result twice;
//   - the kind follows the documented precedence (own prefix → WeChat → Alipay → product or
//     scale label → unknown), computed here independently, with the documented fields set;
//   - displayText keeps the trimmed scan's length and never holds a run of more than 13 ASCII
//     digits, so a payment code is never shown in full; a payment code shows only its first and
//     last four digits and its digits reach the provider unchanged;
//   - a scale label re-encodes to its GTIN-13.
#include "fuzzcheck.h"

#include "core/codes.h"

#include <QString>

#include <cstdint>

using namespace smartpos;
using smartpos::fuzz::quoted;

namespace {

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

qsizetype longestDigitRun(QStringView text)
{
    qsizetype longest = 0;
    qsizetype run = 0;
    for (const QChar c : text) {
        run = isAsciiDigit(c) ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return longest;
}

bool same(const ClassifiedCode &a, const ClassifiedCode &b)
{
    const bool labels =
        a.scaleLabel.has_value() == b.scaleLabel.has_value()
        && (!a.scaleLabel
            || (a.scaleLabel->plu == b.scaleLabel->plu && a.scaleLabel->kind == b.scaleLabel->kind
                && a.scaleLabel->value == b.scaleLabel->value));
    return a.kind == b.kind && a.displayText == b.displayText && a.product.gtin == b.product.gtin
           && a.product.problem == b.product.problem && labels && a.payload == b.payload
           && a.payment.wallet() == b.payment.wallet()
           && a.payment.fullDigitsForProvider() == b.payment.fullDigitsForProvider();
}

int checkDigit(QStringView body)
{
    int sum = 0;
    for (qsizetype k = 0; k < body.size(); ++k)
        sum += (body[body.size() - 1 - k].unicode() - '0') * (k % 2 == 0 ? 3 : 1);
    return (10 - sum % 10) % 10;
}

void check(QByteArrayView bytes, const QString &scan, const QList<VariableCodeLayout> &layouts)
{
    const ClassifiedCode result = classifyCode(scan, layouts);
    FUZZ_CHECK(same(result, classifyCode(scan, layouts)), quoted(bytes));

    const QStringView code = QStringView(scan).trimmed();

    // The precedence, read from codes.h.
    CodeKind expected = CodeKind::Unknown;
    QString payload;
    std::optional<PaymentWallet> wallet;
    if (code.startsWith(memberCodePrefix))
        expected = CodeKind::Member, payload = code.sliced(memberCodePrefix.size()).toString();
    else if (code.startsWith(couponCodePrefix))
        expected = CodeKind::Coupon, payload = code.sliced(couponCodePrefix.size()).toString();
    else if (code.startsWith(receiptCodePrefix))
        expected = CodeKind::Receipt, payload = code.sliced(receiptCodePrefix.size()).toString();
    else if (fuzz::isAsciiDigits(code)) {
        const int prefix = code.size() >= 2 ? code.first(2).toInt() : -1;
        if (code.size() == 18 && prefix >= 10 && prefix <= 15)
            wallet = PaymentWallet::WeChatPay;
        else if (code.size() >= 16 && code.size() <= 24 && prefix >= 25 && prefix <= 30)
            wallet = PaymentWallet::Alipay;
        if (wallet)
            expected = CodeKind::PaymentCode;
        else if (code.size() == 8 || code.size() == 12 || code.size() == 13)
            expected = CodeKind::Product; // or ScaleLabel, checked below
    }
    if (expected == CodeKind::Product && result.kind == CodeKind::ScaleLabel)
        expected = CodeKind::ScaleLabel;
    FUZZ_CHECK(result.kind == expected, QStringLiteral("%1: kind %2, expected %3")
                                            .arg(quoted(bytes))
                                            .arg(int(result.kind))
                                            .arg(int(expected)));

    // displayText: safe to show for every kind.
    FUZZ_CHECK(result.displayText.size() == code.size(),
               quoted(bytes) + QStringLiteral(" shown as ") + fuzz::quotedText(result.displayText));
    FUZZ_CHECK(longestDigitRun(result.displayText) <= 13,
               quoted(bytes) + QStringLiteral(" shown as ") + fuzz::quotedText(result.displayText));

    switch (result.kind) {
    case CodeKind::Member:
    case CodeKind::Coupon:
    case CodeKind::Receipt:
        FUZZ_CHECK(result.payload == payload, quoted(bytes));
        break;
    case CodeKind::PaymentCode: {
        FUZZ_CHECK(result.payment.wallet() == *wallet, quoted(bytes));
        FUZZ_CHECK(result.payment.fullDigitsForProvider() == code, quoted(bytes));
        FUZZ_CHECK(result.displayText == result.payment.masked(), quoted(bytes));
        const QString &shown = result.displayText;
        FUZZ_CHECK(shown.first(4) == code.first(4) && shown.last(4) == code.last(4)
                       && shown.sliced(4, shown.size() - 8) == QString(shown.size() - 8, u'*'),
                   quoted(bytes) + QStringLiteral(" shown as ") + fuzz::quotedText(shown));
        break;
    }
    case CodeKind::ScaleLabel: {
        FUZZ_CHECK(result.product.isValid() && result.product.gtin.size() == 13
                       && result.scaleLabel.has_value(),
                   quoted(bytes));
        // Re-encode with the layout that matches (longest prefix).
        const VariableCodeLayout *best = nullptr;
        for (const auto &layout : layouts)
            if (layout.isConsistent() && result.product.gtin.startsWith(layout.prefix)
                && (!best || layout.prefix.size() > best->prefix.size()))
                best = &layout;
        FUZZ_CHECK(best && best->value == result.scaleLabel->kind, quoted(bytes));
        // The catalog keys a PLU without leading zeros; the label carries all its digits.
        QString body = best->prefix + result.scaleLabel->plu.rightJustified(best->pluDigits, u'0')
                       + QStringLiteral("%1").arg(result.scaleLabel->value, best->valueDigits, 10,
                                                  QLatin1Char('0'));
        body += QString::number(checkDigit(body));
        FUZZ_CHECK(body == result.product.gtin,
                   quoted(bytes) + QStringLiteral(" re-encodes to ") + body);
        break;
    }
    case CodeKind::Product:
        FUZZ_CHECK(result.product.isValid()
                       || result.product.problem == BarcodeProblem::BadCheckDigit,
                   quoted(bytes));
        if (result.product.isValid())
            FUZZ_CHECK(result.product.gtin.endsWith(code), quoted(bytes));
        break;
    case CodeKind::Unknown:
        FUZZ_CHECK(result.product.problem == BarcodeProblem::NotDigits
                       || result.product.problem == BarcodeProblem::BadLength,
                   quoted(bytes));
        FUZZ_CHECK(result.payment.fullDigitsForProvider().isEmpty(), quoted(bytes));
        break;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString scan = QString::fromUtf8(bytes);
    static const QList<VariableCodeLayout> defaults = defaultVariableCodeLayouts();
    static const QList<VariableCodeLayout> odd = [] {
        QList<VariableCodeLayout> layouts;
        for (const char *text :
             {"2:1:11:price", "20:6:4:weight", "299:4:5:price", "21:2:8:weight", "2:11:1:weight"})
            layouts.append(*VariableCodeLayout::fromString(QString::fromLatin1(text)));
        return layouts;
    }();
    check(bytes, scan, defaults);
    check(bytes, scan, odd);
    check(bytes, scan, {});
    return 0;
}
