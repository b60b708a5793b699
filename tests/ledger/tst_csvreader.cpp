#include "ledger/csv.h"

#include <QBuffer>
#include <QFile>
#include <QTest>

using namespace smartpos;
using namespace Qt::StringLiterals;

using Rows = QList<QStringList>;

namespace {
struct Parsed {
    Rows rows;
    QList<qint64> lines;
    QString error;
    qint64 errorLine = 0;
    bool readsOn = false; // readRow() returned true again after its first false
};

Parsed parse(QIODevice *device, TextEncoding encoding)
{
    CsvReader reader(device, encoding);
    Parsed parsed;
    QStringList fields;
    while (reader.readRow(&fields)) {
        parsed.rows << fields;
        parsed.lines << reader.rowLine();
    }
    parsed.error = reader.error();
    parsed.errorLine = reader.rowLine();
    parsed.readsOn = reader.readRow(&fields) || reader.error() != parsed.error;
    return parsed;
}

Parsed parse(const QByteArray &bytes, TextEncoding encoding = TextEncoding::Utf8)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return parse(&buffer, encoding);
}

Parsed parseFixture(const char *name, TextEncoding encoding)
{
    QFile file(QStringLiteral(SMARTPOS_SOURCE_DIR "/tests/fixtures/") + QLatin1StringView(name));
    if (!file.open(QIODevice::ReadOnly))
        return Parsed{{}, {}, file.errorString()};
    return parse(&file, encoding);
}

// Distinctive parts of the messages (the source text: no translator is loaded).
const QString gbHint = u"it looks like GB18030/GBK"_s;
const QString notUtf8 = u"is not UTF-8 text: save the file as UTF-8"_s;
const QString utf8NotGb = u"is UTF-8 text, not GB18030"_s;
const QString notGb = u"is not GB18030/GBK text"_s;
} // namespace

class TestCsvReader : public QObject {
    Q_OBJECT

private slots:
    void read_data();
    void read();
    void refused_data();
    void refused();
    void unclosedQuote();
    void gb18030Fixture();
    void encodingNames_data();
    void encodingNames();
    void csvFieldRoundTrip_data();
    void csvFieldRoundTrip();
};

