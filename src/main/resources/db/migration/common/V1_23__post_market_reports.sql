-- Post-market reviews (Art. 72): one row per review of one period of one system. The compiled report
-- is kept as the reviewer saw it; sign-off freezes it: the exact JSON text is stored in frozen_report and
-- its SHA-256 (over its UTF-8 bytes) in report_sha256 and in the system's log register.
CREATE SEQUENCE post_market_report_number START WITH 1;

CREATE TABLE post_market_report (
    id                        VARCHAR(32)   PRIMARY KEY,
    system_id                 VARCHAR(64)   NOT NULL REFERENCES ai_system (id),
    period_from               TIMESTAMP WITH TIME ZONE NOT NULL,
    period_to                 TIMESTAMP WITH TIME ZONE NOT NULL,
    review_cadence            VARCHAR(32)   NOT NULL,
    trigger_kind              VARCHAR(16)   NOT NULL CHECK (trigger_kind IN ('scheduled', 'on_demand')),
    -- Set for scheduled reviews only: one scheduled review per system and period, however often the check runs.
    scheduled_period          VARCHAR(120)  UNIQUE,
    status                    VARCHAR(16)   NOT NULL CHECK (status IN ('OPEN', 'SIGNED')),
    compiled_report           VARCHAR(1000000),
    frozen_report             VARCHAR(1000000),
    report_sha256             CHAR(64),
    log_seq                   BIGINT,
    signed_by                 VARCHAR(128),
    signed_by_name            VARCHAR(300),
    signed_role               VARCHAR(200),
    signed_at                 TIMESTAMP WITH TIME ZONE,
    corrective_action_reason  VARCHAR(4000),
    requested_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by              VARCHAR(128)  NOT NULL,
    CHECK (period_from < period_to)
);

-- The scheduler continues each system's chain of scheduled periods from the latest one.
CREATE INDEX post_market_report_system ON post_market_report (system_id, trigger_kind, period_to);
