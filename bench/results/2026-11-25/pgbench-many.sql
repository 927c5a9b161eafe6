\set quantity 1
\set u random(1, 200)
\set e random(1, 1000)
SELECT e.id AS event_id, u.id AS user_id FROM bench_events e, bench_users u WHERE e.n = :e AND u.n = :u \gset
WITH seat AS (
UPDATE events SET seats_booked = seats_booked + :quantity
WHERE id = :event_id AND status = 'PUBLISHED' AND starts_at > now()
AND seats_booked + :quantity <= capacity
RETURNING id, title, starts_at, venue
), booking AS (
INSERT INTO bookings (id, event_id, user_id, quantity, status, created_at)
SELECT gen_random_uuid(), seat.id, :user_id, :quantity, 'CONFIRMED', now() FROM seat
RETURNING *
), recorded AS (
INSERT INTO outbox (id, type, aggregate_type, aggregate_id, actor_id, payload)
SELECT gen_random_uuid(), 'booking.created', 'booking', b.id, b.user_id,
jsonb_build_object('eventId', b.event_id, 'userId', b.user_id,
'quantity', b.quantity, 'eventTitle', s.title,
'startsAt', s.starts_at, 'venue', s.venue)
FROM booking b CROSS JOIN seat s
), remembered AS (
INSERT INTO idempotency_keys (user_id, key, request_hash, booking_id, created_at)
SELECT b.user_id, CAST(NULL AS text), NULL, b.id, now() FROM booking b
WHERE CAST(NULL AS text) IS NOT NULL
)
SELECT id, event_id, user_id, quantity, status, created_at, cancelled_at FROM booking;
