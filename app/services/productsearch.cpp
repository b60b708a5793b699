#include "productsearch.h"

#include "ledger/catalogstore.h"

namespace smartpos {

QList<Product> ProductSearch::find(const QString &text, int limit) const
{
    return text.trimmed().isEmpty() ? QList<Product>() : m_catalog.search(text, limit);
}

} // namespace smartpos
