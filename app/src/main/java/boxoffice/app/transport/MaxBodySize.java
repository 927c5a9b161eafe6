package boxoffice.app.transport;

/** The largest request body accepted, in bytes. */
record MaxBodySize(long bytes) {}
