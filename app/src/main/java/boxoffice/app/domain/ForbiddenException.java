package boxoffice.app.domain;

/** The caller is known but not allowed to do this. */
public final class ForbiddenException extends DomainException {
  private static final long serialVersionUID = 1L;

  public ForbiddenException(String message) {
    super(message);
  }

  public ForbiddenException(ProblemCode code, String message) {
    super(code, message);
  }
}
