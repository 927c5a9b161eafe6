package boxoffice.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayeredConfigTest {
  private final LayeredConfig layers =
      LayeredConfig.withDefaults(LayeredConfigTest.class, "layered-test.conf");

  @TempDir Path dir;

  @Test
  void theEnvironmentOverridesTheFileWhichOverridesTheDefaults() throws IOException {
    Path file = Files.writeString(dir.resolve("c.yml"), "service:\n  port: 8100\n  timeout: 7s\n");
    Map<String, String> env = Map.of("CONFIG_FILE", file.toString(), "SERVICE_PORT", "8200");

    ConfigReader in = layers.read(env, layers.fileSettings(env));

    assertThat(in.intBetween("service.port", 0, 65535)).isEqualTo(8200);
    assertThat(in.durationBetween("service.timeout", Duration.ZERO, Duration.ofMinutes(1)))
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(in.secret("service.secret")).isEqualTo("development-secret");
  }

  @Test
  void aFallbackFileIsReadOnlyWhenPresentAndConfigFileUnset() throws IOException {
    Path absent = dir.resolve("absent.yml");
    Path present = Files.writeString(dir.resolve("present.yml"), "service:\n  port: 8300\n");

    assertThat(layers.fileSettings(Map.of(), absent).isEmpty()).isTrue();
    assertThat(layers.fileSettings(Map.of(), present).getInt("service.port")).isEqualTo(8300);
    assertThat(layers.fileSettings(Map.of()).isEmpty()).isTrue();
  }

  @Test
  void aConfigFileNamedButMissingStopsStartUpEvenWithAFallback() {
    Path missing = dir.resolve("missing.yml");
    Map<String, String> env = Map.of("CONFIG_FILE", missing.toString());

    assertThatExceptionOfType(InvalidConfigException.class)
        .isThrownBy(() -> layers.fileSettings(env, dir.resolve("other.yml")))
        .withMessage("Invalid configuration: CONFIG_FILE points to " + missing + ", not a file");
  }

  @Test
  void aMalformedValueNamesTheKeyAndItsVariableOnOneLine() {
    ConfigReader in = layers.read(Map.of("SERVICE_PORT", "80\n80"), layers.fileSettings(Map.of()));

    assertThatExceptionOfType(InvalidConfigException.class)
        .isThrownBy(() -> in.intBetween("service.port", 0, 65535))
        .withMessage(
            "Invalid configuration service.port (env SERVICE_PORT): expected an integer, got"
                + " '80\\n80'");
  }

  @Test
  void developmentDefaultsAreRecognised() {
    assertThat(layers.isDefault("service.secret", "development-secret")).isTrue();
    assertThat(layers.isDefault("service.secret", "a-secret-of-our-own")).isFalse();
  }
}
