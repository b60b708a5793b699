#pragma once

#include "admincommands.h"

namespace smartpos::admin {

// enroll, sync status / now / set-url: the till and the chain's cloud (docs/sync-protocol.md).
QList<Command> syncCommands();

} // namespace smartpos::admin
