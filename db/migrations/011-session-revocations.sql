--liquibase formatted sql

--changeset boxoffice:011-session-revocations splitStatements:false
-- Access tokens are checked against revocations every app instance keeps in memory, refreshed from
-- this table every second. Rows are written by triggers, so every path that ends a session (logout,
-- refresh-token reuse) or changes a role is covered, in the same transaction as the change.
CREATE TABLE session_revocations (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- A session (refresh-token family) whose tokens are all revoked ...
    family_id  uuid,
    -- ... or a user whose tokens issued up to revoked_at are revoked.
    user_id    uuid,
    revoked_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    CHECK ((family_id IS NULL) <> (user_id IS NULL))
);
CREATE INDEX session_revocations_revoked_at_idx ON session_revocations (revoked_at);

-- A token revoked without a successor: its session ended (rotation sets replaced_by).
CREATE FUNCTION record_session_revocation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO session_revocations (family_id) VALUES (NEW.family_id);
    RETURN NULL;
END $$;
CREATE TRIGGER refresh_tokens_session_revoked
    AFTER UPDATE OF revoked_at ON refresh_tokens
    FOR EACH ROW
    WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL AND NEW.replaced_by IS NULL)
    EXECUTE FUNCTION record_session_revocation();

-- A new role: tokens carrying the old one must stop working.
CREATE FUNCTION record_role_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO session_revocations (user_id) VALUES (NEW.id);
    RETURN NULL;
END $$;
CREATE TRIGGER users_role_changed
    AFTER UPDATE OF role ON users
    FOR EACH ROW
    WHEN (OLD.role IS DISTINCT FROM NEW.role)
    EXECUTE FUNCTION record_role_change();
--rollback DROP TRIGGER users_role_changed ON users; DROP FUNCTION record_role_change(); DROP TRIGGER refresh_tokens_session_revoked ON refresh_tokens; DROP FUNCTION record_session_revocation(); DROP TABLE session_revocations;
