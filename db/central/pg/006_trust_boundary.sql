-- Central schema 6 (PostgreSQL): the central trust boundary. A branch role (branch_CODE, a
-- member of branchdesk_branch) now reads only the persons its branch holds and writes
-- nothing but through the functions below, which check every pushed row on the server.
--
-- Held persons (branch_persons): a branch holds the persons it registered (the first
-- request of a person, inserted by anyone, makes its branch the person's home branch) and
-- the persons it fetched for a visit (branchdesk_fetch_person, recorded in person_fetches
-- with the staff login and the time).
-- Reading: requests, accounts, sms_messages, recoveries, registry_persons and
-- mobile_owners show a branch role only the rows of persons it holds (SMS and recoveries:
-- also only its own); password hashes (requests, accounts) and recovery-code hashes are
-- never readable by a branch role (column privileges), and the central keeps no code hash.
-- The change log is not readable at all: a pull goes through branchdesk_pull, which
-- returns the held persons' rows without password hashes.
-- Writing: no INSERT/UPDATE/DELETE on any table. branchdesk_push_rows applies pushed rows
-- (columns each branch action may change, versions that only go up, the request's status
-- moves, a registry match for every activation), branchdesk_record_conflict,
-- branchdesk_finish_batch (applied_batches and the central_audit entry of the push) and
-- branchdesk_resolve_conflict are the rest.
-- Statements end with ';' at the end of a line; a $$ body ends at its closing $$.

CREATE TABLE branch_persons (
    branch_code   text NOT NULL,
    national_code text NOT NULL,
    how           text NOT NULL CHECK (how IN ('home', 'fetched')),
    since         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (branch_code, national_code)
);
CREATE INDEX branch_persons_by_code ON branch_persons (national_code);

CREATE TABLE person_fetches (
    seq           bigserial PRIMARY KEY,
    branch_code   text NOT NULL,
    national_code text NOT NULL,
    staff_login   text NOT NULL,
    fetched_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_fetches_by_branch ON person_fetches (branch_code, fetched_at);

INSERT INTO branch_persons (branch_code, national_code, how)
SELECT branch_code, national_code, 'home' FROM requests
UNION SELECT branch_code, national_code, 'home' FROM accounts
UNION SELECT branch_code, national_code, 'home' FROM sms_messages
UNION SELECT branch_code, national_code, 'home' FROM recoveries
ON CONFLICT DO NOTHING;

-- The change log names each row's person, so that a pull filters on it.
ALTER TABLE changes ADD COLUMN national_code text;
UPDATE changes SET national_code = payload ->> 'national_code';
-- No password or code hash in the log: branches pull from it, and the hashes stay in their
-- tables. (The old tuples are left to VACUUM.)
UPDATE changes SET payload = payload - 'password_hash' - 'code_hash'
WHERE payload ? 'password_hash' OR payload ? 'code_hash';
UPDATE conflicts SET central_payload = central_payload - 'password_hash' - 'code_hash'
WHERE central_payload ? 'password_hash' OR central_payload ? 'code_hash';
-- A recovery is checked at the counter that started it: its code's hash is not kept here.
UPDATE recoveries SET code_hash = NULL WHERE code_hash IS NOT NULL;

CREATE OR REPLACE FUNCTION branchdesk_record_statement_changes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(7355608);
    IF TG_OP = 'DELETE' THEN
        INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, national_code)
        SELECT TG_TABLE_NAME,
               coalesce(r ->> 'id', (r ->> 'national_code') || coalesce(':' || (r ->> 'mobile'), '')),
               r ->> 'branch_code', (r ->> 'version')::integer, 'delete', r, r ->> 'national_code'
        FROM (SELECT to_jsonb(o) AS r FROM old_rows AS o OFFSET 0) AS logged;
    ELSE
        INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, echo_of, national_code)
        SELECT TG_TABLE_NAME,
               coalesce(r ->> 'id', (r ->> 'national_code') || coalesce(':' || (r ->> 'mobile'), '')),
               r ->> 'branch_code', (r ->> 'version')::integer, 'upsert', r,
               nullif(current_setting('branchdesk.push_branch', true), ''), r ->> 'national_code'
        FROM (SELECT to_jsonb(n) AS r FROM new_rows AS n OFFSET 0) AS logged;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION branchdesk_record_travelling_changes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    echo text := nullif(current_setting('branchdesk.push_branch', true), '');
