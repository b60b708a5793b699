#pragma once

#include <QLoggingCategory>

namespace smartpos {

// The log category of the shop's rules (app/core): qCWarning(lcCore) << ...
// QT_LOGGING_RULES="smartpos.core.debug=false" silences its debug messages.
Q_DECLARE_LOGGING_CATEGORY(lcCore)

} // namespace smartpos
