#include "ledger/csv.h"

#include <QBuffer>
#include <QTest>

using namespace smartpos;
using namespace Qt::StringLiterals;

using Rows = QList<QStringList>;

namespace {
struct Parsed {
    Rows rows;
    QList<qint64> lines;
    QString error;
};

Parsed parse(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    Parsed parsed;
    QStringList fields;
    while (reader.readRow(&fields)) {
        parsed.rows << fields;
        parsed.lines << reader.rowLine();
    }
    parsed.error = reader.error();
    return parsed;
}
} // namespace

class TestCsvReader : public QObject {
    Q_OBJECT

private slots:
    void read_data();
    void read();
    void unclosedQuote();
    void csvFieldRoundTrip_data();
    void csvFieldRoundTrip();
};

void TestCsvReader::read_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<Rows>("rows");
    QTest::addColumn<QList<qint64>>("lines");

    QTest::newRow("plain LF") << "a,b,c\n1,2,3\n"_ba
                              << Rows{{u"a"_s, u"b"_s, u"c"_s}, {u"1"_s, u"2"_s, u"3"_s}}
                              << QList<qint64>{1, 2};
    QTest::newRow("no final newline") << "a,b\n1,2"_ba
                                      << Rows{{u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}}
                                      << QList<qint64>{1, 2};
    QTest::newRow("CRLF") << "a,b\r\n1,2\r\n"_ba << Rows{{u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}}
                          << QList<qint64>{1, 2};
    QTest::newRow("CRLF after quoted field") << "\"a\",\"b\"\r\n1,2\r\n"_ba
                                             << Rows{{u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}}
                                             << QList<qint64>{1, 2};
    QTest::newRow("BOM") << "\xEF\xBB\xBFsku,name\nA1,x\n"_ba
                         << Rows{{u"sku"_s, u"name"_s}, {u"A1"_s, u"x"_s}}
                         << QList<qint64>{1, 2};
    QTest::newRow("BOM and CRLF") << "\xEF\xBB\xBFsku,name\r\nA1,x\r\n"_ba
                                  << Rows{{u"sku"_s, u"name"_s}, {u"A1"_s, u"x"_s}}
                                  << QList<qint64>{1, 2};
    QTest::newRow("quoted comma") << "1,\"Synear Dumplings, Three Delicacies\",3\n"_ba
                                  << Rows{{u"1"_s, u"Synear Dumplings, Three Delicacies"_s,
                                           u"3"_s}}
                                  << QList<qint64>{1};
    QTest::newRow("doubled quotes") << "\"say \"\"hi\"\"\",\"\"\"\"\n"_ba
                                    << Rows{{u"say \"hi\""_s, u"\""_s}} << QList<qint64>{1};
    QTest::newRow("empty quoted field") << "\"\",x\n"_ba << Rows{{QString(), u"x"_s}}
                                        << QList<qint64>{1};
    QTest::newRow("embedded newline") << "a,\"line 1\nline 2\",c\nnext,row,here\n"_ba
                                      << Rows{{u"a"_s, u"line 1\nline 2"_s, u"c"_s},
                                              {u"next"_s, u"row"_s, u"here"_s}}
                                      << QList<qint64>{1, 3};
    QTest::newRow("embedded CRLF in CRLF file")
        << "a,\"line 1\r\nline 2\r\nline 3\"\r\nb,c\r\n"_ba
        << Rows{{u"a"_s, u"line 1\nline 2\nline 3"_s}, {u"b"_s, u"c"_s}}
        << QList<qint64>{1, 4};
    QTest::newRow("embedded blank line") << "\"x\n\ny\",z\n"_ba
                                         << Rows{{u"x\n\ny"_s, u"z"_s}} << QList<qint64>{1};
    QTest::newRow("empty fields") << ",,\na,,b\n"_ba
                                  << Rows{{QString(), QString(), QString()},
                                          {u"a"_s, QString(), u"b"_s}}
                                  << QList<qint64>{1, 2};
    QTest::newRow("trailing comma") << "a,b,\n"_ba << Rows{{u"a"_s, u"b"_s, QString()}}
                                    << QList<qint64>{1};
    QTest::newRow("blank line is one empty field") << "a\n\nb\n"_ba
                                                   << Rows{{u"a"_s}, {QString()}, {u"b"_s}}
                                                   << QList<qint64>{1, 2, 3};
    QTest::newRow("UTF-8 Chinese") << "DR0001,可口可乐 330ml 罐装\n"_ba
                                   << Rows{{u"DR0001"_s, u"可口可乐 330ml 罐装"_s}}
                                   << QList<qint64>{1};
    QTest::newRow("spaces kept") << " a , b \n"_ba << Rows{{u" a "_s, u" b "_s}}
                                 << QList<qint64>{1};
    QTest::newRow("empty input") << QByteArray() << Rows{} << QList<qint64>{};
}

void TestCsvReader::read()
{
    QFETCH(QByteArray, bytes);
    QFETCH(Rows, rows);
    QFETCH(QList<qint64>, lines);
    const Parsed parsed = parse(bytes);
    QCOMPARE(parsed.error, QString());
    QCOMPARE(parsed.rows, rows);
    QCOMPARE(parsed.lines, lines);
}

void TestCsvReader::unclosedQuote()
{
    const Parsed parsed = parse("a,b\n1,\"never closed\n2,3\n"_ba);
    QCOMPARE(parsed.rows, (Rows{{u"a"_s, u"b"_s}}));
    QVERIFY(!parsed.error.isEmpty());
    QVERIFY2(parsed.error.contains(u"quote"_s), qPrintable(parsed.error));

    // rowLine() names the line where the bad row started.
    QBuffer buffer;
    buffer.setData("h\nok\n\"bad\n"_ba);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    QStringList fields;
    QVERIFY(reader.readRow(&fields));
    QVERIFY(reader.readRow(&fields));
    QVERIFY(!reader.readRow(&fields));
    QCOMPARE(reader.rowLine(), 3);
    QVERIFY(!reader.error().isEmpty());
}

void TestCsvReader::csvFieldRoundTrip_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("quoted");
    QTest::newRow("plain") << u"Coca-Cola 500ml"_s << false;
    QTest::newRow("Chinese") << u"可口可乐"_s << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("comma") << u"Synear Dumplings, Three Delicacies"_s << true;
    QTest::newRow("quote") << u"12\" pizza"_s << true;
    QTest::newRow("newline") << u"two\nlines"_s << true;
    QTest::newRow("everything") << u"a,\"b\"\nc"_s << true;
}

void TestCsvReader::csvFieldRoundTrip()
{
    QFETCH(QString, value);
    QFETCH(bool, quoted);
    const QString field = csvField(value);
    QCOMPARE(field.startsWith(u'"'), quoted);
    if (!quoted)
        QCOMPARE(field, value);
    const QString line = u"x,"_s + field + u",y\n"_s;
    const Parsed parsed = parse(line.toUtf8());
    QCOMPARE(parsed.error, QString());
    QCOMPARE(parsed.rows, (Rows{{u"x"_s, value, u"y"_s}}));
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
