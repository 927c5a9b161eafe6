package boxoffice.app.functional;

import static boxoffice.app.testing.BoxofficeApi.EVENTS;
import static boxoffice.app.testing.BoxofficeApi.eventBody;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.BoxofficeApi;
import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.TestApp;
import boxoffice.app.testing.TestHttpClient;
import boxoffice.testing.AllAtOnce;
import boxoffice.testing.Await;
import boxoffice.testing.CapturedLogs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Administrators giving accounts the USER, STAFF or ADMIN role over HTTP, on two instances of one
 * database: what a role allows, the last-administrator rule under concurrency, and how a change
 * ends the account's sessions. Every test leaves the configured administrator the only ADMIN.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleAssignmentIT {
  /** What the README promises for access tokens: about a second, with room for a slow machine. */
  private static final Duration BOUND = Duration.ofSeconds(5);

  private static final ObjectMapper JSON = new ObjectMapper();

  @AutoClose static final CapturedLogs actions = CapturedLogs.of("boxoffice.actions");

  @RegisterExtension static final RunningApp first = RunningApp.perClass();
  static final RunningApp second = first.secondInstance(Map.of());

  private static final BoxofficeApi api = new BoxofficeApi(first);
  private static final BoxofficeApi onSecond = new BoxofficeApi(second);

  @AfterEach
  void theConfiguredAdministratorIsTheOnlyOneLeft() throws SQLException {
    assertThat(administrators()).containsExactly(TestApp.ADMIN_EMAIL);
  }

  // --- assigning roles ---

  @Test
  void anAdministratorPromotesAUserToStaffAndBack() throws SQLException {
    BoxofficeApi.Account user = api.newUser();
    String admin = workingAdminToken();

    var promoted = setRole(api, user.id(), "STAFF", admin);

    assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
    JsonNode body = promoted.json();
    assertThat(body.get("id").asText()).isEqualTo(user.id());
    assertThat(body.get("email").asText()).isEqualTo(user.email());
    assertThat(body.get("name").asText()).isEqualTo("Test User");
    assertThat(body.get("role").asText()).isEqualTo("STAFF");
    assertThat(body.get("createdAt").asText()).isNotBlank();
    assertThat(listedRole(user.id(), admin)).isEqualTo("STAFF");

    var demoted = setRole(api, user.id(), "USER", admin);

    assertThat(demoted.status()).as(demoted.toString()).isEqualTo(200);
    assertThat(demoted.json().get("role").asText()).isEqualTo("USER");
    assertThat(listedRole(user.id(), admin)).isEqualTo("USER");
    assertThat(roleChangeRows(user.id())).hasSize(2);
  }

  @Test
  void askingForTheRoleAnAccountHasChangesNothing() throws SQLException {
    BoxofficeApi.Account user = api.newUser();
    String admin = workingAdminToken();

    var same = setRole(api, user.id(), "USER", admin);

    assertThat(same.status()).as(same.toString()).isEqualTo(200);
    assertThat(same.json().get("role").asText()).isEqualTo("USER");
    assertThat(roleChangeRows(user.id())).isEmpty();
    assertThat(me(first.get(), user.token())).as("the session goes on").isEqualTo(200);
  }

  @Test
  void aRoleChangeIsAnAuditEntryWithBothRolesAndNoEmail() throws SQLException {
    BoxofficeApi.Account user = api.newUser();
    BoxofficeApi.Account admin = workingAdmin();

    assertThat(setRole(api, user.id(), "STAFF", admin.token()).status()).isEqualTo(200);

    List<Row> rows = roleChangeRows(user.id());
    assertThat(rows).hasSize(1);
    Row row = rows.getFirst();
    assertThat(row.aggregateType()).isEqualTo("user");
    assertThat(row.actorId()).isEqualTo(admin.id());
    assertThat(row.payload())
        .isEqualTo(
            JSON.createObjectNode()
                .put("userId", user.id())
                .put("oldRole", "USER")
                .put("newRole", "STAFF"));
    Map<String, Object> logged =
        actions.await(
            line ->
                "user.role_changed".equals(line.get("action"))
                    && user.id().equals(line.get("targetUserId")));
    assertThat(logged)
        .containsEntry("oldRole", "USER")
        .containsEntry("newRole", "STAFF")
        .containsEntry("userId", admin.id());

    assertThat(setRole(api, user.id(), "USER", admin.token()).status()).isEqualTo(200);
  }

  // --- what STAFF may do ---

  @Test
  void staffMayNeitherManageEventsNorAccounts() {
    BoxofficeApi.Account user = api.newUser();
    String admin = workingAdminToken();
    String eventId = api.draft("Staff cannot touch this");
    assertThat(setRole(api, user.id(), "STAFF", admin).status()).isEqualTo(200);
    String staff = workingToken(user.email());
    assertThat(roleClaim(staff)).isEqualTo("STAFF");

    assertThat(api.createEvent(eventBody("Staff party"), staff).status()).isEqualTo(403);
    assertThat(api.patch(EVENTS + "/" + eventId, Map.of("title", "Mine"), staff, null).status())
        .isEqualTo(403);
    String status = EVENTS + "/" + eventId + "/status";
    assertThat(api.put(status, Map.of("status", "PUBLISHED"), staff).status()).isEqualTo(403);
    assertThat(api.delete(EVENTS + "/" + eventId, staff).status()).isEqualTo(403);
    var list = first.http().get("/api/v1/admin/users", staff);
    assertThat(list.status()).isEqualTo(403);
    assertThat(list.json().get("code").asText()).isEqualTo("ROLE_REQUIRED");
    assertThat(setRole(api, user.id(), "ADMIN", staff).status()).isEqualTo(403);
    assertThat(api.event(eventId, staff).status()).as("drafts stay hidden").isEqualTo(404);
    var me = first.http().get("/api/v1/users/me", staff);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("role").asText()).isEqualTo("STAFF");

    assertThat(setRole(api, user.id(), "USER", admin).status()).isEqualTo(200);
  }

  // --- the last administrator ---

  @Test
  void theLastAdministratorCannotBeGivenAnotherRole() {
    BoxofficeApi.Account admin = workingAdmin();

    for (String role : List.of("USER", "STAFF")) {
      var refused = setRole(api, admin.id(), role, admin.token());

      assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
      assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
      assertThat(refused.json().get("code").asText()).isEqualTo("LAST_ADMIN");
    }
    var same = setRole(api, admin.id(), "ADMIN", admin.token());
    assertThat(same.status()).as(same.toString()).isEqualTo(200);
    assertThat(same.json().get("role").asText()).isEqualTo("ADMIN");
  }

  @Test
  void twoAdministratorsDemotingEachOtherAtOnceLeaveOne() throws Exception {
    for (int round = 0; round < 6; round++) {
      BoxofficeApi.Account other = api.newUser();
      BoxofficeApi.Account configured = workingAdmin();
      assertThat(setRole(api, other.id(), "ADMIN", configured.token()).status()).isEqualTo(200);
      String otherToken = workingToken(other.email());
      assertThat(administrators()).hasSize(2);

      // Each on its own instance: the configured admin demotes the other, the other the configured.
      List<TestHttpClient.Response> answers =
          AllAtOnce.run(
              2,
              i ->
                  i == 0
                      ? setRole(api, other.id(), "USER", configured.token())
                      : setRole(onSecond, configured.id(), "USER", otherToken));

      assertThat(answers).extracting(TestHttpClient.Response::status).containsOnly(200, 409);
      assertThat(answers.stream().filter(r -> r.status() == 200)).as("round %d", round).hasSize(1);
      TestHttpClient.Response refused =
          answers.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
      assertThat(refused.json().get("code").asText()).isEqualTo("LAST_ADMIN");
      List<String> left = administrators();
      assertThat(left).as("round %d", round).hasSize(1);

      if (left.contains(other.email())) {
        // The other admin won: it hands the role back, then the configured admin takes it away.
        String survivor = workingToken(other.email());
        assertThat(setRole(api, configured.id(), "ADMIN", survivor).status()).isEqualTo(200);
        assertThat(setRole(api, other.id(), "USER", workingAdminToken()).status()).isEqualTo(200);
      }
    }
  }

  @Test
  void aDemotedAdministratorsOldTokenCannotChangeRoles() throws SQLException {
    BoxofficeApi.Account other = api.newUser();
    String admin = workingAdminToken();
    assertThat(setRole(api, other.id(), "ADMIN", admin).status()).isEqualTo(200);
    String stale = workingToken(other.email());
    assertThat(setRole(api, other.id(), "USER", admin).status()).isEqualTo(200);

    // Sent at once, before every instance may have read the revocation of that token.
    var again = setRole(onSecond, other.id(), "ADMIN", stale);

    assertThat(again.status()).as(again.toString()).isIn(401, 403);
    assertThat(listedRole(other.id(), admin)).isEqualTo("USER");
  }

  // --- sessions end with the old role ---

  @Test
  void aRoleChangeEndsTheSessionsThatCarryTheOldRole() {
    String email = "changing-" + UUID.randomUUID() + "@example.org";
    JsonNode login = first.http().registerAndLogin(email, "password-1");
    String access = login.get("accessToken").asText();
    String refresh = login.get("refreshToken").asText();
    String userId = first.http().get("/api/v1/users/me", access).json().get("id").asText();
    assertThat(me(second.get(), access)).isEqualTo(200);
    String admin = workingAdminToken();

    assertThat(setRole(api, userId, "STAFF", admin).status()).isEqualTo(200);

    var refreshed = second.http().post("/api/v1/auth/refresh", Map.of("refreshToken", refresh));
    assertThat(refreshed.status()).as("the old refresh token at once").isEqualTo(401);
    for (TestApp instance : List.of(first.get(), second.get())) {
      Await.until(
          "the old access token is refused on every instance",
          BOUND,
          () -> me(instance, access) == 401);
    }
    String fresh = workingToken(email);
    assertThat(roleClaim(fresh)).isEqualTo("STAFF");
    assertThat(me(second.get(), fresh)).isEqualTo(200);

    assertThat(setRole(api, userId, "USER", admin).status()).isEqualTo(200);
  }

  /**
   * A login reads the account before it checks the password; a role change committing meanwhile
   * must not leave it a token with the old role issued after the change (which no revocation
   * covers). Here the change is held open in the database while the login runs a second later.
   */
  @Test
  void aLoginDuringARoleChangeGetsTheNewRole() throws Exception {
    BoxofficeApi.Account user = api.newUser();
    ExecutorService background = Executors.newSingleThreadExecutor();
    try (Connection change = first.database().connect()) {
      change.setAutoCommit(false);
      Instant changedAt;
      try (PreparedStatement update =
          change.prepareStatement(
              "UPDATE users SET role = 'STAFF' WHERE id = ? RETURNING clock_timestamp()")) {
        update.setObject(1, UUID.fromString(user.id()));
        try (ResultSet rs = update.executeQuery()) {
          rs.next();
          changedAt = rs.getTimestamp(1).toInstant();
        }
      }
      Await.until(
          "the second of the change is over",
          BOUND,
          () -> Instant.now().getEpochSecond() > changedAt.getEpochSecond());

      Future<TestHttpClient.Response> login =
          background.submit(() -> first.http().login(user.email(), "password-1"));
      Await.until(
          "the login has answered or waits for the change",
          BOUND,
          () -> login.isDone() || someoneWaitsForALock());
      change.commit();

      var answer = login.get(BOUND.toSeconds(), TimeUnit.SECONDS);
      assertThat(answer.status()).isEqualTo(200);
      String token = answer.json().get("accessToken").asText();
      assertThat(roleClaim(token)).isEqualTo("STAFF");
    } finally {
      background.shutdownNow();
    }
    assertThat(setRole(api, user.id(), "USER", workingAdminToken()).status()).isEqualTo(200);
  }

  // --- refusals ---

  @Test
  void anUnknownOrMissingRoleIsRefusedNamingTheField() {
    BoxofficeApi.Account user = api.newUser();
    String admin = workingAdminToken();

    for (Map<String, Object> body :
        List.<Map<String, Object>>of(Map.of("role", "KING"), Map.of())) {
      var refused = setRole(api, user.id(), body, admin);

      assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
      assertThat(BoxofficeApi.errorFields(refused)).containsExactly("role");
    }
    assertThat(listedRole(user.id(), admin)).isEqualTo("USER");
  }

  @Test
  void anUnknownAccountIsNotFound() {
    String admin = workingAdminToken();

    assertThat(setRole(api, UUID.randomUUID().toString(), "STAFF", admin).status()).isEqualTo(404);
    assertThat(setRole(api, "not-a-uuid", "STAFF", admin).status()).isEqualTo(404);
  }

  @Test
  void onlyAdministratorsMayAssignRoles() {
    BoxofficeApi.Account user = api.newUser();
    BoxofficeApi.Account other = api.newUser();

    var forbidden = setRole(api, other.id(), "STAFF", user.token());
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.json().get("code").asText()).isEqualTo("ROLE_REQUIRED");
    assertThat(setRole(api, user.id(), "ADMIN", user.token()).status()).isEqualTo(403);
    assertThat(setRole(api, other.id(), "STAFF", null).status()).isEqualTo(401);
    assertThat(listedRole(other.id(), workingAdminToken())).isEqualTo("USER");
  }

  // --- steps ---

  private static TestHttpClient.Response setRole(
      BoxofficeApi on, String userId, String role, String token) {
    return setRole(on, userId, Map.of("role", role), token);
  }

  private static TestHttpClient.Response setRole(
      BoxofficeApi on, String userId, Map<String, Object> body, String token) {
    return on.put("/api/v1/admin/users/" + userId + "/role", body, token);
  }

  private static BoxofficeApi.Account workingAdmin() {
    String token = workingToken(TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD);
    String id = first.http().get("/api/v1/users/me", token).json().get("id").asText();
    return new BoxofficeApi.Account(id, TestApp.ADMIN_EMAIL, token);
  }

  private static String workingAdminToken() {
    return workingAdmin().token();
  }

  private static String workingToken(String email) {
    return workingToken(email, "password-1");
  }

  /**
   * A fresh access token that works on both instances. Revocations have whole seconds, like token
   * times: a token issued in the very second its account's role changed is refused too (once the
   * instances have read the change), so this signs in only after that second.
   */
  private static String workingToken(String email, String password) {
    lastRoleChange(email)
        .ifPresent(
            at ->
                Await.until(
                    "the second of the last role change of " + email + " is over",
                    BOUND,
                    () -> Instant.now().getEpochSecond() > at.getEpochSecond()));
    var login = first.http().login(email, password);
    assertThat(login.status()).as("login of %s", email).isEqualTo(200);
    String token = login.json().get("accessToken").asText();
    assertThat(me(first.get(), token)).isEqualTo(200);
    assertThat(me(second.get(), token)).isEqualTo(200);
    return token;
  }

  private static Optional<Instant> lastRoleChange(String email) {
    try (Connection c = first.database().connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT max(r.revoked_at) FROM session_revocations r"
                    + " JOIN users u ON u.id = r.user_id WHERE u.email = ?")) {
      s.setString(1, email);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return Optional.ofNullable(rs.getTimestamp(1)).map(java.sql.Timestamp::toInstant);
      }
    } catch (SQLException e) {
      throw new AssertionError("session_revocations is readable", e);
    }
  }

  private static int me(TestApp instance, String access) {
    return instance.http().get("/api/v1/users/me", access).status();
  }

  private static String listedRole(String userId, String adminToken) {
    return api.allPages("/api/v1/admin/users?limit=100", adminToken, page -> true).stream()
        .filter(user -> user.get("id").asText().equals(userId))
        .findFirst()
        .orElseThrow()
        .get("role")
        .asText();
  }

  /** The role claim of an access token, read from its payload. */
  private static String roleClaim(String token) {
    try {
      byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
      return JSON.readTree(new String(payload, StandardCharsets.UTF_8)).get("role").asText();
    } catch (java.io.IOException e) {
      throw new AssertionError("an access token has a JSON payload", e);
    }
  }

  /** One outbox row of a role change. */
  record Row(String aggregateType, String actorId, JsonNode payload) {}

  private static List<Row> roleChangeRows(String userId) throws SQLException {
    try (Connection c = first.database().connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT aggregate_type, actor_id, payload FROM outbox"
                    + " WHERE type = 'user.role_changed' AND aggregate_id = ?"
                    + " ORDER BY created_at, id")) {
      s.setObject(1, UUID.fromString(userId));
      try (ResultSet rs = s.executeQuery()) {
        List<Row> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(
              new Row(
                  rs.getString("aggregate_type"),
                  rs.getString("actor_id"),
                  readJson(rs.getString("payload"))));
        }
        return rows;
      }
    }
  }

  private static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError("outbox payloads are JSON", e);
    }
  }

  private static boolean someoneWaitsForALock() {
    try (Connection c = first.database().connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND wait_event_type = 'Lock'");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getInt(1) > 0;
    } catch (SQLException e) {
      throw new AssertionError("pg_stat_activity is readable", e);
    }
  }

  private static List<String> administrators() throws SQLException {
    try (Connection c = first.database().connect();
        PreparedStatement s =
            c.prepareStatement("SELECT email FROM users WHERE role = 'ADMIN' ORDER BY email");
        ResultSet rs = s.executeQuery()) {
      List<String> emails = new ArrayList<>();
      while (rs.next()) {
        emails.add(rs.getString(1));
      }
      return emails;
    }
  }
}
