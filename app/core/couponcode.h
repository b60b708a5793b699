#pragma once

#include "coupon.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

struct evp_pkey_st; // OpenSSL's EVP_PKEY: linked privately, so its headers stay out of here

namespace smartpos {

// The coupon code: "SPC1." + base64url(payload ‖ Ed25519 signature), the signature over
// "SPC1." ‖ payload. The payload is a versioned binary encoding of the Coupon and the id of the
// key that signed it; docs/codes.md has it byte by byte. The cloud signs with the chain's private
// key, a till verifies offline with the chain's public keys.

// Why a Coupon cannot be issued (it would not read back, or would make no sense at a till).
enum class CouponProblem {
    None,
    NoId,        // id 0: every coupon needs its serial
    BadKind,     // not one of Coupon::Kind
    BadValue,    // below 1; above 10000 basis points (100 %) for Percent, above
                 // MoneyLimits::ceiling (fen, or units for Item) otherwise
    BadMinSpend, // negative or above MoneyLimits::ceiling; or zero for Threshold
    NoSku,       // Item without the product it gives
    BadText,     // sku or category over 64 UTF-8 bytes, untrimmed or with control characters
    BadMember,   // member set but not a member id (membercode.h: isMemberId)
    BadValidity, // negative, after 9999, or validUntil not after validFrom
};
CouponProblem couponProblem(const Coupon &coupon);

// The payload alone, without prefix or signature: what the fuzz target and the tests read and
// write. encode needs couponProblem(coupon) == None (else it returns nothing). decode accepts
// exactly the bytes encode writes: anything else (an unknown version, a non-minimal number,
// invalid UTF-8, a trailing byte, a coupon with a problem) gives nothing.
std::optional<QByteArray> encodeCouponPayload(const Coupon &coupon, quint32 keyId);
struct CouponPayload {
    Coupon coupon;
    quint32 keyId = 0;
};
std::optional<CouponPayload> decodeCouponPayload(QByteArrayView payload);

// A public key a till trusts for coupons. Its id is the first 4 bytes of SHA-256 over the raw
// 32-byte key, so the id cannot disagree with the key, and a key another keygen made has
// another id.
class CouponKey {
public:
    static std::optional<CouponKey> fromRaw(QByteArrayView raw);
    // Every public key in `pem`: "PUBLIC KEY" blocks (SubjectPublicKeyInfo), whitespace between
    // them and nothing else (the chain's current key and the ones before it); nothing when a
    // block is not an Ed25519 key or there is none.
    static std::optional<QList<CouponKey>> listFromPem(QByteArrayView pem);

    quint32 id() const { return m_id; }
    QByteArray raw() const;
    QByteArray pem() const;
    // A key id as people see it: 8 hex digits.
    static QString idText(quint32 id);
    // True when `signature` is this key's Ed25519 signature of `message`.
    bool verifies(QByteArrayView message, QByteArrayView signature) const;

private:
    explicit CouponKey(std::shared_ptr<evp_pkey_st> key);
    std::shared_ptr<evp_pkey_st> m_key;
    quint32 m_id = 0;
};

// The chain's signing key: the cloud holds it (the demo keeps it in the data folder).
class CouponSigner {
public:
    static std::optional<CouponSigner> generate();
    // A PKCS#8 PEM Ed25519 private key; nothing for anything else.
    static std::optional<CouponSigner> fromPem(QByteArrayView pem);

    QByteArray pem() const; // PKCS#8, unencrypted: the file holding it is 0600
    const CouponKey &publicKey() const { return m_public; }
    // The code for `coupon`; nothing when couponProblem(coupon) != None. Ed25519 is
    // deterministic: the same coupon and key always give the same code.
    std::optional<QString> sign(const Coupon &coupon) const;

private:
    CouponSigner(std::shared_ptr<evp_pkey_st> key, CouponKey publicKey);
    std::shared_ptr<evp_pkey_st> m_key;
    CouponKey m_public;
};

// What a till decides about a coupon code, in the order it checks (docs/codes.md).
struct CouponCheck {
    enum class Verdict {
        Valid,
        Malformed,   // not an SPC1 code, not read whole, or of a format this version cannot read
        WrongKey,    // signed with a key this till does not trust (another chain, an old demo)
        Forged,      // the signature does not match: altered, or not made with the key it names
        Expired,     // now ≥ validUntil
        NotYetValid, // now < validFrom
        // Decided by the sale (couponVerdictForSale), never by checkCouponCode:
        WrongMember, // bound to a member who is not the sale's
        Used,        // redeemed before (the ledger knows)
    };
    Verdict verdict = Verdict::Malformed;
    // What the code says, for every verdict but Malformed; authentic only when the signature
    // checked (Valid, Expired, NotYetValid, WrongMember, Used).
    Coupon coupon;
    quint32 keyId = 0;
};

// Reads and checks `code` against the trusted keys at `now` (Unix seconds, UTC; the caller's
// clock). The coupon's serial is not looked up: single use is couponVerdictForSale's.
CouponCheck checkCouponCode(QStringView code, const QList<CouponKey> &keys, qint64 now);

// The checks that need the sale, after checkCouponCode: a member-bound coupon needs its member
// identified in the sale (WrongMember), and a coupon redeemed before is Used. Any verdict but
// Valid is returned as it is.
CouponCheck::Verdict couponVerdictForSale(const CouponCheck &check, QStringView saleMember,
                                          bool redeemedBefore);

} // namespace smartpos
