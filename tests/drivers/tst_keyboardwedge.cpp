#include "scanner/keyboardwedge.h"

#include <QSignalSpy>
#include <QTest>
#include <QWindow>

using namespace smartpos;

namespace {
// A window that records the text of every key press that reaches it.
class RecordingWindow : public QWindow {
public:
    QString typed;
    int enters = 0;

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if (event->key() == Qt::Key_Return)
            ++enters;
        else
            typed += event->text();
    }
};
} // namespace

class TestKeyboardWedge : public QObject {
    Q_OBJECT

    RecordingWindow *window = nullptr;
    KeyboardWedge *wedge = nullptr;
    qint64 nowMs = 0;

    void type(const QString &text, int gapMs)
    {
        for (QChar c : text) {
            nowMs += gapMs;
            QTest::keyClick(window, c.toLatin1());
        }
    }
    void enter(int gapMs)
    {
        nowMs += gapMs;
        QTest::keyClick(window, Qt::Key_Return);
    }

private slots:
    void init()
    {
        window = new RecordingWindow;
        window->show();
        wedge = new KeyboardWedge;
        wedge->setMaxGapMs(40);
        wedge->setClock([this] { return nowMs; });
        wedge->attach(window);
    }
    void cleanup()
    {
        delete wedge;
        delete window;
    }

    void burstEndingInEnterIsAScan()
    {
        QSignalSpy scans(wedge, &KeyboardWedge::scanned);
        type(QStringLiteral("6928804608014"), 3);
        enter(3);
        QCOMPARE(scans.size(), 1);
        QCOMPARE(scans.first().first().toString(), QStringLiteral("6928804608014"));
        QCOMPARE(window->typed, QString()); // nothing reached the focused field
        QCOMPARE(window->enters, 0);
    }

    void personTypingStillTypes()
    {
        QSignalSpy scans(wedge, &KeyboardWedge::scanned);
        type(QStringLiteral("cola"), 150);
        nowMs += 150;
        QTRY_COMPARE(window->typed, QStringLiteral("cola")); // the last key after the gap timer
        enter(150);
        QCOMPARE(scans.size(), 0);
        QCOMPARE(window->enters, 1);
    }

    void shortBurstAndEnterPassThroughInOrder()
    {
        QSignalSpy scans(wedge, &KeyboardWedge::scanned);
        type(QStringLiteral("12"), 5); // too short for a code: a fast person, not a scanner
        enter(5);
        QCOMPARE(scans.size(), 0);
        QCOMPARE(window->typed, QStringLiteral("12"));
        QCOMPARE(window->enters, 1);
    }

    void slowStartThenBurstScansOnlyTheBurst()
    {
        QSignalSpy scans(wedge, &KeyboardWedge::scanned);
        type(QStringLiteral("x"), 4);
        nowMs += 200;
        // The first burst key arrives long after "x": "x" is handed back, the rest is a scan.
        type(QStringLiteral("96385274"), 4);
        enter(4);
        QCOMPARE(scans.size(), 1);
        QCOMPARE(scans.first().first().toString(), QStringLiteral("96385274"));
        QCOMPARE(window->typed, QStringLiteral("x"));
    }

    void functionKeysAreNeverHeld()
    {
        type(QStringLiteral("5"), 3);
        nowMs += 3;
        QTest::keyClick(window, Qt::Key_F2);
        QCOMPARE(window->typed, QStringLiteral("5")); // released before the F-key went through
    }

    void thresholdIsConfigurable()
    {
        wedge->setMaxGapMs(100);
        QSignalSpy scans(wedge, &KeyboardWedge::scanned);
        type(QStringLiteral("4006381333931"), 80);
        enter(80);
        QCOMPARE(scans.size(), 1);
    }
};

QTEST_MAIN(TestKeyboardWedge)
#include "tst_keyboardwedge.moc"
