package boxoffice.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.platform.config.ConfigKeys;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The config.yml shipped at the repository root loads and documents every key. */
class CommittedConfigFileTest {
  // Secrets are documented by their variable only: they belong in the environment, not the file.
  private static final java.util.Set<String> SECRETS =
      java.util.Set.of("jwt.secret", "admin.password", "redis.password", "audit.token");
  private static final Path CONFIG_YML = Path.of("..", "config.yml");

  @Test
  void theShippedConfigFileLoadsWithTheDefaults() {
    AppConfig config = new AppConfigLoader().load(Map.of("CONFIG_FILE", CONFIG_YML.toString()));

    assertThat(config.profile()).isEqualTo(Profile.DEV);
    assertThat(config.http().port()).isEqualTo(8080);
    assertThat(config.auth().bcryptCost()).isEqualTo(12);
  }

  @Test
  void everyKeyAndItsEnvironmentVariableAreDocumentedInTheShippedFile() throws Exception {
    String text = Files.readString(CONFIG_YML);
    for (var entry : ConfigFactory.parseResources("app-defaults.conf").entrySet()) {
      String key = entry.getKey();
      String leaf = key.substring(key.lastIndexOf('.') + 1);
      if (!SECRETS.contains(key)) {
        assertThat(text).as("config.yml documents %s", key).contains(leaf + ":");
      }
      assertThat(text)
          .as("config.yml names %s", ConfigKeys.envName(key))
          .contains(ConfigKeys.envName(key));
    }
  }
}
