-- Central schema 7 (PostgreSQL): the central anchors every branch's audit chain and sees
-- its branches.
-- audit_chains holds each branch database's chain (a branch has several desks, each with
-- its own database and chain: chain_id, the database's own id). A branch pushes the entries
-- after the central's last one of its chain through branchdesk_push_audit, which takes them
-- only when they continue that chain (sequence and previous hash; `central audit verify`
-- recomputes every hash of the central copy from its first entry, as
-- app/security/AuditChain.h describes them). A branch whose log does not hold the central's
-- last entry any more (edited, cut short, re-anchored) is refused before it pushes anything;
-- its desk records that with branchdesk_audit_alert (audit_alerts). branch_contacts keeps
-- each branch's last sync and last good audit check, for head office's `central status`.
-- Statements end with ';' at the end of a line; a $$ body ends at its closing $$.

ALTER TABLE audit_chains ADD COLUMN chain_id text NOT NULL DEFAULT '';
ALTER TABLE audit_chains DROP CONSTRAINT audit_chains_pkey;
ALTER TABLE audit_chains DROP CONSTRAINT audit_chains_id_key;
ALTER TABLE audit_chains ADD PRIMARY KEY (branch_code, chain_id, seq);

CREATE TABLE audit_alerts (
    seq          bigserial PRIMARY KEY,
    branch_code  text NOT NULL,
    chain_id     text NOT NULL,
    at           timestamptz NOT NULL DEFAULT now(),
    code         text NOT NULL CHECK (code IN ('audit.anchor_mismatch', 'audit.new_chain')),
    central_seq  bigint NOT NULL,
    central_hash text NOT NULL,
    local_seq    bigint NOT NULL,
    local_hash   text NOT NULL,
    detail       text NOT NULL DEFAULT ''
);
CREATE INDEX audit_alerts_by_branch ON audit_alerts (branch_code, at);

CREATE TABLE branch_contacts (
    branch_code  text PRIMARY KEY,
    last_seen_at timestamptz NOT NULL,
    last_ok_at   timestamptz
);

ALTER TABLE audit_alerts ENABLE ROW LEVEL SECURITY;
ALTER TABLE branch_contacts ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON audit_alerts, branch_contacts FROM branchdesk_branch;
GRANT SELECT ON audit_alerts, branch_contacts TO branchdesk_branch;
CREATE POLICY branch_own ON audit_alerts FOR SELECT TO branchdesk_branch
    USING (branch_code = (SELECT branchdesk_session_branch()));
CREATE POLICY branch_own ON branch_contacts FOR SELECT TO branchdesk_branch
    USING (branch_code = (SELECT branchdesk_session_branch()));

-- The central's last entry of the session branch's chain `chain` (0 and the genesis hash
-- when it holds none); records the branch's contact (its sync has begun).
CREATE FUNCTION branchdesk_audit_head(chain text) RETURNS TABLE (seq bigint, hash text)
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
        SELECT coalesce(max(a.seq), 0),
               coalesce((SELECT a2.hash FROM audit_chains AS a2 WHERE a2.branch_code = me AND a2.chain_id = chain
                         ORDER BY a2.seq DESC LIMIT 1), repeat('0', 64))
        FROM audit_chains AS a WHERE a.branch_code = me AND a.chain_id = chain;
END
$$;

-- Takes `entries` (a JSON array of entries in sequence order: seq, id, branch_code, at,
-- actor, action, national_code, details, prev_hash, hash) onto the session branch's chain
-- `chain`, only when they continue it: the first one follows the central's last entry, each
-- names the previous one's hash (a SHA-256), and each is the session branch's (or names none: desks before 2026-12 wrote their backups' entries without the
-- branch, and a hash covers the field as it was written). Otherwise nothing is kept and the call fails (audit.anchor_mismatch). A chain
-- new to the central while the branch has another one is recorded (audit.new_chain): a
-- desk's first sync, or a database restored from a backup; head office sees which.
-- Records the good audit check (branch_contacts.last_ok_at), also for no entries.
CREATE FUNCTION branchdesk_push_audit(chain text, entries jsonb) RETURNS integer
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
    SELECT coalesce(max(a.seq), 0) INTO head_seq FROM audit_chains AS a WHERE a.branch_code = me AND a.chain_id = chain;
    head_hash := coalesce((SELECT a.hash FROM audit_chains AS a
                           WHERE a.branch_code = me AND a.chain_id = chain AND a.seq = head_seq), repeat('0', 64));
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

