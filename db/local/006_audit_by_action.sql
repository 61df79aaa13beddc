-- BranchDesk local database, schema version 6: the supervisor's dashboard counts one
-- action of one day in the audit log (e.g. "request.activated" per staff member); without
-- this index that is a scan of the whole log, which grows by several entries per request.
CREATE INDEX audit_by_action ON audit_log (action, at);
