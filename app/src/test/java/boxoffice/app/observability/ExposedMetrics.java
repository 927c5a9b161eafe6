package boxoffice.app.observability;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a Prometheus text exposition offers: metric families with their type, and per series name
 * the labels its samples carry with the values seen.
 */
final class ExposedMetrics {
  private final Map<String, String> typeByFamily = new HashMap<>();
  private final Map<String, Map<String, Set<String>>> labelsBySeriesName = new HashMap<>();

  private ExposedMetrics() {}

  static ExposedMetrics parse(String exposition) {
    ExposedMetrics metrics = new ExposedMetrics();
    for (String line : exposition.split("\n")) {
      if (line.startsWith("# TYPE ")) {
        String[] parts = line.split(" ");
        metrics.typeByFamily.put(parts[2], parts.length > 3 ? parts[3] : "untyped");
      } else if (!line.isBlank() && !line.startsWith("#")) {
        metrics.sample(line);
      }
    }
    return metrics;
  }

  /** {@code name{label="value",...} number}: values may hold escaped quotes and braces. */
  private void sample(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
      i++;
    }
    Map<String, Set<String>> labels =
        labelsBySeriesName.computeIfAbsent(line.substring(0, i), n -> new HashMap<>());
    if (i >= line.length() || line.charAt(i) != '{') {
      return;
    }
    i++;
    while (i < line.length() && line.charAt(i) != '}') {
      int equals = line.indexOf('=', i);
      String label = line.substring(i, equals).trim();
      StringBuilder value = new StringBuilder();
      i = equals + 2; // past ="
      while (line.charAt(i) != '"') {
        if (line.charAt(i) == '\\') {
          char escaped = line.charAt(i + 1);
          value.append(escaped == 'n' ? '\n' : escaped);
          i += 2;
        } else {
          value.append(line.charAt(i++));
        }
      }
      i++; // past the closing quote
      if (line.charAt(i) == ',') {
        i++;
      }
      labels.computeIfAbsent(label, l -> new HashSet<>()).add(value.toString());
    }
  }

  /**
   * Whether a query can select {@code name}: a series name, a family, a histogram's or summary's
   * {@code _bucket}/{@code _sum}/{@code _count} series, or a counter's {@code _total}.
   */
  boolean offers(String name) {
    if (labelsBySeriesName.containsKey(name) || typeByFamily.containsKey(name)) {
      return true;
    }
    for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
      if (name.endsWith(suffix)) {
        String type = typeByFamily.get(name.substring(0, name.length() - suffix.length()));
        if ("histogram".equals(type) || ("summary".equals(type) && !suffix.equals("_bucket"))) {
          return true;
        }
      }
    }
    return name.endsWith("_total")
        && "counter".equals(typeByFamily.get(name.substring(0, name.length() - "_total".length())));
  }

  /** The values of {@code label} across the samples named {@code seriesName}, if any carry it. */
  Optional<Set<String>> labelValues(String seriesName, String label) {
    return Optional.ofNullable(labelsBySeriesName.getOrDefault(seriesName, Map.of()).get(label));
  }

  /** Whether samples named {@code seriesName} were exposed (families can expose none). */
  boolean hasSamples(String seriesName) {
    return labelsBySeriesName.containsKey(seriesName);
  }

  int familyCount() {
    return typeByFamily.size();
  }
}
