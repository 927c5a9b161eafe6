package boxoffice.app.service;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Readiness: the service is ready when every dependency probe answers. */
public final class HealthService {
  private final Set<DependencyProbe> probes;

  @jakarta.inject.Inject
  public HealthService(Set<DependencyProbe> probes) {
    this.probes = probes;
  }

  /** Each dependency's name and whether it is up, in name order. */
  public Map<String, Boolean> check() {
    Map<String, Boolean> states = new TreeMap<>();
    probes.forEach(probe -> states.put(probe.name(), probe.isUp()));
    return states;
  }
}
