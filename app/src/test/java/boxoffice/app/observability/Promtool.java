package boxoffice.app.observability;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Prometheus' promtool from the repository root. */
final class Promtool {
  /** The repository root: tests run in the app module's directory. */
  static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  private static final String MISSING =
      "promtool is not on the PATH. It validates prometheus/*.yml and runs the alert unit tests;"
          + " install it with Debian's prometheus package: sudo apt-get install -y prometheus";

  private Promtool() {}

  /** What promtool printed and its exit code. */
  record Result(int exitCode, String output) {
    @Override
    public String toString() {
      return "exit code " + exitCode + ":\n" + output;
    }
  }

  static Result run(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add("promtool");
    command.addAll(List.of(arguments));
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .directory(REPOSITORY.toFile())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      return fail(MISSING + " (" + e.getMessage() + ")");
    }
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(1, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return fail("promtool " + String.join(" ", arguments) + " did not finish within a minute");
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      process.destroyForcibly();
      throw new IllegalStateException("reading promtool's output failed", e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while promtool ran", e);
    }
  }
}
