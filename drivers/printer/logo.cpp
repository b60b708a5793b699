#include "printer/logo.h"

#include <QCoreApplication>
#include <QImageReader>
#include <QPainter>

#include <vector>

namespace smartpos::escpos {

namespace {

// The image on white paper, as 8-bit gray at its printed size.
QImage grayOnPaper(const QImage &image, int maxWidth, int maxHeight)
{
    QSize size = image.size();
    if (size.width() > maxWidth || size.height() > maxHeight)
        size = size.scaled(maxWidth, maxHeight, Qt::KeepAspectRatio);
    QImage paper(size.expandedTo({1, 1}), QImage::Format_RGB32);
    paper.fill(Qt::white);
    QPainter painter(&paper);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(paper.rect(), image);
    painter.end();
    return paper.convertToFormat(QImage::Format_Grayscale8);
}

} // namespace

MonoBitmap monoBitmap(const QImage &image, int maxWidth, int maxHeight)
{
    if (image.isNull() || maxWidth < 1 || maxHeight < 1)
        return {};
    const QImage gray = grayOnPaper(image, maxWidth, maxHeight);
    const int width = gray.width();
    const int height = gray.height();
    const int rowBytes = (width + 7) / 8;
    MonoBitmap bitmap{width, height, QByteArray(qsizetype(rowBytes) * height, '\0')};
    // Two rows of pending error (this one and the next), one spare cell at each end so the
    // diffusion needs no edge cases.
    std::vector<int> error(2 * size_t(width + 2), 0);
    int *current = error.data() + 1;
    int *next = current + width + 2;
    for (int y = 0; y < height; ++y) {
        const uchar *pixels = gray.constScanLine(y);
        char *row = bitmap.rows.data() + qsizetype(y) * rowBytes;
        std::fill(next - 1, next + width + 1, 0);
        for (int x = 0; x < width; ++x) {
            const int wanted = pixels[x] + current[x] / 16;
            const bool dot = wanted < 128;
            if (dot)
                row[x / 8] |= char(0x80 >> (x % 8));
            const int left = wanted - (dot ? 0 : 255);
            current[x + 1] += left * 7;
            next[x - 1] += left * 3;
            next[x] += left * 5;
            next[x + 1] += left;
        }
        std::swap(current, next);
    }
    return bitmap;
}

std::optional<MonoBitmap> logoFromFile(const QString &path, const PrinterProfile &profile,
                                       QString *error)
{
    QImageReader reader(path);
    const QImage image = reader.read();
    if (image.isNull()) {
        *error = QCoreApplication::translate("smartpos::escpos", "The logo %1 cannot be read: %2")
                     .arg(path, reader.errorString());
        return std::nullopt;
    }
    return monoBitmap(image, profile.dotsPerLine, logoMaxHeight);
}

} // namespace smartpos::escpos
