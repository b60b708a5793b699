// `smartpos-admin codes`: the demo chain's keys, member and coupon codes made with them, and what
// a till decides about a code, typed or read from a picture through the camera's decoder.
#include "adminrun.h"
#include "barcodeimages.h"
#include "ledger/ledger.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace smartpos;
using namespace smartpos::testing;
using namespace Qt::StringLiterals;

namespace {

const QStringList keyFiles = {u"coupon-signing.pem"_s, u"coupon-keys.pem"_s, u"member-secret"_s};

} // namespace

class TestCodeCommands : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString dataDir(const QString &name = u"chain"_s) const { return m_dir.filePath(name); }

    AdminRun admin(const QStringList &args, const QString &data = {}) const
    {
        // Dates on the command line are days in local time: Beijing's, whatever the machine's.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"TZ"_s, u"Asia/Shanghai"_s);
        return runAdmin(data.isEmpty() ? dataDir() : data, args, environment);
    }

    // A May 2026 ¥5 coupon of campaign 7 (serial 42), signed in `data`.
    QString mayCoupon(const QStringList &more = {}, const QString &data = {})
    {
        const QStringList args = {
            u"codes"_s,         u"coupon"_s,    u"--kind"_s,       u"cash"_s,
            u"--value"_s,       u"5"_s,         u"--campaign"_s,   u"7"_s,
            u"--id"_s,          u"42"_s,        u"--valid-from"_s, u"2026-05-01"_s,
            u"--valid-until"_s, u"2026-05-31"_s};
        const AdminRun run = admin(args + more, data);
        return run.exitCode == 0 ? run.lastLine() : QString();
    }

