package boxoffice.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * elk/kibana/*.ndjson is what the saved objects import API takes: one object per line with type, id
 * and attributes, references that resolve, and the data view and saved searches operators use.
 */
class KibanaSavedObjectsTest {
  private static final Path KIBANA = ObservabilityFiles.KIBANA;

  @Test
  void everyLineIsASavedObject() {
    List<JsonNode> objects = savedObjects();

    assertThat(objects).isNotEmpty();
    for (JsonNode object : objects) {
      assertThat(object.isObject()).as("%s", object).isTrue();
      assertThat(object.path("type").asText()).as("type of %s", object).isNotBlank();
      assertThat(object.path("id").asText()).as("id of %s", object).isNotBlank();
      assertThat(object.path("attributes").isObject()).as("attributes of %s", object).isTrue();
      assertThat(object.path("attributes").path("title").asText())
          .as("title of %s", object)
          .isNotBlank();
    }
    assertThat(objects.stream().map(o -> o.path("type").asText() + "/" + o.path("id").asText()))
        .doesNotHaveDuplicates();
  }

  @Test
  void theDataViewCoversTheDailyIndicesByTimestamp() {
    JsonNode dataView = onlyOfType("index-pattern");

    assertThat(dataView.path("attributes").path("title").asText()).isEqualTo("boxoffice-logs-*");
    assertThat(dataView.path("attributes").path("timeFieldName").asText()).isEqualTo("@timestamp");
  }

  @Test
  void savedSearchesFindErrorsAndKeyUserActions() throws IOException {
    Map<String, String> queryByTitle =
        savedObjects().stream()
            .filter(o -> o.path("type").asText().equals("search"))
            .collect(
                Collectors.toMap(
                    o -> o.path("attributes").path("title").asText(),
                    KibanaSavedObjectsTest::kuery));

    assertThat(queryByTitle.values()).contains("level:ERROR");
    // The logger the action lines are written under (StructuredLoggingIT reads them).
    assertThat(queryByTitle.values()).contains("logger_name:\"boxoffice.actions\"");
    assertThat(queryByTitle.values())
        .contains("logger_name:\"boxoffice.access\" and status >= 500");
  }

  @Test
  void everyReferenceResolvesToAnImportedObject() {
    List<JsonNode> objects = savedObjects();
    List<String> known =
        objects.stream().map(o -> o.path("type").asText() + "/" + o.path("id").asText()).toList();

    for (JsonNode object : objects) {
      for (JsonNode reference : object.path("references")) {
        assertThat(known)
            .as("reference %s of %s", reference, object.path("id").asText())
            .contains(reference.path("type").asText() + "/" + reference.path("id").asText());
      }
    }
  }

  @Test
  void theSetupScriptImportsEveryFileWithOverwrite() throws IOException {
    Path script = KIBANA.resolve("setup.sh");

    assertThat(Files.isExecutable(script)).as("setup.sh is executable").isTrue();
    assertThat(Files.readString(script))
        .startsWith("#!/bin/sh")
        .contains("/api/saved_objects/_import?overwrite=true")
        .contains("kbn-xsrf")
        .contains("*.ndjson");
  }

  private static String kuery(JsonNode search) {
    try {
      JsonNode source =
          ObservabilityFiles.JSON.readTree(
              search
                  .path("attributes")
                  .path("kibanaSavedObjectMeta")
                  .path("searchSourceJSON")
                  .asText());
      assertThat(source.path("query").path("language").asText()).isEqualTo("kuery");
      assertThat(source.path("indexRefName").asText()).isNotBlank();
      return source.path("query").path("query").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode onlyOfType(String type) {
    List<JsonNode> matching =
        savedObjects().stream().filter(o -> o.path("type").asText().equals(type)).toList();
    assertThat(matching).as("objects of type %s", type).hasSize(1);
    return matching.get(0);
  }

  private static List<JsonNode> savedObjects() {
    return ObservabilityFiles.kibanaSavedObjects();
  }
}
