#pragma once

#include "core/result.h"
#include "keyfolder.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace smartpos {

// The code in a receipt's QR, which a refund will scan: SPR1.<terminal>.<seq>.<tag>. The tag is
// the first 12 bytes of an HMAC-SHA256 over "<terminal>\n<seq>" under a key derived from the
// terminal's own (HMAC(terminal key, "SmartPOS receipt code v1")), in base64url without padding:
// only this terminal, or whoever holds its key folder, can make a code that checks, and the
// derived key keeps these tags apart from the journal's MACs.
class ReceiptCodes {
    Q_DECLARE_TR_FUNCTIONS(smartpos::ReceiptCodes)

public:
    ReceiptCodes(const QByteArray &terminalKey, QString terminalId);
    ~ReceiptCodes();

    QString codeFor(qint64 seq) const;
    // The sale's sequence number when `code` is one of this terminal's with a valid tag;
    // otherwise why not (not a receipt code, another terminal's, or a forged or damaged tag).
    Result<qint64> check(QStringView code) const;

private:
    QByteArray tagFor(QByteArrayView seq) const;

    QString m_terminalId;
    std::unique_ptr<EntryMac> m_mac;
};

} // namespace smartpos
