// ScanFramer (drivers/serial): every terminator, AIM identifiers, what is dropped and counted,
// the idle flush, and the same codes however the bytes are split.
#include "serial/scanframer.h"

#include <QTest>

using namespace smartpos::devices;
using namespace Qt::StringLiterals;
using Terminator = ScanFramer::Terminator;
using Problem = ScanFramer::Problem;
using Scan = ScanFramer::Scan;

namespace {

ScanFramer::Options options(Terminator terminator, char byte = '\t', int maxLength = 16)
{
    ScanFramer::Options options;
    options.terminator = terminator;
    options.byte = byte;
    options.maxLength = maxLength;
    return options;
}

struct Result {
    QList<Scan> scans;
    QList<int> garbled; // too long, control character, invalid UTF-8
};

Result frame(const ScanFramer::Options &options, const QList<QByteArrayView> &pieces)
{
    ScanFramer framer(options);
    Result result;
    for (const QByteArrayView piece : pieces) {
        framer.feed(piece);
        result.scans += framer.takeScans();
    }
    result.garbled = {framer.garbled(Problem::TooLong), framer.garbled(Problem::ControlCharacter),
                      framer.garbled(Problem::InvalidUtf8)};
    return result;
}

QList<Scan> codes(const QStringList &codes)
{
    QList<Scan> scans;
    for (const QString &code : codes)
        scans.append({code, {}});
    return scans;
}

} // namespace

