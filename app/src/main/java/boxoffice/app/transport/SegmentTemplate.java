package boxoffice.app.transport;

import io.javalin.http.servlet.JavalinServletContextKt;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A path template made of literal segments and whole-segment parameters ({@code /events/{id}}),
 * matched as Javalin matches it with trailing slashes ignored: the same number of segments, each
 * literal equal (case-sensitive), each parameter a non-empty run of characters other than '/', and
 * at most one '/' after the last.
 */
final class SegmentTemplate {
  /** The literal of each segment, null for a parameter. */
  private final String[] literals;

  /** The name of each segment's parameter, null for a literal. */
  private final String[] names;

  private SegmentTemplate(String[] literals, String[] names) {
    this.literals = literals;
    this.names = names;
  }

  /** The template, or null when it has anything else (wildcards, {@code <param>}, partial). */
  static SegmentTemplate of(String path) {
    if (!path.startsWith("/") || path.equals("/") || path.endsWith("/") || path.contains("//")) {
      return null;
    }
    String[] segments = path.substring(1).split("/", -1);
    String[] literals = new String[segments.length];
    String[] names = new String[segments.length];
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean parameter =
          segment.length() > 2
              && segment.charAt(0) == '{'
              && segment.indexOf('}') == segment.length() - 1
              && segment.indexOf('{', 1) < 0;
      if (parameter) {
        names[i] = segment.substring(1, segment.length() - 1);
      } else if (segment
          .chars()
          .anyMatch(c -> c == '{' || c == '}' || c == '<' || c == '>' || c == '*')) {
        return null;
      } else {
        literals[i] = segment;
      }
    }
    return new SegmentTemplate(literals, names);
  }

  boolean matches(String uri) {
    int end = uri.length();
    if (end > 1 && uri.charAt(end - 1) == '/') {
      end--;
    }
    int position = 0;
    for (String literal : literals) {
      if (position >= end || uri.charAt(position) != '/') {
        return false;
      }
      position++;
      int next = uri.indexOf('/', position);
      if (next < 0 || next > end) {
        next = end;
      }
      int length = next - position;
      if (literal == null
          ? length == 0
          : length != literal.length() || !uri.startsWith(literal, position)) {
        return false;
      }
      position = next;
    }
    return position == end;
  }

  /**
   * The parameters of a request that {@link #matches} this template, decoded as Javalin decodes
   * them (percent escapes, with '+' kept as it is).
   */
  Map<String, String> pathParams(String uri) {
    Map<String, String> params = new LinkedHashMap<>();
    int position = 0;
    for (int i = 0; i < literals.length; i++) {
      position++;
      int next = uri.indexOf('/', position);
      if (next < 0) {
        next = uri.length();
      }
      if (names[i] != null) {
        params.put(names[i], decoded(uri.substring(position, next)));
      }
      position = next;
    }
    return params;
  }

  private static String decoded(String value) {
    return value.indexOf('%') < 0 && value.indexOf('+') < 0
        ? value
        : JavalinServletContextKt.urlDecode(value);
  }
}
