package boxoffice.app.domain;

/** The request clashes with the current state (duplicate, wrong status, sold out). */
public final class ConflictException extends DomainException {
  private static final long serialVersionUID = 1L;

  public ConflictException(ProblemCode code, String message) {
    super(java.util.Objects.requireNonNull(code, "every conflict names its code"), message);
  }
}
