#include "datadirlock.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace smartpos {

DataDirLock::~DataDirLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // releases the lock; the file stays for the next holder
}

Status DataDirLock::acquire(const QString &dataDir)
{
    const QString path = QDir(dataDir).filePath(QStringLiteral("smartpos.lock"));
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return Error{ErrorCode::Storage,
                     tr("Cannot create the lock file in %1. Check that the folder is writable.")
                         .arg(dataDir)};
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int reason = errno;
        char holder[64] = {};
        const ssize_t read = ::pread(fd, holder, sizeof holder - 1, 0);
        ::close(fd);
        if (reason != EWOULDBLOCK)
            return Error{ErrorCode::Storage, tr("Cannot lock the data folder %1.").arg(dataDir)};
        return Error{ErrorCode::Locked,
                     tr("Another SmartPOS (%1) is using the data folder %2. Close it first: two "
                        "tills on one ledger would corrupt the sequence of sales.")
                         .arg(read > 0 ? QString::fromUtf8(holder).trimmed() : QStringLiteral("?"),
                              dataDir)};
    }
    // Who holds it, for the message a second one gets; the lock itself is the flock.
    const QByteArray who = QCoreApplication::applicationName().toUtf8() + ", process "
                           + QByteArray::number(qint64(::getpid())) + '\n';
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, who.constData(), size_t(who.size()), 0) < 0) {
        // Only the message is lost; the lock holds.
    }
    m_fd = fd;
    return {};
}

} // namespace smartpos
