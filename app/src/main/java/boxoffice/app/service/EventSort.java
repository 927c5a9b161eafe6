package boxoffice.app.service;

import java.util.Arrays;
import java.util.Optional;

/** Orders of the event list, each a keyset over (sort column, id). */
public enum EventSort {
  STARTS_AT("startsAt"),
  STARTS_AT_DESC("-startsAt"),
  TITLE("title"),
  CREATED_AT_DESC("-createdAt");

  private final String parameter;

  EventSort(String parameter) {
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }

  public static Optional<EventSort> fromParameter(String value) {
    return Arrays.stream(values()).filter(s -> s.parameter.equals(value)).findFirst();
  }
}
