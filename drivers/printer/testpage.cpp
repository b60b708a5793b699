#include "testpage.h"

#include <cmath>

namespace smartpos::escpos {

MonoBitmap ringsBitmap(int size)
{
    MonoBitmap bitmap{size, size, QByteArray((size + 7) / 8 * size, '\0')};
    const int bytesPerRow = (size + 7) / 8;
    const double centre = (size - 1) / 2.0;
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            const double dx = x - centre, dy = y - centre;
            // Rings 6 dots wide, 6 apart.
            if (int(std::sqrt(dx * dx + dy * dy)) / 6 % 2 == 0)
                bitmap.rows[y * bytesPerRow + x / 8] |= char(0x80 >> (x % 8));
        }
    }
    return bitmap;
}

QByteArray testPage(const PrinterProfile &profile, const QString &printerName,
                    const MonoBitmap &logo)
{
    Encoder page(profile);
    const int columns = profile.columns;
    page.initialize().align(Align::Center);
    page.style({true, false, true, true}).line(QStringLiteral("SmartPOS"));
    page.style({}).line(QStringLiteral("打印测试 Printer test")).line(printerName);
    page.align(Align::Left).line(QString(columns, u'-'));
    for (const QString &text : {QStringLiteral("中文：可口可乐 330ml 罐装，农夫山泉"),
                                QStringLiteral("English: The quick brown fox jumps over the lazy "
                                               "dog.")})
        for (const QString &row : wrapColumns(text, columns))
            page.line(row);
    for (const QString &row :
         leftRight(QStringLiteral("合计 TOTAL"), QStringLiteral("¥18.35"), columns))
        page.line(row);
    page.style({true, false, false, false}).line(QStringLiteral("Bold 粗体"));
    page.style({false, true, false, false}).line(QStringLiteral("Underline 下划线"));
    page.style({false, false, true, true}).line(QStringLiteral("Large 大字"));
    page.style({}).line(QString(columns, u'-'));
    page.align(Align::Center).ean13(QStringLiteral("6901234567892")).line();
    page.qr("SmartPOS printer test 打印测试", 6).line();
    page.raster(logo.width > 0 ? logo : ringsBitmap(96)).line();
    page.line(QStringLiteral("%1 columns, %2 dots").arg(columns).arg(profile.dotsPerLine));
    page.feed(3).cut(CutKind::Partial);
    return page.bytes();
}

} // namespace smartpos::escpos
