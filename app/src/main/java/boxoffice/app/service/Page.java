package boxoffice.app.service;

import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paged list; {@code hasMore} says whether a next page exists. */
public record Page<T>(List<T> items, boolean hasMore) {
  public Page {
    items = List.copyOf(items);
  }

  /** Builds a page from a query that fetched {@code limit + 1} rows to learn whether more exist. */
  public static <T> Page<T> fromOverfetch(List<T> rows, int limit) {
    return rows.size() > limit ? new Page<>(rows.subList(0, limit), true) : new Page<>(rows, false);
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), hasMore);
  }

  public T last() {
    return items.getLast();
  }
}
