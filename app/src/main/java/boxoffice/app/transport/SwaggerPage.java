package boxoffice.app.transport;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Swagger UI at {@code /swagger}: its settings, and a Content-Security-Policy that lets the page
 * run nothing but the plugin's own scripts from this server and its one inline start-up script
 * (allowed by its hash, so an injected script does not run).
 */
final class SwaggerPage {
  static final String PATH = "/swagger";
  static final String TITLE = "Boxoffice API documentation";

  /** Swagger UI's own value for "never send the document to the public online validator". */
  static final String NO_VALIDATOR = "none";

  private static final Pattern INLINE_SCRIPT =
      Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

  private SwaggerPage() {}

  /**
   * After the plugin rendered the page: its inline script is hashed as served, so the policy stays
   * right whatever the plugin puts in it. Styles stay inline-capable: Swagger UI sets them from its
   * scripts at run time. Images may be data: URIs (its icons); "try it out" calls this origin only.
   */
  static void secure(Context ctx) {
    String page = ctx.result();
    if (ctx.statusCode() != 200 || page == null) {
      return;
    }
    StringBuilder scripts = new StringBuilder("'self'");
    Matcher inline = INLINE_SCRIPT.matcher(page);
    while (inline.find()) {
      scripts.append(" 'sha256-").append(sha256(inline.group(1))).append('\'');
    }
    ctx.header(
        "Content-Security-Policy",
        "default-src 'none'; script-src "
            + scripts
            + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self';"
            + " font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
  }

  private static String sha256(String text) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
