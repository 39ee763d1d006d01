-- As on PostgreSQL: reads by type without a window in chain order (docs/log-register.md).
CREATE INDEX log_event_type ON log_event (system_id, type, seq);
