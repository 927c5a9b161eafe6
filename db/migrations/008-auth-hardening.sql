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
