#pragma once

#include "core/cart.h"

#include <QAbstractListModel>
#include <QtQmlIntegration>

namespace smartpos {

// The cart as both windows show it. Carts are short, so a change resets the model.
class CartModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the Cashier singleton")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        QuantityRole,
        UnitPriceRole,
        TotalRole,
        LastRole,
        WeighedRole
    };

    explicit CartModel(const Cart &cart, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setChinese(bool chinese);
    void refresh();

signals:
    void countChanged();

private:
    const Cart &m_cart;
    bool m_chinese = true;
};

// "2", "0.456 kg"
QString quantityText(const CartLine &line);

} // namespace smartpos
