#pragma once

#include "cloudstore.h"
#include "core/clock.h"

#include <QAbstractHttpServer>
#include <QByteArray>

namespace smartpos::cloud {

// The HTTPS API of smartpos-cloud (docs/sync-protocol.md): enrolment, then requests signed with
// the terminal's secret — push, pull and the online coupon check. Every refusal is decided before
// anything is written: a bad signature, a stale or replayed request, another terminal's events or
// a flagged terminal change nothing. Requests are answered one at a time on this thread; a chain
// runs more processes on one PostgreSQL database to serve more tills.
class CloudServer : public QAbstractHttpServer {
    Q_OBJECT

public:
    // `couponKeysPem` is handed to every terminal that enrols (may be empty).
    CloudServer(CloudStore &store, const Clock &clock, QByteArray couponKeysPem,
                QObject *parent = nullptr);

    struct Reply {
        int status = 200;
        QByteArray body;
    };
    // The whole request → answer mapping, without sockets (the tests' and benchmarks' way in).
    Reply answer(const QHttpServerRequest &request);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Reply enroll(const QByteArray &body);
    Reply push(const Terminal &terminal, const QByteArray &body);
    Reply changes(const QHttpServerRequest &request);
    Reply reserve(const Terminal &terminal, const QByteArray &body);
    // The terminal that signed this request, or the refusal to send.
    std::variant<Terminal, Reply> authenticate(const QHttpServerRequest &request);

    CloudStore &m_store;
    const Clock &m_clock;
    QByteArray m_couponKeysPem;
};

} // namespace smartpos::cloud
