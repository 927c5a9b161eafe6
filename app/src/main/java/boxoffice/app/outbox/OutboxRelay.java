package boxoffice.app.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox rows to one destination, oldest first, in batches: claim rows (FOR UPDATE SKIP
 * LOCKED), publish them, mark them delivered, commit. A failed publish rolls back, so the rows stay
 * in the outbox and are retried with backoff; user requests never wait for any of this. A row the
 * destination refuses for good is singled out ({@link IsolatingDelivery}) and parked with the
 * reason, so it never holds back the rows after it.
 */
public final class OutboxRelay implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
  private static final Duration FIRST_RETRY = Duration.ofMillis(250);

  /** The parked reason is what the destination said; a few lines are enough to act on it. */
  private static final int MAX_REASON_CHARS = 500;

  private final Jdbi jdbi;
  private final OutboxQueue queue;
  private final OutboxPublisher publisher;
  private final IsolatingDelivery delivery;
  private final Settings settings;
  private final Clock clock;
  private final Backoff backoff;
  private final LongAdder delivered = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final LongAdder parked = new LongAdder();
  private volatile boolean running = true;
  private final Thread worker;

  OutboxRelay(Jdbi jdbi, OutboxPublisher publisher, Settings settings, Clock clock) {
    this.jdbi = jdbi;
    this.queue = new OutboxQueue(publisher.destination());
    this.publisher = publisher;
    this.delivery = new IsolatingDelivery(publisher);
    this.settings = settings;
    this.clock = clock;
    this.backoff = new Backoff(FIRST_RETRY, settings.maxBackoff());
    String name =
        "outbox-relay-" + publisher.destination().name().toLowerCase(java.util.Locale.ROOT);
    this.worker = Thread.ofPlatform().daemon().name(name).unstarted(this::loop);
  }

  /** Batch size, idle poll interval and the longest retry wait. */
  record Settings(int batchSize, Duration pollInterval, Duration maxBackoff) {}

  OutboxDestination destination() {
    return publisher.destination();
  }

  /** The destination as metrics and logs name it: "audit" or "kafka". */
  public String destinationName() {
    return publisher.destination().name().toLowerCase(java.util.Locale.ROOT);
  }

  OutboxRelay start() {
    worker.start();
    return this;
  }

  private void loop() {
    while (running) {
      Duration pause;
      try {
        int sent = relayOnce();
        recovered();
        pause = sent == settings.batchSize() ? Duration.ZERO : settings.pollInterval();
      } catch (RuntimeException e) {
        failures.increment();
        pause = backoff.next();
        if (backoff.failures() == 1) {
          LOG.warn(
              "{} delivery failing, retrying with backoff: {}",
              publisher.destination(),
              e.getMessage());
        }
      }
      if (!pause.isZero()) {
        LockSupport.parkNanos(pause.toNanos());
      }
    }
  }

  private void recovered() {
    if (backoff.failures() > 0) {
      LOG.info(
          "{} delivery recovered after {} failed attempts",
          publisher.destination(),
          backoff.failures());
      backoff.reset();
    }
  }

  /** Delivers one batch; returns how many rows it took from the queue (delivered or parked). */
  int relayOnce() {
    Batch batch =
        jdbi.inTransaction(
            handle -> {
              List<OutboxRow> rows = queue.claim(handle, settings.batchSize());
              if (rows.isEmpty()) {
                return new Batch(0, 0, List.of());
              }
              IsolatingDelivery.Outcome outcome = delivery.deliver(rows);
              Instant now = clock.instant();
              queue.markDelivered(
                  handle, outcome.delivered().stream().map(OutboxRow::id).toList(), now);
              List<IsolatingDelivery.Refused> parkedNow = new ArrayList<>();
              for (IsolatingDelivery.Refused refused : outcome.refused()) {
                if (queue.park(handle, refused.row().id(), bounded(refused.reason()), now)) {
                  parkedNow.add(refused);
                }
              }
              return new Batch(rows.size(), outcome.delivered().size(), parkedNow);
            });
    // Counted and logged only once committed: a rolled-back attempt parked nothing.
    delivered.add(batch.delivered());
    parked.add(batch.parked().size());
    for (IsolatingDelivery.Refused refused : batch.parked()) {
      LOG.warn(
          "{} refused outbox row {} for good; parked it: {}",
          publisher.destination(),
          refused.row().id(),
          bounded(refused.reason()));
    }
    return batch.claimed();
  }

  /** One committed batch: rows claimed, rows delivered, rows parked by this relay. */
  private record Batch(int claimed, int delivered, List<IsolatingDelivery.Refused> parked) {}

  private static String bounded(String reason) {
    String text = reason == null || reason.isBlank() ? "refused without a reason" : reason;
    return text.length() <= MAX_REASON_CHARS ? text : text.substring(0, MAX_REASON_CHARS) + "…";
  }

  public long delivered() {
    return delivered.sum();
  }

  /** Rows the destination already had: each one a row sent twice. */
  public long duplicates() {
    return publisher.duplicates();
  }

  public long failures() {
    return failures.sum();
  }

  /** Rows this relay parked since it started. */
  public long parked() {
    return parked.sum();
  }

  /** Rows parked for this destination now, whichever instance parked them. */
  public long parkedRows() {
    return jdbi.withHandle(queue::parked);
  }

  public OutboxBacklog backlog() {
    return jdbi.withHandle(queue::backlog);
  }

  @Override
  public void close() {
    running = false;
    LockSupport.unpark(worker);
    try {
      worker.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    publisher.close();
  }
}
