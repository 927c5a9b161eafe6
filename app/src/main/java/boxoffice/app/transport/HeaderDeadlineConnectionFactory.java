package boxoffice.app.transport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpChannelOverHttp;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.util.Callback;

/**
 * HTTP/1.1 connections whose request line and headers must arrive within a deadline. Jetty's idle
 * timeout restarts with every byte, so a client sending a header line every few seconds could hold
 * a connection (and a slot of the server) for ever. The deadline starts with the first byte of a
 * request and ends when its headers are complete; past it the client gets a 408 and the connection
 * is closed. Body reads are bounded by the request deadline (see TimeoutMiddleware).
 *
 * <p>As in TimeoutMiddleware, one watchdog thread checks the connections whose headers are arriving
 * a few times per deadline, instead of a timer task scheduled and cancelled for every request.
 */
final class HeaderDeadlineConnectionFactory extends HttpConnectionFactory {
  private static final Duration FINEST_TICK = Duration.ofMillis(5);
  private static final Duration COARSEST_TICK = Duration.ofMillis(100);

  private final long deadlineMillis;
  private final long tickNanos;
  private final Set<DeadlineConnection> arriving = ConcurrentHashMap.newKeySet();
  private volatile Thread watchdog;

  HeaderDeadlineConnectionFactory(HttpConfiguration configuration, Duration headerTimeout) {
    super(configuration);
    this.deadlineMillis = headerTimeout.toMillis();
    Duration tick = headerTimeout.dividedBy(20);
    tick = tick.compareTo(FINEST_TICK) < 0 ? FINEST_TICK : tick;
    tick = tick.compareTo(COARSEST_TICK) > 0 ? COARSEST_TICK : tick;
    this.tickNanos = tick.toNanos();
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    watchdog = Thread.ofPlatform().daemon().name("header-deadlines").start(this::watch);
  }

  @Override
  protected void doStop() throws Exception {
    Thread running = watchdog;
    if (running != null) {
      running.interrupt();
      running.join();
    }
    super.doStop();
  }

  private void watch() {
    long deadlineNanos = deadlineMillis * 1_000_000;
    while (!Thread.currentThread().isInterrupted()) {
      LockSupport.parkNanos(tickNanos);
      long now = System.nanoTime();
      for (DeadlineConnection connection : arriving) {
        if (now - connection.armedAt >= deadlineNanos) {
          arriving.remove(connection);
          connection.expire();
        }
      }
    }
  }

  @Override
  public Connection newConnection(Connector connector, EndPoint endPoint) {
    DeadlineConnection connection =
        new DeadlineConnection(getHttpConfiguration(), connector, endPoint, this);
    connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
    connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
    return configure(connection, connector, endPoint);
  }

  private static final class DeadlineConnection extends HttpConnection {
    /** No byte of the next request has arrived yet; no deadline runs. */
    private static final int IDLE = 0;

    /** The request line or headers are arriving; the deadline runs. */
    private static final int ARMED = 1;

    /** The headers are complete; the request is being handled. */
    private static final int HANDLING = 2;

    /** The deadline passed first; the connection is answered 408 and closed. */
    private static final int EXPIRED = 3;

    private final HeaderDeadlineConnectionFactory factory;
    private final AtomicInteger state = new AtomicInteger(IDLE);

    /** When the first byte of the current request arrived (System.nanoTime). */
    private volatile long armedAt;

    DeadlineConnection(
        HttpConfiguration configuration,
        Connector connector,
        EndPoint endPoint,
        HeaderDeadlineConnectionFactory factory) {
      super(configuration, connector, endPoint, false);
      this.factory = factory;
    }

    @Override
    protected HttpChannelOverHttp newHttpChannel() {
      // Called by the super constructor: the channel may keep a reference to this connection
      // but must not use its fields until requests arrive.
      return new DeadlineChannel(this);
    }

    @Override
    public void onFillable() {
      // Between requests the connection only becomes fillable when bytes of the next one arrive.
      if (state.compareAndSet(IDLE, ARMED)) {
        armedAt = System.nanoTime();
        factory.arriving.add(this);
      }
      super.onFillable();
    }

    void headersComplete() {
      if (state.compareAndSet(ARMED, HANDLING)) {
        cancelDeadline();
      } else if (!state.compareAndSet(IDLE, HANDLING) && state.get() == EXPIRED) {
        // The 408 is already on its way; this request must not be handled after it.
        throw new BadMessageException(408, "Request header timeout");
      }
    }

    @Override
    public void onCompleted() {
      state.compareAndSet(HANDLING, IDLE); // the next request gets a deadline of its own
      super.onCompleted();
    }

    @Override
    public void onClose(Throwable cause) {
      cancelDeadline();
      super.onClose(cause);
    }

    private void cancelDeadline() {
      factory.arriving.remove(this);
    }

    private void expire() {
      if (!state.compareAndSet(ARMED, EXPIRED)) {
        return;
      }
      EndPoint endPoint = getEndPoint();
      // No response has started (the headers never completed), so nothing else writes here.
      byte[] body =
          JettyProblemErrorHandler.problemBody(
                  408,
                  "The request headers did not arrive within " + factory.deadlineMillis + " ms")
              .getBytes(StandardCharsets.UTF_8);
      String head =
          "HTTP/1.1 408 Request Timeout\r\nContent-Type: "
              + Problem.CONTENT_TYPE
              + "\r\nContent-Length: "
              + body.length
              + "\r\nConnection: close\r\n\r\n";
      endPoint.write(
          Callback.from(endPoint::close, failure -> endPoint.close()),
          ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)),
          ByteBuffer.wrap(body));
    }
  }

  /** The request handler of a connection: tells the connection when the headers are complete. */
  private static final class DeadlineChannel extends HttpChannelOverHttp {
    private final DeadlineConnection connection;

    DeadlineChannel(DeadlineConnection connection) {
      super(
          connection,
          connection.getConnector(),
          connection.getHttpConfiguration(),
          connection.getEndPoint(),
          connection);
      this.connection = connection;
    }

    @Override
    public boolean headerComplete() {
      connection.headersComplete();
      return super.headerComplete();
    }
  }
}
