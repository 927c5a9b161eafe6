package boxoffice.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No code path of the server changes or removes an audit entry: the SQL for it does not exist. */
class AppendOnlyTest {
  private static final Pattern CHANGES_ENTRIES =
      Pattern.compile(
          "(?i)(UPDATE\\s+audit_entries|DELETE\\s+FROM\\s+audit_entries|TRUNCATE\\s+(TABLE\\s+)?audit_entries)");

  @Test
  void noSourceFileHoldsSqlThatChangesOrRemovesEntries() throws IOException {
    List<Path> sources;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      sources = files.filter(file -> file.toString().endsWith(".java")).toList();
    }

    assertThat(sources).isNotEmpty();
    for (Path source : sources) {
      assertThat(CHANGES_ENTRIES.matcher(Files.readString(source)).find())
          .as("%s changes or removes audit entries", source)
          .isFalse();
    }
  }
}
