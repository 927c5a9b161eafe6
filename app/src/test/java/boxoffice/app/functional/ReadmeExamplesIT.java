package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.testing.ApiTestsTools;
import boxoffice.app.testing.RunningApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code curl} block of README.md, taken from the file itself, runs in order in bash against
 * a real server, as a reader pasting them would: the variables one block captures ({@code jq -r
 * .id}) are there in the next, and any answer of 400 or more fails the block. A {@code <!--
 * readme-examples: clock <instant> -->} comment before a block moves the server's clock there (the
 * text says "on the day", "once the event has started"); {@code <!-- readme-examples: skip (reason)
 * -->} marks a block that needs more than this server (a Kubernetes cluster).
 */
class ReadmeExamplesIT {
  private static final Path README = Path.of("..", "README.md");

  @RegisterExtension
  static final RunningApp app =
      RunningApp.perClass(
          Map.of("ADMIN_EMAIL", "admin@boxoffice.local", "ADMIN_PASSWORD", "boxoffice-dev-admin"));

  private static final Pattern FENCE =
      Pattern.compile("(?ms)^( *)```(bash|sh|shell)\\n(.*?)^\\1```");
  private static final Pattern CURL = Pattern.compile("(?<![\\w-])curl ");
  private static final Pattern MARKER =
      Pattern.compile("<!-- readme-examples: (clock|skip) ?(.*?) -->\\s*$");

  /**
   * Fails on any HTTP error, keeps what each block captured for the next one, and refuses a
   * captured value that is empty or "null" (what {@code jq -r} prints for a missing field).
   */
  private static final String PRELUDE =
      """
      set -euo pipefail
      curl() { command curl --fail-with-body --show-error --max-time 20 "$@"; }
      __before=$(compgen -v | sort)
      source "$README_STATE"
      """;

  private static final String EPILOGUE =
      """

      for __v in $(comm -13 <(echo "$__before") <(compgen -v | sort)); do
        case "$__v" in __*|_|BASH*|PIPESTATUS|FUNCNAME) continue;; esac
        if [ -z "${!__v}" ] || [ "${!__v}" = null ]; then
          echo "the example left \\$$__v empty or null" >&2; exit 1
        fi
        declare -p "$__v"
      done > "$README_STATE.next"
      mv "$README_STATE.next" "$README_STATE"
      """;

  record Block(int line, String script, Optional<String> marker, String argument) {}

  @Test
  void everyCurlExampleOfTheReadmeRunsInOrder(@TempDir Path directory) throws IOException {
    List<Block> blocks = curlBlocks(Files.readString(README));
    Path state = Files.writeString(directory.resolve("state.sh"), "");
    String base = app.http().baseUrl().replaceFirst("^http://", "");

    assertThat(blocks).as("curl blocks in README.md").hasSizeGreaterThanOrEqualTo(6);
    int ran = 0;
    for (Block block : blocks) {
      if (block.marker().filter("skip"::equals).isPresent()) {
        assertThat(block.argument())
            .as("reason of the skipped block at line %d", block.line())
            .isNotBlank();
        continue;
      }
      if (block.marker().filter("clock"::equals).isPresent()) {
        Instant target = Instant.parse(block.argument());
        app.clock().advance(Duration.between(app.clock().instant(), target));
      }
      String script = PRELUDE + block.script().replace("localhost:8080", base) + EPILOGUE;
      var outcome =
          ApiTestsTools.run(
              List.of("bash", "-c", script),
              directory,
              Duration.ofMinutes(2),
              Map.of("README_STATE", state.toString()));
      assertThat(outcome.exitCode())
          .as(
              "README.md block at line %d failed:%n%s%n--- output:%n%s",
              block.line(), block.script(), outcome.output())
          .isZero();
      ran++;
    }
    assertThat(ran).isGreaterThanOrEqualTo(6);
  }

  @Test
  void everyBlockThatIsNotRunSaysWhy() throws IOException {
    assertThat(curlBlocks(Files.readString(README)))
        .filteredOn(b -> !b.script().contains("localhost:8080"))
        .allSatisfy(b -> assertThat(b.marker()).as("block at line %d", b.line()).hasValue("skip"));
  }

  private static List<Block> curlBlocks(String readme) {
    List<Block> blocks = new ArrayList<>();
    Matcher fence = FENCE.matcher(readme);
    while (fence.find()) {
      String indent = fence.group(1);
      String script = fence.group(3).replaceAll("(?m)^" + indent, "");
      if (!CURL.matcher(script).find()) {
        continue;
      }
      String before = readme.substring(0, fence.start()).stripTrailing();
      String lastLine = before.substring(before.lastIndexOf('\n') + 1).strip();
      Matcher marker = MARKER.matcher(lastLine);
      boolean marked = marker.find();
      blocks.add(
          new Block(
              before.split("\n", -1).length + 1,
              script,
              marked ? Optional.of(marker.group(1)) : Optional.empty(),
              marked ? marker.group(2).replaceAll("^\\(|\\)$", "") : ""));
    }
    return blocks;
  }
}
