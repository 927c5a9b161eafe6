import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * HTTP load for bookings: prepares events and users through the API, then books one seat at a time
 * with a fixed number of concurrent connections of wrk (closed loop, bench/booking.lua) at one hot
 * event and then at many events. Started by bench/booking, which also runs the app and pgbench.
 *
 * <p>java -cp app/target/boxoffice-app.jar bench/BookingBench.java --base http://127.0.0.1:18080
 * --out DIR --app-pid PID [--concurrency 32] [--jit-warmup 20] [--warmup 5] [--duration 20] [--users 200] [--events 1000]
 *
 * <p>Writes DIR/hot-event.txt, DIR/events.txt and DIR/users.txt (ids, for pgbench) and
 * DIR/app-results.txt (key=value).
 *
 * <p>java -cp app/target/boxoffice-app.jar bench/BookingBench.java --print-sql
 * boxoffice.app.data.BookingStatement#SQL prints that statement of the compiled app, as the app
 * sends it; {@code --print-binds} prints the names of its parameters, one a line, as the app's
 * parser finds them. bench/booking runs pgbench with that statement.
 */
public class BookingBench {
  static final ObjectMapper JSON = new ObjectMapper();
  static HttpClient http;
  static String base;
  static long appPid;

  public static void main(String[] args) throws Exception {
    int concurrency = 32;
    int warmup = 5;
    int jitWarmup = 20;
    int duration = 20;
    int userCount = 200;
    int eventCount = 1000;
    Path out = null;
    String adminEmail = "admin@boxoffice.local";
    String adminPassword = "boxoffice-dev-admin";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--print-sql" -> {
          String sql = statementOf(args[++i]);
          System.out.print(sql.endsWith("\n") ? sql : sql + "\n");
          return;
        }
        case "--print-binds" -> {
          for (String name : parameterNamesOf(statementOf(args[++i]))) System.out.println(name);
          return;
        }
        case "--base" -> base = args[++i];
        case "--app-pid" -> appPid = Long.parseLong(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--jit-warmup" -> jitWarmup = Integer.parseInt(args[++i]);
        case "--duration" -> duration = Integer.parseInt(args[++i]);
        case "--users" -> userCount = Integer.parseInt(args[++i]);
        case "--events" -> eventCount = Integer.parseInt(args[++i]);
        case "--admin-email" -> adminEmail = args[++i];
        case "--admin-password" -> adminPassword = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (base == null || out == null || appPid == 0)
      throw new IllegalArgumentException("--base, --out and --app-pid are required");
    Files.createDirectories(out);
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    // ---- set-up through the API (untimed)
    long t0 = System.nanoTime();
    String admin = login(adminEmail, adminPassword);
    Instant startsAt = Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    String hot = createEvent(admin, "Hot Release Night", startsAt);
    // Its own event for the warm-up, so the measured phase starts with every user far from the
    // per-user limit of the hot event.
    String warmHot = createEvent(admin, "Warm-up Release Night", startsAt);
    List<String> events =
        parallel(
            8,
            eventCount,
            i -> createEvent(admin, "Bench Event " + i, startsAt.plus(i, ChronoUnit.HOURS)));
    String run = Long.toString(System.currentTimeMillis(), 36);
    List<String[]> users =
        parallel(
            8,
            userCount,
            i -> {
              String email = "bench-" + run + "-" + i + "@bench.local";
              String id = register(email, "bench-password-" + i, "Bench User " + i);
              return new String[] {id, login(email, "bench-password-" + i)};
            });
    Files.writeString(out.resolve("hot-event.txt"), hot + "\n");
    Files.write(out.resolve("events.txt"), events);
    Files.write(out.resolve("users.txt"), users.stream().map(u -> u[0]).toList());
    String[] tokens = users.stream().map(u -> u[1]).toArray(String[]::new);
    System.out.printf(
        "set-up: 1 hot event + %d events (capacity 1,000,000 each), %d users logged in, %.1f s%n",
        events.size(), users.size(), (System.nanoTime() - t0) / 1e9);

    // ---- load
    Map<String, String> results = new TreeMap<>();
    Path tokenFile = out.resolve("tokens.txt");
    Files.write(tokenFile, Arrays.asList(tokens));
    Path hotOnly = Files.writeString(out.resolve("load-hot.txt"), hot + "\n");
    Path many = out.resolve("events.txt");
    // The JIT compiles the booking path during its first tens of seconds, at the cost of a core:
    // without this round, the first phase pays for it and the second does not.
    // Both phases' paths are warmed: waiting on the hot event's row lock takes other branches.
    if (jitWarmup > 0) {
      Path warm = Files.writeString(out.resolve("load-warm-up.txt"), warmHot + "\n");
      wrk(warm, tokenFile, concurrency, jitWarmup);
      wrk(many, tokenFile, concurrency, jitWarmup);
      System.out.printf(
          "JIT warm-up: %d s of bookings at the hot event and %d s at random events, not measured%n",
          jitWarmup, jitWarmup);
    }
    Result h = load("hot", hotOnly, tokenFile, concurrency, warmup, duration);
    Result m = load("many", many, tokenFile, concurrency, warmup, duration);
    for (Result r : List.of(h, m)) {
      System.out.println(r.describe());
      results.put(r.name + "_rps", String.format("%.1f", r.rps()));
      results.put(r.name + "_p50_ms", String.format("%.2f", r.pct(50)));
      results.put(r.name + "_p99_ms", String.format("%.2f", r.pct(99)));
      results.put(r.name + "_errors", Long.toString(r.errors()));
      results.put(r.name + "_app_cpu_ms", String.format("%.3f", r.appCpuMsPerRequest()));
      results.put(r.name + "_other_pct", String.format("%.0f", r.cpu.otherPercent()));
      results.put(r.name + "_busy_pct", String.format("%.0f", r.cpu.busyPercent()));
    }
    results.put("concurrency", Integer.toString(concurrency));
    results.put("duration_s", Integer.toString(duration));
    StringBuilder b = new StringBuilder();
    results.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
    Files.writeString(out.resolve("app-results.txt"), b.toString());
  }

