// The member code (app/core/membercode.h): a time-step code with a MAC under the member's key.
#include "core/membercode.h"

#include <QTest>

using namespace smartpos;
using namespace Qt::StringLiterals;

using Verdict = MemberCodeCheck::Verdict;

namespace {

const QByteArray secret =
    QByteArray::fromHex("8c1f0e6a3b5d4c2e9f7a6b8c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e");
const QString member = u"M000123"_s;
constexpr qint64 step = 59'012'345; // 2026-02-12T13:22:30Z

QString codeAt(qint64 codeStep, const QString &id = member)
{
    return memberCode(memberCodeKey(secret, id), id, codeStep);
}

} // namespace

class TestMemberCode : public QObject {
    Q_OBJECT

private slots:
    void roundTrip()
    {
        const QString code = codeAt(step);
        QVERIFY(code.startsWith(u"SPM1.M000123.59012345."_s));
        QCOMPARE(code.size(), 38); // docs/codes.md
        const auto parts = parseMemberCode(code);
        QVERIFY(parts);
        QCOMPARE(parts->member, member);
        QCOMPARE(parts->step, step);
        QCOMPARE(parts->tag.size(), memberCodeTagBytes);
        const MemberCodeCheck check = checkMemberCode(code, secret, step * 30 + 7);
        QCOMPARE(check.verdict, Verdict::Valid);
        QCOMPARE(check.member, member);
        QCOMPARE(check.step, step);
        QCOMPARE(codeAt(step), code);
        QVERIFY(codeAt(step + 1) != code);
    }

    void steps()
    {
        QCOMPARE(memberCodeStep(0), 0);
        QCOMPARE(memberCodeStep(29), 0);
        QCOMPARE(memberCodeStep(30), 1);
        QCOMPARE(memberCodeStep(-1), -1);
        QCOMPARE(memberCodeStep(-30), -1);
        QCOMPARE(memberCodeStep(-31), -2);
    }

    // The till's clock against the code's step: ±1 step accepted, at the exact seconds.
    void window_data()
    {
        QTest::addColumn<qint64>("now");
        QTest::addColumn<int>("expected");
        const qint64 start = step * memberCodeStepSeconds;
        QTest::newRow("-2 steps (a phone 60 s ahead)") << start - 60 << int(Verdict::NotYetValid);
        QTest::newRow("last second of -2") << start - 31 << int(Verdict::NotYetValid);
        QTest::newRow("-1 step") << start - 30 << int(Verdict::Valid);
        QTest::newRow("its own step") << start << int(Verdict::Valid);
        QTest::newRow("its last second") << start + 29 << int(Verdict::Valid);
        QTest::newRow("+1 step") << start + 30 << int(Verdict::Valid);
        QTest::newRow("last second of +1") << start + 59 << int(Verdict::Valid);
        QTest::newRow("+2 steps") << start + 60 << int(Verdict::Expired);
        QTest::newRow("a day later") << start + 86400 << int(Verdict::Expired);
    }

    void window()
    {
        QFETCH(qint64, now);
        QFETCH(int, expected);
        const MemberCodeCheck check = checkMemberCode(codeAt(step), secret, now);
        QCOMPARE(int(check.verdict), expected);
        QCOMPARE(check.member, member);
        QCOMPARE(check.step, step);
    }

    void altered()
    {
        const QString code = codeAt(step);
        const qint64 now = step * memberCodeStepSeconds;
        // Every character of the tag replaced by every other base64url character.
        const QString alphabet =
            u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"_s;
        for (qsizetype i = code.size() - 16; i < code.size(); ++i) {
            for (const QChar c : alphabet) {
                if (c == code[i])
                    continue;
                QString changed = code;
                changed[i] = c;
                QCOMPARE(checkMemberCode(changed, secret, now).verdict, Verdict::Forged);
            }
        }
        // Another member or step with this tag.
        const QString tag = code.last(16);
        QCOMPARE(checkMemberCode(u"SPM1.M000124.59012345."_s + tag, secret, now).verdict,
                 Verdict::Forged);
        QCOMPARE(checkMemberCode(u"SPM1.M000123.59012346."_s + tag, secret, now).verdict,
                 Verdict::Forged);
        // Every bit of the ASCII before the tag: malformed or forged, never valid.
        for (qsizetype i = 0; i < code.size() - 16; ++i) {
            for (int bit = 0; bit < 7; ++bit) {
                QString changed = code;
                changed[i] = QChar(changed[i].unicode() ^ (1 << bit));
                const Verdict verdict = checkMemberCode(changed, secret, now).verdict;
                QVERIFY2(verdict == Verdict::Forged || verdict == Verdict::Malformed,
                         qPrintable(changed));
            }
        }
    }

