#pragma once

// A till for the sync tests: a data folder with the demo catalog and members, a keyed ledger, and
// the cashier's sale session with the demo loyalty rules, ringing member sales that earn and
// spend points. Several can live in one test, each in its own folders.
#include "ledger/catalogstore.h"
#include "ledger/ledger.h"
#include "ledger/memberstore.h"
#include "services/salesession.h"
#include "testsupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace smartpos::testing {

class SyncTill {
public:
    // Demo members (resources/demo-members.csv)
    static constexpr const char16_t *zhangPhone = u"13800138000"; // M0001, gold, 1280 points
    static constexpr const char16_t *wangPhone = u"13912345678";  // M0002, platinum, 25600
    static constexpr const char16_t *colaCode = u"6928804995534"; // DR0001, ¥3.00

    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }
    QString keyDir() const { return m_dir.filePath(QStringLiteral("keys")); }

    // QVERIFY-style: check QTest::currentTestFailed() after it.
    void open(const QDateTime &membersAsOf)
    {
        QVERIFY(QDir().mkpath(dataDir()));
        QVERIFY(QDir().mkpath(keyDir()));
        QVERIFY_OK(catalog.open(dataDir()));
        if (catalog.count() == 0) {
            const ImportReport report = catalog.importCsv(
                QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-catalog.csv"));
            QVERIFY2(report.ok, qPrintable(report.reason));
        }
        QVERIFY_OK(members.open(dataDir()));
        if (*members.count() == 0) {
            MemberImportOptions options;
            options.pointsAsOf = membersAsOf;
            const MemberImportReport report = members.importCsv(
                QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-members.csv"), options);
            QVERIFY2(report.ok, qPrintable(report.reason));
        }
        QVERIFY_OK(ledger.open(dataDir(), keyDir()));
        session = std::make_unique<SaleSession>(catalog, ledger, clock, StoreRules());
        session->setMembers(&members);
        LoyaltyRules loyalty; // 1 point per yuan; 100 points = ¥1, at most 50 % of a sale
        loyalty.tierPercent = {{QStringLiteral("gold"), 150}, {QStringLiteral("platinum"), 200}};
        session->setLoyalty(loyalty);
    }

    void close()
    {
        session.reset();
        ledger.close();
    }

    // A cash sale of `colas` colas; with a member when `phone` is given, who spends points on
    // it when `redeem` and the till lets them.
    void sell(int colas, const QString &phone = {}, bool redeem = false)
    {
        clock.advanceMs(60'000);
        if (!phone.isEmpty())
            QVERIFY_OK(session->identifyMember(phone));
        for (int i = 0; i < colas; ++i)
            QVERIFY(session->scan(QStringView(colaCode)).ok());
        if (redeem) // refused once the points this till may spend offline are used up
            (void)session->setRedeemPoints(true);
        QVERIFY_OK(session->beginTender());
        QVERIFY_OK(session->payCash(session->total()));
        session->startNextSale();
    }

    ManualClock clock{QDateTime(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC)};
    CatalogStore catalog;
    MemberStore members;
    Ledger ledger;
    std::unique_ptr<SaleSession> session;

private:
    QTemporaryDir m_dir;
};

} // namespace smartpos::testing
