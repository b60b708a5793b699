// The face-to-face coupon pools (面对面送券): written, read, verified once, taken in order,
// put back, and refused whole when a manager's or an attacker's edit makes a line untrue.
#include "services/chainkeys.h"
#include "services/couponpool.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {
constexpr qint64 now = 1'790'000'000; // 2026-09
constexpr quint32 campaign = 7;

Coupon poolCoupon(quint64 id)
{
    Coupon coupon;
    coupon.id = id;
    coupon.campaign = campaign;
    coupon.kind = Coupon::Kind::Cash;
    coupon.value = 500;
    coupon.minSpend = Money::fromYuan(20);
    return coupon;
}
} // namespace

class TestCouponPool : public QObject {
    Q_OBJECT

private slots:
    void init();
    void noPools();
    void emptyFolder();
    void writeAndTake();
    void handedOutAreSkipped();
    void putBackComesFirst();
    void expiredLeftOut();
    void refusedLines_data();
    void refusedLines();
    void crlfAndBom();
    void writeRefusesToReplace();
    void manyCodesKeepTheirOrderAndLines();
    void loadTenThousand();

private:
    QStringList codes(quint64 first, int count) const;
    QString poolPath() const
    {
        return QDir(CouponPool::folder(m_dir->path())).filePath(CouponPool::fileName(campaign));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::optional<ChainKeys> m_keys;
    const std::function<bool(quint64)> none = [](quint64) { return false; };
};

void TestCouponPool::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    Result<ChainKeys> keys = ChainKeys::create(m_dir->path());
    QVERIFY_OK(keys);
    m_keys = std::move(*keys);
}

QStringList TestCouponPool::codes(quint64 first, int count) const
{
    QStringList codes;
    for (int i = 0; i < count; ++i)
        codes.append(m_keys->signer->sign(poolCoupon(first + quint64(i))).value());
    return codes;
}

void TestCouponPool::noPools()
{
    CouponPool pool;
    QVERIFY_OK(pool.load(m_dir->path(), m_keys->couponKeys, now));
    QVERIFY(pool.campaigns().isEmpty());
    QCOMPARE(pool.take(campaign, none, now), std::nullopt);
}

void TestCouponPool::emptyFolder()
{
    QVERIFY(QDir().mkpath(CouponPool::folder(m_dir->path())));
    QFile other(QDir(CouponPool::folder(m_dir->path())).filePath(u"7.pool.tmp"_s));
    QVERIFY(other.open(QIODevice::WriteOnly)); // a write cut short: not a pool
    other.write("garbage\n");
    other.close();
    CouponPool pool;
    QVERIFY_OK(pool.load(m_dir->path(), m_keys->couponKeys, now));
    QVERIFY(pool.campaigns().isEmpty());
    QCOMPARE(pool.take(campaign, none, now), std::nullopt);
}

void TestCouponPool::writeAndTake()
{
    QVERIFY_OK(CouponPool::write(m_dir->path(), {campaign, u"到店礼"_s, u"Welcome"_s, 0},
                                 codes(7'000'001, 3)));
    QCOMPARE(QFile::permissions(poolPath()) & 0x0077, QFileDevice::Permissions());
    CouponPool pool;
    QVERIFY_OK(pool.load(m_dir->path(), m_keys->couponKeys, now));
    QCOMPARE(pool.campaigns().size(), 1);
    const PoolCampaign c = pool.campaigns().first();
    QCOMPARE(c.campaign, campaign);
    QCOMPARE(c.nameZh, u"到店礼"_s);
    QCOMPARE(c.nameEn, u"Welcome"_s);
    QCOMPARE(c.left, 3);
    // What the coupons give, from the signed codes.
    QCOMPARE(c.kind, Coupon::Kind::Cash);
    QCOMPARE(c.value, 500);
    QCOMPARE(c.minSpend, Money::fromYuan(20));
    QFile file(poolPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("# kind=cash value=500 min_spend=20.00"));
    for (quint64 id = 7'000'001; id <= 7'000'003; ++id) {
        const auto taken = pool.take(campaign, none, now);
        QVERIFY(taken);
        QCOMPARE(taken->coupon.id, id);
        QCOMPARE(taken->keyId, m_keys->couponKeys.first().id());
        QCOMPARE(checkCouponCode(taken->code, m_keys->couponKeys, now).coupon, taken->coupon);
    }
    QCOMPARE(pool.take(campaign, none, now), std::nullopt);
    QCOMPARE(pool.campaigns().first().left, 0);
    QCOMPARE(pool.take(campaign + 1, none, now), std::nullopt); // no such pool
}

