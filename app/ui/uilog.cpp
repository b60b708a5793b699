#include "uilog.h"

namespace smartpos {

Q_LOGGING_CATEGORY(lcUi, "smartpos.ui")

} // namespace smartpos
