package boxoffice.app.service;

import boxoffice.app.domain.EventStatus;
import java.time.Instant;
import java.util.ArrayList;
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
   * Splits free text into at most eight distinct lower-case words of letters (with their combining
   * marks, as in Hindi or Thai) and digits. Every word matches as a prefix, so a word that another
   * one starts with (a repeat, or "lon" beside "london") adds no condition and is left out: the
   * planner would take each repeat for another independent filter and expect far fewer matches than
   * there are.
   */
  public static List<String> wordsOf(String text) {
    if (text == null) {
      return List.of();
    }
    Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
    List<String> words = new ArrayList<>();
    while (matcher.find() && words.size() < MAX_WORDS) {
      String word = matcher.group();
      if (words.stream().anyMatch(kept -> kept.startsWith(word))) {
        continue;
      }
      words.removeIf(word::startsWith);
      words.add(word);
    }
    return words;
  }
}
