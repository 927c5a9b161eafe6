package boxoffice.app.domain;

/** The resource does not exist, or the caller may not know that it does. */
public final class NotFoundException extends DomainException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }

  public NotFoundException(ProblemCode code, String message) {
    super(code, message);
  }
}
