package boxoffice.app.service;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The codes holders show at the door: 128 bits from the operating system's secure random source, as
 * 32 lowercase hex characters. Unguessable, so a code alone proves the ticket; it is never logged,
 * measured or put in a span.
 */
public final class TicketCodes {
  private static final int BYTES = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private TicketCodes() {}

  public static String next() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Whether {@code text} has the shape of a code (a cheap refusal before any lookup). */
  public static boolean looksLikeCode(String text) {
    if (text.length() != 2 * BYTES) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }
}
