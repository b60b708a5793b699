#include "csvimport.h"

namespace smartpos {

namespace {

// The characters a text field must not hold; the first one.
std::optional<char32_t> forbiddenCharacter(const QList<uint> &chars)
{
    for (const char32_t c : chars) {
        switch (QChar::category(c)) {
        case QChar::Other_Control:
        case QChar::Other_Format:
        case QChar::Other_Surrogate:
        case QChar::Other_PrivateUse:
        case QChar::Other_NotAssigned:
        case QChar::Separator_Line:
        case QChar::Separator_Paragraph:
            return c;
        default:
            break;
        }
    }
    return std::nullopt;
}

} // namespace

QString textFieldProblem(const QString &column, QStringView value, int maxLength)
{
    const QList<uint> chars = value.toUcs4();
    if (const auto c = forbiddenCharacter(chars))
        return CsvRecords::tr("%1 holds a control or invisible character (U+%2): retype it")
            .arg(column, QString::number(uint(*c), 16).toUpper().rightJustified(4, u'0'));
    if (chars.size() > maxLength)
        return CsvRecords::tr("%1 has %2 characters; at most %3 fit a receipt line")
            .arg(column)
            .arg(chars.size())
            .arg(maxLength);
    return {};
}

CsvRecords::CsvRecords(QIODevice *device, TextEncoding encoding, QString header)
    : m_csv(device, encoding)
    , m_header(std::move(header))
{
}

bool CsvRecords::fail(const QString &reason)
{
    m_error = reason;
    return false;
}

bool CsvRecords::readHeader()
{
    QStringList fields;
    if (m_csv.readRow(&fields) && fields.join(u',') == m_header)
        return true;
    m_line = 1;
    // Bytes that are not text in the encoding say so, rather than "not the header".
    if (!m_csv.error().isEmpty())
        return fail(m_csv.error());
    return fail(tr("the first line must be the header: %1").arg(m_header));
}

bool CsvRecords::next(QStringList *fields)
{
    do {
        const bool read = m_csv.readRow(fields);
        m_line = m_csv.rowLine();
        if (!read)
            return m_csv.error().isEmpty() ? false : fail(m_csv.error());
    } while (fields->size() == 1 && fields->first().trimmed().isEmpty());
    return true;
}

std::optional<ImportFailure> runImport(Database &db, QFile &file, CsvRecords &records, bool dryRun,
                                       const std::function<std::optional<ImportFailure>()> &rows)
{
    if (!file.open(QIODevice::ReadOnly))
        return ImportFailure{
            0, CsvRecords::tr("cannot read %1: %2").arg(file.fileName(), file.errorString())};
    if (!records.readHeader())
        return ImportFailure{records.line(), records.error()};
    if (Status began = db.execScript(QStringLiteral("BEGIN IMMEDIATE")); !began)
        return ImportFailure{0, began.error().message};
    std::optional<ImportFailure> failure = rows();
    if (!failure && !records.error().isEmpty())
        failure = ImportFailure{records.line(), records.error()};
    if (!failure) {
        const Status ended =
            db.execScript(dryRun ? QStringLiteral("ROLLBACK") : QStringLiteral("COMMIT"));
        if (ended)
            return std::nullopt;
        failure = ImportFailure{0, ended.error().message};
    }
    (void)db.execScript(QStringLiteral("ROLLBACK"));
    return failure;
}

} // namespace smartpos
