package boxoffice.app.domain;

/** Fewer seats are left than requested; a conflict that tells how many remain. */
public final class SoldOutException extends DomainException {
  private static final long serialVersionUID = 1L;
  private final int seatsAvailable;

  public SoldOutException(int seatsAvailable) {
    super(
        ProblemCode.SOLD_OUT,
        seatsAvailable == 0
            ? "The event is sold out"
            : "Not enough seats left: " + seatsAvailable + " available");
    this.seatsAvailable = seatsAvailable;
  }

  public int seatsAvailable() {
    return seatsAvailable;
  }
}
