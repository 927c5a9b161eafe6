package boxoffice.app.transport;

import boxoffice.app.service.PageRequest;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Reads {@code limit} and {@code cursor} query parameters and writes {@code nextCursor}. */
final class Paging {
  private final CursorCodec cursors;

  @Inject
  Paging(CursorCodec cursors) {
    this.cursors = cursors;
  }

  /**
   * @param list name of the list, binding cursors to it
   * @param parts how many values the keyset position has
   * @param toKey turns the decoded values into the keyset position; may throw {@link
   *     IllegalArgumentException} for values that do not parse
   */
  <K> PageRequest<K> request(Context ctx, String list, int parts, Function<List<String>, K> toKey) {
    int limit =
        RequestParams.intParam(ctx, "limit", PageRequest.DEFAULT_LIMIT, 1, PageRequest.MAX_LIMIT);
    String cursor = ctx.queryParam("cursor");
    if (cursor == null || cursor.isEmpty()) {
      return new PageRequest<>(limit, Optional.empty());
    }
    List<String> position = cursors.decode(list, cursor, parts);
    try {
      return new PageRequest<>(limit, Optional.of(toKey.apply(position)));
    } catch (RuntimeException e) {
      throw CursorCodec.invalid();
    }
  }

  /**
   * A request for a list in creation order, whose cursor holds the creation instant and the id of
   * the last item seen.
   */
  <K> PageRequest<K> createdAtRequest(
      Context ctx, String list, BiFunction<Instant, UUID, K> toKey) {
    return request(
        ctx, list, 2, p -> toKey.apply(Instant.parse(p.get(0)), UUID.fromString(p.get(1))));
  }

  /** A page of a list in creation order: its cursor holds the last item's creation and id. */
  <T> PageResponse<T> createdAtResponse(
      boxoffice.app.service.Page<T> page,
      String list,
      Function<T, Instant> createdAt,
      Function<T, UUID> id) {
    return response(
        page, list, last -> List.of(createdAt.apply(last).toString(), id.apply(last).toString()));
  }

  <T> PageResponse<T> response(
      boxoffice.app.service.Page<T> page, String list, Function<T, List<String>> position) {
    String next = page.hasMore() ? cursors.encode(list, position.apply(page.last())) : null;
    return new PageResponse<>(page.items(), next);
  }
}
