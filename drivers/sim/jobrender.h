#pragma once

// The virtual printer's output: a job as the paper would look, and as plain text.
#include "printjob.h"

#include <QImage>

namespace smartpos::sim {

// The paper: dotWidth wide (the printable area), as tall as the job (at least 1 dot), white with
// black print in 8-bit grey; text in "Noto Sans Mono CJK SC", whose Latin letters are half as
// wide as its ideographs, as on a printer. Needs a QGuiApplication (fonts).
QImage renderImage(const PrintJob &job, int dotWidth);

// One line per printed line, padded to its alignment in 12-dot columns (a CJK or magnified
// character takes more than one) and without trailing spaces; a barcode as
// "[EAN13 6901234567892]", a QR code as "[QR <data>]", an image as "[image <W>x<H>]" (dots before
// magnification); after a cut a line "--- cut ---". Control characters show as \xHH.
QString renderText(const PrintJob &job, int dotWidth);

} // namespace smartpos::sim
