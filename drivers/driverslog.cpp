#include "driverslog.h"

namespace smartpos {

Q_LOGGING_CATEGORY(lcDrivers, "smartpos.drivers")

} // namespace smartpos
