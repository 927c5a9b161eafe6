package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.RunningApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegistrationIT {
  private static final String REGISTER = "/api/v1/auth/register";
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  @Test
  void registrationCreatesAUserAccount() {
    var response =
        app.http()
            .post(
                REGISTER,
                Map.of(
                    "email", "  Grace@Example.org ", "password", "s3cret-pass", "name", "Grace"));

    assertThat(response.status()).isEqualTo(201);
    JsonNode user = response.json();
    assertThat(user.get("id").asText()).hasSize(36);
    assertThat(user.get("email").asText()).isEqualTo("Grace@Example.org");
    assertThat(user.get("name").asText()).isEqualTo("Grace");
    assertThat(user.get("role").asText()).isEqualTo("USER");
    assertThat(user.has("password")).isFalse();
    assertThat(user.has("passwordHash")).isFalse();
    assertThat(response.header("Content-Type")).startsWith("application/json");
  }

  @Test
  void passwordsAreStoredOnlyAsBcryptHashes() throws Exception {
    app.http()
        .post(
            REGISTER,
            Map.of("email", "hash@example.org", "password", "plain-text-pw", "name", "H"));

    try (var connection = app.database().connect();
        var statement = connection.createStatement();
        var rows =
            statement.executeQuery(
                "SELECT password_hash FROM users WHERE email = 'hash@example.org'")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).startsWith("$2a$").doesNotContain("plain-text-pw");
    }
  }

  @Test
  void duplicateEmailInAnyCaseIsAConflict() {
    app.http()
        .post(REGISTER, Map.of("email", "dup@example.org", "password", "password-1", "name", "A"));

    var again =
        app.http()
            .post(
                REGISTER,
                Map.of("email", " DUP@Example.ORG", "password", "password-2", "name", "B"));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    assertThat(again.json().get("detail").asText()).contains("already exists");
  }

  @Test
  void concurrentRegistrationsOfOneEmailCreateExactlyOneAccount() throws Exception {
    List<Future<Integer>> statuses = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 8; i++) {
        String email = (i % 2 == 0 ? "race@example.org" : "RACE@example.org");
        statuses.add(
            pool.submit(
                () ->
                    app.http()
                        .post(
                            REGISTER, Map.of("email", email, "password", "password-1", "name", "R"))
                        .status()));
      }
    }
    List<Integer> codes = new ArrayList<>();
    for (Future<Integer> status : statuses) {
      codes.add(status.get());
    }
    assertThat(codes).containsOnly(201, 409);
    assertThat(codes).filteredOn(code -> code == 201).hasSize(1);
  }

  @Test
  void invalidFieldsAreAllReportedWith422() {
    var response =
        app.http()
            .post(REGISTER, Map.of("email", "not-an-email", "password", "short", "name", "  "));

    assertThat(response.status()).isEqualTo(422);
    JsonNode problem = response.json();
    assertThat(problem.get("status").asInt()).isEqualTo(422);
    assertThat(problem.get("type").asText()).endsWith("/validation-failed");
    assertThat(problem.get("errors"))
        .extracting(error -> error.get("field").asText())
        .containsExactlyInAnyOrder("email", "password", "name");
  }

  @Test
  void missingFieldsAreRequired() {
    var response = app.http().post(REGISTER, Map.of());

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("errors"))
        .extracting(error -> error.get("message").asText())
        .containsOnly("is required");
  }

  @Test
  void passwordLengthIsCountedInUtf8Bytes() {
    String seventyTwoBytes = "€".repeat(24);
    String seventyFiveBytes = "€".repeat(25);

    var accepted =
        app.http()
            .post(
                REGISTER,
                Map.of("email", "euro72@example.org", "password", seventyTwoBytes, "name", "E"));
    var refused =
        app.http()
            .post(
                REGISTER,
                Map.of("email", "euro75@example.org", "password", seventyFiveBytes, "name", "E"));

    assertThat(accepted.status()).isEqualTo(201);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("password");
    assertThat(app.http().login("euro72@example.org", seventyTwoBytes).status()).isEqualTo(200);
  }

  @Test
  void thereIsNoPublicWayToBecomeAdmin() {
    var response =
        app.http()
            .post(
                REGISTER,
                Map.of(
                    "email",
                    "sneaky@example.org",
                    "password",
                    "password-1",
                    "name",
                    "S",
                    "role",
                    "ADMIN"));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("role");
  }
}
