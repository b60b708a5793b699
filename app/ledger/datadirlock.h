#pragma once

#include "core/result.h"

#include <QCoreApplication>

namespace smartpos {

// One writing process per data folder: the till, or an admin command that writes. A second one
// is refused with a message that names the holder. The lock is the kernel's (flock on
// smartpos.lock, a file that stays in place), so it dies with its process whatever kills it,
// and a half-written lock file can never keep a till out.
class DataDirLock {
    Q_DECLARE_TR_FUNCTIONS(smartpos::DataDirLock)

public:
    DataDirLock() = default;
    ~DataDirLock();
    DataDirLock(const DataDirLock &) = delete;
    DataDirLock &operator=(const DataDirLock &) = delete;

    Status acquire(const QString &dataDir);
    bool isHeld() const { return m_fd >= 0; }

private:
    int m_fd = -1;
};

} // namespace smartpos
