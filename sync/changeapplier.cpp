#include "changeapplier.h"

#include "catalogchanges.h"

namespace smartpos::sync {

Status ChangeApplier::open(const QString &dataDir)
{
    return m_catalog.open(dataDir);
}

Result<qint64> ChangeApplier::cursor()
{
    return m_catalog.syncCursor();
}

Status ChangeApplier::apply(const ChangesPage &page)
{
    const Result<qint64> catalogCursor = m_catalog.syncCursor();
    if (!catalogCursor)
        return catalogCursor.error();
    if (page.next <= *catalogCursor)
        return {};
    QList<CatalogChange> changes;
    for (const Change &change : page.changes) {
        const Result<std::optional<CatalogChange>> catalogChange = catalogChangeFrom(change);
        if (!catalogChange)
            return catalogChange.error();
        if (change.seq > *catalogCursor && catalogChange->has_value())
            changes.append(**catalogChange);
    }
    return m_catalog.applyChanges(changes, page.next);
}

} // namespace smartpos::sync
