-- BranchDesk local database, schema version 10: review proposals travel. A branch has
-- several desks, each with its own database; a proposal made at one desk is pushed to the
-- central database and pulled by the branch's other desks, where another supervisor may
-- approve it (four eyes across desks). Each proposal now carries its branch and a version
-- that every change raises, like the other travelling rows.
ALTER TABLE review_proposals ADD COLUMN branch_code TEXT NOT NULL DEFAULT '';
ALTER TABLE review_proposals ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
UPDATE review_proposals SET branch_code = coalesce((SELECT value FROM meta WHERE key = 'branch_code'), '');
