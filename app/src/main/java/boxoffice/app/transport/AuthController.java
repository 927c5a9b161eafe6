package boxoffice.app.transport;

import boxoffice.app.domain.ValidationException;
import boxoffice.app.service.AuthService;
import boxoffice.app.service.LoginCommand;
import boxoffice.app.service.RegisterCommand;
import boxoffice.app.service.TokenPair;
import boxoffice.app.transport.AuthDtos.LoginRequest;
import boxoffice.app.transport.AuthDtos.RefreshRequest;
import boxoffice.app.transport.AuthDtos.RegisterRequest;
import boxoffice.app.transport.AuthDtos.TokenResponse;
import boxoffice.app.transport.AuthDtos.UserResponse;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import jakarta.inject.Inject;

/** Sign-up, login, token refresh and logout. */
final class AuthController {
  private static final String PROBLEM = Problem.CONTENT_TYPE;

  private final AuthService auth;
  private final JsonBody body;
  private final ClientAddress clientAddress;

  @Inject
  AuthController(AuthService auth, JsonBody body, ClientAddress clientAddress) {
    this.auth = auth;
    this.body = body;
    this.clientAddress = clientAddress;
  }

  @OpenApi(
      path = "/api/v1/auth/register",
      methods = HttpMethod.POST,
      operationId = "register",
      tags = "Auth",
      summary = "Create an account",
      description = "Emails are trimmed and unique regardless of case.",
      requestBody =
          @OpenApiRequestBody(
              required = true,
              content = @OpenApiContent(from = RegisterRequest.class)),
      responses = {
        @OpenApiResponse(status = "201", content = @OpenApiContent(from = UserResponse.class)),
        @OpenApiResponse(
            status = "400",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "409",
            description = "Email already registered",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "415",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void register(Context ctx) {
    RegisterRequest request = body.read(ctx, RegisterRequest.class);
    var user =
        auth.register(new RegisterCommand(request.email(), request.password(), request.name()));
    ActionLog.registered(user.id());
    ctx.status(201).header("Location", "/api/v1/users/me").json(UserResponse.of(user));
  }

  @OpenApi(
      path = "/api/v1/auth/login",
      methods = HttpMethod.POST,
      operationId = "logIn",
      tags = "Auth",
      summary = "Log in with email and password",
      description =
          "Unknown email and wrong password get the same 401. Repeated failures per email or client address are throttled with 429 and Retry-After.",
      requestBody =
          @OpenApiRequestBody(
              required = true,
              content = @OpenApiContent(from = LoginRequest.class)),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = TokenResponse.class)),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "429",
            headers = @OpenApiParam(name = "Retry-After", type = Integer.class),
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void login(Context ctx) {
    LoginRequest request = body.read(ctx, LoginRequest.class);
    var pair =
        auth.login(new LoginCommand(request.email(), request.password(), clientAddress.of(ctx)));
    auth.authenticate(pair.accessToken()).ifPresent(caller -> ActionLog.loggedIn(caller.userId()));
    tokens(ctx, pair);
  }

  @OpenApi(
      path = "/api/v1/auth/refresh",
      methods = HttpMethod.POST,
      operationId = "refreshTokens",
      tags = "Auth",
      summary = "Exchange a refresh token for a new pair",
      description =
          "The presented token is spent. Presenting a spent token again revokes every token of its session and answers 401.",
      requestBody =
          @OpenApiRequestBody(
              required = true,
              content = @OpenApiContent(from = RefreshRequest.class)),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = TokenResponse.class)),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void refresh(Context ctx) {
    tokens(ctx, auth.refresh(refreshToken(ctx)));
  }

  /** Credentials must never be kept by a browser or proxy cache (RFC 6749 section 5.1). */
  private static void tokens(Context ctx, TokenPair pair) {
    ctx.header("Cache-Control", CacheHeaders.NO_STORE).header("Pragma", "no-cache");
    ctx.json(TokenResponse.of(pair));
  }

  @OpenApi(
      path = "/api/v1/auth/logout",
      methods = HttpMethod.POST,
      operationId = "logOut",
      tags = "Auth",
      summary = "Revoke the session of a refresh token",
      requestBody =
          @OpenApiRequestBody(
              required = true,
              content = @OpenApiContent(from = RefreshRequest.class)),
      responses = {
        @OpenApiResponse(status = "204"),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
      })
  void logout(Context ctx) {
    auth.logout(refreshToken(ctx));
    ctx.status(204);
  }

  private String refreshToken(Context ctx) {
    String token = body.read(ctx, RefreshRequest.class).refreshToken();
    if (token == null || token.isBlank() || token.length() > 512) {
      throw ValidationException.of("refreshToken", "is required");
    }
    return token;
  }
}
