#include "csv.h"

#include <QCoreApplication>

namespace smartpos {

CsvReader::CsvReader(QIODevice *device)
    : m_stream(device)
{
    m_stream.setEncoding(QStringConverter::Utf8);
}

bool CsvReader::readRow(QStringList *fields)
{
    fields->clear();
    m_error.clear();
    QString line;
    if (!m_stream.readLineInto(&line))
        return false;
    m_rowLine = ++m_line;
    QString field;
    bool quoted = false;
    qsizetype i = 0;
    for (;;) {
        if (i == line.size()) {
            if (!quoted)
                break;
            // A quoted field runs on to the next line.
            if (!m_stream.readLineInto(&line)) {
                m_error = QCoreApplication::translate("smartpos::CsvReader",
                                                      "a quoted field is never closed");
                return false;
            }
            ++m_line;
            field += QLatin1Char('\n');
            i = 0;
            continue;
        }
        const QChar c = line[i++];
        if (quoted) {
            if (c == u'"') {
                if (i < line.size() && line[i] == u'"') {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == u'"' && field.isEmpty()) {
            quoted = true;
        } else if (c == u',') {
            fields->append(field);
            field.clear();
        } else if (c != u'\r' || i != line.size()) {
            field += c;
        }
    }
    fields->append(field);
    if (m_rowLine == 1 && !fields->isEmpty() && fields->first().startsWith(QChar(0xfeff)))
        (*fields)[0].remove(0, 1);
    return true;
}

QString csvField(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n'))
        return value;
    QString quoted = value;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

} // namespace smartpos
