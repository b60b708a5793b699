#pragma once

#include <QStringList>

namespace smartpos::cloud {

// smartpos-cloud's command line (init, serve, admin …) without the program name; returns the
// exit code (0 done, 1 failed, 2 usage). `serve` runs the event loop until the process ends.
int runCloudCli(QStringList args);

} // namespace smartpos::cloud