void TestCsvReader::read_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<TextEncoding>("encoding");
    QTest::addColumn<Rows>("rows");
    QTest::addColumn<QList<qint64>>("lines");

    const auto utf8 = [](const char *name, const QByteArray &bytes) -> QTestData & {
        return QTest::newRow(name) << bytes << TextEncoding::Utf8;
    };
    utf8("plain LF", "a,b,c\n1,2,3\n"_ba)
        << Rows{{u"a"_s, u"b"_s, u"c"_s}, {u"1"_s, u"2"_s, u"3"_s}} << QList<qint64>{1, 2};
    utf8("no final newline", "a,b\n1,2"_ba)
        << Rows{{u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}} << QList<qint64>{1, 2};
    utf8("CRLF", "a,b\r\n1,2\r\n"_ba)
        << Rows{{u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}} << QList<qint64>{1, 2};
    utf8("CRLF after quoted field", "\"a\",\"b\"\r\n1,2\r\n"_ba)
        << Rows{{u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}} << QList<qint64>{1, 2};
    utf8("CRLF blank line", "a\r\n\r\nb\r\n"_ba)
        << Rows{{u"a"_s}, {QString()}, {u"b"_s}} << QList<qint64>{1, 2, 3};
    utf8("CR before the end of the file", "a,b\r"_ba) << Rows{{u"a"_s, u"b"_s}} << QList<qint64>{1};
    // F3 in docs/fuzzing.md: inside quotes a '\r' is data, also right before the line break.
    utf8("CR at the end of a quoted field", "\"a\r\"\nb\n"_ba)
        << Rows{{u"a\r"_s}, {u"b"_s}} << QList<qint64>{1, 2};
    utf8("CR at the end of a quoted field, CRLF", "\"a\r\"\r\nb\r\n"_ba)
        << Rows{{u"a\r"_s}, {u"b"_s}} << QList<qint64>{1, 2};
    utf8("CR inside an unquoted field", "a\rb,c\n"_ba)
        << Rows{{u"a\rb"_s, u"c"_s}} << QList<qint64>{1};
    utf8("two CRs before LF", "a\r\r\n"_ba) << Rows{{u"a\r"_s}} << QList<qint64>{1};
    utf8("BOM", "\xEF\xBB\xBFsku,name\nA1,x\n"_ba)
        << Rows{{u"sku"_s, u"name"_s}, {u"A1"_s, u"x"_s}} << QList<qint64>{1, 2};
    utf8("BOM and CRLF", "\xEF\xBB\xBFsku,name\r\nA1,x\r\n"_ba)
        << Rows{{u"sku"_s, u"name"_s}, {u"A1"_s, u"x"_s}} << QList<qint64>{1, 2};
    // F8: only the first byte order mark of the file is one; any other U+FEFF is data.
    utf8("BOM then U+FEFF", "\xEF\xBB\xBF\xEF\xBB\xBF"
                            "a\n"_ba)
        << Rows{{u"\uFEFFa"_s}} << QList<qint64>{1};
    utf8("U+FEFF inside quotes on line 1", "\"\xEF\xBB\xBF\xEF\xBB\xBF,1\",2\n"_ba)
        << Rows{{u"\uFEFF\uFEFF,1"_s, u"2"_s}} << QList<qint64>{1};
    utf8("BOM then U+FEFF inside quotes", "\xEF\xBB\xBF\"\xEF\xBB\xBF\"\n"_ba)
        << Rows{{u"\uFEFF"_s}} << QList<qint64>{1};
    utf8("U+FEFF starting line 2", "a\n\xEF\xBB\xBF"
                                   "b\n"_ba)
        << Rows{{u"a"_s}, {u"\uFEFFb"_s}} << QList<qint64>{1, 2};
    utf8("quoted comma", "1,\"Synear Dumplings, Three Delicacies\",3\n"_ba)
        << Rows{{u"1"_s, u"Synear Dumplings, Three Delicacies"_s, u"3"_s}} << QList<qint64>{1};
    utf8("doubled quotes", "\"say \"\"hi\"\"\",\"\"\"\"\n"_ba)
        << Rows{{u"say \"hi\""_s, u"\""_s}} << QList<qint64>{1};
    utf8("empty quoted field", "\"\",x\n"_ba) << Rows{{QString(), u"x"_s}} << QList<qint64>{1};
    utf8("embedded newline", "a,\"line 1\nline 2\",c\nnext,row,here\n"_ba)
        << Rows{{u"a"_s, u"line 1\nline 2"_s, u"c"_s}, {u"next"_s, u"row"_s, u"here"_s}}
        << QList<qint64>{1, 3};
    utf8("embedded CRLF in CRLF file", "a,\"line 1\r\nline 2\r\nline 3\"\r\nb,c\r\n"_ba)
        << Rows{{u"a"_s, u"line 1\r\nline 2\r\nline 3"_s}, {u"b"_s, u"c"_s}} << QList<qint64>{1, 4};
    utf8("embedded blank line", "\"x\n\ny\",z\n"_ba)
        << Rows{{u"x\n\ny"_s, u"z"_s}} << QList<qint64>{1};
    utf8("empty fields", ",,\na,,b\n"_ba)
        << Rows{{QString(), QString(), QString()}, {u"a"_s, QString(), u"b"_s}}
        << QList<qint64>{1, 2};
    utf8("trailing comma", "a,b,\n"_ba) << Rows{{u"a"_s, u"b"_s, QString()}} << QList<qint64>{1};
    utf8("blank line is one empty field", "a\n\nb\n"_ba)
        << Rows{{u"a"_s}, {QString()}, {u"b"_s}} << QList<qint64>{1, 2, 3};
    utf8("UTF-8 Chinese", "DR0001,可口可乐 330ml 罐装\n"_ba)
        << Rows{{u"DR0001"_s, u"可口可乐 330ml 罐装"_s}} << QList<qint64>{1};
    utf8("four-byte UTF-8", "\xF0\xA0\x80\x87\n"_ba) << Rows{{u"\U00020007"_s}} << QList<qint64>{1};
    utf8("NUL is data", QByteArray("a\0b,c\n", 6)) << Rows{{u"a\0b"_s, u"c"_s}} << QList<qint64>{1};
    utf8("spaces kept", " a , b \n"_ba) << Rows{{u" a "_s, u" b "_s}} << QList<qint64>{1};
    utf8("empty input", QByteArray()) << Rows{} << QList<qint64>{};

    const auto gb = [](const char *name, const QByteArray &bytes) -> QTestData & {
        return QTest::newRow(name) << bytes << TextEncoding::Gb18030;
    };
    gb("GB18030 Chinese", "sku,name\r\nW1,\xC5\xA9\xB7\xF2\xC9\xBD\xC8\xAA\r\n"_ba)
        << Rows{{u"sku"_s, u"name"_s}, {u"W1"_s, u"农夫山泉"_s}} << QList<qint64>{1, 2};
    gb("GB18030 four-byte sequences", "\x81\x30\x81\x30,\x95\x32\x83\x33\n"_ba)
        << Rows{{u"\u0080"_s, u"\U00020007"_s}} << QList<qint64>{1};
    gb("GB18030 BOM", "\x84\x31\x95\x33"
                      "a,b\n"_ba)
        << Rows{{u"a"_s, u"b"_s}} << QList<qint64>{1};
    gb("GB18030 U+FEFF after the BOM", "\x84\x31\x95\x33\x84\x31\x95\x33"
                                       "a\n"_ba)
        << Rows{{u"\uFEFFa"_s}} << QList<qint64>{1};
    gb("GB18030 multi-line field", "\"\xCE\xF7\xBA\xEC\r\n\xCA\xC1\"\r\nx\r\n"_ba)
        << Rows{{u"西红\r\n柿"_s}, {u"x"_s}} << QList<qint64>{1, 3};
}

