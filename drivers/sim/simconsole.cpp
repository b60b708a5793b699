#include "simconsole.h"

#include "printersim.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace smartpos::sim {

namespace {

constexpr qsizetype kMaxLine = 4096;

// A signal handler may only write to a pipe; the event loop reads the other end.
int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t ignored = ::write(signalPipe[1], &byte, 1);
}

void sayOn(FILE *stream, const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stream);
    std::fflush(stream);
}

} // namespace

SimConsole::SimConsole(PrinterSim *printer, QObject *parent)
    : QObject(parent)
    , m_printer(printer)
{
    connect(printer, &PrinterSim::printed, this, [](const QString &png, const QString &text) {
        say(QStringLiteral("printed %1 %2").arg(png, text));
    });
    connect(printer, &PrinterSim::drawerKicked, this, [](int pin, int onMs, int offMs) {
        say(QStringLiteral("drawer kick pin %1 on %2 ms off %3 ms").arg(pin).arg(onMs).arg(offMs));
    });
    connect(printer, &PrinterSim::warning, this,
            [](const QString &message) { sayOn(stderr, QStringLiteral("warning: ") + message); });

    m_input = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_input, &QSocketNotifier::activated, this, &SimConsole::readInput);

    if (::pipe2(signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        qFatal("smartpos-printer-sim: no pipe for signals");
    m_signals = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, this);
    connect(m_signals, &QSocketNotifier::activated, this, &SimConsole::readSignal);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

SimConsole::~SimConsole()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    delete m_signals;
    ::close(signalPipe[0]);
    ::close(signalPipe[1]);
}

void SimConsole::say(const QString &line)
{
    sayOn(stdout, line);
}

void SimConsole::readInput()
{
    char buffer[4096];
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n <= 0) {
        if (n == 0 || (errno != EINTR && errno != EAGAIN))
            m_input->setEnabled(false); // the end of stdin: no more control lines
        return;
    }
    m_pending.append(buffer, n);
    qsizetype end;
    while ((end = m_pending.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_pending.first(end));
        m_pending.remove(0, end + 1);
        if (!line.trimmed().isEmpty())
            say(m_printer->command(line));
    }
    if (m_pending.size() > kMaxLine) {
        m_pending.clear();
        say(QStringLiteral("error: control line longer than %1 bytes").arg(kMaxLine));
    }
}

void SimConsole::readSignal()
{
    char byte;
    while (::read(signalPipe[0], &byte, 1) > 0) {
    }
    QCoreApplication::quit();
}

} // namespace smartpos::sim
