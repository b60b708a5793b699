#include "cloudserver.h"

#include "sync/protocol.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QUrlQuery>

namespace smartpos::cloud {

Q_LOGGING_CATEGORY(lcCloud, "smartpos.cloud")

namespace {

using Reply = CloudServer::Reply;

Reply refuse(int status, const char *code, const QString &message)
{
    return {status, sync::encodeError(QString::fromLatin1(code), message)};
}

QString tr(const char *text)
{
    return QCoreApplication::translate("smartpos::cloud::CloudServer", text);
}

Reply storageFailure(const Error &error)
{
    // The operator reads the details in the cloud's log; the till only needs to retry later.
    qCWarning(lcCloud) << "storage:" << error.message;
    return refuse(500, "storage", tr("The cloud could not reach its database; try again later."));
}

QByteArray pathAndQuery(const QUrl &url)
{
    QByteArray out = url.path(QUrl::FullyEncoded).toUtf8();
    if (url.hasQuery())
        out += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    return out;
}

QByteArrayView methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    default:
        return "OTHER";
    }
}

} // namespace

CloudServer::CloudServer(CloudStore &store, const Clock &clock, QByteArray couponKeysPem,
                         QObject *parent)
    : QAbstractHttpServer(parent)
    , m_store(store)
    , m_clock(clock)
    , m_couponKeysPem(std::move(couponKeysPem))
{
}

bool CloudServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const Reply reply = answer(request);
    makeResponder(request, socket)
        .write(reply.body, "application/json",
               static_cast<QHttpServerResponder::StatusCode>(reply.status));
    return true;
}

void CloudServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    handleRequest(request, socket); // never reached: handleRequest answers everything
}

CloudServer::Reply CloudServer::answer(const QHttpServerRequest &request)
{
    const QString path = request.url().path();
    const QByteArray body = request.body();
    if (body.size() > sync::maxBodyBytes)
        return refuse(413, "too_large", tr("The request is too large."));
    const bool post = request.method() == QHttpServerRequest::Method::Post;
    if (path == sync::enrollPath && post)
        return enroll(body);
    const bool known =
        (path == sync::pushPath && post)
        || (path == sync::changesPath && request.method() == QHttpServerRequest::Method::Get)
        || (path == sync::reservePath && post);
    if (!known)
        return refuse(404, "not_found", tr("There is no such request."));
    std::variant<Terminal, Reply> who = authenticate(request);
    if (Reply *refusal = std::get_if<Reply>(&who))
        return *refusal;
    const Terminal &terminal = std::get<Terminal>(who);
    if (path == sync::changesPath)
        return changes(request);
    if (!terminal.flag.isEmpty())
        return refuse(
            423, "terminal_flagged",
            tr("The cloud refuses this till until an operator looks at it: %1").arg(terminal.flag));
    if (path == sync::pushPath)
        return push(terminal, body);
    return reserve(terminal, body);
}

std::variant<Terminal, CloudServer::Reply>
CloudServer::authenticate(const QHttpServerRequest &request)
{
    const sync::RequestSignature signature{request.value(sync::terminalHeader.toByteArray()),
                                           request.value(sync::timestampHeader.toByteArray()),
                                           request.value(sync::nonceHeader.toByteArray()),
                                           request.value(sync::signatureHeader.toByteArray())};
    const Result<std::optional<Terminal>> found =
        m_store.terminal(QString::fromUtf8(signature.terminal));
    if (!found)
        return storageFailure(found.error());
    if (!found->has_value())
        return refuse(401, "unknown_terminal", tr("This till is not enrolled with this cloud."));
    const Terminal &terminal = **found;
    if (!sync::signatureMatches(terminal.secret, methodName(request.method()),
                                pathAndQuery(request.url()), signature, request.body()))
        return refuse(401, "bad_signature", tr("The request's signature is not valid."));
    // Only a correctly signed request reaches the clock and nonce checks, so nobody without the
    // secret can fill the nonce table.
    bool numeric = false;
    const qint64 sentAt = signature.timestamp.toLongLong(&numeric);
    const qint64 now = m_clock.nowUtc().toSecsSinceEpoch();
    if (!numeric || std::abs(now - sentAt) > sync::allowedSkewSeconds)
        return refuse(401, "stale_request",
                      tr("The till's clock and the cloud's differ by more than five minutes; "
                         "set the till's time."));
    if (signature.nonce.size() != 32)
        return refuse(401, "bad_signature", tr("The request's signature is not valid."));
    const Result<bool> fresh =
        m_store.rememberNonce(terminal.id, signature.nonce, m_clock.nowUtc());
    if (!fresh)
        return storageFailure(fresh.error());
    if (!*fresh)
        return refuse(401, "replayed_nonce",
                      tr("This request was sent before; it is not repeated."));
    return terminal;
}

