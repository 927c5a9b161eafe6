package boxoffice.platform;

import boxoffice.platform.config.InvalidConfigException;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** The first steps of every service's {@code main}, before anything is started. */
public final class StartUp {
  /** The exit status of a process stopped by its configuration, told apart from a failed start. */
  static final int INVALID_CONFIGURATION = 2;

  private StartUp() {}

  /**
   * Routes java.util.logging (Liquibase's, for one) to SLF4J, loads the service's configuration
   * from the process environment with {@code load} and ships the logs as the environment asks,
   * tagged with {@code service}. A configuration that cannot be used ends the process with status 2
   * and one line on stderr naming the problem.
   */
  public static <C> C configure(String service, Function<Map<String, String>, C> load) {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    Map<String, String> env = System.getenv();
    try {
      C config = load.apply(env);
      LogShipping.configure(env, service);
      return config;
    } catch (InvalidConfigException e) {
      return exit(e.getMessage());
    } catch (IllegalArgumentException e) {
      return exit("Invalid configuration: " + e.getMessage());
    }
  }

  private static <C> C exit(String line) {
    System.err.println(line);
    System.exit(INVALID_CONFIGURATION);
    throw new IllegalStateException("the JVM did not exit: " + line);
  }
}
