#pragma once

#include "admincommands.h"

namespace smartpos::admin {

// codes keygen / member / coupon / verify: the demo chain's keys, the member and coupon codes
// made with them, and what a till would decide about a code (docs/codes.md).
QList<Command> codeCommands();

} // namespace smartpos::admin
