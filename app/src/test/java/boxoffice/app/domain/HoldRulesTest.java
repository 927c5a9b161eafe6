package boxoffice.app.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Held seats count until their deadline and not after; statuses read as of an instant. */
class HoldRulesTest {
  private static final Instant NOW = Instant.parse("2027-03-01T18:00:00Z");

  @Test
  void heldSeatsCountUntilTheirDeadlineExclusive() {
    HeldSeats held =
        new HeldSeats(
            List.of(
                new HeldSeats.Until(NOW.plusSeconds(60), 2),
                new HeldSeats.Until(NOW.plusSeconds(120), 3)));

    assertThat(held.at(NOW)).isEqualTo(5);
    assertThat(held.at(NOW.plusSeconds(59))).isEqualTo(5);
    assertThat(held.at(NOW.plusSeconds(60))).isEqualTo(3);
    assertThat(held.at(NOW.plusSeconds(120))).isZero();
    assertThat(HeldSeats.NONE.at(NOW)).isZero();
    assertThat(held.nextExpiryAfter(NOW)).contains(NOW.plusSeconds(60));
    assertThat(held.nextExpiryAfter(NOW.plusSeconds(60))).contains(NOW.plusSeconds(120));
    assertThat(held.nextExpiryAfter(NOW.plusSeconds(120))).isEmpty();
  }

  @Test
  void seatsAvailableLeaveOutBookedAndUnexpiredHeldSeats() {
    Event event =
        new Event(
            UUID.randomUUID(),
            "Held",
            "",
            "Hall",
            NOW.plus(Duration.ofDays(1)),
            NOW.plus(Duration.ofDays(1)).plusSeconds(3600),
            10,
            4,
            new HeldSeats(List.of(new HeldSeats.Until(NOW.plusSeconds(60), 3))),
            10,
            "UTC",
            EventStatus.PUBLISHED,
            1,
            NOW,
            NOW);

    assertThat(event.seatsAvailable(NOW)).isEqualTo(3);
    assertThat(event.seatsAvailable(NOW.plusSeconds(60))).isEqualTo(6);
  }

  @Test
  void anActiveHoldPastItsDeadlineReadsExpired() {
    Hold hold =
        new Hold(
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            2,
            HoldStatus.ACTIVE,
            NOW,
            NOW.minusSeconds(600),
            Optional.empty());

    assertThat(hold.statusAt(NOW.minusSeconds(1))).isEqualTo(HoldStatus.ACTIVE);
    assertThat(hold.statusAt(NOW)).isEqualTo(HoldStatus.EXPIRED);
    Hold released =
        new Hold(
            hold.id(),
            hold.eventId(),
            hold.userId(),
            2,
            HoldStatus.RELEASED,
            NOW,
            NOW,
            Optional.empty());
    assertThat(released.statusAt(NOW.plusSeconds(1))).isEqualTo(HoldStatus.RELEASED);
  }

  @Test
  void anOfferPastItsDeadlineReadsExpired() {
    WaitlistEntry offered =
        new WaitlistEntry(
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            2,
            WaitlistStatus.OFFERED,
            7,
            Optional.empty(),
            Optional.of(UUID.randomUUID()),
            Optional.of(NOW),
            NOW.minusSeconds(600));

    assertThat(offered.statusAt(NOW.minusSeconds(1))).isEqualTo(WaitlistStatus.OFFERED);
    assertThat(offered.statusAt(NOW)).isEqualTo(WaitlistStatus.EXPIRED);
    assertThat(WaitlistStatus.WAITING.isActive()).isTrue();
    assertThat(WaitlistStatus.OFFERED.isActive()).isTrue();
    assertThat(WaitlistStatus.LEFT.isActive()).isFalse();
  }
}
