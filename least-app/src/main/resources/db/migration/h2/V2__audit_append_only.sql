-- H2 (the single-user default database) has no SQL trigger language; its append-only guard is a
-- Java trigger, dev.least.app.audit.AppendOnlyTrigger, which refuses UPDATE and DELETE.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  FOR EACH ROW CALL 'dev.least.app.audit.AppendOnlyTrigger';
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  FOR EACH ROW CALL 'dev.least.app.audit.AppendOnlyTrigger';
