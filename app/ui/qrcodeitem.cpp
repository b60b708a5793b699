#include "qrcodeitem.h"

#include "printer/escpos.h"

#include <QPainter>

namespace smartpos {

QrCodeItem::QrCodeItem(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAntialiasing(false);
}

void QrCodeItem::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    const escpos::MonoBitmap bitmap = escpos::qrBitmap(m_text.toUtf8(), 1, escpos::QrErrorLevel::M);
    m_modules = bitmap.width;
    m_rows = bitmap.rows;
    emit textChanged();
    update();
}

void QrCodeItem::paint(QPainter *painter)
{
    if (m_modules == 0)
        return;
    const int side = int(qMin(width(), height()));
    const int module = qMax(1, side / m_modules);
    const int drawn = module * m_modules;
    const int left = int(width() - drawn) / 2;
    const int top = int(height() - drawn) / 2;
    painter->fillRect(left, top, drawn, drawn, Qt::white);
    const int rowBytes = (m_modules + 7) / 8;
    for (int y = 0; y < m_modules; ++y) {
        const auto *row = reinterpret_cast<const uchar *>(m_rows.constData()) + y * rowBytes;
        for (int x = 0; x < m_modules; ++x)
            if (row[x / 8] & (0x80 >> (x % 8)))
                painter->fillRect(left + x * module, top + y * module, module, module, Qt::black);
    }
}

} // namespace smartpos
