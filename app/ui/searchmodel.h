#pragma once

#include "core/product.h"

#include <QAbstractListModel>
#include <QtQmlIntegration>

namespace smartpos {

// Products found by the cashier's search, to pick from.
class SearchModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the Cashier singleton")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role { NameRole = Qt::UserRole + 1, PriceRole, SkuRole, WeighedRole };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setResults(QList<Product> products);
    void setChinese(bool chinese);
    const Product *at(int row) const;

signals:
    void countChanged();

private:
    QList<Product> m_products;
    bool m_chinese = true;
};

} // namespace smartpos
