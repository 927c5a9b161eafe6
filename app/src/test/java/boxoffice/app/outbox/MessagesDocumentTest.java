package boxoffice.app.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * notification/MESSAGES.md, the contract people read, names exactly the message types and fields
 * the app publishes to Kafka: one {@code ### `type`} (or {@code ####}) heading per type, and the
 * field names of the JSON example under it (nested ones included).
 */
class MessagesDocumentTest {
  private static final Path DOCUMENT = Path.of("..", "notification", "MESSAGES.md");
  private static final Pattern TYPE_HEADING = Pattern.compile("(?m)^#{3,4} `([^`]+)`");
  private static final Pattern JSON_BLOCK = Pattern.compile("(?s)```json\\n(.*?)```");
  private static final Pattern FIELD_NAME = Pattern.compile("\"([A-Za-z_]+)\"\\s*:");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theDocumentedTypesAndPayloadFieldsAreThoseTheAppPublishes() throws Exception {
    String document = read();
    Map<String, Set<String>> documented = new TreeMap<>();
    Matcher heading = TYPE_HEADING.matcher(document);
    while (heading.find()) {
      Matcher example = JSON_BLOCK.matcher(document);
      assertThat(example.find(heading.end()))
          .as("a JSON example under %s", heading.group(1))
          .isTrue();
      documented.put(heading.group(1), fieldNames(example.group(1)));
    }

    Map<String, Set<String>> published = new TreeMap<>();
    for (var message : OutboxSamples.all()) {
      var kafka = OutboxSamples.toKafka(message);
      if (kafka.isPresent()) {
        JsonNode value = json.readTree(kafka.get().value());
        collectNames(
            value.get("payload"),
            published.computeIfAbsent(value.get("type").asText(), t -> new TreeSet<>()));
      }
    }

    assertThat(documented).isNotEmpty().isEqualTo(published);
  }

  @Test
  void theDocumentedEnvelopeIsTheOneTheAppPublishes() throws Exception {
    String document = read();
    int section = document.indexOf("## Envelope");
    assertThat(section).isNotNegative();
    Matcher example = JSON_BLOCK.matcher(document);
    assertThat(example.find(section)).isTrue();
    Set<String> documented = fieldNames(example.group(1));

    for (var message : OutboxSamples.all()) {
      var kafka = OutboxSamples.toKafka(message);
      if (kafka.isPresent()) {
        Set<String> envelope = new TreeSet<>();
        json.readTree(kafka.get().value()).fieldNames().forEachRemaining(envelope::add);
        assertThat(envelope).as("envelope of %s", message).isEqualTo(documented);
      }
    }
  }

  private static String read() throws Exception {
    return Files.readString(DOCUMENT, StandardCharsets.UTF_8);
  }

  /** The field names of an example, which need not be valid JSON ("…" stands for values). */
  private static Set<String> fieldNames(String example) {
    Set<String> names = new TreeSet<>();
    Matcher name = FIELD_NAME.matcher(example);
    while (name.find()) {
      names.add(name.group(1));
    }
    return names;
  }

  private static void collectNames(JsonNode node, Set<String> names) {
    node.properties()
        .forEach(
            field -> {
              names.add(field.getKey());
              if (field.getValue().isObject()) {
                collectNames(field.getValue(), names);
              }
            });
  }
}
