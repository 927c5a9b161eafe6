package boxoffice.app.testing;

import boxoffice.app.Application;
import boxoffice.testing.MutableClock;
import boxoffice.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestApp} per test class: started before the class's first test, closed after its last.
 * Register it as a static field and use it like the app itself:
 *
 * <pre>{@code
 * @RegisterExtension static final RunningApp app = RunningApp.perClass();
 * private static final BoxofficeApi api = new BoxofficeApi(app);
 * ...
 * app.http().get("/health/live");
 * }</pre>
 *
 * {@link #secondInstance} adds another instance on the same database, started after and closed
 * before this one.
 */
public final class RunningApp implements BeforeAllCallback, AfterAllCallback, Supplier<TestApp> {
  private final Supplier<TestApp> starter;
  private final List<RunningApp> secondInstances = new ArrayList<>();
  private TestApp app;

  private RunningApp(Supplier<TestApp> starter) {
    this.starter = starter;
  }

  /** The app with the test defaults, on a fresh database. */
  public static RunningApp perClass() {
    return perClass(Map.of());
  }

  /** The app with {@code overrides} (environment variables such as BCRYPT_COST). */
  public static RunningApp perClass(Map<String, String> overrides) {
    return startedBy(() -> TestApp.start(overrides));
  }

  /** The app as {@code starter} starts it, e.g. traced or with Redis. */
  public static RunningApp startedBy(Supplier<TestApp> starter) {
    return new RunningApp(starter);
  }

  /**
   * Another instance of the app on this one's database, with {@code overrides}: this extension
   * starts it after itself and closes it first; the returned handle needs no registration.
   */
  public RunningApp secondInstance(Map<String, String> overrides) {
    RunningApp second = new RunningApp(() -> TestApp.startOn(get().database(), overrides));
    secondInstances.add(second);
    return second;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    app = starter.get();
    for (RunningApp second : secondInstances) {
      second.app = second.starter.get();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    for (RunningApp second : secondInstances.reversed()) {
      second.close();
    }
    close();
  }

  private void close() {
    if (app != null) {
      app.close();
      app = null;
    }
  }

  /** The running app; fails when asked outside the test class's lifetime. */
  @Override
  public TestApp get() {
    if (app == null) {
      throw new IllegalStateException("the app runs only while the test class runs");
    }
    return app;
  }

  public TestHttpClient http() {
    return get().http();
  }

  public MutableClock clock() {
    return get().clock();
  }

  public TestDatabase database() {
    return get().database();
  }

  public Application application() {
    return get().application();
  }
}
