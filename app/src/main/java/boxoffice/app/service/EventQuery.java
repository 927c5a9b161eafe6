package boxoffice.app.service;

import boxoffice.app.domain.EventStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An event search. {@code words} must all occur (as word prefixes) in title or description; {@code
 * from} is inclusive and {@code to} exclusive on the start time; {@code venue} matches case-
 * insensitively. {@code includeDrafts} is only ever true for administrators.
 */
public record EventQuery(
    List<String> words,
    Optional<EventStatus> status,
    Optional<Instant> from,
    Optional<Instant> to,
    Optional<String> venue,
    EventSort sort,
    boolean includeDrafts) {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
  private static final int MAX_WORDS = 8;

  public EventQuery {
    words = List.copyOf(words);
  }

  /**
   * Splits free text into at most eight lower-case words of letters (with their combining marks, as
   * in Hindi or Thai) and digits.
   */
  public static List<String> wordsOf(String text) {
    if (text == null) {
      return List.of();
    }
    Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
    List<String> words = new java.util.ArrayList<>();
    while (matcher.find() && words.size() < MAX_WORDS) {
      words.add(matcher.group());
    }
    return words;
  }
}
