package boxoffice.audit.config;

/** Deployment profile: {@code prod} refuses the development token. */
public enum Profile {
  DEV,
  PROD
}
