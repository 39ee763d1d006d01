-- The log register at production volume (docs/log-register.md, "Partitions"): log_event becomes a
-- table partitioned by month of recorded_at (our clock, the one retention cuts on). The application
-- creates the partitions ahead of need through log_event_ensure_partitions() and drops whole expired
-- partitions through log_event_drop_partition(); both run as the owner of the tables (SECURITY
-- DEFINER), because the application may run as a role that does not own them.
--
-- An existing register is not copied: its table becomes the first partition, "log_event_legacy",
-- covering everything recorded before this migration ran, checked by a validated constraint. What
-- the migration builds on it is two indexes (the primary key with recorded_at, and the window-read
-- index); on a large register an operator may build them beforehand, without blocking ingest, under
-- the names used below (docs/operations.md, "Upgrading a large register"), and they are used as they are.

-- The partitions of log_event with their ranges (-infinity/infinity for MINVALUE/MAXVALUE), read
-- from the catalog, so that there is no second list to keep in step.
CREATE FUNCTION log_event_partitions()
    RETURNS TABLE (partition_name TEXT, range_from TIMESTAMP WITH TIME ZONE, range_to TIMESTAMP WITH TIME ZONE)
    LANGUAGE sql STABLE
    SET TimeZone = 'UTC' SET DateStyle = 'ISO'
