#include "core/barcode.h"

#include <QTest>

using namespace smartpos;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(smartpos::BarcodeProblem)
Q_DECLARE_METATYPE(smartpos::VariableCodeLayout::Value)
Q_DECLARE_METATYPE(smartpos::VariableCodeLayout)

namespace {
using Value = VariableCodeLayout::Value;

VariableCodeLayout layout(const QString &prefix, int plu, int value, Value kind)
{
    VariableCodeLayout l;
    l.prefix = prefix;
    l.pluDigits = plu;
    l.valueDigits = value;
    l.value = kind;
    return l;
}
} // namespace

class TestBarcode : public QObject {
    Q_OBJECT

private slots:
    void checkDigitFor_data();
    void checkDigitFor();
    void validCheckDigit_data();
    void validCheckDigit();
    void invalidCheckDigit_data();
    void invalidCheckDigit();
    void everySingleDigitErrorIsCaught();
    void normalize_data();
    void normalize();
    void layoutFromString_data();
    void layoutFromString();
    void layoutRejected_data();
    void layoutRejected();
    void defaultLayouts();
    void decode_data();
    void decode();
    void decodeRejects_data();
    void decodeRejects();
};

void TestBarcode::checkDigitFor_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("digit");
    QTest::newRow("EAN-13 Coca-Cola") << u"692880499553"_s << 4;
    QTest::newRow("EAN-13 ISBN") << u"978030640615"_s << 7;
    QTest::newRow("EAN-13 GS1 example") << u"400638133393"_s << 1;
    QTest::newRow("EAN-13 check 0") << u"231234501234"_s << 0;
    QTest::newRow("EAN-8") << u"6902447"_s << 4;
    QTest::newRow("EAN-8 gum") << u"6922128"_s << 6;
    QTest::newRow("UPC-A Monster") << u"07084796011"_s << 9;
    QTest::newRow("UPC-A Pringles") << u"03800061760"_s << 7;
    QTest::newRow("all zeros") << u"000000000000"_s << 0;
}

void TestBarcode::checkDigitFor()
{
    QFETCH(QString, body);
    QFETCH(int, digit);
    QCOMPARE(smartpos::checkDigitFor(body), digit);
}

void TestBarcode::validCheckDigit_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("EAN-13") << u"6928804995534"_s;
    QTest::newRow("EAN-13 ISBN") << u"9780306406157"_s;
    QTest::newRow("EAN-8") << u"69024474"_s;
    QTest::newRow("EAN-8 gum") << u"69221286"_s;
    QTest::newRow("UPC-A") << u"070847960119"_s;
    QTest::newRow("UPC-A as GTIN-13") << u"0070847960119"_s;
    QTest::newRow("UPC-A Hershey") << u"034000580262"_s;
}

void TestBarcode::validCheckDigit()
{
    QFETCH(QString, code);
    QVERIFY(hasValidCheckDigit(code));
}

void TestBarcode::invalidCheckDigit_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("EAN-13 last digit +1") << u"6928804995535"_s;
    QTest::newRow("EAN-13 middle digit +1") << u"6928805995534"_s;
    QTest::newRow("EAN-13 adjacent swap") << u"6928804959534"_s;
    QTest::newRow("EAN-8 last digit -1") << u"69024473"_s;
    QTest::newRow("EAN-8 first digit") << u"79024474"_s;
    QTest::newRow("UPC-A last digit") << u"070847960118"_s;
    QTest::newRow("UPC-A middle digit") << u"070847970119"_s;
    QTest::newRow("letter") << u"69288049955A4"_s;
    QTest::newRow("letter as check digit") << u"692880499553X"_s;
    QTest::newRow("space inside") << u"692880 995534"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("one digit") << u"0"_s;
}

void TestBarcode::invalidCheckDigit()
{
    QFETCH(QString, code);
    QVERIFY(!hasValidCheckDigit(code));
}

void TestBarcode::everySingleDigitErrorIsCaught()
{
    // GS1 mod 10 detects every single-digit substitution; check it on a real code.
    const QString good = u"6928804995534"_s;
    for (int position = 0; position < good.size(); ++position) {
        for (char16_t digit = u'0'; digit <= u'9'; ++digit) {
            if (good[position] == QChar(digit))
                continue;
            QString bad = good;
            bad[position] = QChar(digit);
            QVERIFY2(!hasValidCheckDigit(bad), qPrintable(bad));
            QCOMPARE(normalizeProductCode(bad).problem, BarcodeProblem::BadCheckDigit);
        }
    }
}

