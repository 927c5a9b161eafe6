package boxoffice.platform.config;

import java.util.Locale;

/**
 * A configuration value that stops start-up; the message is one line naming the key and the
 * problem.
 */
public final class InvalidConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Line breaks and other control characters in the message are escaped to keep it one line. */
  public InvalidConfigException(String message) {
    super(oneLine(message));
  }

  /** A problem with one key's value, naming the key and the environment variable that sets it. */
  public static InvalidConfigException forKey(String key, String problem) {
    return new InvalidConfigException(
        "Invalid configuration " + key + " (env " + ConfigKeys.envName(key) + "): " + problem);
  }

  private static String oneLine(String text) {
    StringBuilder line = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                  if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                    line.append(String.format(Locale.ROOT, "\\u%04x", c));
                  } else {
                    line.appendCodePoint(c);
                  }
                }
              }
            });
    return line.toString();
  }
}
