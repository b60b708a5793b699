#pragma once

#include "core/coupon.h"
#include "core/couponcode.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace smartpos {

// A campaign whose coupons the cashier hands out (面对面送券), as its pool file names it.
struct PoolCampaign {
    quint32 campaign = 0;
    QString nameZh;
    QString nameEn;
    int left = 0; // coupons not yet taken in this process (some may have gone in earlier runs)
    // What its coupons give, as the first signed code of the pool says (not the file's comment
    // line, which nothing signs); for a pool with no code: Cash, 0, 0.
    Coupon::Kind kind = Coupon::Kind::Cash;
    qint64 value = 0;
    Money minSpend = {};
};

// One pre-signed coupon of a pool.
struct PooledCoupon {
    Coupon coupon;
    quint32 keyId = 0;
    QString code; // the SPC1 code, as signed by the chain
};

// The face-to-face coupon pools in <data dir>/codes/pool/<campaign>.pool: each a few header
// lines ("campaign=7", "name_zh=…", "name_en=…", comments "# …" saying what the coupons give)
// and then one signed coupon code per line, all of that campaign. `smartpos-admin codes pool`
// writes them for the demo; in a store the cloud sends them. Every code is verified once, when the
// pools are loaded; which ones were already handed out is the ledger's (the caller's `handedOut`).
class CouponPool {
    Q_DECLARE_TR_FUNCTIONS(smartpos::CouponPool)

public:
    static QString folder(const QString &dataDir);
    static QString fileName(quint32 campaign);
    // Writes the pool of `campaign` (its names, and `codes` of that campaign), 0600, whole or
    // not at all (a temporary file renamed into place). Refuses (Conflict) to replace an existing
    // pool unless `replace`. A comment says what the first code gives (kind, value, minimum spend),
    // for people.
    static Status write(const QString &dataDir, const PoolCampaign &campaign,
                        const QStringList &codes, bool replace = false);

    // Reads every pool; expired codes are left out. A file with a code that is not a valid,
    // authentic coupon of its campaign (forged, another chain's, malformed, another campaign,
    // member-bound) is refused whole, and so is load: the message names the file and line, for
    // the manager. No folder or an empty one: no pools, not an error. Each signature is checked
    // here, once (10k codes: see tst_couponpool's loadTenThousand).
    Status load(const QString &dataDir, const QList<CouponKey> &keys, qint64 now);
    QList<PoolCampaign> campaigns() const;
    // The next coupon of `campaign` that is still valid at `now` and for which handedOut(id) is
    // false; nothing when the pool has none left (or the campaign has no pool).
    std::optional<PooledCoupon> take(quint32 campaign,
                                     const std::function<bool(quint64)> &handedOut, qint64 now);
    // A taken coupon back to the front of its pool (the sale it was for was cancelled).
    void putBack(const PooledCoupon &coupon);

private:
    struct Pool {
        PoolCampaign campaign;
        QList<PooledCoupon> remaining; // in file order; taken from the front
    };
    Result<Pool> readPool(const QString &path, const QList<CouponKey> &keys, qint64 now) const;
    QList<Pool> m_pools;
};

} // namespace smartpos
