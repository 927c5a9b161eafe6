package boxoffice.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Logstash pipeline reads the app's JSON lines over TCP and writes daily indices that the
 * Kibana data view covers.
 */
class LogstashPipelineTest {
  private static final Path PIPELINE =
      Promtool.REPOSITORY.resolve("elk/logstash/pipeline/boxoffice.conf");

  @Test
  void thePipelineHasInputFilterAndOutputSectionsWithBalancedBraces() throws IOException {
    assertThat(topLevelSections(code())).containsExactly("input", "filter", "output");
  }

  @Test
  void itReadsJsonLinesOnPort5000() throws IOException {
    String code = code();

    assertThat(code).containsPattern("tcp\\s*\\{[^}]*port\\s*=>\\s*5000");
    assertThat(code).containsPattern("codec\\s*=>\\s*json_lines");
  }

  @Test
  void itWritesDailyIndicesToElasticsearch() throws IOException {
    String code = code();

    assertThat(code).containsPattern("elasticsearch\\s*\\{");
    assertThat(code).contains("\"http://elasticsearch:9200\"");
    assertThat(code).containsPattern("index\\s*=>\\s*\"boxoffice-logs-%\\{\\+YYYY\\.MM\\.dd}\"");
  }

  @Test
  void accessLinesKeepStatusAndDurationNumeric() throws IOException {
    String code = code();

    assertThat(code).contains("[logger_name] == \"boxoffice.access\"");
    assertThat(code).containsPattern("\"status\"\\s*=>\\s*\"integer\"");
    assertThat(code).containsPattern("\"durationMs\"\\s*=>\\s*\"float\"");
  }

  @Test
  void theKibanaDataViewCoversTheIndicesThePipelineWrites() throws IOException {
    Matcher index = Pattern.compile("index\\s*=>\\s*\"([^\"]+)\"").matcher(code());
    assertThat(index.find()).isTrue();
    String todaysIndex =
        index
            .group(1)
            .replace(
                "%{+YYYY.MM.dd}",
                DateTimeFormatter.ofPattern("yyyy.MM.dd").format(LocalDate.now()));
    String dataView =
        ObservabilityFiles.kibanaSavedObjects().stream()
            .filter(o -> o.path("type").asText().equals("index-pattern"))
            .map(o -> o.path("attributes").path("title").asText())
            .findFirst()
            .orElseThrow();

    assertThat(todaysIndex)
        .doesNotContain("%{")
        .matches(Pattern.quote(dataView).replace("*", "\\E.*\\Q"));
  }

  /** The pipeline without comments. */
  private static String code() throws IOException {
    StringBuilder code = new StringBuilder();
    for (String line : Files.readAllLines(PIPELINE)) {
      if (!line.strip().startsWith("#")) {
        code.append(line).append('\n');
      }
    }
    return code.toString();
  }

  /** The names of the top-level blocks; fails on unbalanced braces. Quoted text is skipped. */
  private static List<String> topLevelSections(String code) {
    List<String> sections = new ArrayList<>();
    int depth = 0;
    String lastWord = "";
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '"' || c == '\'') {
        int close = code.indexOf(c, i + 1);
        assertThat(close).as("string opened at %d is closed", i).isPositive();
        i = close;
      } else if (Character.isLetter(c)) {
        int end = i;
        while (end < code.length()
            && (Character.isLetterOrDigit(code.charAt(end)) || code.charAt(end) == '_')) {
          end++;
        }
        lastWord = code.substring(i, end);
        i = end - 1;
      } else if (c == '{') {
        if (depth == 0) {
          sections.add(lastWord);
        }
        depth++;
      } else if (c == '}') {
        depth--;
        assertThat(depth).as("closing brace at %d has an opening one", i).isNotNegative();
      }
    }
    assertThat(depth).as("every brace is closed").isZero();
    return sections;
  }
}
