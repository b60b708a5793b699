#include "escposparser.h"

#include "symbolencoder.h"

#include <span>
#include <string_view>

namespace smartpos::sim {

namespace {

constexpr uchar EOT = 0x04, ENQ = 0x05, HT = 0x09, LF = 0x0a, CR = 0x0d, DLE = 0x10, DC4 = 0x14,
                ESC = 0x1b, FS = 0x1c, GS = 0x1d;
constexpr qint64 kUnknown = -1;
constexpr int kDefaultLineSpacing = 30;
constexpr int kTabStop = 8 * kHalfCellWidth;
constexpr int kDefaultBarcodeHeight = 162;
constexpr int kDefaultModuleWidth = 3;
constexpr int kDefaultQrModuleSize = 3;

struct CodePage {
    int n;
    const char *name;
};
constexpr CodePage kCodePages[] = {
    {0, "IBM437"}, {2, "IBM850"}, {16, "windows-1252"}, {17, "IBM866"}, {19, "IBM858"},
};

// The commands of a fixed length, by the byte after ESC, GS or FS.
struct FixedLength {
    int length;
    std::string_view codes;
};
constexpr FixedLength kEscLengths[] = {
    {2, "2<@LSim"}, {3, " !%-3=EGJMRTUVadertuv{"}, {4, "$B\\c"}, {5, "p"}, {10, "W"},
};
constexpr FixedLength kGsLengths[] = {{2, ":"}, {3, "!/BHITabfhrw"}, {4, "$LPW\\"}, {5, "^"}};
// FS 2 defines a 24×24 character: 72 bytes of dots.
constexpr FixedLength kFsLengths[] = {{2, "&."}, {3, "!-CW"}, {4, "Sp"}, {4 + 72, "2"}};

int fixedLength(std::span<const FixedLength> table, uchar code)
{
    for (const FixedLength &entry : table)
        if (entry.codes.find(char(code)) != std::string_view::npos)
            return entry.length;
    return 0;
}

// Most parameters may also be given as a digit character: '1' means 1.
int digit(uchar n)
{
    return n >= '0' ? n - '0' : n;
}

bool isOneCodePoint(const QString &text)
{
    const QList<uint> codePoints = text.toUcs4();
    return codePoints.size() == 1 && codePoints[0] != QChar::ReplacementCharacter;
}

} // namespace

EscPosParser::EscPosParser(int dotWidth)
    : m_dotWidth(dotWidth)
    , m_gb18030("GB18030", QStringConverter::Flag::Stateless)
{
    initialize();
}

void EscPosParser::feed(QByteArrayView bytes)
{
    qsizetype i = 0;
    while (i < bytes.size()) {
        const qsizetype available = bytes.size() - i;
        if (m_skip > 0) {
            const qsizetype n = qMin<qint64>(m_skip, available);
            m_skip -= n;
            i += n;
        } else if (m_commandLength > 0) { // the rest of a command of known length, in one piece
            const qsizetype n = qMin<qint64>(m_commandLength - m_command.size(), available);
            m_command.append(bytes.sliced(i, n));
            i += n;
            if (m_command.size() == m_commandLength)
                execute();
        } else {
            feedByte(uchar(bytes[i++]));
        }
    }
}

void EscPosParser::feedByte(uchar byte)
{
    if (m_command.isEmpty()) {
        if (byte == ESC || byte == GS || byte == FS || byte == DLE) {
            flushMultibyte();
            m_command.append(char(byte));
        } else {
            character(byte);
        }
        return;
    }
    m_command.append(char(byte));
    const qint64 length = commandLength();
    if (length == kUnknown) {
        warn(QStringLiteral("unknown command %1 skipped").arg(commandName()));
        m_command.clear();
    } else if (length > kMaxCommandBytes) {
        warn(QStringLiteral("%1 of %2 bytes skipped").arg(commandName()).arg(length));
        m_skip = length - m_command.size();
        m_command.clear();
    } else if (length > 0) {
        m_commandLength = length;
        if (m_command.size() == length)
            execute();
    }
}

void EscPosParser::endOfStream()
{
    if (!m_command.isEmpty() || m_skip > 0)
        warn(QStringLiteral("the stream ended inside a command %1").arg(commandName()));
    m_command.clear();
    m_commandLength = 0;
    m_skip = 0;
    endJob(false);
}

// The total length of the command in m_command, once its bytes so far tell it: 0 while more
// bytes are needed to know, kUnknown for a command this printer does not know.
qint64 EscPosParser::commandLength() const
{
    const qsizetype size = m_command.size();
    const auto at = [this](int i) { return qint64(uchar(m_command[i])); };
    // Data that ends with a NUL, or after `max` bytes without one.
    const auto untilNul = [&](int start, int max) -> qint64 {
        return size > start && (m_command.back() == '\0' || size >= start + max) ? size : 0;
    };
    if (size < 2)
        return 0;
    const uchar code = m_command[1];
    switch (uchar(m_command[0])) {
    case ESC:
        if (const int length = fixedLength(kEscLengths, code))
            return length;
        if (code == 'D') // up to 32 tab positions and a NUL
            return untilNul(2, 33);
        if (code == '*')
            return size < 5 ? 0 : 5 + (at(3) + at(4) * 256) * (at(2) >= 32 ? 3 : 1);
        return kUnknown;
    case GS:
        if (const int length = fixedLength(kGsLengths, code))
            return length;
        switch (code) {
        case 'V': // m 65 and up take a feed amount
            return size < 3 ? 0 : at(2) >= 65 ? 4 : 3;
        case 'k': // function A: data and a NUL; function B: a length and data
            if (size < 3)
                return 0;
            if (at(2) <= 6)
                return untilNul(3, kMaxBarcodeData + 1);
            if (at(2) >= 65)
                return size < 4 ? 0 : 4 + at(3);
            return 3;
        case '(':
            return size < 5 ? 0 : 5 + at(3) + at(4) * 256;
        case 'v':
            if (size < 3)
                return 0;
            if (at(2) != '0')
                return kUnknown;
            return size < 8 ? 0 : 8 + (at(4) + at(5) * 256) * (at(6) + at(7) * 256);
        case '8':
            if (size < 3)
                return 0;
            if (at(2) != 'L')
                return kUnknown;
            return size < 7 ? 0 : 7 + (at(3) | at(4) << 8 | at(5) << 16 | at(6) << 24);
        case '*':
            return size < 4 ? 0 : 4 + at(2) * at(3) * 8;
        }
        return kUnknown;
    case FS:
        if (const int length = fixedLength(kFsLengths, code))
            return length;
        if (code == '(')
            return size < 5 ? 0 : 5 + at(3) + at(4) * 256;
        return kUnknown;
    case DLE:
        switch (code) {
        case EOT:
            return size < 3 ? 0 : at(2) == 7 || at(2) == 8 ? 4 : 3;
        case ENQ:
            return 3;
        case DC4:
            if (size < 3)
                return 0;
            return at(2) == 1 || at(2) == 2 ? 5 : at(2) == 8 ? 10 : kUnknown;
        }
        return kUnknown;
    }
    return kUnknown;
}

void EscPosParser::execute()
{
    switch (uchar(m_command[0])) {
    case ESC:
        executeEsc();
        break;
    case GS:
        executeGs();
        break;
    case FS:
        executeFs();
        break;
    default:
        executeDle();
        break;
    }
    m_command.clear();
    m_commandLength = 0;
}

void EscPosParser::executeEsc()
{
    const uchar n = m_command.size() > 2 ? uchar(m_command[2]) : 0;
    switch (uchar(m_command[1])) {
    case '@':
        initialize();
        return;
    case 't':
        selectCodePage(n);
        return;
    case 'a':
        setAlignment(n);
        return;
    case 'E':
        m_style.bold = n & 1;
        return;
    case '-':
        setUnderline(n);
        return;
    case '!': // bit 0 font B, 3 bold, 4 double height, 5 double width, 7 underline
        m_style.bold = n & 0x08;
        m_style.heightScale = n & 0x10 ? 2 : 1;
        m_style.widthScale = n & 0x20 ? 2 : 1;
        m_style.underline = n & 0x80 ? 1 : 0;
        if (n & 0x01)
            warn(QStringLiteral("font B is printed as font A"));
        return;
    case '2':
        m_lineSpacing = kDefaultLineSpacing;
        return;
    case '3':
        m_lineSpacing = n;
        return;
    case 'd': // n line feeds; ESC d 0 prints the line without feeding (no overprint here)
        if (n == 0)
            endLine();
        for (int line = 0; line < n; ++line)
            lineFeed();
        return;
    case 'J':
        endLine();
        feedDots(n);
        return;
    case 'p': // on and off times in 2 ms
        kick(n, uchar(m_command[3]) * 2, uchar(m_command[4]) * 2);
        return;
    case 'i':
    case 'm':
        cut(0);
        return;
    case 'M':
        if (digit(n) != 0)
            warn(QStringLiteral("font B is printed as font A"));
        return;
    }
    // No effect on a thermal receipt without user-defined characters.
    if (std::string_view("%<=BGRUcr").find(char(m_command[1])) == std::string_view::npos)
        ignored();
}

void EscPosParser::executeGs()
{
    const uchar n = m_command.size() > 2 ? uchar(m_command[2]) : 0;
    switch (uchar(m_command[1])) {
    case '!': // high nibble: width − 1, low nibble: height − 1
        if ((n >> 4) > 7 || (n & 0x0f) > 7)
            break;
        m_style.widthScale = (n >> 4) + 1;
        m_style.heightScale = (n & 0x0f) + 1;
        return;
    case 'V': // 0/48 full, 1/49 partial; 65/66 and 103/104 feed n dots first
        if (digit(n) <= 1)
            cut(0);
        else if (n == 65 || n == 66 || n == 103 || n == 104)
            cut(uchar(m_command[3]));
        else
            break;
        return;
    case 'h':
        if (n == 0)
            break;
        m_barcodeHeight = n;
        return;
    case 'w':
        if (n < 1 || n > 6)
            break;
        m_moduleWidth = n;
        return;
    case 'H':
        if (digit(n) > 3)
            break;
        m_hri = digit(n);
        return;
    case 'k':
        if (n <= 6) {
            if (m_command.back() != '\0') {
                warn(QStringLiteral("GS k %1: no NUL after %2 bytes of data: not printed")
                         .arg(n)
                         .arg(kMaxBarcodeData));
                return;
            }
            printBarcode(n, QByteArrayView(m_command).sliced(3).chopped(1));
        } else if (n >= 65) {
            printBarcode(n, QByteArrayView(m_command).sliced(4));
        } else {
            break;
        }
        return;
    case '(':
        if (n != 'k')
            break;
        executeTwoDimensional();
        return;
    case 'v':
        printRaster();
        return;
    case 'P':
    case 'b':
    case 'f':
        return; // motion units, smoothing, HRI font: nothing to draw differently
    }
    ignored();
}

// GS ( k pL pH cn fn …: only QR codes (cn 49).
void EscPosParser::executeTwoDimensional()
{
    const QByteArrayView body = QByteArrayView(m_command).sliced(5);
    if (body.size() < 2 || body[0] != '1') {
        warn(QStringLiteral("GS ( k: only QR codes (cn 49) are emulated"));
        return;
    }
    const uchar function = body[1];
    const QByteArrayView parameters = body.sliced(2);
    const int n = parameters.isEmpty() ? -1 : uchar(parameters[0]);
    switch (function) {
    case 'A': // model: 49 model 1, 50 model 2, 51 micro QR
        if (n != 50)
            warn(QStringLiteral("QR model %1 is printed as model 2").arg(n));
        return;
    case 'C':
        if (n < 1 || n > 16)
            break;
        m_qrModuleSize = n;
        return;
    case 'E': // 48…51: L, M, Q, H
        if (n < 48 || n > 51)
            break;
        m_qrErrorLevel = n - 48;
        return;
    case 'P':
        m_qrData = parameters.isEmpty() ? QByteArray() : parameters.sliced(1).toByteArray();
        return;
    case 'Q':
        if (m_qrData.isEmpty()) {
            warn(QStringLiteral("QR print without stored data"));
            return;
        }
        addSymbol(PrintBlock::QrCode, encodeQrCode(m_qrData, m_qrErrorLevel), m_qrModuleSize,
                  m_qrModuleSize);
        return;
    }
    warn(QStringLiteral("GS ( k QR function %1 (parameter %2) ignored").arg(function).arg(n));
}

void EscPosParser::executeFs()
{
    const uchar n = m_command.size() > 2 ? uchar(m_command[2]) : 0;
    switch (uchar(m_command[1])) {
    case '&':
        m_chinese = true;
        return;
    case '.':
        m_chinese = false;
        return;
    case '!': // bit 2 double width, 3 double height, 7 underline; the last of FS ! / GS ! wins
        m_style.widthScale = n & 0x04 ? 2 : 1;
        m_style.heightScale = n & 0x08 ? 2 : 1;
        m_style.underline = n & 0x80 ? 1 : 0;
        return;
    case '-':
        setUnderline(n);
        return;
    case 'W':
        m_style.widthScale = m_style.heightScale = n & 1 ? 2 : 1;
        return;
    }
    ignored();
}

void EscPosParser::executeDle()
{
    const uchar code = m_command[1];
    const uchar n = m_command[2];
    if (code == EOT && n >= 1 && n <= 4) {
        m_statusRequests.append(n);
    } else if (code == DC4 && n == 1) { // DLE DC4 1 m t: on and off times in 100 ms
        const int t = uchar(m_command[4]);
        kick(uchar(m_command[3]), t * 100, t * 100);
    } else {
        ignored();
    }
}

void EscPosParser::character(uchar byte)
{
    if (byte < 0x20) {
        flushMultibyte();
        switch (byte) {
        case LF:
            lineFeed();
            return;
        case HT:
            tab();
            return;
        case CR: // ignored while automatic line feed is off, the default
        case 0:
            return;
        }
        warn(QStringLiteral("control byte 0x%1 ignored").arg(byte, 2, 16, QLatin1Char('0')));
        return;
    }
    if (!m_chinese || (m_multibyte.isEmpty() && byte < 0x80)) {
        addChar(byte < 0x80 ? QString(QLatin1Char(char(byte))) : QString(m_highChars[byte - 0x80]),
                false, m_style);
        return;
    }
    m_multibyte.append(char(byte));
    decodeMultibyte();
}

// GB18030: a lead byte 81…FE, then 40…7E or 80…FE (2 bytes), or 30…39, 81…FE, 30…39 (4 bytes).
void EscPosParser::decodeMultibyte()
{
    const auto at = [this](int i) { return uchar(m_multibyte[i]); };
    bool valid = false;
    bool complete = false;
    switch (m_multibyte.size()) {
    case 1:
        valid = at(0) >= 0x81 && at(0) <= 0xfe;
        break;
    case 2:
        complete = at(1) >= 0x40;
        valid = complete ? at(1) <= 0xfe && at(1) != 0x7f : at(1) >= 0x30 && at(1) <= 0x39;
        break;
    case 3:
        valid = at(2) >= 0x81 && at(2) <= 0xfe;
        break;
    default:
        complete = true;
        valid = at(3) >= 0x30 && at(3) <= 0x39;
        break;
    }
    if (!valid) { // a '?' for the lead byte; what follows it is read again
        const QByteArray rest = m_multibyte.sliced(1);
        m_multibyte.clear();
        warn(QStringLiteral("invalid GB18030 sequence"));
        addChar(QStringLiteral("?"), false, m_style);
        for (const char c : rest)
            character(uchar(c));
        return;
    }
    if (!complete)
        return;
    const QString decoded = m_gb18030.decode(std::exchange(m_multibyte, {}));
    if (isOneCodePoint(decoded)) {
        addChar(decoded, true, m_style);
    } else {
        warn(QStringLiteral("GB18030 sequence without a character"));
        addChar(QStringLiteral("?"), false, m_style);
    }
}

// A control byte or command cut a GB18030 sequence short.
void EscPosParser::flushMultibyte()
{
    if (m_multibyte.isEmpty())
        return;
    m_multibyte.clear();
    warn(QStringLiteral("incomplete GB18030 sequence"));
    addChar(QStringLiteral("?"), false, m_style);
}

void EscPosParser::addChar(const QString &codePoint, bool fullWidth, const TextStyle &style)
{
    const int advance = (fullWidth ? 2 : 1) * kHalfCellWidth * style.widthScale;
    if (m_lineWidth + advance > m_dotWidth)
        endLine(); // the printer wraps: the character starts the next line
    if (m_line.runs.isEmpty())
        m_line.alignment = m_alignment;
    if (m_line.runs.isEmpty() || m_line.runs.back().style != style
        || m_line.runs.back().fullWidth != fullWidth)
        m_line.runs.append(TextRun{QString(), style, fullWidth});
    m_line.runs.back().text += codePoint;
    m_lineWidth += advance;
}

// To the next stop (every 8 half-width columns) with unscaled spaces; past the last stop the
// printer ignores a tab.
void EscPosParser::tab()
{
    const int next = (m_lineWidth / kTabStop + 1) * kTabStop;
    if (next > m_dotWidth)
        return;
    const TextStyle spaces{m_style.bold, 0, 1, 1};
    while (m_lineWidth < next)
        addChar(QStringLiteral(" "), false, spaces);
}

void EscPosParser::lineFeed()
{
    if (!m_line.runs.isEmpty()) {
        endLine();
        return;
    }
    PrintBlock blank;
    blank.height = m_lineSpacing;
    addBlock(std::move(blank));
}

// Prints the line being filled, if any; the paper moves by the line spacing or the tallest
// character, whichever is more.
void EscPosParser::endLine()
{
    flushMultibyte();
    if (m_line.runs.isEmpty())
        return;
    PrintBlock line = std::exchange(m_line, {});
    for (const TextRun &run : std::as_const(line.runs))
        line.charHeight = qMax(line.charHeight, run.cellHeight());
    line.height = qMax(line.charHeight, m_lineSpacing);
    m_lineWidth = 0;
    addBlock(std::move(line));
}

void EscPosParser::feedDots(int dots)
{
    if (dots <= 0)
        return;
    PrintBlock feed;
    feed.kind = PrintBlock::Feed;
    feed.height = dots;
    addBlock(std::move(feed));
}

void EscPosParser::addBlock(PrintBlock block)
{
    if (m_droppedDots > 0 || m_jobHeight + block.height > kMaxJobHeight) {
        m_droppedDots += block.height;
        return;
    }
    m_jobHeight += block.height;
    // Encoders send a tall image in bands of at most 255 rows: consecutive bands are one image
    // (an ESC @ between them ends it: a job sent again after one cut off in its image).
    const bool image = block.kind == PrintBlock::Image;
    const bool joinsImage = std::exchange(m_imageContinues, image);
    if (image && joinsImage && !m_job.blocks.isEmpty()) {
        PrintBlock &last = m_job.blocks.last();
        if (last.kind == PrintBlock::Image && last.bitmap.width == block.bitmap.width
            && last.scaleX == block.scaleX && last.scaleY == block.scaleY
            && last.alignment == block.alignment) {
            last.bitmap.bits += block.bitmap.bits;
            last.bitmap.height += block.bitmap.height;
            last.height += block.height;
            return;
        }
    }
    m_job.blocks.append(std::move(block));
}

void EscPosParser::addSymbol(PrintBlock::Kind kind, const Symbol &symbol, int scaleX, int scaleY)
{
    endLine();
    if (!symbol.error.isEmpty()) {
        warn(symbol.error + QStringLiteral(": not printed"));
        return;
    }
    if (symbol.bitmap.width * scaleX > m_dotWidth) {
        warn(QStringLiteral("%1 %2 is %3 dots wide, the paper %4: not printed")
                 .arg(symbol.name, symbol.text.left(40))
                 .arg(symbol.bitmap.width * scaleX)
                 .arg(m_dotWidth));
        return;
    }
    PrintBlock block;
    block.kind = kind;
    block.alignment = m_alignment;
    block.bitmap = symbol.bitmap;
    block.scaleX = scaleX;
    block.scaleY = scaleY;
    block.symbology = symbol.name;
    block.data = symbol.text;
    block.hriAbove = kind == PrintBlock::Barcode && (m_hri & 1);
    block.hriBelow = kind == PrintBlock::Barcode && (m_hri & 2);
    block.height = block.bitmap.height * scaleY + (block.hriAbove + block.hriBelow) * kHriHeight;
    addBlock(std::move(block));
}

void EscPosParser::printBarcode(int m, QByteArrayView data)
{
    addSymbol(PrintBlock::Barcode, encodeBarcode(m, data), m_moduleWidth, m_barcodeHeight);
}

// GS v 0 m xL xH yL yH d…: x bytes per row, y rows; m 1 doubles the width, 2 the height, 3 both.
void EscPosParser::printRaster()
{
    const int m = digit(m_command[3]);
    const auto at = [this](int i) { return int(uchar(m_command[i])); };
    const int bytesPerRow = at(4) + at(5) * 256;
    const int rows = at(6) + at(7) * 256;
    if (m > 3) {
        warn(QStringLiteral("GS v 0: mode %1 out of range").arg(m));
        return;
    }
    if (bytesPerRow == 0 || rows == 0)
        return;
    endLine();
    PrintBlock block;
    block.kind = PrintBlock::Image;
    block.alignment = m_alignment;
    block.bitmap = Bitmap{bytesPerRow * 8, rows, m_command.sliced(8)};
    block.scaleX = m & 1 ? 2 : 1;
    block.scaleY = m & 2 ? 2 : 1;
    block.height = rows * block.scaleY;
    if (block.width() > m_dotWidth)
        warn(QStringLiteral("GS v 0: an image %1 dots wide is cut to the paper's %2")
                 .arg(block.width())
                 .arg(m_dotWidth));
    addBlock(std::move(block));
}

void EscPosParser::kick(uchar m, int onMs, int offMs)
{
    if (digit(m) > 1) {
        ignored();
        return;
    }
    m_kicks.append(DrawerKick{digit(m) == 0 ? 2 : 5, onMs, offMs});
}

void EscPosParser::cut(int feed)
{
    endLine();
    feedDots(feed);
    endJob(true);
}

void EscPosParser::endJob(bool cut)
{
    endLine();
    if (m_droppedDots > 0)
        m_job.warnings.append(QStringLiteral("%1 dots beyond the %2-dot job limit were not printed")
                                  .arg(m_droppedDots)
                                  .arg(kMaxJobHeight));
    if (m_moreWarnings > 0)
        m_job.warnings.append(QStringLiteral("%1 more warnings").arg(m_moreWarnings));
    m_job.cut = cut;
    if (m_job.hasPrintedContent() || !m_job.warnings.isEmpty())
        m_jobs.append(std::move(m_job));
    m_job = {};
    m_jobHeight = 0;
    m_droppedDots = 0;
    m_moreWarnings = 0;
}

// ESC @: the modes as at power-on, and the print buffer (an unfinished line) cleared. Chinese
// mode stays, as on the Chinese printers.
void EscPosParser::initialize()
{
    m_imageContinues = false;
    m_style = {};
    m_alignment = Alignment::Left;
    m_lineSpacing = kDefaultLineSpacing;
    selectCodePage(0);
    m_barcodeHeight = kDefaultBarcodeHeight;
    m_moduleWidth = kDefaultModuleWidth;
    m_hri = 0;
    m_qrModuleSize = kDefaultQrModuleSize;
    m_qrErrorLevel = 0;
    m_qrData.clear();
    m_multibyte.clear();
    m_line = {};
    m_lineWidth = 0;
}

void EscPosParser::selectCodePage(int n)
{
    if (n == m_codePage)
        return;
    const CodePage *page = nullptr;
    for (const CodePage &candidate : kCodePages)
        if (candidate.n == n)
            page = &candidate;
    if (!page) {
        warn(QStringLiteral("code page %1 is not emulated: CP437 is used").arg(n));
        page = &kCodePages[0];
    }
    m_codePage = page->n;
    QStringDecoder decoder(page->name, QStringConverter::Flag::Stateless);
    m_highChars.clear();
    for (int byte = 0x80; byte <= 0xff; ++byte) {
        const char c = char(byte);
        const QString decoded = decoder.decode(QByteArrayView(&c, 1));
        m_highChars += decoded.size() == 1 ? decoded[0] : QChar(u'?');
    }
}

void EscPosParser::setAlignment(uchar n)
{
    if (digit(n) > 2)
        ignored();
    else
        m_alignment = Alignment(digit(n));
}

void EscPosParser::setUnderline(uchar n)
{
    if (digit(n) > 2)
        ignored();
    else
        m_style.underline = digit(n);
}

void EscPosParser::warn(const QString &message)
{
    if (m_job.warnings.size() < kMaxWarnings)
        m_job.warnings.append(message);
    else
        ++m_moreWarnings;
}

// A command not emulated, or with a parameter out of range: it has no effect.
void EscPosParser::ignored()
{
    warn(QStringLiteral("%1 ignored").arg(commandName()));
}

// "ESC a 0x05", "GS ( k", "DLE 0x04 0x07": the first bytes of the command being received.
QString EscPosParser::commandName() const
{
    static const char *const prefixes[] = {"DLE", "ESC", "FS", "GS"};
    QString name;
    for (qsizetype i = 0; i < qMin<qsizetype>(m_command.size(), 3); ++i) {
        const uchar byte = m_command[i];
        if (i > 0)
            name += u' ';
        if (i == 0)
            name += QLatin1String(prefixes[byte == DLE ? 0 : byte - ESC + 1]);
        else if (byte > 0x20 && byte < 0x7f)
            name += QLatin1Char(char(byte));
        else
            name += QStringLiteral("0x%1").arg(byte, 2, 16, QLatin1Char('0'));
    }
    return name;
}

} // namespace smartpos::sim
