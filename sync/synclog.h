#pragma once

#include <QLoggingCategory>

namespace smartpos {

// The log category of the sync protocol and client (sync/): qCWarning(lcSync) << ...
// QT_LOGGING_RULES="smartpos.sync.debug=false" silences its debug messages.
Q_DECLARE_LOGGING_CATEGORY(lcSync)

} // namespace smartpos
