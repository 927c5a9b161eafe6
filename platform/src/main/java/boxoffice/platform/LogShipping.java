package boxoffice.platform;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.Map;
import net.logstash.logback.appender.LogstashTcpSocketAppender;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/**
 * Ships the JSON log lines to Logstash over TCP when {@code LOGSTASH_HOST} is set (port from {@code
 * LOGSTASH_PORT}, default 5000), besides stdout. The appender buffers and reconnects by itself, so
 * an unreachable Logstash never blocks the service. Each line carries the service's name.
 */
public final class LogShipping {
  static final int DEFAULT_PORT = 5000;

  private LogShipping() {}

  /**
   * Every line also goes to Logstash when the environment names one, tagged with {@code service}.
   */
  public static void configure(Map<String, String> env, String service) {
    String host = env.getOrDefault("LOGSTASH_HOST", "").strip();
    if (host.isEmpty()) {
      return;
    }
    int port = port(env.getOrDefault("LOGSTASH_PORT", String.valueOf(DEFAULT_PORT)).strip());
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setContext(context);
    encoder.setCustomFields("{\"service\":\"" + service + "\"}");
    encoder.start();
    LogstashTcpSocketAppender appender = new LogstashTcpSocketAppender();
    appender.setName("LOGSTASH");
    appender.setContext(context);
    appender.addDestination(host + ":" + port);
    appender.setEncoder(encoder);
    appender.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
  }

  private static int port(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // refused below, with the same message
    }
    throw new IllegalArgumentException("LOGSTASH_PORT must be a port number, not '" + text + "'");
  }
}
