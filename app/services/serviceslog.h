#pragma once

#include <QLoggingCategory>

namespace smartpos {

// The log category of orchestration (app/services): qCWarning(lcServices) << ...
// QT_LOGGING_RULES="smartpos.services.debug=false" silences its debug messages.
Q_DECLARE_LOGGING_CATEGORY(lcServices)

} // namespace smartpos