CloudServer::Reply CloudServer::enroll(const QByteArray &body)
{
    const Result<sync::EnrollRequest> request = sync::parseEnrollRequest(body);
    if (!request)
        return refuse(400, "bad_request", request.error().message);
    const Result<Terminal> terminal = m_store.enroll(*request, m_clock.nowUtc());
    if (!terminal) {
        switch (terminal.error().code) {
        case ErrorCode::NotFound:
            return refuse(404, "unknown_code", terminal.error().message);
        case ErrorCode::Conflict:
            return refuse(409, "code_used", terminal.error().message);
        case ErrorCode::InvalidInput:
            return refuse(410, "code_expired", terminal.error().message);
        default:
            return storageFailure(terminal.error());
        }
    }
    qCInfo(lcCloud).noquote() << "enrolled" << terminal->id << "of store" << terminal->store;
    return {200, sync::encodeEnrollment(
                     {terminal->id, terminal->secret, terminal->store, m_couponKeysPem})};
}

CloudServer::Reply CloudServer::push(const Terminal &terminal, const QByteArray &body)
{
    const Result<sync::PushRequest> request = sync::parsePush(body);
    if (!request)
        return refuse(400, "bad_request", request.error().message);
    for (const sync::PushedEvent &event : request->events)
        if (event.terminal != terminal.ledgerTerminal)
            return refuse(403, "wrong_terminal",
                          tr("The request carries another till's events; nothing was applied."));
    const Result<QList<sync::EventResult>> results =
        m_store.push(terminal, *request, m_clock.nowUtc());
    if (!results)
        return storageFailure(results.error());
    return {200, sync::encodePushResults(*results)};
}

CloudServer::Reply CloudServer::changes(const QHttpServerRequest &request)
{
    const QUrlQuery query = request.query();
    bool sinceOk = false, limitOk = false;
    const qint64 since = query.queryItemValue(QStringLiteral("since")).toLongLong(&sinceOk);
    const int limit = query.queryItemValue(QStringLiteral("limit")).toInt(&limitOk);
    if (!sinceOk || since < 0 || !limitOk || limit < 1 || limit > 5000)
        return refuse(400, "bad_request", tr("Ask for changes with since=N and limit=1…5000."));
    const Result<sync::ChangesPage> page = m_store.changesSince(since, limit);
    if (!page)
        return storageFailure(page.error());
    return {200, sync::encodeChangesPage(*page)};
}

CloudServer::Reply CloudServer::reserve(const Terminal &terminal, const QByteArray &body)
{
    const Result<sync::ReserveRequest> request = sync::parseReserveRequest(body);
    if (!request)
        return refuse(400, "bad_request", request.error().message);
    const Result<sync::ReservationAnswer> answer =
        m_store.reserveCoupon(terminal.id, *request, m_clock.nowUtc());
    if (!answer)
        return storageFailure(answer.error());
    return {200, sync::encodeReservation(answer->reservation, answer->detail)};
}

} // namespace smartpos::cloud
