#include "couponcode.h"

#include "codes.h"
#include "membercode.h"
#include "storerules.h"

#include <QCryptographicHash>

#include <algorithm>
#include <cctype>
#include <limits>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace smartpos {

namespace {

constexpr quint8 formatVersion = 1;
constexpr qsizetype keyBytes = 32;
constexpr qsizetype signatureBytes = 64;
constexpr qsizetype maxTextBytes = 64;
constexpr qint64 fullPercent = 10'000;                // basis points
constexpr qint64 maxValue = MoneyLimits::ceiling.fen; // fen, or units of an item
constexpr qint64 maxTime = 253'402'300'799;           // 9999-12-31T23:59:59Z
constexpr auto base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

bool goodText(const QString &text)
{
    if (text.isEmpty())
        return true;
    const QByteArray utf8 = text.toUtf8();
    if (utf8.size() > maxTextBytes || text.trimmed() != text || QString::fromUtf8(utf8) != text)
        return false;
    for (const QChar c : text)
        if (c.category() == QChar::Other_Control)
            return false;
    return true;
}

void putBigEndian(QByteArray &out, quint64 value, int bytes)
{
    for (int i = bytes - 1; i >= 0; --i)
        out += char((value >> (8 * i)) & 0xff);
}

// Unsigned LEB128: 7 bits a byte, low first, the high bit set on every byte but the last.
void putVarint(QByteArray &out, quint64 value)
{
    while (value >= 0x80) {
        out += char(0x80 | (value & 0x7f));
        value >>= 7;
    }
    out += char(value);
}

void putText(QByteArray &out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    out += char(utf8.size());
    out += utf8;
}

// Reads what the put functions write, and only that: a number in more bytes than it needs or
// text that is not UTF-8 stops it (ok() false).
class Reader {
public:
    explicit Reader(QByteArrayView in)
        : m_in(in)
    {
    }

    bool ok() const { return m_ok; }
    bool atEnd() const { return m_pos == m_in.size(); }

    quint64 bigEndian(int bytes)
    {
        if (!take(bytes))
            return 0;
        quint64 value = 0;
        for (int i = 0; i < bytes; ++i)
            value = (value << 8) | uchar(m_in[m_pos - bytes + i]);
        return value;
    }

    // A non-negative qint64: at most 9 bytes (63 bits), in as few bytes as it needs.
    qint64 varint()
    {
        quint64 value = 0;
        for (int shift = 0; shift <= 56; shift += 7) {
            if (!take(1))
                return 0;
            const uchar byte = uchar(m_in[m_pos - 1]);
            const quint64 bits = byte & 0x7f;
            value |= bits << shift;
            if (!(byte & 0x80))
                return shift > 0 && bits == 0 ? fail() : qint64(value);
        }
        return fail();
    }

    QString text()
    {
        const int size = int(bigEndian(1));
        if (!take(size))
            return {};
        const QByteArrayView utf8 = m_in.sliced(m_pos - size, size);
        QString text = QString::fromUtf8(utf8);
        if (text.toUtf8() != utf8)
            m_ok = false;
        return text;
    }

private:
    bool take(qsizetype bytes)
    {
        if (!m_ok || m_in.size() - m_pos < bytes)
            return m_ok = false;
        m_pos += bytes;
        return true;
    }
    qint64 fail()
    {
        m_ok = false;
        return 0;
    }

    QByteArrayView m_in;
    qsizetype m_pos = 0;
    bool m_ok = true;
};

std::shared_ptr<evp_pkey_st> owned(EVP_PKEY *key)
{
    return std::shared_ptr<evp_pkey_st>(key, EVP_PKEY_free);
}

using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;

Bio readingBio(QByteArrayView bytes)
{
    return {BIO_new_mem_buf(bytes.data(), int(bytes.size())), BIO_free};
}

Bio writingBio()
{
    return {BIO_new(BIO_s_mem()), BIO_free};
}

QByteArray contents(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, size);
}

// Never a passphrase: an encrypted key is refused, and OpenSSL never prompts on the terminal.
int noPassphrase(char *, int, int, void *)
{
    return 0;
}

QByteArray rawPublicKey(EVP_PKEY *key)
{
    QByteArray raw(keyBytes, Qt::Uninitialized);
    size_t size = keyBytes;
    if (EVP_PKEY_get_raw_public_key(key, reinterpret_cast<uchar *>(raw.data()), &size) != 1
        || size != keyBytes)
        return {};
    return raw;
}

QByteArray signedMessage(QByteArrayView payload)
{
    return QByteArray(couponCodePrefix.data(), couponCodePrefix.size()).append(payload);
}

} // namespace