BEGIN
    PERFORM pg_advisory_xact_lock(7355608);
    IF TG_OP = 'DELETE' THEN
        INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, national_code)
        SELECT TG_TABLE_NAME, o.id::text, o.branch_code, o.version, 'delete',
               CASE WHEN TG_TABLE_NAME = 'sms_messages' THEN to_jsonb(o)
                    ELSE to_jsonb(o) - ARRAY['password_hash', 'code_hash'] END, o.national_code
        FROM old_rows AS o;
    ELSE
        INSERT INTO changes (table_name, row_id, branch_code, version, op, payload, echo_of, national_code)
        SELECT TG_TABLE_NAME, n.id::text, n.branch_code, n.version, 'upsert',
               CASE WHEN TG_TABLE_NAME = 'sms_messages' THEN to_jsonb(n)
                    ELSE to_jsonb(n) - ARRAY['password_hash', 'code_hash'] END, echo, n.national_code
        FROM new_rows AS n;
        -- A person's first request makes its branch the person's home branch.
        IF TG_TABLE_NAME = 'requests' AND TG_OP = 'INSERT' THEN
            INSERT INTO branch_persons (branch_code, national_code, how)
            SELECT DISTINCT n.branch_code, n.national_code, 'home' FROM new_rows AS n
            WHERE NOT EXISTS (SELECT 1 FROM branch_persons AS p WHERE p.national_code = n.national_code)
            ON CONFLICT DO NOTHING;
        END IF;
    END IF;
    RETURN NULL;
END
$$;

-- Whether the session's branch holds the person.
CREATE FUNCTION branchdesk_holds(code text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM branch_persons
                   WHERE branch_code = (SELECT code FROM branches WHERE role_name = session_user)
                     AND national_code = $1)
$$;

-- ---- what a branch role may read ------------------------------------------------------------

REVOKE ALL ON requests, accounts, sms_messages, recoveries, registry_persons, mobile_owners, changes,
    conflicts, applied_batches, audit_chains, branches, branch_persons, person_fetches FROM branchdesk_branch;
GRANT SELECT ON schema_version TO branchdesk_branch;
GRANT SELECT (id, branch_code, version, national_code, mobile, first_name, last_name, first_name_norm,
              last_name_norm, birth_cert_no, birth_date, gender, email, questions_json, status, submitted_at,
              decided_at, updated_at, updated_by) ON requests TO branchdesk_branch;
GRANT SELECT (id, branch_code, version, national_code, request_id, mobile, first_name, last_name, gender,
              questions_json, created_at, updated_at, updated_by) ON accounts TO branchdesk_branch;
GRANT SELECT ON sms_messages, registry_persons, mobile_owners, conflicts, applied_batches, audit_chains,
    branch_persons TO branchdesk_branch;
GRANT SELECT (id, branch_code, version, national_code, method, created_at, expires_at, attempts, state, updated_at)
    ON recoveries TO branchdesk_branch;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['requests', 'accounts', 'sms_messages', 'recoveries'] LOOP
        EXECUTE format('DROP POLICY branch_read ON %I', t);
        EXECUTE format('DROP POLICY branch_insert ON %I', t);
        EXECUTE format('DROP POLICY branch_update ON %I', t);
    END LOOP;
END
$$;
CREATE POLICY branch_read ON requests FOR SELECT TO branchdesk_branch
    USING (EXISTS (SELECT 1 FROM branch_persons AS p WHERE p.branch_code = (SELECT branchdesk_session_branch())
                                                       AND p.national_code = requests.national_code));
