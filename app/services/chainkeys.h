#pragma once

#include "core/couponcode.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace smartpos {

// The chain's code keys, in <data dir>/codes/ (docs/codes.md, "Keys"):
//   coupon-signing.pem  the Ed25519 private key that signs coupons (PKCS#8), 0600
//   coupon-keys.pem     the public keys tills verify coupons with, newest first, 0600
//   member-secret       the member-code secret, 64 hex digits, 0600
// `smartpos-admin codes keygen` makes all three for the demo. In a store the cloud keeps the
// private key and a till gets only the other two; load() reads whatever is there.
struct ChainKeys {
    Q_DECLARE_TR_FUNCTIONS(smartpos::ChainKeys)

public:
    std::optional<CouponSigner> signer;
    QList<CouponKey> couponKeys;
    QByteArray memberSecret; // empty when the folder has none

    static constexpr qsizetype memberSecretBytes = 32;

    static QString folder(const QString &dataDir);
    static QStringList fileNames();

    // A new key pair and member secret, written all at once (a new folder, renamed into place).
    // Refuses (Conflict, naming what is there) when codes/ exists and is not empty: nothing is
    // ever replaced.
    static Result<ChainKeys> create(const QString &dataDir);
    // NotFound when the folder holds none of the files; Damaged when one is not what it should
    // be, or the private key's public key is not among coupon-keys.pem's.
    static Result<ChainKeys> load(const QString &dataDir);
};

} // namespace smartpos
