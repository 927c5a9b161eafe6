package boxoffice.app.domain;

import java.util.List;

/** The input is well-formed but breaks field rules; carries every violation found. */
public final class ValidationException extends DomainException {
  private static final long serialVersionUID = 1L;
  private final transient List<FieldViolation> violations;

  public ValidationException(List<FieldViolation> violations) {
    this(null, violations);
  }

  private ValidationException(ProblemCode code, List<FieldViolation> violations) {
    super(code, "The request has invalid fields");
    this.violations = List.copyOf(violations);
  }

  public static ValidationException of(String field, String message) {
    return new ValidationException(List.of(new FieldViolation(field, message)));
  }

  /** A field refused by a rule of the domain rather than by its format, with that rule's code. */
  public static ValidationException of(ProblemCode code, String field, String message) {
    return new ValidationException(code, List.of(new FieldViolation(field, message)));
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
