// Checking the codes customers bring (docs/codes.md), as a till does at each scan: a coupon
// code (base64url, payload, Ed25519 signature, validity; target ≤ 0.1 ms) and a member code
// (HMAC-SHA256 under a derived key, time window). Signing a coupon, the cloud's side, for scale.
#include "core/couponcode.h"
#include "core/membercode.h"

#include <benchmark/benchmark.h>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 may15 = 1'778'774'400; // 2026-05-15T00:00:00+08:00

// A threshold coupon bound to a member, for one category, valid in May 2026.
Coupon coupon()
{
    Coupon c;
    c.id = 0x8f3a'11c2'9b40'd7e5;
    c.campaign = 7;
    c.kind = Coupon::Kind::Threshold;
    c.value = 2000;
    c.minSpend = Money::fromYuan(100);
    c.category = u"饮料"_s;
    c.member = u"M000123"_s;
    c.validFrom = 1'777'564'800;
    c.validUntil = 1'780'243'200;
    return c;
}

const CouponSigner &signer()
{
    static const CouponSigner key = *CouponSigner::generate();
    return key;
}

void BM_VerifyCouponCode(benchmark::State &state)
{
    const QString code = *signer().sign(coupon());
    const QList<CouponKey> keys = {signer().publicKey()};
    for (auto _ : state) {
        const CouponCheck check = checkCouponCode(code, keys, may15);
        if (check.verdict != CouponCheck::Verdict::Valid)
            state.SkipWithError("the coupon did not check");
        benchmark::DoNotOptimize(check.coupon.id);
    }
    state.counters["chars"] = double(code.size());
}

void BM_CheckMemberCode(benchmark::State &state)
{
    const QByteArray secret(32, '\x5a');
    const QString member = u"M000123"_s;
    const QString code = memberCode(memberCodeKey(secret, member), member, memberCodeStep(may15));
    for (auto _ : state) {
        const MemberCodeCheck check = checkMemberCode(code, secret, may15);
        if (check.verdict != MemberCodeCheck::Verdict::Valid)
            state.SkipWithError("the member code did not check");
        benchmark::DoNotOptimize(check.step);
    }
    state.counters["chars"] = double(code.size());
}

void BM_SignCoupon(benchmark::State &state)
{
    Coupon c = coupon();
    for (auto _ : state) {
        ++c.id;
        benchmark::DoNotOptimize(signer().sign(c)->size());
    }
}

BENCHMARK(BM_VerifyCouponCode)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_CheckMemberCode)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SignCoupon)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