class TestScanFramer : public QObject {
    Q_OBJECT

private slots:
    void frames_data()
    {
        QTest::addColumn<ScanFramer::Options>("options");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QList<Scan>>("scans");
        QTest::addColumn<QList<int>>("garbled");

        const auto lineEnd = options(Terminator::LineEnd);
        QTest::newRow("CR") << lineEnd << "6901234567892\r"_ba << codes({u"6901234567892"_s})
                            << QList<int>{0, 0, 0};
        QTest::newRow("LF") << lineEnd << "6901234567892\n"_ba << codes({u"6901234567892"_s})
                            << QList<int>{0, 0, 0};
        QTest::newRow("CRLF") << lineEnd << "6901234567892\r\n123\r\n"_ba
                              << codes({u"6901234567892"_s, u"123"_s}) << QList<int>{0, 0, 0};
        QTest::newRow("mixed line ends, empty lines ignored")
            << lineEnd << "\r\n\r\na\rb\nc\r\n\n\rd\n\r"_ba
            << codes({u"a"_s, u"b"_s, u"c"_s, u"d"_s}) << QList<int>{0, 0, 0};
        QTest::newRow("no terminator yet")
            << lineEnd << "6901234567892"_ba << codes({}) << QList<int>{0, 0, 0};
        QTest::newRow("TAB in a line is a control character")
            << lineEnd << "12\t34\r56\r"_ba << codes({u"56"_s}) << QList<int>{0, 1, 0};

        QTest::newRow("tab") << options(Terminator::Byte, '\t') << "abc\tdef\t\t"_ba
                             << codes({u"abc"_s, u"def"_s}) << QList<int>{0, 0, 0};
        QTest::newRow("cr only: the LF of CRLF starts the next code")
            << options(Terminator::Byte, '\r') << "abc\rdef\r\n"_ba << codes({u"abc"_s, u"def"_s})
            << QList<int>{0, 0, 0};
        QTest::newRow("cr only, LF before a code")
            << options(Terminator::Byte, '\r') << "abc\r\ndef\r"_ba << codes({u"abc"_s})
            << QList<int>{0, 1, 0};
        QTest::newRow("lf only") << options(Terminator::Byte, '\n') << "abc\ndef\r\n"_ba
                                 << codes({u"abc"_s}) << QList<int>{0, 1, 0};
        QTest::newRow("ETX") << options(Terminator::Byte, '\x03')
                             << "abc\x03\x03"
                                "def\x03"_ba
                             << codes({u"abc"_s, u"def"_s}) << QList<int>{0, 0, 0};
        QTest::newRow("printable terminator #")
            << options(Terminator::Byte, '#') << "abc#def#"_ba << codes({u"abc"_s, u"def"_s})
            << QList<int>{0, 0, 0};

        QTest::newRow("AIM EAN-13")
            << lineEnd << "]E06901234567892\r"_ba << QList<Scan>{{u"6901234567892"_s, u"E0"_s}}
            << QList<int>{0, 0, 0};
        QTest::newRow("AIM QR, lowercase DataMatrix")
            << lineEnd << "]Q1hello\r]d2010\r"_ba
            << QList<Scan>{{u"hello"_s, u"Q1"_s}, {u"010"_s, u"d2"_s}} << QList<int>{0, 0, 0};
        QTest::newRow("AIM identifier alone is empty")
            << lineEnd << "]E0\r]E\r]\r"_ba << QList<Scan>{{u"]E"_s, {}}, {u"]"_s, {}}}
            << QList<int>{0, 0, 0};
        QTest::newRow("not an AIM identifier")
            << lineEnd << "]1A\r]E-5\r"_ba << codes({u"]1A"_s, u"]E-5"_s}) << QList<int>{0, 0, 0};

        QTest::newRow("16 bytes fit, 17 do not")
            << lineEnd << "0123456789abcdef\r0123456789abcdefg\rok\r"_ba
            << codes({u"0123456789abcdef"_s, u"ok"_s}) << QList<int>{1, 0, 0};
        QTest::newRow("far too long, counted once") << lineEnd << QByteArray(1000, 'x') + "\rok\r"
                                                    << codes({u"ok"_s}) << QList<int>{1, 0, 0};
        QTest::newRow("too long without an end is still discarded")
            << lineEnd << QByteArray(40, 'x') << codes({}) << QList<int>{1, 0, 0};
        QTest::newRow("the AIM identifier counts")
            << lineEnd << "]E00123456789abcde\r"_ba << codes({}) << QList<int>{1, 0, 0};

        QTest::newRow("C0, DEL, C1") << lineEnd << "a\x01z\ra\x7fz\ra\xc2\x85z\rok\r"_ba
                                     << codes({u"ok"_s}) << QList<int>{0, 3, 0};
        QTest::newRow("ESC") << lineEnd << "\x1b[0m123\r"_ba << codes({}) << QList<int>{0, 1, 0};

        QTest::newRow("invalid UTF-8")
            << lineEnd
            << "\xff\r\xc0\xaf\r\xed\xa0\x80\r\xe4\xb8\r\xf4\x90\x80\x80\r\x80\r\xe4\xb8\xad\xe4\r"
               "ok\r"_ba
            << codes({u"ok"_s}) << QList<int>{0, 0, 7};
        QTest::newRow("Chinese") << options(
            Terminator::LineEnd, '\t',
            512) << "https://qr.alipay.com/fkx12345?t=\xe6\x94\xb6\xe6\xac\xbe\xe7\xa0\x81\r"_ba
                                 << codes({u"https://qr.alipay.com/fkx12345?t=收款码"_s})
                                 << QList<int>{0, 0, 0};
        QTest::newRow("four-byte UTF-8") << lineEnd << "\xf0\xa0\x80\x80\xf0\x9f\x98\x80\r"_ba
                                         << codes({u"𠀀😀"_s}) << QList<int>{0, 0, 0};
        QTest::newRow("a leading BOM is kept") << lineEnd
                                               << "\xef\xbb\xbf"
                                                  "123\r"_ba
                                               << codes({u"\ufeff123"_s}) << QList<int>{0, 0, 0};
        QTest::newRow("16 bytes of Chinese fit, 18 do not")
            << lineEnd
            << "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad"
               "a\r\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad\r"_ba
            << codes({u"中中中中中a"_s}) << QList<int>{1, 0, 0};
    }

