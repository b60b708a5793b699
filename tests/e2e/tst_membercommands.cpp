// `smartpos-admin members`: import (with its refusals, --dry-run and --encoding), count and find,
// the real binary on a data folder of its own.
#include "adminrun.h"

#include <QDir>
#include <QFile>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using namespace smartpos::testing;
using namespace Qt::StringLiterals;

namespace {

const QString demoMembers = QStringLiteral(SMARTPOS_SOURCE_DIR "/resources/demo-members.csv");
const QString header = u"member_id,phone,name,tier,points,birthday,consent_utc\n"_s;

} // namespace

class TestMemberCommands : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString dataDir() const { return m_dir.filePath(u"till"_s); }

    AdminRun admin(const QStringList &args) const { return runAdmin(dataDir(), args); }

    QString writeFile(const QString &name, const QByteArray &bytes) const
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

private slots:
    void countBeforeAnyImport()
    {
        QVERIFY(QDir().mkpath(dataDir()));
        const AdminRun run = admin({u"members"_s, u"count"_s});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, u"0\n"_s);
        const AdminRun find = admin({u"members"_s, u"find"_s, u"M0001"_s});
        QCOMPARE(find.exitCode, 1);
        QVERIFY2(find.err.contains(u"No members yet"_s), qPrintable(find.err));
    }

    void dryRunThenImport()
    {
        const AdminRun dry = admin({u"members"_s, u"import"_s, u"--dry-run"_s, demoMembers});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
        QVERIFY2(dry.out.startsWith(u"dry run, nothing changed: would import 12 members: 12 new"_s),
                 qPrintable(dry.out));
        QCOMPARE(admin({u"members"_s, u"count"_s}).out, u"0\n"_s);

        const AdminRun run = admin({u"members"_s, u"import"_s, demoMembers});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.startsWith(u"imported 12 members: 12 new, 0 updated, 0 unchanged\n"
                                    u"new: M0001, M0002"_s),
                 qPrintable(run.out));
        QCOMPARE(admin({u"members"_s, u"count"_s}).out, u"12\n"_s);
        const AdminRun again = admin({u"members"_s, u"import"_s, demoMembers});
        QVERIFY2(again.out.startsWith(u"imported 12 members: 0 new, 0 updated, 12 unchanged"_s),
                 qPrintable(again.out));
    }

    void findByIdAndPhone()
    {
        const AdminRun byPhone = admin({u"members"_s, u"find"_s, u"+86 138-0013-8000"_s});
        QVERIFY2(byPhone.exitCode == 0, qPrintable(byPhone.err));
        QCOMPARE(byPhone.out, u"member M0001\nphone 138****8000\nname 张三\ntier gold\n"
                              u"points 1280\nbirthday 03-15\nconsent 2025-01-10T02:30:00Z\n"_s);
        const AdminRun byId = admin({u"members"_s, u"find"_s, u"--full-phone"_s, u"M0004"_s});
        QVERIFY2(byId.exitCode == 0, qPrintable(byId.err));
        QVERIFY2(byId.out.contains(u"phone 15000001234\n"_s) && byId.out.contains(u"consent -\n"_s),
                 qPrintable(byId.out));
        const AdminRun none = admin({u"members"_s, u"find"_s, u"13900000000"_s});
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains(u"No member has the id or phone number “13900000000”"_s),
                 qPrintable(none.err));
    }

    void refusedFileNamesLineAndReason()
    {
        const QString path = writeFile(
            u"bad.csv"_s,
            (header + u"N1,13312345678,新会员,gold,100,,\nN2,13312345679,x,gold,100,02-30,\n"_s)
                .toUtf8());
        const AdminRun run = admin({u"members"_s, u"import"_s, path});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"bad.csv line 3: birthday \"02-30\""_s)
                     && run.err.contains(u"nothing was imported"_s),
                 qPrintable(run.err));
        QCOMPARE(admin({u"members"_s, u"count"_s}).out, u"12\n"_s);
    }

    void gb18030NeedsTheOption()
    {
        QStringEncoder gb("GB18030");
        const QString path =
            writeFile(u"excel.csv"_s, gb.encode(header + u"N1,13312345678,新会员,gold,100,,\n"_s));
        const AdminRun refused = admin({u"members"_s, u"import"_s, path});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"line 2"_s) && refused.err.contains(u"--encoding gb18030"_s),
                 qPrintable(refused.err));
        const AdminRun run =
            admin({u"members"_s, u"import"_s, u"--encoding"_s, u"gb18030"_s, path});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(admin({u"members"_s, u"find"_s, u"N1"_s}).out.contains(u"name 新会员\n"_s),
                 qPrintable(run.out));
        const AdminRun badEncoding =
            admin({u"members"_s, u"import"_s, u"--encoding"_s, u"latin1"_s, path});
        QCOMPARE(badEncoding.exitCode, 2);
    }

    void missingFile()
    {
        const AdminRun run = admin({u"members"_s, u"import"_s, m_dir.filePath(u"nope.csv"_s)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"cannot read"_s), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestMemberCommands)
#include "tst_membercommands.moc"
