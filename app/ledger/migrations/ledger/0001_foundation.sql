-- The foundation's ledger: sales with an SHA-256 chained journal. Kept as it was so that new
-- and old files take the same numbered road; 0002 turns it into the typed, keyed journal.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sales (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    terminal_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    total_fen INTEGER NOT NULL,
    tax_fen INTEGER NOT NULL,
    UNIQUE (terminal_id, seq)
);
CREATE TABLE sale_lines (
    id INTEGER PRIMARY KEY,
    sale_id INTEGER NOT NULL REFERENCES sales(id),
    line_no INTEGER NOT NULL,
    sku TEXT NOT NULL,
    code TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    weighed INTEGER NOT NULL,
    unit_price_fen INTEGER NOT NULL,
    total_fen INTEGER NOT NULL,
    tax_rate_bp INTEGER NOT NULL,
    UNIQUE (sale_id, line_no)
);
CREATE TABLE tenders (
    id INTEGER PRIMARY KEY,
    sale_id INTEGER NOT NULL REFERENCES sales(id),
    kind TEXT NOT NULL,
    amount_fen INTEGER NOT NULL,
    received_fen INTEGER NOT NULL,
    change_fen INTEGER NOT NULL
);
CREATE INDEX tenders_sale ON tenders(sale_id);
CREATE TABLE journal (
    seq INTEGER PRIMARY KEY,
    terminal_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    ref TEXT NOT NULL,
    created_at TEXT NOT NULL,
    payload BLOB NOT NULL,
    prev_hash BLOB NOT NULL,
    hash BLOB NOT NULL
);
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    ref TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    sent_at TEXT
);
CREATE INDEX outbox_pending ON outbox(id) WHERE sent_at IS NULL;
CREATE TABLE print_jobs (
    id INTEGER PRIMARY KEY,
    sale_id INTEGER NOT NULL REFERENCES sales(id),
    kind TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'queued',
    created_at TEXT NOT NULL,
    printed_at TEXT
);
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
CREATE TRIGGER sales_no_update BEFORE UPDATE ON sales BEGIN SELECT RAISE(ABORT, 'sales is append-only'); END;
CREATE TRIGGER sales_no_delete BEFORE DELETE ON sales BEGIN SELECT RAISE(ABORT, 'sales is append-only'); END;
CREATE TRIGGER sale_lines_no_update BEFORE UPDATE ON sale_lines BEGIN SELECT RAISE(ABORT, 'sale_lines is append-only'); END;
CREATE TRIGGER sale_lines_no_delete BEFORE DELETE ON sale_lines BEGIN SELECT RAISE(ABORT, 'sale_lines is append-only'); END;
CREATE TRIGGER tenders_no_update BEFORE UPDATE ON tenders BEGIN SELECT RAISE(ABORT, 'tenders is append-only'); END;
CREATE TRIGGER tenders_no_delete BEFORE DELETE ON tenders BEGIN SELECT RAISE(ABORT, 'tenders is append-only'); END;
