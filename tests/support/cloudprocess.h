#pragma once

// The real smartpos-cloud as the sync tests run it: `init` into a config folder, `serve` on a free
// loopback port (the first line it prints names it), `admin` commands, and a stop that leaves
// nothing running.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace smartpos::testing {

struct CloudRun {
    int exitCode = -1; // -1: it did not finish within a minute
    QString out, err;
    QString lastLine() const { return out.trimmed().split(u'\n').last(); }
};

class CloudProcess {
public:
    // `config` holds the certificate (made on first use); `db` is a file or a postgresql:// URL.
    CloudProcess(QString config, QString db)
        : m_config(std::move(config))
        , m_db(std::move(db))
    {
    }
    ~CloudProcess() { stop(); }

    static QString binary() { return QStringLiteral(SMARTPOS_BIN_DIR "/smartpos-cloud"); }

    static CloudRun run(const QStringList &args)
    {
        QProcess process;
        process.start(binary(), args);
        CloudRun result;
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            return result;
        }
        result.exitCode = process.exitCode();
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    CloudRun admin(const QStringList &args) const
    {
        return run(QStringList{QStringLiteral("admin"), QStringLiteral("--config"), m_config,
                               QStringLiteral("--db"), m_db}
                   + args);
    }

    // A fresh pairing code for a till of `store`.
    QString pairingCode(const QString &store) const
    {
        const CloudRun pair = admin({QStringLiteral("pair"), QStringLiteral("--store"), store});
        return pair.exitCode == 0 ? pair.lastLine() : QString();
    }

    // Starts serving; false with the reason in `why`.
    bool start(QString *why)
    {
        if (!QFile::exists(QDir(m_config).filePath(QStringLiteral("certificate.pem")))) {
            const CloudRun init =
                run({QStringLiteral("init"), QStringLiteral("--config"), m_config});
            if (init.exitCode != 0) {
                *why = QStringLiteral("init: ") + init.err;
                return false;
            }
        }
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(binary(), {QStringLiteral("serve"), QStringLiteral("--config"), m_config,
                                   QStringLiteral("--db"), m_db, QStringLiteral("--listen"),
                                   QStringLiteral("127.0.0.1:0")});
        while (!m_process.canReadLine()) {
            if (!m_process.waitForReadyRead(30000)) {
                *why = QStringLiteral("serve printed nothing: ")
                       + QString::fromUtf8(m_process.readAllStandardError());
                stop();
                return false;
            }
        }
        const QString first = QString::fromUtf8(m_process.readLine()).trimmed();
        const QString prefix = QStringLiteral("listening on ");
        if (!first.startsWith(prefix)) {
            *why = QStringLiteral("first line: ") + first;
            stop();
            return false;
        }
        m_url = QUrl(first.mid(prefix.size()));
        return true;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.kill();
        m_process.waitForFinished();
    }

    QUrl url() const { return m_url; }
    QString config() const { return m_config; }
    QString db() const { return m_db; }
    QSslCertificate certificate() const
    {
        QFile file(QDir(m_config).filePath(QStringLiteral("certificate.pem")));
        file.open(QIODevice::ReadOnly);
        return QSslCertificate(file.readAll(), QSsl::Pem);
    }
    qint64 pid() const { return m_process.processId(); }

private:
    QString m_config, m_db;
    QProcess m_process;
    QUrl m_url;
};

} // namespace smartpos::testing
