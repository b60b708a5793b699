#include "searchmodel.h"

namespace smartpos {

int SearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_products.size());
}

QVariant SearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Product &p = m_products[index.row()];
    switch (role) {
    case NameRole:
        return p.name(m_chinese);
    case PriceRole:
        return p.isWeighed() ? p.price.toString() + QStringLiteral("/kg") : p.price.toString();
    case SkuRole:
        return p.sku;
    case WeighedRole:
        return p.isWeighed();
    }
    return {};
}

QHash<int, QByteArray> SearchModel::roleNames() const
{
    return {{NameRole, "name"}, {PriceRole, "price"}, {SkuRole, "sku"}, {WeighedRole, "weighed"}};
}

void SearchModel::setResults(QList<Product> products)
{
    beginResetModel();
    m_products = std::move(products);
    endResetModel();
    emit countChanged();
}

void SearchModel::setChinese(bool chinese)
{
    beginResetModel();
    m_chinese = chinese;
    endResetModel();
}

const Product *SearchModel::at(int row) const
{
    return row >= 0 && row < m_products.size() ? &m_products[row] : nullptr;
}

} // namespace smartpos
