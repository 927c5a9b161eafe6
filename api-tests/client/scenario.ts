// A whole visit of the API through a client generated from the served OpenAPI document
// (openapi-typescript types, openapi-fetch calls). It is type-checked before it runs, so a field,
// an enum value or a required member that the document gets wrong fails the build.
// Usage: node dist/scenario.js <base url> <admin email> <admin password>
import createClient from 'openapi-fetch';
import type { components, paths } from './generated/schema.js';

type Booking = components['schemas']['BookingResponse'];
type Problem = components['schemas']['Problem'];

const [baseUrl, adminEmail, adminPassword] = process.argv.slice(2);
if (!baseUrl || !adminEmail || !adminPassword) {
  throw new Error('usage: scenario <base url> <admin email> <admin password>');
}
const api = createClient<paths>({ baseUrl });

function check(condition: boolean, what: string): asserts condition {
  if (!condition) throw new Error(`failed: ${what}`);
  console.log(`ok: ${what}`);
}

/** The body of a 2xx answer; anything else stops the scenario with the problem it got. */
function ok<T>(result: { data?: T; error?: unknown; response: Response }, what: string): T {
  if (result.data === undefined && result.response.status !== 204) {
    throw new Error(`${what}: ${result.response.status} ${JSON.stringify(result.error)}`);
  }
  console.log(`ok: ${what} (${result.response.status})`);
  return result.data as T;
}

function bearer(token: string) {
  return { Authorization: `Bearer ${token}` };
}

const run = Date.now();
const email = `client-${run}@example.org`;

// An account and its session.
const account = ok(
  await api.POST('/api/v1/auth/register', { body: { email, password: 'correct horse', name: 'Grace' } }),
  'register',
);
check(account.role === 'USER', 'a new account is a USER');
const session = ok(await api.POST('/api/v1/auth/login', { body: { email, password: 'correct horse' } }), 'log in');
check(session.tokenType === 'Bearer' && session.expiresIn > 0, 'a bearer token pair');
const me = ok(await api.GET('/api/v1/users/me', { headers: bearer(session.accessToken) }), 'who am I');
check(me.id === account.id && me.email === email, 'the token is the new account');

// An administrator creates an event as a draft, then publishes it.
const admin = ok(
  await api.POST('/api/v1/auth/login', { body: { email: adminEmail, password: adminPassword } }),
  'administrator logs in',
).accessToken;
const startsAt = new Date(run + 2 * 3600_000);
const endsAt = new Date(run + 5 * 3600_000);
const title = `Client night ${run}`;
const draft = ok(
  await api.POST('/api/v1/events', {
    headers: bearer(admin),
    body: {
      title,
      description: 'Booked through a generated client',
      venue: 'Main Hall',
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      capacity: 50,
      maxTicketsPerUser: 4,
    },
  }),
  'create an event',
);
check(draft.status === 'DRAFT' && draft.seatsAvailable === 50, 'events start as drafts with every seat free');
const event = ok(
  await api.PUT('/api/v1/events/{id}/status', {
    params: { path: { id: draft.id } },
    headers: bearer(admin),
    body: { status: 'PUBLISHED' },
  }),
  'publish it',
);
check(event.status === 'PUBLISHED' && event.version > draft.version, 'published, in a new version');

// Anyone finds it.
const found = ok(
  await api.GET('/api/v1/events', {
    params: { query: { q: `client ${run}`, status: 'PUBLISHED', sort: 'startsAt', limit: 10 } },
  }),
  'search',
);
check(found.items.some((e) => e.id === event.id), 'the search finds the event');
const page = ok(await api.GET('/api/v1/events/{id}', { params: { path: { id: event.id } } }), 'the event page');
check(page.rating?.count === 0, 'no rating yet');

// Booking with an Idempotency-Key, and its replay.
const key = `client-${run}`;
const book = () =>
  api.POST('/api/v1/events/{id}/bookings', {
    params: { path: { id: event.id }, header: { 'Idempotency-Key': key } },
    headers: bearer(session.accessToken),
    body: { quantity: 2 },
  });
const booking: Booking = ok(await book(), 'book two seats');
check(booking.status === 'CONFIRMED' && booking.quantity === 2, 'a confirmed booking of two seats');
const replay = ok(await book(), 'the same request again');
check(replay.id === booking.id, 'the replay answers the same booking, not a second one');

// The tickets, and the door.
const tickets = ok(
  await api.GET('/api/v1/bookings/{id}/tickets', {
    params: { path: { id: booking.id } },
    headers: bearer(session.accessToken),
  }),
  'the booking’s tickets',
).items;
check(tickets.length === 2 && tickets.every((t) => t.status === 'VALID'), 'two valid tickets');
const [first] = tickets;
check(first !== undefined, 'a first ticket');
const admitted = ok(
  await api.POST('/api/v1/events/{id}/check-ins', {
    params: { path: { id: event.id } },
    headers: bearer(admin),
    body: { code: first.code },
  }),
  'check the first ticket in',
);
check(admitted.ticketId === first.id && admitted.checkedInAt.length > 0, 'admitted at a time');
const again = await api.POST('/api/v1/events/{id}/check-ins', {
  params: { path: { id: event.id } },
  headers: bearer(admin),
  body: { code: first.code },
});
const refusal: Problem | undefined = again.error;
check(again.response.status === 409 && refusal?.code === 'ALREADY_CHECKED_IN', 'a second scan is refused with its code');
const summary = ok(
  await api.GET('/api/v1/events/{id}/check-ins/summary', { params: { path: { id: event.id } }, headers: bearer(admin) }),
  'the door’s counts',
);
check(summary.tickets === 2 && summary.checkedIn === 1, 'two tickets, one checked in');
ok(
  await api.DELETE('/api/v1/events/{id}/check-ins/{ticketId}', {
    params: { path: { id: event.id, ticketId: first.id } },
    headers: bearer(admin),
  }),
  'undo the check-in',
);

// A hold, released again.
const hold = ok(
  await api.POST('/api/v1/events/{id}/holds', {
    params: { path: { id: event.id } },
    headers: bearer(session.accessToken),
    body: { quantity: 1 },
  }),
  'hold a seat',
);
check(hold.status === 'ACTIVE' && new Date(hold.expiresAt) > new Date(), 'an active hold with a deadline');
ok(
  await api.DELETE('/api/v1/holds/{id}', { params: { path: { id: hold.id } }, headers: bearer(session.accessToken) }),
  'release the hold',
);

// A mistake is a typed problem, then the booking is cancelled.
const tooMany = await api.POST('/api/v1/events/{id}/bookings', {
  params: { path: { id: event.id } },
  headers: bearer(session.accessToken),
  body: { quantity: 11 },
});
check(tooMany.response.status === 422 && (tooMany.error?.errors ?? []).some((e) => e.field === 'quantity'), 'eleven seats are refused, naming the field');
const cancelled = ok(
  await api.POST('/api/v1/bookings/{id}/cancel', { params: { path: { id: booking.id } }, headers: bearer(session.accessToken) }),
  'cancel the booking',
);
check(cancelled.status === 'CANCELLED' && cancelled.cancelledAt != null, 'cancelled, with the time');
const after = ok(await api.GET('/api/v1/events/{id}', { params: { path: { id: event.id } } }), 'the event again');
check(after.seatsAvailable === 50, 'every seat is free again');
console.log('scenario passed');
