#pragma once

// The bars and modules of the symbols the printer draws, from ZXing-C++'s writers.
#include "printjob.h"

#include <QByteArrayView>

namespace smartpos::sim {

struct Symbol {
    Bitmap bitmap; // one module per pixel; a barcode is one row high
    QString name;  // "EAN13", "CODE128", "QR"
    QString text;  // what the symbol says: the HRI of a barcode, the data of a QR code
    QString error; // set when the data cannot be encoded: nothing is printed then
};

// GS k m: function A (m 0…6) or B (m 65…73); the symbologies of ESC/POS, drawn with no quiet
// zone (the printer adds none). EAN-13, EAN-8 and UPC-A data one digit short get their check
// digit; CODE128 data starts with a code set ({A, {B or {C) as ESC/POS requires.
Symbol encodeBarcode(int m, QByteArrayView data);

// GS ( k: a model 2 QR code of the data bytes as they are, without an ECI header, as a
// printer encodes them; errorLevel 0…3 is L, M, Q, H.
Symbol encodeQrCode(QByteArrayView data, int errorLevel);

} // namespace smartpos::sim
