package boxoffice.notification.functional;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** A GreenMail SMTP server on a fixed port of 127.0.0.1 that can be stopped and started again. */
final class Mailbox implements AutoCloseable {
  private static final long WAIT_SLICE_MILLIS = 200;

  private final int port;
  private GreenMail greenMail;

  Mailbox(int port) {
    this.port = port;
  }

  int port() {
    return port;
  }

  Mailbox start() {
    greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    return this;
  }

  void stop() {
    if (greenMail != null) {
      greenMail.stop();
      greenMail = null;
    }
  }

  List<ReceivedEmail> all() {
    return Arrays.stream(greenMail.getReceivedMessages()).map(ReceivedEmail::of).toList();
  }

  List<ReceivedEmail> to(String address) {
    return all().stream().filter(email -> email.to().equalsIgnoreCase(address)).toList();
  }

  /** Waits until {@code count} emails to this address arrived; returns them all. */
  List<ReceivedEmail> awaitTo(String address, int count, Duration timeout) {
    return await(email -> email.to().equalsIgnoreCase(address), count, timeout, address);
  }

  List<ReceivedEmail> await(
      Predicate<ReceivedEmail> match, int count, Duration timeout, String description) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      int received = greenMail.getReceivedMessages().length;
      List<ReceivedEmail> found = all().stream().filter(match).toList();
      if (found.size() >= count) {
        return found;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "expected "
                + count
                + " email(s) for "
                + description
                + " within "
                + timeout
                + ", got "
                + found.size());
      }
      // Returns as soon as another email arrives, or after the slice.
      greenMail.waitForIncomingEmail(WAIT_SLICE_MILLIS, received + 1);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
