#include "couponpool.h"

#include "ledger/keyfolder.h"

#include <QDir>
#include <QFile>
#include <QThread>

#include <algorithm>
#include <thread>
#include <vector>

namespace smartpos {

namespace {
// As smartpos-admin codes pool names them.
QString kindName(Coupon::Kind kind)
{
    switch (kind) {
    case Coupon::Kind::Cash:
        return QStringLiteral("cash");
    case Coupon::Kind::Percent:
        return QStringLiteral("percent");
    case Coupon::Kind::Threshold:
        return QStringLiteral("threshold");
    case Coupon::Kind::Item:
        return QStringLiteral("item");
    }
    return {};
}

struct CodeLine {
    int number = 0; // in the file, from 1
    QString code;
};

// checkCouponCode for each code, in order. The Ed25519 signature is nearly all of the time
// (~75 µs a code; reading one takes ~1.5 µs), so large pools are checked on all cores.
QList<CouponCheck> checkAll(const QList<CodeLine> &codes, const QList<CouponKey> &keys, qint64 now)
{
    QList<CouponCheck> checks(codes.size());
    CouponCheck *const into = checks.data(); // detached once, before any thread writes
    const qsizetype parts =
        std::clamp<qsizetype>(codes.size() / 256, 1, std::max(1, QThread::idealThreadCount()));
    const auto check = [&](qsizetype part) {
        const qsizetype end = codes.size() * (part + 1) / parts;
        for (qsizetype i = codes.size() * part / parts; i < end; ++i)
            into[i] = checkCouponCode(codes.at(i).code, keys, now);
    };
    {
        std::vector<std::jthread> helpers;
        for (qsizetype part = 1; part < parts; ++part)
            helpers.emplace_back(check, part);
        check(0);
    } // joined
    return checks;
}

} // namespace

QString CouponPool::folder(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("codes/pool"));
}

QString CouponPool::fileName(quint32 campaign)
{
    return QStringLiteral("%1.pool").arg(campaign);
}

Status CouponPool::write(const QString &dataDir, const PoolCampaign &campaign,
                         const QStringList &codes, bool replace)
{
    const QString dir = folder(dataDir);
    const QString path = QDir(dir).filePath(fileName(campaign.campaign));
    if (!replace && QFile::exists(path))
        return Error{ErrorCode::Conflict,
                     tr("%1 exists: campaign %2 has a pool already (--replace writes a new one).")
                         .arg(path)
                         .arg(campaign.campaign)};
    if (!QDir().mkpath(dir)
        || !QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                           | QFileDevice::ExeOwner))
        return Error{ErrorCode::Storage, tr("The folder %1 cannot be made.").arg(dir)};
    // Names are one line each: a line break in one would start a line the reader refuses.
    const auto oneLine = [](QString text) {
        return text.replace(QLatin1Char('\n'), QLatin1Char(' '))
            .replace(QLatin1Char('\r'), QLatin1Char(' '));
    };
    QString text = QStringLiteral("# SmartPOS face-to-face coupons (docs/codes.md)\n");
    // What the coupons give, for people: the till reads it from the signed codes themselves.
    if (!codes.isEmpty()) {
        const Coupon first = checkCouponCode(codes.first(), {}, 0).coupon;
        text += QStringLiteral("# kind=%1 value=%2 min_spend=%3 (value: fen; percent: basis "
                               "points; item: units)\n")
                    .arg(kindName(first.kind))
                    .arg(first.value)
                    .arg(first.minSpend.toString());
    }
    text += QStringLiteral("campaign=%1\n").arg(campaign.campaign);
    text += QStringLiteral("name_zh=%1\nname_en=%2\n")
                .arg(oneLine(campaign.nameZh), oneLine(campaign.nameEn));
    for (const QString &code : codes)
        text += code + QLatin1Char('\n');
    return writeFileDurably(path, text.toUtf8());
}

Status CouponPool::load(const QString &dataDir, const QList<CouponKey> &keys, qint64 now)
{
    m_pools.clear();
    const QDir dir(folder(dataDir));
    QList<Pool> pools;
    for (const QString &name : dir.entryList({QStringLiteral("*.pool")}, QDir::Files, QDir::Name)) {
        Result<Pool> pool = readPool(dir.filePath(name), keys, now);
        if (!pool)
            return pool.error();
        pools.append(std::move(*pool));
    }
    m_pools = std::move(pools);
    return {};
}

