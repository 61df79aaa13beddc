-- Central schema 8 (PostgreSQL): the audit anchor's cost does not grow with the chain.
-- A chain's last entry is found by its key backwards (max(seq) read every entry of the
-- chain: a desk with a year of entries paid for all of them, twice, at every sync). The
-- rules are 007's, unchanged.
-- Statements end with ';' at the end of a line; a $$ body ends at its closing $$.

CREATE OR REPLACE FUNCTION branchdesk_audit_head(chain text) RETURNS TABLE (seq bigint, hash text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me text := (SELECT b.code FROM branches AS b WHERE b.role_name = session_user);
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'branchdesk: not a branch session' USING ERRCODE = '42501';
    END IF;
    INSERT INTO branch_contacts (branch_code, last_seen_at) VALUES (me, now())
    ON CONFLICT (branch_code) DO UPDATE SET last_seen_at = now();
    RETURN QUERY
        SELECT coalesce(h.seq, 0), coalesce(h.hash, repeat('0', 64))
        FROM (SELECT 1) AS one
        LEFT JOIN LATERAL (SELECT a.seq, a.hash FROM audit_chains AS a
                           WHERE a.branch_code = me AND a.chain_id = chain
                           ORDER BY a.seq DESC LIMIT 1) AS h ON true;
END
$$;

-- 007's function but for the head, found as above.
CREATE OR REPLACE FUNCTION branchdesk_push_audit(chain text, entries jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me text := (SELECT b.code FROM branches AS b WHERE b.role_name = session_user);
    head_seq bigint;
    head_hash text;
    bad text;
    n integer;
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'branchdesk: not a branch session' USING ERRCODE = '42501';
    END IF;
    IF coalesce(chain, '') !~ '^[0-9a-f-]{36}$' OR jsonb_typeof(entries) IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'branchdesk: a chain id and a JSON array of entries' USING ERRCODE = '22023';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('audit:' || me || ':' || chain));
    SELECT a.seq, a.hash INTO head_seq, head_hash FROM audit_chains AS a
    WHERE a.branch_code = me AND a.chain_id = chain ORDER BY a.seq DESC LIMIT 1;
    head_seq := coalesce(head_seq, 0);
    head_hash := coalesce(head_hash, repeat('0', 64));
    SELECT format('entry %s: %s', x.s, x.why) INTO bad FROM (
        SELECT e.s, CASE
               WHEN e.s IS DISTINCT FROM head_seq + e.ord THEN 'does not follow the central''s last entry'
               WHEN e.prev_hash IS DISTINCT FROM coalesce(lag(e.hash) OVER (ORDER BY e.ord), head_hash)
                   THEN 'does not name the previous entry''s hash'
               WHEN e.branch_code IS DISTINCT FROM me AND e.branch_code <> ''
                   THEN format('is branch %s''s', e.branch_code)
               WHEN e.hash !~ '^[0-9a-f]{64}$' THEN 'its hash is not a SHA-256'
               END AS why
        FROM (SELECT j.ord, (j.v ->> 'seq')::bigint AS s, j.v ->> 'id' AS id, j.v ->> 'branch_code' AS branch_code,
                     j.v ->> 'at' AS at, j.v ->> 'actor' AS actor, j.v ->> 'action' AS action,
                     coalesce(j.v ->> 'national_code', '') AS national_code, coalesce(j.v ->> 'details', '{}') AS details,
                     j.v ->> 'prev_hash' AS prev_hash, j.v ->> 'hash' AS hash
              FROM jsonb_array_elements(entries) WITH ORDINALITY AS j(v, ord)) AS e) AS x
    WHERE x.why IS NOT NULL ORDER BY x.s LIMIT 1;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'audit.anchor_mismatch: %', bad USING ERRCODE = '42501';
    END IF;
    IF head_seq = 0 AND jsonb_array_length(entries) > 0
       AND EXISTS (SELECT 1 FROM audit_chains AS a WHERE a.branch_code = me AND a.chain_id <> chain) THEN
        INSERT INTO audit_alerts (branch_code, chain_id, code, central_seq, central_hash, local_seq, local_hash)
        VALUES (me, chain, 'audit.new_chain', 0, head_hash, jsonb_array_length(entries),
                entries -> -1 ->> 'hash');
    END IF;
    INSERT INTO audit_chains (branch_code, chain_id, seq, id, at, actor, action, national_code, details, prev_hash, hash)
    SELECT me, chain, (v ->> 'seq')::bigint, (v ->> 'id')::uuid, v ->> 'at', v ->> 'actor', v ->> 'action',
           coalesce(v ->> 'national_code', ''), coalesce(v ->> 'details', '{}'), v ->> 'prev_hash', v ->> 'hash'
    FROM jsonb_array_elements(entries) AS v;
    GET DIAGNOSTICS n = ROW_COUNT;
    INSERT INTO branch_contacts (branch_code, last_seen_at, last_ok_at) VALUES (me, now(), now())
    ON CONFLICT (branch_code) DO UPDATE SET last_seen_at = now(), last_ok_at = now();
    RETURN n;
END
$$;
