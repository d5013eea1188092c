"""The database file as a whole: opening it safely (dbfile), backups and restore, the password (encryption),
health checks (maintenance), reading the audit trail for its view (audit_log) and deleted records (recycle).

Not here: what the records mean, nor the writing of the audit trail (common.audit), which every room uses."""
