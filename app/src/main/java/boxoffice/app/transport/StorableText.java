package boxoffice.app.transport;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Checks that client text survives the trip to the database unchanged. Java's lenient decoders and
 * encoders replace what they cannot represent ('?' or U+FFFD); we refuse such input instead, so
 * what is stored is always exactly what was sent.
 */
final class StorableText {
  private StorableText() {}

  /** The reason {@code text} cannot be stored as sent, if there is one. */
  static Optional<String> problemWith(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return Optional.of("NUL characters");
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++; // a valid pair: one astral character such as an emoji
      } else if (Character.isSurrogate(c)) {
        return Optional.of("unpaired UTF-16 surrogates (invalid Unicode)");
      }
    }
    return Optional.empty();
  }

  /**
   * True when {@code bytes} are well-formed UTF-8: no overlong forms, no encoded surrogates, no
   * code points beyond U+10FFFF, no truncated sequences.
   */
  static boolean isStrictUtf8(byte[] bytes) {
    return isStrictUtf8(ByteBuffer.wrap(bytes));
  }

  static boolean isStrictUtf8(ByteBuffer bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes);
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
