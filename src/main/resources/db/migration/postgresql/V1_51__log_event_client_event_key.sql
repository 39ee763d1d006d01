-- The idempotency lookup by one key, system_id || '/' || client_event_id (a system id holds no '/'),
-- instead of the pair (system_id, client_event_id). With the pair, every index of log_event that begins
-- with system_id could serve the lookup, and for a system the partition's statistics have not seen yet
-- (registered since the last ANALYZE) the planner estimates one row either way and may take the
-- window-read index: each probe then reads all of the system's events, so appends slow down as the new
-- chain grows (measured: 98,000 events in 21 minutes instead of 4 seconds). Only this index holds the
-- key, so the lookup cannot be planned on another one. Made on the partitioned table, it is built on
-- every partition, and on each new one when it is attached (docs/log-register.md, "Idempotency window").
CREATE INDEX log_event_client_event_key ON log_event ((system_id || '/' || client_event_id))
    WHERE client_event_id IS NOT NULL;

DO $$
DECLARE
    p RECORD;
BEGIN
    FOR p IN SELECT partition_name FROM log_event_partitions() LOOP
        EXECUTE format('DROP INDEX IF EXISTS %I', p.partition_name || '_client_event');
    END LOOP;
END
$$;

-- As in V1_25, without the per-partition index of the pair: the partitioned index above covers new partitions.
CREATE OR REPLACE FUNCTION log_event_ensure_partitions(p_at TIMESTAMP WITH TIME ZONE, p_months_ahead INTEGER) RETURNS INTEGER
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path FROM CURRENT SET TimeZone = 'UTC' SET DateStyle = 'ISO'
AS $$
DECLARE
    month_start TIMESTAMPTZ;
    lo          TIMESTAMPTZ;
    hi          TIMESTAMPTZ;
    name        TEXT;
    created     INTEGER := 0;
BEGIN
    IF p_months_ahead < 0 OR p_months_ahead > 120 THEN
        RAISE EXCEPTION 'log_event_ensure_partitions: months ahead must be 0 to 120, not %', p_months_ahead;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('aiact-ops log_event partitions'));
    FOR i IN 0..p_months_ahead LOOP
        month_start := date_trunc('month', p_at) + make_interval(months => i);
        lo := month_start;
        hi := month_start + INTERVAL '1 month';
        -- The legacy partition, or one an operator made by hand, may cover part of the month.
        SELECT coalesce(max(p.range_to), lo) INTO lo FROM log_event_partitions() p
            WHERE p.range_from <= lo AND p.range_to > lo;
        SELECT coalesce(min(p.range_from), hi) INTO hi FROM log_event_partitions() p
            WHERE p.range_from >= lo AND p.range_from < hi;
        CONTINUE WHEN lo >= hi;
        name := 'log_event_' || to_char(month_start, 'YYYY_MM');
        IF to_regclass(name) IS NOT NULL THEN
            RAISE EXCEPTION 'log_event_ensure_partitions: table % exists but is not the partition for [%, %)', name, lo, hi;
        END IF;
        EXECUTE format('CREATE TABLE %I (LIKE log_event INCLUDING DEFAULTS INCLUDING STORAGE)', name);
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (recorded_at >= %L AND recorded_at < %L)',
                name, name || '_range', lo, hi);
        EXECUTE format('CREATE TRIGGER log_event_no_truncate BEFORE TRUNCATE ON %I '
                || 'FOR EACH STATEMENT EXECUTE FUNCTION log_event_refuse_change()', name);
        EXECUTE format('ALTER TABLE log_event ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', name, lo, hi);
        created := created + 1;
    END LOOP;
    RETURN created;
END
$$;
