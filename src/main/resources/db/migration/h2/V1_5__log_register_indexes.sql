-- A client event id is stored once per system (H2 has no partial indexes; NULLs never collide).
CREATE UNIQUE INDEX log_event_client_event ON log_event (system_id, client_event_id);
