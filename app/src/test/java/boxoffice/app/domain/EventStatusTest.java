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

  @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
  @CsvSource({
    "DRAFT,     DRAFT,     false",
    "DRAFT,     PUBLISHED, true",
    "DRAFT,     CANCELLED, false",
    "DRAFT,     COMPLETED, false",
    "PUBLISHED, DRAFT,     true",
    "PUBLISHED, PUBLISHED, false",
    "PUBLISHED, CANCELLED, true",
    "PUBLISHED, COMPLETED, true",
    "CANCELLED, DRAFT,     false",
    "CANCELLED, PUBLISHED, false",
    "CANCELLED, CANCELLED, false",
    "CANCELLED, COMPLETED, false",
    "COMPLETED, DRAFT,     false",
    "COMPLETED, PUBLISHED, false",
    "COMPLETED, CANCELLED, false",
    "COMPLETED, COMPLETED, false"
  })
  void eachMoveOfTheLifecycleIsAllowedOrNot(EventStatus from, EventStatus to, boolean allowed) {
    assertThat(from.canMoveTo(to)).isEqualTo(allowed);
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
