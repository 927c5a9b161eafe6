package boxoffice.app.domain;

/** The client's view of the resource is stale (its {@code If-Match} version is not current). */
public final class PreconditionFailedException extends DomainException {
  private static final long serialVersionUID = 1L;

  public PreconditionFailedException(String message) {
    super(ProblemCode.VERSION_MISMATCH, message);
  }
}
