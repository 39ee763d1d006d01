-- The values of every recorded monitoring signal, one row each, for charts (docs/operations.md#retention).
-- The log register keeps the signals themselves; reading a chart from it would scan its partitions.
CREATE TABLE metric_point (
    system_id    VARCHAR(64)      NOT NULL REFERENCES ai_system (id),
    metric       VARCHAR(64)      NOT NULL,
    category     VARCHAR(32)      NOT NULL,
    observed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    metric_value DOUBLE PRECISION NOT NULL,
    severity     VARCHAR(16)      NOT NULL,
    source       VARCHAR(200),
    signal_id    VARCHAR(190)
);

CREATE INDEX metric_point_series ON metric_point (system_id, metric, observed_at);
