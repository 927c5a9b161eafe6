package boxoffice.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node.js checks under {@code api-tests/} (linters, the generated client, the browser) and
 * the README's shell examples. They need Node.js and {@code npm ci --prefix api-tests}, which
 * {@code .ci/run} installs: when they are missing the test fails and says so, it never skips.
 */
public final class ApiTestsTools {
  /** The npm project with the pinned tools, next to the app module. */
  public static final Path DIRECTORY = Path.of("..", "api-tests").toAbsolutePath().normalize();

  private ApiTestsTools() {}

  /** What a finished command printed (stdout and stderr together) and how it exited. */
  public record Outcome(int exitCode, String output) {}

  /** {@code node <script> <args>} in {@code api-tests/}, after checking the tools are installed. */
  public static Outcome node(
      String script, Duration timeout, Map<String, String> env, String... args) {
    assertThat(DIRECTORY.resolve("node_modules"))
        .as(
            "the Node.js tools of %s are not installed: run `npm ci --prefix api-tests` (.ci/run does)",
            DIRECTORY)
        .isDirectory();
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(args));
    return run(command, DIRECTORY, timeout, env);
  }

  /** Runs a command to its end (or kills it at the timeout) and returns what it printed. */
  public static Outcome run(
      List<String> command, Path directory, Duration timeout, Map<String, String> env) {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    try {
      Path log = Files.createTempFile("api-tests-", ".log");
      builder.redirectOutput(log.toFile());
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new AssertionError(
            "could not start " + command.getFirst() + " (is it installed? .ci/run installs it)", e);
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError(
            String.join(" ", command)
                + " did not finish within "
                + timeout
                + ":\n"
                + Files.readString(log, StandardCharsets.UTF_8));
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      Files.delete(log);
      return new Outcome(process.exitValue(), output);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
