#pragma once

#include "canonicaljson.h"
#include "core/sale.h"

#include <QVarLengthArray>

#include <optional>

namespace smartpos {

// A sale as its journal payload holds it, read without copying: the record verify compares the
// rows with, and the source loadSale() builds a Sale from. From version 2 on, what the journal
// entry itself says (time, kind, sequence number, terminal, version) is not repeated in the
// payload; version 1 (the foundation's) repeats it.
struct SaleRecord {
    struct Line {
        CanonicalText code, nameEn, nameZh, sku, unit;
        qint64 price = 0, quantity = 0, taxBp = 0, total = 0;
    };
    struct Adjustment {
        qint64 amount = 0, line = 0;
        CanonicalText nameEn, nameZh, source;
    };
    struct Tender {
        qint64 amount = 0, change = 0, received = 0;
        CanonicalText kind, reference;
    };
    struct Member {
        qint64 balance = 0, earned = 0, redeemed = 0, step = -1;
        CanonicalText id, phone, tier;
    };
    struct Coupon {
        quint64 id = 0;
        qint64 campaign = 0, keyId = 0;
        CanonicalText code; // given coupons only
    };
    QVarLengthArray<Adjustment, 4> adjustments;
    QVarLengthArray<Coupon, 2> coupons; // version 3: written off
    QVarLengthArray<Coupon, 1> given;   // version 3: handed out
    std::optional<Member> member;       // version 3
    CanonicalText at, terminal, uuid;   // version 1 only (later, the journal entry says them)
    QVarLengthArray<Line, 16> lines;
    QVarLengthArray<Tender, 4> tenders;
    qint64 seq = 0, tax = 0, total = 0, version = 0; // seq, version: version 1 only

    // `createdAt` is the entry's time (version 1 payloads carry their own).
    Sale toSale(QByteArrayView createdAt) const;
};

// Payload versions: 1 (the foundation: no adjustments, tenders without a reference), 2, and 3
// (the member, points and coupons).
constexpr int saleVersion = 3;
QByteArray encodeSale(const Sale &sale);
// False when the bytes are not exactly a canonical sale payload of that version.
bool decodeSale(QByteArrayView payload, int version, SaleRecord *record);

} // namespace smartpos
