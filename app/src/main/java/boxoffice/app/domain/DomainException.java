package boxoffice.app.domain;

/**
 * A rule of the domain refused a request. Each subtype maps to one HTTP status in the transport
 * layer; the message is safe to show to clients.
 */
public abstract sealed class DomainException extends RuntimeException
    permits AuthenticationException,
        ConflictException,
        ForbiddenException,
        LimitReachedException,
        AlreadyCheckedInException,
        NotFoundException,
        PreconditionFailedException,
        SoldOutException,
        ThrottledException,
        UnavailableException,
        ValidationException {
  private static final long serialVersionUID = 1L;

  private final transient ProblemCode code;

  protected DomainException(String message) {
    this(null, message);
  }

  protected DomainException(ProblemCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** The stable reason clients switch on; empty for refusals no domain rule decides. */
  public java.util.Optional<ProblemCode> code() {
    return java.util.Optional.ofNullable(code);
  }
}
