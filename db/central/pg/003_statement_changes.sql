-- Central schema 3 (PostgreSQL): the change log is written once per statement instead of
-- once per row. A push writes its rows in multi-row statements; a row-level PL/pgSQL
-- trigger (one call, one advisory lock, one INSERT per row) was most of its cost. The
-- statement-level triggers read the statement's rows from its transition tables and write
-- their `changes` rows in one INSERT … SELECT. Same rows, same columns, same lock (the
-- log's order stays the commit order), same SECURITY DEFINER: branch roles still cannot
-- write `changes` themselves.
-- `echo_of`: the tag of the sync run whose push wrote this row state exactly as its branch
-- database has it (set by the push through the transaction-local setting
-- branchdesk.push_branch); that run's pull skips the row's payload. A tag names one run, not
-- a branch: a new or restored database of the same branch pulls everything. Rows a merge
-- rule or a conflict resolution wrote have none, so every branch, the pusher included,
-- pulls them.
ALTER TABLE changes ADD COLUMN echo_of text;

CREATE FUNCTION branchdesk_record_statement_changes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(7355608);
    IF TG_OP = 'DELETE' THEN
        INSERT INTO changes (table_name, row_id, branch_code, version, op, payload)
        SELECT TG_TABLE_NAME,
               coalesce(r ->> 'id', (r ->> 'national_code') || coalesce(':' || (r ->> 'mobile'), '')),
               r ->> 'branch_code', (r ->> 'version')::integer, 'delete', r
        FROM (SELECT to_jsonb(o) AS r FROM old_rows AS o) AS logged;
    ELSE
        INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, echo_of)
        SELECT TG_TABLE_NAME,
               coalesce(r ->> 'id', (r ->> 'national_code') || coalesce(':' || (r ->> 'mobile'), '')),
               r ->> 'branch_code', (r ->> 'version')::integer, 'upsert', r,
               nullif(current_setting('branchdesk.push_branch', true), '')
        FROM (SELECT to_jsonb(n) AS r FROM new_rows AS n) AS logged;
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER requests_changes ON requests;
DROP TRIGGER accounts_changes ON accounts;
DROP TRIGGER sms_messages_changes ON sms_messages;
DROP TRIGGER recoveries_changes ON recoveries;
DROP TRIGGER registry_persons_changes ON registry_persons;
DROP TRIGGER mobile_owners_changes ON mobile_owners;
DROP FUNCTION branchdesk_record_change();

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['requests', 'accounts', 'sms_messages', 'recoveries', 'registry_persons',
                             'mobile_owners'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION branchdesk_record_statement_changes()',
                       t || '_changes_insert', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION branchdesk_record_statement_changes()',
                       t || '_changes_update', t);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION branchdesk_record_statement_changes()',
                       t || '_changes_delete', t);
    END LOOP;
END
$$;
