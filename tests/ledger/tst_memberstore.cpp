// The member directory (members.db) as a careless manager feeds it: every bad file is refused
// with the line and the reason and changes nothing; BOM and GB18030 files import; --dry-run
// changes nothing; a re-import says what changed; lookups read every phone spelling; and a
// damaged members.db is an Error, never "no such member".

#include "ledger/memberstore.h"

#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace smartpos;
using namespace Qt::StringLiterals;

namespace {

QString demoMembersPath()
{
    return QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-members.csv");
}

QByteArray membersFile(const QStringList &rows)
{
    return (QStringList{MemberStore::csvHeader()} + rows).join(u"\r\n").toUtf8() + "\r\n";
}

// Every row of members.db, read through a connection of its own.
QStringList snapshot(const QString &dataDir)
{
    QStringList lines;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("snapshot"));
        db.setDatabaseName(QDir(dataDir).filePath(MemberStore::fileName()));
        if (!db.open())
            return {u"cannot open"_s};
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT id, phone, name, tier, points, ifnull(birthday, '-'), "
                              "ifnull(consent_utc, '-') FROM members ORDER BY id"));
        while (q.next()) {
            QStringList fields;
            for (int i = 0; i < 7; ++i)
                fields << q.value(i).toString();
            lines << fields.join(u',');
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("snapshot"));
    return lines;
}

// The demo members, in a folder of their own.
struct Directory {
    QTemporaryDir dir;
    MemberStore store;

    Directory()
    {
        if (!store.open(dir.path()) || !store.importCsv(demoMembersPath()).ok)
            qFatal("cannot set up the demo members");
    }

    MemberImportReport import(const QByteArray &bytes, const MemberImportOptions &options = {})
    {
        const QString path = dir.filePath(u"import.csv"_s);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write the file to import");
        file.close();
        return store.importCsv(path, options);
    }
};

const QString good = u"N1,13312345678,新会员,gold,100,,"_s;

} // namespace

