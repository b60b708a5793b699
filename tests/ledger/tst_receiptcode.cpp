// Receipt codes as a customer with a screenshot, or someone with a receipt and a pen, tries them.
#include "ledger/receiptcode.h"

#include "core/codes.h"
#include "testsupport.h"

#include <QTest>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {
const QByteArray key(32, '\x42');
const QString terminal = u"5b1f3c2e-8d4a-4f6b-9c1e-2a7d9e0f1b3c"_s;
} // namespace

class TestReceiptCode : public QObject {
    Q_OBJECT

private slots:
    void roundTrip();
    void classifiedAsReceipt();
    void refused_data();
    void refused();
    void anotherKeyIsForged();
};

void TestReceiptCode::roundTrip()
{
    const ReceiptCodes codes(key, terminal);
    for (const qint64 seq : {qint64(1), qint64(42), qint64(999'999'999)}) {
        const QString code = codes.codeFor(seq);
        QVERIFY(code.startsWith(u"SPR1."_s + terminal + u'.'));
        QVERIFY2(code.size() <= 80, qPrintable(code)); // a small QR
        const Result<qint64> checked = codes.check(code);
        QVERIFY2(checked, qPrintable(checked ? QString() : checked.error().message));
        QCOMPARE(*checked, seq);
    }
    QVERIFY(codes.codeFor(1) != codes.codeFor(2));
}

void TestReceiptCode::classifiedAsReceipt()
{
    const ClassifiedCode classified =
        classifyCode(ReceiptCodes(key, terminal).codeFor(7), defaultVariableCodeLayouts());
    QCOMPARE(classified.kind, CodeKind::Receipt);
}

void TestReceiptCode::refused_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<ErrorCode>("why");
    const QString good = ReceiptCodes(key, terminal).codeFor(42);
    const QString tag = good.section(u'.', 3);
    const QString head = u"SPR1."_s + terminal + u'.';
    QTest::newRow("another number, same tag") << head + u"43."_s + tag << ErrorCode::Damaged;
    QTest::newRow("a tag character changed")
        << good.left(good.size() - 1) + (good.endsWith(u'A') ? u'B' : u'A') << ErrorCode::Damaged;
    QTest::newRow("tag cut short") << good.chopped(2) << ErrorCode::Damaged;
    QTest::newRow("tag not base64url")
        << head + u"42."_s + tag.left(15) + u'*' << ErrorCode::Damaged;
    QTest::newRow("another till") << u"SPR1.00000000-0000-0000-0000-000000000000.42."_s + tag
                                  << ErrorCode::NotFound;
    QTest::newRow("zeros in front") << head + u"042."_s + tag << ErrorCode::InvalidInput;
    QTest::newRow("plus sign") << head + u"+42."_s + tag << ErrorCode::InvalidInput;
    QTest::newRow("zero") << head + u"0."_s + tag << ErrorCode::InvalidInput;
    QTest::newRow("negative") << head + u"-42."_s + tag << ErrorCode::InvalidInput;
    QTest::newRow("beyond qint64")
        << head + u"99999999999999999999."_s + tag << ErrorCode::InvalidInput;
    QTest::newRow("missing part") << head + tag << ErrorCode::InvalidInput;
    QTest::newRow("extra part") << good + u".x"_s << ErrorCode::InvalidInput;
    QTest::newRow("prefix only") << u"SPR1."_s << ErrorCode::InvalidInput;
    QTest::newRow("lower-case prefix") << good.toLower() << ErrorCode::InvalidInput;
    QTest::newRow("member code") << u"SPM1.abc"_s << ErrorCode::InvalidInput;
}

void TestReceiptCode::refused()
{
    QFETCH(QString, code);
    QFETCH(ErrorCode, why);
    const Result<qint64> checked = ReceiptCodes(key, terminal).check(code);
    QVERIFY2(!checked, qPrintable(code));
    QCOMPARE(checked.error().code, why);
    QVERIFY(!checked.error().message.isEmpty());
}

void TestReceiptCode::anotherKeyIsForged()
{
    // Someone who knows the format and the terminal id but not its key.
    const QString forged = ReceiptCodes(QByteArray(32, '\x43'), terminal).codeFor(42);
    const Result<qint64> checked = ReceiptCodes(key, terminal).check(forged);
    QVERIFY(!checked);
    QCOMPARE(checked.error().code, ErrorCode::Damaged);
}

QTEST_GUILESS_MAIN(TestReceiptCode)
#include "tst_receiptcode.moc"
