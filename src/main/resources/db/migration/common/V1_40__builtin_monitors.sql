-- Built-in monitors (docs/monitors.md): each monitoring plan version keeps its monitors, and each
-- monitor of a system's current plan has a state row and per-bucket aggregates.
ALTER TABLE monitoring_plan ADD COLUMN monitors VARCHAR(100000) DEFAULT '[]' NOT NULL;

-- One row per monitor of the current plan. A run locks its system's rows (FOR UPDATE SKIP LOCKED),
-- so one node at a time works on a system and the others skip it.
CREATE TABLE builtin_monitor (
    system_id         VARCHAR(64)    NOT NULL REFERENCES ai_system (id),
    metric            VARCHAR(64)    NOT NULL,
    plan_version      INTEGER        NOT NULL,
    definition        VARCHAR(4000)  NOT NULL,
    -- The frozen reference distribution of a drift monitor (JSON); never updated.
    frozen_reference  VARCHAR(100000),
    -- The last register event aggregated: the next run reads the events after it.
    last_seq          BIGINT         NOT NULL,
    -- The end of the next window to emit, and of the last one emitted (null until the first).
    next_window_end   TIMESTAMP WITH TIME ZONE NOT NULL,
    emitted_through   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (system_id, metric)
);

-- What a monitor's events add up to per bucket of occurredAt (an hour, or a minute for minute
-- cadences): counts under a key (a histogram bin, a category, a group, "missing" ...) and a sum.
CREATE TABLE builtin_monitor_bucket (
    system_id     VARCHAR(64)   NOT NULL,
    metric        VARCHAR(64)   NOT NULL,
    bucket_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    bucket_key    VARCHAR(220)  NOT NULL,
    event_count   BIGINT        NOT NULL,
    value_sum     DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (system_id, metric, bucket_start, bucket_key),
    FOREIGN KEY (system_id, metric) REFERENCES builtin_monitor (system_id, metric)
);
