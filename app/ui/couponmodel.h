#pragma once

#include <QAbstractListModel>
#include <QtQmlIntegration>

namespace smartpos {

// The coupons of the sale on both screens: those presented (what each takes off now, or why not
// yet), then those given with the sale (面对面送券). Short lists, so a change resets the model.
class CouponModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the Cashier singleton")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        TitleRole = Qt::UserRole + 1, // "¥5 off coupon #1001"; "Given: …" for a given one
        EffectRole,                   // "−¥5.00", or why it takes nothing off yet
        AppliesRole,                  // takes something off now
        GivenRole                     // handed out with the sale, not presented
    };

    struct Row {
        QString title;
        QString effect;
        bool applies = false;
        bool given = false;
        bool operator==(const Row &) const = default;
    };

    explicit CouponModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setRows(QList<Row> rows);
    const QList<Row> &rows() const { return m_rows; }

signals:
    void countChanged();

private:
    QList<Row> m_rows;
};

} // namespace smartpos
