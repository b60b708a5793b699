#pragma once

// The codes in the byte stream of a serial barcode scanner. Pure: no IO and no clock (the caller
// passes the time), so any split of the same bytes at the same times gives the same codes.
//
// A frame ends at the terminator (or, with Terminator::None, when no byte came for idleMs) and
// becomes a code unless it is empty (ignored) or garbled (dropped and counted, never cut short):
// - longer than maxLength bytes (the rest up to the next terminator is discarded with it);
// - holding a control character (C0, DEL or C1: a scanner never sends them inside a code);
// - not well-formed UTF-8 (phone QR codes carry Chinese in UTF-8).
// An AIM symbology identifier at the start (]E0 EAN-13, ]Q1 QR code…), which scanners add when
// configured to, is taken off the code and reported with it.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace smartpos::devices {

class ScanFramer {
public:
    enum class Terminator {
        LineEnd, // CR, LF or CR LF
        Byte,    // Options::byte: TAB, CR alone, or any other
        None,    // the scanner sends none: a pause of idleMs ends the code
    };
    struct Options {
        Terminator terminator = Terminator::LineEnd;
        char byte = '\t';
        int maxLength = 512; // bytes, AIM identifier included; at least 1
        int idleMs = 50;     // Terminator::None only
        bool operator==(const Options &) const = default;
    };
    enum class Problem { TooLong, ControlCharacter, InvalidUtf8 };

    struct Scan {
        QString code;
        QString symbology; // the AIM identifier without ']', "E0"; empty when none came
        bool operator==(const Scan &) const = default;
    };

    ScanFramer();
    explicit ScanFramer(const Options &options);

    const Options &options() const { return m_options; }

    // `nowMs` from any monotonic clock, only read with Terminator::None.
    void feed(QByteArrayView bytes, qint64 nowMs = 0);
    // With Terminator::None, ends the frame under way once idleDeadline() has passed.
    void idle(qint64 nowMs);
    // When idle() ends the frame under way; -1 when nothing waits for a pause.
    qint64 idleDeadline() const;

    // The codes completed since the last call, oldest first.
    QList<Scan> takeScans();
    // Frames dropped since construction, in all and for one problem.
    int garbled() const;
    int garbled(Problem problem) const;

private:
    void endFrame();
    void reject(Problem problem);

    Options m_options;
    QByteArray m_frame;
    bool m_tooLong = false; // discarding up to the end of the frame
    qint64 m_lastByteMs = 0;
    QList<Scan> m_scans;
    int m_garbled[3] = {};
};

} // namespace smartpos::devices
