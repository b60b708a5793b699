#pragma once

#include "core/cart.h"
#include "core/sale.h"

#include <QAbstractListModel>
#include <QtQmlIntegration>

namespace smartpos {

// The cart as both windows show it. Carts are short, so a change resets the model.
class CartModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the Cashier singleton")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // The discounts on the whole basket (满减, cash coupons), each "name −¥5.00".
    Q_PROPERTY(QStringList basketDiscounts READ basketDiscounts NOTIFY countChanged)
public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        QuantityRole,
        UnitPriceRole,
        TotalRole,
        LastRole,
        WeighedRole,
        DiscountRole // the line's discounts, "第二件半价 −¥1.50"; empty without one
    };

    explicit CartModel(const Cart &cart, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setChinese(bool chinese);
    // The priced cart's adjustments (line indices are the cart's); shown from the next refresh.
    void setAdjustments(QList<Adjustment> adjustments) { m_adjustments = std::move(adjustments); }
    void refresh();
    QStringList basketDiscounts() const { return discountsOn(-1); }

signals:
    void countChanged();

private:
    QStringList discountsOn(int line) const;

    const Cart &m_cart;
    QList<Adjustment> m_adjustments;
    bool m_chinese = true;
};

// "2", "0.456 kg"
QString quantityText(const CartLine &line);

} // namespace smartpos
