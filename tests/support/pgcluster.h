#pragma once

// A throw-away PostgreSQL cluster for the sync tests and benchmarks: initdb into a temporary
// folder, a server on a free loopback port (and a socket in that folder), one database, stopped
// (immediately) and removed with the object. As root, the server runs as the unprivileged
// `postgres` user, since PostgreSQL refuses to run as root.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTcpServer>
#include <QTemporaryDir>

#include <unistd.h>

namespace smartpos::testing {

class PgCluster {
public:
    ~PgCluster() { stop(); }

    // The server's binaries; empty when PostgreSQL is not installed.
    static QString binDir()
    {
        for (const QString &version :
             {QStringLiteral("17"), QStringLiteral("16"), QStringLiteral("15")})
            if (QFile::exists(QStringLiteral("/usr/lib/postgresql/%1/bin/initdb").arg(version)))
                return QStringLiteral("/usr/lib/postgresql/%1/bin").arg(version);
        return {};
    }

    // `durable` false turns fsync off (tests); benchmarks keep PostgreSQL's defaults.
    bool start(QString *why, bool durable = false)
    {
        const QString bin = binDir();
        if (bin.isEmpty()) {
            *why = QStringLiteral("PostgreSQL is not installed (apt-get install postgresql)");
            return false;
        }
        if (!m_dir.isValid()) {
            *why = QStringLiteral("no temporary folder");
            return false;
        }
        m_bin = bin;
        m_data = m_dir.filePath(QStringLiteral("data"));
        if (::geteuid() == 0
            && !runAs({QStringLiteral("/bin/chown"), QStringLiteral("-R"),
                       QStringLiteral("postgres:postgres"), m_dir.path()},
                      why, /*asPostgres=*/false))
            return false;
        if (!runAs({bin + QStringLiteral("/initdb"), QStringLiteral("-D"), m_data,
                    QStringLiteral("-U"), QStringLiteral("smartpos"), QStringLiteral("-A"),
                    QStringLiteral("trust"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                    QStringLiteral("--no-sync")},
                   why))
            return false;
        m_port = freePort();
        QString options = QStringLiteral("-p %1 -k %2 -h 127.0.0.1 -c max_connections=60")
                              .arg(m_port)
                              .arg(m_dir.path());
        if (!durable)
            options += QStringLiteral(" -c fsync=off -c synchronous_commit=off");
        if (!runAs({bin + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), m_data,
                    QStringLiteral("-o"), options, QStringLiteral("-l"),
                    m_dir.filePath(QStringLiteral("server.log")), QStringLiteral("-w"),
                    QStringLiteral("start")},
                   why))
            return false;
        m_running = true;
        return runAs({bin + QStringLiteral("/createdb"), QStringLiteral("-h"),
                      QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_port),
                      QStringLiteral("-U"), QStringLiteral("smartpos"), QStringLiteral("smartpos")},
                     why);
    }

    QString url() const
    {
        return QStringLiteral("postgresql://smartpos@127.0.0.1:%1/smartpos").arg(m_port);
    }

    void stop()
    {
        if (!m_running)
            return;
        QString ignored;
        runAs({m_bin + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), m_data,
               QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w"),
               QStringLiteral("stop")},
              &ignored);
        m_running = false;
    }

private:
    static int freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

    bool runAs(QStringList command, QString *why, bool asPostgres = true)
    {
        if (asPostgres && ::geteuid() == 0)
            command = QStringList{QStringLiteral("/usr/sbin/runuser"), QStringLiteral("-u"),
                                  QStringLiteral("postgres"), QStringLiteral("--")}
                      + command;
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.setWorkingDirectory(m_dir.path());
        process.start(command.takeFirst(), command);
        if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit
            || process.exitCode() != 0) {
            *why = QStringLiteral("%1: %2").arg(process.program(),
                                                QString::fromUtf8(process.readAll()));
            return false;
        }
        return true;
    }

    QTemporaryDir m_dir;
    QString m_bin, m_data;
    int m_port = 0;
    bool m_running = false;
};

} // namespace smartpos::testing
