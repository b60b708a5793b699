// Members in app/core/member.h: the phone spellings read, birthdays, and what the customer screen
// shows of a name and a phone.
#include "core/member.h"

#include <QTest>

using namespace smartpos;
using namespace Qt::StringLiterals;

class TestMember : public QObject {
    Q_OBJECT

private slots:
    void maskedName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("masked");
        QTest::newRow("two characters") << u"张三"_s << u"张*"_s;
        QTest::newRow("three characters") << u"王小明"_s << u"王*明"_s;
        QTest::newRow("compound surname") << u"欧阳小明"_s << u"欧**明"_s;
        QTest::newRow("one character") << u"张"_s << u"张"_s;
        QTest::newRow("English") << u"John Smith"_s << u"J*** S****"_s;
        QTest::newRow("extra spaces") << u"  John   Smith "_s << u"J*** S****"_s;
        QTest::newRow("mixed") << u"Li 小明"_s << u"L* 小*"_s;
        QTest::newRow("outside the BMP") << u"𠀋小明"_s << u"𠀋*明"_s;
        QTest::newRow("empty") << QString() << QString();
    }
    void maskedName()
    {
        QFETCH(QString, name);
        QFETCH(QString, masked);
        Member m;
        m.name = name;
        QCOMPARE(m.maskedName(), masked);
    }

    void maskedPhone()
    {
        Member m;
        m.phone = u"13812345678"_s;
        QCOMPARE(m.maskedPhone(), u"138****5678"_s);
        m.phone = u"12345"_s;
        QCOMPARE(m.maskedPhone(), u"*****"_s);
    }

    void canonicalPhone_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("phone"); // empty: refused
        const QString p = u"13812345678"_s;
        QTest::newRow("plain") << p << p;
        QTest::newRow("spaces") << u"138 1234 5678"_s << p;
        QTest::newRow("dashes") << u"138-1234-5678"_s << p;
        QTest::newRow("+86") << u"+86 138-1234-5678"_s << p;
        QTest::newRow("+86 no space") << u"+8613812345678"_s << p;
        QTest::newRow("86") << u"8613812345678"_s << p;
        QTest::newRow("0086") << u"0086 13812345678"_s << p;
        QTest::newRow("199") << u"19912345678"_s << u"19912345678"_s;
        QTest::newRow("10 digits") << u"1381234567"_s << QString();
        QTest::newRow("12 digits") << u"138123456789"_s << QString();
        QTest::newRow("starts with 2") << u"23812345678"_s << QString();
        QTest::newRow("12x") << u"12812345678"_s << QString();
        QTest::newRow("landline") << u"010-12345678"_s << QString();
        QTest::newRow("+ in the middle") << u"138+12345678"_s << QString();
        QTest::newRow("+1") << u"+1 13812345678"_s << QString();
        QTest::newRow("full-width digits") << u"１３８１２３４５６７８"_s << QString();
        QTest::newRow("letter") << u"1381234567O"_s << QString();
        QTest::newRow("tab") << u"138\t12345678"_s << QString();
        QTest::newRow("empty") << QString() << QString();
    }
    void canonicalPhone()
    {
        QFETCH(QString, text);
        QFETCH(QString, phone);
        QCOMPARE(smartpos::canonicalPhone(text).value_or(QString()), phone);
    }

    void birthdays()
    {
        for (const QString &day : {u"01-01"_s, u"02-29"_s, u"12-31"_s, u"04-30"_s})
            QVERIFY2(isBirthday(day), qPrintable(day));
        for (const QString &day : {u"02-30"_s, u"04-31"_s, u"13-01"_s, u"00-10"_s, u"1-1"_s,
                                   u"01/01"_s, u"2000-01-01"_s, u""_s, u"01-1 "_s})
            QVERIFY2(!isBirthday(day), qPrintable(day));
    }

    void tiers() { QCOMPARE(memberTiers(), (QStringList{u"silver"_s, u"gold"_s, u"platinum"_s})); }
};

QTEST_APPLESS_MAIN(TestMember)
#include "tst_member.moc"
