#pragma once

// The real smartpos-admin as an end-to-end test runs it: a child process on a data folder, its
// exit code and both outputs.

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace smartpos::testing {

struct AdminRun {
    int exitCode = -1; // -1: it did not finish within a minute
    QString out;
    QString err;
    // What a command printed alone on its last line (a code, a count).
    QString lastLine() const { return out.trimmed().split(u'\n').last(); }
};

// smartpos-admin --data-dir DATADIR ARGS…, in `environment` (default: this process's).
inline AdminRun
runAdmin(const QString &dataDir, const QStringList &args,
         const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SMARTPOS_BIN_DIR "/smartpos-admin"),
                  QStringList{QStringLiteral("--data-dir"), dataDir} + args);
    AdminRun run;
    if (!process.waitForFinished(60000))
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace smartpos::testing
