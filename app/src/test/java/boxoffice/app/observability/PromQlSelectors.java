package boxoffice.app.observability;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The series selectors of a PromQL expression, found by a small tokenizer: an identifier is a
 * metric name unless it calls a function (followed by {@code (}), is an aggregation ({@code sum},
 * {@code max}, ...) or operator word ({@code by}, {@code and}, {@code offset}, ...), or is a label
 * name: inside {@code {...}} matchers, or in the label list after {@code by}, {@code without},
 * {@code on}, {@code ignoring}, {@code group_left} and {@code group_right}. String literals, range
 * and subquery brackets ({@code [5m]}, {@code [$__rate_interval]}), numbers, durations and Grafana
 * variables are skipped. {@code {__name__="x"}} selects {@code x}.
 */
final class PromQlSelectors {
  /** Operator words, number literals, and aggregations (which may be followed by by/without). */
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "bool",
          "offset",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "atan2",
          "inf",
          "nan",
          "sum",
          "min",
          "max",
          "avg",
          "group",
          "stddev",
          "stdvar",
          "count",
          "count_values",
          "bottomk",
          "topk",
          "quantile",
          "limitk",
          "limit_ratio");

  private static final Set<String> LABEL_LIST_KEYWORDS =
      Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

  /** One label matcher: {@code label op "value"}, op one of =, !=, =~, !~. */
  record Matcher(String label, String op, String value) {}

  /** A metric name and the label matchers in the braces after it. */
  record Selector(String metric, List<Matcher> matchers) {}

  private final String text;
  private int pos;

  private PromQlSelectors(String text) {
    this.text = text;
  }

  /** The selectors of {@code expression}, in order of appearance. */
  static List<Selector> of(String expression) {
    return new PromQlSelectors(expression).scan();
  }

  /** The metric names {@code expression} selects, in order of appearance. */
  static Set<String> metricNames(String expression) {
    Set<String> names = new LinkedHashSet<>();
    of(expression).forEach(s -> names.add(s.metric()));
    return names;
  }

  private List<Selector> scan() {
    List<Selector> selectors = new ArrayList<>();
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (isQuote(c)) {
        string();
      } else if (c == '#') {
        skipComment();
      } else if (c == '{') {
        List<Matcher> matchers = matchers();
        matchers.stream()
            .filter(m -> m.label().equals("__name__") && m.op().equals("="))
            .findFirst()
            .ifPresent(m -> selectors.add(new Selector(m.value(), matchers)));
      } else if (c == '[') {
        skipPast(']');
      } else if (c == '$') {
        skipVariable();
      } else if (Character.isDigit(c) || (c == '.' && nextIsDigit())) {
        skipNumber();
      } else if (isIdentifierStart(c)) {
        String word = identifier();
        String lower = word.toLowerCase(Locale.ROOT);
        char next = peekNonSpace();
        if (LABEL_LIST_KEYWORDS.contains(lower)) {
          skipLabelList();
        } else if (!KEYWORDS.contains(lower) && next != '(') {
          if (next == '{') {
            skipSpaces();
            selectors.add(new Selector(word, matchers()));
          } else {
            selectors.add(new Selector(word, List.of()));
          }
        }
      } else {
        pos++;
      }
    }
    return selectors;
  }

  /** Reads a {@code {...}} block of matchers, the opening brace at {@code pos}. */
  private List<Matcher> matchers() {
    List<Matcher> matchers = new ArrayList<>();
    pos++;
    while (pos < text.length() && text.charAt(pos) != '}') {
      char c = text.charAt(pos);
      if (isIdentifierStart(c)) {
        String label = identifier();
        skipSpaces();
        int opStart = pos;
        while (pos < text.length() && "=!~".indexOf(text.charAt(pos)) >= 0) {
          pos++;
        }
        String op = text.substring(opStart, pos);
        skipSpaces();
        if (pos < text.length() && isQuote(text.charAt(pos))) {
          matchers.add(new Matcher(label, op, string()));
        }
      } else if (isQuote(c)) {
        string();
      } else {
        pos++;
      }
    }
    pos++;
    return matchers;
  }

  /** After by/without/on/ignoring/group_x: the parenthesised label names, if any. */
  private void skipLabelList() {
    if (peekNonSpace() == '(') {
      skipSpaces();
      skipPast(')');
    }
  }

  /** Reads a string literal starting at {@code pos}; returns its value, escapes resolved. */
  private String string() {
    char quote = text.charAt(pos++);
    StringBuilder value = new StringBuilder();
    while (pos < text.length() && text.charAt(pos) != quote) {
      char c = text.charAt(pos);
      if (c == '\\' && quote != '`' && pos + 1 < text.length()) {
        value.append(text.charAt(pos + 1));
        pos += 2;
      } else {
        value.append(c);
        pos++;
      }
    }
    pos++;
    return value.toString();
  }

  private void skipComment() {
    while (pos < text.length() && text.charAt(pos) != '\n') {
      pos++;
    }
  }

  /** Skips to just after {@code close}, jumping over string literals. */
  private void skipPast(char close) {
    pos++;
    while (pos < text.length() && text.charAt(pos) != close) {
      if (isQuote(text.charAt(pos))) {
        string();
      } else {
        pos++;
      }
    }
    pos++;
  }

  /** A Grafana variable: {@code $name} or {@code ${name}}. */
  private void skipVariable() {
    pos++;
    if (pos < text.length() && text.charAt(pos) == '{') {
      skipPast('}');
    } else {
      while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
        pos++;
      }
    }
  }

  /** Numbers and durations: 0.99, 1e3, 1e-3, 0x1f, 5m, 1h30m. */
  private void skipNumber() {
    int start = pos;
    boolean hex = text.startsWith("0x", pos) || text.startsWith("0X", pos);
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (Character.isLetterOrDigit(c) || c == '.' || c == '_') {
        pos++;
      } else if ((c == '+' || c == '-') && !hex && isExponent(start)) {
        pos++;
      } else {
        break;
      }
    }
  }

  /** Whether the number read so far ends in the {@code e} of an exponent (as in 1e-3). */
  private boolean isExponent(int start) {
    if (pos - start < 2) {
      return false;
    }
    char e = text.charAt(pos - 1);
    char before = text.charAt(pos - 2);
    return (e == 'e' || e == 'E') && (Character.isDigit(before) || before == '.');
  }

  private String identifier() {
    int start = pos;
    while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private char peekNonSpace() {
    int i = pos;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i < text.length() ? text.charAt(i) : '\0';
  }

  private boolean nextIsDigit() {
    return pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1));
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\'' || c == '`';
  }

  private static boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
  }

  private static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || (c >= '0' && c <= '9');
  }
}
