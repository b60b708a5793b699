#include "receipt.h"

#include "core/couponcode.h"
#include "core/pricing.h"

#include <optional>

namespace smartpos {

namespace {

// Receipt words in both languages at once: a receipt in both prints them side by side, which
// the UI's translations (one language at a time) cannot do.
struct Words {
    const char *zh;
    const char *en;
};
constexpr Words receiptNumber{"小票号", "Receipt"};
constexpr Words timeWords{"时间", "Time"};
constexpr Words tillWords{"收银机", "Till"};
constexpr Words cashierWords{"收银员", "Cashier"};
constexpr Words phoneWords{"电话", "Tel"};
constexpr Words reprintWords{"重印", "REPRINT"};
constexpr Words subtotalWords{"小计", "Subtotal"};
constexpr Words totalWords{"合计", "TOTAL"};
constexpr Words changeWords{"找零", "Change"};
constexpr Words vatWords{"含增值税", "incl. VAT"};
constexpr Words returnsWords{"退货请出示此码", "Show this code for returns"};
constexpr Words footerWords{"谢谢惠顾，欢迎再次光临", "Thank you, please come again"};
constexpr Words savedWords{"共优惠", "You saved"};
constexpr Words memberWords{"会员", "Member"};
constexpr Words tierLabelWords{"等级", "Tier"};
constexpr Words earnedWords{"本单积分", "Points earned"};
constexpr Words redeemedWords{"积分抵扣", "Points used"};
constexpr Words balanceWords{"积分余额", "Points balance"};
constexpr Words couponUsedWords{"已核销券", "Coupon used"};
constexpr Words giftWords{"送您一张优惠券", "A coupon for you"};
constexpr Words giftKeptWords{"已存入会员账户", "Added to your member account"};
constexpr Words giftShowWords{"下次购物出示此码", "Show this code next time"};

std::optional<Words> tierWords(QStringView tier)
{
    if (tier == u"platinum")
        return Words{"白金卡", "Platinum"};
    if (tier == u"gold")
        return Words{"金卡", "Gold"};
    if (tier == u"silver")
        return Words{"银卡", "Silver"};
    return std::nullopt;
}

Words tenderWords(Tender::Kind kind)
{
    switch (kind) {
    case Tender::Kind::Cash:
        return {"现金", "Cash"};
    case Tender::Kind::PaymentCode:
        return {"扫码支付", "Mobile payment"};
    case Tender::Kind::Prepaid:
        return {"储值卡", "Stored value"};
    case Tender::Kind::Points:
        return {"积分抵扣", "Points"};
    case Tender::Kind::ExternalCard:
        return {"银行卡", "Card"};
    }
    return {"", ""};
}

class Builder {
public:
    explicit Builder(const ReceiptContext &context)
        : m_language(context.language)
    {
    }

    QString say(Words words) const { return pick(QString::fromUtf8(words.zh), words.en); }
    // A product or promotion name: the receipt's language first, the other when it has none.
    QString pick(const QString &zh, const QString &en) const
    {
        switch (m_language) {
        case ReceiptLanguage::Chinese:
            return zh.isEmpty() ? en : zh;
        case ReceiptLanguage::English:
            return en.isEmpty() ? zh : en;
        case ReceiptLanguage::Both:
            break;
        }
        if (zh.isEmpty() || en.isEmpty() || zh == en)
            return zh.isEmpty() ? en : zh;
        return zh + u' ' + en;
    }
    QString pick(const QString &zh, const char *en) const
    {
        return pick(zh, QString::fromUtf8(en));
    }
    bool both() const { return m_language == ReceiptLanguage::Both; }
    ReceiptLanguage language() const { return m_language; }