void TestCouponPool::handedOutAreSkipped()
{
    QVERIFY_OK(CouponPool::write(m_dir->path(), {campaign, {}, {}, 0}, codes(1, 5)));
    CouponPool pool;
    QVERIFY_OK(pool.load(m_dir->path(), m_keys->couponKeys, now));
    // The ledger says 1, 2 and 4 went in earlier runs.
    const auto before = [](quint64 id) { return id == 1 || id == 2 || id == 4; };
    QCOMPARE(pool.take(campaign, before, now)->coupon.id, 3u);
    QCOMPARE(pool.take(campaign, before, now)->coupon.id, 5u);
    QCOMPARE(pool.take(campaign, before, now), std::nullopt);
}

void TestCouponPool::putBackComesFirst()
{
    QVERIFY_OK(CouponPool::write(m_dir->path(), {campaign, {}, {}, 0}, codes(1, 2)));
    CouponPool pool;
    QVERIFY_OK(pool.load(m_dir->path(), m_keys->couponKeys, now));
    const PooledCoupon first = *pool.take(campaign, none, now);
    pool.putBack(first);
    QCOMPARE(pool.campaigns().first().left, 2);
    QCOMPARE(pool.take(campaign, none, now)->coupon.id, 1u);
}

void TestCouponPool::expiredLeftOut()
{
    Coupon soon = poolCoupon(1);
    soon.validUntil = now + 60;
    Coupon gone = poolCoupon(2);
    gone.validUntil = now;
    QVERIFY_OK(CouponPool::write(
        m_dir->path(), {campaign, {}, {}, 0},
        {m_keys->signer->sign(gone).value(), m_keys->signer->sign(soon).value()}));
    CouponPool pool;
    QVERIFY_OK(pool.load(m_dir->path(), m_keys->couponKeys, now));
    QCOMPARE(pool.campaigns().first().left, 1);
    // Expired since the pools were read: not handed out either.
    QCOMPARE(pool.take(campaign, none, now + 60), std::nullopt);
}

void TestCouponPool::refusedLines_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("reason");
    const CouponSigner otherChain = CouponSigner::generate().value();
    QTest::newRow("another chain's")
        << otherChain.sign(poolCoupon(9)).value() << u"not a genuine coupon"_s;
    QTest::newRow("garbled") << u"SPC1.AAAA"_s << u"not a genuine coupon"_s;
    QTest::newRow("text") << u"hello"_s << u"not a coupon code"_s;
    QTest::newRow("unknown header") << u"value=5"_s << u"not a coupon code"_s;
    QTest::newRow("other campaign") << u"campaign:8"_s << u"of campaign 8"_s;
    QTest::newRow("member-bound") << u"member:M0001"_s << u"bound to member M0001"_s;
    QTest::newRow("forged") << u"forged"_s << u"not a genuine coupon"_s;
}

