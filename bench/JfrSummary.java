import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU samples went: by library (the first frame of a known library from
 * the top of each stack, so time in the JDK counts for the library that called it), then the
 * methods with the most samples on top of the stack (self) and anywhere in it (total).
 *
 * <p>java bench/JfrSummary.java RECORDING.jfr [TOP [FROM_S TO_S]]: FROM_S and TO_S keep only the
 * samples taken that many seconds after the recording's first.
 */
public class JfrSummary {
  private static final List<String[]> LIBRARIES =
      List.of(
          new String[] {"org.jdbi.", "JDBI"},
          new String[] {"org.postgresql.", "PostgreSQL driver"},
          new String[] {"com.zaxxer.hikari.", "HikariCP"},
          new String[] {"org.eclipse.jetty.", "Jetty"},
          new String[] {"io.javalin.", "Javalin"},
          new String[] {"com.fasterxml.jackson.", "Jackson"},
          new String[] {"ch.qos.logback.", "logging"},
          new String[] {"net.logstash.", "logging"},
          new String[] {"org.slf4j.", "logging"},
          new String[] {"io.prometheus.", "Prometheus client"},
          new String[] {"io.opentelemetry.", "OpenTelemetry"},
          new String[] {"com.auth0.", "java-jwt"},
          new String[] {"com.google.inject.", "Guice"},
          new String[] {"redis.clients.", "Jedis"},
          new String[] {"io.grpc.", "gRPC"},
          new String[] {"org.apache.kafka.", "Kafka client"},
          new String[] {"boxoffice.", "Boxoffice"});

  public static void main(String[] args) throws Exception {
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Map<String, Integer> byLibrary = new HashMap<>();
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> total = new HashMap<>();
    int samples = 0;
    List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));
    Instant first = events.stream().map(RecordedEvent::getStartTime).min(Instant::compareTo).get();
    Instant from = args.length > 3 ? first.plusSeconds(Long.parseLong(args[2])) : Instant.MIN;
    Instant to = args.length > 3 ? first.plusSeconds(Long.parseLong(args[3])) : Instant.MAX;
    // CPU-time samples (JDK 25, Linux) are proportional to CPU used; execution samples are taken
    // from a few running threads at a fixed rate, whatever the load.
    String kind =
        events.stream().anyMatch(e -> e.getEventType().getName().equals("jdk.CPUTimeSample"))
            ? "jdk.CPUTimeSample"
            : "jdk.ExecutionSample";
    for (RecordedEvent event : events) {
      if (!event.getEventType().getName().equals(kind)
          || event.getStackTrace() == null
          || event.getStartTime().isBefore(from)
          || !event.getStartTime().isBefore(to)) {
        continue;
      }
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      samples++;
      self.merge(name(frames.getFirst()), 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      String library = null;
      for (RecordedFrame frame : frames) {
        String name = name(frame);
        if (seen.add(name)) {
          total.merge(name, 1, Integer::sum);
        }
        if (library == null) {
          library = libraryOf(frame.getMethod().getType().getName());
        }
      }
      byLibrary.merge(library == null ? "JDK and other" : library, 1, Integer::sum);
    }
    System.out.printf("%d samples (%s)%n%n-- by library (first known frame from the top)%n", samples, kind);
    print(byLibrary, samples, top);
    System.out.printf("%n-- self (top of the stack)%n");
    print(self, samples, top);
    System.out.printf("%n-- total (anywhere in the stack)%n");
    print(total, samples, top);
  }

  private static String libraryOf(String type) {
    for (String[] library : LIBRARIES) {
      if (type.startsWith(library[0])) {
        return library[1];
      }
    }
    return null;
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static void print(Map<String, Integer> counts, int samples, int top) {
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(
            e ->
                System.out.printf(
                    "%6.1f %%  %6d  %s%n", 100.0 * e.getValue() / samples, e.getValue(), e.getKey()));
  }
}
