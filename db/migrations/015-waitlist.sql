--liquibase formatted sql

--changeset boxoffice:015-waitlist
-- People waiting for seats of a sold-out event, served in join order (position). An entry that fits
-- the freed seats is offered a hold for its whole quantity (OFFERED, hold_id and offer_expires_at
-- set); it ends ACCEPTED (hold confirmed), EXPIRED (offer lapsed), LEFT or CLOSED (the event was
-- cancelled, completed or started).
CREATE SEQUENCE waitlist_positions;
CREATE TABLE waitlist_entries (
    id               uuid        PRIMARY KEY,
    event_id         uuid        NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    user_id          uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    quantity         integer     NOT NULL CHECK (quantity BETWEEN 1 AND 10),
    status           text        NOT NULL
        CHECK (status IN ('WAITING', 'OFFERED', 'ACCEPTED', 'EXPIRED', 'LEFT', 'CLOSED')),
    position         bigint      NOT NULL DEFAULT nextval('waitlist_positions'),
    hold_id          uuid        UNIQUE REFERENCES holds (id) ON DELETE SET NULL,
    offer_expires_at timestamptz,
    created_at       timestamptz NOT NULL,
    ended_at         timestamptz,
    CONSTRAINT waitlist_entries_offer_has_hold
        CHECK (status <> 'OFFERED' OR (hold_id IS NOT NULL AND offer_expires_at IS NOT NULL)),
    CONSTRAINT waitlist_entries_ended_at_iff_ended
        CHECK ((status IN ('WAITING', 'OFFERED')) = (ended_at IS NULL))
);
ALTER SEQUENCE waitlist_positions OWNED BY waitlist_entries.position;
-- One entry in line per user and event; an ended entry does not stop a new one.
CREATE UNIQUE INDEX waitlist_entries_one_active_idx ON waitlist_entries (event_id, user_id)
    WHERE status IN ('WAITING', 'OFFERED');
-- The queue of an event, and the entries the offer worker looks at.
CREATE INDEX waitlist_entries_queue_idx ON waitlist_entries (event_id, position)
    WHERE status IN ('WAITING', 'OFFERED');
CREATE INDEX waitlist_entries_event_idx ON waitlist_entries (event_id, position);
CREATE INDEX waitlist_entries_user_idx ON waitlist_entries (user_id, created_at DESC, id DESC);
--rollback DROP TABLE waitlist_entries;