class TestMemberStore : public QObject {
    Q_OBJECT

private slots:
    void demoMembers()
    {
        QTemporaryDir dir;
        MemberStore store;
        QVERIFY_OK(store.open(dir.path()));
        const MemberImportReport report = store.importCsv(demoMembersPath());
        QVERIFY2(report.ok, qPrintable(report.reason));
        QCOMPARE(report.members, 12);
        QCOMPARE(report.added.size(), 12);
        QCOMPARE(report.added.first(), u"M0001"_s);
        QCOMPARE(*store.count(), 12);

        const auto wang = store.lookupById(u"M0002"_s);
        QVERIFY_OK(wang);
        QVERIFY(wang->has_value());
        const Member &m = **wang;
        QCOMPARE(m.phone, u"13912345678"_s); // written "+86 139-1234-5678"
        QCOMPARE(m.name, u"王小明"_s);
        QCOMPARE(m.tier, u"platinum"_s);
        QCOMPARE(m.points, 25600);
        QCOMPARE(m.birthday, u"11-02"_s);
        QCOMPARE(m.consent, QDateTime(QDate(2024, 6, 1), QTime(9, 0), Qt::UTC));
        QCOMPARE(m.maskedName(), u"王*明"_s);
        QCOMPARE(m.maskedPhone(), u"139****5678"_s);

        const auto leap = store.lookupById(u"M0004"_s);
        QVERIFY(leap && leap->has_value());
        QCOMPARE((*leap)->birthday, u"02-29"_s);
        QVERIFY(!(*leap)->consent.isValid());

        QVERIFY(!store.lookupById(u"M9999"_s)->has_value());
        struct stat info {};
        QCOMPARE(
            ::stat(QFile::encodeName(dir.filePath(MemberStore::fileName())).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600u);
    }

    void lookupByPhoneInEverySpelling_data()
    {
        QTest::addColumn<QString>("phone");
        for (const QString &spelling :
             {u"13912345678"_s, u"139 1234 5678"_s, u"139-1234-5678"_s, u"+86 139 1234 5678"_s,
              u"+8613912345678"_s, u"8613912345678"_s, u"0086-139-1234-5678"_s})
            QTest::newRow(qPrintable(spelling)) << spelling;
    }
    void lookupByPhoneInEverySpelling()
    {
        QFETCH(QString, phone);
        Directory d;
        const auto found = d.store.lookupByPhone(phone);
        QVERIFY_OK(found);
        QVERIFY(found->has_value());
        QCOMPARE((*found)->id, u"M0002"_s);
    }

    void lookupByPhoneNotAPhone()
    {
        Directory d;
        for (const QString &text : {u"M0002"_s, u"1391234567"_s, u""_s, u"139 1234 5679"_s}) {
            const auto found = d.store.lookupByPhone(text);
            QVERIFY_OK(found);
            QVERIFY2(!found->has_value(), qPrintable(text));
        }
    }

    void refusedChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<qint64>("line");
        QTest::addColumn<QString>("message"); // a part of the reason

        auto rows = [](const QStringList &r) { return membersFile(r); };
        QTest::newRow("not the header") << QByteArray("id,phone\r\nN1,13312345678\r\n") << 1LL
                                        << u"the first line must be the header"_s;
        QTest::newRow("duplicate id in the file")
            << rows({good, u"N1,13312345679,Other,gold,1,,"_s}) << 3LL
            << u"member N1 appears twice"_s;
        QTest::newRow("duplicate phone in the file, spelt differently")
            << rows({good, u"N2,+86 133-1234-5678,Other,gold,1,,"_s}) << 3LL
            << u"phone 13312345678 appears twice"_s;
        QTest::newRow("phone of a member the file does not list")
            << rows({u"N1,13800138000,抢号,gold,1,,"_s}) << 2LL
            << u"phone 13800138000 belongs to member M0001"_s;
        QTest::newRow("landline") << rows({u"N1,010-62345678,x,gold,1,,"_s}) << 2LL
                                  << u"not a mainland mobile number"_s;
        QTest::newRow("phone in scientific notation (Excel)")
            << rows({u"N1,1.38001E+10,x,gold,1,,"_s}) << 2LL << u"not a mainland mobile"_s;
        QTest::newRow("empty phone") << rows({u"N1,,x,gold,1,,"_s}) << 2LL << u"phone \"\""_s;
        QTest::newRow("bad member id")
            << rows({u"N 1,13312345678,x,gold,1,,"_s}) << 2LL << u"member_id \"N 1\""_s;
        QTest::newRow("member id too long")
            << rows({QString(33, u'A') + u",13312345678,x,gold,1,,"_s}) << 2LL
            << u"1 to 32 letters"_s;
        QTest::newRow("negative points")
            << rows({u"N1,13312345678,x,gold,-5,,"_s}) << 2LL << u"not a whole number ≥ 0"_s;
        QTest::newRow("points with decimals")
            << rows({u"N1,13312345678,x,gold,1.5,,"_s}) << 2LL << u"not a whole number ≥ 0"_s;
        QTest::newRow("points above the cap")
            << rows({u"N1,13312345678,x,gold,100000001,,"_s}) << 2LL << u"above 100000000"_s;
        QTest::newRow("points beyond qint64")
            << rows({u"N1,13312345678,x,gold,99999999999999999999,,"_s}) << 2LL
            << u"above 100000000"_s;
        QTest::newRow("no points")
            << rows({u"N1,13312345678,x,gold,,,"_s}) << 2LL << u"points \"\""_s;
        QTest::newRow("tier not in the list")
            << rows({u"N1,13312345678,x,diamond,1,,"_s}) << 2LL
            << u"tier \"diamond\" is not one of silver, gold, platinum"_s;
        QTest::newRow("02-30") << rows({u"N1,13312345678,x,gold,1,02-30,"_s}) << 2LL
                               << u"birthday \"02-30\""_s;
        QTest::newRow("birthday with a year")
            << rows({u"N1,13312345678,x,gold,1,1990-03-15,"_s}) << 2LL << u"MM-DD"_s;
        QTest::newRow("consent in local time")
            << rows({u"N1,13312345678,x,gold,1,,2025-03-01T08:00:00"_s}) << 2LL
            << u"not a UTC time"_s;
        QTest::newRow("consent not a time")
            << rows({u"N1,13312345678,x,gold,1,,yesterdayZ"_s}) << 2LL << u"not a UTC time"_s;
        QTest::newRow("NUL in a name")
            << rows({u"N1,13312345678,新%1会员,gold,1,,"_s.arg(QChar(0))}) << 2LL << u"U+0000"_s;
        QTest::newRow("line break in a quoted name")
            << rows({u"N1,13312345678,\"新\n会员\",gold,1,,"_s}) << 2LL << u"U+000A"_s;
        QTest::newRow("right-to-left override")
            << rows({u"N1,13312345678,\u202Enhoj,gold,1,,"_s}) << 2LL << u"U+202E"_s;
        QTest::newRow("31-character name")
            << rows({u"N1,13312345678,%1,gold,1,,"_s.arg(QString(31, u'长'))}) << 2LL
            << u"name has 31 characters; at most 30"_s;
        QTest::newRow("too few fields")
            << rows({u"N1,13312345678,x,gold,1"_s}) << 2LL << u"expected 7 fields, found 5"_s;
        QTest::newRow("the bad row after good ones, after a blank line")
            << rows({good, u""_s, u"N2,13312345679,x,gold,-1,,"_s}) << 4LL << u"≥ 0"_s;
        QTest::newRow("not UTF-8") << rows({good}).replace("新会员", "\xd0\xc2\xbb\xe1\xd4\xb1")
                                   << 2LL << u"--encoding gb18030"_s;
    }
    void refusedChangesNothing()
    {
        QFETCH(QByteArray, file);
        QFETCH(qint64, line);
        QFETCH(QString, message);
        Directory d;
        const QStringList before = snapshot(d.dir.path());
        for (const bool dryRun : {true, false}) {
            MemberImportOptions options;
            options.dryRun = dryRun;
            const MemberImportReport report = d.import(file, options);
            QVERIFY(!report.ok);
            QCOMPARE(report.line, line);
            QVERIFY2(report.reason.contains(message), qPrintable(report.reason));
            QCOMPARE(report.members, 0);
            QVERIFY(report.added.isEmpty() && report.updated.isEmpty());
            QCOMPARE(snapshot(d.dir.path()), before);
        }
    }

