#include "printjob.h"

namespace smartpos::sim {

int TextRun::cellCount() const
{
    return int(text.toUcs4().size());
}

int PrintBlock::width() const
{
    if (kind == Text) {
        int sum = 0;
        for (const TextRun &run : runs)
            sum += run.width();
        return sum;
    }
    return bitmap.width * scaleX;
}

int PrintJob::height() const
{
    int sum = 0;
    for (const PrintBlock &block : blocks)
        sum += block.height;
    return sum;
}

} // namespace smartpos::sim
