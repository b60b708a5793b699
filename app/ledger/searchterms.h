#pragma once

#include <QString>

namespace smartpos {

// How the catalog's full-text search (SQLite FTS5, unicode61 tokenizer) sees names: Latin words
// as they are; Chinese as single characters and overlapping pairs, so "可乐" finds "可口可乐"
// without a dictionary.

// The words FTS5 indexes for a product.
QString searchTerms(const QString &nameZh, const QString &nameEn, const QString &sku);
// The FTS5 MATCH expression for what a cashier typed; empty when there is nothing to look for.
QString searchQuery(const QString &typed);

} // namespace smartpos