CouponProblem couponProblem(const Coupon &coupon)
{
    using Kind = Coupon::Kind;
    if (coupon.id == 0)
        return CouponProblem::NoId;
    if (coupon.kind != Kind::Cash && coupon.kind != Kind::Percent && coupon.kind != Kind::Threshold
        && coupon.kind != Kind::Item)
        return CouponProblem::BadKind;
    if (coupon.value < 1 || coupon.value > (coupon.kind == Kind::Percent ? fullPercent : maxValue))
        return CouponProblem::BadValue;
    if (coupon.minSpend.isNegative() || coupon.minSpend.fen > maxValue
        || (coupon.kind == Kind::Threshold && coupon.minSpend.isZero()))
        return CouponProblem::BadMinSpend;
    if (coupon.kind == Kind::Item && coupon.sku.isEmpty())
        return CouponProblem::NoSku;
    if (!goodText(coupon.sku) || !goodText(coupon.category))
        return CouponProblem::BadText;
    if (!coupon.member.isEmpty() && !isMemberId(coupon.member))
        return CouponProblem::BadMember;
    if (coupon.validFrom < 0 || coupon.validFrom > maxTime || coupon.validUntil < 0
        || coupon.validUntil > maxTime
        || (coupon.validUntil != 0 && coupon.validUntil <= coupon.validFrom))
        return CouponProblem::BadValidity;
    return CouponProblem::None;
}

std::optional<QByteArray> encodeCouponPayload(const Coupon &coupon, quint32 keyId)
{
    if (couponProblem(coupon) != CouponProblem::None)
        return std::nullopt;
    QByteArray out;
    out += char(formatVersion);
    putBigEndian(out, keyId, 4);
    putBigEndian(out, coupon.id, 8);
    putVarint(out, coupon.campaign);
    out += char(coupon.kind);
    putVarint(out, quint64(coupon.value));
    putVarint(out, quint64(coupon.minSpend.fen));
    putVarint(out, quint64(coupon.validFrom));
    putVarint(out, quint64(coupon.validUntil));
    putText(out, coupon.sku);
    putText(out, coupon.category);
    putText(out, coupon.member);
    return out;
}

std::optional<CouponPayload> decodeCouponPayload(QByteArrayView payload)
{
    Reader in(payload);
    if (in.bigEndian(1) != formatVersion)
        return std::nullopt;
    CouponPayload read;
    read.keyId = quint32(in.bigEndian(4));
    Coupon &coupon = read.coupon;
    coupon.id = in.bigEndian(8);
    const qint64 campaign = in.varint();
    coupon.kind = Coupon::Kind(in.bigEndian(1));
    coupon.value = in.varint();
    coupon.minSpend = Money::fromFen(in.varint());
    coupon.validFrom = in.varint();
    coupon.validUntil = in.varint();
    coupon.sku = in.text();
    coupon.category = in.text();
    coupon.member = in.text();
    if (!in.ok() || !in.atEnd() || campaign > std::numeric_limits<quint32>::max()
        || couponProblem(coupon) != CouponProblem::None)
        return std::nullopt;
    coupon.campaign = quint32(campaign);
    return read;
}

// ---------------------------------------------------------------------------------------------

CouponKey::CouponKey(std::shared_ptr<evp_pkey_st> key)
    : m_key(std::move(key))
{
    const QByteArray hash = QCryptographicHash::hash(raw(), QCryptographicHash::Sha256);
    for (int i = 0; i < 4; ++i)
        m_id = (m_id << 8) | uchar(hash[i]);
}

std::optional<CouponKey> CouponKey::fromRaw(QByteArrayView raw)
{
    if (raw.size() != keyBytes)
        return std::nullopt;
    EVP_PKEY *key = EVP_PKEY_new_raw_public_key(
        EVP_PKEY_ED25519, nullptr, reinterpret_cast<const uchar *>(raw.data()), keyBytes);
    if (!key) {
        ERR_clear_error();
        return std::nullopt;
    }
    return CouponKey(owned(key));
}

std::optional<QList<CouponKey>> CouponKey::listFromPem(QByteArrayView pem)
{
    // Block by block: at the end of the text OpenSSL 3 reports an error like any other, so a
    // damaged block would otherwise pass for the end of the list.
    static const QByteArray begin = QByteArrayLiteral("-----BEGIN PUBLIC KEY-----");
    static const QByteArray end = QByteArrayLiteral("-----END PUBLIC KEY-----");
    const QByteArray text = pem.toByteArray();
    QList<CouponKey> keys;
    for (qsizetype from = 0;;) {
        while (from < text.size() && std::isspace(uchar(text[from])))
            ++from;
        if (from == text.size())
            break;
        const qsizetype last = text.indexOf(end, from);
        if (!text.sliced(from).startsWith(begin) || last < 0)
            return std::nullopt;
        const Bio bio = readingBio(QByteArrayView(text).sliced(from, last + end.size() - from));
        from = last + end.size();
        const auto key = owned(PEM_read_bio_PUBKEY(bio.get(), nullptr, noPassphrase, nullptr));
        ERR_clear_error();
        // Through the raw bytes: one way to make a key, whatever the PEM held besides.
        const auto made = key && EVP_PKEY_get_id(key.get()) == EVP_PKEY_ED25519
                              ? fromRaw(rawPublicKey(key.get()))
                              : std::nullopt;
        if (!made)
            return std::nullopt;
        keys.append(*made);
    }
    if (keys.isEmpty())
        return std::nullopt;
    return keys;
}

QByteArray CouponKey::raw() const
{
    return rawPublicKey(m_key.get());
}

