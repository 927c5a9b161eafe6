package boxoffice.app.domain;

/**
 * A rule of the domain refused a request. Each subtype maps to one HTTP status in the transport
 * layer; the message is safe to show to clients.
 */
public abstract sealed class DomainException extends RuntimeException
    permits AuthenticationException,
        ConflictException,
        ForbiddenException,
        NotFoundException,
        PreconditionFailedException,
        SoldOutException,
        ThrottledException,
        UnavailableException,
        ValidationException {
  private static final long serialVersionUID = 1L;

  protected DomainException(String message) {
    super(message, null, false, false);
  }
}
