// ScanFramer (drivers/serial/scanframer.h): the bytes of a serial barcode scanner into codes.
//
// Input: a mode byte (bits 0-1: CR/LF, the next byte, none with a final pause, or TAB ends a
// code; bits 2-7: the maximum length, 0 meaning 512), the terminator byte, then the stream.
// Checked against a reference written differently (the stream cut at every terminator first):
//   - the same codes, AIM identifiers and garbled counts, whether the stream comes whole or in
//     1-16-byte pieces;
//   - every code is non-empty, well-formed UTF-8 (fuzzcheck's own RFC 3629 check), without
//     control characters (C0, DEL, C1), at most the maximum length with its AIM identifier, and
//     its bytes are in the stream.
#include "fuzzcheck.h"

#include "serial/scanframer.h"

#include <QStringDecoder>

#include <cstdint>

using namespace smartpos::devices;
using smartpos::fuzz::quoted;
using smartpos::fuzz::quotedText;
using Terminator = ScanFramer::Terminator;
using Problem = ScanFramer::Problem;

namespace {

struct Framed {
    QList<ScanFramer::Scan> scans;
    int garbled[3] = {};
};

Framed frame(const ScanFramer::Options &options, QByteArrayView stream, uint32_t seed)
{
    ScanFramer framer(options);
    Framed framed;
    for (qsizetype i = 0; i < stream.size();) {
        qsizetype piece = stream.size() - i;
        if (seed != 0) { // xorshift: pieces of 1 to 16 bytes
            seed ^= seed << 13, seed ^= seed >> 17, seed ^= seed << 5;
            piece = qMin<qsizetype>(piece, 1 + seed % 16);
        }
        framer.feed(stream.sliced(i, piece), 0);
        framed.scans += framer.takeScans();
        i += piece;
    }
    framer.idle(options.idleMs); // ends the last code only without a terminator
    framed.scans += framer.takeScans();
    FUZZ_CHECK(framer.idleDeadline() == -1, quoted(stream));
    for (const Problem problem :
         {Problem::TooLong, Problem::ControlCharacter, Problem::InvalidUtf8})
        framed.garbled[int(problem)] = framer.garbled(problem);
    return framed;
}

bool isControl(char32_t c)
{
    return c < 0x20 || (c >= 0x7f && c < 0xa0);
}

// The stream cut at every terminator first, then each frame judged on its own.
Framed reference(const ScanFramer::Options &options, QByteArrayView stream)
{
    QList<QByteArrayView> frames;
    qsizetype start = 0;
    for (qsizetype i = 0; i < stream.size(); ++i) {
        const char c = stream[i];
        if (options.terminator == Terminator::LineEnd
                ? c == '\r' || c == '\n'
                : options.terminator == Terminator::Byte && c == options.byte) {
            frames.append(stream.sliced(start, i - start));
            start = i + 1;
        }
    }
    const QByteArrayView rest = stream.sliced(start);
    Framed framed;
    if (options.terminator == Terminator::None)
        frames.append(rest);
    else if (rest.size() > options.maxLength) // dropped as soon as it is too long
        ++framed.garbled[int(Problem::TooLong)];
    for (QByteArrayView frame : frames) {
        if (frame.size() > options.maxLength) {
            ++framed.garbled[int(Problem::TooLong)];
            continue;
        }
        QString symbology;
        if (frame.size() >= 3 && frame[0] == ']' && QChar::isLetter(char32_t(uchar(frame[1])))
            && uchar(frame[1]) < 0x80 && QChar::isLetterOrNumber(char32_t(uchar(frame[2])))
            && uchar(frame[2]) < 0x80) {
            symbology = QString::fromLatin1(frame.sliced(1, 2));
            frame = frame.sliced(3);
        }
        if (frame.isEmpty())
            continue;
        bool control = false;
        for (const char c : frame)
            control = control || uchar(c) < 0x20 || c == 0x7f; // C1 is two bytes in UTF-8
        if (control) {
            ++framed.garbled[int(Problem::ControlCharacter)];
        } else if (!smartpos::fuzz::validUtf8(frame)) {
            ++framed.garbled[int(Problem::InvalidUtf8)];
        } else {
            // Not QString::fromUtf8, which drops a leading U+FEFF: a code keeps it.
            const QString code = QStringDecoder(QStringDecoder::Utf8,
                                                QStringDecoder::Flag::ConvertInitialBom)(frame);
            bool c1 = false;
            for (const char32_t c : code.toUcs4())
                c1 = c1 || isControl(c);
            if (c1)
                ++framed.garbled[int(Problem::ControlCharacter)];
            else
                framed.scans.append({code, symbology});
        }
    }
    return framed;
}

bool same(const Framed &a, const Framed &b)
{
    return a.scans == b.scans
           && std::equal(std::begin(a.garbled), std::end(a.garbled), std::begin(b.garbled));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    ScanFramer::Options options;
    const Terminator kinds[] = {Terminator::LineEnd, Terminator::Byte, Terminator::None,
                                Terminator::Byte};
    options.terminator = kinds[data[0] & 3];
    options.byte = (data[0] & 3) == 3 ? '\t' : char(data[1]);
    options.maxLength = data[0] >> 2 ? data[0] >> 2 : 512;
    const QByteArrayView stream(reinterpret_cast<const char *>(data) + 2, qsizetype(size - 2));

    const Framed whole = frame(options, stream, 0);
    const Framed pieces = frame(options, stream, 0x9e3779b9u ^ data[0] ^ (uint32_t(data[1]) << 8));
    FUZZ_CHECK(same(whole, pieces), QStringLiteral("differs when split: ") + quoted(stream));
    FUZZ_CHECK(same(whole, reference(options, stream)),
               QStringLiteral("differs from the reference: ") + quoted(stream));

    for (const ScanFramer::Scan &scan : whole.scans) {
        const QByteArray utf8 = scan.code.toUtf8();
        FUZZ_CHECK(!scan.code.isEmpty() && smartpos::fuzz::validUtf8(utf8), quotedText(scan.code));
        FUZZ_CHECK(utf8.size() + (scan.symbology.isEmpty() ? 0 : 3) <= options.maxLength,
                   quotedText(scan.code));
        FUZZ_CHECK(stream.indexOf(utf8) >= 0, quotedText(scan.code));
        FUZZ_CHECK(scan.symbology.isEmpty() || scan.symbology.size() == 2, quotedText(scan.code));
        for (const char32_t c : scan.code.toUcs4())
            FUZZ_CHECK(!isControl(c) && !QChar::isSurrogate(c), quotedText(scan.code));
    }
    return 0;
}
