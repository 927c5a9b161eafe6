package boxoffice.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.domain.Event;
import boxoffice.app.domain.EventStatus;
import boxoffice.app.domain.HeldSeats;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketRulesTest {
  private static final Instant START = Instant.parse("2027-03-01T19:00:00Z");
  private static final Instant END = START.plus(Duration.ofHours(3));
  private static final TicketRules RULES = new TicketRules(10, Duration.ofHours(6), "UTC");

  @Test
  void doorsOpenSixHoursBeforeTheStartAndCloseWhenTheEventEnds() {
    Event event = event();

    assertThat(RULES.checkInOpen(event, START.minus(Duration.ofHours(6)).minusNanos(1))).isFalse();
    assertThat(RULES.checkInOpen(event, START.minus(Duration.ofHours(6)))).isTrue();
    assertThat(RULES.checkInOpen(event, START)).isTrue();
    assertThat(RULES.checkInOpen(event, END.minusNanos(1))).isTrue();
    assertThat(RULES.checkInOpen(event, END)).isFalse();
  }

  @Test
  void codesAre128RandomBitsInLowercaseHex() {
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String code = TicketCodes.next();
      assertThat(code).matches("[0-9a-f]{32}");
      assertThat(TicketCodes.looksLikeCode(code)).isTrue();
      codes.add(code);
    }
    assertThat(codes).hasSize(1000);
  }

  @Test
  void onlyTheShapeOfACodeIsLookedUp() {
    for (String text :
        new String[] {"", "abc", "A".repeat(32), "g".repeat(32), "0".repeat(33), "é".repeat(32)}) {
      assertThat(TicketCodes.looksLikeCode(text)).as(text).isFalse();
    }
  }

  private static Event event() {
    return new Event(
        UUID.randomUUID(),
        "Door test",
        "",
        "Main Hall",
        START,
        END,
        10,
        0,
        HeldSeats.NONE,
        10,
        "UTC",
        EventStatus.PUBLISHED,
        1,
        START.minus(Duration.ofDays(30)),
        START.minus(Duration.ofDays(30)));
  }
}
