package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.ApiTestsTools;
import boxoffice.app.testing.RunningApp;
import boxoffice.app.testing.TestApp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A TypeScript client generated from the served document (openapi-typescript, openapi-fetch) runs
 * {@code api-tests/client/scenario.ts}: register, log in, an administrator creates and publishes an
 * event, search, a booking with an Idempotency-Key and its replay, tickets and check-in, a hold, a
 * refused booking and the cancellation. The scenario is type-checked against the generated types
 * first: a wrong enum value, a missing required member or a renamed field fails this test.
 */
class GeneratedClientIT {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  @Test
  void aGeneratedClientRunsTheWholeVisitWithTypedFields() {
    var outcome =
        ApiTestsTools.node(
            "client.mjs",
            Duration.ofMinutes(3),
            Map.of(),
            app.http().baseUrl(),
            TestApp.ADMIN_EMAIL,
            TestApp.ADMIN_PASSWORD);

    assertThat(outcome.exitCode()).as(outcome.output()).isZero();
    assertThat(outcome.output())
        .contains("ok: the replay answers the same booking, not a second one")
        .contains("scenario passed");
  }
}
