package boxoffice.app.domain;

/** Average score (rounded to one decimal) and number of ratings of an event. */
public record RatingSummary(double average, int count) {
  public static RatingSummary of(long sum, int count) {
    return count == 0
        ? new RatingSummary(0, 0)
        : new RatingSummary(Math.round(sum * 10.0 / count) / 10.0, count);
  }
}
