#pragma once

#include "core/sale.h"
#include "printer/escpos.h"

#include <QList>
#include <QString>
#include <QTimeZone>

namespace smartpos {

// Which language a receipt speaks: the till's, or both (a tourist area, a chain's rule).
enum class ReceiptLanguage { Chinese, English, Both };

// What a receipt says besides the sale: the store, the till, the person at it.
struct ReceiptContext {
    QString storeName;
    QString address;
    QString phone;
    QString footer;   // e.g. "谢谢惠顾 Thank you"; empty: the default in the receipt's language
    QString terminal; // shown as is: a short name or the terminal id
    QString cashier;  // empty until cashiers sign in
    QTimeZone timeZone = QTimeZone::systemTimeZone();
    ReceiptLanguage language = ReceiptLanguage::Both;
    escpos::MonoBitmap logo; // printed above the store's name; empty: none (escpos/logo.h)
};

// A receipt independent of any printer: lines of text, label-and-amount pairs, rules, a QR code.
// One document renders to plain text (tests, the on-screen preview) and to ESC/POS, so what the
// customer gets is what the tests read.
struct ReceiptLine {
    enum class Kind { Text, Pair, Rule, Qr, Blank };
    Kind kind = Kind::Text;
    QString text;  // Text: the text; Pair: the label; Qr: the data
    QString value; // Pair: the amount, right aligned
    escpos::Align align = escpos::Align::Left;
    bool emphasis = false; // bold, and twice as tall (the total)
};

struct ReceiptDocument {
    QList<ReceiptLine> lines;
    escpos::MonoBitmap logo; // on paper only: the text version leaves it out

    // Each line laid out in `columns` columns (a CJK character takes two); the QR as
    // "[QR <data>]". Lines end with '\n'.
    QString toText(int columns) const;
    // What the printer gets: initialize, the lines, the QR, feed and cut.
    QByteArray toEscPos(const escpos::PrinterProfile &profile) const;
};

// A member tier ("silver", "gold", "platinum") as the receipt names it: 银卡 / Silver, 金卡 / Gold,
// 白金卡 / Platinum, and "金卡 Gold" in both languages; an unknown tier as it is. (The screens'
// one-language name is MemberTexts::tierName, through the UI's translations.)
QString memberTierName(QStringView tier, ReceiptLanguage language);

// The receipt of the sale with journal sequence number `seq`. `receiptCode` goes into the QR
// (ReceiptCodes::codeFor); a reprint says 重印 / REPRINT at the top.
ReceiptDocument receiptFor(const Sale &sale, qint64 seq, const QString &receiptCode,
                           const ReceiptContext &context, bool reprint = false);

} // namespace smartpos
