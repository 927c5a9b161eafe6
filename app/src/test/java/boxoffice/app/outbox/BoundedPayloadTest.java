package boxoffice.app.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoundedPayloadTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void ordinaryPayloadsAreWrittenAsTheyAre() throws Exception {
    Map<String, Object> payload =
        Map.of("email", "ada@example.org", "quantity", 2, "description", "d".repeat(5_000));

    JsonNode written = JSON.readTree(BoundedPayload.json(payload));

    assertThat(written).isEqualTo(JSON.valueToTree(payload));
  }

  @Test
  void aHugeEmailIsCutToAnAddressLengthWithItsSizeAndHash() throws Exception {
    String email = "x".repeat(70_000) + "@example.org";

    String json = BoundedPayload.json(Map.of("email", email, "knownAccount", false));

    String written = JSON.readTree(json).get("email").asText();
    assertThat(written)
        .startsWith("x".repeat(254))
        .doesNotStartWith("x".repeat(255))
        .contains("cut from 70012 chars, sha256 ")
        .hasSizeLessThan(400);
    assertThat(JSON.readTree(json).get("knownAccount").asBoolean()).isFalse();
  }

  @Test
  void longTextAnywhereIsCutAndTheWholePayloadStaysUnder32KiB() throws Exception {
    // Four-byte characters and escaped control characters make bytes of few characters.
    Map<String, Object> changes = new HashMap<>();
    changes.put("description", Map.of("old", "😀".repeat(5_000), "new", "\u0001".repeat(5_000)));
    changes.put("tags", List.of("t".repeat(100_000), "short"));

    String json = BoundedPayload.json(Map.of("changes", changes, "title", "Jazz"));

    assertThat(json.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(BoundedPayload.MAX_JSON_BYTES);
    JsonNode written = JSON.readTree(json);
    assertThat(written.get("title").asText()).isEqualTo("Jazz");
    assertThat(written.at("/changes/tags/1").asText()).isEqualTo("short");
    assertThat(written.at("/changes/tags/0").asText()).contains("cut from 100000 chars");
    assertThat(written.at("/changes/description/old").asText()).startsWith("😀");
  }

  @Test
  void nulCharactersWhichJsonbCannotHoldAreReplaced() throws Exception {
    String json = BoundedPayload.json(Map.of("text", "a\u0000b"));

    assertThat(JSON.readTree(json).get("text").asText()).isEqualTo("a\uFFFDb");
  }

  @Test
  void aPayloadOfTooManyFieldsBecomesASummary() throws Exception {
    Map<String, Object> payload = new HashMap<>();
    for (int i = 0; i < 10_000; i++) {
      payload.put("field" + i, i);
    }

    JsonNode written = JSON.readTree(BoundedPayload.json(payload));

    assertThat(written.get("truncated").asBoolean()).isTrue();
    assertThat(written.get("originalBytes").asInt()).isGreaterThan(BoundedPayload.MAX_JSON_BYTES);
    assertThat(written.get("sha256").asText()).hasSize(64);
  }
}
