#include "cartmodel.h"

namespace smartpos {

QString quantityText(const CartLine &line)
{
    if (!line.product.isWeighed())
        return QString::number(line.quantity);
    return QStringLiteral("%1.%2 kg")
        .arg(line.quantity / 1000)
        .arg(line.quantity % 1000, 3, 10, QLatin1Char('0'));
}

CartModel::CartModel(const Cart &cart, QObject *parent)
    : QAbstractListModel(parent)
    , m_cart(cart)
{
}

int CartModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_cart.lines().size());
}

QVariant CartModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const CartLine &line = m_cart.lines()[index.row()];
    switch (role) {
    case NameRole:
        return line.product.name(m_chinese);
    case QuantityRole:
        return quantityText(line);
    case UnitPriceRole:
        return line.product.isWeighed() ? line.product.price.toString() + QStringLiteral("/kg")
                                        : line.product.price.toString();
    case TotalRole:
        return line.total().toString();
    case LastRole:
        return index.row() == m_cart.lastChangedLine();
    case WeighedRole:
        return line.product.isWeighed();
    case DiscountRole:
        return discountsOn(index.row()).join(QStringLiteral(" · "));
    }
    return {};
}

QHash<int, QByteArray> CartModel::roleNames() const
{
    return {{NameRole, "name"},        {QuantityRole, "quantity"}, {UnitPriceRole, "unitPrice"},
            {TotalRole, "lineTotal"},  {LastRole, "isLast"},       {WeighedRole, "weighed"},
            {DiscountRole, "discount"}};
}

void CartModel::setChinese(bool chinese)
{
    m_chinese = chinese;
    refresh();
}

QStringList CartModel::discountsOn(int line) const
{
    QStringList texts;
    for (const Adjustment &adjustment : m_adjustments) {
        if (adjustment.line != line || adjustment.amount.fen == 0)
            continue;
        const QString &name =
            m_chinese && !adjustment.nameZh.isEmpty() ? adjustment.nameZh : adjustment.nameEn;
        const QString amount =
            adjustment.amount.fen < 0
                ? QStringLiteral("−¥") + Money::fromFen(-adjustment.amount.fen).toString()
                : QStringLiteral("+¥") + adjustment.amount.toString();
        texts << name + u' ' + amount;
    }
    return texts;
}

void CartModel::refresh()
{
    beginResetModel();
    endResetModel();
    emit countChanged();
}

} // namespace smartpos
