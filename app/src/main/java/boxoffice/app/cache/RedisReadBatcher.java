package boxoffice.app.cache;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
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
 * readers waiting for the next batch to send it.
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
    Read read = new Read(key, lock.newCondition());
    lock.lock();
    try {
      queued.add(read);
      if (sending) {
        awaitTurn(read);
        if (read.done) {
          return read.result();
        }
      }
      sending = true;
    } finally {
      lock.unlock();
    }
    send();
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

  /** Until the read is answered or elected to send the next batch; the lock is held. */
  private void awaitTurn(Read read) {
    long nanos = patienceNanos;
    try {
      while (!read.done && !read.elected) {
        if (nanos <= 0) {
          read.abandoned = true;
          throw new JedisConnectionException("no answer from Redis within the read's patience");
        }
        nanos = read.turn.awaitNanos(nanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      read.abandoned = true;
      throw new JedisConnectionException("interrupted while waiting for Redis", e);
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
      finish(batch, positions, values, failure);
    }
  }

  private void finish(
      List<Read> batch,
      Map<ByteBuffer, Integer> positions,
      List<byte[]> values,
      RuntimeException failure) {
    lock.lock();
    try {
      for (Read read : batch) {
        if (failure != null) {
          read.fail(failure);
        } else {
          read.answer(values.get(positions.get(ByteBuffer.wrap(read.key))));
        }
      }
      electNextSender();
    } finally {
      lock.unlock();
    }
  }

  /** The lock is held. */
  private void electNextSender() {
    queued.removeIf(read -> read.abandoned);
    if (queued.isEmpty()) {
      sending = false;
      return;
    }
    Read next = queued.getFirst();
    next.elected = true;
    next.turn.signal();
  }

  /** One reader's request; its fields are guarded by the batcher's lock until it is done. */
  private static final class Read {
    final byte[] key;
    final Condition turn;
    boolean done;
    boolean elected;
    boolean abandoned;
    private byte[] value;
    private RuntimeException failure;

    Read(byte[] key, Condition turn) {
      this.key = key;
      this.turn = turn;
    }

    void answer(byte[] value) {
      this.value = value;
      done = true;
      turn.signal();
    }

    void fail(RuntimeException failure) {
      this.failure = failure;
      done = true;
      turn.signal();
    }

    byte[] result() {
      if (failure != null) {
        throw failure;
      }
      return value;
    }
  }
}
