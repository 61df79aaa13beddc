-- Central schema 5 (PostgreSQL): no recovery code is kept. Branches no longer push the SMS
-- that carries one; the texts older branches pushed are wiped from the rows, the change log,
-- and the conflicts' copies. (The row update logs a new change with the empty text, so a
-- branch that pulled the old one pulls the wiped one after it.) The old tuples are left to
-- VACUUM; run VACUUM FULL sms_messages, changes, conflicts to rewrite the files at once.
UPDATE sms_messages SET text = '' WHERE kind = 'recovery_code' AND text <> '';
UPDATE changes SET payload = jsonb_set(payload, '{text}', '""'::jsonb)
WHERE table_name = 'sms_messages' AND payload ->> 'kind' = 'recovery_code';
UPDATE conflicts SET local_payload = jsonb_set(local_payload, '{text}', '""'::jsonb)
WHERE table_name = 'sms_messages' AND local_payload ->> 'kind' = 'recovery_code';
UPDATE conflicts SET central_payload = jsonb_set(central_payload, '{text}', '""'::jsonb)
WHERE table_name = 'sms_messages' AND central_payload ->> 'kind' = 'recovery_code';
