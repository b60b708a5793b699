#pragma once

// smartpos-printer-sim's terminal: events on stdout ("printed <png> <txt>", "drawer kick pin 2
// on 100 ms off 500 ms"), warnings on stderr, control lines from stdin (PrinterSim::command, the
// reply on stdout; at the end of stdin the printer keeps running), and SIGINT or SIGTERM quit
// the application's event loop. One per process.
#include <QObject>

class QSocketNotifier;

namespace smartpos::sim {

class PrinterSim;

class SimConsole : public QObject {
    Q_OBJECT

public:
    explicit SimConsole(PrinterSim *printer, QObject *parent = nullptr);
    ~SimConsole() override;

    // A line on stdout, flushed at once: whoever reads the pipe sees it now.
    static void say(const QString &line);

private:
    void readInput();
    void readSignal();

    PrinterSim *m_printer;
    QSocketNotifier *m_input;
    QSocketNotifier *m_signals;
    QByteArray m_pending;
};

} // namespace smartpos::sim
