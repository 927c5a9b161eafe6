package boxoffice.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Kafka broker inside the test JVM: KRaft in combined mode (broker and controller in
 * one process, node id 1), every replication factor 1, listening on a free port of 127.0.0.1. Its
 * storage is formatted with {@code kafka.tools.StorageTool format} in a temporary directory that is
 * deleted on {@link #close()}. Starting takes about three seconds, so test classes usually share
 * {@link #shared()} and keep apart by using topic names of their own ({@link #uniqueTopic}).
 *
 * <p>Needs {@code org.apache.kafka:kafka_2.13} (same version as kafka-clients) on the test
 * classpath.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static EmbeddedKafka shared;

  private final KafkaRaftServer server;
  private final Path directory;
  private final String bootstrapServers;
  private boolean closed;

  private EmbeddedKafka(KafkaRaftServer server, Path directory, String bootstrapServers) {
    this.server = server;
    this.directory = directory;
    this.bootstrapServers = bootstrapServers;
  }

  /** One broker for the whole test JVM, started on first use and stopped when the JVM exits. */
  public static synchronized EmbeddedKafka shared() {
    if (shared == null) {
      EmbeddedKafka kafka = start();
      Runtime.getRuntime()
          .addShutdownHook(Thread.ofPlatform().name("embedded-kafka-stop").unstarted(kafka::close));
      shared = kafka;
    }
    return shared;
  }

  /** A new broker of its own; the caller closes it. */
  public static EmbeddedKafka start() {
    Path directory;
    try {
      directory = Files.createTempDirectory("embedded-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int brokerPort = freePort();
    int controllerPort = freePort();
    Properties config = KraftSetup.combinedNode(directory, brokerPort, controllerPort);
    KraftSetup.formatStorage(directory, config);
    KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
    server.startup();
    EmbeddedKafka kafka = new EmbeddedKafka(server, directory, "127.0.0.1:" + brokerPort);
    kafka.awaitReady();
    return kafka;
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    try (Admin admin = admin()) {
      while (true) {
        try {
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("embedded Kafka did not become ready", e);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting Kafka", e);
    }
  }

  /** {@code host:port} for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** A topic name no other test uses: the prefix and a random suffix. */
  public static String uniqueTopic(String prefix) {
    return prefix + "." + Uuid.randomUuid().toString().replace("-", "").substring(0, 12);
  }

  /** Creates topics of one partition each (one partition keeps every message in order). */
  public void createTopics(String... names) {
    createTopic(1, names);
  }

  public void createTopic(int partitions, String... names) {
    try (Admin admin = admin()) {
      admin
          .createTopics(
              Stream.of(names).map(name -> new NewTopic(name, partitions, (short) 1)).toList())
          .all()
          .get(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("creating topics failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An admin client for this broker; the caller closes it. */
  public Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  /** A producer of text keys and values (acks=all); the caller closes it. */
  public KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class.getName()));
  }

  /** Sends one message and waits until the broker has it. */
  public void send(String topic, String key, String value) {
    send(topic, key, value, Map.of());
  }

  /** Sends one message with headers (UTF-8 values) and waits until the broker has it. */
  public void send(String topic, String key, String value, Map<String, String> headers) {
    RecordHeaders recordHeaders = new RecordHeaders();
    headers.forEach((name, text) -> recordHeaders.add(name, text.getBytes(StandardCharsets.UTF_8)));
    try (KafkaProducer<String, String> producer = producer()) {
      producer
          .send(new ProducerRecord<>(topic, null, key, value, recordHeaders))
          .get(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("sending to " + topic + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads the topic from its beginning, without a consumer group, until {@code count} messages are
   * there; fails the test if they are not within {@code timeout}.
   */
  public List<ConsumerRecord<String, String>> awaitRecords(
      String topic, int count, Duration timeout) {
    return awaitRecords(topic, count, timeout, record -> true);
  }

  /** Like {@link #awaitRecords(String, int, Duration)}, counting only the matching messages. */
  public List<ConsumerRecord<String, String>> awaitRecords(
      String topic, int count, Duration timeout, Predicate<ConsumerRecord<String, String>> match) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ConsumerRecord<String, String>> found = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = reader()) {
      List<TopicPartition> partitions = new ArrayList<>();
      while (partitions.isEmpty() && System.nanoTime() < deadline) {
        consumer
            .partitionsFor(topic, Duration.ofSeconds(1))
            .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (found.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          if (match.test(record)) {
            found.add(record);
          }
        }
      }
    }
    if (found.size() < count) {
      throw new AssertionError(
          "expected "
              + count
              + " matching message(s) on "
              + topic
              + " within "
              + timeout
              + ", found "
              + found.size());
    }
    return found;
  }

  private KafkaConsumer<String, String> reader() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            "false",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class.getName(),
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class.getName()));
  }

  /** The UTF-8 text of a message's last header of that name, or null. */
  public static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.shutdown();
    server.awaitShutdown();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary directory is harmless.
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
