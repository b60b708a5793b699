#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

namespace smartpos {

class SaleSession;

// The one state model behind the customer-facing screen, derived from the sale session:
// idle (attract loop) → cart (every line, total; a way to sign in or join as a member) → member
// (the cart with the member's points and coupons) → payment (amount due) → thanks (change,
// points earned) → idle. It shows only what the cashier has confirmed: lines in the cart,
// committed sales, and the member the sale is for, masked, since people in the queue can read it.
// The state of its own: whether "thank you" has been shown long enough, the phone number being
// typed on the keypad with the consent box, and a notice shown for a few seconds.
class CustomerDisplay : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString totalText READ totalText NOTIFY saleChanged)
    Q_PROPERTY(int articleCount READ articleCount NOTIFY saleChanged)
    Q_PROPERTY(QString receivedText READ receivedText NOTIFY saleChanged)
    Q_PROPERTY(QString changeText READ changeText NOTIFY saleChanged)
    Q_PROPERTY(QString storeName READ storeName CONSTANT)
    Q_PROPERTY(QStringList attractImages READ attractImages CONSTANT)

    // The member, as the queue may see them: "Hello, 王*明" (or the masked phone without a name).
    Q_PROPERTY(bool hasMember READ hasMember NOTIFY memberChanged)
    Q_PROPERTY(QString greeting READ greeting NOTIFY memberChanged)
    Q_PROPERTY(QString memberTier READ memberTier NOTIFY memberChanged)
    Q_PROPERTY(QString memberPointsText READ memberPointsText NOTIFY memberChanged)
    Q_PROPERTY(bool memberBirthday READ memberBirthday NOTIFY memberChanged)
    // "You earn 12 points with this sale"; after payment, "You earned 12 points".
    Q_PROPERTY(QString earnText READ earnText NOTIFY memberChanged)
    // "300 points pay ¥3.00" while the sale uses points; empty otherwise.
    Q_PROPERTY(QString redeemText READ redeemText NOTIFY memberChanged)
    // After payment: "Your points: 1,262".
    Q_PROPERTY(QString balanceText READ balanceText NOTIFY memberChanged)

    // Joining: the QR code's link, the consent, and the phone keypad.
    Q_PROPERTY(QString joinUrl READ joinUrl WRITE setJoinUrl NOTIFY joinUrlChanged)
    Q_PROPERTY(QString consentText READ consentText NOTIFY memberChanged)
    Q_PROPERTY(QString phoneText READ phoneText NOTIFY keypadChanged) // "138 1234 5678"
    Q_PROPERTY(bool consent READ consent WRITE setConsent NOTIFY keypadChanged)
    Q_PROPERTY(bool canSignIn READ canSignIn NOTIFY keypadChanged)
    Q_PROPERTY(bool canJoin READ canJoin NOTIFY keypadChanged)
    // A friendly word for the customer about their code or number, for a few seconds.
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
public:
    enum class State { Idle, Cart, Member, Payment, Thanks };
    Q_ENUM(State)

    static constexpr int phoneDigits = 11;

    CustomerDisplay(SaleSession &session, QString storeName, QObject *parent = nullptr);

    State state() const;
    // The sale in progress, or the one just paid.
    QString totalText() const;
    int articleCount() const;
    QString receivedText() const;
    QString changeText() const;
    const QString &storeName() const { return m_storeName; }
    const QStringList &attractImages() const { return m_attractImages; }

    bool hasMember() const;
    QString greeting() const;
    QString memberTier() const;
    QString memberPointsText() const;
    bool memberBirthday() const;
    QString earnText() const;
    QString redeemText() const;
    QString balanceText() const;

    const QString &joinUrl() const { return m_joinUrl; }
    void setJoinUrl(const QString &url);
    QString consentText() const;
    QString phoneText() const;
    bool consent() const { return m_consent; }
    void setConsent(bool consent);
    bool canSignIn() const;
    bool canJoin() const { return canSignIn() && m_consent; }
    const QString &notice() const { return m_notice; }

    // The keypad: a digit, the last one off, all off (with the consent box).
    Q_INVOKABLE void pressDigit(int digit);
    Q_INVOKABLE void deleteDigit();
    Q_INVOKABLE void clearKeypad();
    // "I'm a member": the member with the typed number.
    Q_INVOKABLE bool signIn();
    // "Join": a new member with the typed number, who ticked the consent box (a number that is
    // already a member's signs that member in).
    Q_INVOKABLE bool join();

    // How long "thank you" stays before the attract loop (default 20 s).
    void setThanksDurationMs(int ms) { m_thanksTimer.setInterval(ms); }
    // How long a notice stays (default 6 s).
    void setNoticeDurationMs(int ms) { m_noticeTimer.setInterval(ms); }
    // The UI language changed: the texts made here are read again.
    void retranslate();

signals:
    void stateChanged();
    void saleChanged();
    void memberChanged();
    void keypadChanged();
    void noticeChanged();
    void joinUrlChanged();
    // What the cashier should know about a refused sign-in or sign-up from the keypad (the
    // session's own words; the customer gets a friendly notice instead).
    void refused(const QString &message);

private:
    void onSessionStateChanged();
    void showNotice(const QString &text);
    bool submitted(bool ok, const QString &error, bool notFound);

    SaleSession &m_session;
    QString m_storeName;
    QStringList m_attractImages;
    bool m_thanksShown = false;
    QTimer m_thanksTimer;
    QString m_joinUrl;
    QString m_phone; // digits only
    bool m_consent = false;
    QString m_notice;
    QTimer m_noticeTimer;
};

} // namespace smartpos
