#pragma once

#include <QIODevice>
#include <QStringList>
#include <QTextStream>

namespace smartpos {

// RFC 4180 reader: comma separated, fields in double quotes may hold commas, quotes ("")
// and line breaks. UTF-8, an optional BOM, LF or CRLF.
class CsvReader {
public:
    explicit CsvReader(QIODevice *device);

    // The next row; false at the end or on a malformed row (then error() says why).
    bool readRow(QStringList *fields);
    // The file line on which the row last returned started (1-based).
    qint64 rowLine() const { return m_rowLine; }
    const QString &error() const { return m_error; }

private:
    QTextStream m_stream;
    qint64 m_line = 0;
    qint64 m_rowLine = 0;
    QString m_error;
};

// Quotes a field when it needs it.
QString csvField(const QString &value);

} // namespace smartpos