void TestCsvReader::read()
{
    QFETCH(QByteArray, bytes);
    QFETCH(TextEncoding, encoding);
    QFETCH(Rows, rows);
    QFETCH(QList<qint64>, lines);
    const Parsed parsed = parse(bytes, encoding);
    QCOMPARE(parsed.error, QString());
    QCOMPARE(parsed.rows, rows);
    QCOMPARE(parsed.lines, lines);
    QVERIFY(!parsed.readsOn);
}

void TestCsvReader::refused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<TextEncoding>("encoding");
    QTest::addColumn<Rows>("rowsBefore");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<QString>("message");

    const Rows header{{u"sku"_s, u"name"_s}};
    const auto utf8 = [](const char *name, const QByteArray &bytes) -> QTestData & {
        return QTest::newRow(name) << bytes << TextEncoding::Utf8;
    };
    // F8: no UTF-16 or UTF-32 by a byte order mark, those bytes are not UTF-8.
    utf8("UTF-16LE BOM", "\xFF\xFEs\0k\0u\0\n\0"_ba) << Rows{} << qint64(1) << notUtf8;
    utf8("UTF-16BE BOM", "\xFE\xFF\0s\0k\0u\0\n"_ba) << Rows{} << qint64(1) << notUtf8;
    utf8("UTF-32LE BOM", "\xFF\xFE\0\0s\0\0\0"_ba) << Rows{} << qint64(1) << notUtf8;
    utf8("GBK on line 3", "sku,name\nW0,water\nW1,\xC5\xA9\xB7\xF2\xC9\xBD\xC8\xAA\nW2,x\n"_ba)
        << Rows{{u"sku"_s, u"name"_s}, {u"W0"_s, u"water"_s}} << qint64(3) << gbHint;
    utf8("GBK on line 3, CRLF", "sku,name\r\nW0,water\r\nW1,\xCE\xF7\xBA\xEC\xCA\xC1\r\n"_ba)
        << Rows{{u"sku"_s, u"name"_s}, {u"W0"_s, u"water"_s}} << qint64(3) << gbHint;
    utf8("Latin-1", "sku,name\nC1,caf\xE9,x\n"_ba) << header << qint64(2) << notUtf8;
    utf8("lone byte 0xFF", "sku,name\nC1,\xFF\n"_ba) << header << qint64(2) << notUtf8;
    utf8("overlong", "sku,name\nC1,\xC0\xAF,x\n"_ba) << header << qint64(2) << QString();
    utf8("encoded surrogate", "sku,name\nC1,\xED\xA0\x80,x\n"_ba) << header << qint64(2) << notUtf8;
    utf8("beyond U+10FFFF", "sku,name\nC1,\xF4\x90\x80\x80,x\n"_ba)
        << header << qint64(2) << QString();
    utf8("sequence cut by the line break", "sku,name\nC1,\xE4\xB8\n\xAD\n"_ba)
        << header << qint64(2) << QString();
    utf8("bad bytes on the 2nd line of a quoted field",
         "sku,name\nC1,\"first line\nsecond \xFF line\"\nC2,x\n"_ba)
        << header << qint64(3) << notUtf8;
    utf8("GBK on the 3rd line of a quoted field, CRLF",
         "sku,name\r\nC1,\"a\r\nb\r\n\xCE\xF7\xBA\xEC\xCA\xC1\"\r\n"_ba)
        << header << qint64(4) << gbHint;

    const auto gb = [](const char *name, const QByteArray &bytes) -> QTestData & {
        return QTest::newRow(name) << bytes << TextEncoding::Gb18030;
    };
    gb("UTF-8 Chinese as GB18030", "sku,name\nW1,农夫山泉\n"_ba)
        << header << qint64(2) << utf8NotGb;
    gb("UTF-8 BOM as GB18030", "\xEF\xBB\xBFsku,name\n"_ba) << Rows{} << qint64(1) << utf8NotGb;
    gb("invalid GB18030", "sku,name\nW1,\x81\x30,x\n"_ba) << header << qint64(2) << notGb;
    gb("GB18030 lone 0x80", "sku,name\nW1,\x80\n"_ba) << header << qint64(2) << notGb;
    gb("GB18030 cut by the line break", "sku,name\nW1,\"\xC5\n\xA9\"\n"_ba)
        << header << qint64(2) << notGb;
    gb("invalid GB18030 on the 2nd line of a quoted field", "sku,name\nW1,\"a\nb\xFF\"\n"_ba)
        << header << qint64(3) << notGb;
}

