#include "envelope.h"

#include "ledger/canonicaljson.h"

namespace smartpos {

namespace {
void appendEnvelope(QByteArray &out, const OutboxEvent &event)
{
    CanonicalWriter w(out);
    w.open('{');
    w.key("body").rawValue(event.body);
    w.key("created_at").value(event.createdAt);
    w.key("event_id").value(event.eventId);
    w.key("kind").value(event.kind);
    w.key("mac").value(QString::fromLatin1(event.mac.toHex()));
    w.key("prev_mac").value(QString::fromLatin1(event.prevMac.toHex()));
    w.key("seq").value(event.seq);
    w.key("terminal").value(event.terminalId);
    w.key("v").value(event.version);
    w.close('}');
}
} // namespace

QByteArray encodeEnvelope(const OutboxEvent &event)
{
    QByteArray out;
    out.reserve(event.body.size() + 200);
    appendEnvelope(out, event);
    return out;
}

QByteArray encodeBatch(const QList<OutboxEvent> &events)
{
    QByteArray out = "{\"events\":[";
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (i)
            out += ',';
        appendEnvelope(out, events[i]);
    }
    out += "]}";
    return out;
}

} // namespace smartpos
