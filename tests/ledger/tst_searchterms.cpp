#include "ledger/searchterms.h"

#include <QTest>

using namespace smartpos;
using namespace Qt::StringLiterals;

class TestSearchTerms : public QObject {
    Q_OBJECT

private slots:
    void termsKeepTheirSpacing();
    void terms_data();
    void terms();
    void query_data();
    void query();
};

void TestSearchTerms::termsKeepTheirSpacing()
{
    // The index holds exactly these bytes; a change means every catalog.db needs reindexing.
    QCOMPARE(searchTerms(u"可乐"_s, u"Cola"_s, u"DR1"_s), u" 可 可乐 乐   Cola DR1"_s);
}

void TestSearchTerms::terms_data()
{
    QTest::addColumn<QString>("nameZh");
    QTest::addColumn<QString>("nameEn");
    QTest::addColumn<QString>("sku");
    QTest::addColumn<QStringList>("words"); // in order

    QTest::newRow("Chinese, pairs overlap")
        << u"可口可乐"_s << u"Coca-Cola"_s << u"DR0001"_s
        << QStringList{u"可"_s,   u"可口"_s, u"口"_s,        u"口可"_s,  u"可"_s,
                       u"可乐"_s, u"乐"_s,   u"Coca-Cola"_s, u"DR0001"_s};
    QTest::newRow("Chinese then Latin in one name")
        << u"农夫山泉550ml"_s << QString() << u"W1"_s
        << QStringList{u"农"_s,   u"农夫"_s, u"夫"_s,    u"夫山"_s, u"山"_s,
                       u"山泉"_s, u"泉"_s,   u"550ml"_s, u"W1"_s};
    QTest::newRow("one Chinese character between Latin")
        << u"A4纸"_s << u"A4 Paper"_s << u"P1"_s
        << QStringList{u"A4"_s, u"纸"_s, u"A4"_s, u"Paper"_s, u"P1"_s};
    QTest::newRow("extension A and compatibility ideographs")
        << u"㐀豈"_s << QString() << QString() << QStringList{u"㐀"_s, u"㐀豈"_s, u"豈"_s};
    QTest::newRow("kana are not split")
        << u"おにぎり"_s << QString() << QString() << QStringList{u"おにぎり"_s};
    QTest::newRow("nothing") << QString() << QString() << QString() << QStringList{};
}

void TestSearchTerms::terms()
{
    QFETCH(QString, nameZh);
    QFETCH(QString, nameEn);
    QFETCH(QString, sku);
    QFETCH(QStringList, words);
    QCOMPARE(searchTerms(nameZh, nameEn, sku).split(u' ', Qt::SkipEmptyParts), words);
}

void TestSearchTerms::query_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("match");

    QTest::newRow("one character") << u"山"_s << u"\"山\""_s;
    QTest::newRow("Chinese pairs") << u"农夫山泉"_s << u"\"农夫\" AND \"夫山\" AND \"山泉\""_s;
    QTest::newRow("Latin words are lowercase prefixes")
        << u"Mineral-WATER 550ML"_s << u"\"mineral\"* AND \"water\"* AND \"550ml\"*"_s;
    QTest::newRow("Latin then one character") << u"A4纸"_s << u"\"a4\"* AND \"纸\""_s;
    QTest::newRow("punctuation between Chinese") << u"可乐，雪碧"_s << u"\"可乐\" AND \"雪碧\""_s;
    QTest::newRow("quotes typed are dropped") << u"\"coca\""_s << u"\"coca\"*"_s;
    QTest::newRow("kana as one word") << u"おにぎり"_s << u"\"おにぎり\"*"_s;
    QTest::newRow("FTS5 operators only") << u"*-^() "_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestSearchTerms::query()
{
    QFETCH(QString, typed);
    QFETCH(QString, match);
    QCOMPARE(searchQuery(typed), match);
}

QTEST_GUILESS_MAIN(TestSearchTerms)
#include "tst_searchterms.moc"
