// The journal's canonical JSON (app/ledger/canonicaljson.h) and the sale payload read with it
// (app/ledger/salerecord.h).
//
// Input: one mode byte, then the rest.
//   '1'…'3'   a sale payload of that version: decodeSale must not crash; what version 3 accepts
//             re-encodes to exactly the same bytes (encodeSale(record.toSale(createdAt))): the
//             reader "accepts exactly what the writer produces and nothing else"; what version 2
//             accepts re-encodes to itself with the version 3 coupon lists (empty) added; what
//             version 1 accepts converts to a version 3 payload that decodes and re-encodes to
//             itself.
//   'w'       the rest as UTF-8 text: CanonicalWriter writes it as a string, CanonicalReader reads
//             exactly that back (toString() and equals() agree with the text), and 8 bytes of it
//             as an integer that reads back equal.
//   other     a payload of an unknown version (the byte): decodeSale refuses it.
#include "fuzzcheck.h"

#include "ledger/canonicaljson.h"
#include "ledger/salerecord.h"

#include <cstdint>
#include <cstring>
#include <limits>

using namespace smartpos;
using smartpos::fuzz::quoted;

namespace {

const QByteArray createdAt = QByteArrayLiteral("2026-11-23T13:08:28.257Z");

// Every text decodeSale accepted is well-formed UTF-8, by this check independent of Qt's.
bool allTextValid(const SaleRecord &r)
{
    bool valid = fuzz::validUtf8(r.uuid.raw);
    for (const auto &l : r.lines)
        for (const CanonicalText *t : {&l.code, &l.nameEn, &l.nameZh, &l.sku, &l.unit})
            valid = valid && fuzz::validUtf8(t->raw);
    for (const auto &a : r.adjustments)
        for (const CanonicalText *t : {&a.nameEn, &a.nameZh, &a.source})
            valid = valid && fuzz::validUtf8(t->raw);
    for (const auto &t : r.tenders)
        valid = valid && fuzz::validUtf8(t.kind.raw) && fuzz::validUtf8(t.reference.raw);
    for (const auto &c : r.given)
        valid = valid && fuzz::validUtf8(c.code.raw);
    if (r.member)
        for (const CanonicalText *t : {&r.member->id, &r.member->phone, &r.member->tier})
            valid = valid && fuzz::validUtf8(t->raw);
    return valid;
}

void checkPayload(QByteArrayView payload, int version)
{
    SaleRecord record;
    const bool ok = decodeSale(payload, version, &record);
    if (version < 1 || version > saleVersion) {
        FUZZ_CHECK(!ok, QStringLiteral("version %1 accepted").arg(version));
        return;
    }
    if (!ok)
        return;
    FUZZ_CHECK(allTextValid(record),
               QStringLiteral("not UTF-8 but accepted: %1").arg(quoted(payload)));
    const QByteArray encoded = encodeSale(record.toSale(createdAt));
    if (version == 2) {
        QByteArray asVersion2 = encoded;
        asVersion2.replace(R"(],"coupons":[],"given":[],"lines":)", R"(],"lines":)");
        FUZZ_CHECK(asVersion2 == payload,
                   QStringLiteral("decodeSale accepted version 2 %1 which re-encodes to %2")
                       .arg(quoted(payload), quoted(encoded)));
        return;
    }
    if (version == 3) {
        FUZZ_CHECK(encoded == payload,
                   QStringLiteral("decodeSale accepted %1 which re-encodes to %2")
                       .arg(quoted(payload), quoted(encoded)));
        return;
    }
    // Version 1: what it says converts to a version 3 payload that reads back the same.
    SaleRecord again;
    FUZZ_CHECK(decodeSale(encoded, 3, &again),
               QStringLiteral("version 1 %1 converts to %2, which does not decode")
                   .arg(quoted(payload), quoted(encoded)));
    FUZZ_CHECK(encodeSale(again.toSale(createdAt)) == encoded, quoted(encoded));
    FUZZ_CHECK(!decodeSale(encoded, 1, &again), quoted(encoded));
}

void checkWriter(QByteArrayView rest)
{
    const QString text = QString::fromUtf8(rest);
    QByteArray out;
    CanonicalWriter writer(out);
    qint64 number = 0;
    if (rest.size() >= 8)
        std::memcpy(&number, rest.data(), sizeof number);
    writer.open('{');
    writer.key("n").value(number);
    writer.key("t").value(text);
    writer.close('}');

    CanonicalReader reader(out);
    CanonicalText read;
    qint64 readNumber = 0;
    FUZZ_CHECK(reader.open('{') && reader.key("n") && reader.integer(&readNumber) && reader.key("t")
                   && reader.text(&read) && reader.close('}') && reader.atEnd(),
               QStringLiteral("the reader refuses the writer's %1").arg(quoted(out)));
    FUZZ_CHECK(read.toString() == text, quoted(out));
    FUZZ_CHECK(read.equals(text.toUtf8()), quoted(out));
    FUZZ_CHECK(readNumber == number, quoted(out));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArrayView rest(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    switch (data[0]) {
    case '1':
        checkPayload(rest, 1);
        break;
    case '2':
        checkPayload(rest, 2);
        break;
    case '3':
        checkPayload(rest, 3);
        break;
    case 'w':
        checkWriter(rest);
        break;
    default:
        checkPayload(rest, data[0]);
        break;
    }
    return 0;
}
