#pragma once

#include "admincommands.h"

namespace smartpos::admin {

// devices list, printer test, scan-image: what a technician runs at a new till, before any
// sale.
QList<Command> deviceCommands();

} // namespace smartpos::admin
