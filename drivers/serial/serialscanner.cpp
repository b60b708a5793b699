#include "serialscanner.h"

#include <QSerialPort>

#include <algorithm>

namespace smartpos::devices {

namespace {

using Terminator = ScanFramer::Terminator;
using Problem = ScanFramer::Problem;
using namespace Qt::StringLiterals;

constexpr SerialDevice::Messages kMessages{
    "smartpos::devices::SerialScanner",
    QT_TRANSLATE_NOOP("smartpos::devices::SerialScanner",
                      "There is no serial port %1: is the scanner plugged in?"),
    QT_TRANSLATE_NOOP("smartpos::devices::SerialScanner",
                      "Cannot open the scanner's port %1: another program is using it, or this "
                      "user may not (add the user to the dialout group, see docs/hardware.md)"),
    QT_TRANSLATE_NOOP("smartpos::devices::SerialScanner", "Cannot open the scanner's port %1: %2"),
    QT_TRANSLATE_NOOP("smartpos::devices::SerialScanner", "The scanner at %1 was unplugged"),
};

// The terminator option's names; any other byte is written 0xNN.
struct NamedTerminator {
    QStringView name;
    Terminator terminator;
    char byte;
};
constexpr NamedTerminator kTerminators[] = {
    {u"crlf", Terminator::LineEnd, '\t'}, {u"cr", Terminator::Byte, '\r'},
    {u"lf", Terminator::Byte, '\n'},      {u"tab", Terminator::Byte, '\t'},
    {u"none", Terminator::None, '\t'},
};

std::unique_ptr<SerialScanner> fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return nullptr;
}

} // namespace

std::unique_ptr<SerialScanner> SerialScanner::create(const QString &text, QString *error)
{
    const QString uri = text.trimmed();
    PrinterUri::Options options;
    const auto address = PrinterUri::parseSerial(uri, &options, error);
    if (!address)
        return nullptr;
    ScanFramer::Options framing;
    for (const auto &[key, value] : options) {
        if (key != u"terminator")
            return fail(error, tr("In “%1” “%2” is not a scanner option (baud, flow and "
                                  "terminator are)")
                                   .arg(uri, key));
        const auto *named = std::find_if(std::begin(kTerminators), std::end(kTerminators),
                                         [&](const auto &t) { return t.name == value; });
        if (named != std::end(kTerminators)) {
            framing.terminator = named->terminator;
            framing.byte = named->byte;
        } else if (const auto byte = parseByte(value)) {
            framing.terminator = Terminator::Byte;
            framing.byte = *byte;
        } else {
            return fail(error, tr("In “%1” terminator must be crlf, cr, lf, tab, none or one "
                                  "byte like 0x03")
                                   .arg(uri));
        }
    }
    return std::unique_ptr<SerialScanner>(new SerialScanner(*address, framing));
}

SerialScanner::SerialScanner(const PrinterUri &address, const ScanFramer::Options &framing)
    : SerialDevice(address, address.toString() + u"&terminator="_s + terminatorName(framing),
                   kMessages)
    , m_framer(framing)
{
    m_clock.start();
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        m_framer.idle(m_clock.elapsed());
        report();
    });
}

SerialScanner::~SerialScanner() = default;

QString SerialScanner::terminatorName(const ScanFramer::Options &framing)
{
    for (const auto &t : kTerminators)
        if (t.terminator == framing.terminator
            && (t.terminator != Terminator::Byte || t.byte == framing.byte))
            return t.name.toString();
    return byteName(framing.byte);
}

void SerialScanner::portOpened(QSerialPort *port)
{
    // Whatever came before the port was lost is no part of the next code.
    m_framer = ScanFramer(m_framer.options());
    m_reported = {};
    connect(port, &QSerialPort::readyRead, this, [this, port] {
        m_framer.feed(port->readAll(), m_clock.elapsed());
        report();
    });
}

void SerialScanner::portClosed()
{
    m_idleTimer.stop();
}

void SerialScanner::report()
{
    const qint64 deadline = m_framer.idleDeadline();
    if (deadline < 0)
        m_idleTimer.stop();
    else
        m_idleTimer.start(int(std::max<qint64>(0, deadline - m_clock.elapsed())));

    const std::array<int, 3> counts = garbledCounts();
    for (int problem = 0; problem < 3; ++problem) {
        if (counts[problem] == m_reported[problem])
            continue;
        switch (Problem(problem)) {
        case Problem::TooLong:
            emit unreadable(tr("A scan longer than %1 bytes was ignored: scan the code again")
                                .arg(m_framer.options().maxLength));
            break;
        case Problem::ControlCharacter:
            emit unreadable(tr("A scan with control characters was ignored: check the scanner's "
                               "terminator (%1)")
                                .arg(uri()));
            break;
        case Problem::InvalidUtf8:
            emit unreadable(tr("A scan that is not UTF-8 text was ignored: set the scanner to "
                               "send UTF-8"));
            break;
        }
    }
    m_reported = counts;
    for (const ScanFramer::Scan &scan : m_framer.takeScans())
        emit scanned(scan.code, scan.symbology);
}

std::array<int, 3> SerialScanner::garbledCounts() const
{
    return {m_framer.garbled(Problem::TooLong), m_framer.garbled(Problem::ControlCharacter),
            m_framer.garbled(Problem::InvalidUtf8)};
}

} // namespace smartpos::devices
