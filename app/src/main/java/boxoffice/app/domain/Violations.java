package boxoffice.app.domain;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of an input before failing, so a client can fix them all at once. */
public final class Violations {
  private final List<FieldViolation> found = new ArrayList<>();

  /** Records {@code message} for {@code field} unless {@code ok}. Returns {@code ok}. */
  public boolean check(boolean ok, String field, String message) {
    if (!ok) {
      found.add(new FieldViolation(field, message));
    }
    return ok;
  }

  public boolean require(Object value, String field) {
    return check(value != null, field, "is required");
  }

  public void throwIfAny() {
    if (!found.isEmpty()) {
      throw new ValidationException(found);
    }
  }
}
