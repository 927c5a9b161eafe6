package boxoffice.app.service;

import boxoffice.app.domain.Booking;
import boxoffice.app.domain.ValidationException;
import boxoffice.app.domain.Violations;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** A request for {@code quantity} seats, optionally made safe to retry with an idempotency key. */
public record BookCommand(UUID eventId, Integer quantity, Optional<String> idempotencyKey) {
  private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1,255}");

  public BookCommand {
    Violations violations = new Violations();
    if (violations.require(quantity, "quantity")) {
      violations.check(
          quantity >= 1 && quantity <= Booking.MAX_QUANTITY,
          "quantity",
          "must be between 1 and " + Booking.MAX_QUANTITY);
    }
    violations.throwIfAny();
    idempotencyKey.ifPresent(
        key -> {
          if (!VISIBLE_ASCII.matcher(key).matches()) {
            throw ValidationException.of(
                "Idempotency-Key", "must be 1 to 255 visible ASCII characters");
          }
        });
  }

  /** Identifies the request's meaning: the same key with another meaning is refused. */
  public byte[] requestHash() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(eventId.toString().getBytes(StandardCharsets.US_ASCII));
      sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(quantity).array());
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
