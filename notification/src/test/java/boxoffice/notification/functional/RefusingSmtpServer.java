package boxoffice.notification.functional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mail server that is down in the SMTP way: it greets every connection with {@code 421 Service
 * not available} and hangs up, counting the connections, i.e. the delivery attempts.
 */
final class RefusingSmtpServer implements AutoCloseable {
  private final ServerSocket socket;
  private final AtomicInteger connections = new AtomicInteger();
  private final Semaphore arrivals = new Semaphore(0);
  private final Thread thread;

  RefusingSmtpServer(int port) {
    try {
      socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    thread = Thread.ofPlatform().daemon().name("refusing-smtp").start(this::serve);
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket connection = socket.accept()) {
        connections.incrementAndGet();
        connection
            .getOutputStream()
            .write(
                "421 4.3.2 Service not available, closing transmission channel\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
        connection.getOutputStream().flush();
        arrivals.release();
      } catch (IOException e) {
        // Closed: the loop ends; a client that hung up first: next one.
      }
    }
  }

  int connections() {
    return connections.get();
  }

  /** Waits until at least {@code count} connections in all have been refused. */
  void awaitConnections(int count, Duration timeout) throws InterruptedException {
    int seen = connections.get();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (seen < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !arrivals.tryAcquire(left, TimeUnit.NANOSECONDS)) {
        throw new AssertionError("expected " + count + " SMTP connections, got " + seen);
      }
      seen = connections.get();
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
      thread.join(5_000);
    } catch (IOException e) {
      // Already closed.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
