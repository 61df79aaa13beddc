-- BranchDesk local database, schema version 7: a recovery code is never stored. It now goes
-- from memory straight to the SMS gateway when it is made (app/lifecycle/Recovery.cpp), and
-- its message's row keeps an empty text. The texts an older version queued, kept until
-- delivery, and copied into the outbox are wiped here; the pages they were on are cleared too
-- (the connection runs with PRAGMA secure_delete). A code still waiting in the queue can no
-- longer be sent: its message is marked failed (the person asks for a new code), so that an
-- empty text never reaches a phone.
UPDATE sms_messages
SET text = '',
    status = CASE WHEN status IN ('queued', 'sending') THEN 'failed' ELSE status END,
    next_attempt_at = CASE WHEN status IN ('queued', 'sending') THEN NULL ELSE next_attempt_at END,
    last_error = CASE WHEN status IN ('queued', 'sending') THEN 'code withdrawn' ELSE last_error END
WHERE kind = 'recovery_code';
-- What the central gets of those messages (rows not yet pushed): no text.
UPDATE outbox SET payload = json_set(payload, '$.text', '')
WHERE table_name = 'sms_messages' AND json_extract(payload, '$.kind') = 'recovery_code';
