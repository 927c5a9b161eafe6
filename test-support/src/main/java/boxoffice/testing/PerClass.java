package boxoffice.testing;

import java.util.concurrent.Callable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fixture (a server, a stack of services) started before a test class's first test and closed
 * after its last. Register it as a static field:
 *
 * <pre>{@code
 * @RegisterExtension static final PerClass<FullStack> stack = PerClass.of(FullStack::untraced);
 * }</pre>
 */
public final class PerClass<T extends AutoCloseable>
    implements BeforeAllCallback, AfterAllCallback {
  private final Callable<T> start;
  private T running;

  private PerClass(Callable<T> start) {
    this.start = start;
  }

  public static <T extends AutoCloseable> PerClass<T> of(Callable<T> start) {
    return new PerClass<>(start);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    running = start.call();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (running != null) {
      running.close();
      running = null;
    }
  }

  /** The running fixture; fails when asked outside the test class's lifetime. */
  public T get() {
    if (running == null) {
      throw new IllegalStateException("the fixture runs only while the test class runs");
    }
    return running;
  }
}