void TestBarcode::normalize_data()
{
    QTest::addColumn<QString>("scanned");
    QTest::addColumn<BarcodeProblem>("problem");
    QTest::addColumn<QString>("gtin");
    const auto none = BarcodeProblem::None;
    QTest::newRow("EAN-13 kept") << u"6928804995534"_s << none << u"6928804995534"_s;
    QTest::newRow("EAN-8 kept") << u"69024474"_s << none << u"69024474"_s;
    QTest::newRow("UPC-A gets a leading 0") << u"070847960119"_s << none << u"0070847960119"_s;
    QTest::newRow("UPC-A as GTIN-13 kept") << u"0070847960119"_s << none << u"0070847960119"_s;
    QTest::newRow("scanner suffix trimmed") << u" 6928804995534\r\n"_s << none
                                            << u"6928804995534"_s;
    QTest::newRow("in-store code") << u"2210001005005"_s << none << u"2210001005005"_s;
    QTest::newRow("letters") << u"ABC123"_s << BarcodeProblem::NotDigits << QString();
    QTest::newRow("letter inside") << u"69288049955A4"_s << BarcodeProblem::NotDigits << QString();
    QTest::newRow("empty") << QString() << BarcodeProblem::NotDigits << QString();
    QTest::newRow("blank") << u"   "_s << BarcodeProblem::NotDigits << QString();
    QTest::newRow("full-width digits") << u"６９２８８０４９９５５３４"_s
                                       << BarcodeProblem::NotDigits << QString();
    QTest::newRow("QR payload") << u"https://example.com/6928804995534"_s
                                << BarcodeProblem::NotDigits << QString();
    QTest::newRow("7 digits") << u"6902447"_s << BarcodeProblem::BadLength << QString();
    QTest::newRow("9 digits") << u"690244740"_s << BarcodeProblem::BadLength << QString();
    QTest::newRow("11 digits") << u"07084796011"_s << BarcodeProblem::BadLength << QString();
    QTest::newRow("14 digits") << u"06928804995534"_s << BarcodeProblem::BadLength << QString();
    QTest::newRow("18-digit payment code") << u"134567890123456789"_s
                                           << BarcodeProblem::BadLength << QString();
    QTest::newRow("EAN-13 bad check") << u"6928804995535"_s << BarcodeProblem::BadCheckDigit
                                      << QString();
    QTest::newRow("EAN-8 bad check") << u"69024473"_s << BarcodeProblem::BadCheckDigit
                                     << QString();
    QTest::newRow("UPC-A bad check") << u"070847960118"_s << BarcodeProblem::BadCheckDigit
                                     << QString();
}

void TestBarcode::normalize()
{
    QFETCH(QString, scanned);
    QFETCH(BarcodeProblem, problem);
    QFETCH(QString, gtin);
    const ProductCode code = normalizeProductCode(scanned);
    QCOMPARE(code.problem, problem);
    QCOMPARE(code.isValid(), problem == BarcodeProblem::None);
    QCOMPARE(code.gtin, gtin);
    if (code.isValid())
        QVERIFY(hasValidCheckDigit(code.gtin));
}

void TestBarcode::layoutFromString_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<int>("pluDigits");
    QTest::addColumn<int>("valueDigits");
    QTest::addColumn<Value>("value");
    QTest::newRow("price") << u"21:5:5:price"_s << u"21"_s << 5 << 5 << Value::PriceFen;
    QTest::newRow("weight") << u"22:5:5:weight"_s << u"22"_s << 5 << 5 << Value::WeightGrams;
    QTest::newRow("one-digit prefix") << u"2:6:5:price"_s << u"2"_s << 6 << 5 << Value::PriceFen;
    QTest::newRow("short PLU") << u"20:4:6:weight"_s << u"20"_s << 4 << 6 << Value::WeightGrams;
    QTest::newRow("three-digit prefix") << u"250:4:5:price"_s << u"250"_s << 4 << 5
                                        << Value::PriceFen;
}

void TestBarcode::layoutFromString()
{
    QFETCH(QString, text);
    QFETCH(QString, prefix);
    QFETCH(int, pluDigits);
    QFETCH(int, valueDigits);
    QFETCH(Value, value);
    const auto parsed = VariableCodeLayout::fromString(text);
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->prefix, prefix);
    QCOMPARE(parsed->pluDigits, pluDigits);
    QCOMPARE(parsed->valueDigits, valueDigits);
    QCOMPARE(parsed->value, value);
    QVERIFY(parsed->isConsistent());
    QCOMPARE(parsed->toString(), text);
}

void TestBarcode::layoutRejected_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("one digit short") << u"21:5:4:price"_s;
    QTest::newRow("one digit long") << u"21:5:6:price"_s;
    QTest::newRow("prefix not 2") << u"31:5:5:price"_s;
    QTest::newRow("prefix with letter") << u"2x:5:5:price"_s;
    QTest::newRow("empty prefix") << u":6:6:price"_s;
    QTest::newRow("unknown kind") << u"21:5:5:kg"_s;
    QTest::newRow("kind in capitals") << u"21:5:5:PRICE"_s;
    QTest::newRow("missing kind") << u"21:5:5"_s;
    QTest::newRow("extra part") << u"21:5:5:price:1"_s;
    QTest::newRow("PLU digits not a number") << u"21:a:5:price"_s;
    QTest::newRow("no PLU digits") << u"21:0:10:price"_s;
    QTest::newRow("negative PLU digits") << u"21:-1:11:price"_s;
    QTest::newRow("no value digits") << u"21:10:0:price"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("other separator") << u"21,5,5,price"_s;
}

