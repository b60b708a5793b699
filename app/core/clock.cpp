#include "clock.h"

namespace smartpos {

QDateTime SystemClock::nowUtc() const
{
    return QDateTime::currentDateTimeUtc();
}

} // namespace smartpos
