#pragma once

#include <QQuickPaintedItem>
#include <QtQmlIntegration>

namespace smartpos {

// A QR code of `text`, drawn crisp (whole pixels per module) and centred in the item, with its
// quiet zone on white. Nothing is drawn for empty text or text too long for a QR code.
class QrCodeItem : public QQuickPaintedItem {
    Q_OBJECT
    QML_NAMED_ELEMENT(QrCode)
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    // Modules across, quiet zone included; 0 when nothing is drawn.
    Q_PROPERTY(int modules READ modules NOTIFY textChanged)
public:
    explicit QrCodeItem(QQuickItem *parent = nullptr);

    const QString &text() const { return m_text; }
    void setText(const QString &text);
    int modules() const { return m_modules; }

    void paint(QPainter *painter) override;

signals:
    void textChanged();

private:
    QString m_text;
    int m_modules = 0;
    QByteArray m_rows; // 1 bit per module, MSB first, (m_modules + 7) / 8 bytes per row
};

} // namespace smartpos