void TestCouponPool::refusedLines()
{
    QFETCH(QString, line);
    QFETCH(QString, reason);
    if (line == u"campaign:8") {
        Coupon c = poolCoupon(9);
        c.campaign = 8;
        line = m_keys->signer->sign(c).value();
    } else if (line == u"member:M0001") {
        Coupon c = poolCoupon(9);
        c.member = u"M0001"_s;
        line = m_keys->signer->sign(c).value();
    } else if (line == u"forged") {
        line = codes(9, 1).first();
        line[10] = line[10] == u'A' ? u'B' : u'A';
    }
    QStringList lines = codes(1, 2);
    lines.append(line);
    QVERIFY_OK(CouponPool::write(m_dir->path(), {campaign, {}, {}, 0}, lines));
    CouponPool pool;
    const Status loaded = pool.load(m_dir->path(), m_keys->couponKeys, now);
    QVERIFY(!loaded);
    QVERIFY2(loaded.error().message.contains(reason), qPrintable(loaded.error().message));
    QVERIFY2(loaded.error().message.contains(u"line 8"_s), qPrintable(loaded.error().message));
    QVERIFY(pool.campaigns().isEmpty());
}

void TestCouponPool::crlfAndBom()
{
    QVERIFY(QDir().mkpath(CouponPool::folder(m_dir->path())));
    QFile file(poolPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("\xEF\xBB\xBF"
               "campaign=7\r\nname_zh=到店礼\r\n\r\n");
    for (const QString &code : codes(1, 2))
        file.write(code.toUtf8() + "\r\n");
    file.close();
    CouponPool pool;
    QVERIFY_OK(pool.load(m_dir->path(), m_keys->couponKeys, now));
    QCOMPARE(pool.campaigns().first().left, 2);
    QCOMPARE(pool.campaigns().first().nameZh, u"到店礼"_s);
}

void TestCouponPool::writeRefusesToReplace()
{
    QVERIFY_OK(CouponPool::write(m_dir->path(), {campaign, {}, {}, 0}, codes(1, 1)));
    const Status again = CouponPool::write(m_dir->path(), {campaign, {}, {}, 0}, codes(2, 1));
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QVERIFY_OK(CouponPool::write(m_dir->path(), {campaign, u"a\nb"_s, {}, 0}, codes(2, 1), true));
    CouponPool pool;
    QVERIFY_OK(pool.load(m_dir->path(), m_keys->couponKeys, now));
    QCOMPARE(pool.take(campaign, none, now)->coupon.id, 2u);
    QCOMPARE(pool.campaigns().first().nameZh, u"a b"_s);
}

// Enough codes to be checked on several threads: still taken in file order, and a bad code
// near the end is refused with its own line number.
void TestCouponPool::manyCodesKeepTheirOrderAndLines()
{
    constexpr int count = 2000;
    QStringList lines = codes(1, count);
    QVERIFY_OK(CouponPool::write(m_dir->path(), {campaign, {}, {}, 0}, lines));
    CouponPool pool;
    QVERIFY_OK(pool.load(m_dir->path(), m_keys->couponKeys, now));
    for (quint64 id = 1; id <= count; ++id)
        QCOMPARE(pool.take(campaign, none, now)->coupon.id, id);
    lines[count - 10][12] = lines[count - 10][12] == u'A' ? u'B' : u'A';
    QVERIFY_OK(CouponPool::write(m_dir->path(), {campaign, {}, {}, 0}, lines, true));
    const Status loaded = pool.load(m_dir->path(), m_keys->couponKeys, now);
    QVERIFY(!loaded);
    const QString line = u"line %1:"_s.arg(5 + count - 10 + 1);
    QVERIFY2(loaded.error().message.contains(line), qPrintable(loaded.error().message));
}

// A pool of 10k codes read, every signature checked: the walltime of one load.
void TestCouponPool::loadTenThousand()
{
    constexpr int count = 10'000;
    QVERIFY_OK(CouponPool::write(m_dir->path(), {campaign, u"到店礼"_s, u"Welcome"_s, 0},
                                 codes(1, count)));
    CouponPool pool;
    QBENCHMARK
    {
        QVERIFY_OK(pool.load(m_dir->path(), m_keys->couponKeys, now));
    }
    QCOMPARE(pool.campaigns().first().left, count);
}

QTEST_GUILESS_MAIN(TestCouponPool)
#include "tst_couponpool.moc"
