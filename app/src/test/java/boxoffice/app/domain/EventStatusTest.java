package boxoffice.app.domain;

import static boxoffice.app.domain.EventStatus.CANCELLED;
import static boxoffice.app.domain.EventStatus.COMPLETED;
import static boxoffice.app.domain.EventStatus.DRAFT;
import static boxoffice.app.domain.EventStatus.PUBLISHED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventStatusTest {

  @ParameterizedTest(name = "{0} may move to: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "DRAFT     | PUBLISHED",
        "PUBLISHED | DRAFT CANCELLED COMPLETED",
        "CANCELLED | ",
        "COMPLETED | "
      })
  void eachMoveOfTheLifecycleIsAllowedOrNot(EventStatus from, String allowedTargets) {
    for (EventStatus to : EventStatus.values()) {
      assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(in(allowedTargets, to));
    }
  }

  /** Whether {@code status} is among the space-separated names of {@code targets}. */
  static boolean in(String targets, EventStatus status) {
    return targets != null
        && java.util.Arrays.asList(targets.trim().split("\\s+")).contains(status.name());
  }

  @Test
  void cancelledAndCompletedAreFinal() {
    assertThat(CANCELLED.isFinal()).isTrue();
    assertThat(COMPLETED.isFinal()).isTrue();
    assertThat(DRAFT.isFinal()).isFalse();
    assertThat(PUBLISHED.isFinal()).isFalse();
  }

  @Test
  void everyStatusButDraftIsPublic() {
    assertThat(DRAFT.isPublic()).isFalse();
    assertThat(PUBLISHED.isPublic()).isTrue();
    assertThat(CANCELLED.isPublic()).isTrue();
    assertThat(COMPLETED.isPublic()).isTrue();
  }
}
