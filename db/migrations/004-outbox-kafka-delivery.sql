--liquibase formatted sql

--changeset boxoffice:004-outbox-kafka-delivery
ALTER TABLE outbox ADD COLUMN kafka_delivered_at timestamptz;
CREATE INDEX outbox_kafka_pending_idx ON outbox (created_at, id) WHERE kafka_delivered_at IS NULL;
--rollback DROP INDEX outbox_kafka_pending_idx; ALTER TABLE outbox DROP COLUMN kafka_delivered_at;