void TestCsvReader::refused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(TextEncoding, encoding);
    QFETCH(Rows, rowsBefore);
    QFETCH(qint64, line);
    QFETCH(QString, message);
    const Parsed parsed = parse(bytes, encoding);
    QCOMPARE(parsed.rows, rowsBefore);
    QVERIFY(!parsed.error.isEmpty());
    QCOMPARE(parsed.errorLine, line);
    if (!message.isEmpty())
        QVERIFY2(parsed.error.contains(message), qPrintable(parsed.error));
    QVERIFY2(!parsed.readsOn, "reading goes on after the error");
}

void TestCsvReader::unclosedQuote()
{
    const Parsed parsed = parse("a,b\n1,\"never closed\n2,3\n"_ba);
    QCOMPARE(parsed.rows, (Rows{{u"a"_s, u"b"_s}}));
    QVERIFY2(parsed.error.contains(u"quote"_s), qPrintable(parsed.error));
    // rowLine() names the line where the bad row started.
    QCOMPARE(parsed.errorLine, 2);
    QVERIFY(!parsed.readsOn);

    const Parsed last = parse("h\nok\n\"bad\n"_ba);
    QCOMPARE(last.rows.size(), 2);
    QCOMPARE(last.errorLine, 3);
    QVERIFY(!last.error.isEmpty());
}

