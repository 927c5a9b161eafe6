package boxoffice.app.transport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque page cursors: the keyset position of the last item, bound to one list and signed with
 * HMAC-SHA256 so a client cannot forge or edit one (a tampered cursor is a 400).
 */
final class CursorCodec {
  private static final String ALGORITHM = "HmacSHA256";
  private static final int TAG_BYTES = 16;
  private static final char SEPARATOR = '\u001f';
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  CursorCodec(byte[] secret) {
    this.key = new SecretKeySpec(derive(secret), ALGORITHM);
  }

  /** {@code list} names the list the cursor belongs to; a cursor of another list is refused. */
  String encode(String list, List<String> position) {
    // Each value is base64url-encoded, so no value (a title, say) can contain the separator.
    StringBuilder text = new StringBuilder(list);
    for (String value : position) {
      text.append(SEPARATOR).append(ENCODER.encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    }
    byte[] payload = text.toString().getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(tag(payload));
  }

  List<String> decode(String list, String cursor, int parts) {
    try {
      int dot = cursor.indexOf('.');
      if (dot < 0 || cursor.length() > 1024) {
        throw invalid();
      }
      byte[] payload = DECODER.decode(cursor.substring(0, dot));
      byte[] tag = DECODER.decode(cursor.substring(dot + 1));
      if (!MessageDigest.isEqual(tag, tag(payload))) {
        throw invalid();
      }
      List<String> fields =
          Arrays.asList(
              new String(payload, StandardCharsets.UTF_8).split(String.valueOf(SEPARATOR), -1));
      if (fields.size() != parts + 1 || !fields.getFirst().equals(list)) {
        throw invalid();
      }
      return fields.subList(1, fields.size()).stream()
          .map(value -> new String(DECODER.decode(value), StandardCharsets.UTF_8))
          .toList();
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  private byte[] tag(byte[] payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return Arrays.copyOf(mac.doFinal(payload), TAG_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  /** A key of its own, so cursor tags can never be confused with token signatures. */
  private static byte[] derive(byte[] secret) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret, ALGORITHM));
      return mac.doFinal("boxoffice page cursor v1".getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  static HttpProblemException invalid() {
    return HttpProblemException.badRequest(
        "The cursor is invalid; start again from the first page");
  }
}
