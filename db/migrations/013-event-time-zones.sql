--liquibase formatted sql

--changeset boxoffice:013-event-time-zones
-- The IANA zone an event's times are shown in (emails): "19:00 Europe/Berlin", never a bare UTC
-- time for an evening in Tokyo. Events created before it existed are shown in UTC, as they were.
ALTER TABLE events ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC'
    CONSTRAINT events_time_zone_length CHECK (char_length(time_zone) BETWEEN 1 AND 64);
--rollback ALTER TABLE events DROP COLUMN time_zone;
