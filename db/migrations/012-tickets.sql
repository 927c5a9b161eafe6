--liquibase formatted sql

--changeset boxoffice:012-staff-role
-- STAFF may check tickets in at the door and nothing else beyond what a user may do.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('USER', 'STAFF', 'ADMIN'));
--rollback ALTER TABLE users DROP CONSTRAINT users_role_check; ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('USER', 'ADMIN'));

--changeset boxoffice:012-tickets-per-user
ALTER TABLE events ADD COLUMN max_tickets_per_user integer NOT NULL DEFAULT 10
    CONSTRAINT events_max_tickets_per_user_range CHECK (max_tickets_per_user BETWEEN 1 AND 100);
--rollback ALTER TABLE events DROP COLUMN max_tickets_per_user;

--changeset boxoffice:012-tickets
-- One row per seat of a booking. Its code is what the holder shows at the door (as a QR code):
-- 128 random bits, so it cannot be guessed, and unique across all events.
CREATE TABLE tickets (
    id            uuid PRIMARY KEY,
    booking_id    uuid        NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    event_id      uuid        NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code          text        NOT NULL CHECK (code ~ '^[0-9a-f]{32}$'),
    status        text        NOT NULL CHECK (status IN ('VALID', 'USED', 'VOID')),
    created_at    timestamptz NOT NULL,
    checked_in_at timestamptz,
    voided_at     timestamptz,
    CONSTRAINT tickets_used_has_check_in CHECK (status <> 'USED' OR checked_in_at IS NOT NULL),
    CONSTRAINT tickets_valid_not_checked_in CHECK (status <> 'VALID' OR checked_in_at IS NULL),
    CONSTRAINT tickets_voided_at_iff_void CHECK ((status = 'VOID') = (voided_at IS NOT NULL))
);
CREATE UNIQUE INDEX tickets_code_idx ON tickets (code);
CREATE INDEX tickets_booking_idx ON tickets (booking_id, id);
-- Who holds a ticket of an event (ratings, "verified attendee", the door's summary).
CREATE INDEX tickets_event_holder_idx ON tickets (event_id, user_id, status);

-- How many tickets that are not VOID each user holds for each event. Every booking raises the row
-- of its user in the same statement that takes the seats, and the CHECK refuses a row past the
-- limit the event had at that moment: concurrent bookings of one event queue on the event's row,
-- and each one's upsert sees the count the previous one committed, so no race passes the limit.
-- Lowering an event's limit later refuses further bookings of users above it; it takes nothing away.
CREATE TABLE ticket_holdings (
    event_id     uuid    NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id      uuid    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    tickets      integer NOT NULL CHECK (tickets >= 0),
    ticket_limit integer NOT NULL,
    PRIMARY KEY (event_id, user_id),
    CONSTRAINT ticket_holdings_within_limit CHECK (tickets <= ticket_limit)
);

-- Bookings made before tickets existed get theirs; a cancelled booking's are VOID and its quantity
-- becomes 0 (a booking's quantity counts its tickets that are not VOID).
INSERT INTO tickets (id, booking_id, event_id, user_id, code, status, created_at, voided_at)
SELECT gen_random_uuid(), b.id, b.event_id, b.user_id,
       left(encode(sha256(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())), 'hex'), 32),
       CASE b.status WHEN 'CONFIRMED' THEN 'VALID' ELSE 'VOID' END, b.created_at, b.cancelled_at
FROM bookings b CROSS JOIN LATERAL generate_series(1, b.quantity);

INSERT INTO ticket_holdings (event_id, user_id, tickets, ticket_limit)
SELECT b.event_id, b.user_id, sum(b.quantity), greatest(sum(b.quantity), max(e.max_tickets_per_user))
FROM bookings b JOIN events e ON e.id = b.event_id
WHERE b.status = 'CONFIRMED'
GROUP BY b.event_id, b.user_id;

ALTER TABLE bookings DROP CONSTRAINT bookings_quantity_check;
UPDATE bookings SET quantity = 0 WHERE status = 'CANCELLED';
ALTER TABLE bookings ADD CONSTRAINT bookings_quantity_counts_tickets
    CHECK (CASE status WHEN 'CONFIRMED' THEN quantity BETWEEN 1 AND 10 ELSE quantity = 0 END);
--rollback ALTER TABLE bookings DROP CONSTRAINT bookings_quantity_counts_tickets; ALTER TABLE bookings ADD CONSTRAINT bookings_quantity_check CHECK (quantity BETWEEN 0 AND 10); DROP TABLE ticket_holdings; DROP TABLE tickets;
