package boxoffice.app.transport;

/** A registered route as the outside world sees it: method and path template. */
public record Endpoint(String method, String path) {}
