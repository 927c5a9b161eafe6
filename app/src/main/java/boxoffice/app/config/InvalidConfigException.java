package boxoffice.app.config;

/**
 * A configuration value that stops start-up; the message is one line naming the key and the
 * problem.
 */
public final class InvalidConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidConfigException(String message) {
    super(message);
  }

  static InvalidConfigException forKey(String key, String problem) {
    return new InvalidConfigException(
        "Invalid configuration " + key + " (env " + ConfigKeys.envName(key) + "): " + problem);
  }
}
