#include "jobrender.h"

#include <QFontMetrics>
#include <QPainter>

#include <cstring>

namespace smartpos::sim {

namespace {

// Where a block starts across the paper.
int alignedX(const PrintBlock &block, int dotWidth)
{
    const int free = qMax(0, dotWidth - block.width());
    switch (block.alignment) {
    case Alignment::Left:
        break;
    case Alignment::Center:
        return free / 2;
    case Alignment::Right:
        return free;
    }
    return 0;
}

QString visible(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || (c.unicode() >= 0x7f && c.unicode() < 0xa0))
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

// Draws character cells of Font A: 12×24 or 24×24 dots, magnified.
class CellPainter {
public:
    explicit CellPainter(QPainter *painter)
        : m_painter(painter)
    {
        for (const bool bold : {false, true}) {
            QFont &font = m_fonts[bold];
            font.setFamily(QStringLiteral("Noto Sans Mono CJK SC"));
            font.setPixelSize(kCellHeight);
            font.setBold(bold);
        }
    }

    // `cell`: the magnified cell; the glyph sits on the cell's baseline, centred across it.
    void draw(const QString &character, const QRect &cell, int widthScale, int heightScale,
              bool bold)
    {
        const QFont &font = m_fonts[bold];
        const QFontMetrics metrics(font);
        const qreal cellWidth = qreal(cell.width()) / widthScale;
        m_painter->save();
        m_painter->translate(cell.topLeft());
        m_painter->scale(widthScale, heightScale);
        m_painter->setFont(font);
        m_painter->setPen(Qt::black);
        m_painter->drawText(
            QPointF((cellWidth - metrics.horizontalAdvance(character)) / 2, kBaseline), character);
        m_painter->restore();
    }

    void drawText(QStringView text, int centreX, int top)
    {
        int x = centreX - int(text.size()) * kHalfCellWidth / 2;
        for (const QChar c : text) {
            draw(QString(c), QRect(x, top, kHalfCellWidth, kCellHeight), 1, 1, false);
            x += kHalfCellWidth;
        }
    }

private:
    // The ideographs of Noto CJK reach 0.88 em above the baseline and 0.12 em below.
    static constexpr int kBaseline = kCellHeight * 88 / 100;

    QPainter *m_painter;
    QFont m_fonts[2];
};

void drawLine(QPainter &painter, CellPainter &cells, const PrintBlock &line, int x, int y)
{
    for (const TextRun &run : line.runs) {
        const QRect area(x, y + line.charHeight - run.cellHeight(), run.width(), run.cellHeight());
        QRect cell(area.topLeft(), QSize(run.cellWidth(), run.cellHeight()));
        for (const uint c : run.text.toUcs4()) {
            const char32_t codePoint = c;
            cells.draw(QString::fromUcs4(&codePoint, 1), cell, run.style.widthScale,
                       run.style.heightScale, run.style.bold);
            cell.translate(run.cellWidth(), 0);
        }
        if (run.style.underline)
            painter.fillRect(area.left(), area.bottom() + 1 - run.style.underline, area.width(),
                             run.style.underline, Qt::black);
        x += run.width();
    }
}

QImage monoImage(const Bitmap &bitmap)
{
    QImage image(bitmap.width, bitmap.height, QImage::Format_Mono);
    image.setColorTable({qRgb(255, 255, 255), qRgb(0, 0, 0)});
    for (int y = 0; y < bitmap.height; ++y)
        std::memcpy(image.scanLine(y), bitmap.bits.constData() + y * bitmap.bytesPerRow(),
                    bitmap.bytesPerRow());
    return image;
}

// A barcode, QR code or image, magnified pixel by pixel; a barcode's HRI above and/or below.
void drawGraphic(QPainter &painter, CellPainter &cells, const PrintBlock &block, int x, int y)
{
    const int centreX = x + block.width() / 2;
    if (block.hriAbove) {
        cells.drawText(block.data, centreX, y);
        y += kHriHeight;
    }
    const QRect target(x, y, block.width(), block.bitmap.height * block.scaleY);
    painter.drawImage(target, monoImage(block.bitmap));
    if (block.hriBelow)
        cells.drawText(block.data, centreX, target.bottom() + 1 + kHriHeight - kCellHeight);
}

} // namespace

QImage renderImage(const PrintJob &job, int dotWidth)
{
    QImage image(dotWidth, qMax(1, job.height()), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    CellPainter cells(&painter);
    int y = 0;
    for (const PrintBlock &block : job.blocks) {
        const int x = alignedX(block, dotWidth);
        if (block.kind == PrintBlock::Text)
            drawLine(painter, cells, block, x, y);
        else if (block.kind != PrintBlock::Feed)
            drawGraphic(painter, cells, block, x, y);
        y += block.height;
    }
    painter.end();
    return image.convertToFormat(QImage::Format_Grayscale8);
}

QString renderText(const PrintJob &job, int dotWidth)
{
    QString out;
    for (const PrintBlock &block : job.blocks) {
        switch (block.kind) {
        case PrintBlock::Text: {
            QString line(alignedX(block, dotWidth) / kHalfCellWidth, u' ');
            for (const TextRun &run : block.runs)
                line += visible(run.text);
            while (line.endsWith(u' '))
                line.chop(1);
            out += line + u'\n';
            break;
        }
        case PrintBlock::Feed:
            break;
        case PrintBlock::Barcode:
        case PrintBlock::QrCode:
            out += QStringLiteral("[%1 %2]\n").arg(block.symbology, visible(block.data));
            break;
        case PrintBlock::Image:
            out +=
                QStringLiteral("[image %1x%2]\n").arg(block.bitmap.width).arg(block.bitmap.height);
            break;
        }
    }
    if (job.cut)
        out += QStringLiteral("--- cut ---\n");
    return out;
}

} // namespace smartpos::sim
