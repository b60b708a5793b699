-- smartpos-cloud's schema, for SQLite and PostgreSQL alike: the common subset of both, binary
-- values as lowercase hex TEXT, times as ISO 8601 TEXT in UTC. {{serial}} is an auto-numbered
-- primary key (INTEGER PRIMARY KEY in SQLite, BIGSERIAL PRIMARY KEY in PostgreSQL). Statements end
-- with ';' at the end of a line.
CREATE TABLE stores (
    name TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
);
CREATE TABLE pairing_codes (
    code_hash TEXT PRIMARY KEY,
    store TEXT NOT NULL REFERENCES stores(name),
    expires_at TEXT NOT NULL,
    used_at TEXT,
    terminal_id TEXT
);
CREATE TABLE terminals (
    id TEXT PRIMARY KEY,
    number BIGINT NOT NULL UNIQUE,
    store TEXT NOT NULL REFERENCES stores(name),
    ledger_terminal TEXT NOT NULL UNIQUE,
    secret TEXT NOT NULL,
    head_seq BIGINT NOT NULL,
    head_mac TEXT NOT NULL,
    flag TEXT NOT NULL,
    enrolled_at TEXT NOT NULL
);
CREATE TABLE nonces (
    terminal_id TEXT NOT NULL,
    nonce TEXT NOT NULL,
    seen_at BIGINT NOT NULL,
    PRIMARY KEY (terminal_id, nonce)
);
CREATE INDEX nonces_seen ON nonces(seen_at);
-- Every event a till pushed, once: the event id is the idempotency key.
CREATE TABLE events (
    event_id TEXT PRIMARY KEY,
    terminal_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    kind TEXT NOT NULL,
    version BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    body TEXT NOT NULL,
    mac TEXT NOT NULL,
    received_at TEXT NOT NULL,
    UNIQUE (terminal_id, seq)
);
CREATE TABLE sales (
    event_id TEXT PRIMARY KEY REFERENCES events(event_id),
    terminal_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    total_fen BIGINT NOT NULL,
    member_id TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE members (
    id TEXT PRIMARY KEY,
    phone TEXT NOT NULL,
    opening_points BIGINT NOT NULL,
    balance BIGINT NOT NULL,
    updated_at TEXT NOT NULL
);
-- Signed points deltas, one per event, member and direction: a balance is opening + their sum.
CREATE TABLE points_movements (
    event_id TEXT NOT NULL REFERENCES events(event_id),
    member_id TEXT NOT NULL,
    direction TEXT NOT NULL,
    delta BIGINT NOT NULL,
    PRIMARY KEY (event_id, member_id, direction)
);
CREATE INDEX points_movements_member ON points_movements(member_id);
-- Not unique per coupon: a coupon written off on two offline tills is recorded twice and listed.
CREATE TABLE coupon_writeoffs (
    event_id TEXT NOT NULL REFERENCES events(event_id),
    coupon_id TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (event_id, coupon_id)
);
CREATE INDEX coupon_writeoffs_coupon ON coupon_writeoffs(coupon_id);
CREATE TABLE conflicts (
    id {{serial}},
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    detail TEXT NOT NULL,
    first_event TEXT NOT NULL,
    second_event TEXT NOT NULL,
    first_receipt TEXT NOT NULL,
    second_receipt TEXT NOT NULL,
    at TEXT NOT NULL
);
-- What the chain tells its tills, in order (pull); a NULL body removes.
CREATE TABLE changes (
    seq {{serial}},
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    body TEXT
);
CREATE TABLE coupon_reservations (
    coupon_id TEXT PRIMARY KEY,
    terminal_id TEXT NOT NULL,
    sale_ref TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE coupon_revocations (
    coupon_id TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('duplicates', 0);
