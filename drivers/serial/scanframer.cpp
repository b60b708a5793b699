#include "scanframer.h"

#include <QStringDecoder>

#include <algorithm>
#include <utility>

namespace smartpos::devices {

namespace {

bool isAsciiLetter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool isAsciiAlnum(char c)
{
    return isAsciiLetter(c) || (c >= '0' && c <= '9');
}

// ]Xm: a symbology letter and a modifier character (ISO/IEC 15424).
bool startsWithAimId(QByteArrayView frame)
{
    return frame.size() >= 3 && frame[0] == ']' && isAsciiLetter(frame[1])
           && isAsciiAlnum(frame[2]);
}

} // namespace

ScanFramer::ScanFramer()
    : ScanFramer(Options())
{
}

ScanFramer::ScanFramer(const Options &options)
    : m_options(options)
{
    m_options.maxLength = std::max(1, m_options.maxLength);
}

void ScanFramer::feed(QByteArrayView bytes, qint64 nowMs)
{
    if (bytes.isEmpty())
        return;
    // The caller may not have called idle() in time: the pause still ended the frame.
    idle(nowMs);
    for (const char c : bytes) {
        const bool end = m_options.terminator == Terminator::LineEnd ? c == '\r' || c == '\n'
                         : m_options.terminator == Terminator::Byte  ? c == m_options.byte
                                                                     : false;
        if (end) {
            endFrame();
        } else if (m_tooLong) {
            continue;
        } else if (m_frame.size() == m_options.maxLength) {
            m_frame.clear();
            m_tooLong = true;
            reject(Problem::TooLong);
        } else {
            m_frame.append(c);
        }
    }
    m_lastByteMs = nowMs;
}

void ScanFramer::idle(qint64 nowMs)
{
    const qint64 deadline = idleDeadline();
    if (deadline >= 0 && nowMs >= deadline)
        endFrame();
}

qint64 ScanFramer::idleDeadline() const
{
    if (m_options.terminator != Terminator::None || (m_frame.isEmpty() && !m_tooLong))
        return -1;
    return m_lastByteMs + m_options.idleMs;
}

QList<ScanFramer::Scan> ScanFramer::takeScans()
{
    return std::exchange(m_scans, {});
}

int ScanFramer::garbled() const
{
    return m_garbled[0] + m_garbled[1] + m_garbled[2];
}

int ScanFramer::garbled(Problem problem) const
{
    return m_garbled[int(problem)];
}

void ScanFramer::endFrame()
{
    const QByteArray frame = std::exchange(m_frame, {});
    if (std::exchange(m_tooLong, false))
        return; // counted when it grew too long
    QByteArrayView code = frame;
    QString symbology;
    if (startsWithAimId(code)) {
        symbology = QString::fromLatin1(code.sliced(1, 2));
        code = code.sliced(3);
    }
    if (code.isEmpty())
        return;
    if (std::any_of(code.begin(), code.end(), [](char c) { return uchar(c) < 0x20 || c == 0x7f; }))
        return reject(Problem::ControlCharacter);
    // A leading EF BB BF is part of the code, not a byte order mark to drop.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless
                                                     | QStringDecoder::Flag::ConvertInitialBom);
    const QString text = decoder(code);
    if (decoder.hasError())
        return reject(Problem::InvalidUtf8);
    if (std::any_of(text.begin(), text.end(),
                    [](QChar c) { return c.unicode() >= 0x80 && c.unicode() < 0xa0; }))
        return reject(Problem::ControlCharacter);
    m_scans.append({text, symbology});
}

void ScanFramer::reject(Problem problem)
{
    ++m_garbled[int(problem)];
}

} // namespace smartpos::devices
