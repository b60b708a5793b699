#include "corelog.h"

namespace smartpos {

Q_LOGGING_CATEGORY(lcCore, "smartpos.core")

} // namespace smartpos
