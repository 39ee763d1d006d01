-- Reads by type without a window (GET .../logs?type=oversight_action, the monitors' and auditors'
-- reads of one kind of event) in chain order: without it a rare type was found by walking the whole
-- chain. Created on the partitioned table, so every partition has it, those attached later included.
CREATE INDEX log_event_type ON log_event (system_id, type, seq);
