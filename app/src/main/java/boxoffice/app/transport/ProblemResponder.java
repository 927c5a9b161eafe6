package boxoffice.app.transport;

import boxoffice.app.domain.AlreadyCheckedInException;
import boxoffice.app.domain.AuthenticationException;
import boxoffice.app.domain.ConflictException;
import boxoffice.app.domain.DomainException;
import boxoffice.app.domain.ForbiddenException;
import boxoffice.app.domain.LimitReachedException;
import boxoffice.app.domain.NotFoundException;
import boxoffice.app.domain.PreconditionFailedException;
import boxoffice.app.domain.SoldOutException;
import boxoffice.app.domain.ThrottledException;
import boxoffice.app.domain.UnavailableException;
import boxoffice.app.domain.ValidationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into RFC 9457 problem+json. Client mistakes get their 4xx; database failures
 * a retry can fix get 503 with {@code Retry-After}; anything else is logged with the request id and
 * answered with a generic 500 that reveals nothing.
 */
final class ProblemResponder {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemResponder.class);

  private final ObjectMapper mapper;

  @Inject
  ProblemResponder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  void register(Javalin app) {
    app.exception(DomainException.class, (e, ctx) -> domain(e, ctx));
    app.exception(HttpProblemException.class, (e, ctx) -> http(e, ctx));
    app.exception(HttpResponseException.class, (e, ctx) -> framework(e, ctx));
    app.exception(Exception.class, (e, ctx) -> unexpected(e, ctx));
  }

  private void domain(DomainException e, Context ctx) {
    switch (e) {
      case ValidationException v ->
          write(
              ctx,
              new Problem(
                  Problem.TYPE_PREFIX + "validation-failed",
                  "Validation failed",
                  422,
                  v.getMessage(),
                  ctx.path(),
                  RequestIdMiddleware.of(ctx),
                  v.code().map(Enum::name).orElse(null),
                  v.violations().stream()
                      .map(f -> new Problem.FieldError(f.field(), f.message()))
                      .toList(),
                  null,
                  null,
                  null));
      case AuthenticationException a -> {
        ctx.header("WWW-Authenticate", "Bearer");
        write(ctx, 401, "unauthorized", "Unauthorized", a.getMessage(), null);
      }
      case ForbiddenException f -> refusal(ctx, 403, "forbidden", f, Extras.NONE);
      case NotFoundException n -> refusal(ctx, 404, "not-found", n, Extras.NONE);
      case ConflictException c -> refusal(ctx, 409, "conflict", c, Extras.NONE);
      case PreconditionFailedException p ->
          refusal(ctx, 412, "precondition-failed", p, Extras.NONE);
      case SoldOutException s ->
          refusal(ctx, 409, "sold-out", s, new Extras(s.seatsAvailable(), null, null));
      case LimitReachedException l ->
          refusal(ctx, 409, "limit-reached", l, new Extras(null, l.remaining(), null));
      case AlreadyCheckedInException c ->
          refusal(ctx, 409, "already-checked-in", c, new Extras(null, null, c.checkedInAt()));
      case UnavailableException u -> {
        ctx.header("Retry-After", String.valueOf(u.retryAfter().toSeconds()));
        write(ctx, 503, "dependency-unavailable", "Service Unavailable", u.getMessage(), null);
      }
      case ThrottledException t -> {
        ctx.header("Retry-After", String.valueOf(t.retryAfter().toSeconds()));
        write(ctx, 429, "too-many-requests", "Too Many Requests", t.getMessage(), null);
      }
    }
  }

  /** The extension members some refusals carry besides their code. */
  private record Extras(Integer seatsAvailable, Integer remaining, Instant checkedInAt) {
    static final Extras NONE = new Extras(null, null, null);
  }

  private void refusal(Context ctx, int status, String slug, DomainException e, Extras extras) {
    write(
        ctx,
        new Problem(
            Problem.TYPE_PREFIX + slug,
            HttpStatus.forStatus(status).getMessage(),
            status,
            e.getMessage(),
            ctx.path(),
            RequestIdMiddleware.of(ctx),
            e.code().map(Enum::name).orElse(null),
            null,
            extras.seatsAvailable(),
            extras.remaining(),
            extras.checkedInAt()));
  }

  private void http(HttpProblemException e, Context ctx) {
    e.retryAfter().ifPresent(d -> ctx.header("Retry-After", String.valueOf(d.toSeconds())));
    write(
        ctx,
        e.status(),
        e.slug(),
        HttpStatus.forStatus(e.status()).getMessage(),
        e.getMessage(),
        null);
  }

  /** Javalin's own refusals: unknown route, wrong method, oversized body. */
  private void framework(HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    String detail =
        switch (status) {
          case 404 -> "There is no resource at this path";
          case 405 -> "This method is not allowed on this resource";
          case 413 -> "The request body is too large";
          default -> "The request could not be processed";
        };
    if (status >= 500) {
      unexpected(e, ctx);
      return;
    }
    if (status == 405) {
      // RFC 9110 §15.5.6: a 405 names the methods the resource does support. Javalin's one detail
      // is that list, joined with ", ".
      e.getDetails().values().stream()
          .findFirst()
          .ifPresent(methods -> ctx.header("Allow", methods));
    }
    write(ctx, status, slugOf(status), HttpStatus.forStatus(status).getMessage(), detail, null);
  }

  private void unexpected(Exception e, Context ctx) {
    Optional<TransientDatabaseFailure> transientFailure = transientDatabaseFailure(e);
    if (transientFailure.isPresent()) {
      TransientDatabaseFailure failure = transientFailure.get();
      // One line, no stack trace: these are expected during a failover or a burst of contention,
      // and the SQLSTATE says all an operator needs. The message may quote SQL, so it stays out.
      LOG.warn(
          "database failure answered 503 on {} {}: SQLSTATE {} ({})",
          ctx.method(),
          ctx.endpointHandlerPath(),
          failure.sqlState(),
          failure.kind());
      ctx.header("Retry-After", String.valueOf(failure.retryAfter().toSeconds()));
      write(ctx, 503, "dependency-unavailable", "Service Unavailable", failure.detail(), null);
      return;
    }
    LOG.error("unexpected failure on {} {}", ctx.method(), ctx.endpointHandlerPath(), e);
    write(
        ctx,
        500,
        "internal-error",
        "Internal Server Error",
        "An unexpected error occurred; quote the request id when reporting it",
        null);
  }

  /** The first SQL exception in the cause chain that a retry may fix. */
  private static Optional<TransientDatabaseFailure> transientDatabaseFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        Optional<TransientDatabaseFailure> failure = TransientDatabaseFailure.of(sql);
        if (failure.isPresent()) {
          return failure;
        }
      }
    }
    return Optional.empty();
  }

  private static String slugOf(int status) {
    return HttpStatus.forStatus(status)
        .getMessage()
        .toLowerCase(java.util.Locale.ROOT)
        .replace(' ', '-');
  }

  void write(
      Context ctx,
      int status,
      String slug,
      String title,
      String detail,
      List<Problem.FieldError> errors) {
    write(
        ctx,
        Problem.plain(
            Problem.TYPE_PREFIX + slug,
            title,
            status,
            detail,
            ctx.path(),
            RequestIdMiddleware.of(ctx),
            errors));
  }

  private void write(Context ctx, Problem problem) {
    int status = problem.status();
    if (!ctx.res().isCommitted()) {
      ctx.res().resetBuffer(); // a handler may have written its body (SmallJsonBody) before failing
    }
    try {
      ctx.status(status)
          .contentType(Problem.CONTENT_TYPE)
          .result(mapper.writeValueAsBytes(problem));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a problem body is always serialisable", e);
    }
  }
}
