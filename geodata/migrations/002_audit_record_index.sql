-- A record's history (Identify, edit::record_history) looks audit rows up by table and row id;
-- without this index that is a scan of the whole trail.
CREATE INDEX audit_log_record ON audit_log (table_name, row_id);
