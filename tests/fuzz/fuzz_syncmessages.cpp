// The sync protocol's readers (sync/protocol.h): what a till reads from the network and what the
// cloud reads from a till. Nothing from the network may crash them or be half read.
//
// Input, by its first byte:
//   'p'  the rest is a push request as the cloud reads it: what parses has each event's body as
//        a JSON object that stands in the input byte for byte, and writing the events back and
//        reading them again gives the same events;
//   else the rest is an answer as a till reads it, given to every answer reader: push results
//        and changes pages that parse are written back and read again unchanged, and a page's
//        changes come in cursor order, never past its cursor.
#include "fuzzcheck.h"

#include "sync/protocol.h"

#include <QJsonDocument>

using namespace smartpos;
using namespace smartpos::sync;
using smartpos::fuzz::quoted;

namespace {

void checkPush(QByteArrayView input)
{
    const Result<PushRequest> parsed = parsePush(input);
    if (!parsed)
        return;
    QList<OutboxEvent> events;
    for (const PushedEvent &event : parsed->events) {
        FUZZ_CHECK(QJsonDocument::fromJson(event.body).isObject(), quoted(event.body));
        FUZZ_CHECK(input.indexOf(event.body) >= 0, quoted(event.body));
        events.append({event.eventId, event.kind, event.version, event.terminal, event.seq,
                       event.createdAt, event.body, 0, event.mac, event.prevMac});
    }
    const Result<PushRequest> again = parsePush(encodePush(events, parsed->head));
    FUZZ_CHECK(again.ok(), quoted(input));
    FUZZ_CHECK(again->events.size() == parsed->events.size(), quoted(input));
    for (qsizetype i = 0; i < events.size(); ++i) {
        const PushedEvent &a = parsed->events[i], &b = again->events[i];
        FUZZ_CHECK(a.body == b.body && a.eventId == b.eventId && a.seq == b.seq && a.mac == b.mac
                       && a.prevMac == b.prevMac && a.kind == b.kind && a.terminal == b.terminal
                       && a.version == b.version && a.createdAt == b.createdAt,
                   quoted(input));
    }
}

void checkAnswers(QByteArrayView input)
{
    if (const Result<QList<EventResult>> results = parsePushResults(input)) {
        const Result<QList<EventResult>> again = parsePushResults(encodePushResults(*results));
        FUZZ_CHECK(again.ok() && again->size() == results->size(), quoted(input));
        for (qsizetype i = 0; i < results->size(); ++i)
            FUZZ_CHECK(again->at(i).eventId == results->at(i).eventId
                           && again->at(i).outcome == results->at(i).outcome
                           && again->at(i).detail == results->at(i).detail,
                       quoted(input));
    }
    if (const Result<ChangesPage> page = parseChangesPage(input)) {
        qint64 previous = 0;
        for (const Change &change : page->changes) {
            FUZZ_CHECK(change.seq > previous && change.seq <= page->next, quoted(input));
            previous = change.seq;
        }
        const Result<ChangesPage> again = parseChangesPage(encodeChangesPage(*page));
        FUZZ_CHECK(again.ok() && again->changes.size() == page->changes.size()
                       && again->next == page->next && again->more == page->more,
                   quoted(input));
    }
    (void)parseEnrollment(input);
    (void)parseReservation(input);
    (void)describeErrorBody(input);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArrayView input(reinterpret_cast<const char *>(data) + 1, qsizetype(size) - 1);
    if (data[0] == 'p')
        checkPush(input);
    else
        checkAnswers(input);
    return 0;
}
