package boxoffice.app.data;

import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Seats the concurrent bookings of one event together. A booking that finds no booking of its event
 * in flight on this instance runs at once, alone, as it would without coalescing. Those that arrive
 * meanwhile wait, and when it ends they run as one batch, in arrival order, in ONE transaction on a
 * thread of their own: one wait for the event's row lock and one commit for all of them, instead of
 * one each. Every booking still runs its own statement and gets that statement's outcome, so each
 * one that fits gets its seats and the rest are refused exactly as they would be one by one; the
 * statement, the row lock and the CHECK constraints decide, as always.
 *
 * <p>A failing booking does not fail its batch. When a statement fails (a constraint it could not
 * foresee, such as the user's ticket limit passed by a concurrent request), the transaction rolls
 * back, that booking runs again alone on its request's thread and meets its own answer, and the
 * rest of the batch runs again together. Only when nobody can tell whether the batch committed (the
 * commit or the connection failed) does every booking of it get that failure, as a single statement
 * would.
 *
 * <p>A lane exists only while a batch of its event is in flight, so an instance keeps no state for
 * events nobody is booking.
 */
public final class BookingLanes {
  /** Bookings per transaction at most: bounds the time the event's row lock is held at once. */
  static final int MAX_BATCH = 64;

  private final ConcurrentHashMap<UUID, Lane> lanes = new ConcurrentHashMap<>();
  private final BookingStatement statement;
  private final boolean coalesce;
  private final LongAdder batches = new LongAdder();
  private final LongAdder batched = new LongAdder();

  /**
   * With {@code coalesce} false, every booking runs alone (configuration {@code booking.coalesce}).
   */
  BookingLanes(BookingStatement statement, boolean coalesce) {
    this.statement = statement;
    this.coalesce = coalesce;
  }

  /**
   * Books as {@link BookingStatement#book} does, for a booking outside any transaction of the
   * caller's (a batch commits on its own).
   */
  BookingDao.Seating book(BookingStatement.Values booking) {
    if (!coalesce) {
      return statement.book(booking);
    }
    Waiting mine = new Waiting(booking, Context.current());
    if (!joinInFlight(mine)) {
      try {
        return statement.book(booking);
      } finally {
        batchEnded(booking.eventId());
      }
    }
    return switch (await(mine)) {
      case Outcome.Seated seated -> seated.seating();
      case Outcome.Failed failed -> throw failed.failure();
      case Outcome.RunAlone runAlone -> statement.book(booking);
    };
  }

  /** Transactions that committed two or more bookings together, since the start. */
  public long batchesCommitted() {
    return batches.sum();
  }

  /** The bookings those transactions ran (booked or refused), since the start. */
  public long bookingsInBatches() {
    return batched.sum();
  }

  /** Bookings of {@code eventId} waiting for the batch in flight to end. */
  int waiting(UUID eventId) {
    int[] waiting = {0};
    lanes.computeIfPresent(
        eventId,
        (id, lane) -> {
          waiting[0] = lane.waiting.size();
          return lane;
        });
    return waiting[0];
  }

  /**
   * Queues {@code booking} behind the batch of its event in flight, or, when there is none, makes
   * it the one in flight (returns false).
   */
  private boolean joinInFlight(Waiting booking) {
    boolean[] queued = {false};
    lanes.compute(
        booking.eventId(),
        (id, lane) -> {
          if (lane == null) {
            return new Lane();
          }
          lane.waiting.add(booking);
          queued[0] = true;
          return lane;
        });
    return queued[0];
  }

  /** After a batch: the bookings that waited meanwhile form the next one, or the lane goes. */
  private void batchEnded(UUID eventId) {
    List<Waiting> next = takeNext(eventId);
    if (!next.isEmpty()) {
      // A thread of its own: a batch must not be cut short by one of its requests' deadlines.
      Thread.ofVirtual().name("booking-batch").start(() -> runBatches(eventId, next));
    }
  }

  private void runBatches(UUID eventId, List<Waiting> first) {
    for (List<Waiting> batch = first; !batch.isEmpty(); batch = takeNext(eventId)) {
      try {
        run(batch);
      } catch (RuntimeException | Error e) {
        batch.forEach(b -> b.settle(new Outcome.Failed(new BatchAborted(e))));
      }
    }
  }

  private List<Waiting> takeNext(UUID eventId) {
    List<Waiting> next = new ArrayList<>();
    lanes.computeIfPresent(
        eventId,
        (id, lane) -> {
          if (lane.waiting.isEmpty()) {
            return null;
          }
          List<Waiting> head = lane.waiting.subList(0, Math.min(lane.waiting.size(), MAX_BATCH));
          next.addAll(head);
          head.clear();
          return lane;
        });
    return next;
  }

  private void run(List<Waiting> batch) {
    List<Waiting> remaining = batch;
    while (remaining.size() > 1) {
      try {
        List<BookingDao.Seating> seatings =
            statement.bookTogether(
                remaining.stream().map(Waiting::booking).toList(),
                remaining.stream().map(Waiting::trace).toList());
        for (int i = 0; i < remaining.size(); i++) {
          remaining.get(i).settle(new Outcome.Seated(seatings.get(i)));
        }
        batches.increment();
        batched.add(remaining.size());
        return;
      } catch (DirectStatements.BatchFailure failure) {
        if (!failure.rolledBack() || failure.failedRun() == DirectStatements.BatchFailure.NO_RUN) {
          remaining.forEach(b -> b.settle(new Outcome.Failed(failure.asStatementFailure())));
          return;
        }
        remaining = new ArrayList<>(remaining);
        remaining.remove(failure.failedRun()).settle(new Outcome.RunAlone());
      }
    }
    if (remaining.size() == 1) {
      Waiting only = remaining.get(0);
      Outcome outcome;
      try {
        outcome = new Outcome.Seated(statement.book(only.booking()));
      } catch (RuntimeException e) {
        outcome = new Outcome.Failed(e);
      }
      only.settle(outcome);
    }
  }

  /**
   * The outcome of a waiting booking. A request whose deadline passes while it still waits for its
   * batch leaves the queue and books nothing; once its batch has started it waits for the outcome,
   * which the request's deadline then replaces with its own answer.
   */
  private Outcome await(Waiting mine) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return mine.outcome().get();
        } catch (InterruptedException e) {
          interrupted = true;
          if (leave(mine)) {
            throw new BatchAborted(e);
          }
        } catch (ExecutionException e) {
          throw new IllegalStateException("outcomes are never exceptional", e);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Takes {@code mine} out of its lane's queue; false when its batch has started already. */
  private boolean leave(Waiting mine) {
    boolean[] left = {false};
    lanes.computeIfPresent(
        mine.eventId(),
        (id, lane) -> {
          left[0] = lane.waiting.remove(mine);
          return lane;
        });
    return left[0];
  }

  /** The bookings of one event waiting for the batch in flight to end. */
  private static final class Lane {
    final List<Waiting> waiting = new ArrayList<>();
  }

  /** A booking waiting in a lane, with the trace of its request. */
  private record Waiting(
      BookingStatement.Values booking, Context trace, CompletableFuture<Outcome> outcome) {
    Waiting(BookingStatement.Values booking, Context trace) {
      this(booking, trace, new CompletableFuture<>());
    }

    UUID eventId() {
      return booking.eventId();
    }

    void settle(Outcome result) {
      outcome.complete(result);
    }
  }

  private sealed interface Outcome {
    record Seated(BookingDao.Seating seating) implements Outcome {}

    record Failed(RuntimeException failure) implements Outcome {}

    /** Its statement failed in the batch, which rolled back: it runs again on its own. */
    record RunAlone() implements Outcome {}
  }

  /** A batch ended without an outcome for this booking: it booked nothing, or may have. */
  static final class BatchAborted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BatchAborted(Throwable cause) {
      super("the booking's batch ended without its outcome", cause);
    }
  }
}