Result<CouponPool::Pool> CouponPool::readPool(const QString &path, const QList<CouponKey> &keys,
                                              qint64 now) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Storage,
                     tr("The coupon pool %1 cannot be read: %2").arg(path, file.errorString())};
    Pool pool;
    bool hasCampaign = false;
    bool described = false; // kind, value and minimum spend taken from the first code
    int lineNumber = 0;
    const auto refuse = [&](const QString &why) {
        return Error{ErrorCode::Damaged,
                     tr("The coupon pool %1 cannot be used (line %2: %3). Write it again with "
                        "smartpos-admin codes pool, or remove it.")
                         .arg(path)
                         .arg(lineNumber)
                         .arg(why)};
    };
    QByteArray bytes = file.readAll();
    if (bytes.startsWith("\xEF\xBB\xBF")) // a UTF-8 BOM, as some editors write
        bytes.remove(0, 3);
    QList<CodeLine> codes;
    for (const QByteArray &raw : bytes.split('\n')) {
        ++lineNumber;
        const QString line = QString::fromUtf8(raw).trimmed(); // also a CR of CRLF
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1StringView("SPC1."))) {
            if (!hasCampaign)
                return refuse(tr("the campaign= line must come before the codes"));
            codes.append({lineNumber, line});
            continue;
        }
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        const QString key = line.left(equals).trimmed();
        const QString value = line.mid(equals + 1).trimmed();
        bool ok = true;
        if (equals < 0 || !codes.isEmpty())
            return refuse(tr("not a coupon code"));
        if (key == QLatin1StringView("campaign")) {
            pool.campaign.campaign = value.toUInt(&ok);
            hasCampaign = ok;
        } else if (key == QLatin1StringView("name_zh")) {
            pool.campaign.nameZh = value;
        } else if (key == QLatin1StringView("name_en")) {
            pool.campaign.nameEn = value;
        } else {
            ok = false;
        }
        if (!ok)
            return refuse(tr("“%1” is not campaign=, name_zh= or name_en=").arg(line));
    }
    const QList<CouponCheck> checks = checkAll(codes, keys, now);
    pool.remaining.reserve(codes.size());
    for (qsizetype i = 0; i < codes.size(); ++i) {
        const CouponCheck &check = checks[i];
        lineNumber = codes[i].number;
        switch (check.verdict) {
        case CouponCheck::Verdict::Valid:
        case CouponCheck::Verdict::NotYetValid: // handed out now, used later
        case CouponCheck::Verdict::Expired:     // authentic, left out below
            break;
        default:
            return refuse(tr("the code is not a genuine coupon of this chain"));
        }
        if (check.coupon.campaign != pool.campaign.campaign)
            return refuse(tr("the coupon is of campaign %1").arg(check.coupon.campaign));
        if (!check.coupon.member.isEmpty())
            return refuse(tr("the coupon is bound to member %1").arg(check.coupon.member));
        if (!described) {
            pool.campaign.kind = check.coupon.kind;
            pool.campaign.value = check.coupon.value;
            pool.campaign.minSpend = check.coupon.minSpend;
            described = true;
        }
        if (check.verdict != CouponCheck::Verdict::Expired)
            pool.remaining.append(PooledCoupon{check.coupon, check.keyId, codes[i].code});
    }
    pool.campaign.left = int(pool.remaining.size());
    return pool;
}

QList<PoolCampaign> CouponPool::campaigns() const
{
    QList<PoolCampaign> campaigns;
    for (const Pool &pool : m_pools) {
        campaigns.append(pool.campaign);
        campaigns.last().left = int(pool.remaining.size());
    }
    return campaigns;
}

std::optional<PooledCoupon>
CouponPool::take(quint32 campaign, const std::function<bool(quint64)> &handedOut, qint64 now)
{
    for (Pool &pool : m_pools) {
        if (pool.campaign.campaign != campaign)
            continue;
        while (!pool.remaining.isEmpty()) {
            PooledCoupon next = pool.remaining.takeFirst();
            const qint64 until = next.coupon.validUntil;
            if ((until == 0 || now < until) && !handedOut(next.coupon.id))
                return next;
        }
    }
    return std::nullopt;
}

void CouponPool::putBack(const PooledCoupon &coupon)
{
    for (Pool &pool : m_pools)
        if (pool.campaign.campaign == coupon.coupon.campaign)
            pool.remaining.prepend(coupon);
}

} // namespace smartpos
