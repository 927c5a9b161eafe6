package boxoffice.app.service;

import java.util.UUID;

/**
 * Keyset position in an event list: the value of the sort column of the last item (an instant in
 * ISO-8601 or a title) and its id.
 */
public record EventKey(String sortValue, UUID id) {}
