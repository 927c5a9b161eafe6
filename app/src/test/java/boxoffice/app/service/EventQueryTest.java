package boxoffice.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventQueryTest {
  @Test
  void wordsAreLowerCaseRunsOfLettersMarksAndDigits() {
    assertThat(EventQuery.wordsOf("Jazz, in the PARK! 2030"))
        .containsExactly("jazz", "in", "the", "park", "2030");
    assertThat(EventQuery.wordsOf("नमस्ते दुनिया")).containsExactly("नमस्ते", "दुनिया");
    assertThat(EventQuery.wordsOf(null)).isEmpty();
    assertThat(EventQuery.wordsOf(" ,;- ")).isEmpty();
  }

  @Test
  void aRepeatedWordCountsOnce() {
    assertThat(EventQuery.wordsOf("London london LONDON")).containsExactly("london");
  }

  @Test
  void aWordAnotherWordStartsWithAddsNothingAndIsLeftOut() {
    assertThat(EventQuery.wordsOf("lon london jazz")).containsExactlyInAnyOrder("london", "jazz");
    assertThat(EventQuery.wordsOf("london lon jazz")).containsExactlyInAnyOrder("london", "jazz");
    assertThat(EventQuery.wordsOf("jazz jazzy")).containsExactly("jazzy");
  }

  @Test
  void atMostEightDistinctWordsAreKept() {
    assertThat(EventQuery.wordsOf("a a a a a a a a a b c d e f g h i j"))
        .containsExactly("a", "b", "c", "d", "e", "f", "g", "h");
  }
}
