package boxoffice.notification.service;

import java.time.Duration;

/**
 * The caller's hold on long work: a fan-out to many holders or waits between retries call it so the
 * caller can stay alive in its consumer group and can withdraw the work. Both methods throw {@link
 * ProcessingAbandoned} when the work is withdrawn.
 */
public interface Progress {

  /** Called between units of work. */
  void checkpoint();

  /** Waits about this long, unless the work is withdrawn first. */
  void pause(Duration duration);
}
