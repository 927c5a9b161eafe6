package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.TestApp;
import boxoffice.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminAccountIT {

  @Test
  void theAdminAccountFollowsTheConfigurationAcrossRestarts() throws Exception {
    try (TestDatabase database = TestDatabase.create()) {
      try (TestApp first = TestApp.startOn(database, Map.of())) {
        assertThat(first.http().login(TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD).status())
            .isEqualTo(200);
      }
      try (TestApp again = TestApp.startOn(database, Map.of())) {
        assertThat(again.http().login(TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD).status())
            .isEqualTo(200);
      }
      try (TestApp rotated =
          TestApp.startOn(database, Map.of("ADMIN_PASSWORD", "a-brand-new-password"))) {
        assertThat(rotated.http().login(TestApp.ADMIN_EMAIL, "a-brand-new-password").status())
            .isEqualTo(200);
        assertThat(rotated.http().login(TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD).status())
            .isEqualTo(401);
      }
      try (var connection = database.connect();
          var rows =
              connection
                  .createStatement()
                  .executeQuery("SELECT count(*) FROM users WHERE role = 'ADMIN'")) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(1);
      }
    }
  }

  @Test
  void aRegisteredUserNamedInTheConfigurationIsPromoted() throws Exception {
    try (TestDatabase database = TestDatabase.create()) {
      try (TestApp app = TestApp.startOn(database, Map.of())) {
        app.http()
            .post(
                "/api/v1/auth/register",
                Map.of("email", "ops@example.org", "password", "user-password", "name", "Ops"));
      }
      try (TestApp app =
          TestApp.startOn(
              database,
              Map.of("ADMIN_EMAIL", "OPS@example.org", "ADMIN_PASSWORD", "admin-password"))) {
        // The promotion revoked the user's tokens up to its second, this login's included when it
        // falls in the same second (token times have whole seconds): log in a second later.
        app.clock().advance(java.time.Duration.ofSeconds(1));
        String token =
            app.http()
                .login("ops@example.org", "admin-password")
                .json()
                .get("accessToken")
                .asText();
        assertThat(app.http().get("/api/v1/admin/users", token).status()).isEqualTo(200);
      }
    }
  }

  @Test
  void anInvalidAdminPasswordStopsStartUp() throws Exception {
    try (TestDatabase database = TestDatabase.create()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> TestApp.startOn(database, Map.of("ADMIN_PASSWORD", "short")))
          .hasMessageContaining("admin.password");
    }
  }
}