  // ---------------------------------------------------------------- the app's SQL

  /**
   * The SQL text of the static String field CLASS#FIELD of the compiled app (package-private
   * members are read by reflection, which the class path allows).
   */
  static String statementOf(String spec) throws Exception {
    int hash = spec.indexOf('#');
    if (hash < 1 || hash == spec.length() - 1)
      throw new IllegalArgumentException("expected CLASS#FIELD, got " + spec);
    Field field = Class.forName(spec.substring(0, hash)).getDeclaredField(spec.substring(hash + 1));
    field.setAccessible(true);
    if (!(field.get(null) instanceof String sql) || sql.isBlank())
      throw new IllegalStateException(spec + " holds no SQL text");
    return sql;
  }

  /** The parameter names of a statement, as the app's own parser (NamedSql) finds them. */
  static List<String> parameterNamesOf(String sql) throws Exception {
    Class<?> namedSql = Class.forName("boxoffice.app.data.NamedSql");
    Method parse = namedSql.getDeclaredMethod("parse", String.class);
    Method names = namedSql.getDeclaredMethod("names");
    parse.setAccessible(true);
    names.setAccessible(true);
    @SuppressWarnings("unchecked")
    var found = (java.util.Set<String>) names.invoke(parse.invoke(null, sql));
    return found.stream().sorted().toList();
  }

  // ---------------------------------------------------------------- load loop

