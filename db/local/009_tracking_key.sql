-- BranchDesk local database, schema version 9: the tracking key of every request (issue 16),
-- the 35 bits a request's tracking code is made of (app/core/TrackingCode.h: the low 35 bits
-- of the id's last 9 hex digits), so that a code typed into the search finds its requests
-- through an index. A virtual generated column: computed by SQLite itself on every insert
-- (the counter, the pull, the demo data, the sqlite3 shell alike), stored only in the index,
-- never sent to the central (which computes the same code from the id). NULL for an id
-- that is not a UUID's text. TestTrackingKeys checks it against trackingKeyOfRequestId.
ALTER TABLE requests ADD COLUMN tracking_key INTEGER GENERATED ALWAYS AS (
    CASE WHEN lower(id) GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]' THEN
        (((instr('0123456789abcdef', substr(lower(id), 28, 1)) - 1) & 7) << 32) |
        ((instr('0123456789abcdef', substr(lower(id), 29, 1)) - 1) << 28) |
        ((instr('0123456789abcdef', substr(lower(id), 30, 1)) - 1) << 24) |
        ((instr('0123456789abcdef', substr(lower(id), 31, 1)) - 1) << 20) |
        ((instr('0123456789abcdef', substr(lower(id), 32, 1)) - 1) << 16) |
        ((instr('0123456789abcdef', substr(lower(id), 33, 1)) - 1) << 12) |
        ((instr('0123456789abcdef', substr(lower(id), 34, 1)) - 1) << 8) |
        ((instr('0123456789abcdef', substr(lower(id), 35, 1)) - 1) << 4) |
        (instr('0123456789abcdef', substr(lower(id), 36, 1)) - 1)
    END) VIRTUAL;
CREATE INDEX requests_by_tracking_key ON requests (tracking_key);
