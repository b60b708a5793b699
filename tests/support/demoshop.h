#pragma once

// A till's data without the screens, for tests of the sale session and what observes it: a
// temporary data folder with the demo catalog, a keyed ledger, a manual clock and a session.
// Tests inherit it and call openShop() in init() and closeShop() in cleanup().
#include "core/clock.h"
#include "ledger/catalogstore.h"
#include "ledger/ledger.h"
#include "services/salesession.h"
#include "testsupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace smartpos::testing {

class DemoShop {
protected:
    // QVERIFY-style: returns early (with the test marked failed) when the data cannot be made.
    void openShop(const QDateTime &startUtc)
    {
        m_dir = std::make_unique<QTemporaryDir>();
        const QString keys = m_dir->filePath(QStringLiteral("keys"));
        QVERIFY(QDir().mkpath(keys));
        m_catalog = std::make_unique<CatalogStore>();
        QVERIFY_OK(m_catalog->open(m_dir->path()));
        const ImportReport report =
            m_catalog->importCsv(QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-catalog.csv"));
        QVERIFY2(report.ok, qPrintable(report.reason));
        m_ledger = std::make_unique<Ledger>();
        QVERIFY_OK(m_ledger->open(m_dir->path(), keys));
        m_clock = std::make_unique<ManualClock>(startUtc);
        m_session = std::make_unique<SaleSession>(*m_catalog, *m_ledger, *m_clock, StoreRules());
    }

    void closeShop()
    {
        m_session.reset();
        m_ledger.reset();
        m_catalog.reset();
        m_clock.reset();
        m_dir.reset();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CatalogStore> m_catalog;
    std::unique_ptr<Ledger> m_ledger;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SaleSession> m_session;
};

} // namespace smartpos::testing
