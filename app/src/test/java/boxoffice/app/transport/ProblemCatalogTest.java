package boxoffice.app.transport;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.domain.ProblemCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProblemCatalogTest {
  @Test
  void everyCodeIsListedUnderTheStatusesTheReadmeGivesIt() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    Matcher row = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\| ([0-9, ]+) \\|").matcher(readme);
    Set<String> fromReadme = new HashSet<>();
    while (row.find()) {
      for (String status : row.group(2).split(",")) {
        fromReadme.add(row.group(1) + " " + status.strip());
      }
    }
    Set<String> fromCatalog = new HashSet<>();
    for (ProblemCatalog.Entry entry : ProblemCatalog.ENTRIES) {
      entry.codes().forEach(code -> fromCatalog.add(code.name() + " " + entry.status()));
    }

    assertThat(fromCatalog).isEqualTo(fromReadme);
    assertThat(Arrays.stream(ProblemCode.values()).map(Enum::name))
        .allSatisfy(code -> assertThat(fromCatalog).anyMatch(c -> c.startsWith(code + " ")));
  }

  @Test
  void statusesAreListedOnceInOrder() {
    assertThat(ProblemCatalog.ENTRIES.stream().map(ProblemCatalog.Entry::status))
        .isSorted()
        .doesNotHaveDuplicates();
  }
}
