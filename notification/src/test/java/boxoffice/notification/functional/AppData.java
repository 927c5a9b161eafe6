package boxoffice.notification.functional;

import boxoffice.platform.database.LiquibaseMigrations;
import boxoffice.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/** Rows in the stand-in booking app database, written as the app would write them. */
final class AppData {
  /** The booking app's Liquibase changelog, copied from db/migrations as a test resource. */
  static final String APP_CHANGELOG = "db/migrations/changelog.yaml";

  private final TestDatabase db;

  AppData(TestDatabase db) {
    this.db = db;
  }

  /** A new database with the booking app's schema, built by the app's own migrations. */
  static TestDatabase freshDatabase() {
    TestDatabase db = TestDatabase.create("boxoffice_app");
    try {
      PGSimpleDataSource dataSource = new PGSimpleDataSource();
      dataSource.setUrl(db.url());
      dataSource.setUser(db.user());
      dataSource.setPassword(db.password());
      TestDatabase.whenServerHasRoom(
          () -> {
            new LiquibaseMigrations(dataSource, APP_CHANGELOG).apply();
            return null;
          });
      return db;
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /** A user with a unique address at the test domain. */
  User user(String name) {
    UUID id = UUID.randomUUID();
    String local = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    String email = local.replace(' ', '.') + "." + id.toString().substring(0, 8) + "@example.test";
    update(
        "INSERT INTO users (id, email, email_key, name, role, password_hash)"
            + " VALUES (?, ?, lower(?), ?, 'USER', 'x')",
        id,
        email,
        email,
        name);
    return new User(id, email, name);
  }

  void changeEmail(User user, String email) {
    update(
        "UPDATE users SET email = ?, email_key = lower(?) WHERE id = ?", email, email, user.id());
  }

  Event event(String title, String venue, Instant startsAt) {
    UUID id = UUID.randomUUID();
    Instant endsAt = startsAt.plus(Duration.ofHours(2));
    update(
        "INSERT INTO events (id, title, venue, starts_at, ends_at, capacity, status)"
            + " VALUES (?, ?, ?, ?, ?, 100, 'PUBLISHED')",
        id,
        title,
        venue,
        Timestamp.from(startsAt),
        Timestamp.from(endsAt));
    return new Event(id, title, venue, startsAt, endsAt);
  }

  Booking book(Event event, User user, int quantity) {
    UUID id = UUID.randomUUID();
    update(
        "INSERT INTO bookings (id, event_id, user_id, quantity, status, created_at)"
            + " VALUES (?, ?, ?, ?, 'CONFIRMED', now())",
        id,
        event.id(),
        user.id(),
        quantity);
    return new Booking(id, event, user, quantity);
  }

  /** Cancels a booking as the app does: its quantity counts its tickets left, none. */
  void cancel(Booking booking) {
    update(
        "UPDATE bookings SET status = 'CANCELLED', cancelled_at = now(), quantity = 0 WHERE id = ?",
        booking.id());
  }

  /** One VALID ticket of the booking, with a code of the app's shape (32 hex characters). */
  Ticket ticket(Booking booking) {
    UUID id = UUID.randomUUID();
    String code = HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(), 0, 16);
    update(
        "INSERT INTO tickets (id, booking_id, event_id, user_id, code, status, created_at)"
            + " VALUES (?, ?, ?, ?, ?, 'VALID', now())",
        id,
        booking.id(),
        booking.event().id(),
        booking.user().id(),
        code);
    return new Ticket(id, booking.id(), code);
  }

  /** A ticket for every seat of the booking, as the app's booking statement writes them. */
  List<Ticket> issueTickets(Booking booking) {
    List<Ticket> tickets = new ArrayList<>();
    for (int i = 0; i < booking.quantity(); i++) {
      tickets.add(ticket(booking));
    }
    return tickets;
  }

  private void update(String sql, Object... parameters) {
    try (Connection c = db.connect();
        PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  record User(UUID id, String email, String name) {}

  record Event(UUID id, String title, String venue, Instant startsAt, Instant endsAt) {}

  record Booking(UUID id, Event event, User user, int quantity) {}

  record Ticket(UUID id, UUID bookingId, String code) {}
}
