package boxoffice.app.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import boxoffice.app.domain.Role;
import boxoffice.app.service.OutboxMessage.UserRoleChanged;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutboxPayloadsTest {
  @Test
  void bookingTimestampsKeepTheFormPostgresqlGaveThemInUtc() {
    // to_jsonb(timestamptz) with TimeZone=UTC, as the booking statements used to build them.
    assertThat(OutboxPayloads.databaseTimestamp(Instant.parse("2027-03-01T19:00:00Z")))
        .isEqualTo("2027-03-01T19:00:00+00:00");
    assertThat(OutboxPayloads.databaseTimestamp(Instant.parse("2027-03-01T19:00:00.1234Z")))
        .isEqualTo("2027-03-01T19:00:00.1234+00:00");
    assertThat(OutboxPayloads.databaseTimestamp(Instant.parse("0001-01-01T00:00:00.000001Z")))
        .isEqualTo("0001-01-01T00:00:00.000001+00:00");
  }

  @Test
  void aRoleChangeNamesTheAccountAndBothRolesAndNothingElse() {
    UUID user = UUID.randomUUID();
    UUID admin = UUID.randomUUID();

    var message = UserRoleChanged.of(user, admin, Role.ADMIN, Role.STAFF);

    assertThat(OutboxPayloads.payload(message))
        .containsExactly(
            entry("userId", user.toString()), entry("oldRole", "ADMIN"), entry("newRole", "STAFF"));
    assertThat(message.type().wireName()).isEqualTo("user.role_changed");
    assertThat(message.type().aggregateType()).isEqualTo("user");
    assertThat(message.aggregateId()).isEqualTo(user);
    assertThat(message.actorId()).contains(admin);
  }
}
