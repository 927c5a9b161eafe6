package boxoffice.app.domain;

/** One rejected input field and why, in words a client can show. */
public record FieldViolation(String field, String message) {}