    void reimportCountsUnchangedAndUpdated()
    {
        Directory d;
        const QStringList before = snapshot(d.dir.path());
        const MemberImportReport again = d.store.importCsv(demoMembersPath());
        QVERIFY2(again.ok, qPrintable(again.reason));
        QCOMPARE(again.unchanged, 12);
        QVERIFY(again.added.isEmpty() && again.updated.isEmpty());
        QCOMPARE(snapshot(d.dir.path()), before);

        // New points for one, a tier in capitals (stored as written in the list), one new member.
        const MemberImportReport changed = d.import(
            membersFile({u"M0001,13800138000,张三,GOLD,1500,03-15,2025-01-10T02:30:00Z"_s,
                         u"M0003,+86 137 0000 1111,李娜,silver,80,,2025-03-01T08:00:00Z"_s, good}));
        QVERIFY2(changed.ok, qPrintable(changed.reason));
        QCOMPARE(changed.updated, QStringList{u"M0001"_s});
        QCOMPARE(changed.added, QStringList{u"N1"_s});
        QCOMPARE(changed.unchanged, 1);
        QCOMPARE((*d.store.lookupById(u"M0001"_s))->points, 1500);
        QCOMPARE((*d.store.lookupById(u"M0001"_s))->tier, u"gold"_s);
        QCOMPARE(*d.store.count(), 13);
    }

