--liquibase formatted sql

--changeset boxoffice:008-login-failures-hashed-keys
-- Throttling only needs to recognise an email or a client address again, never to read it back:
-- keying on SHA-256 hashes bounds every index row at 32 bytes (an overlong email once broke the
-- insert) and keeps addresses and emails out of this table. Existing rows are converted, so the
-- failures of the current window still count after the upgrade.
ALTER TABLE login_failures ADD COLUMN email_hash bytea, ADD COLUMN address_hash bytea;
UPDATE login_failures
   SET email_hash = sha256(convert_to(email, 'UTF8')),
       address_hash = sha256(convert_to(client_address, 'UTF8'));
ALTER TABLE login_failures
    ALTER COLUMN email_hash SET NOT NULL,
    ALTER COLUMN address_hash SET NOT NULL,
    ADD CONSTRAINT login_failures_email_hash_length CHECK (length(email_hash) = 32),
    ADD CONSTRAINT login_failures_address_hash_length CHECK (length(address_hash) = 32),
    DROP COLUMN email,
    DROP COLUMN client_address;
CREATE INDEX login_failures_email_hash_idx ON login_failures (email_hash, failed_at DESC);
CREATE INDEX login_failures_address_hash_idx ON login_failures (address_hash, failed_at DESC);
--rollback DROP TABLE login_failures;

--changeset boxoffice:008-count-login-attempt splitStatements:false
-- Counts a login attempt before its password is checked, at most up to the limits, serialised per
-- email and per client address across every app instance. A function so that the advisory locks
-- are held for one server-side call, not for client round trips: a burst of guesses for one email
-- queues for microseconds each. Each statement in a volatile function takes a fresh snapshot, so
-- the counts see every attempt committed by the previous holder of the locks.
CREATE FUNCTION count_login_attempt(
    p_email_hash bytea, p_address_hash bytea, p_email_lock int, p_address_lock int,
    p_at timestamptz, p_since timestamptz, p_per_email int, p_per_address int)
RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    -- Email first, then address, in separate lock spaces: two logins never wait in a circle.
    PERFORM pg_advisory_xact_lock(1282369349, p_email_lock);
    PERFORM pg_advisory_xact_lock(1282369345, p_address_lock);
    INSERT INTO login_failures (email_hash, address_hash, failed_at)
    SELECT p_email_hash, p_address_hash, p_at
     WHERE (SELECT count(*) FROM login_failures f
             WHERE f.email_hash = p_email_hash AND f.failed_at > p_since) < p_per_email
       AND (SELECT count(*) FROM login_failures f
             WHERE f.address_hash = p_address_hash AND f.failed_at > p_since) < p_per_address;
    RETURN FOUND;
END
$$;
--rollback DROP FUNCTION count_login_attempt;

--changeset boxoffice:008-refresh-families
-- One row per session family (the tokens rotated out of one login). Refresh, logout and reuse
-- revocation lock this row first, so they run one after the other per family on every instance:
-- a revocation then always sees the token a concurrent refresh inserted, and a refresh after it
-- finds the family revoked.
CREATE TABLE refresh_families (
    id         uuid PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz
);
CREATE INDEX refresh_families_user_idx ON refresh_families (user_id);
INSERT INTO refresh_families (id, user_id, created_at, revoked_at)
SELECT family_id, min(user_id::text)::uuid, min(created_at),
       CASE WHEN bool_and(revoked_at IS NOT NULL) THEN max(revoked_at) END
  FROM refresh_tokens GROUP BY family_id;
ALTER TABLE refresh_tokens ADD CONSTRAINT refresh_tokens_family_fk
    FOREIGN KEY (family_id) REFERENCES refresh_families (id) ON DELETE CASCADE;
--rollback ALTER TABLE refresh_tokens DROP CONSTRAINT refresh_tokens_family_fk; DROP TABLE refresh_families;
