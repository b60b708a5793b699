#include "ledgerlog.h"

namespace smartpos {

Q_LOGGING_CATEGORY(lcLedger, "smartpos.ledger")

} // namespace smartpos
