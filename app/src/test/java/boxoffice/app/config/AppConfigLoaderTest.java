package boxoffice.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import boxoffice.platform.config.ConfigKeys;
import boxoffice.platform.config.InvalidConfigException;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AppConfigLoaderTest {
  private static final String PROD_SECRET = "a-production-secret-of-at-least-32-bytes";
  private static final String PROD_ADMIN_PASSWORD = "a-strong-admin-password";

  /** A config.yml that overrides nothing: an empty mapping. */
  private static final String NO_OVERRIDES = "{}\n";

  @TempDir Path dir;

  private final AppConfigLoader loader = new AppConfigLoader();

  @Test
  void defaultsApplyWhenNothingIsSet() throws IOException {
    AppConfig config = load(Map.of(), NO_OVERRIDES);

    assertThat(config.profile()).isEqualTo(Profile.DEV);
    assertThat(config.http().port()).isEqualTo(8080);
    assertThat(config.http().requestTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.http().maxBodySize()).isEqualTo(1024L * 1024);
    assertThat(config.http().trustForwardedFor()).isFalse();
    assertThat(config.db().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/boxoffice");
    assertThat(config.db().user()).isEqualTo("postgres");
    assertThat(config.db().password()).isEmpty();
    assertThat(config.db().poolSize()).isEqualTo(10);
    assertThat(config.db().connectionTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.jwt().issuer()).isEqualTo("boxoffice");
    assertThat(config.jwt().audience()).isEqualTo("boxoffice-api");
    assertThat(config.jwt().accessTokenTtl()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.jwt().refreshTokenTtl()).isEqualTo(Duration.ofDays(30));
    assertThat(config.auth().bcryptCost()).isEqualTo(12);
    assertThat(config.auth().maxFailuresPerEmail()).isEqualTo(5);
    assertThat(config.auth().maxFailuresPerAddress()).isEqualTo(20);
    assertThat(config.auth().throttleWindow()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.admin().email()).isEqualTo("admin@boxoffice.local");
  }

  @Test
  void withoutConfigFileTheOptionalDefaultFileMayBeAbsent() {
    // Without CONFIG_FILE the optional ./config.yml is read; a blank CONFIG_FILE means the same.
    assertThat(Path.of(AppConfigLoader.DEFAULT_CONFIG_FILE))
        .as("the test runs where no config.yml lies (the app module directory)")
        .doesNotExist();

    assertThat(loader.load(Map.of()).http().port()).isEqualTo(8080);
    assertThat(loader.load(Map.of("CONFIG_FILE", " ")).http().port()).isEqualTo(8080);
  }

  @Test
  void aConfigFileWithAnEmptyMappingKeepsTheDefaults() throws IOException {
    AppConfig config = load(Map.of(), "# nothing to override yet\n{}\n");

    assertThat(config.http().port()).isEqualTo(8080);
    assertThat(config.auth().bcryptCost()).isEqualTo(12);
  }

  @Test
  void aConfigFileHoldingANullDocumentKeepsTheDefaults() throws IOException {
    assertThat(load(Map.of(), "---\n").http().port()).isEqualTo(8080);
    assertThat(load(Map.of(), "~\n").http().port()).isEqualTo(8080);
  }

  @Test
  void configFileOverridesDefaults() throws IOException {
    AppConfig config =
        load(
            Map.of(),
            """
            app:
              profile: dev
            http:
              port: 9090
              trust-forwarded-for: true
              cors:
                allowed-origins: "https://app.example.org, http://localhost:3000"
            request-timeout: 10s
            max-body-size: 2MiB
            db:
              pool-size: 3
            access-token-ttl: 5m
            refresh-token-ttl: 7d
            bcrypt:
              cost: 10
            login-throttle:
              max-failures-per-email: 3
              max-failures-per-address: 50
              window: 1h
            """);

    assertThat(config.http().port()).isEqualTo(9090);
    assertThat(config.http().trustForwardedFor()).isTrue();
    assertThat(config.http().corsAllowedOrigins())
        .containsExactly("https://app.example.org", "http://localhost:3000");
    assertThat(config.http().requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.http().maxBodySize()).isEqualTo(2L * 1024 * 1024);
    assertThat(config.db().poolSize()).isEqualTo(3);
    assertThat(config.jwt().accessTokenTtl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.jwt().refreshTokenTtl()).isEqualTo(Duration.ofDays(7));
    assertThat(config.auth().bcryptCost()).isEqualTo(10);
    assertThat(config.auth().maxFailuresPerEmail()).isEqualTo(3);
    assertThat(config.auth().maxFailuresPerAddress()).isEqualTo(50);
    assertThat(config.auth().throttleWindow()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void configFileKeepsDefaultsOfKeysItDoesNotMention() throws IOException {
    AppConfig config = load(Map.of(), "db:\n  pool-size: 3\n");

    assertThat(config.db().poolSize()).isEqualTo(3);
    assertThat(config.db().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/boxoffice");
    assertThat(config.db().connectionTimeout()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void configFileAcceptsDottedKeys() throws IOException {
    AppConfig config = load(Map.of(), "bcrypt.cost: 9\ndb.pool-size: 4\n");

    assertThat(config.auth().bcryptCost()).isEqualTo(9);
    assertThat(config.db().poolSize()).isEqualTo(4);
  }

  @Test
  void environmentOverridesConfigFile() throws IOException {
    AppConfig config =
        load(
            Map.of("HTTP_PORT", "9191", "BCRYPT_COST", "6"),
            "http:\n  port: 9090\nbcrypt:\n  cost: 10\ndb:\n  pool-size: 3\n");

    assertThat(config.http().port()).isEqualTo(9191);
    assertThat(config.auth().bcryptCost()).isEqualTo(6);
    // A key only the file sets keeps the file's value.
    assertThat(config.db().poolSize()).isEqualTo(3);
  }

  @Test
  void environmentOverridesDefaults() throws IOException {
    AppConfig config = load(Map.of("HTTP_PORT", "7070"), NO_OVERRIDES);

    assertThat(config.http().port()).isEqualTo(7070);
  }

  @Test
  void environmentVariablesFollowTheNamingRule() throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("APP_PROFILE", "prod");
    env.put("HTTP_PORT", "8181");
    env.put("HTTP_TRUST_FORWARDED_FOR", "true");
    env.put("REQUEST_TIMEOUT", "2s");
    env.put("MAX_BODY_SIZE", "512KiB");
    env.put("DB_URL", "jdbc:postgresql://db.internal:5432/tickets");
    env.put("DB_USER", "tickets");
    env.put("DB_PASSWORD", "db-password");
    env.put("DB_POOL_SIZE", "7");
    env.put("DB_CONNECTION_TIMEOUT", "3s");
    env.put("JWT_SECRET", PROD_SECRET);
    env.put("JWT_ISSUER", "tickets");
    env.put("JWT_AUDIENCE", "tickets-api");
    env.put("ACCESS_TOKEN_TTL", "5m");
    env.put("REFRESH_TOKEN_TTL", "14d");
    env.put("BCRYPT_COST", "10");
    env.put("LOGIN_THROTTLE_MAX_FAILURES_PER_EMAIL", "4");
    env.put("LOGIN_THROTTLE_MAX_FAILURES_PER_ADDRESS", "40");
    env.put("LOGIN_THROTTLE_WINDOW", "30m");
    env.put("ADMIN_EMAIL", "root@tickets.example");
    env.put("ADMIN_PASSWORD", PROD_ADMIN_PASSWORD);

    AppConfig config = load(env, NO_OVERRIDES);

    assertThat(config.profile()).isEqualTo(Profile.PROD);
    assertThat(config.http())
        .isEqualTo(
            new AppConfig.Http(
                8181,
                Duration.ofSeconds(2),
                512L * 1024,
                true,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                List.of()));
    assertThat(config.db())
        .isEqualTo(
            new AppConfig.Database(
                "jdbc:postgresql://db.internal:5432/tickets",
                "tickets",
                "db-password",
                7,
                Duration.ofSeconds(3)));
    assertThat(config.jwt())
        .isEqualTo(
            new AppConfig.Jwt(
                PROD_SECRET, "tickets", "tickets-api", Duration.ofMinutes(5), Duration.ofDays(14)));
    assertThat(config.auth()).isEqualTo(new AppConfig.Auth(10, 4, 40, Duration.ofMinutes(30)));
    assertThat(config.admin())
        .isEqualTo(new AppConfig.Admin("root@tickets.example", PROD_ADMIN_PASSWORD));
  }

  @Test
  void environmentVariablesNotNamedAfterKeysAreIgnored() throws IOException {
    Map<String, String> env =
        Map.of(
            "PATH", "/usr/bin",
            "http.port", "1111",
            "HTTP_PORTS", "2222",
            "http_port", "3333",
            "DB_POOLSIZE", "0");

    AppConfig config = load(env, NO_OVERRIDES);

    assertThat(config.http().port()).isEqualTo(8080);
    assertThat(config.db().poolSize()).isEqualTo(10);
  }

  @ParameterizedTest
  @CsvSource({
    "http.port, HTTP_PORT",
    "db.pool-size, DB_POOL_SIZE",
    "access-token-ttl, ACCESS_TOKEN_TTL",
    "bcrypt.cost, BCRYPT_COST",
    "max-body-size, MAX_BODY_SIZE",
    "request-timeout, REQUEST_TIMEOUT",
    "app.profile, APP_PROFILE",
    "login-throttle.max-failures-per-email, LOGIN_THROTTLE_MAX_FAILURES_PER_EMAIL",
  })
  void envNameUpperCasesThePathAndReplacesDotsAndDashes(String path, String envName) {
    assertThat(ConfigKeys.envName(path)).isEqualTo(envName);
  }

  @Test
  void everyDefaultKeyHasItsOwnEnvironmentVariable() {
    Config defaults = ConfigFactory.parseResources("app-defaults.conf");
    Set<String> paths = new TreeSet<>();
    defaults.entrySet().forEach(entry -> paths.add(entry.getKey()));
    Set<String> envNames = new TreeSet<>();
    paths.forEach(path -> envNames.add(ConfigKeys.envName(path)));

    assertThat(paths).hasSizeGreaterThan(15);
    assertThat(envNames).hasSameSizeAs(paths);
    assertThat(envNames).allMatch(name -> name.matches("[A-Z][A-Z0-9_]*"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "HTTP_PORT                | abc     | http.port                     | expected an integer, got 'abc'",
        "HTTP_PORT                | 70000   | http.port                     | must be between 0 and 65535, got 70000",
        "HTTP_PORT                | -1      | http.port                     | must be between 0 and 65535, got -1",
        "DB_POOL_SIZE             | 0       | db.pool-size                  | must be between 1 and 500, got 0",
        "REQUEST_TIMEOUT          | soon    | request-timeout               | expected a duration such as 5s, 15m or 30d, got 'soon'",
        "REQUEST_TIMEOUT          | 10m     | request-timeout               | must be between",
        "MAX_BODY_SIZE            | huge    | max-body-size                 | expected a size such as 512KiB or 1MiB, got 'huge'",
        "MAX_BODY_SIZE            | 1GiB    | max-body-size                 | must be between 1024 and 67108864 bytes",
        "APP_PROFILE              | staging | app.profile                   | expected one of [dev, prod], got 'staging'",
        "EVENTS_DEFAULT_TIME_ZONE | +01:00  | events.default-time-zone      | expected an IANA time zone name such as Europe/Berlin, got '+01:00'",
        "BOOKING_MAX_TICKETS_PER_USER | 101 | booking.max-tickets-per-user | must be between 1 and 100, got 101",
        "CHECK_IN_OPENS_BEFORE    | 8d      | check-in.opens-before         | must be between",
        "BCRYPT_COST              | 99      | bcrypt.cost                   | must be between 4 and 31, got 99",
        "BCRYPT_COST              | 3       | bcrypt.cost                   | must be between 4 and 31, got 3",
        "HTTP_TRUST_FORWARDED_FOR | maybe   | http.trust-forwarded-for      | expected true or false, got 'maybe'",
        "HTTP_CORS_ALLOWED_ORIGINS | https://app.example.org/ | http.cors.allowed-origins | expected origins like https://app.example.org (no path) or *, got 'https://app.example.org/'",
        "ACCESS_TOKEN_TTL         | 10s     | access-token-ttl              | must be between",
        "LOGIN_THROTTLE_WINDOW    | forever | login-throttle.window         | expected a duration",
        "DB_URL                   | ' '     | db.url                        | must not be empty",
        "JWT_ISSUER               | ''      | jwt.issuer                    | must not be empty",
      })
  void malformedEnvironmentValueIsRefusedInOneLineNamingKeyAndEnvName(
      String envName, String value, String key, String problem) throws IOException {
    assertInvalid(Map.of(envName, value), NO_OVERRIDES)
        .withMessageStartingWith("Invalid configuration " + key + " (env " + envName + "): ")
        .withMessageContaining(problem)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r"));
  }

  @Test
  void malformedConfigFileValueNamesTheKeyAndItsEnvName() throws IOException {
    assertInvalid(Map.of(), "db:\n  pool-size: lots\n")
        .withMessage(
            "Invalid configuration db.pool-size (env DB_POOL_SIZE): expected an integer, got 'lots'");
  }

  @Test
  void environmentRepairsAMalformedConfigFileValue() throws IOException {
    AppConfig config = load(Map.of("DB_POOL_SIZE", "5"), "db:\n  pool-size: lots\n");

    assertThat(config.db().poolSize()).isEqualTo(5);
  }

  @Test
  void unknownKeyInConfigFileIsRefusedNamingTheKey() throws IOException {
    assertInvalid(Map.of(), "http:\n  prot: 8080\n")
        .withMessageContaining("unknown key http.prot")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void unknownTopLevelKeyInConfigFileIsRefused() throws IOException {
    assertInvalid(Map.of(), "http:\n  port: 8080\ncolour: blue\n")
        .withMessageContaining("unknown key colour");
  }

  @Test
  void invalidYamlIsRefusedNamingTheFileAndLine() throws IOException {
    Path file = write("http:\n  port: 8080\n  timeout: [1, 2\n");

    assertThatExceptionOfType(InvalidConfigException.class)
        .isThrownBy(() -> loader.load(Map.of("CONFIG_FILE", file.toString())))
        .withMessageStartingWith("Invalid configuration: " + file + " is not valid YAML (line ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void yamlWhoseTopIsNotAMappingIsRefused() throws IOException {
    Path file = write("- http\n- port\n");

    assertThatExceptionOfType(InvalidConfigException.class)
        .isThrownBy(() -> loader.load(Map.of("CONFIG_FILE", file.toString())))
        .withMessage("Invalid configuration: " + file + " must hold a YAML mapping at the top");
  }

  @Test
  void configFilePointingToAMissingFileIsRefused() {
    Path missing = dir.resolve("missing.yml");

    assertThatExceptionOfType(InvalidConfigException.class)
        .isThrownBy(() -> loader.load(Map.of("CONFIG_FILE", missing.toString())))
        .withMessage("Invalid configuration: CONFIG_FILE points to " + missing + ", not a file");
  }

  @Test
  void configFilePointingToADirectoryIsRefused() {
    assertThatExceptionOfType(InvalidConfigException.class)
        .isThrownBy(() -> loader.load(Map.of("CONFIG_FILE", dir.toString())))
        .withMessageContaining("CONFIG_FILE points to " + dir);
  }

  @Test
  void prodProfileRefusesTheDevelopmentJwtSecret() throws IOException {
    assertInvalid(
            Map.of("APP_PROFILE", "prod", "ADMIN_PASSWORD", PROD_ADMIN_PASSWORD), NO_OVERRIDES)
        .withMessage(
            "Invalid configuration jwt.secret (env JWT_SECRET): the development default is"
                + " refused in the prod profile; set a secret");
  }

  @Test
  void prodProfileCanBeChosenInTheConfigFile() throws IOException {
    assertInvalid(Map.of(), "app:\n  profile: PROD\n").withMessageContaining("jwt.secret");
  }

  @Test
  void prodProfileRefusesASecretShorterThan32Bytes() throws IOException {
    String secret = "x".repeat(31);

    assertInvalid(prodEnv(secret, PROD_ADMIN_PASSWORD), NO_OVERRIDES)
        .withMessage(
            "Invalid configuration jwt.secret (env JWT_SECRET): must be at least 32 bytes, got 31");
  }

  @Test
  void devProfileAlsoRefusesASecretShorterThan32Bytes() throws IOException {
    assertInvalid(Map.of("JWT_SECRET", "too-short"), NO_OVERRIDES)
        .withMessage(
            "Invalid configuration jwt.secret (env JWT_SECRET): must be at least 32 bytes, got 9");
  }

  @Test
  void secretLengthIsCountedInUtf8Bytes() throws IOException {
    // 11 characters, 33 bytes.
    String secret = "€".repeat(11);

    assertThat(load(prodEnv(secret, PROD_ADMIN_PASSWORD), NO_OVERRIDES).jwt().secret())
        .isEqualTo(secret);
  }

  @Test
  void secretOfExactly32BytesIsAccepted() throws IOException {
    String secret = "s".repeat(32);

    assertThat(load(prodEnv(secret, PROD_ADMIN_PASSWORD), NO_OVERRIDES).jwt().secret())
        .isEqualTo(secret);
  }

  @Test
  void prodProfileRefusesTheDevelopmentAdminPassword() throws IOException {
    assertInvalid(Map.of("APP_PROFILE", "prod", "JWT_SECRET", PROD_SECRET), NO_OVERRIDES)
        .withMessage(
            "Invalid configuration admin.password (env ADMIN_PASSWORD): the prod profile needs an"
                + " administrator password of your own");
  }

  @Test
  void prodProfileRefusesAnEmptyAdminPassword() throws IOException {
    assertInvalid(prodEnv(PROD_SECRET, ""), NO_OVERRIDES).withMessageContaining("admin.password");
  }

  @Test
  void prodProfileRefusesABlankAdminPassword() throws IOException {
    assertInvalid(prodEnv(PROD_SECRET, "   "), NO_OVERRIDES)
        .withMessageContaining("admin.password");
  }

  @Test
  void prodProfileRefusesTheDevelopmentAdminPasswordSetInTheConfigFile() throws IOException {
    assertInvalid(
            Map.of("APP_PROFILE", "prod", "JWT_SECRET", PROD_SECRET),
            "admin:\n  password: boxoffice-dev-admin\n")
        .withMessageContaining("admin.password");
  }

  @Test
  void prodProfileAcceptsASecretAndAdminPasswordOfItsOwn() throws IOException {
    AppConfig config = load(prodEnv(PROD_SECRET, PROD_ADMIN_PASSWORD), NO_OVERRIDES);

    assertThat(config.profile()).isEqualTo(Profile.PROD);
    assertThat(config.jwt().secret()).isEqualTo(PROD_SECRET);
    assertThat(config.admin().password()).isEqualTo(PROD_ADMIN_PASSWORD);
  }

  @Test
  void prodProfileAcceptsSecretsFromTheConfigFile() throws IOException {
    AppConfig config =
        load(
            Map.of(),
            "app:\n  profile: prod\njwt:\n  secret: "
                + PROD_SECRET
                + "\nadmin:\n  password: "
                + PROD_ADMIN_PASSWORD
                + "\n");

    assertThat(config.profile()).isEqualTo(Profile.PROD);
  }

  @Test
  void profileIsCaseInsensitive() throws IOException {
    assertThat(load(prodEnv(PROD_SECRET, PROD_ADMIN_PASSWORD), NO_OVERRIDES).profile())
        .isEqualTo(Profile.PROD);
    assertThat(load(Map.of("APP_PROFILE", "Dev"), NO_OVERRIDES).profile()).isEqualTo(Profile.DEV);
  }

  @Test
  void devProfileKeepsTheDevelopmentDefaults() throws IOException {
    AppConfig config = load(Map.of("APP_PROFILE", "dev"), NO_OVERRIDES);

    assertThat(config.jwt().secret()).isEqualTo("boxoffice-development-secret-do-not-use-in-prod");
    assertThat(config.admin().password()).isEqualTo("boxoffice-dev-admin");
  }

  @Test
  void jwtToStringNeverContainsTheSecret() {
    var jwt =
        new AppConfig.Jwt(
            "the-signing-secret-nobody-may-see!",
            "boxoffice",
            "boxoffice-api",
            Duration.ofMinutes(15),
            Duration.ofDays(30));

    assertThat(jwt.toString())
        .doesNotContain("the-signing-secret-nobody-may-see!")
        .contains("boxoffice-api")
        .contains("***");
  }

  @Test
  void adminToStringNeverContainsThePassword() {
    var admin = new AppConfig.Admin("admin@boxoffice.local", "hunter2-but-longer");

    assertThat(admin.toString())
        .doesNotContain("hunter2-but-longer")
        .contains("admin@boxoffice.local")
        .contains("***");
  }

  @Test
  void wholeConfigToStringHidesTheJwtSecretAndAdminPassword() throws IOException {
    AppConfig config = load(prodEnv(PROD_SECRET, PROD_ADMIN_PASSWORD), NO_OVERRIDES);

    assertThat(config.toString()).doesNotContain(PROD_SECRET).doesNotContain(PROD_ADMIN_PASSWORD);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n\n", "# nothing to override yet\n", "# one\n\n# two\n"})
  void anEmptyOrCommentsOnlyConfigFileKeepsTheDefaults(String yaml) throws IOException {
    AppConfig config = load(Map.of(), yaml);

    assertThat(config.http().port()).isEqualTo(8080);
    assertThat(config.auth().bcryptCost()).isEqualTo(12);
  }

  @Test
  void aSectionWhoseKeysAreAllCommentedOutKeepsItsDefaults() throws IOException {
    AppConfig config =
        load(Map.of(), "admin:\n  # email: root@example.com\nhttp:\n  # port: 9090\n");

    assertThat(config.admin().email()).isEqualTo("admin@boxoffice.local");
    assertThat(config.admin().password()).isEqualTo("boxoffice-dev-admin");
    assertThat(config.http().port()).isEqualTo(8080);
  }

  @Test
  void aSectionGivenASingleValueIsRefused() throws IOException {
    Path file = write("http: 9090\n");

    assertThatExceptionOfType(InvalidConfigException.class)
        .isThrownBy(() -> loader.load(Map.of("CONFIG_FILE", file.toString())))
        .withMessage(
            "Invalid configuration: http in " + file + " must be a mapping of keys, not a value");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "HTTP_PORT    | 8080.9 | http.port",
        "HTTP_PORT    | 8080.0 | http.port",
        "HTTP_PORT    | 8e3    | http.port",
        "BCRYPT_COST  | 12.7   | bcrypt.cost",
        "DB_POOL_SIZE | 0.5    | db.pool-size",
      })
  void fractionalEnvironmentValueOfAnIntegerKeyIsRefused(String envName, String value, String key)
      throws IOException {
    assertInvalid(Map.of(envName, value), NO_OVERRIDES)
        .withMessage(
            "Invalid configuration "
                + key
                + " (env "
                + envName
                + "): expected an integer, got '"
                + value
                + "'");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'bcrypt:\n  cost: 12.7\n'  | bcrypt.cost | BCRYPT_COST | 12.7",
        "'http:\n  port: 8080.9\n'  | http.port   | HTTP_PORT   | 8080.9",
        "'http:\n  port: 1.0e3\n'   | http.port   | HTTP_PORT   | 1000.0",
      })
  void fractionalConfigFileNumberOfAnIntegerKeyIsRefused(
      String yaml, String key, String envName, String shown) throws IOException {
    assertInvalid(Map.of(), yaml.replace("\\n", "\n"))
        .withMessage(
            "Invalid configuration "
                + key
                + " (env "
                + envName
                + "): expected an integer, got '"
                + shown
                + "'");
  }

  @Test
  void integerEnvironmentValuesMayCarrySurroundingSpacesAndASign() throws IOException {
    AppConfig config = load(Map.of("HTTP_PORT", " 9191 ", "BCRYPT_COST", "+6"), NO_OVERRIDES);

    assertThat(config.http().port()).isEqualTo(9191);
    assertThat(config.auth().bcryptCost()).isEqualTo(6);
  }

  @Test
  void anIntegerBeyondTheIntRangeIsReportedAsOutOfRange() throws IOException {
    assertInvalid(Map.of("HTTP_PORT", "99999999999"), NO_OVERRIDES)
        .withMessage(
            "Invalid configuration http.port (env HTTP_PORT): must be between 0 and 65535, got"
                + " 99999999999");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'colour:\n'                       | colour",
        "'colour: ~\n'                     | colour",
        "'colour: \"\"\n'                  | colour",
        "'colour: {}\n'                    | colour",
        "'colour: []\n'                    | colour",
        "'colour:\n  shade:\n'             | colour",
        "'http:\n  prot:\n'                | http.prot",
        "'http:\n  prot: {}\n'             | http.prot",
        "'http:\n  port:\n    number: 1\n' | http.port.number",
        "'bcrypt.cots:\n'                  | bcrypt.cots",
        "'db:\n  pool.size:\n'             | db.pool.size",
        "'a..b: 1\n'                       | a..b",
      })
  void unknownKeyWithoutAValueIsRefusedNamingTheKeyAndTheFile(String yaml, String key)
      throws IOException {
    Path file = write(yaml.replace("\\n", "\n"));

    assertThatExceptionOfType(InvalidConfigException.class)
        .isThrownBy(() -> loader.load(Map.of("CONFIG_FILE", file.toString())))
        .withMessage("Invalid configuration: unknown key " + key + " in " + file);
  }

  @Test
  void unknownKeyMessageNamesTheConfigFileInUse() throws IOException {
    Path file = Files.createDirectory(dir.resolve("etc")).resolve("boxoffice.yml");
    Files.writeString(file, "http:\n  prot: 8080\n", StandardCharsets.UTF_8);

    assertThatExceptionOfType(InvalidConfigException.class)
        .isThrownBy(() -> loader.load(Map.of("CONFIG_FILE", file.toString())))
        .withMessage("Invalid configuration: unknown key http.prot in " + file);
  }

  @Test
  void secretsAreReadExactlyAsGivenInTheEnvironment() throws IOException {
    String secret = "  " + PROD_SECRET + " ";
    String adminPassword = " " + PROD_ADMIN_PASSWORD + "\t";
    Map<String, String> env = new HashMap<>(prodEnv(secret, adminPassword));
    env.put("DB_PASSWORD", " db password ");

    AppConfig config = load(env, NO_OVERRIDES);

    assertThat(config.jwt().secret()).isEqualTo(secret);
    assertThat(config.admin().password()).isEqualTo(adminPassword);
    assertThat(config.db().password()).isEqualTo(" db password ");
  }

  @Test
  void secretsAreReadExactlyAsGivenInTheConfigFile() throws IOException {
    AppConfig config =
        load(
            Map.of(),
            "jwt:\n  secret: \" "
                + PROD_SECRET
                + " \"\nadmin:\n  password: \"pw \"\ndb:\n  password: \" pw\"\n");

    assertThat(config.jwt().secret()).isEqualTo(" " + PROD_SECRET + " ");
    assertThat(config.admin().password()).isEqualTo("pw ");
    assertThat(config.db().password()).isEqualTo(" pw");
  }

  @Test
  void identifiersAndAddressesAreStillTrimmed() throws IOException {
    AppConfig config =
        load(
            Map.of(
                "DB_USER", " tickets ",
                "DB_URL", " jdbc:postgresql://db.internal:5432/tickets\n",
                "JWT_ISSUER", "\ttickets ",
                "ADMIN_EMAIL", " root@tickets.example ",
                "APP_PROFILE", " dev "),
            NO_OVERRIDES);

    assertThat(config.db().user()).isEqualTo("tickets");
    assertThat(config.db().url()).isEqualTo("jdbc:postgresql://db.internal:5432/tickets");
    assertThat(config.jwt().issuer()).isEqualTo("tickets");
    assertThat(config.admin().email()).isEqualTo("root@tickets.example");
    assertThat(config.profile()).isEqualTo(Profile.DEV);
  }

  @Test
  void aBlankJwtSecretIsRefusedWhateverItsLength() throws IOException {
    assertInvalid(Map.of("JWT_SECRET", " ".repeat(40)), NO_OVERRIDES)
        .withMessage("Invalid configuration jwt.secret (env JWT_SECRET): must not be blank");
  }

  @Test
  void aSecretTheConfigFileGivesAsANumberIsRefusedRatherThanRewritten() throws IOException {
    // YAML reads 01234567 as the octal number 342391: the password would silently change.
    assertInvalid(Map.of(), "db:\n  password: 01234567\n")
        .withMessage(
            "Invalid configuration db.password (env DB_PASSWORD): expected a text value; quote"
                + " it in the config file");
  }

  @Test
  void aValueOfAKindTheConfigurationCannotHoldIsRefusedNamingTheKey() throws IOException {
    Path file = write("jwt:\n  secret: !!binary aGVsbG8=\n");

    assertThatExceptionOfType(InvalidConfigException.class)
        .isThrownBy(() -> loader.load(Map.of("CONFIG_FILE", file.toString())))
        .withMessage(
            "Invalid configuration jwt.secret (env JWT_SECRET): unsupported kind of value in "
                + file);
  }

  @Test
  void databaseToStringNeverContainsThePassword() {
    var db =
        new AppConfig.Database(
            "jdbc:postgresql://db.internal:5432/tickets",
            "tickets",
            "the-db-password-nobody-may-see",
            7,
            Duration.ofSeconds(3));

    assertThat(db.toString())
        .doesNotContain("the-db-password-nobody-may-see")
        .contains("jdbc:postgresql://db.internal:5432/tickets")
        .contains("tickets")
        .contains("***");
  }

  @Test
  void wholeConfigToStringHidesTheDatabasePassword() throws IOException {
    AppConfig config = load(Map.of("DB_PASSWORD", "the-db-password-nobody-may-see"), NO_OVERRIDES);

    assertThat(config.toString()).doesNotContain("the-db-password-nobody-may-see");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'http:\n  port: 9090\n  port: 9191\n'         | http.port | 3",
        "'colour: blue\ncolour: red\n'                 | colour    | 2",
        "'bcrypt:\n  cost: 10\nhttp: {}\nbcrypt: {}\n' | bcrypt    | 4",
      })
  void aKeyRepeatedInTheConfigFileIsRefusedNamingTheFileAndLine(String yaml, String key, int line)
      throws IOException {
    Path file = write(yaml.replace("\\n", "\n"));

    assertThatExceptionOfType(InvalidConfigException.class)
        .isThrownBy(() -> loader.load(Map.of("CONFIG_FILE", file.toString())))
        .withMessage(
            "Invalid configuration: " + file + " repeats the key " + key + " (line " + line + ")");
  }

  @Test
  void aKeyGivenBothDottedAndNestedIsRefusedAsRepeated() throws IOException {
    Path file = write("bcrypt.cost: 9\nbcrypt:\n  cost: 10\n");

    assertThatExceptionOfType(InvalidConfigException.class)
        .isThrownBy(() -> loader.load(Map.of("CONFIG_FILE", file.toString())))
        .withMessage("Invalid configuration: " + file + " repeats the key bcrypt.cost");
  }

  @Test
  void aConfigFileWithASecondYamlDocumentIsRefused() throws IOException {
    Path file = write("http:\n  port: 9090\n---\nhttp:\n  port: 9191\n");

    assertThatExceptionOfType(InvalidConfigException.class)
        .isThrownBy(() -> loader.load(Map.of("CONFIG_FILE", file.toString())))
        .withMessage(
            "Invalid configuration: "
                + file
                + " holds more than one YAML document (a second one at line 4)");
  }

  @Test
  void aLeadingDocumentMarkerIsAccepted() throws IOException {
    assertThat(load(Map.of(), "---\nhttp:\n  port: 9090\n").http().port()).isEqualTo(9090);
  }

  @Test
  void aValueWithLineBreaksStillGivesAOneLineMessage() throws IOException {
    assertInvalid(Map.of("HTTP_PORT", "80\r\n80"), NO_OVERRIDES)
        .withMessage(
            "Invalid configuration http.port (env HTTP_PORT): expected an integer, got '80\\r\\n80'");
  }

  @Test
  void aKeyWithLineBreaksStillGivesAOneLineMessage() throws IOException {
    Path file = write("\"col\\nour\": blue\n");

    assertThatExceptionOfType(InvalidConfigException.class)
        .isThrownBy(() -> loader.load(Map.of("CONFIG_FILE", file.toString())))
        .withMessage("Invalid configuration: unknown key col\\nour in " + file);
  }

  private AppConfig load(Map<String, String> env, String yaml) throws IOException {
    return loader.load(withConfigFile(env, write(yaml)));
  }

  private ThrowableAssertAlternative<InvalidConfigException> assertInvalid(
      Map<String, String> env, String yaml) throws IOException {
    Map<String, String> withFile = withConfigFile(env, write(yaml));
    return assertThatExceptionOfType(InvalidConfigException.class)
        .isThrownBy(() -> loader.load(withFile));
  }

  private static Map<String, String> withConfigFile(Map<String, String> env, Path file) {
    Map<String, String> all = new HashMap<>(env);
    all.put("CONFIG_FILE", file.toString());
    return all;
  }

  private static Map<String, String> prodEnv(String secret, String adminPassword) {
    return Map.of("APP_PROFILE", "PROD", "JWT_SECRET", secret, "ADMIN_PASSWORD", adminPassword);
  }

  private Path write(String yaml) throws IOException {
    Path file = Files.createTempFile(dir, "config", ".yml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }
}
