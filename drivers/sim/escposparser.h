#pragma once

// The virtual printer's ESC/POS interpreter. Bytes arrive in pieces, as TCP delivers them; the
// printer's modes and a half-received command carry over between pieces, so any split of a
// stream gives the same jobs. A job ends at a cut (GS V, ESC i, ESC m) or at endOfStream().
//
// Understood: ESC @, ESC t n (code pages 0 CP437, 2 CP850, 16 WPC1252, 17 CP866, 19 CP858),
// ESC a, ESC E, ESC -, ESC !, ESC 2, ESC 3, ESC d, ESC J, ESC p (drawer kick), GS !, GS V,
// GS h, GS w, GS H, GS k (UPC-A, UPC-E, EAN-13, EAN-8, CODE39, ITF, CODABAR, CODE93, CODE128),
// GS ( k (QR model 2), GS v 0 (raster image), FS & / FS . (Chinese mode: GB18030, 2- and 4-byte
// sequences), FS !, FS -, FS W, DLE EOT n (n 1…4: a status request), DLE DC4 1 (drawer kick),
// LF, HT (stops every 8 columns), CR (ignored). It powers up in Chinese mode like the Chinese
// 80 mm printers, and ESC @ does not leave it (docs: reference/devices.md §1.1). Font A only.
//
// DLE EOT is answered in stream order, so inside another command's data its bytes are data (a
// printer that answers at receive time would answer there too).
//
// Other commands of known length are skipped whole (a warning says when they would have changed
// the print); an unknown ESC/GS/FS code is skipped with its code byte and a warning, and what
// follows is read as text, as a printer does. Nothing a stream holds can crash or stall it.
//
// Caps, so that no stream can exhaust memory: a job is at most kMaxJobHeight dots (what
// comes after is not printed, and a warning says how much); a command longer than
// kMaxCommandBytes (e.g. a huge GS v 0 image) is skipped as it streams by, never buffered;
// GS k function A data ends after kMaxBarcodeData bytes without a NUL; a job keeps at most
// kMaxWarnings warnings and counts the rest. Lines wrap at the paper width.
#include "printjob.h"

#include <QByteArrayView>
#include <QStringDecoder>

namespace smartpos::sim {

inline constexpr int kMaxJobHeight = 20000;               // 2.5 m of paper at 203 dpi
inline constexpr qint64 kMaxCommandBytes = (1 << 20) + 8; // a 1 MiB raster image + its header
inline constexpr int kMaxBarcodeData = 255;
inline constexpr int kMaxWarnings = 100;

struct Symbol;

// ESC p m t1 t2 or DLE DC4 1 m t: a pulse on the drawer kick connector.
struct DrawerKick {
    int pin = 2; // 2 or 5
    int onMs = 0;
    int offMs = 0;
};

class EscPosParser {
public:
    // dotWidth: the printable width in dots (384 for 58 mm paper, 576 for 80 mm).
    explicit EscPosParser(int dotWidth);

    void feed(QByteArrayView bytes);
    // The stream ended (the connection closed): the job in progress ends without a cut.
    void endOfStream();

    // What happened since the last call, oldest first. Only jobs that printed something or
    // have warnings are listed.
    QList<PrintJob> takeJobs() { return std::exchange(m_jobs, {}); }
    QList<int> takeStatusRequests() { return std::exchange(m_statusRequests, {}); } // DLE EOT n
    QList<DrawerKick> takeDrawerKicks() { return std::exchange(m_kicks, {}); }

    int dotWidth() const { return m_dotWidth; }

private:
    void feedByte(uchar byte);
    qint64 commandLength() const;
    void execute();
    void executeEsc();
    void executeGs();
    void executeFs();
    void executeDle();
    void executeTwoDimensional(); // GS ( k

    void character(uchar byte);
    void decodeMultibyte();
    void flushMultibyte();
    void addChar(const QString &codePoint, bool fullWidth, const TextStyle &style);
    void tab();
    void lineFeed();
    void endLine();
    void feedDots(int dots);
    void addBlock(PrintBlock block);
    void addSymbol(PrintBlock::Kind kind, const Symbol &symbol, int scaleX, int scaleY);
    void printBarcode(int m, QByteArrayView data);
    void printRaster();
    void kick(uchar m, int onMs, int offMs);
    void cut(int feed);
    void endJob(bool cut);
    void initialize();
    void selectCodePage(int n);
    void setAlignment(uchar n);
    void setUnderline(uchar n);
    void warn(const QString &message);
    void ignored();
    QString commandName() const;

    const int m_dotWidth;

    QByteArray m_command;       // the command being received, from its ESC/GS/FS/DLE
    qint64 m_commandLength = 0; // once known
    qint64 m_skip = 0;          // bytes of an oversized command still to pass
    QByteArray m_multibyte;     // a GB18030 sequence being received
    QStringDecoder m_gb18030;

    // Modes (ESC @ resets them).
    TextStyle m_style;
    Alignment m_alignment = Alignment::Left;
    int m_lineSpacing = 0;
    bool m_chinese = true;
    bool m_imageContinues = false; // the next raster band continues the last block's image
    int m_codePage = -1;
    QString m_highChars; // the code page's characters for bytes 0x80…0xFF
    int m_barcodeHeight = 0;
    int m_moduleWidth = 0;
    int m_hri = 0;
    int m_qrModuleSize = 0;
    int m_qrErrorLevel = 0;
    QByteArray m_qrData;

    PrintBlock m_line; // the line being filled
    int m_lineWidth = 0;

    PrintJob m_job;
    int m_jobHeight = 0;
    qint64 m_droppedDots = 0;
    int m_moreWarnings = 0;

    QList<PrintJob> m_jobs;
    QList<int> m_statusRequests;
    QList<DrawerKick> m_kicks;
};

} // namespace smartpos::sim
