package boxoffice.notification;

import boxoffice.notification.config.NotificationConfig;
import boxoffice.notification.data.ConnectionPools;
import boxoffice.notification.data.JdbiRecipientDirectory;
import boxoffice.notification.data.JdbiSentLog;
import boxoffice.notification.data.JdbiTicketCodes;
import boxoffice.notification.mail.SmtpMailSender;
import boxoffice.notification.service.NotificationHandler;
import boxoffice.notification.service.RetryPolicy;
import boxoffice.notification.service.SentLogRetention;
import boxoffice.notification.transport.ConsumerStats;
import boxoffice.notification.transport.ConsumerTracing;
import boxoffice.notification.transport.DeadLetterPublisher;
import boxoffice.notification.transport.KafkaClients;
import boxoffice.notification.transport.MessageDecoder;
import boxoffice.notification.transport.NotificationConsumer;
import boxoffice.notification.transport.OperationsEndpoint;
import boxoffice.platform.database.LiquibaseMigrations;
import boxoffice.platform.database.SqlTracing;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running notification service: wires the layers by hand, starts and stops them. */
public final class NotificationApplication implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationApplication.class);
  private static final long RETENTION_PERIOD_HOURS = 6;
  // The instrumentation scope of the SQL spans.
  private static final String DATA = "boxoffice.notification.data";

  private final NotificationConsumer consumer;
  private final int httpPort;

  /** What to close, most recently opened first. */
  private final Deque<AutoCloseable> resources;

  private NotificationApplication(
      NotificationConsumer consumer, int httpPort, Deque<AutoCloseable> resources) {
    this.consumer = consumer;
    this.httpPort = httpPort;
    this.resources = resources;
  }

  private static OperationsEndpoint operations(
      int port, ConsumerStats stats, java.util.function.BooleanSupplier ready) {
    try {
      return new OperationsEndpoint(port, stats, ready);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot listen on HTTP port " + port, e);
    }
  }

  private static boolean isReachable(javax.sql.DataSource database) {
    try (var connection = database.getConnection()) {
      return connection.isValid(1);
    } catch (java.sql.SQLException e) {
      return false;
    }
  }

  /** Applies the notification database's migrations, then starts consuming; tracing is off. */
  public static NotificationApplication start(NotificationConfig config, Clock clock) {
    return start(config, clock, OpenTelemetry.noop());
  }

  /**
   * As {@link #start(NotificationConfig, Clock)}, with a span per message consumed (continuing the
   * producer's trace), per email sent and per SQL statement, in {@code openTelemetry}. The caller
   * owns {@code openTelemetry} and shuts it down after closing the service.
   */
  public static NotificationApplication start(
      NotificationConfig config, Clock clock, OpenTelemetry openTelemetry) {
    Deque<AutoCloseable> resources = new ArrayDeque<>();
    try {
      var ownDb = ConnectionPools.own(config.db());
      resources.push(ownDb);
      var appDb = ConnectionPools.appReadOnly(config.appDb());
      resources.push(appDb);
      new LiquibaseMigrations(ownDb, JdbiSentLog.CHANGELOG).apply();

      JdbiSentLog sentLog =
          new JdbiSentLog(
              SqlTracing.withinTraces(Jdbi.create(ownDb), openTelemetry, DATA, config.db().url()));
      Jdbi appData =
          SqlTracing.withinTraces(Jdbi.create(appDb), openTelemetry, DATA, config.appDb().url());
      NotificationHandler handler =
          new NotificationHandler(
              new JdbiRecipientDirectory(appData),
              new JdbiTicketCodes(appData),
              sentLog,
              new SmtpMailSender(config.smtp(), clock, openTelemetry),
              new RetryPolicy(
                  config.delivery().maxAttempts(),
                  config.delivery().baseDelay(),
                  config.delivery().maxDelay()),
              config.timeZone());

      ScheduledExecutorService housekeeping =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().name("sent-log-retention").daemon().factory());
      resources.push(housekeeping::shutdownNow);
      housekeeping.scheduleWithFixedDelay(
          new SentLogRetention(sentLog, config.sentLogRetention(), clock),
          0,
          RETENTION_PERIOD_HOURS,
          TimeUnit.HOURS);

      DeadLetterPublisher deadLetters =
          new DeadLetterPublisher(
              KafkaClients.deadLetterProducer(config.kafka()), config.kafka().deadLetterTopic());
      resources.push(deadLetters);
      ConsumerStats stats = new ConsumerStats();
      NotificationConsumer consumer =
          new NotificationConsumer(
              KafkaClients.consumer(config.kafka()),
              config.kafka().topic(),
              new MessageDecoder(),
              handler,
              deadLetters,
              stats,
              new ConsumerTracing(openTelemetry, config.kafka().groupId()));
      resources.push(consumer);
      OperationsEndpoint endpoint =
          operations(config.httpPort(), stats, () -> consumer.isRunning() && isReachable(ownDb));
      resources.push(endpoint);
      if (config.smtp().authenticated() && !config.smtp().tls()) {
        LOG.warn("smtp.user is set but smtp.tls is off: the SMTP password travels unencrypted");
      }
      consumer.start();
      LOG.info(
          "notification service consuming {} as group {}",
          config.kafka().topic(),
          config.kafka().groupId());
      return new NotificationApplication(consumer, endpoint.port(), resources);
    } catch (RuntimeException e) {
      closeAll(resources);
      throw e;
    }
  }

  /** Applies the notification database's migrations and returns. */
  public static void migrate(NotificationConfig config) {
    try (var ownDb = ConnectionPools.own(config.db())) {
      new LiquibaseMigrations(ownDb, JdbiSentLog.CHANGELOG).apply();
    }
  }

  /** The port of /health and /metrics (the one chosen by the system when configured as 0). */
  public int httpPort() {
    return httpPort;
  }

  /** Blocks until the consumer loop ends, after {@link #close()} or a failure it cannot survive. */
  public void awaitTermination() throws InterruptedException {
    consumer.awaitTermination();
  }

  /** Why the consumer loop ended by itself, if it did. */
  public Optional<Throwable> failure() {
    return consumer.failure();
  }

  /** Stops consuming (see {@link NotificationConsumer#close()}) and releases every resource. */
  @Override
  public synchronized void close() {
    if (resources.isEmpty()) {
      return;
    }
    closeAll(resources);
    LOG.info("notification service stopped");
  }

  private static void closeAll(Deque<AutoCloseable> resources) {
    while (!resources.isEmpty()) {
      AutoCloseable resource = resources.pop();
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("closing {} failed: {}", resource.getClass().getSimpleName(), e.getMessage());
      }
    }
  }
}