  record Result(
      String name,
      double[] percentilesMs, // p50, p95, p99, max (of every answer)
      Map<Integer, Long> statuses,
      long socketErrors,
      double seconds,
      Cpu.Usage cpu) {
    double rps() {
      return statuses.getOrDefault(201, 0L) / seconds;
    }

    long errors() {
      return socketErrors
          + statuses.entrySet().stream()
              .filter(e -> e.getKey() != 201)
              .mapToLong(Map.Entry::getValue)
              .sum();
    }

    double pct(double p) {
      return switch ((int) p) {
        case 50 -> percentilesMs[0];
        case 95 -> percentilesMs[1];
        case 99 -> percentilesMs[2];
        default -> percentilesMs[3];
      };
    }

    long requests() {
      return statuses.values().stream().mapToLong(Long::longValue).sum();
    }

    /** CPU milliseconds the app process used per request it answered in the timed window. */
    double appCpuMsPerRequest() {
      return cpu.appSeconds() * 1000 / Math.max(1, requests());
    }

    String describe() {
      return String.format(
          "app %-4s: %8.1f bookings/s (201s), p50 %6.2f ms, p95 %6.2f ms, p99 %6.2f ms, max %7.2f"
              + " ms, statuses %s%s%n          app CPU %.3f ms per request; %s",
          name,
          rps(),
          pct(50),
          pct(95),
          pct(99),
          pct(100),
          statuses,
          socketErrors > 0 ? ", socket errors " + socketErrors : "",
          appCpuMsPerRequest(),
          cpu.describe());
    }
  }

