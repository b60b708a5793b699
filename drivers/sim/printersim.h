#pragma once

// The virtual ESC/POS network printer behind smartpos-printer-sim. It listens on TCP (port 9100
// on a real one), reads each connection with its own EscPosParser, answers DLE EOT from its
// state at once, and prints every job to OUT_DIR as receipt-NNNN.png and receipt-NNNN.txt
// (mode 0600, each file complete when it appears; numbering goes on after the receipts already
// there).
//
// States, as on a real printer:
// - offline, cover open, paper out: not ready. It goes on accepting and parsing data (a printer
//   buffers it) and answering DLE EOT, and holds each finished job; when it is ready again it
//   prints the held jobs in order, so nothing is lost. (A printer whose paper ends mid-receipt
//   finishes that receipt on the new roll; here the whole job waits, which gives the same paper.)
//   With kMaxHeldJobs held its buffer is full: it stops reading until it is ready (TCP pushes
//   back), and then answers no DLE EOT either.
// - paper near end: ready; only DLE EOT 4 tells.
// - drawer open: a drawer kick opens it; "drawer close" closes it. Kicks act at once, also when
//   not ready (a real printer runs ESC p from its buffer, so only DLE DC4 1 would).
// Lines of a connection that closes without a cut are printed as a job without a cut line (the
// printer printed them). Jobs held when the process ends are lost, as a printer switched off
// loses its buffer.
#include "escposparser.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QTcpServer>

#include <memory>

class QTcpSocket;

namespace smartpos::sim {

enum class Paper { Ok, NearEnd, Out };

struct PrinterState {
    bool offline = false;
    bool coverOpen = false;
    Paper paper = Paper::Ok;
    bool drawerOpen = false;

    bool ready() const { return !offline && !coverOpen && paper != Paper::Out; }
    bool operator==(const PrinterState &) const = default;
};

// The answer to DLE EOT n (n 1…4), bits as in reference/devices.md §1.3: 1 printer (bit 2 drawer
// open, i.e. connector pin 3 high; bit 3 offline), 2 offline cause (bit 2 cover open, bit 5
// stopped by paper end), 3 errors (none), 4 paper sensors (0x0C near end, 0x60 paper end; both
// when out). Bits 1 and 4 are always set.
quint8 realTimeStatus(const PrinterState &state, int n);

class PrinterSim : public QObject {
    Q_OBJECT

public:
    static constexpr int kMaxHeldJobs = 32;

    // dotWidth: 384 (58 mm) or 576 (80 mm). outDir is created when missing.
    PrinterSim(const QString &outDir, int dotWidth, QObject *parent = nullptr);
    ~PrinterSim() override;

    // Port 0: any free port; serverPort() tells which.
    bool listen(const QHostAddress &address, quint16 port);
    QString errorString() const { return m_server.errorString(); }
    QHostAddress serverAddress() const { return m_server.serverAddress(); }
    quint16 serverPort() const { return m_server.serverPort(); }

    PrinterState state() const { return m_state; }
    void setState(const PrinterState &state);
    qsizetype heldJobs() const { return m_held.size(); }

    // One line of the control channel: "online", "offline", "paper out", "paper near-end",
    // "paper in", "cover open", "cover close", "drawer open", "drawer close" or "status". The
    // reply is the state after it ("online paper=ok cover=closed drawer=closed held=0"), or
    // "error: …" (and nothing changes).
    QString command(QStringView line);
    QString describeState() const;

signals:
    void printed(const QString &pngPath, const QString &textPath);
    void drawerKicked(int pin, int onMs, int offMs);
    void warning(const QString &message);

private:
    void accept();
    void receive(QTcpSocket *socket);
    void collect(QTcpSocket *socket, EscPosParser &parser);
    void close(QTcpSocket *socket);
    void print(const PrintJob &job);
    bool writeFile(const QString &path, const QByteArray &bytes);

    QTcpServer m_server;
    const QString m_outDir;
    const int m_dotWidth;
    PrinterState m_state;
    QList<PrintJob> m_held;
    int m_nextNumber = 1;
    QHash<QTcpSocket *, std::shared_ptr<EscPosParser>> m_parsers;
};

} // namespace smartpos::sim
