-- H2 (zero-setup run only): PostgreSQL's jsonb is stored as text, so the same SQL
-- (CAST(? AS jsonb), CAST(payload AS VARCHAR)) runs on both databases.
CREATE DOMAIN IF NOT EXISTS jsonb AS VARCHAR(10485760);
