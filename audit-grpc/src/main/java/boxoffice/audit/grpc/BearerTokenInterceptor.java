package boxoffice.audit.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Lets a call through only with {@code authorization: Bearer <token>} carrying the shared token;
 * otherwise closes it with UNAUTHENTICATED. Tokens are compared as SHA-256 digests with {@link
 * MessageDigest#isEqual}, in constant time whatever their length. The token is never logged.
 */
public final class BearerTokenInterceptor implements ServerInterceptor {
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final String SCHEME = "Bearer ";

  private final byte[] expectedDigest;

  public BearerTokenInterceptor(String token) {
    this.expectedDigest = digest(token);
  }

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
    String authorization = headers.get(AUTHORIZATION);
    if (authorization == null) {
      return refuse(call, "missing authorization metadata; send 'authorization: Bearer <token>'");
    }
    if (!authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return refuse(call, "authorization must use the Bearer scheme: 'Bearer <token>'");
    }
    byte[] presented = digest(authorization.substring(SCHEME.length()).strip());
    if (!MessageDigest.isEqual(presented, expectedDigest)) {
      return refuse(call, "invalid bearer token");
    }
    return next.startCall(call, headers);
  }

  private static <Q, A> ServerCall.Listener<Q> refuse(ServerCall<Q, A> call, String reason) {
    call.close(Status.UNAUTHENTICATED.withDescription(reason), new Metadata());
    return new ServerCall.Listener<>() {};
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
