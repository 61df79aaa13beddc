-- Central schema 6 (SQLite): the persons each branch holds. A SQLite central is one
-- machine's file: it cannot isolate branches from a local user who can open it (no roles,
-- no row-level security; a branch's session refuses other branches' rows only by its own
-- connection's temporary triggers). What it does as PostgreSQL's schema 6 does: a branch
-- pulls only the persons it holds (those it registered and those it fetched for a visit,
-- recorded in person_fetches), and no password hash (see db/CentralPull.cpp).
-- Statements end with ';' at the end of a line; a CREATE TRIGGER ends at "END;".

CREATE TABLE branch_persons (
    branch_code   TEXT NOT NULL,
    national_code TEXT NOT NULL,
    how           TEXT NOT NULL CHECK (how IN ('home', 'fetched')),
    since         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (branch_code, national_code)
) WITHOUT ROWID;
CREATE INDEX branch_persons_by_code ON branch_persons (national_code);

CREATE TABLE person_fetches (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    branch_code   TEXT NOT NULL,
    national_code TEXT NOT NULL,
    staff_login   TEXT NOT NULL,
    fetched_at    TEXT NOT NULL
);
CREATE INDEX person_fetches_by_branch ON person_fetches (branch_code, fetched_at);

INSERT OR IGNORE INTO branch_persons (branch_code, national_code, how)
SELECT branch_code, national_code, 'home' FROM requests
UNION SELECT branch_code, national_code, 'home' FROM accounts
UNION SELECT branch_code, national_code, 'home' FROM sms_messages
UNION SELECT branch_code, national_code, 'home' FROM recoveries;

ALTER TABLE changes ADD COLUMN national_code TEXT;
UPDATE changes SET national_code = json_extract(payload, '$.national_code');

CREATE TRIGGER changes_national_code AFTER INSERT ON changes
BEGIN
    UPDATE changes SET national_code = json_extract(NEW.payload, '$.national_code') WHERE seq = NEW.seq;
END;

-- A person the central database knows nothing of becomes the branch's that first writes a
-- row about them (their registration, or a restored branch's resent rows).
CREATE TRIGGER requests_home_branch AFTER INSERT ON requests
WHEN NOT EXISTS (SELECT 1 FROM branch_persons WHERE national_code = NEW.national_code)
BEGIN
    INSERT OR IGNORE INTO branch_persons (branch_code, national_code, how)
    VALUES (NEW.branch_code, NEW.national_code, 'home');
END;

CREATE TRIGGER accounts_home_branch AFTER INSERT ON accounts
WHEN NOT EXISTS (SELECT 1 FROM branch_persons WHERE national_code = NEW.national_code)
BEGIN
    INSERT OR IGNORE INTO branch_persons (branch_code, national_code, how)
    VALUES (NEW.branch_code, NEW.national_code, 'home');
END;

CREATE TRIGGER sms_messages_home_branch AFTER INSERT ON sms_messages
WHEN NOT EXISTS (SELECT 1 FROM branch_persons WHERE national_code = NEW.national_code)
BEGIN
    INSERT OR IGNORE INTO branch_persons (branch_code, national_code, how)
    VALUES (NEW.branch_code, NEW.national_code, 'home');
END;

CREATE TRIGGER recoveries_home_branch AFTER INSERT ON recoveries
WHEN NOT EXISTS (SELECT 1 FROM branch_persons WHERE national_code = NEW.national_code)
BEGIN
    INSERT OR IGNORE INTO branch_persons (branch_code, national_code, how)
    VALUES (NEW.branch_code, NEW.national_code, 'home');
END;

-- A recovery is checked at the counter that started it: the code hashes older branches
-- pushed are wiped (a SQLite central is not a boundary: newer ones are not refused).
UPDATE recoveries SET code_hash = NULL WHERE code_hash IS NOT NULL;
