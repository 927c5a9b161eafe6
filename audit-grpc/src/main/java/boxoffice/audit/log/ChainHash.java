package boxoffice.audit.log;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The hash chain of the audit log.
 *
 * <p>Each entry's hash is {@code hex(SHA-256(previousHash || canonical(entry)))}, where {@code
 * previousHash} is the previous entry's hash as 64 lower-case hex characters in ASCII (for the
 * first entry, 64 zeros: {@link #GENESIS}), {@code ||} is concatenation, and {@code hex} writes
 * lower-case hex.
 *
 * <p>{@code canonical(entry)} is the UTF-8 encoding of nine fields, in this order, each written as
 * a netstring: its length in UTF-8 bytes in decimal, a colon, the bytes, a comma ({@code
 * "15:booking.created,"}). Lengths make the form unambiguous whatever the fields contain.
 *
 * <ol>
 *   <li>{@code sequence}: decimal, no sign, no leading zeros ({@code 42})
 *   <li>{@code entry_id}: the UUID in lower-case 8-4-4-4-12 form
 *   <li>{@code action}
 *   <li>{@code actor_id} (empty for no actor: {@code "0:,"})
 *   <li>{@code entity_type}
 *   <li>{@code entity_id}
 *   <li>{@code occurred_at}: UTC, {@code yyyy-MM-ddTHH:mm:ss.ffffffZ}, always six fraction digits
 *   <li>{@code recorded_at}: same form
 *   <li>{@code payload_json}: exactly as received
 * </ol>
 *
 * <p>Example: sequence 1, entry id {@code 00000000-0000-0000-0000-000000000001}, action {@code a},
 * no actor, entity {@code e}/{@code 1}, both times {@code 2025-01-02T03:04:05.000006Z}, payload
 * {@code {}} give {@code
 * 1:1,36:00000000-0000-0000-0000-000000000001,1:a,0:,1:e,1:1,27:2025-01-02T03:04:05.000006Z,27:2025-01-02T03:04:05.000006Z,2:{},}.
 */
public final class ChainHash {
  /** The previous hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private ChainHash() {}

  /** The hash of {@code entry} following {@code previousHash}; the entry's own hash is ignored. */
  public static String of(String previousHash, StoredEntry entry) {
    MessageDigest sha256 = sha256();
    sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
    sha256.update(canonicalForm(entry).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha256.digest());
  }

  /** The canonical form of the entry's hashed fields, as text. */
  public static String canonicalForm(StoredEntry entry) {
    StringBuilder out = new StringBuilder(256 + entry.payloadJson().length());
    field(out, Long.toString(entry.sequence()));
    field(out, entry.entryId().toString());
    field(out, entry.action());
    field(out, entry.actorId());
    field(out, entry.entityType());
    field(out, entry.entityId());
    field(out, time(entry.occurredAt()));
    field(out, time(entry.recordedAt()));
    field(out, entry.payloadJson());
    return out.toString();
  }

  /** A time in the canonical form: UTC with exactly six fraction digits. */
  public static String time(Instant instant) {
    return TIME.format(instant);
  }

  private static void field(StringBuilder out, String value) {
    out.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value).append(',');
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
