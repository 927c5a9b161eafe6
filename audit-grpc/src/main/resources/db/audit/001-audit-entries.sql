--liquibase formatted sql

--changeset audit:001-audit-entries
-- The audit log. Rows are only ever inserted; hash = SHA-256(prev_hash || canonical form of the
-- row), see boxoffice.audit.log.ChainHash. payload is text, not jsonb: jsonb would reorder keys
-- and change the bytes that were hashed.
CREATE TABLE audit_entries (
    sequence    bigint      PRIMARY KEY CHECK (sequence > 0),
    entry_id    uuid        NOT NULL UNIQUE,
    action      text        NOT NULL,
    actor_id    text        NOT NULL,
    entity_type text        NOT NULL,
    entity_id   text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    payload     text        NOT NULL,
    recorded_at timestamptz NOT NULL,
    prev_hash   text        NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
    hash        text        NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
);
CREATE INDEX audit_entries_actor_idx ON audit_entries (actor_id, sequence);
CREATE INDEX audit_entries_action_idx ON audit_entries (action, sequence);
CREATE INDEX audit_entries_entity_idx ON audit_entries (entity_type, entity_id, sequence);
CREATE INDEX audit_entries_occurred_at_idx ON audit_entries (occurred_at);
--rollback DROP TABLE audit_entries;

--changeset audit:001-audit-chain-head
-- One row: the last sequence given out and its hash. Every append locks it (SELECT ... FOR UPDATE)
-- in its transaction, so appends are serialised and the chain never forks.
CREATE TABLE audit_chain_head (
    singleton     boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    last_sequence bigint  NOT NULL CHECK (last_sequence >= 0),
    last_hash     text    NOT NULL CHECK (last_hash ~ '^[0-9a-f]{64}$')
);
INSERT INTO audit_chain_head (singleton, last_sequence, last_hash)
VALUES (true, 0, '0000000000000000000000000000000000000000000000000000000000000000');
--rollback DROP TABLE audit_chain_head;

--changeset audit:001-append-only splitStatements:false
-- Defence in depth: the database itself refuses to change or remove an entry. (The owner can still
-- disable the trigger; the hash chain is what detects that.)
CREATE FUNCTION audit_entries_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entries is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_entries_append_only
    BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse_change();
CREATE TRIGGER audit_entries_no_truncate
    BEFORE TRUNCATE ON audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_refuse_change();
--rollback DROP TRIGGER audit_entries_no_truncate ON audit_entries;
--rollback DROP TRIGGER audit_entries_append_only ON audit_entries;
--rollback DROP FUNCTION audit_entries_refuse_change();
