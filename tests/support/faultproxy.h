#pragma once

// A bad network between tills and smartpos-cloud, for the sync tests. The proxy ends the tills'
// TLS with the cloud's own certificate and key (the test owns them, so the tills' pinning still
// holds) and speaks TLS to the cloud itself; between the two it sees each HTTP/1.1 request and
// answer whole, so it can fail exactly where it hurts: before the request reaches the cloud, or
// after the cloud applied it and before the till hears the answer. It runs on the thread that
// makes it: keep that thread's event loop turning (QTest::qWait) while tills talk through it.

#include <QPointer>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>
#include <QUrl>

#include <optional>

namespace smartpos::testing {

// Chances per request, each in [0, 1]; what is left passes untouched.
struct FaultPlan {
    double dropBeforeRequest = 0; // the till's connection closes; the cloud sees nothing
    double cutAfterApply = 0;     // the cloud answers; the till's connection closes without it
    double resetMidAnswer = 0;    // half the answer, then a TCP reset
    double delay = 0;             // held 0…maxDelayMs before it goes on
    int maxDelayMs = 300;
    quint32 seed = 1;
};

struct FaultCounts {
    int passed = 0, droppedBefore = 0, cutAfter = 0, reset = 0, delayed = 0;
};

class FaultProxy : public QTcpServer {
public:
    FaultProxy(QSslCertificate certificate, QSslKey key, QUrl upstream)
        : m_certificate(std::move(certificate))
        , m_key(std::move(key))
        , m_upstream(std::move(upstream))
    {
    }

    bool listen() { return QTcpServer::listen(QHostAddress::LocalHost, 0); }
    QUrl url() const { return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(serverPort())); }
    void setPlan(const FaultPlan &plan)
    {
        m_plan = plan;
        m_random.seed(plan.seed);
    }
    FaultCounts counts() const { return m_counts; }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *till = new QSslSocket(this);
        if (!till->setSocketDescriptor(descriptor)) {
            delete till;
            return;
        }
        till->setLocalCertificate(m_certificate);
        till->setPrivateKey(m_key);
        new Link(this, till);
        till->startServerEncryption();
    }

private:
    enum class Fault { None, DropBefore, CutAfter, Reset };

    // One till connection and its connection to the cloud: requests one at a time, in order.
    class Link : public QObject {
    public:
        Link(FaultProxy *proxy, QSslSocket *till)
            : QObject(proxy)
            , m_proxy(proxy)
            , m_till(till)
        {
            connect(till, &QSslSocket::readyRead, this, [this] {
                m_fromTill += m_till->readAll();
                nextRequest();
            });
            connect(till, &QSslSocket::disconnected, this, &Link::close);
            connect(till, &QSslSocket::errorOccurred, this, &Link::close);
        }

    private:
        // The length of the whole HTTP message at the front of `bytes`, once it is all there.
        static std::optional<qsizetype> messageLength(const QByteArray &bytes)
        {
            const qsizetype headerEnd = bytes.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return std::nullopt;
            qsizetype bodyLength = 0;
            for (const QByteArray &header : bytes.left(headerEnd).split('\n'))
                if (header.toLower().startsWith("content-length:"))
                    bodyLength = header.mid(15).trimmed().toLongLong();
            const qsizetype total = headerEnd + 4 + bodyLength;
            return bytes.size() >= total ? std::optional(total) : std::nullopt;
        }

        void nextRequest()
        {
            if (m_inFlight)
                return;
            const std::optional<qsizetype> length = messageLength(m_fromTill);
            if (!length)
                return;
            const QByteArray request = m_fromTill.left(*length);
            m_fromTill.remove(0, *length);
            m_inFlight = true;
            const FaultPlan &plan = m_proxy->m_plan;
            QRandomGenerator &random = m_proxy->m_random;
            const double roll = random.generateDouble();
            m_fault = Fault::None;
            if (roll < plan.dropBeforeRequest) {
                ++m_proxy->m_counts.droppedBefore;
                close();
                return;
            }
            if (roll < plan.dropBeforeRequest + plan.cutAfterApply)
                m_fault = Fault::CutAfter;
            else if (roll < plan.dropBeforeRequest + plan.cutAfterApply + plan.resetMidAnswer)
                m_fault = Fault::Reset;
            if (random.generateDouble() < plan.delay) {
                ++m_proxy->m_counts.delayed;
                QTimer::singleShot(random.bounded(plan.maxDelayMs + 1), this,
                                   [this, request] { forward(request); });
                return;
            }
            forward(request);
        }

        void forward(const QByteArray &request)
        {
            if (!m_cloud) {
                m_cloud = new QSslSocket(this);
                QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
                ssl.setCaCertificates({m_proxy->m_certificate});
                m_cloud->setSslConfiguration(ssl);
                m_cloud->setPeerVerifyName(m_proxy->m_upstream.host());
                connect(m_cloud, &QSslSocket::readyRead, this, [this] {
                    m_fromCloud += m_cloud->readAll();
                    answer();
                });
                connect(m_cloud, &QSslSocket::disconnected, this, &Link::close);
                connect(m_cloud, &QSslSocket::errorOccurred, this, &Link::close);
                m_cloud->connectToHostEncrypted(m_proxy->m_upstream.host(),
                                                quint16(m_proxy->m_upstream.port()));
            }
            m_cloud->write(request);
        }

        void answer()
        {
            const std::optional<qsizetype> length = messageLength(m_fromCloud);
            if (!length)
                return;
            const QByteArray response = m_fromCloud.left(*length);
            m_fromCloud.remove(0, *length);
            switch (m_fault) {
            case Fault::CutAfter:
                ++m_proxy->m_counts.cutAfter;
                close();
                return;
            case Fault::Reset:
                ++m_proxy->m_counts.reset;
                m_till->write(response.left(response.size() / 2));
                m_till->flush();
                m_till->abort();
                close();
                return;
            default:
                ++m_proxy->m_counts.passed;
                m_till->write(response);
                m_inFlight = false;
                nextRequest();
            }
        }

        void close()
        {
            if (m_closed)
                return;
            m_closed = true;
            if (m_till)
                m_till->abort();
            if (m_cloud)
                m_cloud->abort();
            if (m_till)
                m_till->deleteLater();
            deleteLater();
        }

        FaultProxy *m_proxy;
        QPointer<QSslSocket> m_till;
        QPointer<QSslSocket> m_cloud;
        QByteArray m_fromTill, m_fromCloud;
        Fault m_fault = Fault::None;
        bool m_inFlight = false;
        bool m_closed = false;
    };

    QSslCertificate m_certificate;
    QSslKey m_key;
    QUrl m_upstream;
    FaultPlan m_plan;
    QRandomGenerator m_random{1};
    FaultCounts m_counts;
};

} // namespace smartpos::testing
