package boxoffice.app.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.UUID;

/**
 * A request to hold {@code quantity} seats; validated as a booking request is, and with a request
 * hash of its own, so a key used for a booking is never replayed as a hold.
 */
public record HoldCommand(UUID eventId, Integer quantity, Optional<String> idempotencyKey) {
  public HoldCommand {
    new BookCommand(eventId, quantity, idempotencyKey); // the same rules, the same messages
  }

  public byte[] requestHash() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("hold:".getBytes(StandardCharsets.US_ASCII));
      sha.update(new BookCommand(eventId, quantity, Optional.empty()).requestHash());
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
