--liquibase formatted sql

--changeset boxoffice:003-outbox-audit-delivery
-- Delivery is tracked per destination, so one slow destination never holds back another.
ALTER TABLE outbox ADD COLUMN audit_delivered_at timestamptz;
-- The relay's queue: undelivered rows in order, small because delivered rows leave it.
CREATE INDEX outbox_audit_pending_idx ON outbox (created_at, id) WHERE audit_delivered_at IS NULL;
--rollback DROP INDEX outbox_audit_pending_idx; ALTER TABLE outbox DROP COLUMN audit_delivered_at;