CREATE POLICY branch_read ON accounts FOR SELECT TO branchdesk_branch
    USING (EXISTS (SELECT 1 FROM branch_persons AS p WHERE p.branch_code = (SELECT branchdesk_session_branch())
                                                       AND p.national_code = accounts.national_code));
CREATE POLICY branch_read ON sms_messages FOR SELECT TO branchdesk_branch
    USING (branch_code = (SELECT branchdesk_session_branch())
           AND EXISTS (SELECT 1 FROM branch_persons AS p WHERE p.branch_code = (SELECT branchdesk_session_branch())
                                                           AND p.national_code = sms_messages.national_code));
CREATE POLICY branch_read ON recoveries FOR SELECT TO branchdesk_branch
    USING (branch_code = (SELECT branchdesk_session_branch())
           AND EXISTS (SELECT 1 FROM branch_persons AS p WHERE p.branch_code = (SELECT branchdesk_session_branch())
                                                           AND p.national_code = recoveries.national_code));
ALTER TABLE registry_persons ENABLE ROW LEVEL SECURITY;
CREATE POLICY branch_read ON registry_persons FOR SELECT TO branchdesk_branch
    USING (EXISTS (SELECT 1 FROM branch_persons AS p WHERE p.branch_code = (SELECT branchdesk_session_branch())
                                                       AND p.national_code = registry_persons.national_code));
ALTER TABLE mobile_owners ENABLE ROW LEVEL SECURITY;
CREATE POLICY branch_read ON mobile_owners FOR SELECT TO branchdesk_branch
    USING (EXISTS (SELECT 1 FROM branch_persons AS p WHERE p.branch_code = (SELECT branchdesk_session_branch())
                                                       AND p.national_code = mobile_owners.national_code));
ALTER TABLE branch_persons ENABLE ROW LEVEL SECURITY;
CREATE POLICY branch_own ON branch_persons FOR SELECT TO branchdesk_branch
    USING (branch_code = (SELECT branchdesk_session_branch()));
-- applied_batches, conflicts, audit_chains keep their branch_own policies (own rows only);
-- without INSERT/UPDATE grants they are read-only to the branch.
ALTER TABLE person_fetches ENABLE ROW LEVEL SECURITY;

-- ---- the pull ---------------------------------------------------------------------------------

