--liquibase formatted sql

--changeset boxoffice:014-holds
-- Seats reserved for a while before they are confirmed. events.seats_held counts the seats of ACTIVE
-- holds, including those past their deadline that no statement has reclaimed yet: every statement
-- that takes seats first reclaims the event's lapsed holds under the event's row lock, so a lapsed
-- hold never stands in the way of a booking, and the CHECK below keeps booked plus held within the
-- capacity at every commit.
ALTER TABLE events ADD COLUMN seats_held integer NOT NULL DEFAULT 0
    CONSTRAINT events_seats_held_not_negative CHECK (seats_held >= 0);
ALTER TABLE events DROP CONSTRAINT events_seats_within_capacity;
ALTER TABLE events ADD CONSTRAINT events_seats_within_capacity
    CHECK (seats_booked >= 0 AND seats_booked + seats_held <= capacity);

CREATE TABLE holds (
    id          uuid        PRIMARY KEY,
    event_id    uuid        NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    quantity    integer     NOT NULL CHECK (quantity BETWEEN 1 AND 10),
    status      text        NOT NULL CHECK (status IN ('ACTIVE', 'CONFIRMED', 'RELEASED', 'EXPIRED')),
    expires_at  timestamptz NOT NULL,
    created_at  timestamptz NOT NULL,
    ended_at    timestamptz,
    booking_id  uuid        UNIQUE REFERENCES bookings (id) ON DELETE SET NULL,
    CONSTRAINT holds_ended_at_iff_ended CHECK ((status = 'ACTIVE') = (ended_at IS NULL)),
    CONSTRAINT holds_booking_only_if_confirmed CHECK (booking_id IS NULL OR status = 'CONFIRMED')
);
-- The seats an event's readers subtract, and the lapsed holds a booking reclaims.
CREATE INDEX holds_active_idx ON holds (event_id, expires_at, id) WHERE status = 'ACTIVE';
-- The sweeper's scan for lapsed holds of any event.
CREATE INDEX holds_active_expiry_idx ON holds (expires_at) WHERE status = 'ACTIVE';
CREATE INDEX holds_user_idx ON holds (user_id, created_at DESC, id DESC);

-- A key now names the booking or the hold its first request made.
ALTER TABLE idempotency_keys ALTER COLUMN booking_id DROP NOT NULL;
ALTER TABLE idempotency_keys ADD COLUMN hold_id uuid REFERENCES holds (id) ON DELETE CASCADE;
ALTER TABLE idempotency_keys ADD CONSTRAINT idempotency_keys_one_result
    CHECK (num_nonnulls(booking_id, hold_id) = 1);
--rollback ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_one_result; ALTER TABLE idempotency_keys DROP COLUMN hold_id; DELETE FROM idempotency_keys WHERE booking_id IS NULL; ALTER TABLE idempotency_keys ALTER COLUMN booking_id SET NOT NULL; DROP TABLE holds; ALTER TABLE events DROP CONSTRAINT events_seats_within_capacity; ALTER TABLE events ADD CONSTRAINT events_seats_within_capacity CHECK (seats_booked BETWEEN 0 AND capacity); ALTER TABLE events DROP COLUMN seats_held;
