#pragma once
// What every fuzz target shares: a check that aborts with a message (libFuzzer then saves the
// input as crash-<sha1>), and the switch for the known findings that are not fixed yet.

#include <QByteArray>
#include <QString>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace smartpos::fuzz {

[[noreturn]] inline void failed(const char *file, int line, const char *condition,
                                const QString &detail)
{
    std::fprintf(stderr, "\n==FUZZ CHECK FAILED== %s:%d: %s\n  %s\n", file, line, condition,
                 detail.toUtf8().constData());
    std::fflush(stderr);
    std::abort();
}

// Known findings in code the fuzz targets do not own are tolerated (the input is skipped, not
// reported) so CI stays green until they are fixed; SMARTPOS_FUZZ_STRICT=1 checks them too.
// Each tolerance names its finding in docs/fuzzing.md ("Known findings"); remove it with the fix.
inline bool strict()
{
    static const bool value = [] {
        const char *env = std::getenv("SMARTPOS_FUZZ_STRICT");
        return env && std::strcmp(env, "0") != 0 && *env;
    }();
    return value;
}

// Printable form of text for a failure message: C escapes for anything not printable ASCII.
inline QString quoted(QByteArrayView bytes)
{
    QString out = QStringLiteral("\"");
    for (const char c : bytes) {
        const uchar u = uchar(c);
        if (u >= 0x20 && u < 0x7f && c != '"' && c != '\\')
            out += QLatin1Char(c);
        else
            out += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
    }
    return out + QLatin1Char('"');
}
inline QString quotedText(const QString &text) { return quoted(QByteArrayView(text.toUtf8())); }

} // namespace smartpos::fuzz

#define FUZZ_CHECK(condition, detail)                                                            \
    do {                                                                                         \
        if (!(condition))                                                                        \
            ::smartpos::fuzz::failed(__FILE__, __LINE__, #condition, (detail));                  \
    } while (false)