void TestBarcode::layoutRejected()
{
    QFETCH(QString, text);
    QVERIFY(!VariableCodeLayout::fromString(text).has_value());
}

void TestBarcode::defaultLayouts()
{
    const auto layouts = defaultVariableCodeLayouts();
    QCOMPARE(layouts.size(), 2);
    QStringList texts;
    for (const auto &l : layouts) {
        QVERIFY(l.isConsistent());
        texts << l.toString();
    }
    QCOMPARE(texts, (QStringList{u"21:5:5:price"_s, u"22:5:5:weight"_s}));
}

void TestBarcode::decode_data()
{
    QTest::addColumn<QList<VariableCodeLayout>>("layouts");
    QTest::addColumn<QString>("gtin");
    QTest::addColumn<QString>("plu");
    QTest::addColumn<Value>("kind");
    QTest::addColumn<qint64>("value");
    const auto defaults = defaultVariableCodeLayouts();
    const auto custom = *VariableCodeLayout::fromString(u"2:6:5:weight"_s);
    QTest::newRow("default weight 500 g") << defaults << u"2210001005005"_s << u"10001"_s
                                          << Value::WeightGrams << qint64(500);
    QTest::newRow("default weight 250 g") << defaults << u"2210002002508"_s << u"10002"_s
                                          << Value::WeightGrams << qint64(250);
    QTest::newRow("default price ¥19.80") << defaults << u"2110005019803"_s << u"10005"_s
                                          << Value::PriceFen << qint64(1980);
    QTest::newRow("default zero value") << defaults << u"2110001000003"_s << u"10001"_s
                                        << Value::PriceFen << qint64(0);
    QTest::newRow("custom 6-digit PLU") << QList<VariableCodeLayout>{custom} << u"2123456015003"_s
                                        << u"123456"_s << Value::WeightGrams << qint64(1500);
    QTest::newRow("longest prefix wins over custom")
        << (QList<VariableCodeLayout>{custom} + defaults) << u"2110005019803"_s << u"10005"_s
        << Value::PriceFen << qint64(1980);
    QTest::newRow("custom catches other prefixes")
        << (defaults + QList<VariableCodeLayout>{custom}) << u"2412345012347"_s << u"412345"_s
        << Value::WeightGrams << qint64(1234);
    QTest::newRow("inconsistent layout skipped")
        << QList<VariableCodeLayout>{layout(u"24"_s, 5, 4, Value::PriceFen),
                                     layout(u"2"_s, 6, 5, Value::PriceFen)}
        << u"2412345012347"_s << u"412345"_s << Value::PriceFen << qint64(1234);
}

void TestBarcode::decode()
{
    QFETCH(QList<VariableCodeLayout>, layouts);
    QFETCH(QString, gtin);
    QFETCH(QString, plu);
    QFETCH(Value, kind);
    QFETCH(qint64, value);
    QVERIFY(hasValidCheckDigit(gtin));
    const auto code = decodeVariableCode(gtin, layouts);
    QVERIFY(code.has_value());
    QCOMPARE(code->plu, plu);
    QCOMPARE(code->kind, kind);
    QCOMPARE(code->value, value);
}

void TestBarcode::decodeRejects_data()
{
    QTest::addColumn<QList<VariableCodeLayout>>("layouts");
    QTest::addColumn<QString>("gtin");
    const auto defaults = defaultVariableCodeLayouts();
    QTest::newRow("ordinary EAN-13") << defaults << u"6928804995534"_s;
    QTest::newRow("prefix 23 has no default layout") << defaults << u"2312345012340"_s;
    QTest::newRow("EAN-8 starting with 2") << defaults << u"20123457"_s;
    QTest::newRow("UPC-A length") << defaults << u"221000100500"_s;
    QTest::newRow("no layouts") << QList<VariableCodeLayout>{} << u"2210001005005"_s;
    QTest::newRow("only an inconsistent layout")
        << QList<VariableCodeLayout>{layout(u"22"_s, 5, 6, Value::WeightGrams)}
        << u"2210001005005"_s;
}

void TestBarcode::decodeRejects()
{
    QFETCH(QList<VariableCodeLayout>, layouts);
    QFETCH(QString, gtin);
    QVERIFY(!decodeVariableCode(gtin, layouts).has_value());
}

QTEST_GUILESS_MAIN(TestBarcode)
#include "tst_barcode.moc"