    void text(const QString &text, escpos::Align align = escpos::Align::Left, bool emphasis = false)
    {
        if (!text.isEmpty())
            m_lines.append({ReceiptLine::Kind::Text, text, {}, align, emphasis});
    }
    // A sentence: in both languages, one line each (side by side they wrap mid-sentence).
    void sentence(Words words, escpos::Align align)
    {
        if (!both())
            return text(say(words), align);
        text(QString::fromUtf8(words.zh), align);
        text(QString::fromUtf8(words.en), align);
    }
    void pair(const QString &label, const QString &value, bool emphasis = false)
    {
        m_lines.append({ReceiptLine::Kind::Pair, label, value, escpos::Align::Left, emphasis});
    }
    void rule() { m_lines.append({ReceiptLine::Kind::Rule, {}, {}, escpos::Align::Left, false}); }
    void qr(const QString &data)
    {
        m_lines.append({ReceiptLine::Kind::Qr, data, {}, escpos::Align::Center, false});
    }
    QList<ReceiptLine> take() { return std::move(m_lines); }

private:
    ReceiptLanguage m_language;
    QList<ReceiptLine> m_lines;
};

QString quantityText(const SaleLine &line)
{
    if (line.weighed)
        return QStringLiteral("%1 kg × %2/kg")
            .arg(QString::number(double(line.quantity) / 1000.0, 'f', 3),
                 line.unitPrice.toString());
    return QStringLiteral("%1 × %2").arg(line.quantity).arg(line.unitPrice.toString());
}

QString percent(int basisPoints)
{
    return basisPoints % 100 == 0 ? QStringLiteral("%1%").arg(basisPoints / 100)
                                  : QStringLiteral("%1%").arg(basisPoints / 100.0, 0, 'f', 2);
}

void addItems(Builder &b, const Sale &sale)
{
    for (qsizetype i = 0; i < sale.lines.size(); ++i) {
        const SaleLine &line = sale.lines[i];
        // Both languages: the Chinese name, then the English one on a line of its own (two names
        // in one line would wrap badly at 32 columns).
        if (b.both() && !line.nameZh.isEmpty() && !line.nameEn.isEmpty()
            && line.nameZh != line.nameEn) {
            b.text(line.nameZh);
            b.text(line.nameEn);
        } else {
            b.text(b.pick(line.nameZh, line.nameEn));
        }
        b.pair(QStringLiteral("  ") + quantityText(line), line.total.toString());
        for (const Adjustment &adjustment : sale.adjustments)
            if (adjustment.line == i)
                b.pair(QStringLiteral("  ") + b.pick(adjustment.nameZh, adjustment.nameEn),
                       adjustment.amount.toString());
    }
}

void addTotals(Builder &b, const Sale &sale)
{
    Money subtotal;
    for (const SaleLine &line : sale.lines)
        subtotal += line.total;
    bool basketAdjusted = false;
    for (const Adjustment &adjustment : sale.adjustments)
        basketAdjusted = basketAdjusted || adjustment.line < 0;
    if (basketAdjusted || subtotal != sale.total) {
        b.pair(b.say(subtotalWords), subtotal.toString());
        for (const Adjustment &adjustment : sale.adjustments)
            if (adjustment.line < 0)
                b.pair(b.pick(adjustment.nameZh, adjustment.nameEn), adjustment.amount.toString());
    }
    b.pair(b.say(totalWords), QStringLiteral("¥") + sale.total.toString(), true);
    Money saved;
    for (const Adjustment &adjustment : sale.adjustments)
        saved.fen -= adjustment.amount.fen; // bounded: the sale's total is within its limits
    if (saved.fen > 0)
        b.pair(b.say(savedWords), saved.toString());
    Money change;
    for (const Tender &tender : sale.tenders) {
        const QString label = b.say(tenderWords(tender.kind));
        b.pair(tender.reference.isEmpty() ? label : label + u' ' + tender.reference,
               tender.received.toString());
        change += tender.change;
    }
    if (!change.isZero())
        b.pair(b.say(changeWords), change.toString());
    for (const TaxLine &tax : taxBreakdown(sale))
        if (tax.rateBp > 0)
            b.pair(b.say(vatWords) + u' ' + percent(tax.rateBp), tax.tax.toString());
}

// What a coupon gives, in Chinese and in English: "¥5 代金券 满20可用", "¥5 off from ¥20".
std::pair<QString, QString> couponWording(const Coupon &coupon)
{
    // Whole yuan without ".00": ¥5, ¥2.50.
    const auto yuan = [](Money amount) {
        return amount.fen % 100 == 0 ? QString::number(amount.fen / 100) : amount.toString();
    };
    const QString value = yuan(Money::fromFen(coupon.value));
    const QString minimum = yuan(coupon.minSpend);
    QString zh;
    QString en;
    switch (coupon.kind) {
    case Coupon::Kind::Cash:
        zh = QStringLiteral("¥%1 代金券").arg(value);
        en = QStringLiteral("¥%1 off").arg(value);
        break;
    case Coupon::Kind::Percent:
        zh = QStringLiteral("%1折券").arg(QString::number((10000 - coupon.value) / 1000.0));
        en = QStringLiteral("%1 off").arg(percent(int(coupon.value)));
        break;
    case Coupon::Kind::Threshold:
        return {QStringLiteral("满%1减%2").arg(minimum, value),
                QStringLiteral("¥%1 off ¥%2").arg(value, minimum)};
    case Coupon::Kind::Item:
        zh = QStringLiteral("提货券 %1").arg(coupon.sku);
        en = QStringLiteral("Free %1").arg(coupon.sku);
        break;
    }
    if (!coupon.minSpend.isZero()) {
        zh += QStringLiteral(" 满%1可用").arg(minimum);
        en += QStringLiteral(" from ¥%1").arg(minimum);
    }
    return {zh, en};
}

// The member, their points, the coupons written off and the ones handed out with the sale.
void addMember(Builder &b, const Sale &sale)
{
    if (const std::optional<SaleMember> &member = sale.member) {
        b.pair(b.say(memberWords), member->maskedPhone);
        b.pair(b.say(tierLabelWords), memberTierName(member->tier, b.language()));
        b.pair(b.say(earnedWords), QStringLiteral("+%1").arg(member->pointsEarned));
        if (member->pointsRedeemed > 0)
            b.pair(b.say(redeemedWords), QStringLiteral("-%1").arg(member->pointsRedeemed));
        b.pair(b.say(balanceWords), QString::number(member->pointsBalance));
    }
    for (const RedeemedCoupon &coupon : sale.coupons)
        b.pair(b.say(couponUsedWords), QStringLiteral("#%1").arg(coupon.id));
    if (!sale.member && sale.coupons.isEmpty() && sale.givenCoupons.isEmpty())
        return;
    b.rule();
    for (const GivenCoupon &given : sale.givenCoupons) {
        // Its own code says what it gives (read here without the keys: the till made the sale).
        const Coupon coupon = checkCouponCode(given.code, {}, 0).coupon;
        b.sentence(giftWords, escpos::Align::Center);
        const auto [zh, en] = couponWording(coupon);
        const QString serial = QStringLiteral(" #%1").arg(given.id);
        if (b.both()) { // a line each, like every sentence in both languages
            b.text(zh + serial, escpos::Align::Center);
            b.text(en + serial, escpos::Align::Center);
        } else {
            b.text(b.pick(zh, en) + serial, escpos::Align::Center);
        }
        if (sale.member) {
            b.sentence(giftKeptWords, escpos::Align::Center);
        } else {
            b.qr(given.code);
            b.sentence(giftShowWords, escpos::Align::Center);
        }
        b.rule();
    }
}

// `text` placed in `columns` by `align`, wrapped.
QStringList laidOut(const QString &text, escpos::Align align, int columns)
{
    QStringList lines = escpos::wrapColumns(text, columns);
    if (align == escpos::Align::Left)
        return lines;
    for (QString &line : lines) {
        const int free = columns - escpos::displayColumns(line);
        line.prepend(QString(align == escpos::Align::Center ? free / 2 : free, u' '));
    }
    return lines;
}

} // namespace

QString memberTierName(QStringView tier, ReceiptLanguage language)
{
    const std::optional<Words> words = tierWords(tier);
    if (!words)
        return tier.toString();
    ReceiptContext context;
    context.language = language;
    return Builder(context).say(*words);
}

ReceiptDocument receiptFor(const Sale &sale, qint64 seq, const QString &receiptCode,
                           const ReceiptContext &context, bool reprint)
{
    Builder b(context);
    const auto center = escpos::Align::Center;
    b.text(context.storeName, center, true);
    b.text(context.address, center);
    if (!context.phone.isEmpty())
        b.text(b.say(phoneWords) + u' ' + context.phone, center);
    if (reprint)
        b.text(QStringLiteral("*** ") + b.say(reprintWords) + QStringLiteral(" ***"), center, true);
    b.rule();
    b.pair(b.say(receiptNumber), QStringLiteral("%1").arg(seq, 6, 10, QLatin1Char('0')));
    b.pair(b.say(timeWords),
           sale.createdAt.toTimeZone(context.timeZone).toString(u"yyyy-MM-dd HH:mm:ss"));
    if (!context.terminal.isEmpty())
        b.pair(b.say(tillWords), context.terminal);
    if (!context.cashier.isEmpty())
        b.pair(b.say(cashierWords), context.cashier);
    b.rule();
    addItems(b, sale);
    b.rule();
    addTotals(b, sale);
    b.rule();
    addMember(b, sale);
    if (!receiptCode.isEmpty()) {
        b.qr(receiptCode);
        b.sentence(returnsWords, center);
    }
    if (context.footer.isEmpty())
        b.sentence(footerWords, center);
    else
        b.text(context.footer, center);
    return ReceiptDocument{b.take(), context.logo};
}

QString ReceiptDocument::toText(int columns) const
{
    QString out;
    for (const ReceiptLine &line : lines) {
        QStringList rows;
        switch (line.kind) {
        case ReceiptLine::Kind::Text:
            rows = laidOut(line.text, line.align, columns);
            break;
        case ReceiptLine::Kind::Pair:
            rows = escpos::leftRight(line.text, line.value, columns);
            break;
        case ReceiptLine::Kind::Rule:
            rows = {QString(columns, u'-')};
            break;
        case ReceiptLine::Kind::Qr:
            rows = {QStringLiteral("[QR %1]").arg(line.text)};
            break;
        case ReceiptLine::Kind::Blank:
            rows = {QString()};
            break;
        }
        for (const QString &row : std::as_const(rows))
            out += row + u'\n';
    }
    return out;
}

QByteArray ReceiptDocument::toEscPos(const escpos::PrinterProfile &profile) const
{
    escpos::Encoder printer(profile);
    printer.initialize();
    if (logo.width > 0) {
        printer.align(escpos::Align::Center);
        printer.raster(logo);
    }
    const int columns = profile.columns;
    for (const ReceiptLine &line : lines) {
        // Alignment is applied by the layout (padding), so a wrapped line stays where the text
        // version has it; only the QR is centred by the printer.
        printer.align(line.kind == ReceiptLine::Kind::Qr ? escpos::Align::Center
                                                         : escpos::Align::Left);
        printer.style({line.emphasis, false, false, line.emphasis});
        switch (line.kind) {
        case ReceiptLine::Kind::Text:
            for (const QString &row : laidOut(line.text, line.align, columns))
                printer.line(row);
            break;
        case ReceiptLine::Kind::Pair:
            for (const QString &row : escpos::leftRight(line.text, line.value, columns))
                printer.line(row);
            break;
        case ReceiptLine::Kind::Rule:
            printer.line(QString(columns, u'-'));
            break;
        case ReceiptLine::Kind::Qr:
            printer.qr(line.text.toUtf8(), profile.columns > 32 ? 6 : 5);
            printer.line();
            break;
        case ReceiptLine::Kind::Blank:
            printer.line();
            break;
        }
    }
    printer.style({});
    printer.feed(3);
    printer.cut(escpos::CutKind::Partial);
    return printer.bytes();
}

} // namespace smartpos