    void aMemberChangesPhone()
    {
        Directory d;
        // M0001 gives up 13800138000 and M0007 takes it, in the file's order.
        const MemberImportReport report =
            d.import(membersFile({u"M0001,13800138001,张三,gold,1280,03-15,2025-01-10T02:30:00Z"_s,
                                  u"M0007,13800138000,陈静,silver,450,,"_s}));
        QVERIFY2(report.ok, qPrintable(report.reason));
        QCOMPARE((*d.store.lookupByPhone(u"13800138000"_s))->id, u"M0007"_s);
        QVERIFY(!d.store.lookupByPhone(u"18888888888"_s)->has_value());
    }

    void dryRunChangesNothing()
    {
        Directory d;
        const QStringList before = snapshot(d.dir.path());
        MemberImportOptions options;
        options.dryRun = true;
        const MemberImportReport report =
            d.import(membersFile({good, u"M0001,13800138000,张三,gold,1,,"_s}), options);
        QVERIFY2(report.ok, qPrintable(report.reason));
        QCOMPARE(report.added, QStringList{u"N1"_s});
        QCOMPARE(report.updated, QStringList{u"M0001"_s});
        QCOMPARE(snapshot(d.dir.path()), before);
    }

    void utf8Bom()
    {
        Directory d;
        const MemberImportReport report = d.import("\xEF\xBB\xBF" + membersFile({good}));
        QVERIFY2(report.ok, qPrintable(report.reason));
        QCOMPARE((*d.store.lookupById(u"N1"_s))->name, u"新会员"_s);
    }

    void gb18030()
    {
        Directory d;
        QStringEncoder encoder("GB18030");
        const QByteArray bytes = encoder.encode(QString::fromUtf8(membersFile({good})));
        QVERIFY(!encoder.hasError());
        const MemberImportReport refused = d.import(bytes);
        QVERIFY(!refused.ok);
        QCOMPARE(refused.line, 2);
        QVERIFY2(refused.reason.contains(u"--encoding gb18030"_s), qPrintable(refused.reason));

        MemberImportOptions options;
        options.encoding = TextEncoding::Gb18030;
        const MemberImportReport imported = d.import(bytes, options);
        QVERIFY2(imported.ok, qPrintable(imported.reason));
        QCOMPARE((*d.store.lookupById(u"N1"_s))->name, u"新会员"_s);
    }

    void missingFile()
    {
        Directory d;
        const MemberImportReport report = d.store.importCsv(d.dir.filePath(u"nope.csv"_s));
        QVERIFY(!report.ok);
        QCOMPARE(report.line, 0);
        QVERIFY2(report.reason.startsWith(u"cannot read"_s), qPrintable(report.reason));
    }

    void notADatabase()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(MemberStore::fileName()));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
        file.close();
        MemberStore store;
        const Status opened = store.open(dir.path());
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::Damaged);
        QVERIFY2(opened.error().message.contains(MemberStore::fileName()),
                 qPrintable(opened.error().message));
    }

    void damagedAfterOpenIsAnError()
    {
        QTemporaryDir dir;
        {
            MemberStore store;
            QVERIFY_OK(store.open(dir.path()));
            QVERIFY(store.importCsv(demoMembersPath()).ok);
        } // closed: the WAL is checkpointed into members.db
        const QString path = dir.filePath(MemberStore::fileName());
        {
            // Page 2 is the members table: garbage, as a failing disk returns it.
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.size() >= 8192);
            file.seek(4096);
            file.write(QByteArray(4096, '\xA5'));
        }
        MemberStore store;
        QVERIFY_OK(store.open(dir.path()));
        for (const auto &found :
             {store.lookupById(u"M0001"_s), store.lookupByPhone(u"13800138000"_s)}) {
            QVERIFY(!found);
            QCOMPARE(found.error().code, ErrorCode::Damaged);
            QVERIFY2(!found.error().message.isEmpty(), "no message");
        }
    }
};

QTEST_GUILESS_MAIN(TestMemberStore)
#include "tst_memberstore.moc"
