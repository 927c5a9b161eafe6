package boxoffice.app.domain;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
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

  /**
   * The one form in which emails are compared, everywhere: account lookup, the uniqueness of
   * accounts and login throttling. NFKC folds compatibility forms (full-width letters, the Kelvin
   * sign) into plain letters; upper- then lower-casing in {@link Locale#ROOT} approximates Unicode
   * full case folding without a locale ("ß" and "SS" become "ss"); a last NFKC recomposes what case
   * mapping decomposed. "İ" (U+0130) becomes "i" followed by a combining dot, so it is not "i".
   */
  public static String emailKey(String email) {
    String compatible = Normalizer.normalize(email.strip(), Normalizer.Form.NFKC);
    String folded = compatible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    return Normalizer.normalize(folded, Normalizer.Form.NFKC);
  }

  public static void checkEmail(Violations violations, String field, String email) {
    if (violations.require(email, field)) {
      violations.check(
          isBounded(email) && EMAIL.matcher(email).matches(),
          field,
          "must be a valid email address");
    }
  }

  /**
   * Only the length of a login email is checked: a malformed one is simply unknown, but an
   * unbounded one must not reach the database or the logs.
   */
  public static void checkLoginEmail(Violations violations, String field, String email) {
    if (violations.require(email, field)) {
      violations.check(!email.isEmpty(), field, "must not be blank");
      violations.check(
          isBounded(email), field, "must be at most " + MAX_EMAIL_LENGTH + " characters");
    }
  }

  /** Both the email and its comparison key fit the bound (folding can lengthen a string). */
  private static boolean isBounded(String email) {
    return email.length() <= MAX_EMAIL_LENGTH && emailKey(email).length() <= MAX_EMAIL_LENGTH;
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
    return emailKey(a).equals(emailKey(b));
  }
}