-- A desk found that its log does not hold the central's last entry of its chain (the
-- central's seq and hash, what the desk has at that seq, why): kept for head office.
CREATE FUNCTION branchdesk_audit_alert(chain text, central_seq bigint, central_hash text, local_seq bigint,
                                       local_hash text, detail text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    me text := (SELECT b.code FROM branches AS b WHERE b.role_name = session_user);
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'branchdesk: not a branch session' USING ERRCODE = '42501';
    END IF;
    INSERT INTO audit_alerts (branch_code, chain_id, code, central_seq, central_hash, local_seq, local_hash, detail)
    VALUES (me, left(coalesce(chain, ''), 64), 'audit.anchor_mismatch', central_seq, left(coalesce(central_hash, ''), 64),
            local_seq, left(coalesce(local_hash, ''), 64), left(coalesce(detail, ''), 200));
END
$$;

REVOKE ALL ON FUNCTION branchdesk_audit_head(text), branchdesk_push_audit(text, jsonb),
    branchdesk_audit_alert(text, bigint, text, bigint, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchdesk_audit_head(text), branchdesk_push_audit(text, jsonb),
    branchdesk_audit_alert(text, bigint, text, bigint, text, text) TO branchdesk_branch;

-- Four eyes across the desks of a branch: review proposals travel like the other branch
-- rows. A supervisor's proposal made at one desk reaches the branch's other desks, where
-- another supervisor may approve it. A branch reads only its own proposals (of persons it
-- holds) and writes them only through branchdesk_push_rows, whose rule for this table keeps
-- a proposal its branch's, lets its status move only from pending (to approved or replaced),
-- and refuses an approval by the supervisor who proposed it.
CREATE TABLE review_proposals (
    id              uuid PRIMARY KEY,
    branch_code     text NOT NULL,
    version         integer NOT NULL DEFAULT 1,
    national_code   text NOT NULL,
    request_id      uuid NOT NULL,
    request_version integer NOT NULL,
    kind            text NOT NULL CHECK (kind IN ('correct_and_activate', 'send_back', 'reject')),
    changes_json    text NOT NULL DEFAULT '{}',
    reason          text NOT NULL DEFAULT '',
    proposed_by     text NOT NULL,
    proposed_at     text NOT NULL,
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'replaced')),
    decided_by      text,
    decided_at      text
);
CREATE INDEX review_proposals_by_code ON review_proposals (national_code);
CREATE TRIGGER review_proposals_changes_insert AFTER INSERT ON review_proposals
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION branchdesk_record_travelling_changes();
CREATE TRIGGER review_proposals_changes_update AFTER UPDATE ON review_proposals
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION branchdesk_record_travelling_changes();
CREATE TRIGGER review_proposals_changes_delete AFTER DELETE ON review_proposals
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION branchdesk_record_travelling_changes();
ALTER TABLE review_proposals ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON review_proposals FROM branchdesk_branch;
GRANT SELECT ON review_proposals TO branchdesk_branch;
CREATE POLICY branch_read ON review_proposals FOR SELECT TO branchdesk_branch
    USING (branch_code = (SELECT branchdesk_session_branch())
           AND EXISTS (SELECT 1 FROM branch_persons AS p WHERE p.branch_code = (SELECT branchdesk_session_branch())
                                                           AND p.national_code = review_proposals.national_code));
INSERT INTO branchdesk_push_rules (tbl, fixed, defaults, rule) VALUES
('review_proposals',
 ARRAY['national_code', 'request_id', 'request_version', 'kind', 'changes_json', 'reason', 'proposed_by',
       'proposed_at'],
 '{"version": 1, "changes_json": "{}", "reason": "", "status": "pending", "decided_by": null, "decided_at": null}',
 $rule$
    WHEN c.id IS NOT NULL AND c.branch_code IS DISTINCT FROM (SELECT branchdesk_session_branch())
      THEN 'the proposal is another branch''s'
    WHEN c.id IS NOT NULL AND c.status <> 'pending' AND p.status IS DISTINCT FROM c.status
      THEN format('the proposal was %s already', c.status)
    WHEN p.status = 'approved' AND (coalesce(p.decided_by, '') = ''
                                    OR lower(p.decided_by) = lower(p.proposed_by))
      THEN 'a proposal is approved by another supervisor than the one who made it'
 $rule$);