QByteArray CouponKey::pem() const
{
    const Bio bio = writingBio();
    PEM_write_bio_PUBKEY(bio.get(), m_key.get());
    return contents(bio.get());
}

QString CouponKey::idText(quint32 id)
{
    return QStringLiteral("%1").arg(id, 8, 16, QLatin1Char('0'));
}

bool CouponKey::verifies(QByteArrayView message, QByteArrayView signature) const
{
    if (signature.size() != signatureBytes)
        return false;
    const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                          EVP_MD_CTX_free);
    const bool valid =
        context && EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, m_key.get()) == 1
        && EVP_DigestVerify(context.get(), reinterpret_cast<const uchar *>(signature.data()),
                            size_t(signature.size()),
                            reinterpret_cast<const uchar *>(message.data()), size_t(message.size()))
               == 1;
    ERR_clear_error();
    return valid;
}

// ---------------------------------------------------------------------------------------------

CouponSigner::CouponSigner(std::shared_ptr<evp_pkey_st> key, CouponKey publicKey)
    : m_key(std::move(key))
    , m_public(std::move(publicKey))
{
}

std::optional<CouponSigner> CouponSigner::generate()
{
    EVP_PKEY *key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    if (!key) {
        ERR_clear_error();
        return std::nullopt;
    }
    const auto publicKey = CouponKey::fromRaw(rawPublicKey(key));
    return CouponSigner(owned(key), *publicKey);
}

std::optional<CouponSigner> CouponSigner::fromPem(QByteArrayView pem)
{
    const Bio bio = readingBio(pem);
    const auto key = owned(PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassphrase, nullptr));
    ERR_clear_error();
    if (!key || EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519)
        return std::nullopt;
    const auto publicKey = CouponKey::fromRaw(rawPublicKey(key.get()));
    if (!publicKey)
        return std::nullopt;
    return CouponSigner(key, *publicKey);
}

QByteArray CouponSigner::pem() const
{
    const Bio bio = writingBio();
    PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    return contents(bio.get());
}

std::optional<QString> CouponSigner::sign(const Coupon &coupon) const
{
    const std::optional<QByteArray> payload = encodeCouponPayload(coupon, m_public.id());
    if (!payload)
        return std::nullopt;
    const QByteArray message = signedMessage(*payload);
    QByteArray signature(signatureBytes, Qt::Uninitialized);
    size_t size = signatureBytes;
    const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                          EVP_MD_CTX_free);
    if (!context || EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, m_key.get()) != 1
        || EVP_DigestSign(context.get(), reinterpret_cast<uchar *>(signature.data()), &size,
                          reinterpret_cast<const uchar *>(message.constData()),
                          size_t(message.size()))
               != 1
        || size != signatureBytes) {
        ERR_clear_error();
        return std::nullopt;
    }
    return couponCodePrefix + QString::fromLatin1((*payload + signature).toBase64(base64url));
}

// ---------------------------------------------------------------------------------------------

CouponCheck checkCouponCode(QStringView code, const QList<CouponKey> &keys, qint64 now)
{
    using Verdict = CouponCheck::Verdict;
    CouponCheck check;
    if (!code.startsWith(couponCodePrefix))
        return check;
    const QStringView text = code.sliced(couponCodePrefix.size());
    for (const QChar c : text)
        if (c.unicode() > 0x7f)
            return check;
    // Canonical base64url only: no padding, no spare bits set, so one coupon has one code.
    const QByteArray ascii = text.toLatin1();
    const auto bytes =
        QByteArray::fromBase64Encoding(ascii, base64url | QByteArray::AbortOnBase64DecodingErrors);
    if (!bytes || bytes.decoded.size() <= signatureBytes
        || bytes.decoded.toBase64(base64url) != ascii)
        return check;
    const QByteArrayView payload = QByteArrayView(bytes.decoded).chopped(signatureBytes);
    const std::optional<CouponPayload> read = decodeCouponPayload(payload);
    if (!read)
        return check;
    check.coupon = read->coupon;
    check.keyId = read->keyId;

    const auto key = std::find_if(keys.begin(), keys.end(),
                                  [&](const CouponKey &k) { return k.id() == read->keyId; });
    if (key == keys.end())
        check.verdict = Verdict::WrongKey;
    else if (!key->verifies(signedMessage(payload),
                            QByteArrayView(bytes.decoded).last(signatureBytes)))
        check.verdict = Verdict::Forged;
    else if (now < check.coupon.validFrom)
        check.verdict = Verdict::NotYetValid;
    else if (check.coupon.validUntil != 0 && now >= check.coupon.validUntil)
        check.verdict = Verdict::Expired;
    else
        check.verdict = Verdict::Valid;
    return check;
}

CouponCheck::Verdict couponVerdictForSale(const CouponCheck &check, QStringView saleMember,
                                          bool redeemedBefore)
{
    using Verdict = CouponCheck::Verdict;
    if (check.verdict != Verdict::Valid)
        return check.verdict;
    if (!check.coupon.member.isEmpty() && check.coupon.member != saleMember)
        return Verdict::WrongMember;
    return redeemedBefore ? Verdict::Used : Verdict::Valid;
}

} // namespace smartpos
