package boxoffice.app.transport;

/**
 * A path template made of literal segments and whole-segment parameters ({@code /events/{id}}),
 * matched as Javalin matches it with trailing slashes ignored: the same number of segments, each
 * literal equal (case-sensitive), each parameter a non-empty run of characters other than '/', and
 * at most one '/' after the last.
 */
final class SegmentTemplate {
  /** The literal of each segment, null for a parameter. */
  private final String[] literals;

  private SegmentTemplate(String[] literals) {
    this.literals = literals;
  }

  /** The template, or null when it has anything else (wildcards, {@code <param>}, partial). */
  static SegmentTemplate of(String path) {
    if (!path.startsWith("/") || path.equals("/") || path.endsWith("/") || path.contains("//")) {
      return null;
    }
    String[] segments = path.substring(1).split("/", -1);
    String[] literals = new String[segments.length];
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      boolean parameter =
          segment.length() > 2
              && segment.charAt(0) == '{'
              && segment.indexOf('}') == segment.length() - 1
              && segment.indexOf('{', 1) < 0;
      if (parameter) {
        literals[i] = null;
      } else if (segment
          .chars()
          .anyMatch(c -> c == '{' || c == '}' || c == '<' || c == '>' || c == '*')) {
        return null;
      } else {
        literals[i] = segment;
      }
    }
    return new SegmentTemplate(literals);
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
}