    // Whole, in every split into two pieces and byte by byte: the same codes and counts.
    void frames()
    {
        QFETCH(ScanFramer::Options, options);
        QFETCH(QByteArray, input);
        QFETCH(QList<Scan>, scans);
        QFETCH(QList<int>, garbled);

        const Result whole = frame(options, {input});
        QCOMPARE(whole.scans, scans);
        QCOMPARE(whole.garbled, garbled);

        for (qsizetype at = 0; at <= input.size(); ++at) {
            const QByteArrayView view(input);
            const Result split = frame(options, {view.first(at), view.sliced(at)});
            QCOMPARE(split.scans, scans);
            QCOMPARE(split.garbled, garbled);
        }
        QList<QByteArrayView> bytes;
        for (qsizetype i = 0; i < input.size(); ++i)
            bytes.append(QByteArrayView(input).sliced(i, 1));
        const Result byByte = frame(options, bytes);
        QCOMPARE(byByte.scans, scans);
        QCOMPARE(byByte.garbled, garbled);
    }

    void crlfAcrossReads()
    {
        ScanFramer framer;
        framer.feed("6901234567892\r");
        QCOMPARE(framer.takeScans(), codes({u"6901234567892"_s}));
        framer.feed("\n69");
        QCOMPARE(framer.takeScans(), codes({}));
        framer.feed("01234567892\r");
        framer.feed("\n");
        QCOMPARE(framer.takeScans(), codes({u"6901234567892"_s}));
        QCOMPARE(framer.garbled(), 0);
    }

    void idleFlush()
    {
        ScanFramer::Options noEnd;
        noEnd.terminator = Terminator::None;
        noEnd.idleMs = 50;
        ScanFramer framer(noEnd);
        QCOMPARE(framer.idleDeadline(), -1);
        framer.feed("69012", 1000);
        framer.feed("34567892", 1010);
        QCOMPARE(framer.idleDeadline(), 1060);
        framer.idle(1059);
        QCOMPARE(framer.takeScans(), codes({}));
        framer.idle(1060);
        QCOMPARE(framer.takeScans(), codes({u"6901234567892"_s}));
        QCOMPARE(framer.idleDeadline(), -1);

        // A pause the caller did not report still ends the code before the next bytes.
        framer.feed("]Q1abc", 2000);
        framer.feed("def", 2100);
        QCOMPARE(framer.takeScans(), (QList<Scan>{{u"abc"_s, u"Q1"_s}}));
        framer.idle(5000);
        QCOMPARE(framer.takeScans(), codes({u"def"_s}));

        // CR and LF are control characters here, and a code too long is dropped at the pause.
        framer.feed("123\r\n", 6000);
        framer.feed(QByteArray(600, '7'), 7000);
        QCOMPARE(framer.idleDeadline(), 7050);
        framer.idle(7050);
        QCOMPARE(framer.takeScans(), codes({}));
        QCOMPARE(framer.garbled(Problem::ControlCharacter), 1);
        QCOMPARE(framer.garbled(Problem::TooLong), 1);
        QCOMPARE(framer.idleDeadline(), -1);
    }

    void idleIgnoredWithTerminator()
    {
        ScanFramer framer;
        framer.feed("123", 0);
        QCOMPARE(framer.idleDeadline(), -1);
        framer.idle(1'000'000);
        framer.feed("4\r", 2'000'000);
        QCOMPARE(framer.takeScans(), codes({u"1234"_s}));
    }

    void defaults()
    {
        const ScanFramer framer;
        QCOMPARE(framer.options().terminator, Terminator::LineEnd);
        QCOMPARE(framer.options().maxLength, 512);
        ScanFramer::Options zero;
        zero.maxLength = 0;
        QCOMPARE(ScanFramer(zero).options().maxLength, 1);
    }
};

QTEST_GUILESS_MAIN(TestScanFramer)
#include "tst_scanframer.moc"
