// file:///dev/usb/lp0 (or any existing file): written with plain POSIX calls on the worker
// thread. Non-blocking writes with poll() keep each wait short, so a printer that stops taking
// data never holds the thread for long.
#include "printerlink_p.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>

#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace smartpos::devices {

namespace {

class FileWorker final : public DeviceWorker {
public:
    explicit FileWorker(const QString &path)
        : m_path(path)
    {
        // Unplugging a USB printer removes /dev/usb/lp0: noticed at once, not at the next job.
        connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] {
            if (m_fd >= 0 && !stillThere())
                lose(goneMessage());
        });
    }
    ~FileWorker() override { closeDevice(); }

    void openDevice() override
    {
        closeDevice();
        // Writing to a FIFO whose reader has gone raises SIGPIPE, which would end the program:
        // this thread gets EPIPE instead.
        sigset_t brokenPipe;
        sigemptyset(&brokenPipe);
        sigaddset(&brokenPipe, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &brokenPipe, nullptr);
        // Never created: a missing /dev/usb/lp0 means the printer is unplugged, and a regular
        // file written there instead would swallow the receipts.
        const int fd = ::open(QFile::encodeName(m_path).constData(),
                              O_WRONLY | O_APPEND | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
        struct stat info;
        if (fd < 0 || ::fstat(fd, &info) != 0) {
            const int error = errno;
            if (fd >= 0)
                ::close(fd);
            emit openFailed(m_session, openMessage(error));
            return;
        }
        m_fd = fd;
        m_device = info.st_dev;
        m_inode = info.st_ino;
        m_regular = S_ISREG(info.st_mode);
        m_fifo = S_ISFIFO(info.st_mode);
        m_watcher.addPath(m_path);
        emit opened(m_session);
    }

    void closeDevice() override
    {
        if (m_fd < 0)
            return;
        m_watcher.removePaths(m_watcher.files());
        ::close(std::exchange(m_fd, -1));
    }

    void writeBytes(const QByteArray &bytes) override
    {
        if (m_fd < 0) // lost since the job was posted, and reported
            return;
        if (!stillThere())
            return lose(goneMessage());
        qsizetype done = 0;
        while (done < bytes.size()) {
            if (!live())
                return;
            const ssize_t n = ::write(m_fd, bytes.constData() + done, size_t(bytes.size() - done));
            if (n > 0) {
                done += n;
                emit progressed(m_session);
            } else if (n < 0 && errno == EINTR) {
                continue;
            } else if (n < 0 && errno != EAGAIN) {
                return lose(writeMessage(errno));
            } else if (!waitWritable()) { // full for now
                return;
            }
        }
        // A regular file holds the job once it is on the disk. usblp takes a write into its
        // buffer and hands it on to the printer: it is writable again once the printer took it.
        if (m_regular && ::fdatasync(m_fd) != 0)
            return lose(writeMessage(errno));
        if (!m_regular) {
            const short events = waitWritable();
            if (!events)
                return;
            if (events & (POLLERR | POLLHUP | POLLNVAL))
                return lose(writeMessage(EIO));
        }
        // A FIFO polls writable while its pipe still holds most of the job: the reader has it
        // only once the pipe is empty.
        if (m_fifo && !waitDrained())
            return;
        emit written(m_session);
    }

private:
    // The path still names the file that is open (not removed, not replaced by a new one).
    bool stillThere() const
    {
        struct stat info;
        return ::stat(QFile::encodeName(m_path).constData(), &info) == 0 && info.st_dev == m_device
               && info.st_ino == m_inode;
    }

    // The poll() events once the device takes data again or fails (the next write() tells
    // how); 0 when the session ended first.
    short waitWritable()
    {
        while (live()) {
            pollfd device{m_fd, POLLOUT, 0};
            const int ready = ::poll(&device, 1, sliceMs);
            if (ready > 0)
                return device.revents;
            if (ready < 0 && errno != EINTR)
                return POLLERR;
        }
        return 0;
    }

    // Until the reader took every byte in the pipe (nothing signals that, so it is polled);
    // false when the reader went (lost) or the session ended first.
    bool waitDrained()
    {
        int left = -1;
        while (live()) {
            int queued = 0;
            if (::ioctl(m_fd, FIONREAD, &queued) != 0) {
                lose(writeMessage(errno));
                return false;
            }
            if (queued == 0)
                return true;
            if (left != queued) // the reader moves on: not a stall
                emit progressed(m_session);
            left = queued;
            pollfd device{m_fd, 0, 0}; // POLLERR once the reader closed its end
            if (::poll(&device, 1, 10) > 0 && (device.revents & (POLLERR | POLLHUP | POLLNVAL))) {
                lose(writeMessage(EIO));
                return false;
            }
        }
        return false;
    }

    void lose(const QString &message)
    {
        closeDevice();
        emit lost(m_session, message);
    }

    QString goneMessage() const
    {
        return QCoreApplication::translate("smartpos::PrinterLink",
                                           "%1 is gone: was the printer unplugged?")
            .arg(m_path);
    }

    QString openMessage(int error) const
    {
        const QString folder = QFileInfo(m_path).path();
        switch (error) {
        case ENOENT:
            if (!QFileInfo(folder).isDir())
                return QCoreApplication::translate("smartpos::PrinterLink",
                                                   "Cannot open %1: the folder %2 does not exist")
                    .arg(m_path, folder);
            return QCoreApplication::translate("smartpos::PrinterLink",
                                               "%1 does not exist: is the printer plugged in and "
                                               "switched on?")
                .arg(m_path);
        case EISDIR:
            return QCoreApplication::translate("smartpos::PrinterLink",
                                               "%1 is a folder, not a printer")
                .arg(m_path);
        case EACCES:
        case EPERM:
        case EROFS:
            return QCoreApplication::translate("smartpos::PrinterLink",
                                               "Permission denied on %1: add the user to the lp "
                                               "group, see docs/hardware.md")
                .arg(m_path);
        case ENXIO:
        case ENODEV:
            return QCoreApplication::translate("smartpos::PrinterLink",
                                               "No printer answers at %1: is it plugged in and "
                                               "switched on?")
                .arg(m_path);
        default:
            return QCoreApplication::translate("smartpos::PrinterLink", "Cannot open %1: %2")
                .arg(m_path, qt_error_string(error));
        }
    }

    QString writeMessage(int error) const
    {
        switch (error) {
        case EIO:
        case ENODEV:
        case ENXIO:
            return QCoreApplication::translate("smartpos::PrinterLink",
                                               "The printer at %1 stopped answering: was it "
                                               "unplugged or switched off?")
                .arg(m_path);
        case ENOSPC:
        case EDQUOT:
            return QCoreApplication::translate("smartpos::PrinterLink",
                                               "Cannot write to %1: the disk is full")
                .arg(m_path);
        default:
            return QCoreApplication::translate("smartpos::PrinterLink", "Cannot write to %1: %2")
                .arg(m_path, qt_error_string(error));
        }
    }

    const QString m_path;
    QFileSystemWatcher m_watcher{this};
    int m_fd = -1;
    dev_t m_device = 0;
    ino_t m_inode = 0;
    bool m_regular = false;
    bool m_fifo = false;
};

} // namespace

std::unique_ptr<DeviceWorker> makeFileWorker(const PrinterUri &address)
{
    return std::make_unique<FileWorker>(address.path);
}

} // namespace smartpos::devices
