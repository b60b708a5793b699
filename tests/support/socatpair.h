#pragma once

// A pseudo-terminal pair made by socat (docs: devices.md §4) for the serial device tests: the
// code under test opens hostEnd(), the test plays the device on device(), a QSerialPort on
// deviceEnd(). kill() is pulling the cable (both terminals vanish); start() again makes them on
// the same names.
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSerialPort>
#include <QStandardPaths>
#include <QTest>

#include <memory>

namespace smartpos::testing {

class SocatPair {
public:
    // The links are made in `dir`, which must exist.
    explicit SocatPair(const QString &dir)
        : m_hostEnd(dir + QStringLiteral("/pos"))
        , m_deviceEnd(dir + QStringLiteral("/device"))
    {
    }
    ~SocatPair() { kill(); }

    // Empty when socat is not installed.
    static QString executable() { return QStandardPaths::findExecutable(QStringLiteral("socat")); }

    QString hostEnd() const { return m_hostEnd; }
    QString deviceEnd() const { return m_deviceEnd; }
    // The device end, open from start() to kill().
    QSerialPort *device() const { return m_device.get(); }

    bool start()
    {
        const QString pty = QStringLiteral("pty,raw,echo=0,link=");
        m_socat.start(executable(), {QStringLiteral("-d"), QStringLiteral("-d"), pty + m_hostEnd,
                                     pty + m_deviceEnd});
        if (!m_socat.waitForStarted())
            return false;
        // socat makes the links once both terminals are open.
        if (!QTest::qWaitFor(
                [&] { return QFileInfo::exists(m_hostEnd) && QFileInfo::exists(m_deviceEnd); }))
            return false;
        m_device = std::make_unique<QSerialPort>(m_deviceEnd);
        return m_device->open(QIODevice::ReadWrite);
    }

    void kill()
    {
        m_device.reset();
        if (m_socat.state() == QProcess::NotRunning)
            return;
        m_socat.kill();
        m_socat.waitForFinished();
        // Killed, socat leaves its links behind, pointing at /dev/pts numbers that the next pty
        // (another test's) gets: the device would reopen someone else's terminal.
        QFile::remove(m_hostEnd);
        QFile::remove(m_deviceEnd);
    }

private:
    QString m_hostEnd;
    QString m_deviceEnd;
    QProcess m_socat;
    std::unique_ptr<QSerialPort> m_device;
};

} // namespace smartpos::testing
