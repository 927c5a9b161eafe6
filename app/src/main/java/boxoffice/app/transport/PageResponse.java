package boxoffice.app.transport;

import io.javalin.openapi.OpenApiNullable;
import java.util.List;

/** A page of a list: its items and the cursor of the next page ({@code null} on the last). */
public record PageResponse<T>(List<T> items, @OpenApiNullable String nextCursor) {}
