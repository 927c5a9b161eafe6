package boxoffice.app.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Files of the repository the deployment configuration lives in, and the tools that check it. */
final class RepositoryFiles {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Path ROOT = findRoot();

  private RepositoryFiles() {}

  /** The repository root: the nearest directory up from here that holds docker-compose.yml. */
  static Path root() {
    return ROOT;
  }

  static Path path(String relative) {
    return ROOT.resolve(relative);
  }

  static String read(String relative) {
    try {
      return Files.readString(path(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + relative, e);
    }
  }

  static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("not valid YAML", e);
    }
  }

  /** Every non-empty document of a multi-document YAML stream. */
  static List<JsonNode> yamlDocuments(String text) {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
      while (it.hasNextValue()) {
        JsonNode document = it.nextValue();
        if (document != null && document.isObject()) {
          documents.add(document);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("not valid YAML", e);
    }
    return documents;
  }

  /** What a finished command printed and how it ended. */
  record Outcome(int exitCode, String stdout, String stderr) {
    String describe() {
      return "exit code " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
    }
  }

  /**
   * Runs a command in the repository root. A missing program is reported by {@code missingHint}
   * (how to install it), never skipped.
   */
  static Outcome run(String missingHint, String... command) {
    Process process;
    try {
      process = new ProcessBuilder(command).directory(ROOT.toFile()).start();
    } catch (IOException e) {
      throw new AssertionError(
          "cannot run " + command[0] + " (" + e.getMessage() + "): " + missingHint, e);
    }
    try {
      process.getOutputStream().close();
      CompletableFuture<String> stdout = readAsync(process, true);
      CompletableFuture<String> stderr = readAsync(process, false);
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish within 120 s");
      }
      return new Outcome(process.exitValue(), stdout.join(), stderr.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new AssertionError("interrupted while running " + command[0], e);
    }
  }

  private static CompletableFuture<String> readAsync(Process process, boolean stdout) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            byte[] bytes =
                (stdout ? process.getInputStream() : process.getErrorStream()).readAllBytes();
            return new String(bytes, StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static Path findRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("docker-compose.yml"))
          && Files.isRegularFile(d.resolve("pom.xml"))) {
        return d;
      }
    }
    throw new AssertionError("no docker-compose.yml next to a pom.xml in " + dir + " or above");
  }
}
