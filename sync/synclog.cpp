#include "synclog.h"

namespace smartpos {

Q_LOGGING_CATEGORY(lcSync, "smartpos.sync")

} // namespace smartpos
