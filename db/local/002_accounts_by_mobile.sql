-- BranchDesk local database, schema version 2.
-- An account's mobile may differ from its request's (changed at the counter): applicant
-- search by mobile looks up accounts too, and shows the account's mobile.
CREATE INDEX accounts_by_mobile ON accounts (mobile);
