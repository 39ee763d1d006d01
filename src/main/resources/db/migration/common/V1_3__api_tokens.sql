-- API tokens for machine clients. Only the SHA-256 of a token is stored; the token itself is shown
-- once, at creation.
CREATE TABLE api_token (
    id         VARCHAR(36)  PRIMARY KEY,
    user_id    VARCHAR(128) NOT NULL,
    name       VARCHAR(200) NOT NULL,
    token_hash CHAR(64)     NOT NULL UNIQUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR(128) NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE,
    revoked_by VARCHAR(128)
);
CREATE INDEX api_token_user ON api_token (user_id);
