#pragma once

#include "escpos.h"

namespace smartpos::escpos {

// What `smartpos-admin printer test` prints: text in Chinese and English (GB18030 and the code
// page), styles, the column layout, an EAN-13, a QR code, a raster image and a cut — every
// kind of command a receipt uses, so one page shows whether a printer takes them all. The image
// is `logo` (the store's, to see it on paper before receipts carry it), or rings without one.
QByteArray testPage(const PrinterProfile &profile, const QString &printerName,
                    const MonoBitmap &logo = {});

// A raster test pattern: concentric rings in a square of `size` dots.
MonoBitmap ringsBitmap(int size);

} // namespace smartpos::escpos
