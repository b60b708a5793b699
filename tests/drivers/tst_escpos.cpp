// The ESC/POS encoder byte for byte, its column arithmetic, QR codes read back with ZXing-C++, and
// the real-time status answers (reference/devices.md §1.1 and §1.3).
#include "printer/escpos.h"

#include <QRandomGenerator>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTest>

#define ZX_USE_UTF8
#include <ZXing/ReadBarcode.h>

using namespace smartpos::escpos;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(PrinterProfile)
Q_DECLARE_METATYPE(PrinterStatus)
Q_DECLARE_METATYPE(QrErrorLevel)

namespace {

QByteArray hex(const char *spaced)
{
    return QByteArray::fromHex(spaced);
}

// The columns the printer fills with `bytes` of text: 1 a byte outside Chinese mode, 2 a GB18030
// character inside (FS & ... FS .); false in `ok` when anything else is in there.
int printedColumns(QByteArrayView bytes, bool *ok)
{
    *ok = true;
    bool chinese = false;
    int columns = 0;
    for (qsizetype i = 0; i < bytes.size();) {
        const quint8 b = bytes[i];
        if (b == 0x1C && i + 1 < bytes.size() && (bytes[i + 1] == '&' || bytes[i + 1] == '.')) {
            chinese = bytes[i + 1] == '&';
            i += 2;
        } else if (b < 0x20 || (chinese && b < 0x81)) {
            *ok = false;
            return 0;
        } else if (chinese) {
            columns += 2;
            i += quint8(bytes[i + 1]) <= 0x39 ? 4 : 2;
        } else {
            columns += 1;
            i += 1;
        }
    }
    return columns;
}

// The image a run of GS v 0 bands draws; width 0 when `bytes` holds anything else.
MonoBitmap fromRasterBands(QByteArrayView bytes)
{
    MonoBitmap image;
    for (qsizetype i = 0; i < bytes.size();) {
        if (bytes.size() - i < 8 || !bytes.sliced(i).startsWith("\x1dv0\x00"_ba))
            return {};
        const int rowBytes = quint8(bytes[i + 4]) | quint8(bytes[i + 5]) << 8;
        const int rows = quint8(bytes[i + 6]) | quint8(bytes[i + 7]) << 8;
        if (rows > Encoder::rasterBandRows || (image.width && rowBytes != image.width / 8))
            return {};
        image.width = rowBytes * 8;
        image.height += rows;
        image.rows.append(bytes.sliced(i + 8, rowBytes * rows));
        i += 8 + rowBytes * rows;
    }
    return image;
}

// ZXing-C++'s reading of a QR code in `image` (black dots on white), as bytes.
QByteArray readQr(const MonoBitmap &image)
{
    const int rowBytes = (image.width + 7) / 8;
    std::vector<quint8> luminance(size_t(image.width) * image.height);
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            const bool black = image.rows[y * rowBytes + x / 8] & (0x80 >> (x % 8));
            luminance[size_t(y) * image.width + x] = black ? 0 : 255;
        }
    }
    const ZXing::ImageView view(luminance.data(), image.width, image.height,
                                ZXing::ImageFormat::Lum);
    const ZXing::Result result =
        ZXing::ReadBarcode(view, ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode));
    if (!result.isValid())
        return {};
    return QByteArray(reinterpret_cast<const char *>(result.bytes().data()),
                      qsizetype(result.bytes().size()));
}

PrinterProfile rasterQr(PrinterProfile profile)
{
    profile.nativeQr = false;
    return profile;
}

} // namespace

class TestEscPos : public QObject {
    Q_OBJECT

private slots:
    void profiles()
    {
        QCOMPARE(PrinterProfile::mm58().columns, 32);
        QCOMPARE(PrinterProfile::mm58().dotsPerLine, 384);
        QCOMPARE(PrinterProfile::mm80().columns, 48);
        QCOMPARE(PrinterProfile::mm80().dotsPerLine, 576);
        QCOMPARE(Encoder().profile().columns, 48);
        QCOMPARE(Encoder(PrinterProfile::mm58()).profile().dotsPerLine, 384);
    }

