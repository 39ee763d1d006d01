-- Post-market monitoring plans (Art. 72(3), Annex IV point 9): one row per version, never updated.
CREATE TABLE monitoring_plan (
    system_id               VARCHAR(64)   NOT NULL REFERENCES ai_system (id),
    version                 INTEGER       NOT NULL CHECK (version >= 1),
    metrics                 VARCHAR(20000) NOT NULL,
    thresholds_reference    VARCHAR(200)  NOT NULL,
    review_cadence          VARCHAR(32)   NOT NULL,
    owners                  VARCHAR(2000) NOT NULL,
    deployer_feedback       VARCHAR(500)  NOT NULL,
    change_note             VARCHAR(2000),
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by              VARCHAR(128)  NOT NULL,
    PRIMARY KEY (system_id, version)
);
