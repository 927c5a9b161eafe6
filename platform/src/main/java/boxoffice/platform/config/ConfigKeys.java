package boxoffice.platform.config;

import java.util.Locale;

/** The naming rule between configuration paths and environment variables. */
public final class ConfigKeys {
  private ConfigKeys() {}

  /** {@code db.pool-size} becomes {@code DB_POOL_SIZE}. */
  public static String envName(String path) {
    return path.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
  }
}
