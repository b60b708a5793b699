#include "printer/escpos_p.h"

#include <QStringEncoder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace smartpos::escpos {

namespace {

constexpr char DLE = 0x10;
constexpr char ESC = 0x1B;
constexpr char FS = 0x1C;
constexpr char GS = 0x1D;

void put(QByteArray &out, std::initializer_list<int> bytes)
{
    for (int b : bytes)
        out += char(b);
}

// A fullwidth '？' for each four-byte sequence (a lead byte 0x81-0xFE, then a digit 0x30-0x39)
// of GB18030 text that has no one-byte characters.
QByteArray withoutFourByteSequences(const QByteArray &gb18030)
{
    QByteArray out;
    out.reserve(gb18030.size());
    for (qsizetype i = 0; i + 1 < gb18030.size();) {
        const quint8 second = gb18030[i + 1];
        if (second >= 0x30 && second <= 0x39) {
            out += "\xA3\xBF";
            i += 4;
        } else {
            out += gb18030.sliced(i, 2);
            i += 2;
        }
    }
    return out;
}

char ean13CheckDigit(QByteArrayView twelveDigits)
{
    int sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += (twelveDigits[i] - '0') * (i % 2 ? 3 : 1);
    return char('0' + (10 - sum % 10) % 10);
}

// The longest data GS ( k can hold, in byte mode (QR version 40), for each error level.
constexpr int qrByteCapacity[] = {2953, 2331, 1663, 1273};

} // namespace

PrinterProfile PrinterProfile::mm58()
{
    PrinterProfile profile;
    profile.columns = 32;
    profile.dotsPerLine = 384;
    return profile;
}

PrinterProfile PrinterProfile::mm80()
{
    return PrinterProfile();
}

Encoder::Encoder(PrinterProfile profile)
    : m_profile(profile)
{
}

const PrinterProfile &Encoder::profile() const
{
    return m_profile;
}

Encoder &Encoder::initialize()
{
    put(m_bytes, {ESC, '@', FS, '.', ESC, 'M', 0, ESC, 'R', 0, ESC, 't', 0});
    m_style = TextStyle();
    m_chineseMode = false;
    return *this;
}

Encoder &Encoder::align(Align align)
{
    put(m_bytes, {ESC, 'a', int(align)});
    return *this;
}

Encoder &Encoder::style(const TextStyle &style)
{
    if (style.bold != m_style.bold)
        put(m_bytes, {ESC, 'E', style.bold});
    if (style.underline != m_style.underline)
        put(m_bytes, {ESC, '-', style.underline, FS, '-', style.underline});
    if (style.doubleWidth != m_style.doubleWidth || style.doubleHeight != m_style.doubleHeight)
        put(m_bytes, {GS, '!', (style.doubleWidth ? 0x10 : 0) | (style.doubleHeight ? 0x01 : 0)});
    m_style = style;
    return *this;
}

void Encoder::setChineseMode(bool on)
{
    if (on != m_chineseMode)
        put(m_bytes, {FS, on ? '&' : '.'});
    m_chineseMode = on;
}

Encoder &Encoder::text(QStringView text)
{
    // Stateless: nothing one run leaves in the converter may reach the next.
    thread_local QStringEncoder gb18030("GB18030", QStringConverter::Flag::Stateless);
    QString storage;
    QString run; // Chinese-mode characters not yet encoded
    const auto flush = [&] {
        if (run.isEmpty())
            return;
        const QByteArray encoded = gb18030.encode(run);
        m_bytes += m_profile.gb18030FourByte ? encoded : withoutFourByteSequences(encoded);
        run.clear();
    };
    detail::forEachCodePoint(detail::nfc(text, storage), [&](char32_t c, QStringView piece) {
        const detail::Glyph glyph = detail::classify(c);
        if (glyph.route == detail::Route::CodePage) {
            flush();
            setChineseMode(false);
            m_bytes += glyph.byte;
        } else if (glyph.route == detail::Route::Chinese) {
            setChineseMode(true);
            run += piece;
        }
    });
    flush();
    return *this;
}

Encoder &Encoder::line(QStringView text)
{
    this->text(text);
    m_bytes += '\n';
    return *this;
}

Encoder &Encoder::feed(int lines)
{
    for (; lines > 0; lines -= 255)
        put(m_bytes, {ESC, 'd', std::min(lines, 255)});
    return *this;
}

Encoder &Encoder::cut(CutKind kind)
{
    put(m_bytes, {GS, 'V', kind == CutKind::Full ? 65 : 66, 0});
    return *this;
}

Encoder &Encoder::kickDrawer(DrawerPin pin)
{
    // t1 and t2 count 2 ms: 50 ms on, 500 ms off.
    put(m_bytes, {ESC, 'p', pin == DrawerPin::Pin2 ? 0 : 1, 25, 250});
    return *this;
}

void Encoder::barcode(char type, QByteArrayView data, int modules, const QString &name)
{
    const int moduleWidth = std::min(3, m_profile.dotsPerLine / modules);
    if (moduleWidth < 2) {
        m_errors.append(u"%1 left out: wider than the paper"_s.arg(name));
        return;
    }
    put(m_bytes, {GS, 'H', 2, GS, 'h', 80, GS, 'w', moduleWidth, GS, 'k', type, int(data.size())});
    m_bytes.append(data);
}

