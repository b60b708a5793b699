#pragma once

#include <QLoggingCategory>

namespace smartpos {

// The log category of SQLite persistence (app/ledger): qCWarning(lcLedger) << ...
// QT_LOGGING_RULES="smartpos.ledger.debug=false" silences its debug messages.
Q_DECLARE_LOGGING_CATEGORY(lcLedger)

} // namespace smartpos
