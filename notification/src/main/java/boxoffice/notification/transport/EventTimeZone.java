package boxoffice.notification.transport;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A payload's {@code timeZone}: the IANA name of the event's time zone, the zone its emails show
 * times in. Names are checked against the zones this JVM knows, as the app checks an event's zone.
 */
final class EventTimeZone {
  private static final Logger LOG = LoggerFactory.getLogger(EventTimeZone.class);
  private static final String FIELD = "timeZone";
  private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

  private EventTimeZone() {}

  /** The zone of a type that must name it (the waiting-list types): refused if not a zone name. */
  static ZoneId required(JsonFields payload) throws MalformedMessageException {
    String name = payload.text(FIELD);
    if (!ZONES.contains(name)) {
      throw new MalformedMessageException(
          "field payload.timeZone must be an IANA time zone name, got "
              + MessageDecoder.shorten("'" + name + "'"));
    }
    return ZoneId.of(name);
  }

  /**
   * The zone of a type that may name it (the types before version 3). A value that is not a zone
   * name is left out with a warning, and the emails show times in the configured zone: the field is
   * optional there, and a wrong zone is no reason to withhold the email.
   */
  static Optional<ZoneId> optional(JsonFields payload, UUID messageId)
      throws MalformedMessageException {
    if (!payload.has(FIELD)) {
      return Optional.empty();
    }
    JsonNode value = payload.required(FIELD);
    if (value.isTextual() && ZONES.contains(value.asText())) {
      return Optional.of(ZoneId.of(value.asText()));
    }
    LOG.warn(
        "message {}: payload.timeZone {} is not a time zone name; times are shown in the"
            + " configured zone",
        messageId,
        MessageDecoder.shorten(value.toString()));
    return Optional.empty();
  }
}
