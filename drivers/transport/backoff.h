#pragma once

#include <algorithm>

namespace smartpos::devices {

// How long a device link waits before its next attempt to connect: 0.5 s after a success (or
// reset()), doubling with every failed attempt up to 5 s.
class Backoff {
public:
    static constexpr int firstMs = 500;
    static constexpr int maxMs = 5000;

    int next()
    {
        const int ms = m_ms;
        m_ms = std::min(2 * m_ms, maxMs);
        return ms;
    }
    void reset() { m_ms = firstMs; }

private:
    int m_ms = firstMs;
};

} // namespace smartpos::devices
