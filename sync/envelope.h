#pragma once

#include "ledger/outbox.h"

#include <QByteArray>

namespace smartpos {

// The wire form of one outbox event, as the sync client sends it:
//   {"body":<the entry's payload>,"created_at":"…","event_id":"…","kind":"sale","seq":42,
//    "terminal":"…","v":2}
// Compact, keys in byte order, the body embedded as the JSON it already is (never re-encoded,
// so the cloud can check it against the terminal's MAC chain byte for byte).
QByteArray encodeEnvelope(const OutboxEvent &event);
// A batch for one push: {"events":[…]}.
QByteArray encodeBatch(const QList<OutboxEvent> &events);

} // namespace smartpos