    void commands_data()
    {
        QTest::addColumn<QByteArray>("actual");
        QTest::addColumn<QByteArray>("expected");
        // ESC @, FS ., ESC M 0, ESC R 0, ESC t 0
        QTest::newRow("initialize")
            << Encoder().initialize().bytes() << hex("1b40 1c2e 1b4d00 1b5200 1b7400");
        QTest::newRow("align left") << Encoder().align(Align::Left).bytes() << hex("1b6100");
        QTest::newRow("align center") << Encoder().align(Align::Center).bytes() << hex("1b6101");
        QTest::newRow("align right") << Encoder().align(Align::Right).bytes() << hex("1b6102");
        QTest::newRow("plain style: nothing changes") << Encoder().style({}).bytes() << hex("");
        QTest::newRow("bold") << Encoder().style({.bold = true}).bytes() << hex("1b4501");
        QTest::newRow("bold twice")
            << Encoder().style({.bold = true}).style({.bold = true}).bytes() << hex("1b4501");
        QTest::newRow("bold off") << Encoder().style({.bold = true}).style({}).bytes()
                                  << hex("1b4501 1b4500");
        QTest::newRow("underline: ESC - and FS -")
            << Encoder().style({.underline = true}).bytes() << hex("1b2d01 1c2d01");
        QTest::newRow("double width")
            << Encoder().style({.doubleWidth = true}).bytes() << hex("1d2110");
        QTest::newRow("double height")
            << Encoder().style({.doubleHeight = true}).bytes() << hex("1d2101");
        QTest::newRow("double size, then height only")
            << Encoder()
                   .style({.doubleWidth = true, .doubleHeight = true})
                   .style({.doubleHeight = true})
                   .bytes()
            << hex("1d2111 1d2101");
        QTest::newRow("everything") << Encoder().style({true, true, true, true}).bytes()
                                    << hex("1b4501 1b2d01 1c2d01 1d2111");
        QTest::newRow("initialize forgets the style")
            << Encoder().style({.bold = true}).initialize().style({.bold = true}).bytes()
            << hex("1b4501 1b40 1c2e 1b4d00 1b5200 1b7400 1b4501");
        QTest::newRow("line") << Encoder().line(u"ab").bytes() << hex("6162 0a");
        QTest::newRow("empty line") << Encoder().line().bytes() << hex("0a");
        QTest::newRow("feed 3") << Encoder().feed(3).bytes() << hex("1b6403");
        QTest::newRow("feed 0") << Encoder().feed(0).bytes() << hex("");
        QTest::newRow("feed 300") << Encoder().feed(300).bytes() << hex("1b64ff 1b642d");
        QTest::newRow("full cut") << Encoder().cut(CutKind::Full).bytes() << hex("1d564100");
        QTest::newRow("partial cut") << Encoder().cut(CutKind::Partial).bytes() << hex("1d564200");
        QTest::newRow("drawer pin 2")
            << Encoder().kickDrawer(DrawerPin::Pin2).bytes() << hex("1b7000 19fa");
        QTest::newRow("drawer pin 5")
            << Encoder().kickDrawer(DrawerPin::Pin5).bytes() << hex("1b7001 19fa");
        // GS H 2, GS h 80, GS w 3, GS k 67 13 d1..d13
        QTest::newRow("ean13 of 12 digits")
            << Encoder().ean13(u"690123456789").bytes()
            << hex("1d4802 1d6850 1d7703 1d6b43 0d 36393031323334353637383932");
        QTest::newRow("ean13 of 13 digits")
            << Encoder().ean13(u"5901234123457").bytes()
            << hex("1d4802 1d6850 1d7703 1d6b43 0d 35393031323334313233343537");
        QTest::newRow("ean13 on 58 mm")
            << Encoder(PrinterProfile::mm58()).ean13(u"400638133393").bytes()
            << hex("1d4802 1d6850 1d7703 1d6b43 0d 34303036333831333333393331");
        // GS k 73 n {B data
        QTest::newRow("code128") << Encoder().code128("R-0001").bytes()
                                 << hex("1d4802 1d6850 1d7703 1d6b49 08 7b42 522d30303031");
        QTest::newRow("code128 with {") << Encoder().code128("a{b").bytes()
                                        << hex("1d4802 1d6850 1d7703 1d6b49 06 7b42 617b7b62");
        // 20 characters: 255 modules, 3 dots each would not fit 576.
        QTest::newRow("code128, 2-dot modules") << Encoder().code128("ABCDEFGHIJKLMNOPQRST").bytes()
                                                << hex("1d4802 1d6850 1d7702 1d6b49 16 7b42 "
                                                       "4142434445464748494a4b4c4d4e4f5051525354");
    }
    void commands()
    {
        QFETCH(QByteArray, actual);
        QFETCH(QByteArray, expected);
        QCOMPARE(actual.toHex(' '), expected.toHex(' '));
    }

