package boxoffice.app.functional;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.app.domain.ProblemCode;
import boxoffice.app.testing.RunningApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Clients learn the problem codes from the OpenAPI document and the README: all of them. */
class ProblemCodesDocumentedIT {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();

  @Test
  void theServedOpenApiDocumentListsEveryCode() {
    var document = app.http().get("/openapi.json").json();
    String codes = document.at("/components/schemas/ProblemCode/enum").toString();
    String responses = document.at("/components/responses").toString();

    assertThat(document.at("/components/schemas/Problem/properties/code").toString())
        .contains("#/components/schemas/ProblemCode");
    assertThat(Arrays.stream(ProblemCode.values()).map(Enum::name))
        .allSatisfy(code -> assertThat(codes).contains("\"" + code + "\""))
        .allSatisfy(code -> assertThat(responses).contains("`" + code + "`"));
  }

  @Test
  void theReadmeTableListsEveryCode() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));

    assertThat(Arrays.stream(ProblemCode.values()).map(Enum::name))
        .allSatisfy(code -> assertThat(readme).contains("| `" + code + "` |"));
  }
}
