-- The idempotency look-up of V1_51 as a function, so that the statements around it can keep a cached
-- plan. Planned at every call, the look-up and the insert it goes with took about 0.5 ms of the server's
-- CPU per append (pgbench, docs/benchmarks.md), most of a single-event request's database time. A cached
-- generic plan of the look-up itself is not safe: made while a month's partition was analyzed empty, it
-- would scan the whole partition for every probe until the next ANALYZE. Here the plan is cached (the
-- generic one, made once per session) with sequential scans off, so each probe is an index probe of the
-- key whatever the partitions' statistics said when it was made.
CREATE FUNCTION log_stored_client_events(p_system_id VARCHAR, p_client_event_ids VARCHAR[], p_since TIMESTAMPTZ)
    RETURNS TABLE (client_event_id VARCHAR, seq BIGINT)
    LANGUAGE plpgsql STABLE
    SET enable_seqscan = off SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
    RETURN QUERY
        SELECT k.id, e.seq FROM unnest(p_client_event_ids) AS k(id) CROSS JOIN LATERAL
            (SELECT l.seq FROM log_event l
             WHERE l.system_id || '/' || l.client_event_id = p_system_id || '/' || k.id AND l.recorded_at >= p_since
             LIMIT 1) e;
END
$$;
