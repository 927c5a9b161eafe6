--liquibase formatted sql

--changeset boxoffice:010-cache-invalidations
-- Invalidations an instance could not deliver to Redis, handed to the instances that can reach it.
-- Empty while Redis is reachable; rows are only needed for a few seconds and are purged after one
-- minute.
CREATE TABLE cache_invalidations (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id   uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cache_invalidations_created_at_idx ON cache_invalidations (created_at);
--rollback DROP TABLE cache_invalidations;
