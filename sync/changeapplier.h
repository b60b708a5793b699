#pragma once

#include "ledger/catalogstore.h"
#include "sync/protocol.h"

namespace smartpos::sync {

// What a till does with the changes it pulls: each local file that takes changes keeps its own
// cursor, written in the same transaction as the changes it applied, so a crash leaves each file
// either before or after a page, never half-way. The till asks from the oldest of them, and each
// file skips what it already has. (Only the catalog takes changes so far; the other kinds are
// kept by the cloud until their files learn them.)
class ChangeApplier {
public:
    // Its own connection to catalog.db: the sync thread's.
    Status open(const QString &dataDir);
    // Where to pull from.
    Result<qint64> cursor();
    // Applies one page; nothing of it when any of its changes is not valid.
    Status apply(const ChangesPage &page);

private:
    CatalogStore m_catalog;
};

} // namespace smartpos::sync
