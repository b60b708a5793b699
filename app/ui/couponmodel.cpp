#include "couponmodel.h"

namespace smartpos {

CouponModel::CouponModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int CouponModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant CouponModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows[index.row()];
    switch (role) {
    case TitleRole:
        return row.title;
    case EffectRole:
        return row.effect;
    case AppliesRole:
        return row.applies;
    case GivenRole:
        return row.given;
    }
    return {};
}

QHash<int, QByteArray> CouponModel::roleNames() const
{
    return {{TitleRole, "title"},
            {EffectRole, "effect"},
            {AppliesRole, "applies"},
            {GivenRole, "given"}};
}

void CouponModel::setRows(QList<Row> rows)
{
    if (rows == m_rows)
        return;
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
}

} // namespace smartpos
