-- Corrective actions (Art. 20, Art. 79(2)): the case and its decision (operators informed and their
-- acknowledgements: tracked_recipient). The process holds only the case id.
CREATE SEQUENCE corrective_action_number START WITH 1;

CREATE TABLE corrective_action (
    id                     VARCHAR(32)   PRIMARY KEY,
    system_id              VARCHAR(64)   NOT NULL REFERENCES ai_system (id),
    reason                 VARCHAR(4000) NOT NULL,
    origin                 VARCHAR(32)   NOT NULL CHECK (origin IN ('api', 'oversight_review', 'serious_incident',
                                                                   'post_market_review', 'authority_order')),
    reference              VARCHAR(200),
    -- Art. 79(2): an authority's order, and the deadline it sets in that Member State's calendar.
    authority_member_state CHAR(2),
    authority_reference    VARCHAR(200),
    ordered_at             TIMESTAMP WITH TIME ZONE,
    authority_period_days  INTEGER,
    due_last_day           DATE,
    due_at                 TIMESTAMP WITH TIME ZONE,
    action                 VARCHAR(32)   CHECK (action IN ('RETRAIN', 'ADAPT_CONFIGURATION', 'WITHDRAW', 'DISABLE',
                                                           'RECALL', 'NO_ACTION')),
    rationale              VARCHAR(4000),
    presents_risk          BOOLEAN,
    decided_at             TIMESTAMP WITH TIME ZONE,
    decided_by             VARCHAR(128),
    effective              BOOLEAN,
    status                 VARCHAR(16)   NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    process_instance_id    VARCHAR(64),
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by             VARCHAR(128)  NOT NULL,
    closed_at              TIMESTAMP WITH TIME ZONE,
    closed_by              VARCHAR(128),
    close_reason           VARCHAR(4000)
);

CREATE INDEX corrective_action_system ON corrective_action (system_id, status);
