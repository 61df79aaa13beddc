-- Central schema 5 (SQLite): no recovery code is kept. Branches no longer push the SMS that
-- carries one; the texts older branches pushed are wiped from the rows, the change log, and
-- the conflicts' copies. (The row update logs a new change with the empty text, so a branch
-- that pulled the old one pulls the wiped one after it.)
UPDATE sms_messages SET text = '' WHERE kind = 'recovery_code' AND text <> '';
UPDATE changes SET payload = json_set(payload, '$.text', '')
WHERE table_name = 'sms_messages' AND json_extract(payload, '$.kind') = 'recovery_code';
UPDATE conflicts SET local_payload = json_set(local_payload, '$.text', '')
WHERE table_name = 'sms_messages' AND json_extract(local_payload, '$.kind') = 'recovery_code';
UPDATE conflicts SET central_payload = json_set(central_payload, '$.text', '')
WHERE table_name = 'sms_messages' AND central_payload IS NOT NULL
  AND json_extract(central_payload, '$.kind') = 'recovery_code';
