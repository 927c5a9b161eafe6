package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.TestHttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each test sends from its own client address (the app trusts X-Forwarded-For here). */
class ThrottlingIT {
  @RegisterExtension
  static final RunningApp app = RunningApp.perClass(Map.of("HTTP_TRUST_FORWARDED_FOR", "true"));

  @Test
  void fiveFailuresForOneEmailThrottleItEvenWithTheRightPassword() {
    register("victim@example.org");
    for (int i = 0; i < 5; i++) {
      assertThat(login("victim@example.org", "wrong-password", "10.0.1." + i).status())
          .isEqualTo(401);
    }

    var throttled = login("VICTIM@example.org", "right-password", "10.0.1.99");

    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.header("Content-Type")).startsWith("application/problem+json");
    assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 900);
    assertThat(login("other-user@example.org", "whatever-pw", "10.0.1.99").status()).isEqualTo(401);
  }

  @Test
  void throttlingEndsWhenTheWindowPasses() {
    register("patient@example.org");
    for (int i = 0; i < 5; i++) {
      login("patient@example.org", "wrong-password", "10.0.2.1");
    }
    assertThat(login("patient@example.org", "right-password", "10.0.2.2").status()).isEqualTo(429);

    app.clock().advance(Duration.ofMinutes(15).plusSeconds(1));

    assertThat(login("patient@example.org", "right-password", "10.0.2.2").status()).isEqualTo(200);
  }

  @Test
  void twentyFailuresFromOneAddressThrottleThatAddress() {
    register("roamer@example.org");
    for (int i = 0; i < 20; i++) {
      assertThat(login("guess" + i + "@example.org", "wrong-password", "10.0.3.7").status())
          .isEqualTo(401);
    }

    var throttled = login("roamer@example.org", "right-password", "10.0.3.7");
    var elsewhere = login("roamer@example.org", "right-password", "10.0.3.8");

    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.header("Retry-After")).isNotBlank();
    assertThat(elsewhere.status()).isEqualTo(200);
  }

  @Test
  void aSuccessfulLoginClearsTheEmailsFailures() {
    register("forgetful@example.org");
    for (int i = 0; i < 4; i++) {
      login("forgetful@example.org", "wrong-password", "10.0.4.1");
    }
    assertThat(login("forgetful@example.org", "right-password", "10.0.4.1").status())
        .isEqualTo(200);

    for (int i = 0; i < 4; i++) {
      login("forgetful@example.org", "wrong-password", "10.0.4.1");
    }

    assertThat(login("forgetful@example.org", "right-password", "10.0.4.1").status())
        .isEqualTo(200);
  }

  @Test
  void everySpellingThatReachesAnAccountIsThrottledWithIt() {
    register("strasse@example.org");
    register("kate@example.org");
    register("full@example.org");
    lockOut("strasse@example.org", "10.0.5.1");
    lockOut("kate@example.org", "10.0.5.2");
    lockOut("full@example.org", "10.0.5.3");

    // Sharp s folds to "ss", the Kelvin sign and full-width letters to plain ASCII letters.
    assertThat(login("STRAßE@example.org", "right-password", "10.0.5.9").status()).isEqualTo(429);
    assertThat(login("\u212Aate@example.org", "right-password", "10.0.5.9").status())
        .isEqualTo(429);
    assertThat(login("\uFF26\uFF55\uFF4C\uFF4C@example.org", "right-password", "10.0.5.9").status())
        .isEqualTo(429);
  }

  @Test
  void aDottedCapitalIIsNotAnotherSpellingOfI() {
    register("iris@example.org");
    lockOut("iris@example.org", "10.0.6.1");

    // U+0130 folds to "i" + combining dot above: a different address, so never iris's account.
    var dotted = login("\u0130ris@example.org", "right-password", "10.0.6.9");

    assertThat(dotted.status()).isEqualTo(401);
  }

  @Test
  void foldedSpellingsOfARegisteredEmailAreTaken() {
    register("weiss@example.org");
    register("kelvin@example.org");

    for (String taken :
        List.of("WEIß@example.org", "\u212Aelvin@example.org", "\uFF4Belvin@example.org")) {
      var response =
          app.http()
              .post(
                  "/api/v1/auth/register",
                  Map.of("email", taken, "password", "right-password", "name", "T"));
      assertThat(response.status()).as(taken).isEqualTo(409);
    }
    assertThat(login("Weiß@example.org", "right-password", "10.0.7.1").status()).isEqualTo(200);
  }

  private static void lockOut(String email, String address) {
    for (int i = 0; i < 5; i++) {
      assertThat(login(email, "wrong-password", address).status()).isEqualTo(401);
    }
    assertThat(login(email, "right-password", address).status()).isEqualTo(429);
  }

  private static void register(String email) {
    var response =
        app.http()
            .post(
                "/api/v1/auth/register",
                Map.of("email", email, "password", "right-password", "name", "T"));
    assertThat(response.status()).isEqualTo(201);
  }

  private static TestHttpClient.Response login(String email, String password, String address) {
    return app.http().loginFrom(email, password, address);
  }
}
