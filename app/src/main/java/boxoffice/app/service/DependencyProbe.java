package boxoffice.app.service;

/** Port: tells whether one dependency the service needs is reachable right now. */
public interface DependencyProbe {
  String name();

  boolean isUp();
}
