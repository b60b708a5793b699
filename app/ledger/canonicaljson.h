#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace smartpos {

// The canonical JSON of the journal: compact, keys in byte order at every level, integers only
// (fen, grams, basis points), strings UTF-8 with the minimal escapes. The writer appends straight
// into one buffer (it runs inside every commit); the reader accepts exactly what the writer
// produces and nothing else, so a payload that was edited into other bytes fails to read.
class CanonicalWriter {
public:
    explicit CanonicalWriter(QByteArray &out)
        : m_out(out)
    {
    }

    CanonicalWriter &key(const char *name);
    void value(qint64 number);
    void value(const QString &text);
    // A value that is canonical JSON already (e.g. a stored payload), copied as it is.
    void rawValue(QByteArrayView json);
    void open(char bracket);
    void close(char bracket);

private:
    void separate();
    QByteArray &m_out;
    bool m_needComma = false;
};

// A string as it stands in the payload: still escaped when `escaped` says so.
struct CanonicalText {
    QByteArrayView raw;
    bool escaped = false;

    QString toString() const;
    // Compares with plain UTF-8 (e.g. a column), decoding escapes only when there are any.
    bool equals(QByteArrayView utf8) const;
};

class CanonicalReader {
public:
    explicit CanonicalReader(QByteArrayView bytes)
        : m_in(bytes)
    {
    }

    // Each returns false (and stays failed) when the bytes are not what the format requires.
    bool key(const char *name);
    // True when the next key is `name` (without consuming it); lets one reader handle an
    // older payload version that lacks a key.
    bool nextKeyIs(const char *name) const;
    bool integer(qint64 *out);
    bool text(CanonicalText *out);
    bool open(char bracket);
    bool close(char bracket);
    // True when the array just opened has another element (consumes the comma between them).
    bool more(char closing);
    bool atEnd() const { return m_ok && m_pos == m_in.size(); }
    bool ok() const { return m_ok; }

private:
    bool fail() { return m_ok = false; }
    bool separate();
    QByteArrayView m_in;
    qsizetype m_pos = 0;
    bool m_ok = true;
    bool m_needComma = false;
};

} // namespace smartpos
