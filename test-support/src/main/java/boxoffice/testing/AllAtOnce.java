package boxoffice.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Races calls against each other: each runs on a pool thread, all wait for one start signal, and
 * the results come back in the order of the calls.
 */
public final class AllAtOnce {
  private AllAtOnce() {}

  /** Runs {@code call(0)} … {@code call(count - 1)}, each on its own thread. */
  public static <T> List<T> run(int count, IntFunction<T> call)
      throws InterruptedException, ExecutionException {
    return run(count, count, call);
  }

  /** As {@link #run(int, IntFunction)} on {@code threads} threads; the rest queue behind them. */
  public static <T> List<T> run(int count, int threads, IntFunction<T> call)
      throws InterruptedException, ExecutionException {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return call.apply(index);
                }));
      }
      go.countDown();
    }
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get());
    }
    return results;
  }
}
