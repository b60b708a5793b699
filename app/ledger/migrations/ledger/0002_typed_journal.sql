-- The journal of typed entries with a keyed MAC chain. Every table that records history is
-- STRICT (no REAL where an INTEGER belongs) and append-only; the outbox and the print queue may
-- only change their delivery columns. The rows of the foundation are carried over; the C++ step
-- after this script re-chains the foundation's journal with the terminal key (after checking its
-- SHA-256 chain) and drops the old tables.
PRAGMA defer_foreign_keys = ON;
DROP TRIGGER journal_no_update;
DROP TRIGGER journal_no_delete;
DROP TRIGGER sales_no_update;
DROP TRIGGER sales_no_delete;
DROP TRIGGER sale_lines_no_update;
DROP TRIGGER sale_lines_no_delete;
DROP TRIGGER tenders_no_update;
DROP TRIGGER tenders_no_delete;
DROP INDEX tenders_sale;
DROP INDEX outbox_pending;
ALTER TABLE journal RENAME TO old_journal;
ALTER TABLE sales RENAME TO old_sales;
ALTER TABLE sale_lines RENAME TO old_sale_lines;
ALTER TABLE tenders RENAME TO old_tenders;
ALTER TABLE outbox RENAME TO old_outbox;
ALTER TABLE print_jobs RENAME TO old_print_jobs;

CREATE TABLE journal (
    seq INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    payload BLOB NOT NULL,
    prev_mac BLOB NOT NULL,
    mac BLOB NOT NULL
) STRICT;
CREATE TABLE sales (
    seq INTEGER PRIMARY KEY REFERENCES journal(seq),
    total_fen INTEGER NOT NULL,
    tax_fen INTEGER NOT NULL
) STRICT;
CREATE TABLE sale_lines (
    seq INTEGER NOT NULL REFERENCES sales(seq),
    line_no INTEGER NOT NULL,
    sku TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    weighed INTEGER NOT NULL,
    unit_price_fen INTEGER NOT NULL,
    total_fen INTEGER NOT NULL,
    tax_rate_bp INTEGER NOT NULL,
    PRIMARY KEY (seq, line_no)
) STRICT, WITHOUT ROWID;
CREATE TABLE sale_adjustments (
    seq INTEGER NOT NULL REFERENCES sales(seq),
    adjustment_no INTEGER NOT NULL,
    line_no INTEGER NOT NULL, -- 0: the whole basket
    source TEXT NOT NULL,
    amount_fen INTEGER NOT NULL,
    PRIMARY KEY (seq, adjustment_no)
) STRICT, WITHOUT ROWID;
CREATE TABLE tenders (
    seq INTEGER NOT NULL REFERENCES sales(seq),
    tender_no INTEGER NOT NULL,
    kind TEXT NOT NULL,
    amount_fen INTEGER NOT NULL,
    received_fen INTEGER NOT NULL,
    change_fen INTEGER NOT NULL,
    reference TEXT NOT NULL,
    PRIMARY KEY (seq, tender_no)
) STRICT, WITHOUT ROWID;
-- The rows are what reports query; the payload in the journal is the record itself (names and
-- scanned codes live only there).
-- One event per journal entry that goes to the cloud; its body is the entry's payload.
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY REFERENCES journal(seq),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_attempt_at TEXT,
    sent_at TEXT
) STRICT;
CREATE INDEX outbox_pending ON outbox(seq) WHERE sent_at IS NULL;
-- Anything to print (receipt, no-sale slip, report, reprint), each for one journal entry.
CREATE TABLE print_jobs (
    id INTEGER PRIMARY KEY,
    seq INTEGER NOT NULL REFERENCES journal(seq),
    kind TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'queued',
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    printed_at TEXT
) STRICT;
CREATE INDEX print_jobs_queued ON print_jobs(id) WHERE printed_at IS NULL;
CREATE INDEX print_jobs_entry ON print_jobs(seq);

INSERT INTO sales (seq, total_fen, tax_fen) SELECT seq, total_fen, tax_fen FROM old_sales;
INSERT INTO sale_lines
    SELECT s.seq, l.line_no, l.sku, l.quantity, l.weighed, l.unit_price_fen, l.total_fen,
           l.tax_rate_bp
    FROM old_sale_lines l JOIN old_sales s ON s.id = l.sale_id;
INSERT INTO tenders
    SELECT s.seq, row_number() OVER (PARTITION BY t.sale_id ORDER BY t.id), t.kind, t.amount_fen,
           t.received_fen, t.change_fen, ''
    FROM old_tenders t JOIN old_sales s ON s.id = t.sale_id;
INSERT INTO outbox (seq, attempts, sent_at)
    SELECT s.seq, o.attempts, o.sent_at FROM old_outbox o JOIN old_sales s ON s.uuid = o.ref;
INSERT INTO print_jobs (id, seq, kind, status, created_at, printed_at)
    SELECT p.id, s.seq, p.kind, p.status, p.created_at, p.printed_at
    FROM old_print_jobs p JOIN old_sales s ON s.id = p.sale_id;

CREATE TRIGGER meta_no_update BEFORE UPDATE ON meta BEGIN SELECT RAISE(ABORT, 'meta is append-only'); END;
CREATE TRIGGER meta_no_delete BEFORE DELETE ON meta BEGIN SELECT RAISE(ABORT, 'meta is append-only'); END;
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
CREATE TRIGGER sales_no_update BEFORE UPDATE ON sales BEGIN SELECT RAISE(ABORT, 'sales is append-only'); END;
CREATE TRIGGER sales_no_delete BEFORE DELETE ON sales BEGIN SELECT RAISE(ABORT, 'sales is append-only'); END;
CREATE TRIGGER sale_lines_no_update BEFORE UPDATE ON sale_lines BEGIN SELECT RAISE(ABORT, 'sale_lines is append-only'); END;
CREATE TRIGGER sale_lines_no_delete BEFORE DELETE ON sale_lines BEGIN SELECT RAISE(ABORT, 'sale_lines is append-only'); END;
CREATE TRIGGER sale_adjustments_no_update BEFORE UPDATE ON sale_adjustments BEGIN SELECT RAISE(ABORT, 'sale_adjustments is append-only'); END;
CREATE TRIGGER sale_adjustments_no_delete BEFORE DELETE ON sale_adjustments BEGIN SELECT RAISE(ABORT, 'sale_adjustments is append-only'); END;
CREATE TRIGGER tenders_no_update BEFORE UPDATE ON tenders BEGIN SELECT RAISE(ABORT, 'tenders is append-only'); END;
CREATE TRIGGER tenders_no_delete BEFORE DELETE ON tenders BEGIN SELECT RAISE(ABORT, 'tenders is append-only'); END;
CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox BEGIN SELECT RAISE(ABORT, 'outbox rows are kept'); END;
CREATE TRIGGER outbox_fixed BEFORE UPDATE OF seq ON outbox BEGIN SELECT RAISE(ABORT, 'an outbox event cannot move'); END;
CREATE TRIGGER print_jobs_no_delete BEFORE DELETE ON print_jobs BEGIN SELECT RAISE(ABORT, 'print jobs are kept'); END;
CREATE TRIGGER print_jobs_fixed BEFORE UPDATE OF id, seq, kind, created_at ON print_jobs BEGIN SELECT RAISE(ABORT, 'a print job cannot change what it prints'); END;
