#include "salerecord.h"

#include <charconv>
#include <limits>

namespace smartpos {

QByteArray encodeSale(const Sale &sale)
{
    QByteArray out;
    out.reserve(320 + 200 * sale.lines.size() + 120 * sale.adjustments.size());
    CanonicalWriter w(out);
    w.open('{');
    w.key("adjustments").open('[');
    for (const Adjustment &a : sale.adjustments) {
        w.open('{');
        w.key("amount").value(a.amount.fen);
        w.key("line").value(a.line + 1); // 1-based like line numbers; 0 = the whole basket
        w.key("name_en").value(a.nameEn);
        w.key("name_zh").value(a.nameZh);
        w.key("source").value(a.source);
        w.close('}');
    }
    w.close(']');
    w.key("coupons").open('[');
    for (const RedeemedCoupon &c : sale.coupons) {
        w.open('{');
        w.key("campaign").value(c.campaign);
        w.key("id").value(QString::number(c.id)); // a serial may exceed qint64
        w.key("key").value(c.keyId);
        w.close('}');
    }
    w.close(']');
    w.key("given").open('[');
    for (const GivenCoupon &c : sale.givenCoupons) {
        w.open('{');
        w.key("campaign").value(c.campaign);
        w.key("code").value(c.code);
        w.key("id").value(QString::number(c.id));
        w.close('}');
    }
    w.close(']');
    w.key("lines").open('[');
    for (const SaleLine &l : sale.lines) {
        w.open('{');
        w.key("code").value(l.code);
        w.key("name_en").value(l.nameEn);
        w.key("name_zh").value(l.nameZh);
        w.key("price").value(l.unitPrice.fen);
        w.key("qty").value(l.quantity);
        w.key("sku").value(l.sku);
        w.key("tax_bp").value(l.taxRateBp);
        w.key("total").value(l.total.fen);
        w.key("unit").value(l.weighed ? QStringLiteral("g") : QStringLiteral("pc"));
        w.close('}');
    }
    w.close(']');
    if (const std::optional<SaleMember> &m = sale.member) {
        w.key("member").open('{');
        w.key("balance").value(m->pointsBalance);
        w.key("earned").value(m->pointsEarned);
        w.key("id").value(m->id);
        w.key("phone").value(m->maskedPhone);
        w.key("redeemed").value(m->pointsRedeemed);
        w.key("step").value(m->codeStep);
        w.key("tier").value(m->tier);
        w.close('}');
    }
    w.key("tax").value(sale.tax.fen);
    w.key("tenders").open('[');
    for (const Tender &t : sale.tenders) {
        w.open('{');
        w.key("amount").value(t.amount.fen);
        w.key("change").value(t.change.fen);
        w.key("kind").value(tenderKindName(t.kind));
        w.key("received").value(t.received.fen);
        w.key("ref").value(t.reference);
        w.close('}');
    }
    w.close(']');
    w.key("total").value(sale.total.fen);
    w.close('}');
    return out;
}

namespace {

// A coupon serial as the payload writes it: decimal, no sign, no leading zero, within quint64.
bool couponSerial(const CanonicalText &text, quint64 *out)
{
    const QByteArrayView digits = text.raw;
    if (text.escaped || digits.isEmpty() || digits[0] < '1' || digits[0] > '9')
        return false;
    const char *end = digits.data() + digits.size();
    const auto [stop, error] = std::from_chars(digits.data(), end, *out);
    return error == std::errc() && stop == end;
}

bool couponEntry(CanonicalReader &r, SaleRecord::Coupon *c, bool given)
{
    CanonicalText id;
    r.open('{');
    r.key("campaign") && r.integer(&c->campaign);
    if (given)
        r.key("code") && r.text(&c->code);
    r.key("id") && r.text(&id);
    if (!given)
        r.key("key") && r.integer(&c->keyId);
    r.close('}');
    return r.ok() && couponSerial(id, &c->id) && c->campaign >= 0 && c->campaign <= 0xffffffff
           && c->keyId >= 0 && c->keyId <= 0xffffffff;
}

} // namespace

bool decodeSale(QByteArrayView payload, int version, SaleRecord *record)
{
    if (version < 1 || version > saleVersion)
        return false;
    CanonicalReader r(payload);
    CanonicalText kind;
    r.open('{');
    if (version >= 2) {
        r.key("adjustments");
        r.open('[');
        while (r.more(']')) {
            SaleRecord::Adjustment &a = record->adjustments.emplace_back();
            r.open('{');
            r.key("amount") && r.integer(&a.amount);
            r.key("line") && r.integer(&a.line);
            r.key("name_en") && r.text(&a.nameEn);
            r.key("name_zh") && r.text(&a.nameZh);
            r.key("source") && r.text(&a.source);
            r.close('}');
        }
        r.close(']');
    }
    if (version >= 3) {
        for (const bool given : {false, true}) {
            r.key(given ? "given" : "coupons");
            r.open('[');
            while (r.more(']'))
                if (!couponEntry(
                        r, &(given ? record->given.emplace_back() : record->coupons.emplace_back()),
                        given))
                    return false;
            r.close(']');
        }
    }
    if (version == 1) {
        r.key("at") && r.text(&record->at);
        r.key("kind") && r.text(&kind);
    }
    r.key("lines");
    r.open('[');
    while (r.more(']')) {
        SaleRecord::Line &l = record->lines.emplace_back();
        r.open('{');
        r.key("code") && r.text(&l.code);
        r.key("name_en") && r.text(&l.nameEn);
        r.key("name_zh") && r.text(&l.nameZh);
        r.key("price") && r.integer(&l.price);
        r.key("qty") && r.integer(&l.quantity);
        r.key("sku") && r.text(&l.sku);
        r.key("tax_bp") && r.integer(&l.taxBp);
        r.key("total") && r.integer(&l.total);
        r.key("unit") && r.text(&l.unit);
        r.close('}');
        if (!l.unit.equals("g") && !l.unit.equals("pc"))
            return false;
    }
    r.close(']');
    if (version >= 3 && r.nextKeyIs("member")) {
        record->member = SaleRecord::Member();
        SaleRecord::Member &m = *record->member;
        r.key("member");
        r.open('{');
        r.key("balance") && r.integer(&m.balance);
        r.key("earned") && r.integer(&m.earned);
        r.key("id") && r.text(&m.id);
        r.key("phone") && r.text(&m.phone);
        r.key("redeemed") && r.integer(&m.redeemed);
        r.key("step") && r.integer(&m.step);
        r.key("tier") && r.text(&m.tier);
        r.close('}');
        if (m.balance < 0 || m.earned < 0 || m.redeemed < 0 || m.step < -1)
            return false;
    }
    if (version == 1)
        r.key("seq") && r.integer(&record->seq);
    r.key("tax") && r.integer(&record->tax);
    r.key("tenders");
    r.open('[');
    while (r.more(']')) {
        SaleRecord::Tender &t = record->tenders.emplace_back();
        r.open('{');
        r.key("amount") && r.integer(&t.amount);
        r.key("change") && r.integer(&t.change);
        r.key("kind") && r.text(&t.kind);
        r.key("received") && r.integer(&t.received);
        if (version >= 2)
            r.key("ref") && r.text(&t.reference);
        r.close('}');
    }
    r.close(']');
    if (version == 1)
        r.key("terminal") && r.text(&record->terminal);
    r.key("total") && r.integer(&record->total);
    if (version == 1) {
        r.key("uuid") && r.text(&record->uuid);
        r.key("v") && r.integer(&record->version);
        if (!kind.equals("sale") || record->version != 1)
            return false;
    }
    r.close('}');
    if (!r.atEnd())
        return false;
    // Only what a Sale can hold: tax rates and line numbers are ints, tender kinds are known.
    for (const SaleRecord::Line &l : record->lines)
        if (l.taxBp < 0 || l.taxBp > std::numeric_limits<int>::max())
            return false;
    for (const SaleRecord::Adjustment &a : record->adjustments)
        if (a.line < 0 || a.line > record->lines.size())
            return false;
    for (const SaleRecord::Tender &t : record->tenders)
        if (!tenderKindFromName(t.kind.toString()))
            return false;
    return true;
}

Sale SaleRecord::toSale(QByteArrayView createdAt) const
{
    Sale sale;
    sale.createdAt = QDateTime::fromString(QString::fromUtf8(createdAt), Qt::ISODateWithMs);
    sale.total = Money::fromFen(total);
    sale.tax = Money::fromFen(tax);
    for (const Line &l : lines)
        sale.lines.append(SaleLine{l.sku.toString(), l.code.toString(), l.nameZh.toString(),
                                   l.nameEn.toString(), l.quantity, l.unit.equals("g"),
                                   Money::fromFen(l.price), Money::fromFen(l.total), int(l.taxBp)});
    for (const Adjustment &a : adjustments)
        sale.adjustments.append(smartpos::Adjustment{a.source.toString(), a.nameZh.toString(),
                                                     a.nameEn.toString(), int(a.line) - 1,
                                                     Money::fromFen(a.amount)});
    for (const Tender &t : tenders)
        sale.tenders.append(smartpos::Tender{
            *tenderKindFromName(t.kind.toString()), // decodeSale refused unknown kinds
            Money::fromFen(t.amount), Money::fromFen(t.received), Money::fromFen(t.change),
            t.reference.toString()});
    if (member)
        sale.member = SaleMember{
            member->id.toString(), member->tier.toString(), member->phone.toString(), member->step,
            member->earned,        member->redeemed,        member->balance};
    for (const Coupon &c : coupons)
        sale.coupons.append(RedeemedCoupon{c.id, quint32(c.campaign), quint32(c.keyId)});
    for (const Coupon &c : given)
        sale.givenCoupons.append(GivenCoupon{c.id, quint32(c.campaign), c.code.toString()});
    return sale;
}

} // namespace smartpos
