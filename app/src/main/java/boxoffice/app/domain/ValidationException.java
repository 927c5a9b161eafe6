package boxoffice.app.domain;

import java.util.List;

/** The input is well-formed but breaks field rules; carries every violation found. */
public final class ValidationException extends DomainException {
  private static final long serialVersionUID = 1L;
  private final transient List<FieldViolation> violations;

  public ValidationException(List<FieldViolation> violations) {
    super("The request has invalid fields");
    this.violations = List.copyOf(violations);
  }

  public static ValidationException of(String field, String message) {
    return new ValidationException(List.of(new FieldViolation(field, message)));
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
