-- The daily verification of every chain (docs/log-register.md#daily-verification).

-- The latest scheduled verification of each chain: what the metric aiact_log_chain_valid shows on
-- every node, and whether a failure was mailed yet (notified_at NULL: still to mail).
CREATE TABLE log_chain_verification (
    system_id         VARCHAR(64)   PRIMARY KEY REFERENCES ai_system (id),
    verified_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    valid             BOOLEAN       NOT NULL,
    started_after_seq BIGINT        NOT NULL,
    events_checked    BIGINT        NOT NULL,
    head_seq          BIGINT        NOT NULL,
    first_invalid_seq BIGINT,
    reason            VARCHAR(2000),
    notified_at       TIMESTAMP WITH TIME ZONE
);

-- One row: the node whose UPDATE moves claimed_at runs the scheduled verification, the others skip it.
CREATE TABLE log_verification_claim (
    id         INTEGER PRIMARY KEY,
    claimed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO log_verification_claim (id, claimed_at) VALUES (1, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00:00');
