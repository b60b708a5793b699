#include "chainkeys.h"

#include "ledger/database.h"
#include "ledger/keyfolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <algorithm>

namespace smartpos {

namespace {

const QString signingFile = QStringLiteral("coupon-signing.pem");
const QString publicFile = QStringLiteral("coupon-keys.pem");
const QString secretFile = QStringLiteral("member-secret");
constexpr auto ownerDir = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

bool isHex(QByteArrayView text)
{
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

} // namespace

QString ChainKeys::folder(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("codes"));
}

QStringList ChainKeys::fileNames()
{
    return {signingFile, publicFile, secretFile};
}

Result<ChainKeys> ChainKeys::create(const QString &dataDir)
{
    const QString target = folder(dataDir);
    const QStringList present =
        QDir(target).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    if (!present.isEmpty())
        return Error{ErrorCode::Conflict,
                     tr("The chain's code keys are already in %1 (%2). Nothing was changed: "
                        "codes keygen never replaces keys, since every code made with them would "
                        "stop checking.")
                         .arg(target, present.join(QStringLiteral(", ")))};
    QString problem;
    if (!prepareDataDir(dataDir, &problem))
        return Error{ErrorCode::Storage, problem};

    ChainKeys keys;
    keys.signer = CouponSigner::generate();
    if (!keys.signer)
        return Error{ErrorCode::Storage, tr("OpenSSL could not make an Ed25519 key.")};
    keys.couponKeys = {keys.signer->publicKey()};
    keys.memberSecret.resize(memberSecretBytes);
    QRandomGenerator::system()->generate(keys.memberSecret.begin(), keys.memberSecret.end());

    // Written in a folder of their own, then renamed to codes/: all three or none.
    const QString staging = QDir(dataDir).filePath(QStringLiteral("codes.new"));
    QDir(staging).removeRecursively();
    if (!QDir().mkdir(staging) || !QFile::setPermissions(staging, ownerDir))
        return Error{ErrorCode::Storage, tr("Cannot create the folder %1.").arg(staging)};
    QDir into(staging);
    for (const auto &[name, content] : {std::pair{signingFile, keys.signer->pem()},
                                        std::pair{publicFile, keys.signer->publicKey().pem()},
                                        std::pair{secretFile, keys.memberSecret.toHex() + '\n'}}) {
        if (Status written = writeFileDurably(into.filePath(name), content); !written) {
            into.removeRecursively();
            return written.error();
        }
    }
    QDir().rmdir(target); // an empty codes/ is in the way of the rename
    if (!QDir().rename(staging, target)) {
        into.removeRecursively();
        return Error{ErrorCode::Storage, tr("Cannot rename %1 to %2.").arg(staging, target)};
    }
    syncPath(dataDir);
    return keys;
}

Result<ChainKeys> ChainKeys::load(const QString &dataDir)
{
    const QDir dir(folder(dataDir));
    std::optional<QByteArray> signing, publicKeys, secret;
    for (const auto &[name, into] :
         {std::pair{signingFile, &signing}, std::pair{publicFile, &publicKeys},
          std::pair{secretFile, &secret}}) {
        QFile file(dir.filePath(name));
        if (!file.exists())
            continue;
        if (!file.open(QIODevice::ReadOnly))
            return Error{ErrorCode::Storage,
                         tr("Cannot read %1: %2").arg(file.fileName(), file.errorString())};
        *into = file.readAll();
    }
    if (!signing && !publicKeys && !secret)
        return Error{ErrorCode::NotFound,
                     tr("There are no code keys in %1. `smartpos-admin codes keygen` makes the "
                        "demo chain's; in a store they come from the chain.")
                         .arg(dir.path())};
    auto damaged = [&](const QString &name, const QString &what) {
        return Error{ErrorCode::Damaged,
                     tr("%1 is not %2. Restore it from a backup, or ask the chain for it.")
                         .arg(dir.filePath(name), what)};
    };
    ChainKeys keys;
    if (signing) {
        keys.signer = CouponSigner::fromPem(*signing);
        if (!keys.signer)
            return damaged(signingFile, tr("an Ed25519 private key (PEM)"));
    }
    if (publicKeys) {
        const auto list = CouponKey::listFromPem(*publicKeys);
        if (!list)
            return damaged(publicFile, tr("a list of Ed25519 public keys (PEM)"));
        keys.couponKeys = *list;
    }
    if (secret) {
        const QByteArray hex = secret->trimmed();
        if (hex.size() != 2 * memberSecretBytes || !isHex(hex))
            return damaged(secretFile, tr("a member-code secret (64 hex digits)"));
        keys.memberSecret = QByteArray::fromHex(hex);
    }
    // What the demo signs must check at its own till.
    if (keys.signer
        && std::none_of(keys.couponKeys.begin(), keys.couponKeys.end(), [&](const CouponKey &k) {
               return k.id() == keys.signer->publicKey().id();
           }))
        return Error{ErrorCode::Damaged,
                     tr("The public key of %1 is not in %2: coupons signed here would not check. "
                        "Restore both from the same backup.")
                         .arg(dir.filePath(signingFile), dir.filePath(publicFile))};
    return keys;
}

} // namespace smartpos
