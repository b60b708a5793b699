#pragma once

// A store logo for the receipt header: any image Qt reads, made into the 1-bit raster that
// GS v 0 prints. Kept out of smartpos_printer so the encoder itself never needs Qt Gui.
#include "printer/escpos.h"

#include <QImage>

#include <optional>

namespace smartpos::escpos {

// Scaled down (never up) to fit maxWidth × maxHeight dots, keeping its proportions;
// transparent parts print as paper; shades become dots by Floyd–Steinberg error diffusion, so
// a photo keeps its tones and a black-and-white logo stays crisp. An empty bitmap for a null
// image or a limit below 1.
MonoBitmap monoBitmap(const QImage &image, int maxWidth, int maxHeight);

// How tall a receipt logo may be: 20 mm at 203 dpi, so a tall image cannot eat the roll.
inline constexpr int logoMaxHeight = 160;

// The logo file for `profile`'s paper, or nullopt and *error (a sentence for a person) when the
// file cannot be read as an image.
std::optional<MonoBitmap> logoFromFile(const QString &path, const PrinterProfile &profile,
                                       QString *error);

} // namespace smartpos::escpos
