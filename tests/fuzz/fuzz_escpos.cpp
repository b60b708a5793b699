// The virtual printer's ESC/POS parser and renderers (drivers/sim/escposparser.h, jobrender.h).
//
// Input: one control byte, then the bytes a client sends. The control byte picks the paper (bit 0:
// 384 or 576 dots) and seeds the sizes of the pieces the stream arrives in. Checked:
//   - the stream read in one piece and in those pieces gives the same jobs (text, warnings, cut),
//     status requests and drawer kicks: the parser's state survives any split;
//   - it ends (no hang) and stays bounded: a job is at most kMaxJobHeight dots, its blocks' heights
//     add up to it, no line, barcode or QR code is wider than the paper, a job keeps at most
//     kMaxWarnings warnings (and the two summaries);
//   - the text render is one line per printed line (text, barcode, QR code, image) plus the cut
//     line, valid UTF-8 without control characters;
//   - every bitmap holds the bytes its size says (the image renderer copies them row by row).
// The image renderer itself is not run here: it needs a QGuiApplication, whose font caches
// LeakSanitizer reports at exit (tests/drivers/tst_printersimparser renders random jobs).
#include "fuzzcheck.h"

#include "sim/escposparser.h"
#include "sim/jobrender.h"

#include <cstdint>

using namespace smartpos::sim;
using smartpos::fuzz::quoted;
using smartpos::fuzz::quotedText;

namespace {

struct Parsed {
    QList<PrintJob> jobs;
    QList<int> statusRequests;
    int kicks = 0;
};

Parsed parse(QByteArrayView stream, int dotWidth, uint32_t seed)
{
    EscPosParser parser(dotWidth);
    Parsed parsed;
    const auto collect = [&] {
        parsed.statusRequests += parser.takeStatusRequests();
        parsed.kicks += int(parser.takeDrawerKicks().size());
    };
    for (qsizetype i = 0; i < stream.size();) {
        qsizetype piece = stream.size() - i;
        if (seed != 0) { // xorshift: pieces of 1 to 16 bytes
            seed ^= seed << 13, seed ^= seed >> 17, seed ^= seed << 5;
            piece = qMin<qsizetype>(piece, 1 + seed % 16);
        }
        parser.feed(stream.sliced(i, piece));
        collect();
        i += piece;
    }
    parser.endOfStream();
    collect();
    parsed.jobs = parser.takeJobs();
    return parsed;
}

void checkJob(const PrintJob &job, int dotWidth, QByteArrayView input)
{
    int height = 0;
    int lines = job.cut ? 1 : 0;
    for (const PrintBlock &block : job.blocks) {
        height += block.height;
        FUZZ_CHECK(block.height >= 0, quoted(input));
        if (block.kind != PrintBlock::Feed)
            ++lines;
        if (block.kind != PrintBlock::Image)
            FUZZ_CHECK(block.width() <= dotWidth,
                       QStringLiteral("%1 dots wide: %2").arg(block.width()).arg(quoted(input)));
        const Bitmap &bitmap = block.bitmap;
        FUZZ_CHECK(bitmap.width >= 0 && bitmap.height >= 0
                       && bitmap.bits.size() == qsizetype(bitmap.bytesPerRow()) * bitmap.height,
                   quoted(input));
    }
    FUZZ_CHECK(height == job.height() && height <= kMaxJobHeight,
               QStringLiteral("%1 dots: %2").arg(height).arg(quoted(input)));
    FUZZ_CHECK(job.warnings.size() <= kMaxWarnings + 2, quoted(input));

    const QString text = renderText(job, dotWidth);
    FUZZ_CHECK(text.count(u'\n') == lines && (lines == 0 || text.endsWith(u'\n')),
               quotedText(text));
    for (const QChar c : text)
        FUZZ_CHECK(c == u'\n'
                       || (c.unicode() >= 0x20 && (c.unicode() < 0x7f || c.unicode() >= 0xa0)),
                   quotedText(text));
    FUZZ_CHECK(smartpos::fuzz::validUtf8(text.toUtf8()), quotedText(text));
}

bool sameJob(const PrintJob &a, const PrintJob &b, int dotWidth)
{
    return a.cut == b.cut && a.warnings == b.warnings && a.height() == b.height()
           && renderText(a, dotWidth) == renderText(b, dotWidth);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const uint8_t control = data[0];
    const QByteArrayView stream(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const int dotWidth = control & 1 ? 384 : 576;

    const Parsed whole = parse(stream, dotWidth, 0);
    const Parsed pieces = parse(stream, dotWidth, 0x9e3779b9u ^ control);
    FUZZ_CHECK(whole.statusRequests == pieces.statusRequests && whole.kicks == pieces.kicks
                   && whole.jobs.size() == pieces.jobs.size(),
               quoted(stream));
    for (qsizetype i = 0; i < whole.jobs.size(); ++i) {
        const PrintJob &job = whole.jobs[i];
        FUZZ_CHECK(sameJob(job, pieces.jobs[i], dotWidth),
                   QStringLiteral("job %1 differs when split: %2").arg(i).arg(quoted(stream)));
        checkJob(job, dotWidth, stream);
    }
    for (const int n : whole.statusRequests)
        FUZZ_CHECK(n >= 1 && n <= 4, quoted(stream));
    return 0;
}
