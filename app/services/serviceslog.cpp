#include "serviceslog.h"

namespace smartpos {

Q_LOGGING_CATEGORY(lcServices, "smartpos.services")

} // namespace smartpos
