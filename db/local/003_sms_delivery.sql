-- BranchDesk local database, schema version 3: SMS delivery to the HTTP gateway
-- (app/sync/SmsGateway). SQLite cannot change a CHECK constraint in place, so the table is
-- rebuilt with the new status "sending" and the delivery bookkeeping:
--   status          queued -> sending (claimed before the POST) -> sent | queued (retry) | failed
--   attempts        POSTs made so far (a crash while sending counts when the message is claimed again)
--   next_attempt_at queued: not before this time (backoff); sending: the claim's lease, after
--                   which another run may take the message over (a killed process left it)
--   last_error      a technical class ("timeout", "http 503", "network 1"): never the text,
--                   the mobile or the gateway's answer
--   gateway_id      the gateway's id for the delivered message, when it gives one
-- The idempotency key sent to the gateway is the message's id (a UUID), so a re-send after a
-- timeout or a crash is recognised by the gateway and reaches the phone once.
CREATE TABLE sms_messages_v3 (
    id              TEXT PRIMARY KEY,
    branch_code     TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    national_code   TEXT NOT NULL,
    mobile          TEXT NOT NULL,
    kind            TEXT NOT NULL,
    text            TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
    sent_at         TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error      TEXT NOT NULL DEFAULT '',
    gateway_id      TEXT
) WITHOUT ROWID;
INSERT INTO sms_messages_v3 (id, branch_code, version, national_code, mobile, kind, text, created_at, status, sent_at)
    SELECT id, branch_code, version, national_code, mobile, kind, text, created_at, status, sent_at FROM sms_messages;
DROP TABLE sms_messages;
ALTER TABLE sms_messages_v3 RENAME TO sms_messages;
CREATE INDEX sms_by_created ON sms_messages (created_at);
CREATE INDEX sms_by_code ON sms_messages (national_code);
-- What the next delivery run picks up, in order.
CREATE INDEX sms_by_status ON sms_messages (status, next_attempt_at);
