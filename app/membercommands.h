#pragma once

#include "admincommands.h"

namespace smartpos::admin {

// members import / count / find: the chain's member directory in members.db
// (docs/operations.md, "Members").
QList<Command> memberCommands();

} // namespace smartpos::admin