  /**
   * {@code concurrency} closed-loop connections of wrk (bench/booking.lua: a random event of {@code
   * events} and a random token each request) for {@code warmup} seconds, not measured, then for
   * {@code duration} seconds, measured: wrk's answers by status and latency percentiles, and the CPU
   * used meanwhile. wrk costs the machine a fraction of the CPU a Java client spends per request.
   */
  static Result load(
      String name, Path events, Path tokens, int concurrency, int warmup, int duration)
      throws Exception {
    if (warmup > 0) wrk(events, tokens, concurrency, warmup);
    Cpu.Sample before = Cpu.sample(appPid);
    String out = wrk(events, tokens, concurrency, duration);
    Cpu.Usage usage = Cpu.sample(appPid).since(before);
    String line =
        out.lines()
            .filter(l -> l.startsWith("RESULT "))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("wrk printed no RESULT line:\n" + out));
    Map<String, String> fields = new TreeMap<>();
    for (String field : line.substring("RESULT ".length()).trim().split(" ")) {
      int eq = field.indexOf('=');
      fields.put(field.substring(0, eq), field.substring(eq + 1));
    }
    Map<Integer, Long> statuses = new TreeMap<>();
    for (String pair : fields.get("statuses").split(",")) {
      if (pair.isEmpty()) continue;
      String[] kv = pair.split(":");
      statuses.put(Integer.parseInt(kv[0]), Long.parseLong(kv[1]));
    }
    double[] pct = {
      Long.parseLong(fields.get("p50_us")) / 1000.0,
      Long.parseLong(fields.get("p95_us")) / 1000.0,
      Long.parseLong(fields.get("p99_us")) / 1000.0,
      Long.parseLong(fields.get("max_us")) / 1000.0
    };
    return new Result(
        name, pct, statuses, Long.parseLong(fields.get("socket_errors")), duration, usage);
  }

  static String wrk(Path events, Path tokens, int connections, int seconds) throws Exception {
    Process wrk =
        new ProcessBuilder(
                "wrk",
                "-t2",
                "-c" + connections,
                "-d" + seconds + "s",
                "--timeout",
                "30s",
                "-s",
                Path.of(System.getProperty("bench.dir", "bench"), "booking.lua").toString(),
                base,
                "--",
                events.toString(),
                tokens.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(wrk.getInputStream().readAllBytes());
    if (wrk.waitFor() != 0) throw new IllegalStateException("wrk failed:\n" + out);
    return out;
  }

  static void sleepUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      Thread.sleep(Duration.ofNanos(left));
    }
  }

  // ---------------------------------------------------------------- API calls

  interface Task<T> {
    T run(int i) throws Exception;
  }

  static <T> List<T> parallel(int threads, int count, Task<T> task) throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        futures.add(pool.submit(() -> task.run(n)));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) results.add(f.get());
      return results;
    }
  }

  static JsonNode call(String method, String path, String token, Object body, int expected)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (token != null) b.header("Authorization", "Bearer " + token);
    HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() != expected) {
      throw new IllegalStateException(
          method + " " + path + " -> " + res.statusCode() + " " + res.body());
    }
    return JSON.readTree(res.body());
  }

  static String login(String email, String password) throws Exception {
    return call(
            "POST", "/api/v1/auth/login", null, Map.of("email", email, "password", password), 200)
        .get("accessToken")
        .asText();
  }

  static String register(String email, String password, String name) throws Exception {
    return call(
            "POST",
            "/api/v1/auth/register",
            null,
            Map.of("email", email, "password", password, "name", name),
            201)
        .get("id")
        .asText();
  }

  static String createEvent(String admin, String title, Instant startsAt) throws Exception {
    Map<String, Object> body =
        Map.of(
            "title",
            title,
            "description",
            "Benchmark event",
            "venue",
            "Bench Hall",
            "startsAt",
            startsAt.toString(),
            "endsAt",
            startsAt.plus(3, ChronoUnit.HOURS).toString(),
            "capacity",
            1_000_000,
            // The most the API allows: each of the users books the hot event dozens of times.
            "maxTicketsPerUser",
            100,
            "status",
            "PUBLISHED");
    return call("POST", "/api/v1/events", admin, body, 201).get("id").asText();
  }

  // ---------------------------------------------------------------- CPU accounting

  /**
   * CPU time from /proc: the app process, this load client, PostgreSQL (the postmaster with the
   * children it reaped, and its live backends) and the machine as a whole. "Other" is what none of
   * the three used: another job on the machine, which makes the run noisy.
   */
  static final class Cpu {
    static final double HZ = 100; // USER_HZ: the unit of /proc times on Linux

    record Sample(long app, long client, long postgres, long busy, long total) {
      Usage since(Sample s) {
        return new Usage(
            app - s.app,
            client - s.client,
            postgres - s.postgres,
            busy - s.busy,
            total - s.total);
      }
    }

    record Usage(long app, long client, long postgres, long busy, long total) {
      double appSeconds() {
        return app / HZ;
      }

      double busyPercent() {
        return 100.0 * busy / Math.max(1, total);
      }

      double otherPercent() {
        return 100.0 * Math.max(0, busy - app - client - postgres) / Math.max(1, total);
      }

      String describe() {
        return String.format(
            "CPU s: app %.1f, client %.1f, PostgreSQL %.1f; machine %.0f %% busy, other %.0f %%",
            app / HZ, client / HZ, postgres / HZ, busyPercent(), otherPercent());
      }
    }

    static Sample sample(long appPid) throws IOException {
      long postgres = 0;
      try (var dirs = Files.list(Path.of("/proc"))) {
        for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
          String[] stat = stat(dir.resolve("stat"));
          if (stat == null || !stat[1].equals("(postgres)")) continue;
          String[] parent = stat(Path.of("/proc", stat[3], "stat"));
          boolean postmaster = parent == null || !parent[1].equals("(postgres)");
          postgres += ticks(stat, postmaster);
        }
      }
      String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
      long busy = 0;
      long total = 0;
      for (int i = 1; i <= 8; i++) {
        long v = Long.parseLong(cpu[i]);
        total += v;
        if (i != 4 && i != 5) busy += v; // idle, iowait
      }
      return new Sample(
          ticks(stat(Path.of("/proc", Long.toString(appPid), "stat")), false),
          ticks(stat(Path.of("/proc/self/stat")), true), // with wrk, once reaped
          postgres,
          busy,
          total);
    }

    /** utime + stime, with the reaped children's times when asked. */
    static long ticks(String[] stat, boolean withChildren) {
      if (stat == null) return 0;
      long t = Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
      return withChildren ? t + Long.parseLong(stat[15]) + Long.parseLong(stat[16]) : t;
    }

    /** The fields of a /proc stat file (the command, field 2, has no spaces for these). */
    static String[] stat(Path file) {
      try {
        return Files.readString(file).trim().split(" ");
      } catch (IOException e) {
        return null; // the process ended
      }
    }
  }
}
