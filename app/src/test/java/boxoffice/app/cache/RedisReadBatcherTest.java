package boxoffice.app.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;

class RedisReadBatcherTest {
  /** A stand-in for Redis whose round trips the test can hold open. */
  private final Map<String, String> store = new ConcurrentHashMap<>();

  private final List<List<String>> roundTrips = new CopyOnWriteArrayList<>();
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private volatile RuntimeException failNext;
  private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();

  private final RedisReadBatcher batcher =
      new RedisReadBatcher(this::fetch, Duration.ofSeconds(10));

  @AfterEach
  void stop() {
    gate.countDown();
    readers.shutdownNow();
  }

  /** Reads the values when the round trip starts, then waits at the gate, as a slow Redis. */
  private List<byte[]> fetch(List<byte[]> keys) {
    List<String> names = keys.stream().map(k -> new String(k, StandardCharsets.UTF_8)).toList();
    roundTrips.add(names);
    List<byte[]> values = new ArrayList<>();
    for (String name : names) {
      String value = store.get(name);
      values.add(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }
    try {
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    RuntimeException failure = failNext;
    if (failure != null) {
      failNext = null;
      throw failure;
    }
    return values;
  }

  @Test
  void aLoneReadIsOneRoundTripForItsKey() {
    store.put("a", "1");

    assertThat(read("a")).isEqualTo("1");
    assertThat(read("missing")).isNull();
    assertThat(roundTrips).containsExactly(List.of("a"), List.of("missing"));
  }

  @Test
  void readsArrivingDuringARoundTripShareTheNextOne() throws Exception {
    store.putAll(Map.of("a", "1", "b", "2", "c", "3"));
    gate = new CountDownLatch(1);
    Future<String> first = readers.submit(() -> read("a"));
    awaitCondition(() -> roundTrips.size() == 1);
    List<Future<String>> next = new ArrayList<>();
    for (String key : List.of("a", "b", "c", "b", "a", "c")) {
      next.add(readers.submit(() -> read(key)));
    }
    awaitCondition(() -> batcher.waiting() == 6);

    gate.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("1");
    List<String> values = new ArrayList<>();
    for (Future<String> read : next) {
      values.add(read.get(10, TimeUnit.SECONDS));
    }
    assertThat(values).containsExactly("1", "2", "3", "2", "1", "3");
    assertThat(roundTrips).hasSize(2);
    assertThat(roundTrips.get(1)).containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void aReadNeverTakesTheAnswerOfARoundTripThatStartedBeforeIt() throws Exception {
    store.put("seats", "10 left");
    gate = new CountDownLatch(1);
    Future<String> before = readers.submit(() -> read("seats"));
    awaitCondition(() -> roundTrips.size() == 1);
    store.put("seats", "9 left"); // a booking committed while that round trip was on its way
    Future<String> after = readers.submit(() -> read("seats"));
    awaitCondition(() -> batcher.waiting() == 1);

    gate.countDown();

    assertThat(before.get(10, TimeUnit.SECONDS)).isEqualTo("10 left");
    assertThat(after.get(10, TimeUnit.SECONDS)).isEqualTo("9 left");
  }

  @Test
  void aFailedRoundTripFailsItsReadsAndTheNextBatchStillGoes() throws Exception {
    store.put("a", "1");
    gate = new CountDownLatch(1);
    failNext = new JedisConnectionException("connection reset");
    Future<String> failing = readers.submit(() -> read("a"));
    awaitCondition(() -> roundTrips.size() == 1);
    Future<String> waiting = readers.submit(() -> read("a"));
    awaitCondition(() -> batcher.waiting() == 1);

    gate.countDown();

    assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(JedisConnectionException.class);
    assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo("1");
    assertThat(read("a")).isEqualTo("1");
  }

  @Test
  void anErrorInARoundTripStillAnswersItsReadersAndFreesTheNextBatch() {
    RedisReadBatcher failing =
        new RedisReadBatcher(
            keys -> {
              if (roundTrips.isEmpty()) {
                roundTrips.add(List.of("boom"));
                throw new StackOverflowError("simulated");
              }
              return fetch(keys);
            },
            Duration.ofSeconds(10));
    store.put("a", "1");

    assertThatThrownBy(() -> failing.get(bytes("a"))).isInstanceOf(StackOverflowError.class);
    assertThat(asString(failing.get(bytes("a")))).isEqualTo("1");
  }

  @Test
  void aReaderGivesUpAfterItsPatienceAndTheBatcherRecovers() throws Exception {
    RedisReadBatcher impatient = new RedisReadBatcher(this::fetch, Duration.ofMillis(100));
    store.put("a", "1");
    gate = new CountDownLatch(1);
    Future<String> stuck = readers.submit(() -> asString(impatient.get(bytes("a"))));
    awaitCondition(() -> roundTrips.size() == 1);

    assertThatThrownBy(() -> impatient.get(bytes("a")))
        .isInstanceOf(JedisConnectionException.class);

    gate.countDown();
    assertThat(stuck.get(10, TimeUnit.SECONDS)).isEqualTo("1");
    assertThat(asString(impatient.get(bytes("a")))).isEqualTo("1");
  }

  @Test
  void anInterruptedReaderGivesUpAndTheReadersBehindItAreStillAnswered() throws Exception {
    store.put("a", "1");
    gate = new CountDownLatch(1);
    Future<String> first = readers.submit(() -> read("a"));
    awaitCondition(() -> roundTrips.size() == 1);
    Future<String> interrupted = readers.submit(() -> read("a"));
    awaitCondition(() -> batcher.waiting() == 1);
    Future<String> behind = readers.submit(() -> read("a"));
    awaitCondition(() -> batcher.waiting() == 2);

    interrupted.cancel(true);
    awaitCondition(() -> batcher.waiting() == 1);
    gate.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("1");
    assertThat(behind.get(10, TimeUnit.SECONDS)).isEqualTo("1");
    assertThat(read("a")).isEqualTo("1");
    assertThat(roundTrips).hasSize(3);
  }

  @Test
  void manyConcurrentReadersEachGetTheirOwnKeysValue() throws Exception {
    for (int i = 0; i < 20; i++) {
      store.put("k" + i, "v" + i);
    }
    List<Future<Boolean>> results = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      int offset = t;
      results.add(
          readers.submit(
              () -> {
                for (int i = 0; i < 500; i++) {
                  int k = (i + offset) % 20;
                  if (!("v" + k).equals(read("k" + k))) {
                    return false;
                  }
                }
                return true;
              }));
    }
    for (Future<Boolean> result : results) {
      assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  private String read(String key) {
    return asString(batcher.get(bytes(key)));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String asString(byte[] value) {
    return value == null ? null : new String(value, StandardCharsets.UTF_8);
  }

  private static void awaitCondition(BooleanSupplier condition) {
    Instant deadline = Instant.now().plusSeconds(10);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("condition within 10 s").isBefore(deadline);
      LockSupport.parkNanos(1_000_000);
    }
  }
}
