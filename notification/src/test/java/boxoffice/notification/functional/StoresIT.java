package boxoffice.notification.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import boxoffice.notification.config.NotificationConfig;
import boxoffice.notification.data.ConnectionPools;
import boxoffice.notification.data.JdbiRecipientDirectory;
import boxoffice.notification.data.JdbiSentLog;
import boxoffice.notification.functional.AppData.Event;
import boxoffice.notification.functional.AppData.User;
import boxoffice.notification.service.Recipient;
import boxoffice.platform.database.LiquibaseMigrations;
import boxoffice.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StoresIT {
  private static TestDatabase appDb;
  private static TestDatabase notificationDb;
  private static HikariDataSource appPool;
  private static HikariDataSource ownPool;
  private static AppData appData;

  @BeforeAll
  static void start() {
    appDb = AppData.freshDatabase();
    appData = new AppData(appDb);
    notificationDb = TestDatabase.create("notification");
    appPool = ConnectionPools.appReadOnly(database(appDb));
    ownPool = ConnectionPools.own(database(notificationDb));
    TestDatabase.whenServerHasRoom(
        () -> {
          new LiquibaseMigrations(ownPool, JdbiSentLog.CHANGELOG).apply();
          return null;
        });
  }

  @AfterAll
  static void stop() {
    appPool.close();
    ownPool.close();
    appDb.close();
    notificationDb.close();
  }

  private static NotificationConfig.Database database(TestDatabase db) {
    return new NotificationConfig.Database(
        db.url(), db.user(), db.password(), 2, Duration.ofSeconds(2));
  }

  @Test
  void holdersComePageByPageOncePerUserWithoutCancelledOnes() {
    Event event = appData.event("Paged", "Hall", Instant.parse("2027-01-01T19:00:00Z"));
    List<UUID> expected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      User user = appData.user("Holder " + i);
      appData.book(event, user, 1);
      appData.book(event, user, 2);
      expected.add(user.id());
    }
    appData.cancel(appData.book(event, appData.user("Cancelled"), 1));
    JdbiRecipientDirectory directory = new JdbiRecipientDirectory(Jdbi.create(appPool));

    List<UUID> seen = new ArrayList<>();
    Optional<UUID> after = Optional.empty();
    List<Recipient> page;
    do {
      page = directory.holders(event.id(), after, 2);
      page.forEach(recipient -> seen.add(recipient.userId()));
      after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1).userId());
    } while (page.size() == 2);

    assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aUserIsFoundWithTheirCurrentAddressAndName() {
    User user = appData.user("Current");
    appData.changeEmail(user, "changed." + user.id() + "@example.test");
    JdbiRecipientDirectory directory = new JdbiRecipientDirectory(Jdbi.create(appPool));

    assertThat(directory.user(user.id()))
        .contains(new Recipient(user.id(), "changed." + user.id() + "@example.test", "Current"));
    assertThat(directory.user(UUID.randomUUID())).isEmpty();
  }

  @Test
  void connectionsToTheAppDatabaseRefuseWrites() throws SQLException {
    try (Connection connection = appPool.getConnection()) {
      assertThatThrownBy(
              () ->
                  connection
                      .createStatement()
                      .executeUpdate("UPDATE users SET name = 'changed by notification'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("read-only");
    }
  }

  @Test
  void theSentLogRemembersPairsAndForgetsOldOnes() {
    JdbiSentLog sentLog = new JdbiSentLog(Jdbi.create(ownPool));
    UUID message = UUID.randomUUID();
    UUID emailed = UUID.randomUUID();
    UUID notEmailed = UUID.randomUUID();

    sentLog.recordSent(message, emailed, "booking.created");
    sentLog.recordSent(message, emailed, "booking.created");

    assertThat(sentLog.alreadySent(message, List.of(emailed, notEmailed)))
        .isEqualTo(Set.of(emailed));
    assertThat(sentLog.alreadySent(UUID.randomUUID(), List.of(emailed))).isEmpty();
    assertThat(sentLog.forgetBefore(Instant.now().minusSeconds(3600))).isZero();
    assertThat(sentLog.forgetBefore(Instant.now().plusSeconds(60))).isGreaterThanOrEqualTo(1);
    assertThat(sentLog.alreadySent(message, List.of(emailed))).isEmpty();
  }
}
