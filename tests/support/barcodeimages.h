#pragma once

// Camera-like pictures of barcodes for the decoder and scanner tests and bench_camera: codes
// drawn by ZXing-C++ on a 1280×720 canvas, then turned, blurred, dimmed and made noisy.
#include "camera/barcodedecoder.h"

#include <QImage>
#include <QVideoFrame>

namespace smartpos::testing {

using Symbology = devices::BarcodeDecoder::Symbology;

// ZXing's MultiFormatWriter's code in Grayscale8, black on white with its quiet zone,
// `modulePixels` per module; 1D codes `barHeight` pixels tall.
QImage barcodeImage(Symbology symbology, const QString &text, qreal modulePixels,
                    int barHeight = 0);
// `code` centred on a white canvas of `size`, turned `degrees` clockwise about its centre.
QImage onCanvas(const QImage &code, QSize size = {1280, 720}, qreal degrees = 0);
// Three box blurs of `radius`, close to a gaussian of sigma ≈ radius.
QImage blurred(const QImage &gray, int radius);
void addNoise(QImage &gray, double sigma, quint32 seed);
// Black becomes `dark` and white `light`.
QImage withContrast(const QImage &gray, int dark, int light);
// Uniformly random gray.
QImage noiseImage(QSize size, quint32 seed);
// A frame in `format` (planar or packed YUV, AYUV, or 32-bit RGB with R = G = B) whose luma is
// `gray`.
QVideoFrame videoFrame(const QImage &gray, QVideoFrameFormat::PixelFormat format);

} // namespace smartpos::testing
