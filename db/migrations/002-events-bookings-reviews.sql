--liquibase formatted sql

--changeset boxoffice:002-outbox
-- Transactional outbox: every change users or auditors care about writes one row here in the same
-- transaction as the change; relays deliver the rows to the audit service and Kafka later.
CREATE TABLE outbox (
    id             uuid PRIMARY KEY,
    type           text        NOT NULL,
    aggregate_type text        NOT NULL,
    aggregate_id   uuid        NOT NULL,
    -- The account that caused the change; NULL when nobody is signed in (e.g. a failed login).
    actor_id       uuid,
    payload        jsonb       NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX outbox_created_at_idx ON outbox (created_at, id);
CREATE INDEX outbox_aggregate_idx ON outbox (aggregate_id, created_at);
--rollback DROP TABLE outbox;

--changeset boxoffice:002-events
CREATE TABLE events (
    id           uuid PRIMARY KEY,
    title        text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    description  text        NOT NULL DEFAULT '' CHECK (char_length(description) <= 5000),
    venue        text        NOT NULL CHECK (char_length(venue) BETWEEN 1 AND 200),
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL,
    capacity     integer     NOT NULL CHECK (capacity BETWEEN 1 AND 1000000),
    seats_booked integer     NOT NULL DEFAULT 0,
    status       text        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'CANCELLED', 'COMPLETED')),
    version      integer     NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    -- Text search over title and description ('simple': no stemming, works for any language).
    search       tsvector GENERATED ALWAYS AS (
                     to_tsvector('simple', title || ' ' || description)) STORED,
    -- The last line of defence against overbooking, whatever the caller does.
    CONSTRAINT events_seats_within_capacity CHECK (seats_booked BETWEEN 0 AND capacity),
    CONSTRAINT events_ends_after_start CHECK (ends_at > starts_at)
);
CREATE INDEX events_search_idx ON events USING gin (search);
CREATE INDEX events_starts_at_idx ON events (starts_at, id);
CREATE INDEX events_status_starts_at_idx ON events (status, starts_at, id);
CREATE INDEX events_title_idx ON events (title, id);
CREATE INDEX events_status_title_idx ON events (status, title, id);
CREATE INDEX events_created_at_idx ON events (created_at, id);
CREATE INDEX events_status_created_at_idx ON events (status, created_at, id);
CREATE INDEX events_venue_idx ON events (lower(venue), starts_at, id);
--rollback DROP TABLE events;

--changeset boxoffice:002-bookings
CREATE TABLE bookings (
    id           uuid PRIMARY KEY,
    event_id     uuid        NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    quantity     integer     NOT NULL CHECK (quantity BETWEEN 1 AND 10),
    status       text        NOT NULL CHECK (status IN ('CONFIRMED', 'CANCELLED')),
    created_at   timestamptz NOT NULL,
    cancelled_at timestamptz,
    CONSTRAINT bookings_cancelled_at_iff_cancelled
        CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL))
);
CREATE INDEX bookings_user_idx ON bookings (user_id, created_at DESC, id DESC);
CREATE INDEX bookings_user_status_idx ON bookings (user_id, status, created_at DESC, id DESC);
CREATE INDEX bookings_event_idx ON bookings (event_id, created_at DESC, id DESC);
CREATE INDEX bookings_event_confirmed_idx ON bookings (event_id, user_id) WHERE status = 'CONFIRMED';
--rollback DROP TABLE bookings;

--changeset boxoffice:002-idempotency-keys
-- One row per (user, Idempotency-Key): the request's hash and the booking it produced.
CREATE TABLE idempotency_keys (
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key          text        NOT NULL CHECK (char_length(key) BETWEEN 1 AND 255),
    request_hash bytea       NOT NULL,
    booking_id   uuid        NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);
--rollback DROP TABLE idempotency_keys;

--changeset boxoffice:002-ratings-comments
CREATE TABLE ratings (
    event_id   uuid        NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    score      smallint    NOT NULL CHECK (score BETWEEN 1 AND 5),
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (event_id, user_id)
);

CREATE TABLE comments (
    id         uuid PRIMARY KEY,
    event_id   uuid        NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    text       text        NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000),
    created_at timestamptz NOT NULL
);
CREATE INDEX comments_event_idx ON comments (event_id, created_at, id);
--rollback DROP TABLE comments; DROP TABLE ratings;