    void leftOut_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("errors");
        const auto row = [](const char *name, const Encoder &encoder) {
            QTest::newRow(name) << encoder.bytes() << encoder.errors();
        };
        row("ean13 of 11 digits", Encoder().ean13(u"69012345678"));
        row("ean13 of 14 digits", Encoder().ean13(u"69012345678901"));
        row("ean13 with a letter", Encoder().ean13(u"69012345678X"));
        row("ean13 with fullwidth digits", Encoder().ean13(u"６９０１２３４５６７８９"));
        row("ean13 with a wrong check digit", Encoder().ean13(u"5901234123458"));
        row("empty code128", Encoder().code128(""));
        row("code128 with a control character", Encoder().code128("A\x1b@"));
        row("code128 with a byte above 0x7e", Encoder().code128("caf\xc3\xa9"));
        row("code128 of 254 characters", Encoder().code128(QByteArray(254, 'A')));
        row("code128 of 127 '{'", Encoder().code128(QByteArray(127, '{')));
        // 15 characters need 200 modules: 2 dots each do not fit 384.
        row("code128 too wide for 58 mm",
            Encoder(PrinterProfile::mm58()).code128("ABCDEFGHIJKLMNO"));
        row("empty QR", Encoder().qr(""));
        row("QR over the capacity of level H",
            Encoder().qr(QByteArray(1274, 'a'), 6, QrErrorLevel::H));
        row("raster QR over the capacity of level L",
            Encoder(rasterQr(PrinterProfile::mm80()))
                .qr(QByteArray(2954, 'a'), 6, QrErrorLevel::L));
        row("empty image", Encoder().raster({}));
        row("image rows too short", Encoder().raster({8, 2, QByteArray(1, '\xff')}));
        row("image wider than 80 mm", Encoder().raster({577, 1, QByteArray(73, '\xff')}));
        row("image wider than 58 mm",
            Encoder(PrinterProfile::mm58()).raster({392, 1, QByteArray(49, '\xff')}));
    }
    void leftOut()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, errors);
        QCOMPARE(bytes.toHex(' '), QByteArray());
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().contains(u"left out"), qPrintable(errors.first()));
    }

    void leftOutKeepsTheRest()
    {
        Encoder encoder;
        encoder.line(u"a").ean13(u"1").line(u"b").code128("").line(u"c");
        QCOMPARE(encoder.bytes(), "a\nb\nc\n"_ba);
        QCOMPARE(encoder.errors().size(), 2);
        QVERIFY(encoder.errors().at(0).startsWith(u"EAN-13 \"1\""));
        QVERIFY(encoder.errors().at(1).startsWith(u"Code 128"));
        encoder.code128("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        QCOMPARE(encoder.errors().last(),
                 u"Code 128 \"ABCDEFGHIJKLMNOPQRSTUVWXYZ\" left out: wider than the paper"_s);
    }

    void text_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("fourByte");
        QTest::addColumn<QByteArray>("expected");
        const auto row = [](const char *name, const QString &text, const char *expected,
                            bool fourByte = false) {
            QTest::newRow(name) << text << fourByte << hex(expected);
        };
        row("ASCII", u"Total 12.50"_s, "546f74616c 20 31322e3530");
        row("backslash, tilde, braces", u"\\~{}"_s, "5c7e7b7d");
        row("PC437 Latin", u"Café Ñandú Größe"_s, "436166 82 20 a5 616e64 a3 20 4772 94 e1 65");
        row("yen in PC437", u"¥12.50"_s, "9d 31322e3530");
        row("degree, plus-minus, middle dot", u"4°C ±1·"_s, "34 f8 43 20 f1 31 fa");
        row("box drawing", u"─│┌"_s, "c4 b3 da");
        row("decomposed é composes", u"e\u0301"_s, "82");
        row("a mark that does not compose is left out", u"x\u0301y"_s, "7879");
        row("zero width space and soft hyphen are left out", u"a\u200bb\u00adc"_s, "616263");
        row("Chinese", u"中文"_s, "1c26 d6d0 cec4");
        row("Chinese after Latin", u"A中文"_s, "41 1c26 d6d0 cec4");
        row("Latin after Chinese", u"中文B"_s, "1c26 d6d0 cec4 1c2e 42");
        row("a space between Chinese is Latin", u"可口可乐 330ml 罐装"_s,
            "1c26 bfc9 bfda bfc9 c0d6 1c2e 20 3333306d6c 20 1c26 b9de d7b0");
        row("curly quotes are Chinese", u"“引号”"_s, "1c26 a1b0 d2fd bac5 a1b1");
        row("euro is Chinese", u"€5"_s, "1c26 a2e3 1c2e 35");
        row("fullwidth yen is Chinese", u"￥5"_s, "1c26 a3a4 1c2e 35");
        row("fullwidth comma", u"一，"_s, "1c26 d2bb a3ac");
        row("four-byte character as ？", u"𠀀"_s, "1c26 a3bf");
        row("emoji as ？", u"a😀b"_s, "61 1c26 a3bf 1c2e 62");
        row("a variation selector is left out", u"☺\uFE0F"_s, "1c26 8137a832", true);
        row("four-byte character in GB18030", u"𠀀"_s, "1c26 95328236", true);
        row("four-byte between two-byte", u"中𠀀文"_s, "1c26 d6d0 95328236 cec4", true);
        row("four-byte as ？ between two-byte", u"中𠀀文"_s, "1c26 d6d0 a3bf cec4");
        row("ESC @ prints as ?@", u"\x1b@"_s, "3f40");
        row("GS V prints as ?V?", u"\x1dV\x00"_s, "3f563f");
        row("line feed, tab, CR, DEL", u"\n\t\r\x7f"_s, "3f3f3f3f");
        row("DLE EOT", u"\x10\x04\x01"_s, "3f3f3f");
        row("C1 control and line separator", u"a\u0085b\u2028c"_s, "61 3f 62 3f 63");
        row("control character inside Chinese", u"中\x1b文"_s, "1c26 d6d0 1c2e 3f 1c26 cec4");
        row("lone surrogate", QString(QChar(0xD800)) + u"a"_s, "3f61");
    }
    void text()
    {
        QFETCH(QString, text);
        QFETCH(bool, fourByte);
        QFETCH(QByteArray, expected);
        PrinterProfile profile;
        profile.gb18030FourByte = fourByte;
        QCOMPARE(Encoder(profile).text(text).bytes().toHex(' '), expected.toHex(' '));
    }

    // The mode is the encoder's: a second text() goes on from where the first left the printer.
    void chineseModeSpansCalls()
    {
        Encoder encoder;
        encoder.text(u"中").text(u"文").line(u"A").initialize().text(u"中");
        QCOMPARE(
            encoder.bytes().toHex(' '),
            hex("1c26 d6d0 cec4 1c2e 41 0a 1b40 1c2e 1b4d00 1b5200 1b7400 1c26 d6d0").toHex(' '));
    }

    // Chinese mode carries GB18030, as Qt (ICU) encodes it.
    void chineseIsGb18030()
    {
        const QString text = u"营业员：张三 会员卡号 积分余额 谢谢惠顾，欢迎再次光临！"_s;
        QByteArray expected;
        const QStringList parts = text.split(u' ');
        for (qsizetype i = 0; i < parts.size(); ++i) {
            expected += (i ? "\x1c.\x20\x1c&"_ba : "\x1c&"_ba);
            expected += QStringEncoder("GB18030").encode(parts[i]);
        }
        QCOMPARE(Encoder().text(text).bytes().toHex(' '), expected.toHex(' '));
    }

    // Every PC437 byte from 0x80 up comes from the character ICU's IBM437 gives it.
    void pc437()
    {
        QStringDecoder ibm437("IBM437");
        QVERIFY(ibm437.isValid());
        for (int b = 0x80; b <= 0xFF; ++b) {
            const QString c = ibm437.decode(QByteArray(1, char(b)));
            QCOMPARE(Encoder().text(c).bytes().toHex(' '), QByteArray(1, char(b)).toHex(' '));
        }
    }

    // Whatever the text, it reaches the printer as printable bytes and FS & / FS ., never as
    // another command; and it fills the columns displayColumns() says.
    void everyCharacterIsPrintableAndCounted()
    {
        for (char32_t c = 0; c < 0x30000; c += c < 0x10000 ? 1 : 7) {
            if (c >= 0xD800 && c < 0xE000)
                continue;
            const QString text = u"x"_s + QString::fromUcs4(&c, 1) + u"中"_s;
            for (bool fourByte : {false, true}) {
                PrinterProfile profile;
                profile.gb18030FourByte = fourByte;
                bool ok = false;
                const int columns = printedColumns(Encoder(profile).text(text).bytes(), &ok);
                if (!ok || columns != smartpos::escpos::displayColumns(text))
                    QFAIL(qPrintable(u"U+%1: %2 columns printed, displayColumns %3"_s
                                         .arg(quint32(c), 4, 16, QChar(u'0'))
                                         .arg(ok ? QString::number(columns) : u"bad bytes"_s)
                                         .arg(smartpos::escpos::displayColumns(text))));
            }
        }
    }

    // Random mixes of what receipts hold and what they should not: the bytes stay printable and
    // as wide as displayColumns() says, wrapped lines fit and lose nothing but spaces and line
    // feeds, leftRight() lines fit.
    void randomText()
    {
        const QList<QString> pool = {u"a"_s,
                                     u"Z"_s,
                                     u"7"_s,
                                     u" "_s,
                                     u"  "_s,
                                     u"\n"_s,
                                     u"é"_s,
                                     u"e\u0301"_s,
                                     u"\u0301"_s,
                                     u"¥"_s,
                                     u"中"_s,
                                     u"文"_s,
                                     u"，"_s,
                                     u"（"_s,
                                     u"）"_s,
                                     u"“"_s,
                                     u"€"_s,
                                     u"𠀀"_s,
                                     u"😀"_s,
                                     u"\u200d"_s,
                                     u"\x1b"_s,
                                     u"\t"_s,
                                     u"ｱ"_s,
                                     u"한"_s,
                                     u"\u3000"_s,
                                     u"-"_s,
                                     u"Coca-Cola"_s,
                                     u"https://x.cn/a/b?c=d"_s,
                                     QString(QChar(0xDC00))};
        QRandomGenerator random(20240501);
        for (int round = 0; round < 3000; ++round) {
            QString text;
            for (int n = random.bounded(1, 24); n > 0; --n)
                text += pool.at(random.bounded(int(pool.size())));
            const int columns = random.bounded(2, 49);
            const QString context = u"text \"%1\", %2 columns"_s.arg(text).arg(columns);

            bool ok = false;
            const int printed = printedColumns(Encoder().text(text).bytes(), &ok);
            if (!ok || printed != smartpos::escpos::displayColumns(text))
                QFAIL(qPrintable(u"encoded wrongly: "_s + context));

            const QStringList lines = smartpos::escpos::wrapColumns(text, columns);
            QString kept = lines.join(QString());
            QString expected = text.normalized(QString::NormalizationForm_C);
            for (QString *s : {&kept, &expected})
                s->remove(u' ').remove(u'\n');
            if (kept != expected)
                QFAIL(qPrintable(u"wrapping lost text: "_s + context));
            for (const QString &line : lines + smartpos::escpos::leftRight(text, text, columns)) {
                if (smartpos::escpos::displayColumns(line) > columns)
                    QFAIL(qPrintable(u"line \"%1\" too wide: "_s.arg(line) + context));
            }
        }
    }

    void displayColumns_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("columns");
        QTest::newRow("empty") << QString() << 0;
        QTest::newRow("English") << u"Coca-Cola 330ml"_s << 15;
        QTest::newRow("Chinese") << u"可口可乐"_s << 8;
        QTest::newRow("mixed") << u"可口可乐 Coke ¥3.00"_s << 19;
        QTest::newRow("Latin-1 letters") << u"Café Größe"_s << 10;
        QTest::newRow("decomposed é") << u"Cafe\u0301"_s << 4;
        QTest::newRow("a mark that does not compose") << u"x\u0301"_s << 1;
        QTest::newRow("fullwidth letters and yen") << u"ＡＢ￥"_s << 6;
        QTest::newRow("ideographic space") << u"\u3000"_s << 2;
        QTest::newRow("curly quotes (Chinese font)") << u"“a”"_s << 5;
        QTest::newRow("halfwidth katakana (Chinese font)") << u"ｱ"_s << 2;
        QTest::newRow("emoji") << u"😀"_s << 2;
        QTest::newRow("four-byte CJK") << u"𠀀"_s << 2;
        QTest::newRow("control characters print as ?") << u"a\tb\n"_s << 4;
        QTest::newRow("zero width joiner") << u"a\u200db"_s << 2;
    }
    void displayColumns()
    {
        QFETCH(QString, text);
        QFETCH(int, columns);
        QCOMPARE(smartpos::escpos::displayColumns(text), columns);
    }

    void wrapColumns_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("columns");
        QTest::addColumn<QStringList>("lines");
        QTest::newRow("empty") << QString() << 32 << QStringList();
        QTest::newRow("fits") << u"Coca-Cola 330ml"_s << 32 << QStringList{u"Coca-Cola 330ml"_s};
        QTest::newRow("English at 32")
            << u"Thank you for shopping with us, please keep this receipt for returns"_s << 32
            << QStringList{u"Thank you for shopping with us,"_s, u"please keep this receipt for"_s,
                           u"returns"_s};
        QTest::newRow("English at 48")
            << u"Thank you for shopping with us, please keep this receipt for returns"_s << 48
            << QStringList{u"Thank you for shopping with us, please keep this"_s,
                           u"receipt for returns"_s};
        QTest::newRow("exactly 32") << u"0123456789012345678901234567890 1"_s << 32
                                    << QStringList{u"0123456789012345678901234567890"_s, u"1"_s};
        QTest::newRow("Chinese at 32")
            << u"感谢您的光临欢迎下次再来本店会员积分可抵现金使用"_s << 32
            << QStringList{u"感谢您的光临欢迎下次再来本店会员"_s, u"积分可抵现金使用"_s};
        QTest::newRow("Chinese at 48, the comma takes a character along")
            << u"感谢您的光临欢迎下次再来本店会员积分可抵现金使用，有效期一年"_s << 48
            << QStringList{u"感谢您的光临欢迎下次再来本店会员积分可抵现金使"_s,
                           u"用，有效期一年"_s};
        QTest::newRow("no line starts with a comma")
            << u"一二三四五六七八九十一二三四五六，七"_s << 32
            << QStringList{u"一二三四五六七八九十一二三四五"_s, u"六，七"_s};
        QTest::newRow("no line ends with an opening bracket")
            << u"一二三四五六七八九十一二三四五（六）"_s << 32
            << QStringList{u"一二三四五六七八九十一二三四五"_s, u"（六）"_s};
        QTest::newRow("mixed at 32")
            << u"可口可乐 Coca-Cola 330ml 罐装 经典口味 24罐整箱"_s << 32
            << QStringList{u"可口可乐 Coca-Cola 330ml 罐装 经"_s, u"典口味 24罐整箱"_s};
        QTest::newRow("mixed at 48")
            << u"可口可乐 Coca-Cola 330ml 罐装 经典口味 24罐整箱 限时特惠 Limited offer"_s << 48
            << QStringList{u"可口可乐 Coca-Cola 330ml 罐装 经典口味 24罐整箱"_s,
                           u"限时特惠 Limited offer"_s};
        QTest::newRow("Chinese then Latin breaks between them")
            << u"农夫山泉天然饮用水550mlBottle"_s << 24
            << QStringList{u"农夫山泉天然饮用水"_s, u"550mlBottle"_s};
        QTest::newRow("long word at 32")
            << u"see https://shop.example.cn/receipt/2024/000123456789 now"_s << 32
            << QStringList{u"see"_s, u"https://shop.example.cn/receipt/"_s,
                           u"2024/000123456789 now"_s};
        QTest::newRow("long word at 48")
            << u"https://shop.example.cn/receipt/2024/000123456789/details"_s << 48
            << QStringList{u"https://shop.example.cn/receipt/2024/00012345678"_s, u"9/details"_s};
        QTest::newRow("spaces at a break are dropped")
            << u"aaaa    bbbb"_s << 6 << QStringList{u"aaaa"_s, u"bbbb"_s};
        QTest::newRow("indentation stays") << u"  ab cd"_s << 5 << QStringList{u"  ab"_s, u"cd"_s};
        QTest::newRow("line feeds")
            << u"a\n\nb c"_s << 3 << QStringList{u"a"_s, QString(), u"b c"_s};
        QTest::newRow("a mark stays with its letter")
            << u"abe\u0301"_s << 2 << QStringList{u"ab"_s, u"\u00e9"_s};
        QTest::newRow("a wide character in 1 column")
            << u"中文"_s << 1 << QStringList{u"中"_s, u"文"_s};
    }
    void wrapColumns()
    {
        QFETCH(QString, text);
        QFETCH(int, columns);
        QFETCH(QStringList, lines);
        const QStringList wrapped = smartpos::escpos::wrapColumns(text, columns);
        QCOMPARE(wrapped, lines);
        for (const QString &line : wrapped)
            QVERIFY(smartpos::escpos::displayColumns(line) <= std::max(columns, 2));
    }

    void leftRight_data()
    {
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("right");
        QTest::addColumn<int>("columns");
        QTest::addColumn<QStringList>("lines");
        const auto spaces = [](int n) { return QString(n, u' '); };
        QTest::newRow("English at 32")
            << u"Coca-Cola 330ml x2"_s << u"¥6.00"_s << 32
            << QStringList{u"Coca-Cola 330ml x2"_s + spaces(9) + u"¥6.00"_s};
        QTest::newRow("Chinese at 32") << u"可口可乐 x2"_s << u"¥6.00"_s << 32
                                       << QStringList{u"可口可乐 x2"_s + spaces(16) + u"¥6.00"_s};
        QTest::newRow("Chinese at 48") << u"合计"_s << u"¥128.50"_s << 48
                                       << QStringList{u"合计"_s + spaces(37) + u"¥128.50"_s};
        QTest::newRow("exactly one space")
            << u"abcd"_s << u"efg"_s << 8 << QStringList{u"abcd efg"_s};
        QTest::newRow("right on the wrapped line")
            << u"Mineral water still 1.5L bottle"_s << u"¥2.00"_s << 24
            << QStringList{u"Mineral water still 1.5L"_s, u"bottle"_s + spaces(13) + u"¥2.00"_s};
        QTest::newRow("right below")
            << u"农夫山泉天然饮用水五五零"_s << u"¥2.00"_s << 24
            << QStringList{u"农夫山泉天然饮用水五五零"_s, spaces(19) + u"¥2.00"_s};
        QTest::newRow("Chinese wrapped, right on the last line")
            << u"康师傅红烧牛肉面 五连包 超值装 限时特惠"_s << u"¥15.90"_s << 32
            << QStringList{u"康师傅红烧牛肉面 五连包 超值装"_s,
                           u"限时特惠"_s + spaces(18) + u"¥15.90"_s};
        QTest::newRow("line feed in left")
            << u"第一行\n第二行"_s << u"¥1"_s << 16
            << QStringList{u"第一行"_s, u"第二行"_s + spaces(8) + u"¥1"_s};
        QTest::newRow("empty left")
            << QString() << u"¥1.00"_s << 10 << QStringList{spaces(5) + u"¥1.00"_s};
        QTest::newRow("empty right") << u"a b"_s << QString() << 10 << QStringList{u"a b"_s};
        QTest::newRow("both empty") << QString() << QString() << 10 << QStringList{QString()};
        QTest::newRow("right longer than a line")
            << u"a"_s << u"0123456789 abc"_s << 10
            << QStringList{u"a"_s, u"0123456789"_s, spaces(7) + u"abc"_s};
    }
    void leftRight()
    {
        QFETCH(QString, left);
        QFETCH(QString, right);
        QFETCH(int, columns);
        QFETCH(QStringList, lines);
        const QStringList result = smartpos::escpos::leftRight(left, right, columns);
        QCOMPARE(result, lines);
        for (const QString &line : result)
            QVERIFY(smartpos::escpos::displayColumns(line) <= columns);
    }

    void qrNative_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("moduleSize");
        QTest::addColumn<QrErrorLevel>("level");
        QTest::addColumn<QByteArray>("size");  // the module size byte
        QTest::addColumn<QByteArray>("error"); // the error level byte
        QTest::addColumn<QByteArray>("pLpH");
        QTest::newRow("L") << "https://x.cn/r/1"_ba << 6 << QrErrorLevel::L << hex("06")
                           << hex("30") << hex("1300");
        QTest::newRow("M") << "https://x.cn/r/1"_ba << 6 << QrErrorLevel::M << hex("06")
                           << hex("31") << hex("1300");
        QTest::newRow("Q") << "https://x.cn/r/1"_ba << 4 << QrErrorLevel::Q << hex("04")
                           << hex("32") << hex("1300");
        QTest::newRow("H") << "https://x.cn/r/1"_ba << 8 << QrErrorLevel::H << hex("08")
                           << hex("33") << hex("1300");
        QTest::newRow("module size 0 is 1")
            << "a"_ba << 0 << QrErrorLevel::M << hex("01") << hex("31") << hex("0400");
        QTest::newRow("module size 20 is 16")
            << "a"_ba << 20 << QrErrorLevel::M << hex("10") << hex("31") << hex("0400");
        QTest::newRow("UTF-8 Chinese as is") << u"会员 123"_s.toUtf8() << 6 << QrErrorLevel::M
                                             << hex("06") << hex("31") << hex("0d00");
        QTest::newRow("pH: 300 bytes") << QByteArray(300, 'z') << 6 << QrErrorLevel::M << hex("06")
                                       << hex("31") << hex("2f01");
        QTest::newRow("capacity of M") << QByteArray(2331, '7') << 3 << QrErrorLevel::M << hex("03")
                                       << hex("31") << hex("1e09");
    }
    void qrNative()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, moduleSize);
        QFETCH(QrErrorLevel, level);
        QFETCH(QByteArray, size);
        QFETCH(QByteArray, error);
        QFETCH(QByteArray, pLpH);
        const QByteArray expected = hex("1d286b 0400 31 41 32 00")                  // model 2
                                    + hex("1d286b 0300 31 43") + size               // module size
                                    + hex("1d286b 0300 31 45") + error              // error level
                                    + hex("1d286b") + pLpH + hex("31 50 30") + data // store
                                    + hex("1d286b 0300 31 51 30");                  // print
        Encoder encoder;
        encoder.qr(data, moduleSize, level);
        QCOMPARE(encoder.bytes().toHex(' '), expected.toHex(' '));
        QVERIFY(encoder.errors().isEmpty());
    }

    void qrBitmapReadsBack_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("moduleSize");
        QTest::addColumn<QrErrorLevel>("level");
        QTest::newRow("URL, L") << "https://shop.example.cn/r/000123"_ba << 4 << QrErrorLevel::L;
        QTest::newRow("URL, M") << "https://shop.example.cn/r/000123"_ba << 6 << QrErrorLevel::M;
        QTest::newRow("digits, Q") << "6901234567892"_ba << 3 << QrErrorLevel::Q;
        QTest::newRow("upper case, H") << "SMARTPOS:R1:0042"_ba << 2 << QrErrorLevel::H;
        QTest::newRow("UTF-8 Chinese")
            << u"发票抬头：上海便利店 ¥12.50"_s.toUtf8() << 5 << QrErrorLevel::M;
        QByteArray binary;
        for (int b = 0; b < 256; ++b)
            binary += char(b);
        QTest::newRow("every byte") << binary << 2 << QrErrorLevel::L;
        QTest::newRow("one module a dot") << "x"_ba << 1 << QrErrorLevel::M;
        QTest::newRow("long") << QByteArray(800, 'q') << 2 << QrErrorLevel::M;
    }
    void qrBitmapReadsBack()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, moduleSize);
        QFETCH(QrErrorLevel, level);
        const MonoBitmap image = qrBitmap(data, moduleSize, level);
        QVERIFY(image.width > 0);
        QCOMPARE(image.height, image.width);
        QCOMPARE(image.width % moduleSize, 0);
        const int modules = image.width / moduleSize;
        QCOMPARE((modules - 8 - 21) % 4, 0); // version v: 17 + 4v modules, and 2 x 4 quiet
        QCOMPARE(image.rows.size(), qsizetype((image.width + 7) / 8) * image.height);
        // The quiet zone: the first 4 modules of rows are white.
        const int quietBytes = 4 * moduleSize * ((image.width + 7) / 8);
        QCOMPARE(image.rows.first(quietBytes).count('\0'), quietBytes);
        QCOMPARE(readQr(image).toHex(), data.toHex());
    }

    void qrBitmapRefuses()
    {
        QCOMPARE(qrBitmap("", 4, QrErrorLevel::M).width, 0);
        QCOMPARE(qrBitmap("a", 0, QrErrorLevel::M).width, 0);
        QCOMPARE(qrBitmap(QByteArray(2954, 'a'), 1, QrErrorLevel::L).width, 0);
    }

    // Without GS ( k the QR code goes as raster bands of the same bitmap, smaller when it would
    // not fit the paper.
    void qrRaster_data()
    {
        QTest::addColumn<PrinterProfile>("profile");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("moduleSize");
        QTest::addColumn<int>("printedModuleSize");
        QTest::newRow("80 mm") << rasterQr(PrinterProfile::mm80())
                               << "https://shop.example.cn/r/000123"_ba << 6 << 6;
        QTest::newRow("58 mm") << rasterQr(PrinterProfile::mm58())
                               << "https://shop.example.cn/r/000123"_ba << 6 << 6;
        // Version 10 (57 modules + 8 quiet): 65 x 6 = 390 > 384 dots.
        QTest::newRow("58 mm, made smaller")
            << rasterQr(PrinterProfile::mm58()) << QByteArray(200, 'b') << 6 << 5;
    }
    void qrRaster()
    {
        QFETCH(PrinterProfile, profile);
        QFETCH(QByteArray, data);
        QFETCH(int, moduleSize);
        QFETCH(int, printedModuleSize);
        Encoder encoder(profile);
        encoder.qr(data, moduleSize, QrErrorLevel::M);
        QVERIFY(encoder.errors().isEmpty());
        const MonoBitmap printed = fromRasterBands(encoder.bytes());
        const MonoBitmap expected = qrBitmap(data, printedModuleSize, QrErrorLevel::M);
        QVERIFY(printed.width > 0);
        QCOMPARE(printed.height, expected.height);
        QCOMPARE(printed.width, (expected.width + 7) / 8 * 8);
        QCOMPARE(printed.rows.toHex(), expected.rows.toHex());
        QCOMPARE(readQr(printed), data);
    }

    void rasterBands_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<QList<int>>("bands");
        QTest::newRow("one row") << 8 << 1 << QList<int>{1};
        QTest::newRow("one band") << 576 << 128 << QList<int>{128};
        QTest::newRow("two bands") << 384 << 129 << QList<int>{128, 1};
        QTest::newRow("three bands") << 300 << 300 << QList<int>{128, 128, 44};
        QTest::newRow("odd width") << 13 << 256 << QList<int>{128, 128};
    }
    void rasterBands()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(QList<int>, bands);
        const int rowBytes = (width + 7) / 8;
        MonoBitmap image{width, height, {}};
        for (int y = 0; y < height; ++y) // each row distinct, so a misplaced one shows
            for (int x = 0; x < rowBytes; ++x)
                image.rows += char(y * 7 + x);
        QByteArray expected;
        int top = 0;
        for (int rows : bands) {
            expected += "\x1dv0"_ba + '\0' + char(rowBytes & 0xFF) + char(rowBytes >> 8)
                        + char(rows & 0xFF) + char(rows >> 8);
            expected += image.rows.sliced(top * rowBytes, rows * rowBytes);
            top += rows;
        }
        Encoder encoder;
        encoder.raster(image);
        QVERIFY(encoder.errors().isEmpty());
        QCOMPARE(encoder.bytes().toHex(' '), expected.toHex(' '));
    }

    void statusRequest()
    {
        QCOMPARE(smartpos::escpos::statusRequest(1), hex("100401"));
        QCOMPARE(smartpos::escpos::statusRequest(2), hex("100402"));
        QCOMPARE(smartpos::escpos::statusRequest(3), hex("100403"));
        QCOMPARE(smartpos::escpos::statusRequest(4), hex("100404"));
        QCOMPARE(smartpos::escpos::statusRequest(0), QByteArray());
        QCOMPARE(smartpos::escpos::statusRequest(5), QByteArray());
    }

    // devices.md §1.3, bit by bit; every answer has 0x12 (bits 1 and 4) set.
    void statusByte_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("byte");
        QTest::addColumn<PrinterStatus>("status"); // from a default PrinterStatus
        const PrinterStatus ok;
        const auto with = [ok](auto change) {
            PrinterStatus s = ok;
            change(s);
            return s;
        };
        QTest::newRow("1: online, drawer low") << 1 << 0x12 << ok;
        QTest::newRow("1: drawer pin 3 high")
            << 1 << 0x16 << with([](auto &s) { s.drawerOpen = true; });
        QTest::newRow("1: offline") << 1 << 0x1A << with([](auto &s) { s.online = false; });
        QTest::newRow("1: offline, drawer high") << 1 << 0x1E << with([](auto &s) {
            s.online = false;
            s.drawerOpen = true;
        });
        QTest::newRow("1: waiting for recovery, feed button") << 1 << 0x72 << ok;
        QTest::newRow("2: nothing") << 2 << 0x12 << ok;
        QTest::newRow("2: cover open") << 2 << 0x16 << with([](auto &s) { s.coverOpen = true; });
        QTest::newRow("2: feed button") << 2 << 0x1A << ok;
        QTest::newRow("2: stopped by paper end")
            << 2 << 0x32 << with([](auto &s) { s.paperOut = true; });
        QTest::newRow("2: error") << 2 << 0x52 << with([](auto &s) { s.error = true; });
        QTest::newRow("2: all") << 2 << 0x7E
                                << with([](auto &s) { s.coverOpen = s.paperOut = s.error = true; });
        QTest::newRow("3: no error") << 3 << 0x12 << ok;
        QTest::newRow("3: mechanical") << 3 << 0x16 << with([](auto &s) { s.error = true; });
        QTest::newRow("3: autocutter") << 3 << 0x1A << with([](auto &s) { s.error = true; });
        QTest::newRow("3: unrecoverable") << 3 << 0x32 << with([](auto &s) { s.error = true; });
        QTest::newRow("3: auto-recoverable") << 3 << 0x52 << with([](auto &s) { s.error = true; });
        QTest::newRow("4: paper adequate") << 4 << 0x12 << ok;
        QTest::newRow("4: near end") << 4 << 0x1E << with([](auto &s) { s.paperNearEnd = true; });
        QTest::newRow("4: near end, one bit")
            << 4 << 0x16 << with([](auto &s) { s.paperNearEnd = true; });
        QTest::newRow("4: paper end") << 4 << 0x72 << with([](auto &s) { s.paperOut = true; });
        QTest::newRow("4: paper end, one bit")
            << 4 << 0x52 << with([](auto &s) { s.paperOut = true; });
        QTest::newRow("4: near end and end")
            << 4 << 0x7E << with([](auto &s) { s.paperNearEnd = s.paperOut = true; });
    }
    void statusByte()
    {
        QFETCH(int, n);
        QFETCH(int, byte);
        QFETCH(PrinterStatus, status);
        PrinterStatus folded;
        QVERIFY(applyStatusByte(n, quint8(byte), &folded));
        QCOMPARE(folded, status);
    }

    // Each answer sets only its own fields, so a later answer to the same question overrides,
    // and others are kept.
    void statusFolds()
    {
        PrinterStatus status;
        QVERIFY(applyStatusByte(2, 0x52, &status)); // error occurred
        QVERIFY(applyStatusByte(4, 0x1E, &status)); // near end
        QVERIFY(applyStatusByte(1, 0x1A, &status)); // offline
        QVERIFY(status.error && status.paperNearEnd && !status.online && !status.paperOut);
        QVERIFY(applyStatusByte(3, 0x12, &status)); // the error cleared
        QVERIFY(!status.error && status.paperNearEnd && !status.online);
    }

    // Every byte to every request: an answer has bits 1 and 4 set and 0 and 7 clear; anything
    // else (and any n outside 1..4) is refused and leaves the status alone.
    void statusFixedBits()
    {
        PrinterStatus changed;
        changed.online = false;
        changed.coverOpen = changed.paperNearEnd = changed.paperOut = changed.drawerOpen =
            changed.error = true;
        for (int n = 0; n <= 5; ++n) {
            for (int byte = 0; byte < 256; ++byte) {
                PrinterStatus status = changed;
                const bool valid = n >= 1 && n <= 4 && (byte & 0x93) == 0x12;
                if (applyStatusByte(n, quint8(byte), &status) != valid)
                    QFAIL(qPrintable(u"n=%1 byte 0x%2"_s.arg(n).arg(byte, 2, 16, QChar(u'0'))));
                if (!valid && !(status == changed))
                    QFAIL(qPrintable(u"refused n=%1 byte 0x%2 changed the status"_s.arg(n).arg(
                        byte, 2, 16, QChar(u'0'))));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestEscPos)
#include "tst_escpos.moc"
