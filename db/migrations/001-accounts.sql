--liquibase formatted sql

--changeset boxoffice:001-users
CREATE TABLE users (
    id            uuid PRIMARY KEY,
    email         text        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    role          text        NOT NULL CHECK (role IN ('USER', 'ADMIN')),
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
-- Emails are unique regardless of case: Alice@x.org and alice@x.org are one account.
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));
CREATE INDEX users_created_at_id_idx ON users (created_at, id);
--rollback DROP TABLE users;

--changeset boxoffice:001-refresh-tokens
CREATE TABLE refresh_tokens (
    id          uuid PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- All tokens rotated out of one login share a family; reuse of a spent one revokes it.
    family_id   uuid        NOT NULL,
    -- SHA-256 of the token; the token itself is never stored.
    token_hash  bytea       NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    expires_at  timestamptz NOT NULL,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    replaced_by uuid REFERENCES refresh_tokens (id)
);
CREATE INDEX refresh_tokens_live_family_idx ON refresh_tokens (family_id) WHERE revoked_at IS NULL;
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_expires_at_idx ON refresh_tokens (expires_at);
--rollback DROP TABLE refresh_tokens;

--changeset boxoffice:001-login-failures
-- Failed logins in the database, so throttling holds across every app instance.
CREATE TABLE login_failures (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email          text        NOT NULL,
    client_address text        NOT NULL,
    failed_at      timestamptz NOT NULL
);
CREATE INDEX login_failures_email_idx ON login_failures (email, failed_at DESC);
CREATE INDEX login_failures_address_idx ON login_failures (client_address, failed_at DESC);
CREATE INDEX login_failures_failed_at_idx ON login_failures (failed_at);
--rollback DROP TABLE login_failures;
