#include "printersim.h"

#include "jobrender.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTcpSocket>

namespace smartpos::sim {

namespace {

// Read in small pieces, so that the held jobs stop near their limit.
constexpr qint64 kReadChunk = 512;
// A client that sends DLE EOT but never reads the answers gets no more beyond this.
constexpr qint64 kMaxUnreadAnswers = 4096;
constexpr qint64 kSocketBuffer = 64 * 1024;

} // namespace

quint8 realTimeStatus(const PrinterState &state, int n)
{
    quint8 status = 0x12;
    switch (n) {
    case 1:
        status |= (state.drawerOpen ? 0x04 : 0) | (state.ready() ? 0 : 0x08);
        break;
    case 2:
        status |= (state.coverOpen ? 0x04 : 0) | (state.paper == Paper::Out ? 0x20 : 0);
        break;
    case 4:
        status |= state.paper == Paper::Out       ? 0x0c | 0x60
                  : state.paper == Paper::NearEnd ? 0x0c
                                                  : 0;
        break;
    }
    return status;
}

PrinterSim::PrinterSim(const QString &outDir, int dotWidth, QObject *parent)
    : QObject(parent)
    , m_outDir(outDir)
    , m_dotWidth(dotWidth)
{
    QDir().mkpath(outDir);
    static const QRegularExpression receipt(QStringLiteral("^receipt-(\\d+)\\.(png|txt)$"));
    for (const QString &name : QDir(outDir).entryList(QDir::Files)) {
        if (const QRegularExpressionMatch match = receipt.match(name); match.hasMatch())
            m_nextNumber = qMax(m_nextNumber, match.captured(1).toInt() + 1);
    }
    connect(&m_server, &QTcpServer::newConnection, this, &PrinterSim::accept);
}

PrinterSim::~PrinterSim()
{
    // The sockets are the server's children and go with it, after m_parsers: their last
    // "disconnected" must not reach a half-destroyed simulator.
    for (QTcpSocket *socket : m_parsers.keys())
        socket->disconnect(this);
}

bool PrinterSim::listen(const QHostAddress &address, quint16 port)
{
    return m_server.listen(address, port);
}

void PrinterSim::setState(const PrinterState &state)
{
    m_state = state;
    while (m_state.ready() && !m_held.isEmpty())
        print(m_held.takeFirst());
    // Data that waited for room in a full buffer.
    for (QTcpSocket *socket : m_parsers.keys())
        receive(socket);
}

QString PrinterSim::command(QStringView line)
{
    const QString words = line.toString().simplified().toLower();
    PrinterState next = m_state;
    if (words == u"online" || words == u"offline")
        next.offline = words == u"offline";
    else if (words == u"paper out")
        next.paper = Paper::Out;
    else if (words == u"paper near-end")
        next.paper = Paper::NearEnd;
    else if (words == u"paper in")
        next.paper = Paper::Ok;
    else if (words == u"cover open" || words == u"cover close")
        next.coverOpen = words == u"cover open";
    else if (words == u"drawer open" || words == u"drawer close")
        next.drawerOpen = words == u"drawer open";
    else if (words != u"status")
        return QStringLiteral("error: unknown command \"%1\"").arg(words);
    setState(next);
    return describeState();
}

QString PrinterSim::describeState() const
{
    static const char *const papers[] = {"ok", "near-end", "out"};
    return QStringLiteral("%1 paper=%2 cover=%3 drawer=%4 held=%5")
        .arg(m_state.offline ? u"offline" : u"online", QLatin1String(papers[int(m_state.paper)]),
             m_state.coverOpen ? u"open" : u"closed", m_state.drawerOpen ? u"open" : u"closed")
        .arg(m_held.size());
}

void PrinterSim::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        // Unread data stays in the kernel, not in an ever-growing buffer here.
        socket->setReadBufferSize(kSocketBuffer);
        m_parsers.insert(socket, std::make_shared<EscPosParser>(m_dotWidth));
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { receive(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { close(socket); });
    }
}

void PrinterSim::receive(QTcpSocket *socket)
{
    const std::shared_ptr<EscPosParser> parser = m_parsers.value(socket);
    while (parser && m_held.size() < kMaxHeldJobs && socket->bytesAvailable() > 0) {
        parser->feed(socket->read(kReadChunk));
        collect(socket, *parser);
    }
}

void PrinterSim::collect(QTcpSocket *socket, EscPosParser &parser)
{
    for (const DrawerKick &kick : parser.takeDrawerKicks()) {
        m_state.drawerOpen = true;
        emit drawerKicked(kick.pin, kick.onMs, kick.offMs);
    }
    for (const int n : parser.takeStatusRequests()) {
        if (socket->bytesToWrite() < kMaxUnreadAnswers)
            socket->write(QByteArray(1, char(realTimeStatus(m_state, n))));
    }
    for (const PrintJob &job : parser.takeJobs()) {
        if (m_state.ready() && m_held.isEmpty())
            print(job);
        else
            m_held.append(job);
    }
}

// The peer closed: what it sent is read to the end (even past the held-jobs limit: the
// connection is gone, TCP cannot push back any more), and a job without a cut ends there.
void PrinterSim::close(QTcpSocket *socket)
{
    const std::shared_ptr<EscPosParser> parser = m_parsers.take(socket);
    if (parser) {
        parser->feed(socket->readAll());
        parser->endOfStream();
        collect(socket, *parser);
    }
    socket->deleteLater();
}

void PrinterSim::print(const PrintJob &job)
{
    const QString name = QStringLiteral("receipt-%1").arg(m_nextNumber, 4, 10, QLatin1Char('0'));
    for (const QString &message : job.warnings)
        emit warning(job.hasPrintedContent() ? name + QStringLiteral(": ") + message : message);
    if (!job.hasPrintedContent())
        return;
    ++m_nextNumber;
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    renderImage(job, m_dotWidth).save(&buffer, "PNG");
    const QString base = QDir(m_outDir).filePath(name);
    if (writeFile(base + QStringLiteral(".png"), png)
        && writeFile(base + QStringLiteral(".txt"), renderText(job, m_dotWidth).toUtf8()))
        emit printed(base + QStringLiteral(".png"), base + QStringLiteral(".txt"));
}

// Written beside the file and renamed, so that a reader never sees half of it.
bool PrinterSim::writeFile(const QString &path, const QByteArray &bytes)
{
    const QString part = path + QStringLiteral(".part");
    QFile::remove(part);
    QFile file(part);
    const bool written = file.open(QIODevice::WriteOnly, QFile::ReadOwner | QFile::WriteOwner)
                         && file.write(bytes) == bytes.size() && file.flush();
    file.close();
    QFile::remove(path); // rename() does not replace
    if (!written || !file.rename(path)) {
        emit warning(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
        QFile::remove(part);
        return false;
    }
    return true;
}

} // namespace smartpos::sim