AS $$
    SELECT c.relname::TEXT,
           CASE WHEN b[1] = 'MINVALUE' THEN '-infinity'::TIMESTAMPTZ ELSE trim(BOTH '''' FROM b[1])::TIMESTAMPTZ END,
           CASE WHEN b[2] = 'MAXVALUE' THEN 'infinity'::TIMESTAMPTZ ELSE trim(BOTH '''' FROM b[2])::TIMESTAMPTZ END
    FROM pg_inherits i
    JOIN pg_class c ON c.oid = i.inhrelid
    CROSS JOIN LATERAL regexp_match(pg_get_expr(c.relpartbound, c.oid), 'FROM \((.*)\) TO \((.*)\)') AS b
    WHERE i.inhparent = to_regclass('log_event')
$$;

DO $$
DECLARE
    populated BOOLEAN;
    boundary  TIMESTAMPTZ;
BEGIN
    populated := EXISTS (SELECT 1 FROM log_event);
    IF populated THEN
        -- Everything recorded so far, and by any node whose clock is behind ours, goes to the legacy
        -- partition; what is recorded from now on goes to the monthly ones.
        SELECT greatest(now(), max(recorded_at) + INTERVAL '1 microsecond') INTO boundary FROM log_event;
        ALTER TABLE log_event RENAME TO log_event_legacy;
        ALTER TABLE log_event_legacy RENAME CONSTRAINT log_event_pkey TO log_event_legacy_seq_only;
        ALTER INDEX log_event_client_event RENAME TO log_event_legacy_client_event;
        -- The partitioned table's own row trigger is cloned onto every partition, this one included.
        DROP TRIGGER log_event_append_only ON log_event_legacy;
    ELSE
        DROP TABLE log_event;
    END IF;

    CREATE TABLE log_event (
        system_id       VARCHAR(64)  NOT NULL,
        seq             BIGINT       NOT NULL,
        type            VARCHAR(40)  NOT NULL,
        occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
        recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
        model_version   VARCHAR(64),
        actor           VARCHAR(128) NOT NULL,
        client_event_id VARCHAR(200),
        payload         jsonb        NOT NULL,
        prev_hash       CHAR(64)     NOT NULL,
        hash            CHAR(64)     NOT NULL,
        -- A primary key of a partitioned table must hold the partition key. seq stays unique per
        -- system because every append takes the chain head's row lock (log_chain_head).
        CONSTRAINT log_event_pkey PRIMARY KEY (system_id, seq, recorded_at)
    ) PARTITION BY RANGE (recorded_at);

    -- Window reads (GET .../logs?from=&to=, the export of a window) filter on occurred_at, the sender's time.
    CREATE INDEX log_event_occurred ON log_event (system_id, occurred_at);

    CREATE TRIGGER log_event_append_only
        BEFORE UPDATE OR DELETE ON log_event
        FOR EACH ROW EXECUTE FUNCTION log_event_refuse_change();
    -- TRUNCATE of the partitioned table; each partition has its own (a TRUNCATE trigger is not cloned).
    CREATE TRIGGER log_event_no_truncate
        BEFORE TRUNCATE ON log_event
        FOR EACH STATEMENT EXECUTE FUNCTION log_event_refuse_change();

    IF populated THEN
        EXECUTE format('ALTER TABLE log_event_legacy ADD CONSTRAINT log_event_legacy_range CHECK (recorded_at < %L)',
                boundary);
        -- The indexes the partitioned table asks of every partition, unless an operator built them already.
        CREATE UNIQUE INDEX IF NOT EXISTS log_event_legacy_pkey ON log_event_legacy (system_id, seq, recorded_at);
        CREATE INDEX IF NOT EXISTS log_event_legacy_occurred ON log_event_legacy (system_id, occurred_at);
        ALTER TABLE log_event_legacy DROP CONSTRAINT log_event_legacy_seq_only;
        ALTER TABLE log_event_legacy ADD CONSTRAINT log_event_legacy_pkey PRIMARY KEY USING INDEX log_event_legacy_pkey;
        EXECUTE format('ALTER TABLE log_event ATTACH PARTITION log_event_legacy FOR VALUES FROM (MINVALUE) TO (%L)',
                boundary);
    END IF;
END
$$;

-- Creates the monthly partitions (UTC months) from the month of p_at through p_months_ahead months
-- later, where none covers them yet; returns how many it created. Several nodes may call it at once:
-- the advisory lock makes them take turns, and the later ones find the partitions there. A new
-- partition is built as a plain table and then attached, which does not block appends or reads.
CREATE FUNCTION log_event_ensure_partitions(p_at TIMESTAMP WITH TIME ZONE, p_months_ahead INTEGER) RETURNS INTEGER
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
        -- The idempotency lookup's index: per partition and not unique, since a unique index of the
        -- partitioned table would have to hold recorded_at (docs/log-register.md, "Idempotency window").
        EXECUTE format('CREATE INDEX %I ON %I (system_id, client_event_id) WHERE client_event_id IS NOT NULL',
                name || '_client_event', name);
        EXECUTE format('CREATE TRIGGER log_event_no_truncate BEFORE TRUNCATE ON %I '
                || 'FOR EACH STATEMENT EXECUTE FUNCTION log_event_refuse_change()', name);
        EXECUTE format('ALTER TABLE log_event ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', name, lo, hi);
        created := created + 1;
    END LOOP;
    RETURN created;
END
$$;

-- Detaches and drops one partition, in the caller's transaction. Narrow on purpose: only a partition
-- of log_event, and only if no event in it is after its chain's anchor (the caller moves the anchors
-- first, as the row purge does) and none belongs to a system under an active evidence hold.
CREATE FUNCTION log_event_drop_partition(p_name TEXT) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path FROM CURRENT
AS $$
DECLARE
    blocker TEXT;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM log_event_partitions() p WHERE p.partition_name = p_name) THEN
        RAISE EXCEPTION 'log_event_drop_partition: % is not a partition of log_event', p_name;
    END IF;
    EXECUTE format('SELECT h.system_id FROM log_chain_head h WHERE EXISTS '
            || '(SELECT 1 FROM %I e WHERE e.system_id = h.system_id AND e.seq > h.anchor_seq) LIMIT 1', p_name)
        INTO blocker;
    IF blocker IS NOT NULL THEN
        RAISE EXCEPTION 'log_event_drop_partition: % holds events of % after its chain''s anchor', p_name, blocker;
    END IF;
    EXECUTE format('SELECT h.system_id FROM evidence_hold h WHERE h.released_at IS NULL AND EXISTS '
            || '(SELECT 1 FROM %I e WHERE e.system_id = h.system_id) LIMIT 1', p_name)
        INTO blocker;
    IF blocker IS NOT NULL THEN
        RAISE EXCEPTION 'log_event_drop_partition: % holds events of %, which is under an evidence hold', p_name, blocker;
    END IF;
    EXECUTE format('ALTER TABLE log_event DETACH PARTITION %I', p_name);
    EXECUTE format('DROP TABLE %I', p_name);
END
$$;

-- The partitions of the current month and the next two, so that a database migrated by this
-- script takes appends before the application's own start-up creates the rest.
SELECT log_event_ensure_partitions(now(), 2);
