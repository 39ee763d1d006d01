-- One ACTIVE model version per AI system, enforced by the database (H2, used only for the
-- zero-setup run, has no partial indexes).
CREATE UNIQUE INDEX model_version_one_active ON model_version (system_id) WHERE status = 'ACTIVE';
