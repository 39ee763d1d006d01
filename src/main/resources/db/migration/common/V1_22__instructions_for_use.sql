-- Instructions for use (Art. 13(3)), versioned per system: the fields maintenance changes, and what
-- changed. Never updated; each deployer's receipt and acknowledgement is in tracked_recipient.
CREATE TABLE instructions_for_use (
    system_id             VARCHAR(64)   NOT NULL REFERENCES ai_system (id),
    version               INTEGER       NOT NULL CHECK (version >= 1),
    accuracy              VARCHAR(4000) NOT NULL,
    robustness            VARCHAR(4000) NOT NULL,
    known_risks           VARCHAR(4000) NOT NULL,
    predetermined_changes VARCHAR(4000) NOT NULL,
    oversight_measures    VARCHAR(4000) NOT NULL,
    maintenance_measures  VARCHAR(4000) NOT NULL,
    log_mechanisms        VARCHAR(4000) NOT NULL,
    change_log            VARCHAR(4000) NOT NULL,
    published_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by          VARCHAR(128)  NOT NULL,
    process_instance_id   VARCHAR(64),
    PRIMARY KEY (system_id, version)
);
