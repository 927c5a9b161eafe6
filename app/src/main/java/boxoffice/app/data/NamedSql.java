package boxoffice.app.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A statement written with named parameters ({@code :name}, as in the DAOs) turned once into JDBC's
 * positional form. A {@code ::} cast and anything inside quotes or comments are left alone.
 */
final class NamedSql {
  private final String sql;
  private final String jdbc;
  private final Map<String, int[]> positions;

  private NamedSql(String sql, String jdbc, Map<String, int[]> positions) {
    this.sql = sql;
    this.jdbc = jdbc;
    this.positions = positions;
  }

  static NamedSql parse(String sql) {
    StringBuilder jdbc = new StringBuilder(sql.length());
    Map<String, List<Integer>> found = new HashMap<>();
    int parameter = 0;
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        int end = sql.indexOf(c, i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated quote at " + i);
        }
        jdbc.append(sql, i, end + 1);
        i = end + 1;
      } else if (c == '-' && sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? sql.length() : end;
        jdbc.append(sql, i, end);
        i = end;
      } else if (c == ':' && sql.startsWith("::", i)) {
        jdbc.append("::");
        i += 2;
      } else if (c == ':' && i + 1 < sql.length() && isNameStart(sql.charAt(i + 1))) {
        int end = i + 1;
        while (end < sql.length() && isNamePart(sql.charAt(end))) {
          end++;
        }
        found.computeIfAbsent(sql.substring(i + 1, end), k -> new ArrayList<>()).add(++parameter);
        jdbc.append('?');
        i = end;
      } else if (c == '?') {
        throw new IllegalArgumentException("a positional parameter in a named statement at " + i);
      } else {
        jdbc.append(c);
        i++;
      }
    }
    Map<String, int[]> positions = new HashMap<>();
    found.forEach(
        (name, at) -> positions.put(name, at.stream().mapToInt(Integer::intValue).toArray()));
    return new NamedSql(sql, jdbc.toString(), Map.copyOf(positions));
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** The statement as written, with its names: what traces show. */
  String sql() {
    return sql;
  }

  /** The statement with a {@code ?} for each use of a name. */
  String jdbc() {
    return jdbc;
  }

  /** The 1-based positions of {@code name}; fails for a name the statement does not use. */
  int[] positionsOf(String name) {
    int[] at = positions.get(name);
    if (at == null) {
      throw new IllegalArgumentException("the statement has no parameter :" + name);
    }
    return at;
  }

  /** The names the statement uses. */
  Set<String> names() {
    return positions.keySet();
  }
}
