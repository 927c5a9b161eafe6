-- The booking app's tables the notification service reads (users, events, bookings), as created by
-- db/migrations/001-accounts.sql and 002-events-bookings-reviews.sql, for a stand-in app database in
-- tests. Only what the service reads and the constraints inserts must satisfy are kept.
CREATE TABLE users (
    id            uuid PRIMARY KEY,
    email         text        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    role          text        NOT NULL CHECK (role IN ('USER', 'ADMIN')),
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));

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
    CONSTRAINT events_seats_within_capacity CHECK (seats_booked BETWEEN 0 AND capacity),
    CONSTRAINT events_ends_after_start CHECK (ends_at > starts_at)
);

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
CREATE INDEX bookings_event_confirmed_idx ON bookings (event_id, user_id) WHERE status = 'CONFIRMED';
