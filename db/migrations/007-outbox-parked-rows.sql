--liquibase formatted sql

--changeset boxoffice:007-outbox-parked-rows
-- A row a destination refuses for good (the audit service rejects its payload, Kafka finds it too
-- large) is parked: taken out of that destination's queue with the reason, so the rows after it
-- still go out. Delivery stays tracked per destination, and so does parking.
ALTER TABLE outbox
    ADD COLUMN audit_parked_at     timestamptz,
    ADD COLUMN audit_parked_reason text,
    ADD COLUMN kafka_parked_at     timestamptz,
    ADD COLUMN kafka_parked_reason text;
-- The relays' queues hold only rows that can still be delivered.
DROP INDEX outbox_audit_pending_idx;
CREATE INDEX outbox_audit_pending_idx ON outbox (created_at, id)
    WHERE audit_delivered_at IS NULL AND audit_parked_at IS NULL;
DROP INDEX outbox_kafka_pending_idx;
CREATE INDEX outbox_kafka_pending_idx ON outbox (created_at, id)
    WHERE kafka_delivered_at IS NULL AND kafka_parked_at IS NULL;
-- Parked rows are few; these keep counting them (a gauge read at every scrape) cheap.
CREATE INDEX outbox_audit_parked_idx ON outbox (audit_parked_at) WHERE audit_parked_at IS NOT NULL;
CREATE INDEX outbox_kafka_parked_idx ON outbox (kafka_parked_at) WHERE kafka_parked_at IS NOT NULL;
--rollback DROP INDEX outbox_kafka_parked_idx; DROP INDEX outbox_audit_parked_idx;
--rollback DROP INDEX outbox_kafka_pending_idx; CREATE INDEX outbox_kafka_pending_idx ON outbox (created_at, id) WHERE kafka_delivered_at IS NULL;
--rollback DROP INDEX outbox_audit_pending_idx; CREATE INDEX outbox_audit_pending_idx ON outbox (created_at, id) WHERE audit_delivered_at IS NULL;
--rollback ALTER TABLE outbox DROP COLUMN kafka_parked_reason, DROP COLUMN kafka_parked_at, DROP COLUMN audit_parked_reason, DROP COLUMN audit_parked_at;
