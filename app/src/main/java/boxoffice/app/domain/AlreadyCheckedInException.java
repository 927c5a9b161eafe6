package boxoffice.app.domain;

import java.time.Instant;

/** A ticket presented a second time: the answer names when it was first checked in. */
public final class AlreadyCheckedInException extends DomainException {
  private static final long serialVersionUID = 1L;
  private final Instant checkedInAt;

  public AlreadyCheckedInException(Instant checkedInAt) {
    super(ProblemCode.ALREADY_CHECKED_IN, "This ticket was already checked in");
    this.checkedInAt = checkedInAt;
  }

  public Instant checkedInAt() {
    return checkedInAt;
  }
}
