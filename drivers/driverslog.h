#pragma once

#include <QLoggingCategory>

namespace smartpos {

// The log category of devices and codes (drivers/): qCWarning(lcDrivers) << ...
// QT_LOGGING_RULES="smartpos.drivers.debug=false" silences its debug messages.
Q_DECLARE_LOGGING_CATEGORY(lcDrivers)

} // namespace smartpos
