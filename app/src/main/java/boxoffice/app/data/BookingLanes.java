package boxoffice.app.data;

import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Seats concurrent bookings together. Events are spread over a few lanes (an event always goes to
 * the same lane). A booking that finds no booking of its lane in flight on this instance runs at
 * once, alone, as it would without coalescing. Those that arrive meanwhile wait, and when it ends
 * they run as one batch in ONE transaction on a thread of their own: one commit for all of them
 * instead of one each, and for each event in the batch one wait for its row lock. The batch runs
 * event by event in the order of their ids (the order every batch, on every instance, takes row
 * locks in, so two batches never deadlock), each event's bookings in arrival order. Every booking
 * still runs its own statement and gets that statement's outcome, so each one that fits gets its
 * seats and the rest are refused exactly as they would be one by one; the statement, the row lock
 * and the CHECK constraints decide, as always.
 *
 * <p>A failing booking does not fail its batch. When a statement fails (a constraint it could not
 * foresee, such as the user's ticket limit passed by a concurrent request), the transaction rolls
 * back, that booking runs again alone on its request's thread and meets its own answer, and the
 * rest of the batch runs again together. Only when nobody can tell whether the batch committed (the
 * commit or the connection failed) does every booking of it get that failure, as a single statement
 * would.
 *
 * <p>There are half as many lanes as pool connections, so batches never hold more than half of the
 * pool and other requests always find connections. A lane exists only while a batch of it is in
 * flight.
 */
public final class BookingLanes {
  /** Bookings per transaction at most: bounds the time row locks are held at once. */
  static final int MAX_BATCH = 64;

  private static final Comparator<Waiting> BY_EVENT =
      Comparator.comparing(waiting -> waiting.booking().eventId());

  private final ConcurrentHashMap<Integer, Lane> lanes = new ConcurrentHashMap<>();
  private final BookingStatement statement;
  private final boolean coalesce;
  private final int laneCount;
  private final LongAdder batches = new LongAdder();
  private final LongAdder batched = new LongAdder();

  /**
   * With {@code coalesce} false, every booking runs alone (configuration {@code booking.coalesce});
   * else bookings run in lanes, half as many as {@code poolSize}.
   */
  BookingLanes(BookingStatement statement, boolean coalesce, int poolSize) {
    this.statement = statement;
    this.coalesce = coalesce;
    this.laneCount = Math.max(1, poolSize / 2);
  }

  /**
   * Books as {@link BookingStatement#book} does, for a booking outside any transaction of the
   * caller's (a batch commits on its own).
   */
  BookingDao.Seating book(BookingStatement.Values booking) {
    if (!coalesce) {
      return statement.book(booking);
    }
    Waiting mine = new Waiting(booking, laneOf(booking.eventId()), Context.current());
    if (!joinInFlight(mine)) {
      try {
        return statement.book(booking);
      } finally {
        batchEnded(mine.lane());
      }
    }
    return switch (await(mine)) {
      case Outcome.Seated seated -> seated.seating();
      case Outcome.Failed failed -> throw failed.failure();
      case Outcome.RunAlone runAlone -> statement.book(booking);
    };
  }

  private int laneOf(UUID eventId) {
    return Math.floorMod(eventId.hashCode(), laneCount);
  }

  /** Transactions that committed two or more bookings together, since the start. */
  public long batchesCommitted() {
    return batches.sum();
  }

  /** The bookings those transactions ran (booked or refused), since the start. */
  public long bookingsInBatches() {
    return batched.sum();
  }

  /** Bookings in the lane of {@code eventId} waiting for the batch in flight to end. */
  int waiting(UUID eventId) {
    int[] waiting = {0};
    lanes.computeIfPresent(
        laneOf(eventId),
        (id, lane) -> {
          waiting[0] = lane.waiting.size();
          return lane;
        });
    return waiting[0];
  }

  /**
   * Queues {@code booking} behind the batch of its lane in flight, or, when there is none, makes it
   * the one in flight (returns false).
   */
  private boolean joinInFlight(Waiting booking) {
    boolean[] queued = {false};
    lanes.compute(
        booking.lane(),
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
  private void batchEnded(int lane) {
    List<Waiting> next = takeNext(lane);
    if (!next.isEmpty()) {
      // A thread of its own: a batch must not be cut short by one of its requests' deadlines.
      Thread.ofVirtual().name("booking-batch").start(() -> runBatches(lane, next));
    }
  }

  private void runBatches(int lane, List<Waiting> first) {
    for (List<Waiting> batch = first; !batch.isEmpty(); batch = takeNext(lane)) {
      try {
        run(batch);
      } catch (RuntimeException | Error e) {
        batch.forEach(b -> b.settle(new Outcome.Failed(new BatchAborted(e))));
      }
    }
  }

  private List<Waiting> takeNext(int laneKey) {
    List<Waiting> next = new ArrayList<>();
    lanes.computeIfPresent(
        laneKey,
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
    List<Waiting> remaining = new ArrayList<>(batch);
    remaining.sort(BY_EVENT); // stable: each event's bookings stay in arrival order
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
        mine.lane(),
        (id, lane) -> {
          left[0] = lane.waiting.remove(mine);
          return lane;
        });
    return left[0];
  }

  /** The bookings of one lane waiting for the batch in flight to end. */
  private static final class Lane {
    final List<Waiting> waiting = new ArrayList<>();
  }

  /** A booking waiting in a lane, with the trace of its request. */
  private record Waiting(
      BookingStatement.Values booking,
      int lane,
      Context trace,
      CompletableFuture<Outcome> outcome) {
    Waiting(BookingStatement.Values booking, int lane, Context trace) {
      this(booking, lane, trace, new CompletableFuture<>());
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
