package boxoffice.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import boxoffice.app.domain.Booking;
import boxoffice.app.domain.BookingStatus;
import boxoffice.app.domain.Event;
import boxoffice.app.domain.EventStatus;
import boxoffice.app.domain.HeldSeats;
import boxoffice.app.domain.NotFoundException;
import boxoffice.app.domain.Principal;
import boxoffice.app.domain.Role;
import boxoffice.app.domain.SoldOutException;
import boxoffice.app.service.BookingRepository.BookingAttempt;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A booking's message carries the event's title, start and venue, read from the (possibly stale)
 * cache; the database books only for the version they came from, and every answer but a booking
 * comes from the event as the database has it.
 */
class SeatBookingFromAStaleCacheTest {
  private static final Instant NOW = Instant.parse("2027-01-15T10:00:00Z");
  private static final UUID EVENT = UUID.randomUUID();
  private static final Principal USER =
      new Principal(UUID.randomUUID(), Role.USER, UUID.randomUUID(), NOW);

  /** What the cache answers. */
  private final AtomicReference<Optional<Event>> cached = new AtomicReference<>(Optional.empty());

  /** What the database has. */
  private final AtomicReference<Optional<Event>> stored = new AtomicReference<>(Optional.empty());

  /** What each book call was given: its message and the event version it was for. */
  private final List<OutboxMessage.BookingCreated> attempts = new ArrayList<>();

  private final List<Integer> versions = new ArrayList<>();

  private final SeatBookingService service =
      new SeatBookingService(
          transactions(), bookings(), events(), Clock.fixed(NOW, ZoneOffset.UTC), metrics());

  @Test
  void anEventEditedSinceItWasCachedIsBookedWithItsCurrentTitleStartAndVenue() {
    cached.set(Optional.of(event("Old Title", "Old Hall", 1, 0)));
    stored.set(Optional.of(event("New Title", "New Hall", 2, 0)));

    Booking booking = service.book(USER, new BookCommand(EVENT, 2, Optional.empty()));

    assertThat(booking.quantity()).isEqualTo(2);
    assertThat(versions).containsExactly(1, 2);
    OutboxMessage.BookingCreated made = attempts.getLast();
    assertThat(made.event().title()).isEqualTo("New Title");
    assertThat(made.event().venue()).isEqualTo("New Hall");
    assertThat(made.bookingId()).isEqualTo(booking.id());
  }

  @Test
  void aCachedSoldOutEventIsStillTriedAgainstTheDatabase() {
    cached.set(Optional.of(event("Jazz", "Hall", 1, 10)));
    stored.set(Optional.of(event("Jazz", "Hall", 1, 3)));

    service.book(USER, new BookCommand(EVENT, 2, Optional.empty()));

    assertThat(versions).containsExactly(1);
  }

  @Test
  void aSoldOutAnswerNamesTheSeatsTheDatabaseHasNotTheCache() {
    cached.set(Optional.of(event("Jazz", "Hall", 1, 0)));
    stored.set(Optional.of(event("Jazz", "Hall", 2, 9)));

    assertThatThrownBy(() -> service.book(USER, new BookCommand(EVENT, 2, Optional.empty())))
        .isInstanceOfSatisfying(
            SoldOutException.class, e -> assertThat(e.seatsAvailable()).isEqualTo(1));
  }

  @Test
  void anEventTheCacheDoesNotKnowIsLookedUpInTheDatabase() {
    stored.set(Optional.of(event("Fresh", "Hall", 1, 0)));

    service.book(USER, new BookCommand(EVENT, 1, Optional.empty()));

    assertThat(attempts)
        .singleElement()
        .satisfies(m -> assertThat(m.event().title()).isEqualTo("Fresh"));
  }

  @Test
  void anEventDeletedSinceItWasCachedIsNotFound() {
    cached.set(Optional.of(event("Gone", "Hall", 1, 0)));

    assertThatThrownBy(() -> service.book(USER, new BookCommand(EVENT, 1, Optional.empty())))
        .isInstanceOf(NotFoundException.class);
  }

  private static Event event(String title, String venue, int version, int seatsBooked) {
    return new Event(
        EVENT,
        title,
        "",
        venue,
        NOW.plusSeconds(86_400),
        NOW.plusSeconds(90_000),
        10,
        seatsBooked,
        HeldSeats.NONE,
        10,
        "UTC",
        EventStatus.PUBLISHED,
        version,
        NOW,
        NOW);
  }

  /** The database's side of a booking: the conditions of BookingStatement, version included. */
  private BookingAttempt book(BookingRepository.NewBooking booking) {
    OutboxMessage.BookingCreated message = booking.message();
    int version = booking.eventVersion();
    attempts.add(message);
    versions.add(version);
    Optional<Event> current = stored.get();
    boolean bookable =
        current
            .filter(e -> e.version() == version && e.status() == EventStatus.PUBLISHED)
            .filter(e -> e.seatsAvailable(NOW) >= message.quantity())
            .isPresent();
    if (!bookable) {
      return new BookingAttempt.Refused(current);
    }
    return new BookingAttempt.Booked(
        new Booking(
            message.bookingId(),
            message.event().id(),
            message.userId(),
            message.quantity(),
            BookingStatus.CONFIRMED,
            NOW,
            Optional.empty()));
  }

  private BookingRepository bookings() {
    return fake(
        BookingRepository.class,
        (method, args) ->
            switch (method) {
              case "book" -> book((BookingRepository.NewBooking) args[0]);
              case "currentEvent" -> stored.get();
              default -> throw new UnsupportedOperationException(method);
            });
  }

  private EventRepository events() {
    return fake(
        EventRepository.class,
        (method, args) ->
            switch (method) {
              case "findForBooking" -> cached.get();
              default -> throw new UnsupportedOperationException(method);
            });
  }

  private static Transactions transactions() {
    return new Transactions() {
      @Override
      public <T> T inTransaction(java.util.function.Supplier<T> work) {
        return work.get();
      }
    };
  }

  private static BusinessMetrics metrics() {
    return fake(BusinessMetrics.class, (method, args) -> null);
  }

  private interface Answer {
    Object answer(String method, Object[] args);
  }

  private static <T> T fake(Class<T> type, Answer answer) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> answer.answer(method.getName(), args)));
  }
}
