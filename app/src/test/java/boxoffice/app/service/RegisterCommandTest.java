package boxoffice.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import boxoffice.app.domain.FieldViolation;
import boxoffice.app.domain.ValidationException;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ListAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegisterCommandTest {
  private static final String EMAIL = "alice@example.com";
  private static final String PASSWORD = "correct horse";
  private static final String NAME = "Alice";

  @Test
  void validCommandKeepsItsValues() {
    RegisterCommand command = new RegisterCommand(EMAIL, PASSWORD, NAME);

    assertThat(command.email()).isEqualTo(EMAIL);
    assertThat(command.password()).isEqualTo(PASSWORD);
    assertThat(command.name()).isEqualTo(NAME);
  }

  @Test
  void emailAndNameAreTrimmed() {
    RegisterCommand command = new RegisterCommand("  alice@example.com \t", PASSWORD, "  Alice ");

    assertThat(command.email()).isEqualTo(EMAIL);
    assertThat(command.name()).isEqualTo(NAME);
  }

  @Test
  void emailKeepsItsCase() {
    // The database compares emails case-insensitively; the stored form is what the user typed.
    assertThat(new RegisterCommand("Alice@Example.COM", PASSWORD, NAME).email())
        .isEqualTo("Alice@Example.COM");
  }

  @Test
  void passwordIsNotTrimmed() {
    assertThat(new RegisterCommand(EMAIL, "  spaced out  ", NAME).password())
        .isEqualTo("  spaced out  ");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "alice",
        "alice@",
        "@example.com",
        "alice@example",
        "alice@example.",
        "alice@@example.com",
        "al ice@example.com",
        "alice@exa mple.com",
      })
  void invalidEmailIsRefused(String email) {
    assertRefused(() -> new RegisterCommand(email, PASSWORD, NAME))
        .containsExactly(new FieldViolation("email", "must be a valid email address"));
  }

  @Test
  void missingEmailIsRequired() {
    assertRefused(() -> new RegisterCommand(null, PASSWORD, NAME))
        .containsExactly(new FieldViolation("email", "is required"));
  }

  @Test
  void emailOf254CharactersIsAcceptedAnd255Refused() {
    String domain = "@example.com";
    String longest = "a".repeat(254 - domain.length()) + domain;
    assertThat(longest).hasSize(254);

    assertThat(new RegisterCommand(longest, PASSWORD, NAME).email()).isEqualTo(longest);
    assertRefused(() -> new RegisterCommand("a" + longest, PASSWORD, NAME))
        .extracting(FieldViolation::field)
        .containsExactly("email");
  }

  @Test
  void passwordOf7BytesIsRefused() {
    assertRefused(() -> new RegisterCommand(EMAIL, "x".repeat(7), NAME))
        .containsExactly(new FieldViolation("password", "must be 8 to 72 bytes of UTF-8"));
  }

  @Test
  void passwordOf8BytesIsAccepted() {
    assertThat(new RegisterCommand(EMAIL, "x".repeat(8), NAME).password()).hasSize(8);
  }

  @Test
  void passwordOf72BytesIsAccepted() {
    assertThat(new RegisterCommand(EMAIL, "x".repeat(72), NAME).password()).hasSize(72);
  }

  @Test
  void passwordOf73BytesIsRefused() {
    assertRefused(() -> new RegisterCommand(EMAIL, "x".repeat(73), NAME))
        .containsExactly(new FieldViolation("password", "must be 8 to 72 bytes of UTF-8"));
  }

  @Test
  void multiBytePasswordIsCountedInUtf8Bytes() {
    String tooLong = "€".repeat(25);
    assertThat(tooLong).hasSize(25);
    assertThat(tooLong.getBytes(StandardCharsets.UTF_8)).hasSize(75);

    assertRefused(() -> new RegisterCommand(EMAIL, tooLong, NAME))
        .extracting(FieldViolation::field)
        .containsExactly("password");
  }

  @Test
  void multiBytePasswordOfExactly72BytesIsAccepted() {
    String longest = "€".repeat(24);

    assertThat(new RegisterCommand(EMAIL, longest, NAME).password()).isEqualTo(longest);
  }

  @Test
  void fewMultiByteCharactersMakeEnoughBytes() {
    // Four characters, eight bytes.
    assertThat(new RegisterCommand(EMAIL, "€€ab", NAME).password()).isEqualTo("€€ab");
    // Two characters, six bytes.
    assertRefused(() -> new RegisterCommand(EMAIL, "€€", NAME))
        .extracting(FieldViolation::field)
        .containsExactly("password");
  }

  @Test
  void missingPasswordIsRequired() {
    assertRefused(() -> new RegisterCommand(EMAIL, null, NAME))
        .containsExactly(new FieldViolation("password", "is required"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t \n"})
  void blankNameIsRefused(String name) {
    assertRefused(() -> new RegisterCommand(EMAIL, PASSWORD, name))
        .containsExactly(new FieldViolation("name", "must be 1 to 100 characters"));
  }

  @ParameterizedTest
  @NullSource
  void missingNameIsRequired(String name) {
    assertRefused(() -> new RegisterCommand(EMAIL, PASSWORD, name))
        .containsExactly(new FieldViolation("name", "is required"));
  }

  @Test
  void nameOf100CharactersIsAcceptedAnd101Refused() {
    assertThat(new RegisterCommand(EMAIL, PASSWORD, "n".repeat(100)).name()).hasSize(100);
    assertRefused(() -> new RegisterCommand(EMAIL, PASSWORD, "n".repeat(101)))
        .containsExactly(new FieldViolation("name", "must be 1 to 100 characters"));
  }

  @Test
  void nameIsMeasuredAfterTrimming() {
    assertThat(new RegisterCommand(EMAIL, PASSWORD, "  " + "n".repeat(100) + "  ").name())
        .hasSize(100);
  }

  @Test
  void allViolationsAreReportedAtOnceWithTheirFieldNames() {
    assertThatExceptionOfType(ValidationException.class)
        .isThrownBy(() -> new RegisterCommand("not-an-email", "short", " "))
        .withMessage("The request has invalid fields")
        .satisfies(
            e ->
                assertThat(e.violations())
                    .extracting(FieldViolation::field, FieldViolation::message)
                    .containsExactly(
                        tuple("email", "must be a valid email address"),
                        tuple("password", "must be 8 to 72 bytes of UTF-8"),
                        tuple("name", "must be 1 to 100 characters")));
  }

  @Test
  void allMissingFieldsAreReportedAtOnce() {
    assertRefused(() -> new RegisterCommand(null, null, null))
        .containsExactly(
            new FieldViolation("email", "is required"),
            new FieldViolation("password", "is required"),
            new FieldViolation("name", "is required"));
  }

  @Test
  void toStringHidesThePassword() {
    String text = new RegisterCommand(EMAIL, "my-secret-password", NAME).toString();

    assertThat(text).doesNotContain("my-secret-password").contains(EMAIL).contains(NAME);
  }

  private static ListAssert<FieldViolation> assertRefused(ThrowingCallable construction) {
    ValidationException refused = catchThrowableOfType(ValidationException.class, construction);
    assertThat(refused).as("a ValidationException").isNotNull();
    return assertThat(refused.violations());
  }
}
