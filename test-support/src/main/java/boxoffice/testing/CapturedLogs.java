package boxoffice.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/**
 * Log events as the production encoder writes them: one JSON object per line, with the logging
 * context frozen when the event happened.
 */
public final class CapturedLogs implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Logger> attachedTo;
  private final Map<Logger, Level> levelsBefore = new HashMap<>();
  private final LogstashEncoder encoder = new LogstashEncoder();
  private final ListAppender<ILoggingEvent> events =
      new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
          // Freeze the logging context (MDC) now, as the production async appender does.
          event.prepareForDeferredProcessing();
          super.append(event);
        }
      };

  /**
   * Captures what reaches {@code attachTo}, with {@code raiseToInfo} logging at INFO meanwhile (the
   * test configuration keeps the service's own loggers quiet).
   */
  private CapturedLogs(List<String> attachTo, List<String> raiseToInfo) {
    encoder.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    encoder.start();
    events.start();
    for (String name : raiseToInfo) {
      Logger logger = (Logger) LoggerFactory.getLogger(name);
      levelsBefore.put(logger, logger.getLevel());
      logger.setLevel(Level.INFO);
    }
    attachedTo = attachTo.stream().map(name -> (Logger) LoggerFactory.getLogger(name)).toList();
    attachedTo.forEach(logger -> logger.addAppender(events));
  }

  /** The lines of one logger and its children. */
  public static CapturedLogs of(String loggerName) {
    return new CapturedLogs(List.of(loggerName), List.of(loggerName));
  }

  /**
   * Every line of the process: the root logger's, and the access log's, which does not pass its
   * lines on.
   */
  public static CapturedLogs everything() {
    return new CapturedLogs(
        List.of(Logger.ROOT_LOGGER_NAME, "boxoffice.access"), List.of("boxoffice"));
  }

  /** Every line captured so far, encoded. */
  public List<String> lines() {
    return List.copyOf(events.list).stream().map(this::encode).toList();
  }

  /** Every line captured so far, as JSON fields. */
  public List<Map<String, Object>> fields() {
    return lines().stream().map(CapturedLogs::parse).toList();
  }

  /** The first line matching, waiting for it up to a few seconds (logging is asynchronous). */
  public Map<String, Object> await(Predicate<Map<String, Object>> wanted) {
    Await.until(Duration.ofSeconds(5), () -> fields().stream().anyMatch(wanted));
    return find(wanted).orElseThrow();
  }

  public Optional<Map<String, Object>> find(Predicate<Map<String, Object>> wanted) {
    return fields().stream().filter(wanted).findFirst();
  }

  private String encode(ILoggingEvent event) {
    return new String(encoder.encode(event), StandardCharsets.UTF_8);
  }

  private static Map<String, Object> parse(String line) {
    try {
      return JSON.readValue(line, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new AssertionError("log line is not JSON: " + line, e);
    }
  }

  @Override
  public void close() {
    attachedTo.forEach(logger -> logger.detachAppender(events));
    levelsBefore.forEach(Logger::setLevel);
    events.stop();
    encoder.stop();
  }
}
