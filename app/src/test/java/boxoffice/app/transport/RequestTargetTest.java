package boxoffice.app.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTargetTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "cursor=%%%garbage",
        "q=%",
        "q=%a",
        "q=%zz",
        "q=%C3%28",
        "q=%ED%A0%80",
        "q=%C0%AF",
        "q=%F4%90%80%80",
        "q=%E2%82",
        "q=a%00b"
      })
  void malformedTargetsAreRefused(String raw) {
    assertThat(RequestTarget.problemWith(raw)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "q=jazz", "q=%C3%A9t%C3%A9+%F0%9F%8E%AD", "a=1&b=&c", "/api/v1/events/x%2Fy"})
  void wellFormedTargetsPass(String raw) {
    assertThat(RequestTarget.problemWith(raw)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\uD800", "\uDC00a", "\uDC00\uD800", "x\u0000"})
  void unstorableTextIsNamed(String text) {
    assertThat(StorableText.problemWith(text)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Zo\u00eb", "\uD83C\uDF9F", "a\uD83D\uDE00b"})
  void validUnicodeIncludingAstralCharactersIsStorable(String text) {
    assertThat(StorableText.problemWith(text)).isEmpty();
  }
}
