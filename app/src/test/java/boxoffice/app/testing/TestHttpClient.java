package boxoffice.app.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A small JSON HTTP client for tests, bound to one running app: bodies go out as JSON, answers come
 * back as status, headers and JSON. {@link BoxofficeApi} and {@link Fixtures} build the booking
 * service's steps on it.
 */
public final class TestHttpClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public TestHttpClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public Response get(String path) {
    return get(path, null);
  }

  public Response get(String path, String token) {
    return send(request(path, token).GET());
  }

  public Response post(String path, Object body) {
    return post(path, body, null);
  }

  public Response post(String path, Object body, String token) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json(body))));
  }

  /** Sends raw bytes with any method and content type, for hostile-input tests. */
  public Response raw(String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder builder = request(path, null);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(
        builder.method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response =
          client.send(
              builder.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Response(response);
    } catch (IOException e) {
      throw new IllegalStateException("HTTP call failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  public HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  public static String json(Object body) {
    try {
      return body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Registers an account and logs it in; returns the login answer. */
  public JsonNode registerAndLogin(String email, String password) {
    Response registered =
        post(
            "/api/v1/auth/register",
            Map.of("email", email, "password", password, "name", "Test User"));
    if (registered.status() != 201) {
      throw new IllegalStateException("registration failed: " + registered.body());
    }
    return login(email, password).json();
  }

  public Response login(String email, String password) {
    return post("/api/v1/auth/login", Map.of("email", email, "password", password));
  }

  /**
   * Logs in as a caller at {@code address}, named in X-Forwarded-For (a trusted proxy's header).
   */
  public Response loginFrom(String email, String password, String address) {
    return send(
        request("/api/v1/auth/login", null)
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", address)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    json(Map.of("email", email, "password", password)))));
  }

  /** An HTTP answer. */
  public record Response(HttpResponse<String> raw) {
    public int status() {
      return raw.statusCode();
    }

    public String body() {
      return raw.body();
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + raw.body(), e);
      }
    }

    @Override
    public String toString() {
      return status() + " " + body();
    }
  }
}
