-- H2 (zero-setup run): log_event stays one plain table, with the indexes the PostgreSQL partitions
-- have. A client event id is recognized as a repeat within the idempotency window only
-- (aiact.logs.idempotency-window), so its index is no longer unique (docs/log-register.md).
DROP INDEX log_event_client_event;
CREATE INDEX log_event_client_event ON log_event (system_id, client_event_id);
CREATE INDEX log_event_occurred ON log_event (system_id, occurred_at);
