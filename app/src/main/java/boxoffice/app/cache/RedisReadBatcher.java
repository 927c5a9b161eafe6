package boxoffice.app.cache;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Reads that arrive while another read is on its way to Redis wait, then go together in the next
 * round trip (one GET, or an MGET of their distinct keys). Under load many readers share a round
 * trip instead of each paying for one, which is most of what a Redis read costs.
 *
 * <p>Every read is sent after it arrived, never answered by a round trip already under way: it sees
 * every write that completed before it began, exactly as a read of its own would.
 *
 * <p>No thread of its own: the first reader sends, and each batch, once answered, elects one of the
 * readers waiting for the next batch to send it. The lock guards only the queue and the election; a
 * batch's readers are answered outside it and each woken once, so they do not queue again for the
 * lock one after the other to leave their wait.
 */
final class RedisReadBatcher {
  private final Function<List<byte[]>, List<byte[]>> fetch;
  private final long patienceNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private List<Read> queued = new ArrayList<>();
  private boolean sending;

  /**
   * @param fetch the values of the given keys in the same order, null where a key has no value
   * @param patience longest a reader waits for the batch before it goes without
   */
  RedisReadBatcher(Function<List<byte[]>, List<byte[]>> fetch, Duration patience) {
    this.fetch = fetch;
    this.patienceNanos = patience.toNanos();
  }

  /**
   * The value of {@code key}, null when it has none.
   *
   * @throws RuntimeException what the round trip failed with, or {@link JedisConnectionException}
   *     when no answer came within the patience
   */
  byte[] get(byte[] key) {
    Read read = new Read(key, Thread.currentThread());
    boolean sendsNow;
    lock.lock();
    try {
      queued.add(read);
      sendsNow = !sending;
      sending = true;
    } finally {
      lock.unlock();
    }
    if (sendsNow) {
      send();
    } else if (awaitTurn(read) == Read.ELECTED) {
      // The readers behind depend on this round trip: an interrupt (the request's deadline) must
      // not abort it, so it is held back until the batch is sent and answered.
      boolean interrupted = Thread.interrupted();
      try {
        send();
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
    return read.result();
  }

  /** Reads waiting for the next round trip (for tests). */
  int waiting() {
    lock.lock();
    try {
      return (int) queued.stream().filter(read -> !read.abandoned).count();
    } finally {
      lock.unlock();
    }
  }

  /** Until the read is answered ({@link Read#DONE}) or elected to send the next batch. */
  private int awaitTurn(Read read) {
    long deadline = System.nanoTime() + patienceNanos;
    while (true) {
      int state = read.state;
      if (state != Read.WAITING) {
        return state;
      }
      long left = deadline - System.nanoTime();
      boolean interrupted = Thread.currentThread().isInterrupted();
      if (left <= 0 || interrupted) {
        if (giveUp(read)) {
          throw new JedisConnectionException(
              interrupted
                  ? "interrupted while waiting for Redis"
                  : "no answer from Redis within the read's patience");
        }
        return read.state; // answered or elected meanwhile
      }
      LockSupport.parkNanos(this, left);
    }
  }

  /** Abandons a read still waiting; false when it was answered or elected meanwhile. */
  private boolean giveUp(Read read) {
    lock.lock();
    try {
      if (read.state != Read.WAITING) {
        return false;
      }
      read.abandoned = true;
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** One round trip for every read queued so far, then the next batch gets a sender. */
  private void send() {
    List<Read> batch;
    lock.lock();
    try {
      batch = queued;
      queued = new ArrayList<>();
    } finally {
      lock.unlock();
    }
    Map<ByteBuffer, Integer> positions = new LinkedHashMap<>();
    List<byte[]> keys = new ArrayList<>();
    for (Read read : batch) {
      if (positions.putIfAbsent(ByteBuffer.wrap(read.key), keys.size()) == null) {
        keys.add(read.key);
      }
    }
    List<byte[]> values = null;
    RuntimeException failure = null;
    try {
      values = fetch.apply(keys);
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      // Even when an Error escapes, the batch's readers get an answer and the next batch a
      // sender; otherwise every later read would wait out its patience.
      if (values == null && failure == null) {
        failure = new JedisConnectionException("the Redis read failed");
      }
      electNextSender();
      for (Read read : batch) {
        if (failure != null) {
          read.complete(null, failure);
        } else {
          read.complete(values.get(positions.get(ByteBuffer.wrap(read.key))), null);
        }
      }
    }
  }

  private void electNextSender() {
    Read next = null;
    lock.lock();
    try {
      queued.removeIf(read -> read.abandoned);
      if (queued.isEmpty()) {
        sending = false;
      } else {
        next = queued.getFirst();
        next.state = Read.ELECTED;
      }
    } finally {
      lock.unlock();
    }
    if (next != null) {
      LockSupport.unpark(next.reader);
    }
  }

  /** One reader's request. */
  private static final class Read {
    static final int WAITING = 0;
    static final int ELECTED = 1;
    static final int DONE = 2;

    final byte[] key;
    final Thread reader;

    /** Written by the batch that answers or elects it; its value and failure are set before. */
    volatile int state = WAITING;

    /** Guarded by the batcher's lock. */
    boolean abandoned;

    private byte[] value;
    private RuntimeException failure;

    Read(byte[] key, Thread reader) {
      this.key = key;
      this.reader = reader;
    }

    void complete(byte[] value, RuntimeException failure) {
      this.value = value;
      this.failure = failure;
      state = DONE;
      LockSupport.unpark(reader);
    }

    byte[] result() {
      if (failure != null) {
        throw failure;
      }
      return value;
    }
  }
}
