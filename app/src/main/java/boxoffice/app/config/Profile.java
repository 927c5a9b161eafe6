package boxoffice.app.config;

/** Deployment profile: {@code prod} refuses development secrets. */
public enum Profile {
  DEV,
  PROD
}