-- The next `lim` entries of the change log after `after`, oldest first. An entry the branch
-- takes (a table of `tables` about a person it holds, or of `own_tables` about a person it
-- holds and stamped with its code) comes whole (the log holds no password or code hash: the
-- triggers leave them out, and this migration took them out of the older entries); any
-- other entry comes as its sequence number only, so that the cursor moves past it.
-- Entries tagged `echo` (this run's own push) come without payload. (jit off: PostgreSQL's
-- estimate for a page made it compile the query, a second of every page for nothing. Whether
-- the branch holds an entry's person is a look-up by key per entry, an EXISTS in the select
-- list: as a join, planned on branch_persons' statistics of before a branch's first sync,
-- it compared every entry with every held person, 5 s a page.)
CREATE FUNCTION branchdesk_pull(after bigint, lim integer, echo text, tables text[], own_tables text[])
RETURNS TABLE (seq bigint, table_name text, row_id text, op text, payload text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET jit = off AS $$
DECLARE
    me text := (SELECT b.code FROM branches AS b WHERE b.role_name = session_user);
BEGIN
    IF me IS NULL THEN
        RETURN;
    END IF;
    RETURN QUERY
        SELECT c.seq,
               CASE WHEN c.held THEN c.table_name END,
               CASE WHEN c.held THEN c.row_id END,
               CASE WHEN c.held THEN c.op END,
               CASE WHEN c.held AND (c.echo_of IS NULL OR c.echo_of <> coalesce(echo, ''))
                    THEN c.payload::text END
        FROM (SELECT l.*, ((l.table_name = ANY (tables) OR (l.table_name = ANY (own_tables) AND l.branch_code = me))
                           AND EXISTS (SELECT 1 FROM branch_persons AS p
                                       WHERE p.branch_code = me AND p.national_code = l.national_code)) AS held
              FROM (SELECT * FROM changes AS x WHERE x.seq > after ORDER BY x.seq LIMIT lim) AS l
              OFFSET 0) AS c
        ORDER BY c.seq;
END
$$;

-- The logged states of rows `ids` of `tbl` (for a push's replay check), of held persons
-- only, without hashes.
CREATE FUNCTION branchdesk_logged_states(tbl text, ids text[])
RETURNS TABLE (row_id text, payload text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET jit = off AS $$
    SELECT c.row_id, (c.payload - 'password_hash' - 'code_hash')::text FROM changes AS c
    WHERE c.table_name = tbl AND c.op = 'upsert' AND c.row_id = ANY (ids)
      AND EXISTS (SELECT 1 FROM branch_persons AS p
                  WHERE p.branch_code = (SELECT code FROM branches WHERE role_name = session_user)
                    AND p.national_code = c.national_code OFFSET 0)
$$;

-- ---- serving a person from another branch ----------------------------------------------------

-- The session's branch takes the person: recorded (branch_persons, person_fetches, and
-- central_audit with the staff login), then the person's current rows: every request and
-- the account (without password hashes), the registry row and the mobile owners' rows.
-- A national code the central database does not know (no request, account or registry row)
-- returns nothing and records nothing.
CREATE FUNCTION branchdesk_fetch_person(code text, staff text)
RETURNS TABLE (table_name text, row_id text, payload text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET jit = off AS $$
DECLARE
    me text := (SELECT b.code FROM branches AS b WHERE b.role_name = session_user);
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'branchdesk: not a branch session' USING ERRCODE = '42501';
    END IF;
    IF coalesce(staff, '') = '' OR code !~ '^[0-9]{10}$' THEN
        RAISE EXCEPTION 'branchdesk: a fetch names a national code and the staff member' USING ERRCODE = '22023';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM requests AS r WHERE r.national_code = code)
       AND NOT EXISTS (SELECT 1 FROM accounts AS a WHERE a.national_code = code)
       AND NOT EXISTS (SELECT 1 FROM registry_persons AS g WHERE g.national_code = code) THEN
        RETURN;
    END IF;
    INSERT INTO branch_persons (branch_code, national_code, how) VALUES (me, code, 'fetched')
    ON CONFLICT DO NOTHING;
    INSERT INTO person_fetches (branch_code, national_code, staff_login) VALUES (me, code, staff);
    INSERT INTO central_audit (at, actor, action, national_code, branch_code, details)
    VALUES (now(), staff, 'person.fetch', code, me, '{}');
    RETURN QUERY
        SELECT 'requests'::text, r.id::text, (to_jsonb(r) - 'password_hash' || '{"password_hash": ""}')::text
        FROM requests AS r WHERE r.national_code = code
        UNION ALL
        SELECT 'accounts', a.id::text, (to_jsonb(a) - 'password_hash' || '{"password_hash": ""}')::text
        FROM accounts AS a WHERE a.national_code = code
        UNION ALL
        SELECT 'registry_persons', g.national_code, to_jsonb(g)::text
        FROM registry_persons AS g WHERE g.national_code = code
        UNION ALL
        SELECT 'mobile_owners', m.national_code || ':' || m.mobile, to_jsonb(m)::text
        FROM mobile_owners AS m WHERE m.national_code = code;
END
$$;

-- The national codes whose current account or latest request has mobile `mobile` (at most
-- five), for a look-up by a complete mobile number; the caller fetches each.
CREATE FUNCTION branchdesk_persons_by_mobile(mobile text)
RETURNS TABLE (national_code text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT DISTINCT x.national_code FROM (
        SELECT a.national_code FROM accounts AS a WHERE a.mobile = $1
        UNION SELECT r.national_code FROM requests AS r WHERE r.mobile = $1 AND r.status <> 'superseded') AS x
    WHERE EXISTS (SELECT 1 FROM branches WHERE role_name = session_user)
    ORDER BY 1 LIMIT 5
$$;

-- ---- the push ---------------------------------------------------------------------------------

-- What branchdesk_push_rows checks per travelling table: the columns no branch action
-- changes (`fixed`), a new row's values for columns an older branch does not send
-- (`defaults`), and `rule`, the WHEN ... THEN 'why' branches of an SQL CASE over the pushed
-- row (p) and the central row (c, all NULL for a new row) that refuse a row (a request's
-- status moves; a later schema adds its own tables' rules). Only the central's owner writes it.
CREATE TABLE branchdesk_push_rules (
    tbl      text PRIMARY KEY,
    fixed    text[] NOT NULL,
    defaults jsonb NOT NULL,
    rule     text NOT NULL DEFAULT ''
);
REVOKE ALL ON branchdesk_push_rules FROM branchdesk_branch;
INSERT INTO branchdesk_push_rules (tbl, fixed, defaults, rule) VALUES
('requests', ARRAY['national_code', 'email', 'password_hash', 'questions_json', 'submitted_at'],
 '{"version": 1, "email": "", "updated_by": "", "decided_at": null, "password_hash": ""}',
 $rule$
    WHEN NOT (coalesce(c.status, 'submitted') = p.status
              OR (coalesce(c.status, 'submitted') = 'submitted'
                  AND p.status IN ('activated', 'branch_activation_required', 'identity_mismatch',
                                   'expired', 'superseded', 'rejected'))
              OR (c.status IN ('branch_activation_required', 'identity_mismatch')
                  AND p.status IN ('activated', 'rejected')))
      THEN format('the status cannot move from %s to %s', coalesce(c.status, 'submitted'), p.status)
    WHEN p.status IN ('activated', 'branch_activation_required')
         AND p.status IS DISTINCT FROM c.status
         AND NOT EXISTS (
             SELECT 1 FROM registry_persons AS g
             WHERE g.national_code = p.national_code
               AND g.first_name_norm = p.first_name_norm AND g.last_name_norm = p.last_name_norm
               AND ltrim(g.birth_cert_no, '0') = ltrim(p.birth_cert_no, '0')
               AND g.birth_date = p.birth_date AND g.gender = p.gender)
      THEN 'the request does not match the civil registry'
    WHEN p.status = 'expired' AND c.status IS DISTINCT FROM 'expired'
         AND p.submitted_at::timestamptz > now() - interval '48 hours'
      THEN 'the request is not 48 hours old'
 $rule$),
('accounts', ARRAY['national_code', 'request_id', 'first_name', 'last_name', 'gender', 'created_at'],
 '{"version": 1, "questions_json": "[]", "updated_by": "", "password_hash": ""}', ''),
('sms_messages', ARRAY['national_code', 'mobile', 'kind', 'created_at'],
 '{"version": 1, "status": "queued", "sent_at": null}', ''),
('recoveries', ARRAY['national_code', 'method', 'created_at', 'expires_at'],
 '{"version": 1, "attempts": 0, "expires_at": null}', '');

-- Applies the pushed rows `rows` (a JSON array of whole rows) of travelling table `tbl` for
-- the session's branch. Refuses the whole call (SQLSTATE 42501, nothing written) when a row
-- changes a column no branch action changes, does not raise its version, or moves a
-- request's status in a way its life does not allow (an activation, or a referral to the
-- branch, needs the request to match the civil-registry row: names in their matching form,
-- certificate number, birth date, gender; an expiry needs 48 hours). A person the central
-- knows nothing of becomes this branch's. A row about a person another branch holds and
-- this one has not fetched is not written: it is kept in `conflicts` (without the central
-- row) and counted in the result. Every written row is stamped with the session's branch;
-- an empty password hash keeps the one the central database has (a new account takes its
-- request's); no code hash is kept.
-- Two passes over the rows: one checks them all (and finds the new persons and the rows of
-- persons the branch does not hold), one writes them. Each reads the pushed rows as typed
-- rows of the table beside the central row of the same id, looked up by key (no hash or
-- merge join: PostgreSQL guesses a JSON array's size, and a hash of the whole table cost
-- more than the batch); whether a branch holds a person is a look-up by key per row (an
-- EXISTS in a select list, or ending in OFFSET 0 in a WHERE clause: as the join PostgreSQL
-- makes of it otherwise, planned on branch_persons' statistics of before the branch's first
-- sync, it compared every pushed row with every person the branch holds). No temporary table: a branch role could make one
-- of that name first. Pushes take the change log's lock first, so that two branches cannot
-- both make a new person theirs.
CREATE FUNCTION branchdesk_push_rows(tbl text, rows jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET jit = off
SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    me text := (SELECT code FROM branches WHERE role_name = session_user);
    cols text[];
    fixed text[];    -- columns no branch action changes
    defaults jsonb;  -- a new row's values for columns an older branch does not send
    src text;        -- the pushed rows (e.j, e.ord; typed: p) beside the central rows (c)
    held text;       -- whether the branch holds the row's person
    changed text;    -- per fixed column: its name when the pushed row changes it
    lifecycle text;  -- the table's own refusals (branchdesk_push_rules.rule)
    push_table text := tbl;
    bad text;
    homes text[];    -- persons the central knew nothing of
    strays integer;  -- rows about persons the branch does not hold
    refused integer := 0;
    vals text;
    sets text;
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'branchdesk: not a branch session' USING ERRCODE = '42501';
    END IF;
    IF jsonb_typeof(rows) IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'branchdesk: rows must be a JSON array' USING ERRCODE = '22023';
    END IF;
    SELECT r.fixed, r.defaults, r.rule INTO fixed, defaults, lifecycle FROM branchdesk_push_rules AS r
    WHERE r.tbl = push_table;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'branchdesk: % does not travel', tbl USING ERRCODE = '42501';
    END IF;
    PERFORM pg_advisory_xact_lock(7355608);
    SELECT array_agg(attname::text ORDER BY attnum) INTO cols FROM pg_attribute
    WHERE attrelid = tbl::regclass AND attnum > 0 AND NOT attisdropped;

    src := format('FROM jsonb_array_elements($1) WITH ORDINALITY AS e(j, ord) '
                  'CROSS JOIN LATERAL jsonb_populate_record(NULL::%1$I, e.j) AS p '
                  'LEFT JOIN %1$I AS c ON c.id = p.id ', tbl);
    held := format('EXISTS (SELECT 1 FROM branch_persons AS h WHERE h.branch_code = %L '
                   'AND h.national_code = coalesce(c.national_code, p.national_code) OFFSET 0)', me);
    SELECT string_agg(format('CASE WHEN p.%1$I IS DISTINCT FROM c.%1$I AND e.j ? %1$L%2$s THEN %1$L END', k,
                             CASE WHEN k = 'password_hash' THEN ' AND coalesce(p.password_hash, '''') <> '''''
                                  ELSE '' END), ', ')
    INTO changed FROM unnest(fixed) AS k;

    -- The checks. A new person (a row without a central one, about a person no branch holds
    -- and with no request or account) becomes the branch's home person; each subquery level
    -- keeps its look-ups to one per row (OFFSET 0: not folded into the level above).
    EXECUTE format(
        'SELECT (array_agg(format(''row %%s: %%s'', ord, why) ORDER BY ord) FILTER (WHERE why IS NOT NULL))[1],'
        '       array_agg(DISTINCT person) FILTER (WHERE home),'
        '       count(*) FILTER (WHERE NOT mine AND NOT home) '
        'FROM (SELECT ord, person, why, mine,'
        '             CASE WHEN mine OR existed THEN false ELSE'
        '                  NOT EXISTS (SELECT 1 FROM branch_persons AS h WHERE h.national_code = person)'
        '                  AND NOT EXISTS (SELECT 1 FROM requests AS r WHERE r.national_code = person)'
        '                  AND NOT EXISTS (SELECT 1 FROM accounts AS a WHERE a.national_code = person) END AS home'
        '      FROM (SELECT e.ord, coalesce(c.national_code, p.national_code) AS person, c.id IS NOT NULL AS existed,'
        '                   %1$s AS mine,'
        '                   CASE'
        '                   WHEN p.id IS NULL OR p.national_code IS NULL THEN ''no id or national code'''
        '                   WHEN p.version IS NULL OR p.version < 1 THEN ''no version'''
        '                   WHEN c.id IS NOT NULL AND p.version <= c.version THEN ''the version does not go up'''
        '                   WHEN c.id IS NOT NULL AND concat_ws('', '', %2$s) <> '''''
        '                     THEN ''a column no branch action changes: '' || concat_ws('', '', %2$s)'
        '                   %3$s'
        '                   END AS why'
        '            %4$s OFFSET 0) AS pushed OFFSET 0) AS judged',
        held, changed, lifecycle, src) INTO bad, homes, strays USING rows;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'branchdesk: push refused (%): %', tbl, bad USING ERRCODE = '42501';
    END IF;
    IF homes IS NOT NULL THEN
        INSERT INTO branch_persons (branch_code, national_code, how)
        SELECT me, n, 'home' FROM unnest(homes) AS n ON CONFLICT DO NOTHING;
    END IF;
    -- Rows about persons another branch holds: kept as conflicts, not written.
    IF strays > 0 THEN
        EXECUTE format(
            'INSERT INTO conflicts (table_name, row_id, branch_code, base_version, local_payload, central_payload) '
            'SELECT %1$L, e.j ->> ''id'', %2$L, 0, e.j - ''code_hash'', NULL %3$s WHERE NOT %4$s',
            tbl, me, src, held) USING rows;
        GET DIAGNOSTICS refused = ROW_COUNT;
    END IF;

    -- Each column: the pushed value, else the central row's, else a new row's default (the
    -- key looked up only for a null, the cheaper test first, as in `changed`); the
    -- branch's stamp; the password hash kept when the pushed one is empty; no code hash.
    SELECT string_agg(CASE k
                      WHEN 'branch_code' THEN quote_literal(me)
                      WHEN 'code_hash' THEN 'NULL'
                      WHEN 'password_hash' THEN
                          'CASE WHEN coalesce(p.password_hash, '''') <> '''' THEN p.password_hash '
                          'WHEN c.id IS NOT NULL THEN c.password_hash '
                          || CASE WHEN tbl = 'accounts'
                                  THEN 'ELSE coalesce((SELECT r.password_hash FROM requests AS r '
                                       'WHERE r.id = p.request_id), '''') '
                                  ELSE 'ELSE '''' ' END
                          || 'END'
                      ELSE format('CASE WHEN p.%1$I IS NOT NULL OR e.j ? %1$L THEN p.%1$I '
                                  'WHEN c.id IS NOT NULL THEN c.%1$I ELSE d.%1$I END', k)
                      END, ', ' ORDER BY n),
           string_agg(format('%1$I = EXCLUDED.%1$I', k), ', ' ORDER BY n) FILTER (WHERE k <> 'id')
    INTO vals, sets FROM unnest(cols) WITH ORDINALITY AS u(k, n);
    EXECUTE format(
        'INSERT INTO %1$I SELECT %2$s %3$s'
        'CROSS JOIN jsonb_populate_record(NULL::%1$I, $2) AS d %4$s ORDER BY e.ord '
        'ON CONFLICT (id) DO UPDATE SET %5$s', tbl, vals, src,
        CASE WHEN strays > 0 THEN 'WHERE ' || held ELSE '' END, sets)
        USING rows, defaults;
    RETURN refused;
END
$$;

-- Keeps a pushed change no rule could merge (the branch's payload and the central row as
-- the branch read it, without hashes) for a supervisor; only about a person the branch holds.
CREATE FUNCTION branchdesk_record_conflict(tbl text, row_id text, base_version integer, local_payload jsonb,
                                           central_payload jsonb) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me text := (SELECT code FROM branches WHERE role_name = session_user);
BEGIN
    IF me IS NULL OR tbl NOT IN ('requests', 'accounts', 'sms_messages', 'recoveries')
       OR NOT EXISTS (SELECT 1 FROM branch_persons AS h
                      WHERE h.branch_code = me AND h.national_code = local_payload ->> 'national_code') THEN
        RAISE EXCEPTION 'branchdesk: conflict refused' USING ERRCODE = '42501';
    END IF;
    INSERT INTO conflicts (table_name, row_id, branch_code, base_version, local_payload, central_payload)
    VALUES (tbl, row_id, me, base_version, local_payload - 'code_hash', central_payload - 'password_hash' - 'code_hash');
END
$$;

-- Records push batch `batch_id` as applied (a second time: unique violation, the caller's
-- transaction rolls back) and the push in central_audit (counts only).
CREATE FUNCTION branchdesk_finish_batch(batch_id uuid, summary jsonb) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me text := (SELECT code FROM branches WHERE role_name = session_user);
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'branchdesk: not a branch session' USING ERRCODE = '42501';
    END IF;
    INSERT INTO applied_batches (batch_id, branch_code, summary) VALUES (batch_id, me, summary);
    INSERT INTO central_audit (at, actor, action, branch_code, details)
    VALUES (now(), 'branch:' || me, 'sync.push', me, jsonb_build_object('batch', batch_id) || summary);
END
$$;

-- Marks the session branch's open conflict `id` resolved (the row itself is written with
-- branchdesk_push_rows first). False when there is no such open conflict.
CREATE FUNCTION branchdesk_resolve_conflict(id uuid, resolution text, resolved_by text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me text := (SELECT code FROM branches WHERE role_name = session_user);
    n integer;
BEGIN
    IF me IS NULL OR resolution NOT IN ('local', 'central') THEN
        RAISE EXCEPTION 'branchdesk: not a branch session' USING ERRCODE = '42501';
    END IF;
    UPDATE conflicts AS c SET status = 'resolved', resolution = $2, resolved_by = $3, resolved_at = now()
    WHERE c.id = $1 AND c.branch_code = me AND c.status = 'open';
    GET DIAGNOSTICS n = ROW_COUNT;
    INSERT INTO central_audit (at, actor, action, branch_code, details)
    SELECT now(), resolved_by, 'conflict.resolve', me, jsonb_build_object('conflict', $1, 'resolution', $2)
    WHERE n > 0;
    RETURN n > 0;
END
$$;

REVOKE ALL ON FUNCTION branchdesk_holds(text), branchdesk_pull(bigint, integer, text, text[], text[]),
    branchdesk_logged_states(text, text[]), branchdesk_fetch_person(text, text),
    branchdesk_persons_by_mobile(text), branchdesk_push_rows(text, jsonb),
    branchdesk_record_conflict(text, text, integer, jsonb, jsonb), branchdesk_finish_batch(uuid, jsonb),
    branchdesk_resolve_conflict(uuid, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchdesk_holds(text), branchdesk_pull(bigint, integer, text, text[], text[]),
    branchdesk_logged_states(text, text[]), branchdesk_fetch_person(text, text),
    branchdesk_persons_by_mobile(text), branchdesk_push_rows(text, jsonb),
    branchdesk_record_conflict(text, text, integer, jsonb, jsonb), branchdesk_finish_batch(uuid, jsonb),
    branchdesk_resolve_conflict(uuid, text, text) TO branchdesk_branch;
