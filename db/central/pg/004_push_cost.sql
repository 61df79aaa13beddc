-- Central schema 4 (PostgreSQL): what a pushed row costs the central database. Same rows
-- in `changes`, same rules of isolation; only how they are computed changes.
-- 1. The change log. The statement trigger of schema 3 read the row's jsonb from a
--    subquery that PostgreSQL pulled up, so to_jsonb ran once per reference to it (five
--    times a row). The travelling tables (requests, accounts, sms_messages, recoveries:
--    each has id, branch_code and version) now get a function that takes those three
--    straight from the transition table and builds the payload once; the reference tables
--    keep the generic function, its subquery fenced (OFFSET 0) so that it runs once a row.
--    The echo tag (branchdesk.push_branch) is read once per statement, as before it was
--    the same for every row of one.
-- 2. Row-level security. The policies compared each written row with
--    branchdesk_session_branch(), a SECURITY DEFINER SQL function that PostgreSQL never
--    inlines: one function call (and one search_path switch) per row. As a scalar subquery
--    it is computed once per statement (an InitPlan); session_user, which it reads, cannot
--    change within a statement.
-- Statements end with ';' at the end of a line; a $$ body ends at its closing $$.

CREATE OR REPLACE FUNCTION branchdesk_record_statement_changes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(7355608);
    IF TG_OP = 'DELETE' THEN
        INSERT INTO changes (table_name, row_id, branch_code, version, op, payload)
        SELECT TG_TABLE_NAME,
               coalesce(r ->> 'id', (r ->> 'national_code') || coalesce(':' || (r ->> 'mobile'), '')),
               r ->> 'branch_code', (r ->> 'version')::integer, 'delete', r
        FROM (SELECT to_jsonb(o) AS r FROM old_rows AS o OFFSET 0) AS logged;
    ELSE
        INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, echo_of)
        SELECT TG_TABLE_NAME,
               coalesce(r ->> 'id', (r ->> 'national_code') || coalesce(':' || (r ->> 'mobile'), '')),
               r ->> 'branch_code', (r ->> 'version')::integer, 'upsert', r,
               nullif(current_setting('branchdesk.push_branch', true), '')
        FROM (SELECT to_jsonb(n) AS r FROM new_rows AS n OFFSET 0) AS logged;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION branchdesk_record_travelling_changes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    echo text := nullif(current_setting('branchdesk.push_branch', true), '');
BEGIN
    PERFORM pg_advisory_xact_lock(7355608);
    IF TG_OP = 'DELETE' THEN
        INSERT INTO changes (table_name, row_id, branch_code, version, op, payload)
        SELECT TG_TABLE_NAME, o.id::text, o.branch_code, o.version, 'delete', to_jsonb(o)
        FROM old_rows AS o;
    ELSE
        INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, echo_of)
        SELECT TG_TABLE_NAME, n.id::text, n.branch_code, n.version, 'upsert', to_jsonb(n), echo
        FROM new_rows AS n;
    END IF;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['requests', 'accounts', 'sms_messages', 'recoveries'] LOOP
        EXECUTE format('DROP TRIGGER %I ON %I', t || '_changes_insert', t);
        EXECUTE format('DROP TRIGGER %I ON %I', t || '_changes_update', t);
        EXECUTE format('DROP TRIGGER %I ON %I', t || '_changes_delete', t);
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION branchdesk_record_travelling_changes()',
                       t || '_changes_insert', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION branchdesk_record_travelling_changes()',
                       t || '_changes_update', t);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION branchdesk_record_travelling_changes()',
                       t || '_changes_delete', t);
        EXECUTE format('ALTER POLICY branch_insert ON %I '
                       'WITH CHECK (branch_code = (SELECT branchdesk_session_branch()))', t);
        EXECUTE format('ALTER POLICY branch_update ON %I '
                       'USING (true) WITH CHECK (branch_code = (SELECT branchdesk_session_branch()))', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['applied_batches', 'conflicts', 'audit_chains'] LOOP
        EXECUTE format('ALTER POLICY branch_own ON %I '
                       'USING (branch_code = (SELECT branchdesk_session_branch())) '
                       'WITH CHECK (branch_code = (SELECT branchdesk_session_branch()))', t);
    END LOOP;
END
$$;
