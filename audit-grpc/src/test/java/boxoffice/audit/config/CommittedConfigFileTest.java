package boxoffice.audit.config;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.platform.config.ConfigKeys;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The audit.yml shipped with the module loads and documents every key. */
class CommittedConfigFileTest {
  // Secrets are documented by their variable only: they belong in the environment, not the file.
  private static final Set<String> SECRETS = Set.of("auth.token");
  private static final Path AUDIT_YML = Path.of("audit.yml");

  @Test
  void theShippedConfigFileLoadsWithTheDefaults() {
    AuditConfig config = new AuditConfigLoader().load(Map.of("CONFIG_FILE", AUDIT_YML.toString()));

    assertThat(config.profile()).isEqualTo(Profile.DEV);
    assertThat(config.grpc().port()).isEqualTo(9090);
    assertThat(config.db().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/audit");
    assertThat(config.metrics().port()).isEqualTo(9464);
  }

  @Test
  void everyKeyAndItsEnvironmentVariableAreDocumentedInTheShippedFile() throws Exception {
    String text = Files.readString(AUDIT_YML);
    for (var entry : ConfigFactory.parseResources("reference.conf").entrySet()) {
      String key = entry.getKey();
      String leaf = key.substring(key.lastIndexOf('.') + 1);
      if (!SECRETS.contains(key)) {
        assertThat(text).as("audit.yml documents %s", key).contains(leaf + ":");
      }
      assertThat(text)
          .as("audit.yml names %s", ConfigKeys.envName(key))
          .contains(ConfigKeys.envName(key));
    }
  }
}
