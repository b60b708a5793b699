// Member and coupon codes at the till, end to end through SaleSession::scan: the member code
// checked, the ledger asked for the last step and the points redeemed, the member looked up
// among 100k in members.db and the cart repriced; the coupon code verified (Ed25519), the ledger
// asked whether it was used and the cart repriced with the demo promotions. A 20-line cart.
#include "benchdata.h"
#include "core/membercode.h"
#include "core/promotions.h"
#include "ledger/catalogstore.h"
#include "ledger/ledger.h"
#include "ledger/memberstore.h"
#include "services/appdata.h"
#include "services/chainkeys.h"
#include "services/salesession.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <memory>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {

constexpr int members = 100'000;

struct Shop {
    QTemporaryDir dir{bench::scratchTemplate(QStringLiteral("salemembers"))};
    CatalogStore catalog;
    Ledger ledger;
    MemberStore memberStore;
    SystemClock clock;
    std::optional<ChainKeys> keys;
    std::unique_ptr<PromotionEngine> engine;
    std::unique_ptr<SaleSession> session;
    QString error;

    Shop()
    {
        if (!catalog.open(dir.path())
            || !catalog.importCsv(QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-catalog.csv"))
                    .ok) {
            error = u"catalog"_s;
            return;
        }
        if (!ledger.open(dir.path(), dir.filePath(u"keys"_s)) || !memberStore.open(dir.path())) {
            error = u"ledger or members"_s;
            return;
        }
        QFile csv(dir.filePath(u"members.csv"_s));
        csv.open(QIODevice::WriteOnly);
        csv.write("member_id,phone,name,tier,points,birthday,consent_utc\n");
        for (int i = 0; i < members; ++i)
            csv.write(u"M%1,139%2,会员%1,gold,%3,,\n"_s.arg(i)
                          .arg(i, 8, 10, QLatin1Char('0'))
                          .arg(i % 50'000)
                          .toUtf8());
        csv.close();
        MemberImportOptions options;
        options.pointsAsOf = clock.nowUtc();
        if (!memberStore.importCsv(csv.fileName(), options).ok) {
            error = u"members import"_s;
            return;
        }
        Result<ChainKeys> made = ChainKeys::create(dir.path());
        Result<PromotionSet> promotions =
            loadPromotions(QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-promotions.json"));
        if (!made || !promotions) {
            error = u"keys or promotions"_s;
            return;
        }
        keys = std::move(*made);
        session = std::make_unique<SaleSession>(catalog, ledger, clock, StoreRules());
        engine = std::make_unique<PromotionEngine>(*promotions);
        session->setPricingRules({engine.get()});
        session->setLoyalty(promotions->loyalty);
        session->setMembers(&memberStore);
        session->setCodeKeys(keys->couponKeys, keys->memberSecret);
        // 20 lines of the demo catalog
        for (qint64 id = 1; id < 100 && session->cart().lines().size() < 20; ++id)
            (void)session->addProduct(id); // weighed products are refused: the next one
        if (session->cart().lines().size() < 20)
            error = u"fewer than 20 products"_s;
    }
};

Shop &shop()
{
    static Shop instance;
    return instance;
}

void BM_MemberCodeScan(benchmark::State &state)
{
    Shop &s = shop();
    if (!s.error.isEmpty()) {
        state.SkipWithError(qPrintable(s.error));
        return;
    }
    const QString member = u"M77777"_s;
    const QString code = memberCode(memberCodeKey(s.keys->memberSecret, member), member,
                                    memberCodeStep(s.clock.nowUtc().toSecsSinceEpoch()));
    for (auto _ : state) {
        const Result<int> scanned = s.session->scan(code);
        if (!scanned) {
            state.SkipWithError(qPrintable(scanned.error().message));
            return;
        }
        state.PauseTiming();
        (void)s.session->removeMember();
        state.ResumeTiming();
    }
}
BENCHMARK(BM_MemberCodeScan)->Unit(benchmark::kMicrosecond);

void BM_CouponScan(benchmark::State &state)
{
    Shop &s = shop();
    if (!s.error.isEmpty()) {
        state.SkipWithError(qPrintable(s.error));
        return;
    }
    Coupon coupon;
    coupon.id = 424242;
    coupon.campaign = 1;
    coupon.kind = Coupon::Kind::Threshold;
    coupon.value = 1000;
    coupon.minSpend = Money::fromYuan(30);
    const QString code = s.keys->signer->sign(coupon).value();
    for (auto _ : state) {
        const Result<int> scanned = s.session->scan(code);
        if (!scanned) {
            state.SkipWithError(qPrintable(scanned.error().message));
            return;
        }
        state.PauseTiming();
        (void)s.session->removeCoupon(0);
        state.ResumeTiming();
    }
}
BENCHMARK(BM_CouponScan)->Unit(benchmark::kMicrosecond);

void BM_PhoneLookup(benchmark::State &state)
{
    Shop &s = shop();
    if (!s.error.isEmpty()) {
        state.SkipWithError(qPrintable(s.error));
        return;
    }
    for (auto _ : state) {
        const Status identified = s.session->identifyMember(u"139 0005 4321");
        if (!identified) {
            state.SkipWithError(qPrintable(identified.error().message));
            return;
        }
        state.PauseTiming();
        (void)s.session->removeMember();
        state.ResumeTiming();
    }
}
BENCHMARK(BM_PhoneLookup)->Unit(benchmark::kMicrosecond);

} // namespace

SMARTPOS_BENCHMARK_MAIN();