Encoder &Encoder::ean13(QStringView digits)
{
    const bool numeric =
        std::all_of(digits.begin(), digits.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    if (!numeric || (digits.size() != 12 && digits.size() != 13)) {
        m_errors.append(u"EAN-13 \"%1\" left out: 12 or 13 digits expected"_s.arg(digits));
        return *this;
    }
    QByteArray code = digits.toLatin1();
    const char check = ean13CheckDigit(code);
    if (code.size() == 12) {
        code += check;
    } else if (code[12] != check) {
        m_errors.append(u"EAN-13 \"%1\" left out: the check digit should be %2"_s.arg(digits).arg(
            QLatin1Char(check)));
        return *this;
    }
    barcode(67, code, 95, u"EAN-13 \"%1\""_s.arg(digits));
    return *this;
}

Encoder &Encoder::code128(QByteArrayView data)
{
    const bool printable =
        std::all_of(data.begin(), data.end(), [](char c) { return c >= 0x20 && c <= 0x7E; });
    QByteArray payload = "{B";
    for (char c : data) {
        if (c == '{')
            payload += '{'; // "{{" is a '{', a lone one would start a code set change
        payload += c;
    }
    if (data.isEmpty() || !printable || payload.size() > 255) {
        m_errors.append(u"Code 128 \"%1\" left out: 1 to 253 printable ASCII characters expected "
                        u"('{' counts 2)"_s.arg(QString::fromLatin1(data)));
        return *this;
    }
    // Start, data, check symbol (11 modules each) and stop (13).
    barcode(73, payload, 11 * (int(data.size()) + 3) + 2,
            u"Code 128 \"%1\""_s.arg(QString::fromLatin1(data)));
    return *this;
}

Encoder &Encoder::qr(QByteArrayView data, int moduleSize, QrErrorLevel level)
{
    if (data.isEmpty() || data.size() > qrByteCapacity[int(level)]) {
        m_errors.append(u"QR code of %1 bytes left out: 1 to %2 bytes fit at this error level"_s
                            .arg(data.size())
                            .arg(qrByteCapacity[int(level)]));
        return *this;
    }
    if (!m_profile.nativeQr) {
        const MonoBitmap modules = detail::qrModules(data, level);
        if (modules.width == 0) {
            m_errors.append(u"QR code of %1 bytes left out: cannot be encoded"_s.arg(data.size()));
            return *this;
        }
        const int fitting = std::max(1, m_profile.dotsPerLine / modules.width);
        return raster(detail::scaled(modules, std::clamp(moduleSize, 1, fitting)));
    }
    const int stored = int(data.size()) + 3;
    put(m_bytes, {GS,          '(', 'k', 4,
                  0,           '1', 'A', '2',
                  0, // model 2
                  GS,          '(', 'k', 3,
                  0,           '1', 'C', std::clamp(moduleSize, 1, 16), // module size
                  GS,          '(', 'k', 3,
                  0,           '1', 'E', '0' + int(level), // error level
                  GS,          '(', 'k', stored & 0xFF,
                  stored >> 8, '1', 'P', '0'}); // store
    m_bytes.append(data);
    put(m_bytes, {GS, '(', 'k', 3, 0, '1', 'Q', '0'}); // print
    return *this;
}

Encoder &Encoder::raster(const MonoBitmap &image)
{
    const int rowBytes = (image.width + 7) / 8;
    if (image.width <= 0 || image.height <= 0
        || image.rows.size() != qsizetype(rowBytes) * image.height) {
        m_errors.append(u"image left out: its rows do not match its size"_s);
        return *this;
    }
    if (image.width > m_profile.dotsPerLine) {
        m_errors.append(u"image left out: %1 dots wide, the paper %2"_s.arg(image.width)
                            .arg(m_profile.dotsPerLine));
        return *this;
    }
    for (int top = 0; top < image.height; top += rasterBandRows) {
        const int rows = std::min(rasterBandRows, image.height - top);
        put(m_bytes, {GS, 'v', '0', 0, rowBytes & 0xFF, rowBytes >> 8, rows & 0xFF, rows >> 8});
        m_bytes += QByteArrayView(image.rows)
                       .sliced(qsizetype(top) * rowBytes, qsizetype(rows) * rowBytes);
    }
    return *this;
}

QByteArray Encoder::bytes() const
{
    return m_bytes;
}

QStringList Encoder::errors() const
{
    return m_errors;
}

QByteArray statusRequest(int n)
{
    if (n < 1 || n > 4)
        return {};
    QByteArray request;
    put(request, {DLE, 0x04, n});
    return request;
}

bool applyStatusByte(int n, quint8 byte, PrinterStatus *status)
{
    if (n < 1 || n > 4 || (byte & 0x93) != 0x12)
        return false;
    const auto bits = [byte](int mask) { return (byte & mask) != 0; };
    switch (n) {
    case 1:
        status->drawerOpen = bits(0x04);
        status->online = !bits(0x08);
        break;
    case 2:
        status->coverOpen = bits(0x04);
        status->paperOut = bits(0x20);
        status->error = bits(0x40);
        break;
    case 3:
        status->error = bits(0x6C);
        break;
    case 4:
        status->paperNearEnd = bits(0x0C);
        status->paperOut = bits(0x60);
        break;
    }
    return true;
}

QByteArray resyncFiller(const PrinterProfile &profile, bool rasterImages)
{
    // A QR code's length bytes, when the cut fell between them, are completed from the filler:
    // at most 255 (pL real, pH a NUL); whole, they count the QR text, which receipts keep short.
    constexpr int longestQrCommand = 512;
    const int band = (profile.dotsPerLine + 7) / 8 * Encoder::rasterBandRows;
    const int longest =
        rasterImages || !profile.nativeQr ? std::max(band, longestQrCommand) : longestQrCommand;
    return QByteArray(longest + 8, '\0'); // + the longest command header
}

} // namespace smartpos::escpos
