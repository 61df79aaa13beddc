-- BranchDesk local database, schema version 4: sync bookkeeping.
-- An outbox row joins a push batch before it is sent: the batch id is stored with the
-- rows first, so a retry after a crash resends the SAME batch id and the central database
-- (applied_batches) applies it once. The pull cursor lives in meta (sync_cursor).
ALTER TABLE outbox ADD COLUMN batch_id TEXT;
CREATE INDEX outbox_by_batch ON outbox (batch_id);
