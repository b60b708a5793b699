#include "receiptcode.h"

#include "core/codes.h"

#include <openssl/crypto.h>

namespace smartpos {

namespace {
constexpr qsizetype tagBytes = 12; // 96 bits: no guessing, and a QR a phone camera reads at once

QByteArray derivedKey(const QByteArray &terminalKey)
{
    return EntryMac(terminalKey).compute({QByteArrayView("SmartPOS receipt code v1")});
}

constexpr auto base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
} // namespace

ReceiptCodes::ReceiptCodes(const QByteArray &terminalKey, QString terminalId)
    : m_terminalId(std::move(terminalId))
    , m_mac(std::make_unique<EntryMac>(derivedKey(terminalKey)))
{
}

ReceiptCodes::~ReceiptCodes() = default;

QByteArray ReceiptCodes::tagFor(QByteArrayView seq) const
{
    const QByteArray terminal = m_terminalId.toUtf8();
    return m_mac->compute({terminal, QByteArrayView("\n"), seq}).first(tagBytes);
}

QString ReceiptCodes::codeFor(qint64 seq) const
{
    const QByteArray number = QByteArray::number(seq);
    return receiptCodePrefix + m_terminalId + u'.' + QString::fromLatin1(number) + u'.'
           + QString::fromLatin1(tagFor(number).toBase64(base64url));
}

Result<qint64> ReceiptCodes::check(QStringView code) const
{
    const Error malformed{ErrorCode::InvalidInput,
                          tr("This is not a SmartPOS receipt code, or it was not read whole.")};
    if (!code.startsWith(receiptCodePrefix))
        return malformed;
    const QList<QStringView> parts = code.sliced(receiptCodePrefix.size()).split(u'.');
    if (parts.size() != 3)
        return malformed;
    if (parts[0] != m_terminalId)
        return Error{ErrorCode::NotFound,
                     tr("This receipt was printed by another till (%1).").arg(parts[0])};
    bool ok = false;
    const qint64 seq = parts[1].toLongLong(&ok);
    // The canonical decimal only: "007" or "+7" would be another string under the same tag.
    if (!ok || seq < 1 || QString::number(seq) != parts[1])
        return malformed;
    const auto tag = QByteArray::fromBase64Encoding(
        parts[2].toLatin1(), base64url | QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray expected = tagFor(QByteArray::number(seq));
    if (!tag || tag.decoded.size() != tagBytes
        || CRYPTO_memcmp(tag.decoded.constData(), expected.constData(), tagBytes) != 0)
        return Error{ErrorCode::Damaged,
                     tr("This receipt code does not check: it was altered or forged.")};
    return seq;
}

} // namespace smartpos
