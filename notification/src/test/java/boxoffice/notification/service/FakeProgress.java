package boxoffice.notification.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records the pauses asked for instead of waiting. */
final class FakeProgress implements Progress {
  final List<Duration> pauses = new ArrayList<>();
  int checkpoints;

  @Override
  public void checkpoint() {
    checkpoints++;
  }

  @Override
  public void pause(Duration duration) {
    pauses.add(duration);
  }
}
