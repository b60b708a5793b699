#pragma once
// What every fuzz target shares: a check that aborts with a message (libFuzzer then saves the
// input as crash-<sha1>), and the switch for the known findings that are not fixed yet.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

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
inline QString quotedText(const QString &text)
{
    return quoted(QByteArrayView(text.toUtf8()));
}

// 1 or more digits 0-9 and nothing else (a reference independent of the code under test).
inline bool isAsciiDigits(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text)
        if (c < u'0' || c > u'9')
            return false;
    return true;
}

// Well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
inline bool validUtf8(QByteArrayView bytes)
{
    qsizetype i = 0;
    while (i < bytes.size()) {
        const uchar c = uchar(bytes[i]);
        int extra = 0;
        char32_t min = 0, cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            extra = 1, min = 0x80, cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            extra = 2, min = 0x800, cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            extra = 3, min = 0x10000, cp = c & 0x07;
        } else {
            return false;
        }
        if (bytes.size() - i <= extra)
            return false;
        for (int k = 1; k <= extra; ++k) {
            const uchar d = uchar(bytes[i + k]);
            if ((d & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (d & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        i += extra + 1;
    }
    return true;
}

} // namespace smartpos::fuzz

#define FUZZ_CHECK(condition, detail)                                                              \
    do {                                                                                           \
        if (!(condition))                                                                          \
            ::smartpos::fuzz::failed(__FILE__, __LINE__, #condition, (detail));                    \
    } while (false)
