package boxoffice.notification.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import boxoffice.notification.service.ZonedNotification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * MESSAGES.md against the decoder: every type has its section, every example payload there is read
 * as its type in the newest schema version (so the field names the document gives are the ones
 * read), and the dead-letter reasons it quotes are the decoder's.
 */
class MessagesDocumentTest {
  private static final Path DOCUMENT = Path.of("MESSAGES.md");
  private static final Pattern SECTION =
      Pattern.compile(
          "^#{3,4} `([a-z_.]+)`.*?^```json\\n(.*?)^```", Pattern.MULTILINE | Pattern.DOTALL);

  private final MessageDecoder decoder = new MessageDecoder();

  /** Each type with the example payload of its section. */
  private static Map<String, String> examples() throws IOException {
    Map<String, String> examples = new LinkedHashMap<>();
    Matcher section = SECTION.matcher(Files.readString(DOCUMENT));
    while (section.find()) {
      examples.put(section.group(1), section.group(2));
    }
    return examples;
  }

  @Test
  void everyTypeTheDecoderReadsHasASectionWithAnExample() throws IOException {
    assertThat(examples().keySet()).containsExactlyInAnyOrderElementsOf(MessageDecoder.types());
  }

  @Test
  void everyExamplePayloadIsReadAsItsTypeInTheNewestVersion() throws Exception {
    for (Map.Entry<String, String> example : examples().entrySet()) {
      // The examples abbreviate ids as "…": each becomes an id of its own.
      String payload = example.getValue();
      while (payload.contains("\"…\"")) {
        payload = payload.replaceFirst("\"…\"", "\"" + UUID.randomUUID() + "\"");
      }
      String message =
          """
          {"schemaVersion": %d, "messageId": "%s", "type": "%s",
           "occurredAt": "2027-01-15T10:00:00Z", "payload": %s}
          """
              .formatted(
                  MessageDecoder.NEWEST_VERSION, UUID.randomUUID(), example.getKey(), payload);

      ZonedNotification read = decoder.decodeMessage(message.getBytes(StandardCharsets.UTF_8));

      assertThat(read.notification().type()).as(example.getKey()).isEqualTo(example.getKey());
      assertThat(read.timeZone()).as(example.getKey()).isPresent();
    }
  }

  @Test
  void theDocumentQuotesTheDecodersReasons() throws IOException {
    String document = Files.readString(DOCUMENT);
    String newer = "{\"schemaVersion\": " + (MessageDecoder.NEWEST_VERSION + 1) + "}";
    String waitlistInVersion2 = "{\"schemaVersion\": 2, \"type\": \"waitlist.offered\"}";

    for (String json : new String[] {newer, waitlistInVersion2}) {
      assertThatThrownBy(() -> decoder.decode(json.getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(MalformedMessageException.class)
          .satisfies(e -> assertThat(document).contains("`" + e.getMessage() + "`"));
    }
    assertThat(document)
        .contains("`schemaVersion` other than 1, 2 or 3")
        .contains("| `" + MessageDecoder.NEWEST_VERSION + "` |");
  }
}
