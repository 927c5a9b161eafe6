package boxoffice.app.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CursorCodecTest {
  private static final byte[] SECRET =
      "a-test-signing-secret-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8);
  private static final List<String> POSITION =
      List.of("2030-05-01T12:00:00.123456Z", "3f1c1f2e-2d7b-4c55-9a0e-6d1b1c9a7e10");

  private final CursorCodec codec = new CursorCodec(SECRET);

  @Test
  void encodedCursorDecodesToItsPosition() {
    String cursor = codec.encode("users", POSITION);

    assertThat(codec.decode("users", cursor, 2)).isEqualTo(POSITION);
  }

  @Test
  void positionWithOneValueRoundTrips() {
    String cursor = codec.encode("events", List.of("42"));

    assertThat(codec.decode("events", cursor, 1)).containsExactly("42");
  }

  @Test
  void positionWithEmptyAndNonAsciiValuesRoundTrips() {
    List<String> position = List.of("", "Café € 日本", "a.b=c/d?e");

    String cursor = codec.encode("venues", position);

    assertThat(codec.decode("venues", cursor, 3)).isEqualTo(position);
  }

  @Test
  void cursorIsUrlSafeText() {
    String cursor = codec.encode("users", POSITION);

    assertThat(cursor).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
  }

  @Test
  void cursorIsAcceptedByAnotherCodecWithTheSameSecret() {
    // Every app instance derives the same key, so a cursor survives a load balancer hop.
    String cursor = codec.encode("users", POSITION);

    assertThat(new CursorCodec(SECRET.clone()).decode("users", cursor, 2)).isEqualTo(POSITION);
  }

  @Test
  void cursorIsBoundToItsList() {
    String cursor = codec.encode("users", POSITION);

    assertRefused(() -> codec.decode("events", cursor, 2));
    assertRefused(() -> codec.decode("user", cursor, 2));
    assertRefused(() -> codec.decode("USERS", cursor, 2));
  }

  @Test
  void cursorWithTamperedPayloadIsRefused() {
    String[] parts = codec.encode("users", POSITION).split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
    String lastChanged =
        payload.substring(0, payload.length() - 1) + (payload.endsWith("A") ? "B" : "A");
    String edited = encode(lastChanged);
    assertThat(edited).isNotEqualTo(parts[0]);

    assertRefused(() -> codec.decode("users", edited + "." + parts[1], 2));
  }

  @Test
  void cursorWhosePayloadWasSwappedForAnotherCursorsPayloadIsRefused() {
    String[] first = codec.encode("users", POSITION).split("\\.");
    String[] second = codec.encode("users", List.of("2031-01-01T00:00:00Z", "x")).split("\\.");

    assertRefused(() -> codec.decode("users", second[0] + "." + first[1], 2));
  }

  @Test
  void cursorWithTamperedTagIsRefused() {
    String[] parts = codec.encode("users", POSITION).split("\\.");
    // The first character of the tag carries six full bits, unlike the last one.
    char flipped = parts[1].charAt(0) == 'A' ? 'B' : 'A';
    String tag = flipped + parts[1].substring(1);

    assertRefused(() -> codec.decode("users", parts[0] + "." + tag, 2));
  }

  @Test
  void cursorWithShortenedOrMissingTagIsRefused() {
    String[] parts = codec.encode("users", POSITION).split("\\.");

    assertRefused(() -> codec.decode("users", parts[0] + "." + parts[1].substring(4), 2));
    assertRefused(() -> codec.decode("users", parts[0] + ".", 2));
    assertRefused(() -> codec.decode("users", parts[0], 2));
  }

  @Test
  void cursorWithAFullLengthHmacInsteadOfTheShortTagIsRefused() {
    String[] parts = codec.encode("users", POSITION).split("\\.");
    byte[] tag = Base64.getUrlDecoder().decode(parts[1]);
    byte[] longer = new byte[32];
    System.arraycopy(tag, 0, longer, 0, tag.length);

    assertRefused(() -> codec.decode("users", parts[0] + "." + encode(longer), 2));
  }

  @ParameterizedTest
  @EmptySource
  @ValueSource(
      strings = {
        ".",
        "..",
        "garbage",
        "a.b",
        "abc.def.ghi",
        "%%%.%%%",
        "not base64!.also not",
        "dXNlcnM.",
        ".dXNlcnM",
        "dXNlcnMfMQ.AAAAAAAAAAAAAAAAAAAAAA",
      })
  void garbageIsRefused(String cursor) {
    assertRefused(() -> codec.decode("users", cursor, 1));
  }

  @Test
  void veryLongStringIsRefused() {
    String cursor = "A".repeat(5_000) + "." + "B".repeat(5_000);

    assertRefused(() -> codec.decode("users", cursor, 2));
  }

  @Test
  void genuineCursorLongerThan1024CharactersIsRefused() {
    String cursor = codec.encode("users", List.of("x".repeat(1_000), "y"));
    assertThat(cursor.length()).isGreaterThan(1024);

    assertRefused(() -> codec.decode("users", cursor, 2));
  }

  @Test
  void cursorWithTheWrongNumberOfPartsIsRefused() {
    String cursor = codec.encode("users", POSITION);

    assertRefused(() -> codec.decode("users", cursor, 1));
    assertRefused(() -> codec.decode("users", cursor, 3));
    assertRefused(() -> codec.decode("users", cursor, 0));
  }

  @Test
  void cursorSignedWithAnotherSecretIsRefused() {
    CursorCodec other =
        new CursorCodec("another-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8));
    String cursor = other.encode("users", POSITION);

    assertRefused(() -> codec.decode("users", cursor, 2));
  }

  @Test
  void refusalIsABadRequestWithAClientSafeDetail() {
    assertThatExceptionOfType(HttpProblemException.class)
        .isThrownBy(() -> codec.decode("users", "garbage", 2))
        .withMessage("The cursor is invalid; start again from the first page")
        .satisfies(
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.slug()).isEqualTo("bad-request");
              assertThat(e.retryAfter()).isEmpty();
            });
  }

  private static void assertRefused(ThrowingCallable decode) {
    assertThatExceptionOfType(HttpProblemException.class)
        .isThrownBy(decode)
        .satisfies(e -> assertThat(e.status()).isEqualTo(400));
  }

  private static String encode(String text) {
    return encode(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
