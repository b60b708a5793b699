#pragma once

#include <QLoggingCategory>

namespace smartpos {

// The log category of controllers and list models (app/ui): qCWarning(lcUi) << ...
// QT_LOGGING_RULES="smartpos.ui.debug=false" silences its debug messages.
Q_DECLARE_LOGGING_CATEGORY(lcUi)

} // namespace smartpos
