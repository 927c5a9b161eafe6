package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.ApiTestsTools;
import boxoffice.app.testing.RunningApp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The served OpenAPI document passes Redocly CLI (recommended rules) and Spectral (spectral:oas)
 * with no error and no warning; rules switched off are listed with their reasons in {@code
 * api-tests/redocly.yaml} and {@code api-tests/.spectral.yaml}.
 */
class OpenApiLintIT {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  @Test
  void redoclyAndSpectralFindNothingInTheServedDocument() {
    var outcome =
        ApiTestsTools.node(
            "lint.mjs", Duration.ofMinutes(3), Map.of(), app.http().baseUrl() + "/openapi.json");

    assertThat(outcome.output())
        .contains("redocly: 0 errors, 0 warnings")
        .contains("spectral: 0 errors, 0 warnings, 0 other");
    assertThat(outcome.exitCode()).as(outcome.output()).isZero();
  }
}
