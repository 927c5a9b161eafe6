package boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogShippingTest {
  private final Logger root =
      ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);

  @AfterEach
  void stopShipping() {
    var appender = root.getAppender("LOGSTASH");
    if (appender != null) {
      root.detachAppender(appender);
      appender.stop();
    }
  }

  @Test
  void linesGoToLogstashAsJsonTaggedWithTheService() throws Exception {
    try (ServerSocket logstash = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      logstash.setSoTimeout(20_000);
      LogShipping.configure(
          Map.of(
              "LOGSTASH_HOST",
              "127.0.0.1",
              "LOGSTASH_PORT",
              String.valueOf(logstash.getLocalPort())),
          "boxoffice-test");

      LoggerFactory.getLogger("boxoffice.shipping").warn("shipped to logstash");

      try (Socket connection = logstash.accept();
          var lines =
              new BufferedReader(
                  new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
        connection.setSoTimeout(20_000);
        String line = lines.readLine();
        while (line != null && !line.contains("shipped to logstash")) {
          line = lines.readLine();
        }
        assertThat(line)
            .contains("\"service\":\"boxoffice-test\"")
            .contains("\"logger_name\":\"boxoffice.shipping\"")
            .contains("\"level\":\"WARN\"");
        // Stopped while Logstash still listens: otherwise it waits out a reconnection delay.
        stopShipping();
      }
    }
  }

  @Test
  void withoutAHostNothingIsShipped() {
    LogShipping.configure(Map.of("LOGSTASH_PORT", "5000"), "boxoffice-test");

    assertThat(root.getAppender("LOGSTASH")).isNull();
  }

  @Test
  void aPortThatIsNotOneIsRefusedWithItsName() {
    for (String port : new String[] {"fifty", "0", "70000"}) {
      assertThatThrownBy(
              () ->
                  LogShipping.configure(
                      Map.of("LOGSTASH_HOST", "logstash", "LOGSTASH_PORT", port), "x"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("LOGSTASH_PORT")
          .hasMessageContaining(port);
    }
  }
}
