package boxoffice.app.service;

import boxoffice.app.domain.ValidationException;
import java.util.Optional;

/** A page size and, past the first page, the keyset position to continue after. */
public record PageRequest<K>(int limit, Optional<K> after) {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  public PageRequest {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ValidationException.of("limit", "must be between 1 and " + MAX_LIMIT);
    }
  }
}
