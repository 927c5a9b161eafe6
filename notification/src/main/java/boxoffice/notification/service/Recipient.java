package boxoffice.notification.service;

import java.util.UUID;

/** A user to email, with the address and name the booking app has for them now. */
public record Recipient(UUID userId, String email, String name) {
  @Override
  public String toString() {
    // Addresses are personal data: logs name the user id only.
    return "Recipient[userId=" + userId + "]";
  }
}