// The same catalog as Excel saves it on Chinese Windows (GB18030, CRLF, no BOM) and as
// "CSV UTF-8": the same rows either way.
void TestCsvReader::gb18030Fixture()
{
    const Parsed utf8 = parseFixture("catalog-utf8.csv", TextEncoding::Utf8);
    QCOMPARE(utf8.error, QString());
    QCOMPARE(utf8.rows.size(), 15);
    QCOMPARE(utf8.rows.first().join(u','),
             u"sku,barcodes,name_zh,name_en,category,price_fen,tax_rate_bp,sold_by,plu"_s);
    for (const QStringList &row : utf8.rows)
        QCOMPARE(row.size(), 9);
    QCOMPARE(utf8.rows[1][2], u"农夫山泉 饮用天然水 550ml"_s);
    QCOMPARE(utf8.rows[7][2], u"洽洽香瓜子, 五香 160g"_s);
    QCOMPARE(utf8.rows[9][3], u"Oreo \"Original\" Sandwich Cookies 97g"_s);
    QCOMPARE(utf8.rows[12][2], u"香蕉（称重）"_s);

    const Parsed gb = parseFixture("catalog-gb18030.csv", TextEncoding::Gb18030);
    QCOMPARE(gb.error, QString());
    QCOMPARE(gb.rows, utf8.rows);
    QCOMPARE(gb.lines, utf8.lines);

    // Each read as the other encoding: refused on the first line with Chinese, with the hint.
    const Parsed gbAsUtf8 = parseFixture("catalog-gb18030.csv", TextEncoding::Utf8);
    QCOMPARE(gbAsUtf8.rows.size(), 1);
    QCOMPARE(gbAsUtf8.errorLine, 2);
    QVERIFY2(gbAsUtf8.error.contains(gbHint), qPrintable(gbAsUtf8.error));
    const Parsed utf8AsGb = parseFixture("catalog-utf8.csv", TextEncoding::Gb18030);
    QCOMPARE(utf8AsGb.rows.size(), 1);
    QCOMPARE(utf8AsGb.errorLine, 2);
    QVERIFY2(utf8AsGb.error.contains(utf8NotGb), qPrintable(utf8AsGb.error));
}

void TestCsvReader::encodingNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<std::optional<TextEncoding>>("encoding");
    for (const QString &name : {u"utf-8"_s, u"UTF-8"_s, u"utf8"_s, u"Utf8"_s})
        QTest::newRow(qPrintable(name)) << name << std::optional(TextEncoding::Utf8);
    for (const QString &name :
         {u"gb18030"_s, u"GB18030"_s, u"gbk"_s, u"GBK"_s, u"gb2312"_s, u"CP936"_s, u"cp936"_s})
        QTest::newRow(qPrintable(name)) << name << std::optional(TextEncoding::Gb18030);
    for (const QString &name :
         {QString(), u"utf-16"_s, u"latin1"_s, u"gb 18030"_s, u" utf-8"_s, u"utf-8 "_s, u"936"_s})
        QTest::newRow(qPrintable(u'"' + name + u'"')) << name << std::optional<TextEncoding>();
}

void TestCsvReader::encodingNames()
{
    QFETCH(QString, name);
    QFETCH(std::optional<TextEncoding>, encoding);
    QCOMPARE(textEncodingFromName(name), encoding);
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
    QTest::newRow("CR at the end") << u"a\r"_s << true;
    QTest::newRow("CRLF inside") << u"a\r\nb"_s << true;
    QTest::newRow("lone CR") << u"a\rb"_s << true;
    QTest::newRow("only CR") << u"\r"_s << true;
    QTest::newRow("U+FEFF first") << u"\uFEFFa"_s << true;
    QTest::newRow("U+FEFF inside") << u"a\uFEFF"_s << false;
    QTest::newRow("NUL") << u"a\0b"_s << false;
    QTest::newRow("spaces") << u" a "_s << false;
    QTest::newRow("everything") << u"\uFEFFa,\"b\"\r\nc\r"_s << true;
}

void TestCsvReader::csvFieldRoundTrip()
{
    QFETCH(QString, value);
    QFETCH(bool, quoted);
    const QString field = csvField(value);
    QCOMPARE(field.startsWith(u'"'), quoted);
    if (!quoted)
        QCOMPARE(field, value);
    // In the middle and as the very first field of the file, with LF and CRLF line breaks.
    for (const QString &eol : {u"\n"_s, u"\r\n"_s}) {
        const QString text = u"x,"_s + field + u",y"_s + eol + field + eol + field + u",z"_s + eol;
        const Parsed parsed = parse(text.toUtf8());
        QCOMPARE(parsed.error, QString());
        QCOMPARE(parsed.rows, (Rows{{u"x"_s, value, u"y"_s}, {value}, {value, u"z"_s}}));
    }
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
