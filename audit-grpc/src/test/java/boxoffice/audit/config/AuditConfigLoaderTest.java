package boxoffice.audit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import boxoffice.platform.config.InvalidConfigException;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditConfigLoaderTest {
  private static final String PROD_TOKEN = "a-production-token-of-some-length";

  @TempDir Path dir;

  private final AuditConfigLoader loader = new AuditConfigLoader();

  @Test
  void defaultsApplyWhenNothingIsSet() {
    AuditConfig config = loader.load(Map.of(), ConfigFactory.empty());

    assertThat(config.profile()).isEqualTo(Profile.DEV);
    assertThat(config.grpc().port()).isEqualTo(9090);
    assertThat(config.grpc().shutdownGracePeriod()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.db().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/audit");
    assertThat(config.db().user()).isEqualTo("postgres");
    assertThat(config.db().password()).isEmpty();
    assertThat(config.db().poolSize()).isEqualTo(10);
    assertThat(config.db().connectionTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.db().statementTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.auth().token()).isEqualTo("boxoffice-audit-development-token");
    assertThat(config.metrics().port()).isEqualTo(9464);
  }

  @Test
  void theFileOverridesDefaultsAndTheEnvironmentOverridesTheFile() throws IOException {
    Path file = write("grpc:\n  port: 7000\ndb:\n  pool-size: 4\n  user: audit\n");

    AuditConfig config =
        loader.load(Map.of("CONFIG_FILE", file.toString(), "GRPC_PORT", "7100", "DB_URL", "x"));

    assertThat(config.grpc().port()).isEqualTo(7100);
    assertThat(config.db().poolSize()).isEqualTo(4);
    assertThat(config.db().user()).isEqualTo("audit");
    assertThat(config.db().url()).isEqualTo("x");
  }

  @Test
  void environmentNamesAreTheKeyPathUpperCasedWithUnderscores() {
    AuditConfig config =
        loader.load(
            Map.of(
                "GRPC_SHUTDOWN_GRACE_PERIOD", "3s",
                "DB_STATEMENT_TIMEOUT", "2s",
                "DB_POOL_SIZE", "3",
                "AUTH_TOKEN", PROD_TOKEN,
                "APP_PROFILE", "prod",
                "METRICS_PORT", "9500"),
            ConfigFactory.empty());

    assertThat(config.grpc().shutdownGracePeriod()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.db().statementTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.db().poolSize()).isEqualTo(3);
    assertThat(config.auth().token()).isEqualTo(PROD_TOKEN);
    assertThat(config.profile()).isEqualTo(Profile.PROD);
    assertThat(config.metrics().port()).isEqualTo(9500);
  }

  @ParameterizedTest(name = "{0}={1} is refused")
  @CsvSource({
    "GRPC_PORT, abc, grpc.port",
    "GRPC_PORT, 70000, grpc.port",
    "GRPC_PORT, 9090.5, grpc.port",
    "METRICS_PORT, -1, metrics.port",
    "METRICS_PORT, 9090, metrics.port",
    "GRPC_SHUTDOWN_GRACE_PERIOD, soon, grpc.shutdown-grace-period",
    "DB_POOL_SIZE, 0, db.pool-size",
    "DB_STATEMENT_TIMEOUT, 1ms, db.statement-timeout",
    "DB_CONNECTION_TIMEOUT, 2h, db.connection-timeout",
    "APP_PROFILE, staging, app.profile",
    "AUTH_TOKEN, short, auth.token",
  })
  void aMalformedValueStopsStartUpWithOneLineNamingTheKey(String env, String value, String key) {
    assertThatExceptionOfType(InvalidConfigException.class)
        .isThrownBy(() -> loader.load(Map.of(env, value), ConfigFactory.empty()))
        .withMessageStartingWith("Invalid configuration " + key + " (env " + env + "): ")
        .withMessageNotContaining("\n");
  }

  @Test
  void aTokenThatCannotTravelInAHeaderIsRefused() {
    assertThatExceptionOfType(InvalidConfigException.class)
        .isThrownBy(
            () -> loader.load(Map.of("AUTH_TOKEN", "two words token value"), ConfigFactory.empty()))
        .withMessageContaining("auth.token")
        .withMessageContaining("printable ASCII");
  }

  @Test
  void theProdProfileRefusesTheDevelopmentToken() {
    assertThatExceptionOfType(InvalidConfigException.class)
        .isThrownBy(() -> loader.load(Map.of("APP_PROFILE", "prod"), ConfigFactory.empty()))
        .withMessage(
            "Invalid configuration auth.token (env AUTH_TOKEN): the development default is"
                + " refused in the prod profile; set a token");
  }

  @Test
  void theProdProfileAcceptsATokenOfItsOwn() {
    AuditConfig config =
        loader.load(Map.of("APP_PROFILE", "PROD", "AUTH_TOKEN", PROD_TOKEN), ConfigFactory.empty());

    assertThat(config.profile()).isEqualTo(Profile.PROD);
  }

  @Test
  void anUnknownKeyInTheFileStopsStartUp() throws IOException {
    Path file = write("grpc:\n  prot: 9090\n");

    assertThatExceptionOfType(InvalidConfigException.class)
        .isThrownBy(() -> loader.load(Map.of("CONFIG_FILE", file.toString())))
        .withMessage("Invalid configuration: unknown key grpc.prot in " + file);
  }

  @Test
  void aConfigFileThatDoesNotExistStopsStartUp() {
    Path missing = dir.resolve("missing.yml");

    assertThatExceptionOfType(InvalidConfigException.class)
        .isThrownBy(() -> loader.load(Map.of("CONFIG_FILE", missing.toString())))
        .withMessageContaining("CONFIG_FILE points to " + missing);
  }

  @Test
  void aPasswordIsTakenExactlyAsWrittenAndNeverPrinted() throws IOException {
    Path file = write("db:\n  password: \" s3cret \"\n");

    AuditConfig config = loader.load(Map.of("CONFIG_FILE", file.toString()));

    assertThat(config.db().password()).isEqualTo(" s3cret ");
    assertThat(config.toString()).doesNotContain("s3cret").doesNotContain(config.auth().token());
  }

  @Test
  void unrelatedEnvironmentVariablesAreIgnored() {
    Config none = ConfigFactory.empty();

    AuditConfig config = loader.load(Map.of("HTTP_PORT", "x", "PATH", "/bin"), none);

    assertThat(config.grpc().port()).isEqualTo(9090);
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("audit.yml"), yaml);
  }
}
