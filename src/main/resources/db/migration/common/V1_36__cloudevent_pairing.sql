-- KServe's inference logger sends a request and a response CloudEvent with the same id. A half that
-- waits for its partner is kept here, committed before the 200, so that a crash loses nothing that
-- was acknowledged. One row per (system, ce-id): its row lock serialises the two halves across nodes.
-- A half's state: NULL (not received), PENDING (kept below, waiting), RECORDED (in the register).
CREATE TABLE cloudevent_pair (
    system_id         VARCHAR(64)  NOT NULL REFERENCES ai_system (id),
    ce_id             VARCHAR(200) NOT NULL,
    request_state     VARCHAR(8)   CHECK (request_state IN ('PENDING', 'RECORDED')),
    response_state    VARCHAR(8)   CHECK (response_state IN ('PENDING', 'RECORDED')),
    request_half      VARCHAR(10485760),
    response_half     VARCHAR(10485760),
    first_received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- When the pending half is recorded alone; NULL while nothing waits.
    due_at            TIMESTAMP WITH TIME ZONE,
    -- The half recorded alone, which a late partner references.
    alone_client_event_id VARCHAR(200),
    alone_seq         BIGINT,
    -- Nothing waits any more; the row only recognises redeliveries until it is pruned.
    settled_at        TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (system_id, ce_id)
);

CREATE INDEX cloudevent_pair_due ON cloudevent_pair (due_at);
CREATE INDEX cloudevent_pair_settled ON cloudevent_pair (settled_at);
