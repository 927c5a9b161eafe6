package boxoffice.app.cache;

import boxoffice.app.domain.Event;
import boxoffice.app.domain.EventStatus;
import boxoffice.app.domain.HeldSeats;
import boxoffice.app.domain.RatingSummary;
import boxoffice.app.service.EventView;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A compact binary form of an event view for Redis. The first byte is the format version: a value
 * written in another format (by an older or newer release) decodes as absent, never as an error.
 */
final class EventViewCodec {
  static final byte FORMAT = 3; // 2: with maxTicketsPerUser and timeZone; 3: with held seats

  private EventViewCodec() {}

  static byte[] encode(EventView view) {
    Event e = view.event();
    var bytes = new ByteArrayOutputStream(256 + e.description().length());
    try (var out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeLong(e.id().getMostSignificantBits());
      out.writeLong(e.id().getLeastSignificantBits());
      out.writeUTF(e.title());
      out.writeUTF(e.description());
      out.writeUTF(e.venue());
      writeInstant(out, e.startsAt());
      writeInstant(out, e.endsAt());
      out.writeInt(e.capacity());
      out.writeInt(e.seatsBooked());
      writeHeld(out, e.held());
      out.writeInt(e.maxTicketsPerUser());
      out.writeUTF(e.timeZone());
      out.writeUTF(e.status().name());
      out.writeInt(e.version());
      writeInstant(out, e.createdAt());
      writeInstant(out, e.updatedAt());
      out.writeDouble(view.rating().average());
      out.writeInt(view.rating().count());
    } catch (IOException impossible) {
      throw new UncheckedIOException("writing to memory cannot fail", impossible);
    }
    return bytes.toByteArray();
  }

  static Optional<EventView> decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0 || bytes[0] != FORMAT) {
      return Optional.empty();
    }
    try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      in.readByte();
      Event event =
          new Event(
              new UUID(in.readLong(), in.readLong()),
              in.readUTF(),
              in.readUTF(),
              in.readUTF(),
              readInstant(in),
              readInstant(in),
              in.readInt(),
              in.readInt(),
              readHeld(in),
              in.readInt(),
              in.readUTF(),
              EventStatus.valueOf(in.readUTF()),
              in.readInt(),
              readInstant(in),
              readInstant(in));
      RatingSummary rating = new RatingSummary(in.readDouble(), in.readInt());
      return Optional.of(new EventView(event, rating));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void writeHeld(DataOutputStream out, HeldSeats held) throws IOException {
    out.writeInt(held.holds().size());
    for (HeldSeats.Until hold : held.holds()) {
      writeInstant(out, hold.expiresAt());
      out.writeInt(hold.seats());
    }
  }

  private static HeldSeats readHeld(DataInputStream in) throws IOException {
    int count = in.readInt();
    if (count < 0 || count > 1_000_000) {
      throw new IOException("not a hold count: " + count);
    }
    if (count == 0) {
      return HeldSeats.NONE;
    }
    List<HeldSeats.Until> holds = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      holds.add(new HeldSeats.Until(readInstant(in), in.readInt()));
    }
    return new HeldSeats(holds);
  }

  private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
    out.writeLong(instant.getEpochSecond());
    out.writeInt(instant.getNano());
  }

  private static Instant readInstant(DataInputStream in) throws IOException {
    return Instant.ofEpochSecond(in.readLong(), in.readInt());
  }
}
