-- Sales for members (payload version 3): the member, their points, the coupons written off and
-- handed out; and the members who signed up at this till (journal kind member_join). Like every
-- table that records history: STRICT and append-only, and each row's journal payload says the
-- same (ledger verify compares them).
CREATE TABLE sale_members (
    seq INTEGER PRIMARY KEY REFERENCES sales(seq),
    member_id TEXT NOT NULL,
    code_step INTEGER NOT NULL, -- the member code's 30 s step; -1: identified by phone number
    points_earned INTEGER NOT NULL,
    points_redeemed INTEGER NOT NULL
) STRICT;
-- One member code, one sale: the last step accepted for a member is the largest.
CREATE INDEX sale_members_member ON sale_members(member_id, code_step);
CREATE TABLE coupon_redemptions (
    seq INTEGER NOT NULL REFERENCES sales(seq),
    coupon_no INTEGER NOT NULL,
    coupon_id TEXT NOT NULL UNIQUE, -- a coupon is written off once, ever, at this till
    campaign INTEGER NOT NULL,
    key_id INTEGER NOT NULL,
    PRIMARY KEY (seq, coupon_no)
) STRICT, WITHOUT ROWID;
CREATE TABLE coupon_handouts (
    seq INTEGER NOT NULL REFERENCES sales(seq),
    coupon_no INTEGER NOT NULL,
    coupon_id TEXT NOT NULL UNIQUE, -- a pooled coupon is handed out once
    campaign INTEGER NOT NULL,
    PRIMARY KEY (seq, coupon_no)
) STRICT, WITHOUT ROWID;
CREATE TABLE member_joins (
    seq INTEGER PRIMARY KEY REFERENCES journal(seq),
    member_id TEXT NOT NULL UNIQUE,
    phone TEXT NOT NULL UNIQUE
) STRICT;
CREATE TRIGGER sale_members_no_update BEFORE UPDATE ON sale_members BEGIN SELECT RAISE(ABORT, 'sale_members is append-only'); END;
CREATE TRIGGER sale_members_no_delete BEFORE DELETE ON sale_members BEGIN SELECT RAISE(ABORT, 'sale_members is append-only'); END;
CREATE TRIGGER coupon_redemptions_no_update BEFORE UPDATE ON coupon_redemptions BEGIN SELECT RAISE(ABORT, 'coupon_redemptions is append-only'); END;
CREATE TRIGGER coupon_redemptions_no_delete BEFORE DELETE ON coupon_redemptions BEGIN SELECT RAISE(ABORT, 'coupon_redemptions is append-only'); END;
CREATE TRIGGER coupon_handouts_no_update BEFORE UPDATE ON coupon_handouts BEGIN SELECT RAISE(ABORT, 'coupon_handouts is append-only'); END;
CREATE TRIGGER coupon_handouts_no_delete BEFORE DELETE ON coupon_handouts BEGIN SELECT RAISE(ABORT, 'coupon_handouts is append-only'); END;
CREATE TRIGGER member_joins_no_update BEFORE UPDATE ON member_joins BEGIN SELECT RAISE(ABORT, 'member_joins is append-only'); END;
CREATE TRIGGER member_joins_no_delete BEFORE DELETE ON member_joins BEGIN SELECT RAISE(ABORT, 'member_joins is append-only'); END;
