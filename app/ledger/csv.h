#pragma once

#include <QCoreApplication>
#include <QIODevice>
#include <QStringDecoder>
#include <QStringList>

#include <optional>

namespace smartpos {

// The encodings a CSV file may be read in. Excel saves "CSV UTF-8", and "CSV (Comma delimited)"
// on Chinese Windows in code page 936 (GBK), which GB18030 includes.
enum class TextEncoding { Utf8, Gb18030 };

// "utf-8", "utf8", "gb18030", and "gbk", "gb2312", "cp936" (subsets of GB18030), in any case.
std::optional<TextEncoding> textEncodingFromName(QStringView name);

// RFC 4180 reader: comma separated, fields in double quotes may hold commas, quotes ("") and
// line breaks. LF or CRLF: a '\r' is part of the line break only right before it and outside
// quotes. The bytes are decoded line by line in the encoding given, nothing is guessed: one byte
// order mark at the very start of the file is skipped, any other U+FEFF is data, and a line that
// is not valid text in the encoding is refused.
class CsvReader {
    Q_DECLARE_TR_FUNCTIONS(smartpos::CsvReader)

public:
    explicit CsvReader(QIODevice *device, TextEncoding encoding = TextEncoding::Utf8);

    // The next row; false at the end or on a malformed row (then error() says why, and every
    // later call returns false too).
    bool readRow(QStringList *fields);
    // The file line (1-based) on which the row last returned started. After an error: the line
    // the error is on, that is, the line with the bad bytes or the one where the quoted field that
    // is never closed starts.
    qint64 rowLine() const { return m_rowLine; }
    const QString &error() const { return m_error; }

private:
    bool readLine(QString *line);

    QIODevice *m_device;
    TextEncoding m_encoding;
    QStringDecoder m_decoder;
    qint64 m_line = 0;
    qint64 m_rowLine = 0;
    QString m_error;
};

// Quotes a field when it needs it, so that CsvReader reads back exactly the same string.
QString csvField(const QString &value);

} // namespace smartpos
