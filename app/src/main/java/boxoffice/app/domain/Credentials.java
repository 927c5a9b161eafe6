package boxoffice.app.domain;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** Rules for emails and passwords shared by registration, login and the admin account. */
public final class Credentials {
  public static final int MIN_PASSWORD_BYTES = 8;

  /** bcrypt reads at most 72 bytes; longer passwords would be silently truncated. */
  public static final int MAX_PASSWORD_BYTES = 72;

  public static final int MAX_EMAIL_LENGTH = 254;

  // Deliberately simple: one @, a dot in the domain, no spaces. Delivery proves the rest.
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

  private Credentials() {}

  /** Trimmed form in which emails are stored and compared (case-insensitively, by the database). */
  public static String normalizeEmail(String email) {
    return email == null ? null : email.strip();
  }

  public static void checkEmail(Violations violations, String field, String email) {
    if (violations.require(email, field)) {
      violations.check(
          email.length() <= MAX_EMAIL_LENGTH && EMAIL.matcher(email).matches(),
          field,
          "must be a valid email address");
    }
  }

  public static void checkPassword(Violations violations, String field, String password) {
    if (violations.require(password, field)) {
      int bytes = password.getBytes(StandardCharsets.UTF_8).length;
      violations.check(
          bytes >= MIN_PASSWORD_BYTES && bytes <= MAX_PASSWORD_BYTES,
          field,
          "must be " + MIN_PASSWORD_BYTES + " to " + MAX_PASSWORD_BYTES + " bytes of UTF-8");
    }
  }

  public static boolean sameEmail(String a, String b) {
    return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
  }
}
