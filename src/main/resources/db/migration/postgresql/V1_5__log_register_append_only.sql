-- A client event id is stored once per system; most events have none, so the index skips them.
CREATE UNIQUE INDEX log_event_client_event ON log_event (system_id, client_event_id)
    WHERE client_event_id IS NOT NULL;

-- The register is append-only: the database refuses UPDATE, TRUNCATE and DELETE on events. The one
-- exception is the retention purge, which deletes through log_purge() below. Deployments that run
-- the application as a role that does not own the tables should also
-- REVOKE UPDATE, DELETE, TRUNCATE ON log_event FROM <app role> (docs/log-register.md).
CREATE FUNCTION log_event_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('aiact.log_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'log_event is append-only: % is refused (only the retention purge deletes events)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER log_event_append_only
    BEFORE UPDATE OR DELETE ON log_event
    FOR EACH ROW EXECUTE FUNCTION log_event_refuse_change();

CREATE TRIGGER log_event_no_truncate
    BEFORE TRUNCATE ON log_event
    FOR EACH STATEMENT EXECUTE FUNCTION log_event_refuse_change();

-- The retention purge: deletes one system's events up to a sequence number, in the caller's
-- transaction. The setting is local to that transaction.
CREATE FUNCTION log_purge(p_system_id VARCHAR, p_through_seq BIGINT) RETURNS BIGINT
    LANGUAGE plpgsql AS $$
DECLARE
    purged BIGINT;
BEGIN
    PERFORM set_config('aiact.log_purge', 'on', true);
    DELETE FROM log_event WHERE system_id = p_system_id AND seq <= p_through_seq;
    GET DIAGNOSTICS purged = ROW_COUNT;
    PERFORM set_config('aiact.log_purge', 'off', true);
    RETURN purged;
END
$$;