    void otherKeys()
    {
        const qint64 now = step * memberCodeStepSeconds;
        QByteArray otherSecret = secret;
        otherSecret[0] = char(otherSecret[0] ^ 1);
        QCOMPARE(checkMemberCode(codeAt(step), otherSecret, now).verdict, Verdict::Forged);
        // A phone holds its own member's key: with it, a code for another member does not check.
        const QString borrowed = memberCode(memberCodeKey(secret, member), u"M000124"_s, step);
        QCOMPARE(checkMemberCode(borrowed, secret, now).verdict, Verdict::Forged);
        QVERIFY(memberCodeKey(secret, member) != memberCodeKey(secret, u"M000124"_s));
        QCOMPARE(memberCodeKey(secret, member).size(), 32);
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("code");
        const QString good = codeAt(step);
        const QString tag = good.last(16);
        QTest::newRow("empty") << QString();
        QTest::newRow("prefix only") << u"SPM1."_s;
        QTest::newRow("coupon prefix") << u"SPC1."_s + good.sliced(5);
        QTest::newRow("truncated") << good.chopped(1);
        QTest::newRow("no tag") << u"SPM1.M000123.59012345"_s;
        QTest::newRow("empty tag") << u"SPM1.M000123.59012345."_s;
        QTest::newRow("tag of 17") << good + u"A"_s;
        QTest::newRow("extra dot") << good + u"."_s;
        QTest::newRow("extra part") << u"SPM1.M000123.X.59012345."_s + tag;
        QTest::newRow("empty member") << u"SPM1..59012345."_s + tag;
        QTest::newRow("member of 33") << u"SPM1.%1.59012345.%2"_s.arg(QString(33, u'M'), tag);
        QTest::newRow("member with space") << u"SPM1.M 1.59012345."_s + tag;
        QTest::newRow("non-ASCII member") << u"SPM1.Mé1.59012345."_s + tag;
        QTest::newRow("empty step") << u"SPM1.M000123.."_s + tag;
        QTest::newRow("leading zero") << u"SPM1.M000123.059012345."_s + tag;
        QTest::newRow("plus") << u"SPM1.M000123.+59012345."_s + tag;
        QTest::newRow("negative") << u"SPM1.M000123.-1."_s + tag;
        QTest::newRow("13 digits") << u"SPM1.M000123.1000000000000."_s + tag;
        QTest::newRow("huge") << u"SPM1.M000123.99999999999999999999999."_s + tag;
        QTest::newRow("full-width digit") << u"SPM1.M000123.５9012345."_s + tag;
        QTest::newRow("padded tag") << good.chopped(1) + u"="_s;
        QTest::newRow("standard base64 tag") << good.chopped(2) + u"+/"_s;
        QTest::newRow("non-ASCII tag") << good.chopped(1) + u"é"_s;
        QTest::newRow("trailing space") << good + u" "_s;
        QTest::newRow("huge text") << u"SPM1."_s + QString(100'000, u'1');
    }

    void malformed()
    {
        QFETCH(QString, code);
        QCOMPARE(checkMemberCode(code, secret, step * memberCodeStepSeconds).verdict,
                 Verdict::Malformed);
        QVERIFY(!parseMemberCode(code));
    }

    void memberIds()
    {
        QVERIFY(isMemberId(u"M000123"));
        QVERIFY(isMemberId(u"a-b_C9"));
        QVERIFY(isMemberId(QString(32, u'x')));
        QVERIFY(!isMemberId(u""));
        QVERIFY(!isMemberId(QString(33, u'x')));
        QVERIFY(!isMemberId(u"M.1"));
        QVERIFY(!isMemberId(u"会员"));
        QVERIFY(memberCodeKey(secret, u"M.1").isEmpty());
        QVERIFY(memberCode(memberCodeKey(secret, member), u"M.1", step).isEmpty());
        QVERIFY(memberCode(memberCodeKey(secret, member), member, -1).isEmpty());
        QVERIFY(memberCode(memberCodeKey(secret, member), member, 1'000'000'000'000).isEmpty());
        QVERIFY(parseMemberCode(codeAt(999'999'999'999)));
        QVERIFY(parseMemberCode(codeAt(0)));
    }

    // One code, one sale: the till keeps the last step it accepted for each member.
    void oneSaleOnly()
    {
        const qint64 now = step * memberCodeStepSeconds;
        const MemberCodeCheck check = checkMemberCode(codeAt(step), secret, now);
        QCOMPARE(memberVerdictForSale(check, std::nullopt), Verdict::Valid);
        QCOMPARE(memberVerdictForSale(check, step - 1), Verdict::Valid);
        QCOMPARE(memberVerdictForSale(check, step), Verdict::Used);
        QCOMPARE(memberVerdictForSale(check, step + 1), Verdict::Used);
        const MemberCodeCheck old = checkMemberCode(codeAt(step), secret, now + 60);
        QCOMPARE(memberVerdictForSale(old, std::nullopt), Verdict::Expired);
    }
};

QTEST_GUILESS_MAIN(TestMemberCode)
#include "tst_membercode.moc"
