package boxoffice.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import boxoffice.app.domain.FieldViolation;
import boxoffice.app.domain.ValidationException;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BookCommandTest {
  private static final UUID EVENT = UUID.fromString("6f1c2a4e-3b7d-4e8f-9a0b-1c2d3e4f5a6b");

  @ParameterizedTest(name = "quantity {0}")
  @ValueSource(ints = {1, 2, 9, 10})
  void aQuantityFromOneToTenIsAccepted(int quantity) {
    assertThat(new BookCommand(EVENT, quantity, Optional.empty()).quantity()).isEqualTo(quantity);
  }

  @ParameterizedTest(name = "quantity {0}")
  @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 11, 100})
  void aQuantityOutsideOneToTenIsRefused(int quantity) {
    assertRefused(() -> new BookCommand(EVENT, quantity, Optional.empty()), "quantity");
  }

  @Test
  void aMissingQuantityIsRefused() {
    assertRefused(() -> new BookCommand(EVENT, null, Optional.empty()), "quantity");
  }

  @Test
  void theIdempotencyKeyIsOptional() {
    assertThat(new BookCommand(EVENT, 1, Optional.empty()).idempotencyKey()).isEmpty();
  }

  @Test
  void anIdempotencyKeyOfOneTo255VisibleAsciiCharactersIsAccepted() {
    String everyVisible =
        IntStream.rangeClosed(0x21, 0x7E)
            .mapToObj(c -> String.valueOf((char) c))
            .collect(Collectors.joining());

    for (String key : new String[] {"a", "k".repeat(255), everyVisible, "0f1e-2d3c_4b5a"}) {
      assertThatCode(() -> new BookCommand(EVENT, 1, Optional.of(key)))
          .as(key)
          .doesNotThrowAnyException();
    }
  }

  @ParameterizedTest(name = "key [{0}]")
  @ValueSource(
      strings = {"", " ", "with space", "tab\tkey", "new\nline", "ümlaut", "emoji🎷", "del\u007F"})
  void anIdempotencyKeyWithInvisibleOrNonAsciiCharactersIsRefused(String key) {
    assertRefused(() -> new BookCommand(EVENT, 1, Optional.of(key)), "Idempotency-Key");
  }

  @Test
  void anIdempotencyKeyLongerThan255CharactersIsRefused() {
    assertRefused(() -> new BookCommand(EVENT, 1, Optional.of("k".repeat(256))), "Idempotency-Key");
  }

  @Test
  void theRequestHashIsTheSameForTheSameEventAndQuantity() {
    byte[] first = new BookCommand(EVENT, 2, Optional.of("a")).requestHash();
    byte[] second = new BookCommand(EVENT, 2, Optional.of("b")).requestHash();
    byte[] withoutKey = new BookCommand(EVENT, 2, Optional.empty()).requestHash();

    assertThat(first).isEqualTo(second).isEqualTo(withoutKey);
  }

  @Test
  void theRequestHashDiffersForADifferentQuantity() {
    for (int other = 2; other <= 10; other++) {
      assertThat(new BookCommand(EVENT, other, Optional.of("k")).requestHash())
          .as("quantity %d", other)
          .isNotEqualTo(new BookCommand(EVENT, 1, Optional.of("k")).requestHash());
    }
  }

  @Test
  void theRequestHashDiffersForADifferentEvent() {
    UUID otherEvent = UUID.fromString("6f1c2a4e-3b7d-4e8f-9a0b-1c2d3e4f5a6c");

    assertThat(new BookCommand(otherEvent, 2, Optional.of("k")).requestHash())
        .isNotEqualTo(new BookCommand(EVENT, 2, Optional.of("k")).requestHash());
  }

  private static void assertRefused(ThrowingCallable call, String field) {
    ValidationException e = catchThrowableOfType(ValidationException.class, call);
    assertThat(e).as("expected a violation of %s", field).isNotNull();
    assertThat(e.violations()).extracting(FieldViolation::field).containsExactly(field);
  }
}
