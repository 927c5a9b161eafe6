package boxoffice.notification.transport;

import boxoffice.notification.service.WaitlistClosed;
import boxoffice.notification.service.WaitlistClosedCause;
import boxoffice.notification.service.WaitlistLeft;
import boxoffice.notification.service.WaitlistOfferExpired;
import boxoffice.notification.service.WaitlistOffered;
import java.time.Instant;
import java.util.UUID;

/**
 * The payloads of the waiting-list types (schema version 3), as MESSAGES.md describes them: every
 * field required, {@code quantity} a positive integer and {@code timeZone} an IANA time zone name.
 */
final class WaitlistPayloads {
  private WaitlistPayloads() {}

  static WaitlistOffered offered(UUID messageId, Instant at, JsonFields payload)
      throws MalformedMessageException {
    return new WaitlistOffered(
        messageId,
        at,
        payload.uuid("entryId"),
        payload.uuid("eventId"),
        payload.uuid("userId"),
        payload.positiveInt("quantity"),
        payload.uuid("holdId"),
        payload.instant("offerExpiresAt"),
        payload.text("eventTitle"),
        payload.instant("startsAt"),
        payload.text("venue"),
        EventTimeZone.required(payload));
  }

  static WaitlistOfferExpired offerExpired(UUID messageId, Instant at, JsonFields payload)
      throws MalformedMessageException {
    return new WaitlistOfferExpired(
        messageId,
        at,
        payload.uuid("entryId"),
        payload.uuid("eventId"),
        payload.uuid("userId"),
        payload.positiveInt("quantity"),
        payload.uuid("holdId"),
        payload.text("eventTitle"),
        payload.instant("startsAt"),
        payload.text("venue"),
        EventTimeZone.required(payload));
  }

  static WaitlistLeft left(UUID messageId, Instant at, JsonFields payload)
      throws MalformedMessageException {
    return new WaitlistLeft(
        messageId,
        at,
        payload.uuid("entryId"),
        payload.uuid("eventId"),
        payload.uuid("userId"),
        payload.positiveInt("quantity"),
        payload.text("eventTitle"),
        payload.instant("startsAt"),
        payload.text("venue"),
        EventTimeZone.required(payload));
  }

  static WaitlistClosed closed(UUID messageId, Instant at, JsonFields payload)
      throws MalformedMessageException {
    return new WaitlistClosed(
        messageId,
        at,
        payload.uuid("entryId"),
        payload.uuid("eventId"),
        payload.uuid("userId"),
        payload.positiveInt("quantity"),
        MessageDecoder.cause(payload, WaitlistClosedCause.class),
        payload.text("eventTitle"),
        payload.instant("startsAt"),
        payload.text("venue"),
        EventTimeZone.required(payload));
  }
}
