package boxoffice.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import boxoffice.app.domain.FieldViolation;
import boxoffice.app.domain.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageTest {
  @Test
  void overfetchedRowBeyondTheLimitMeansMoreExist() {
    Page<String> page = Page.fromOverfetch(List.of("a", "b", "c", "d"), 3);

    assertThat(page.items()).containsExactly("a", "b", "c");
    assertThat(page.hasMore()).isTrue();
    assertThat(page.last()).isEqualTo("c");
  }

  @Test
  void exactlyLimitRowsIsTheLastPage() {
    Page<String> page = Page.fromOverfetch(List.of("a", "b", "c"), 3);

    assertThat(page.items()).containsExactly("a", "b", "c");
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  void fewerRowsThanTheLimitIsTheLastPage() {
    Page<String> page = Page.fromOverfetch(List.of("a"), 3);

    assertThat(page.items()).containsExactly("a");
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  void noRowsIsAnEmptyLastPage() {
    Page<String> page = Page.fromOverfetch(List.of(), 20);

    assertThat(page.items()).isEmpty();
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  void limitOfOneWithTwoRowsKeepsOne() {
    Page<Integer> page = Page.fromOverfetch(List.of(1, 2), 1);

    assertThat(page.items()).containsExactly(1);
    assertThat(page.hasMore()).isTrue();
  }

  @Test
  void pageItemsAreAnUnmodifiableCopy() {
    List<String> rows = new ArrayList<>(List.of("a", "b", "c"));
    Page<String> page = Page.fromOverfetch(rows, 2);

    rows.set(0, "changed");
    rows.clear();

    assertThat(page.items()).containsExactly("a", "b");
    assertThatExceptionOfType(UnsupportedOperationException.class)
        .isThrownBy(() -> page.items().add("x"));
  }

  @Test
  void mapTransformsItemsAndKeepsHasMore() {
    Page<String> page = Page.fromOverfetch(List.of("a", "bb", "ccc"), 2);

    Page<Integer> lengths = page.map(String::length);

    assertThat(lengths.items()).containsExactly(1, 2);
    assertThat(lengths.hasMore()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, PageRequest.DEFAULT_LIMIT, 99, PageRequest.MAX_LIMIT})
  void pageRequestAcceptsLimitsFromOneToOneHundred(int limit) {
    PageRequest<String> request = new PageRequest<>(limit, Optional.empty());

    assertThat(request.limit()).isEqualTo(limit);
    assertThat(request.after()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 101, 1_000, Integer.MAX_VALUE})
  void pageRequestRefusesLimitsOutsideOneToOneHundred(int limit) {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> new PageRequest<>(limit, Optional.of("after")))
        .satisfies(
            e ->
                assertThat(e.violations())
                    .containsExactly(new FieldViolation("limit", "must be between 1 and 100")));
  }

  @Test
  void pageRequestKeepsItsKeysetPosition() {
    UserKey key =
        new UserKey(
            Instant.parse("2030-05-01T12:00:00Z"),
            UUID.fromString("3f1c1f2e-2d7b-4c55-9a0e-6d1b1c9a7e10"));

    assertThat(new PageRequest<>(10, Optional.of(key)).after()).contains(key);
  }

  @Test
  void defaultLimitIsWithinTheMaximum() {
    assertThat(PageRequest.DEFAULT_LIMIT).isBetween(1, PageRequest.MAX_LIMIT);
    assertThat(PageRequest.MAX_LIMIT).isEqualTo(100);
  }
}
