package boxoffice.app.data;

import boxoffice.app.service.DependencyProbe;
import jakarta.inject.Inject;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Readiness of PostgreSQL: a trivial query through the pool. */
final class DatabaseProbe implements DependencyProbe {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseProbe.class);

  private final Jdbi jdbi;

  @Inject
  DatabaseProbe(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public String name() {
    return "database";
  }

  @Override
  public boolean isUp() {
    try {
      return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
    } catch (RuntimeException e) {
      LOG.warn("database is unreachable: {}", e.getMessage());
      return false;
    }
  }
}