private slots:
    void initTestCase()
    {
        const AdminRun run = admin({u"codes"_s, u"keygen"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"made the demo chain's code keys in %1/codes"_s.arg(dataDir())),
                 qPrintable(run.out));
    }

    void keygenNeverReplacesKeys()
    {
        QHash<QString, QByteArray> before;
        for (const QString &name : keyFiles) {
            const QString path = QDir(dataDir()).filePath(u"codes/"_s + name);
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            before.insert(name, file.readAll());
            QCOMPARE(QFileInfo(path).permissions() & ~(QFile::ReadUser | QFile::WriteUser),
                     QFile::ReadOwner | QFile::WriteOwner);
        }
        const AdminRun again = admin({u"codes"_s, u"keygen"_s});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(u"already in %1/codes"_s.arg(dataDir()))
                     && again.err.contains(u"Nothing was changed"_s),
                 qPrintable(again.err));
        for (const QString &name : keyFiles) {
            QFile file(QDir(dataDir()).filePath(u"codes/"_s + name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.readAll(), before.value(name));
        }
        QCOMPARE(QDir(dataDir()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList{u"codes"_s});
    }

    void couponValidThenExpired()
    {
        const AdminRun made =
            admin({u"codes"_s, u"coupon"_s, u"--kind"_s, u"threshold"_s, u"--value"_s, u"20"_s,
                   u"--min-spend"_s, u"100"_s, u"--category"_s, u"饮料"_s, u"--member"_s,
                   u"M000123"_s, u"--id"_s, u"7"_s, u"--valid-until"_s, u"2026-05-31"_s});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        const QString code = made.lastLine();
        QVERIFY2(code.startsWith(u"SPC1."_s) && !code.contains(u' '), qPrintable(made.out));
        QVERIFY2(made.out.startsWith(u"coupon 7, campaign 0, key "_s)
                     && made.out.contains(
                         u"  threshold coupon: ¥20.00 off once the eligible lines reach ¥100.00\n"
                         "  only on category 饮料\n"
                         "  valid from issue until 2026-06-01T00:00:00+08:00\n"
                         "  for member M000123 only\n"_s),
                 qPrintable(made.out));

        const AdminRun valid =
            admin({u"codes"_s, u"verify"_s, u"--at"_s, u"2026-05-31T23:59:59+08:00"_s, code});
        QVERIFY2(valid.exitCode == 0, qPrintable(valid.out + valid.err));
        QVERIFY2(valid.lastLine().startsWith(u"valid at 2026-05-31T23:59:59+08:00"_s),
                 qPrintable(valid.out));

        const AdminRun expired =
            admin({u"codes"_s, u"verify"_s, u"--at"_s, u"2026-06-01T00:00:00+08:00"_s, code});
        QCOMPARE(expired.exitCode, 1);
        QCOMPARE(expired.lastLine(), u"expired: valid until 2026-06-01T00:00:00+08:00, judged at "
                                     "2026-06-01T00:00:00+08:00"_s);
        // The content is shown all the same.
        QVERIFY(expired.out.startsWith(u"coupon 7, campaign 0"_s));

        const AdminRun early = admin(
            {u"codes"_s, u"verify"_s, u"--at"_s, u"2026-04-30T23:59:59+08:00"_s, mayCoupon()});
        QCOMPARE(early.exitCode, 1);
        QVERIFY2(
            early.lastLine().startsWith(u"not yet valid: valid from 2026-05-01T00:00:00+08:00"_s),
            qPrintable(early.out));
    }

    void wrongKeyAndForged()
    {
        const QString other = dataDir(u"other-chain"_s);
        QCOMPARE(admin({u"codes"_s, u"keygen"_s}, other).exitCode, 0);
        const QString theirs = mayCoupon({}, other);
        QVERIFY(!theirs.isEmpty());
        const AdminRun wrong =
            admin({u"codes"_s, u"verify"_s, u"--at"_s, u"2026-05-15T12:00:00+08:00"_s, theirs});
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.lastLine().startsWith(u"wrong key: signed with key "_s),
                 qPrintable(wrong.out));
        QVERIFY(wrong.out.startsWith(u"coupon 42, campaign 7"_s));

        QString forged = mayCoupon();
        const qsizetype i = forged.size() - 10; // in the signature
        forged[i] = forged[i] == u'A' ? u'B' : u'A';
        const AdminRun run =
            admin({u"codes"_s, u"verify"_s, u"--at"_s, u"2026-05-15T12:00:00+08:00"_s, forged});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.lastLine().startsWith(u"forged: "_s), qPrintable(run.out));
    }

    // The QR code --png writes, read back by the camera scanner's decoder: as written, and as a
    // phone camera would see it printed (on a larger picture, turned, noisy).
    void pngReadsBackThroughTheCamera()
    {
        const QString png = m_dir.filePath(u"coupon.png"_s);
        const QString code = mayCoupon({u"--png"_s, png});
        QVERIFY(!code.isEmpty());
        QVERIFY(QFileInfo::exists(png));
        QImage photo =
            onCanvas(QImage(png).convertToFormat(QImage::Format_Grayscale8), {1280, 720}, 8);
        addNoise(photo, 6, 3);
        const QString photoFile = m_dir.filePath(u"coupon-photo.png"_s);
        QVERIFY(photo.save(photoFile));
        for (const QString &file : {png, photoFile}) {
            const AdminRun run = admin({u"codes"_s, u"verify"_s, u"--at"_s,
                                        u"2026-05-15T12:00:00+08:00"_s, u"--image"_s, file});
            QVERIFY2(run.exitCode == 0, qPrintable(file + u'\n' + run.out + run.err));
            QVERIFY2(run.out.startsWith(u"coupon 42, campaign 7"_s), qPrintable(run.out));
        }

        QImage blank(400, 400, QImage::Format_Grayscale8);
        blank.fill(255);
        const QString blankFile = m_dir.filePath(u"blank.png"_s);
        QVERIFY(blank.save(blankFile));
        const AdminRun none = admin({u"codes"_s, u"verify"_s, u"--image"_s, blankFile});
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains(u"No QR code or barcode found in %1"_s.arg(blankFile)),
                 qPrintable(none.err));
    }

    void memberCodeExpires()
    {
        // Now, as a phone shows it, and two minutes later (a screenshot).
        const AdminRun made = admin({u"codes"_s, u"member"_s, u"--member"_s, u"M000123"_s});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        const QString code = made.lastLine();
        QVERIFY2(code.startsWith(u"SPM1.M000123."_s), qPrintable(made.out));
        const AdminRun now = admin({u"codes"_s, u"verify"_s, code});
        QVERIFY2(now.exitCode == 0, qPrintable(now.out + now.err));
        QVERIFY(now.lastLine().startsWith(u"valid at "_s));
        const QString later =
            QDateTime::currentDateTimeUtc().addSecs(120).toString(Qt::ISODateWithMs);
        const AdminRun screenshot = admin({u"codes"_s, u"verify"_s, u"--at"_s, later, code});
        QCOMPARE(screenshot.exitCode, 1);
        QVERIFY2(screenshot.lastLine().startsWith(u"expired: "_s), qPrintable(screenshot.out));

        // At set times, through a picture.
        const QString png = m_dir.filePath(u"member.png"_s);
        const AdminRun at = admin({u"codes"_s, u"member"_s, u"--member"_s, u"M000123"_s, u"--at"_s,
                                   u"2026-05-01T12:00:10+08:00"_s, u"--png"_s, png});
        QVERIFY2(at.exitCode == 0, qPrintable(at.err));
        QVERIFY2(at.out.startsWith(u"member M000123, time step 59253600: shown from "
                                   "2026-05-01T12:00:00+08:00 to 2026-05-01T12:00:30+08:00, "
                                   "accepted by a till until 2026-05-01T12:01:00+08:00\n"_s),
                 qPrintable(at.out));
        QCOMPARE(at.lastLine().size(), 38);
        for (const auto &[time, exitCode, verdict] :
             {std::tuple{u"2026-05-01T12:00:59+08:00"_s, 0, u"valid at "_s},
              std::tuple{u"2026-05-01T12:01:00+08:00"_s, 1, u"expired: "_s},
              std::tuple{u"2026-05-01T11:59:30+08:00"_s, 0, u"valid at "_s},
              std::tuple{u"2026-05-01T11:59:29+08:00"_s, 1, u"not yet valid: "_s}}) {
            const AdminRun run =
                admin({u"codes"_s, u"verify"_s, u"--at"_s, time, u"--image"_s, png});
            QVERIFY2(run.exitCode == exitCode && run.lastLine().startsWith(verdict),
                     qPrintable(time + u'\n' + run.out + run.err));
        }
    }

    // A till's ledger says which codes it took: verify reads it (read-only) and says "used".
    void usedAtThisTill()
    {
        const QString coupon = mayCoupon();
        const QString at = u"2026-05-01T12:00:10+08:00"_s;
        const QString member =
            admin({u"codes"_s, u"member"_s, u"--member"_s, u"M000123"_s, u"--at"_s, at}).lastLine();
        const QString keyDir = m_dir.filePath(u"till-keys"_s);
        const QStringList keyOption = {u"--key-dir"_s, keyDir};
        for (const QString &code : {coupon, member}) {
            const AdminRun before =
                admin(keyOption + QStringList{u"codes"_s, u"verify"_s, u"--at"_s, at, code});
            QVERIFY2(before.exitCode == 0, qPrintable(before.out + before.err)); // no ledger yet
        }
        {
            Ledger ledger;
            QVERIFY_OK(ledger.open(dataDir(), keyDir));
            Sale sale;
            sale.createdAt = QDateTime::fromString(at, Qt::ISODate);
            sale.lines = {{u"DR0001"_s, u"6928804995534"_s, u"可乐"_s, u"Cola"_s, 1, false,
                           Money::fromFen(300), Money::fromFen(300), 1300}};
            sale.total = Money::fromFen(300);
            sale.tenders = {*cashTender(sale.total, sale.total)};
            sale.member = SaleMember{u"M000123"_s, u"gold"_s, u"138****0000"_s, 59253600, 3, 0, 3};
            sale.coupons = {{42, 7, 1}};
            QVERIFY_OK(ledger.commitSale(sale));
        }
        const AdminRun usedCoupon =
            admin(keyOption + QStringList{u"codes"_s, u"verify"_s, u"--at"_s, at, coupon});
        QCOMPARE(usedCoupon.exitCode, 1);
        QVERIFY2(usedCoupon.lastLine().startsWith(u"used: "_s), qPrintable(usedCoupon.out));
        const AdminRun usedMember =
            admin(keyOption + QStringList{u"codes"_s, u"verify"_s, u"--at"_s, at, member});
        QCOMPARE(usedMember.exitCode, 1);
        QVERIFY2(usedMember.lastLine().startsWith(u"used: "_s), qPrintable(usedMember.out));
        // The member's next code is good.
        const QString next = admin({u"codes"_s, u"member"_s, u"--member"_s, u"M000123"_s, u"--at"_s,
                                    u"2026-05-01T12:00:40+08:00"_s})
                                 .lastLine();
        const AdminRun fresh = admin(keyOption
                                     + QStringList{u"codes"_s, u"verify"_s, u"--at"_s,
                                                   u"2026-05-01T12:00:40+08:00"_s, next});
        QVERIFY2(fresh.exitCode == 0, qPrintable(fresh.out + fresh.err));
        // Without the till's key folder the ledger cannot be checked: said, and judged without.
        const AdminRun noKeys = admin({u"codes"_s, u"verify"_s, u"--at"_s, at, coupon});
        QVERIFY2(noKeys.out.contains(u"is not checked"_s), qPrintable(noKeys.out));
        QFile::remove(QDir(dataDir()).filePath(u"ledger.db"_s));
    }

    void poolOfCoupons()
    {
        const QString data = dataDir(u"pool"_s);
        QVERIFY(admin({u"codes"_s, u"keygen"_s}, data).exitCode == 0);
        const QStringList pool = {u"codes"_s,     u"pool"_s,   u"--campaign"_s, u"9"_s,
                                  u"--count"_s,   u"4"_s,      u"--kind"_s,     u"percent"_s,
                                  u"--value"_s,   u"10"_s,     u"--name-zh"_s,  u"九折券"_s,
                                  u"--name-en"_s, u"10% off"_s};
        const AdminRun made = admin(pool, data);
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        QVERIFY2(made.lastLine().startsWith(u"4 coupons, serials 90000001 to 90000004"_s),
                 qPrintable(made.out));
        const QString file = data + u"/codes/pool/9.pool"_s;
        QCOMPARE(QFileInfo(file).permissions() & 0x0077, QFileDevice::Permissions());
        QFile read(file);
        QVERIFY(read.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(read.readAll()).trimmed().split(u'\n');
        QCOMPARE(lines.size(), 5 + 4);
        QVERIFY2(lines[1].startsWith(u"# kind=percent value=1000 min_spend=0.00"_s),
                 qPrintable(lines[1]));
        QCOMPARE(lines[2], u"campaign=9"_s);
        QCOMPARE(lines[3], u"name_zh=九折券"_s);
        for (const QString &code : lines.mid(5)) {
            const AdminRun verified = admin({u"codes"_s, u"verify"_s, code}, data);
            QVERIFY2(verified.exitCode == 0, qPrintable(verified.out + verified.err));
            QVERIFY(verified.out.contains(u"campaign 9"_s));
        }
        const AdminRun again = admin(pool, data);
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(u"--replace"_s), qPrintable(again.err));
        QCOMPARE(admin(pool + QStringList{u"--replace"_s}, data).exitCode, 0);
        QCOMPARE(admin({u"codes"_s, u"pool"_s, u"--campaign"_s, u"0"_s, u"--count"_s, u"1"_s,
                        u"--kind"_s, u"cash"_s, u"--value"_s, u"1"_s},
                       data)
                     .exitCode,
                 2);
    }

    void malformedAndMasked()
    {
        const AdminRun notOurs = admin({u"codes"_s, u"verify"_s, u"134567890123456789"_s});
        QCOMPARE(notOurs.exitCode, 1);
        QCOMPARE(notOurs.out, u"malformed: 1345**********6789 is not a member or coupon code\n"_s);
        const AdminRun truncated = admin({u"codes"_s, u"verify"_s, mayCoupon().chopped(3)});
        QCOMPARE(truncated.exitCode, 1);
        QVERIFY2(truncated.lastLine().startsWith(u"malformed: "_s), qPrintable(truncated.out));
        const AdminRun member = admin({u"codes"_s, u"verify"_s, u"SPM1.M1.007.AAAAAAAAAAAAAAAA"_s});
        QCOMPARE(member.exitCode, 1);
        QVERIFY2(member.out.startsWith(u"malformed: "_s), qPrintable(member.out));
    }

    void badOptions_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QStringList coupon = {u"codes"_s, u"coupon"_s};
        QTest::newRow("kind") << coupon + QStringList{u"--kind"_s, u"gift"_s, u"--value"_s, u"5"_s}
                              << u"--kind: “gift” is not cash, percent, threshold or item"_s;
        QTest::newRow("value") << coupon
                                      + QStringList{u"--kind"_s, u"cash"_s, u"--value"_s,
                                                    u"5.555"_s}
                               << u"--value: “5.555” is not an amount in yuan"_s;
        QTest::newRow("percent") << coupon
                                        + QStringList{u"--kind"_s, u"percent"_s, u"--value"_s,
                                                      u"101"_s}
                                 << u"--value: “101” is not a percent above 0, at most 100"_s;
        QTest::newRow("threshold")
            << coupon + QStringList{u"--kind"_s, u"threshold"_s, u"--value"_s, u"5"_s}
            << u"--min-spend: a threshold coupon needs the spend it starts at"_s;
        QTest::newRow("item") << coupon + QStringList{u"--kind"_s, u"item"_s, u"--value"_s, u"1"_s}
                              << u"--sku: an item coupon needs the product it gives"_s;
        QTest::newRow("dates") << coupon + QStringList{u"--kind"_s,        u"cash"_s,
                                                       u"--value"_s,       u"5"_s,
                                                       u"--valid-from"_s,  u"2026-06-01"_s,
                                                       u"--valid-until"_s, u"2026-05-01"_s}
                               << u"--valid-until must be after --valid-from"_s;
        QTest::newRow("date") << coupon + QStringList{u"--kind"_s,        u"cash"_s,
                                                      u"--value"_s,       u"5"_s,
                                                      u"--valid-until"_s, u"31.5.2026"_s}
                              << u"--valid-until: “31.5.2026” is not a date"_s;
        QTest::newRow("member") << QStringList{u"codes"_s, u"member"_s, u"--member"_s, u"M.1"_s}
                                << u"--member: “M.1” is not a member id"_s;
        QTest::newRow("at") << QStringList{u"codes"_s, u"verify"_s, u"--at"_s, u"noon"_s, u"x"_s}
                            << u"--at: “noon” is not an ISO 8601 time"_s;
    }

    void badOptions()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const AdminRun run = admin(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    // A store's till: the public key and the member secret, not the private key.
    void tillWithoutThePrivateKey()
    {
        const QString till = dataDir(u"till"_s);
        QVERIFY(QDir().mkpath(till + u"/codes"_s));
        for (const QString &name : {keyFiles[1], keyFiles[2]})
            QVERIFY(QFile::copy(dataDir() + u"/codes/"_s + name, till + u"/codes/"_s + name));
        const AdminRun verify =
            admin({u"codes"_s, u"verify"_s, u"--at"_s, u"2026-05-15T12:00:00+08:00"_s, mayCoupon()},
                  till);
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.out + verify.err));
        const AdminRun sign =
            admin({u"codes"_s, u"coupon"_s, u"--kind"_s, u"cash"_s, u"--value"_s, u"5"_s}, till);
        QCOMPARE(sign.exitCode, 1);
        QVERIFY2(sign.err.contains(u"can check coupons but not issue them"_s),
                 qPrintable(sign.err));

        const AdminRun none = admin({u"codes"_s, u"verify"_s, mayCoupon()}, dataDir(u"empty"_s));
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains(u"There are no code keys in"_s), qPrintable(none.err));
    }
};

QTEST_MAIN(TestCodeCommands)
#include "tst_codecommands.moc"
