import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ceiling of the cache benchmark: Javalin on virtual threads answering a fixed JSON body of the
 * same size as an event page, with no database, cache, middleware or serialisation.
 * Usage: java -cp app/target/boxoffice-app.jar bench/cache/BareJavalin.java PORT BODY_FILE
 */
public class BareJavalin {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    byte[] body = Files.readString(Path.of(args[1])).getBytes(StandardCharsets.UTF_8);
    Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.useVirtualThreads = true;
            })
        .get("/event", ctx -> ctx.contentType("application/json").result(body))
        .start("127.0.0.1", port);
  }
}
