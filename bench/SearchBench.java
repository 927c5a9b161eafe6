import boxoffice.app.config.AppConfig;
import boxoffice.app.config.AppConfigLoader;
import boxoffice.app.data.DataModule;
import boxoffice.app.service.BusinessMetrics;
import boxoffice.app.outbox.OutboxEncodingModule;
import boxoffice.app.domain.Event;
import boxoffice.app.domain.EventStatus;
import boxoffice.app.service.EventKey;
import boxoffice.app.service.EventQuery;
import boxoffice.app.service.EventRepository;
import boxoffice.app.service.EventSort;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import com.google.inject.name.Names;
import com.google.inject.util.Modules;
import com.zaxxer.hikari.HikariDataSource;
import io.opentelemetry.api.OpenTelemetry;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Event search latency per query shape, run through the app's own data layer: the pool comes from
 * the app's DataModule (DataSourceFactory, with the app's connection options: statement timeout =
 * request timeout, UTC; each search is planned for its own values, see PlannedPerExecution), JDBI
 * as the app configures it, and every search is a call of the app's EventRepository (JdbiEventRepository, EventDao.search) with
 * an EventQuery as the service hands it over. The bench holds no SQL of the search: the statements
 * it explains are the ones the app's code sent, captured on their way to the driver.
 *
 * <p>Run (bench/search does it): java -cp app/target/boxoffice-app.jar bench/SearchBench.java [--n
 * 200] [--warmup 10] [--db boxoffice_bench] [--mode mixed|isolated] [--no-plans] [--only
 * "shape,shape"] [--seed 42] [--pg-options "-c name=value"]
 *
 * <p>mixed (default): all shapes' queries in one random order on a pool of one connection, the way
 * a pooled app connection sees them (shapes with the same SQL text share one prepared statement and
 * its plan cache). isolated: each shape on a fresh pool of its own. --pg-options sets more session
 * settings on every connection (to try a setting the app does not use yet). The app's statement
 * timeout applies: a search cut by it is counted at its full time and reported as a timeout.
 */
public class SearchBench {
  static final int PAGE_SIZE = 20; // the app's default limit; it fetches limit + 1
  static final double TARGET_P95_MS = 30;

  // ---------------------------------------------------------------- the app's data layer

  /** One search as a client asks for it; {@link #query} turns it into the app's EventQuery. */
  record Search(
      List<String> words,
      String status,
      Instant from,
      Instant to,
      String venue,
      EventSort sort,
      boolean admin,
      int page) {
    String describe() {
      List<String> p = new ArrayList<>();
      if (!words.isEmpty()) p.add("q=" + String.join(" ", words));
      if (status != null) p.add("status=" + status);
      if (from != null) p.add("from=" + from);
      if (to != null) p.add("to=" + to);
      if (venue != null) p.add("venue=" + venue);
      p.add("sort=" + sort.parameter());
      if (admin) p.add("(admin)");
      if (page > 1) p.add("page=" + page);
      return String.join(" ", p);
    }

    /** As EventController and EventCatalog build it (drafts only for administrators). */
    EventQuery query() {
      return new EventQuery(
          EventQuery.wordsOf(String.join(" ", words)),
          Optional.ofNullable(status).map(EventStatus::valueOf),
          Optional.ofNullable(from),
          Optional.ofNullable(to),
          Optional.ofNullable(venue),
          sort,
          admin);
    }
  }

  /** One JDBC call that binds a parameter: replayed to explain the statement. */
  record Bound(Method method, Object[] args) {
    Object value() {
      return args[1];
    }
  }

  /** A statement as the app's code sent it: its SQL (with ?) and its bound parameters in order. */
  record Captured(String sql, List<Bound> params) {
    /** The text the driver sends, with $1, $2, ... (as listed in pg_prepared_statements). */
    String serverSql() {
      StringBuilder b = new StringBuilder();
      int n = 0;
      for (char c : sql.toCharArray()) {
        if (c == '?') b.append('$').append(++n);
        else b.append(c);
      }
      return b.toString();
    }

    void bindTo(PreparedStatement target) throws SQLException {
      for (Bound p : params) {
        try {
          p.method().invoke(target, p.args());
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
          throw e.getCause() instanceof SQLException s ? s : new SQLException(e.getCause());
        }
      }
    }
  }

  /**
   * The app's pool as the app's JDBI sees it, noting the last statement executed and applying the
   * --pg-options settings once to every new physical connection.
   */
  static final class RecordingDataSource implements DataSource {
    private final HikariDataSource pool;
    private final Map<String, String> settings;
    private final Set<PGConnection> configured = Collections.newSetFromMap(new WeakHashMap<>());
    Captured last;

    RecordingDataSource(HikariDataSource pool, Map<String, String> settings) {
      this.pool = pool;
      this.settings = settings;
    }

    /** A pooled connection with the extra settings applied, not recorded. */
    Connection plain() throws SQLException {
      Connection c = pool.getConnection();
      if (!settings.isEmpty() && configured.add(c.unwrap(PGConnection.class))) {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config(?, ?, false)")) {
          for (Map.Entry<String, String> s : settings.entrySet()) {
            ps.setString(1, s.getKey());
            ps.setString(2, s.getValue());
            ps.execute();
          }
        }
      }
      return c;
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection c = plain();
      return (Connection)
          Proxy.newProxyInstance(
              SearchBench.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, m, args) -> {
                Object result = forward(c, m, args);
                if (m.getName().equals("prepareStatement")) {
                  return recording((PreparedStatement) result, (String) args[0]);
                }
                return result;
              });
    }

    private PreparedStatement recording(PreparedStatement ps, String sql) {
      TreeMap<Integer, Bound> params = new TreeMap<>();
      return (PreparedStatement)
          Proxy.newProxyInstance(
              SearchBench.class.getClassLoader(),
              new Class<?>[] {PreparedStatement.class},
              (proxy, m, args) -> {
                String name = m.getName();
                if (name.startsWith("set") && args != null && args.length >= 2) {
                  params.put((Integer) args[0], new Bound(m, args));
                } else if (name.equals("execute") || name.equals("executeQuery")) {
                  last = new Captured(sql, List.copyOf(params.values()));
                }
                return forward(ps, m, args);
              });
    }

    private static Object forward(Object target, Method m, Object[] args) throws Throwable {
      try {
        return m.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      return pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
      return pool.isWrapperFor(iface);
    }
  }

  /**
   * The app's DataModule (pool from DataSourceFactory, JDBI, JdbiEventRepository) in an injector of
   * its own, with the bench's DataSource in front of the pool.
   */
  static final class AppDatabase implements AutoCloseable {
    final EventRepository events;
    final RecordingDataSource recorder;
    private final HikariDataSource pool;

    AppDatabase(AppConfig config, Map<String, String> settings) {
      Injector injector =
          Guice.createInjector(
              // The booking repositories DataModule binds need the outbox encoding and metrics.
              new OutboxEncodingModule(),
              Modules.override(new DataModule())
                  .with(
                      new AbstractModule() {
                        @Override
                        protected void configure() {
                          bind(AppConfig.class).toInstance(config);
                          bind(OpenTelemetry.class).toInstance(OpenTelemetry.noop());
                          bind(Clock.class).toInstance(Clock.systemUTC());
                          // Searching counts nothing; the booking repositories want a sink.
                          bind(BusinessMetrics.class)
                              .toInstance(
                                  (BusinessMetrics)
                                      Proxy.newProxyInstance(
                                          BusinessMetrics.class.getClassLoader(),
                                          new Class<?>[] {BusinessMetrics.class},
                                          (proxy, method, args) -> null));
                          Provider<HikariDataSource> pool = getProvider(HikariDataSource.class);
                          bind(DataSource.class)
                              .toProvider(() -> new RecordingDataSource(pool.get(), settings))
                              .in(Singleton.class);
                        }
                      }));
      events =
          injector.getInstance(Key.get(EventRepository.class, Names.named(DataModule.DATABASE)));
      recorder = (RecordingDataSource) injector.getInstance(DataSource.class);
      pool = injector.getInstance(HikariDataSource.class);
    }

    Connection connection() throws SQLException {
      return recorder.plain();
    }

    @Override
    public void close() {
      pool.close();
    }
  }

  /**
   * The app's configuration (defaults, config.yml, environment) pointed at the bench database, with
   * a pool of one connection and these settings on top.
   */
  static AppConfig config(String db, Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put(
        "DB_URL",
        "jdbc:postgresql://"
            + env.getOrDefault("PGHOST", "127.0.0.1")
            + ":"
            + env.getOrDefault("PGPORT", "5432")
            + "/"
            + db);
    env.put("DB_USER", env.getOrDefault("PGUSER", "postgres"));
    env.put("DB_POOL_SIZE", "1");
    env.putAll(overrides);
    return new AppConfigLoader().load(env);
  }

  /** "-c a=b -c c=d" as settings. */
  static Map<String, String> settings(String options) {
    Map<String, String> s = new LinkedHashMap<>();
    List<String> tokens =
        Arrays.stream(options.trim().split("\\s+")).filter(t -> !t.isEmpty()).toList();
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (t.equals("-c") && i + 1 < tokens.size()) t = tokens.get(++i);
      else if (t.startsWith("-c")) t = t.substring(2);
      int eq = t.indexOf('=');
      if (eq < 1)
        throw new IllegalArgumentException("--pg-options: expected -c name=value, got " + t);
      s.put(t.substring(0, eq), t.substring(eq + 1));
    }
    return s;
  }

  // ---------------------------------------------------------------- running one search

  /** A search ready to time: the app's query plus the keyset of its page, if deep. */
  record Prepared(Shape shape, Search search, EventQuery query, Optional<EventKey> after) {}

  static Prepared prepare(EventRepository events, Shape shape, Search s) {
    EventQuery query = s.query();
    Optional<EventKey> after = Optional.empty();
    if (s.page() > 1) {
      // The cursor of page N is the last row of page N-1 (found once, untimed), holding what
      // EventController puts in it: the sort column's value and the id.
      int before = (s.page() - 1) * PAGE_SIZE;
      List<Event> earlier = events.search(query, Optional.empty(), before);
      if (earlier.size() < before) {
        return null; // fewer pages than that: not a deep-page query
      }
      Event last = earlier.getLast();
      String value =
          s.sort() == EventSort.TITLE
              ? last.title()
              : (s.sort() == EventSort.CREATED_AT_DESC ? last.createdAt() : last.startsAt())
                  .toString();
      after = Optional.of(new EventKey(value, last.id()));
    }
    return new Prepared(shape, s, query, after);
  }

  // ---------------------------------------------------------------- shapes and parameters

  record Shape(String name, Function<Random, Search> make) {}

  static final String[] COMMON =
      "live night evening jazz festival summer opera tour rock lisbon harbour london".split(" ");
  static final String[] SYL1 =
      "ka lo mi ta ro ve sa no be di fu ga he ji pe qu ri so tu za".split(" ");
  static final String[] SYL2 =
      "ren lan mor vin tal sor bel dan kir mel nov par ros sil tor val wen yar zel cor".split(" ");
  static final String[] SYL3 =
      "do ka li mo ra se ti vo na el is an ou ey ax ur os ine ette ov".split(" ");
  static final String[] CITIES =
      "lisbon porto madrid paris berlin vienna prague warsaw dublin london rome oslo".split(" ");
  static final String[] STATUSES = {"PUBLISHED", "COMPLETED", "CANCELLED"};

  static Instant now = Instant.now().truncatedTo(ChronoUnit.DAYS);
  static List<String> venues = List.of();

  static String pick(Random r, String[] a) {
    return a[r.nextInt(a.length)];
  }

  /** A performer name of the seed: ~250 events each. */
  static String rare(Random r) {
    return pick(r, SYL1) + pick(r, SYL2) + pick(r, SYL3);
  }

  /** A window of 1, 7 or 30 days starting somewhere in the 3 seeded years. */
  static Instant[] window(Random r) {
    Instant from = now.plus(Duration.ofDays(r.nextInt(1095) - 547));
    int days = new int[] {1, 7, 30}[r.nextInt(3)];
    return new Instant[] {from, from.plus(Duration.ofDays(days))};
  }

  /** "Upcoming" as a client asks for it: from today, open ended. */
  static Instant upcoming() {
    return now;
  }

  static String venue(Random r) {
    String v = venues.get(r.nextInt(venues.size()));
    return switch (r.nextInt(3)) {
      case 0 -> v;
      case 1 -> v.toLowerCase(Locale.ROOT);
      default -> v.toUpperCase(Locale.ROOT);
    };
  }

  static Search s(
      List<String> words, String status, Instant[] w, String venue, EventSort sort, int page) {
    return new Search(
        words, status, w == null ? null : w[0], w == null ? null : w[1], venue, sort, false, page);
  }

  static List<Shape> shapes() {
    List<Shape> l = new ArrayList<>();
    // text
    l.add(
        new Shape(
            "text common word",
            r -> s(List.of(pick(r, COMMON)), null, null, null, EventSort.STARTS_AT, 1)));
    l.add(
        new Shape(
            "text rare word", r -> s(List.of(rare(r)), null, null, null, EventSort.STARTS_AT, 1)));
    l.add(
        new Shape(
            "text two words",
            r ->
                s(
                    List.of(pick(r, COMMON), pick(r, CITIES)),
                    null,
                    null,
                    null,
                    EventSort.STARTS_AT,
                    1)));
    l.add(
        new Shape(
            "text no match",
            r -> s(List.of("zq" + rare(r)), null, null, null, EventSort.STARTS_AT, 1)));
    // date, status, combined
    l.add(
        new Shape("date range", r -> s(List.of(), null, window(r), null, EventSort.STARTS_AT, 1)));
    l.add(
        new Shape(
            "upcoming (from only)",
            r ->
                new Search(
                    List.of(), null, upcoming(), null, null, EventSort.STARTS_AT, false, 1)));
    l.add(
        new Shape(
            "status", r -> s(List.of(), pick(r, STATUSES), null, null, EventSort.STARTS_AT, 1)));
    l.add(
        new Shape(
            "text+date+status",
            r ->
                s(
                    List.of(pick(r, COMMON)),
                    pick(r, STATUSES),
                    window(r),
                    null,
                    EventSort.STARTS_AT,
                    1)));
    l.add(
        new Shape(
            "rare text+date+status",
            r -> s(List.of(rare(r)), "PUBLISHED", window(r), null, EventSort.STARTS_AT, 1)));
    // each sort: no filter, status filter, text filter, date filter
    for (EventSort sort : EventSort.values()) {
      l.add(new Shape("sort " + sort.parameter(), r -> s(List.of(), null, null, null, sort, 1)));
      l.add(
          new Shape(
              "sort " + sort.parameter() + " +status",
              r -> s(List.of(), pick(r, STATUSES), null, null, sort, 1)));
      l.add(
          new Shape(
              "sort " + sort.parameter() + " +text",
              r -> s(List.of(pick(r, COMMON)), null, null, null, sort, 1)));
      l.add(
          new Shape(
              "sort " + sort.parameter() + " +rare text",
              r -> s(List.of(rare(r)), null, null, null, sort, 1)));
      l.add(
          new Shape(
              "sort " + sort.parameter() + " +date",
              r -> s(List.of(), null, window(r), null, sort, 1)));
    }
    // venue
    l.add(new Shape("venue", r -> s(List.of(), null, null, venue(r), EventSort.STARTS_AT, 1)));
    l.add(
        new Shape(
            "venue sort -startsAt",
            r -> s(List.of(), null, null, venue(r), EventSort.STARTS_AT_DESC, 1)));
    l.add(
        new Shape("venue sort title", r -> s(List.of(), null, null, venue(r), EventSort.TITLE, 1)));
    // deep keyset pages
    for (EventSort sort : EventSort.values()) {
      l.add(
          new Shape(
              "page 50 sort " + sort.parameter(), r -> s(List.of(), null, null, null, sort, 50)));
    }
    l.add(
        new Shape(
            "page 50 status",
            r -> s(List.of(), pick(r, STATUSES), null, null, EventSort.STARTS_AT, 50)));
    l.add(
        new Shape(
            "page 50 text common",
            r -> s(List.of(pick(r, COMMON)), null, null, null, EventSort.STARTS_AT, 50)));
    l.add(
        new Shape(
            "page 50 text sort title",
            r -> s(List.of(pick(r, COMMON)), null, null, null, EventSort.TITLE, 50)));
    l.add(
        new Shape(
            "page 50 upcoming",
            r ->
                new Search(
                    List.of(), null, upcoming(), null, null, EventSort.STARTS_AT, false, 50)));
    // administrators see drafts: the status <> 'DRAFT' condition is absent
    l.add(
        new Shape(
            "admin no filter",
            r -> new Search(List.of(), null, null, null, null, EventSort.STARTS_AT, true, 1)));
    l.add(
        new Shape(
            "admin status DRAFT",
            r -> new Search(List.of(), "DRAFT", null, null, null, EventSort.STARTS_AT, true, 1)));
    l.add(
        new Shape(
            "admin text common",
            r ->
                new Search(
                    List.of(pick(r, COMMON)),
                    null,
                    null,
                    null,
                    null,
                    EventSort.STARTS_AT,
                    true,
                    1)));
    return l;
  }

  // ---------------------------------------------------------------- main

  /** rows < 0: the statement timeout (the app's request timeout) cancelled it. */
  record Sample(Prepared p, long nanos, int rows, Captured statement) {}

  /** One search as the service runs it: the page plus one row, mapped to events. */
  static Sample timed(AppDatabase db, Prepared p) {
    long t0 = System.nanoTime();
    int rows;
    try {
      rows = db.events.search(p.query(), p.after(), PAGE_SIZE + 1).size();
    } catch (RuntimeException e) {
      if (!cancelledByTimeout(e)) throw e;
      rows = -1;
    }
    return new Sample(p, System.nanoTime() - t0, rows, db.recorder.last);
  }

  static boolean cancelledByTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && "57014".equals(s.getSQLState())) return true;
    }
    return false;
  }

  public static void main(String[] args) throws Exception {
    int n = 200;
    int warmup = 10;
    String db = "boxoffice_bench";
    String mode = "mixed";
    boolean plans = true;
    List<String> only = List.of();
    long seed = 42;
    String extraOptions = "";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--n" -> n = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--db" -> db = args[++i];
        case "--mode" -> mode = args[++i];
        case "--no-plans" -> plans = false;
        case "--only" -> only = Arrays.asList(args[++i].split(","));
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--pg-options" -> extraOptions = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Map<String, String> settings = settings(extraOptions);
    AppConfig timedConfig = config(db, Map.of());
    // For untimed work (cursors, EXPLAIN ANALYZE): the longest request timeout the app accepts.
    AppConfig patientConfig = config(db, Map.of("REQUEST_TIMEOUT", "5m"));

    try (AppDatabase patient = new AppDatabase(patientConfig, settings)) {
      run(db, n, warmup, mode, plans, only, seed, settings, timedConfig, patient);
    }
  }

  static void run(
      String db,
      int n,
      int warmup,
      String mode,
      boolean plans,
      List<String> only,
      long seed,
      Map<String, String> settings,
      AppConfig timedConfig,
      AppDatabase patient)
      throws SQLException {
    try (Connection c = patient.connection();
        Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM events")) {
        rs.next();
        System.out.printf("database %s: %,d events%n", db, rs.getLong(1));
      }
      List<String> vs = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("SELECT DISTINCT venue FROM events ORDER BY 1")) {
        while (rs.next()) vs.add(rs.getString(1));
      }
      venues = vs;
    }

    List<Shape> shapes = shapes();
    if (!only.isEmpty()) {
      shapes = shapes.stream().filter(s -> only.contains(s.name())).toList();
    }
    Random random = new Random(seed);
    String loadBefore = loadAverage();
    System.out.printf(
        "%d timed searches per shape after %d warm-up ones, mode %s, limit %d (+1), %s%n"
            + "through the app's EventRepository on a pool of 1 from its DataSourceFactory"
            + " (statement timeout %d ms)%s%n%n",
        n,
        warmup,
        mode,
        PAGE_SIZE,
        LocalDate.now(ZoneOffset.UTC),
        timedConfig.http().requestTimeout().toMillis(),
        settings.isEmpty() ? "" : ", extra session settings: " + settings);

    // Parameters (and deep-page cursors) first, untimed.
    Map<Shape, List<Prepared>> work = new LinkedHashMap<>();
    for (Shape shape : shapes) {
      List<Prepared> list = new ArrayList<>();
      int attempts = 0;
      while (list.size() < n + warmup && attempts++ < (n + warmup) * 20) {
        Prepared p = prepare(patient.events, shape, shape.make().apply(random));
        if (p != null) list.add(p);
      }
      work.put(shape, list);
      System.err.printf("parameters of %s ready%n", shape.name());
    }

    long[] timedFrom = cpuTimes();
    Map<Shape, List<Sample>> samples = new LinkedHashMap<>();
    Map<Shape, long[]> planCounts = new LinkedHashMap<>();
    shapes.forEach(s -> samples.put(s, new ArrayList<>()));
    if (mode.equals("mixed")) {
      List<Prepared> warm = new ArrayList<>();
      List<Prepared> timed = new ArrayList<>();
      work.forEach(
          (s, l) -> {
            warm.addAll(l.subList(0, Math.min(l.size(), warmup)));
            timed.addAll(l.subList(Math.min(l.size(), warmup), l.size()));
          });
      Collections.shuffle(warm, random);
      Collections.shuffle(timed, random);
      try (AppDatabase app = new AppDatabase(timedConfig, settings)) {
        for (Prepared p : warm) timed(app, p);
        System.err.printf("warm-up done, %d timed searches%n", timed.size());
        for (Prepared p : timed) samples.get(p.shape()).add(timed(app, p));
        for (Shape s : shapes) planCounts.put(s, planCounts(app, samples.get(s)));
      }
    } else {
      for (Shape s : shapes) {
        List<Prepared> l = work.get(s);
        try (AppDatabase app = new AppDatabase(timedConfig, settings)) {
          int w = Math.min(l.size(), warmup);
          for (Prepared p : l.subList(0, w)) timed(app, p);
          for (Prepared p : l.subList(w, l.size())) samples.get(s).add(timed(app, p));
          System.err.printf("%s done%n", s.name());
          planCounts.put(s, planCounts(app, samples.get(s)));
        }
      }
    }

    String loadAfter = busy(timedFrom, cpuTimes());
    // Plans of one representative search per shape: the median-latency one.
    Map<Shape, String> customPlans = new LinkedHashMap<>();
    System.err.println("explaining");
    Map<Shape, String> genericPlans = new LinkedHashMap<>();
    Map<Shape, Sample> representative = new LinkedHashMap<>();
    Map<Shape, Sample> slowest = new LinkedHashMap<>();
    Map<Shape, String> slowPlans = new LinkedHashMap<>();
    for (Shape s : shapes) {
      List<Sample> l = new ArrayList<>(samples.get(s));
      if (l.isEmpty()) continue;
      l.sort((a, b) -> Long.compare(a.nanos(), b.nanos()));
      representative.put(s, l.get(l.size() / 2));
      if (pct(l.stream().mapToLong(Sample::nanos).toArray(), 95) >= TARGET_P95_MS) {
        slowest.put(s, l.getLast());
      }
    }
    try (Connection c = patient.connection()) {
      for (Shape s : shapes) {
        Sample rep = representative.get(s);
        if (rep == null) continue;
        customPlans.put(s, explain(c, rep.statement()));
        if (planCounts.get(s)[0] > 0) genericPlans.put(s, explainGeneric(c, rep.statement()));
        Sample slow = slowest.get(s);
        if (slow != null) {
          String plan = explain(c, slow.statement());
          if (planCounts.get(s)[0] > 0) {
            plan += "\n-- its generic plan:\n" + explainGeneric(c, slow.statement());
          }
          slowPlans.put(s, plan);
        }
      }
    }

    // Report.
    System.out.printf(
        "%-28s %5s %6s %8s %8s %8s %8s  %-14s %s%n",
        "shape", "n", "rows", "p50 ms", "p95 ms", "p99 ms", "max ms", "plans g/c", "verdict");
    List<String> misses = new ArrayList<>();
    for (Shape s : shapes) {
      List<Sample> l = samples.get(s);
      if (l.isEmpty()) {
        System.out.printf("%-28s (no searches: no such page)%n", s.name());
        continue;
      }
      long[] ns = l.stream().mapToLong(Sample::nanos).sorted().toArray();
      double rows = l.stream().mapToInt(Sample::rows).filter(x -> x >= 0).average().orElse(0);
      long timeouts = l.stream().filter(x -> x.rows() < 0).count();
      double p95 = pct(ns, 95);
      String plan = customPlans.getOrDefault(s, "");
      String gplan = genericPlans.getOrDefault(s, "");
      List<String> verdict = new ArrayList<>();
      if (p95 >= TARGET_P95_MS) verdict.add("OVER TARGET");
      if (timeouts > 0) verdict.add(timeouts + " TIMEOUTS");
      String splan = slowPlans.getOrDefault(s, "");
      if (plan.contains("Seq Scan on events")
          || gplan.contains("Seq Scan on events")
          || splan.contains("Seq Scan on events")) {
        verdict.add("SEQ SCAN");
      }
      if (!verdict.isEmpty()) misses.add(s.name());
      long[] pc = planCounts.get(s);
      System.out.printf(
          "%-28s %5d %6.1f %8.2f %8.2f %8.2f %8.2f  %-14s %s%n",
          s.name(),
          ns.length,
          rows,
          pct(ns, 50),
          p95,
          pct(ns, 99),
          ns[ns.length - 1] / 1e6,
          pc[0] + "/" + pc[1],
          verdict.isEmpty() ? "ok" : String.join(", ", verdict));
    }
    System.out.printf(
        "%nmachine before: %s; during the timed searches: %s (one search at a time keeps about"
            + " one of the two cores busy, ~50 %%, when nothing else runs)",
        loadBefore, loadAfter);
    System.out.printf(
        "%nrows: average rows returned (limit 21: the page plus one to know whether a next page"
            + " exists).%nplans g/c: generic/custom plans PostgreSQL used for this shape's prepared"
            + " statement(s) (shared by shapes with the same SQL).%ntarget: p95 < %.0f ms; %s%n",
        TARGET_P95_MS,
        misses.isEmpty() ? "every shape meets it" : "MISSED by: " + String.join("; ", misses));

    if (plans) {
      for (Shape s : shapes) {
        Sample rep = representative.get(s);
        if (rep == null) continue;
        System.out.printf(
            "%n==== %s: %s%n%s%n", s.name(), rep.p().search().describe(), rep.statement().sql());
        System.out.println(customPlans.get(s));
        if (genericPlans.containsKey(s)) {
          System.out.println("-- generic plan (used by the prepared statement):");
          System.out.println(genericPlans.get(s));
        }
        if (slowPlans.containsKey(s)) {
          Sample slow = slowest.get(s);
          System.out.printf(
              "-- the slowest search of this shape (%.1f ms in the run): %s%n%s%n",
              slow.nanos() / 1e6, slow.p().search().describe(), slowPlans.get(s));
        }
      }
    }
  }

  /** Percent of CPU time not idle over the next second, from /proc/stat. */
  static String loadAverage() {
    try {
      long[] a = cpuTimes();
      Thread.sleep(1000);
      return busy(a, cpuTimes());
    } catch (InterruptedException e) {
      return "unknown";
    }
  }

  static String busy(long[] a, long[] b) {
    if (a == null || b == null) return "unknown";
    long total = 0;
    for (int i = 0; i < a.length; i++) total += b[i] - a[i];
    long idle = (b[3] - a[3]) + (b[4] - a[4]);
    return String.format("%d%% CPU busy", total == 0 ? 0 : 100 - 100 * idle / total);
  }

  /** user, nice, system, idle, iowait, irq, softirq, steal of all CPUs; null if unknown. */
  static long[] cpuTimes() {
    try {
      String line = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0);
      String[] f = line.trim().split("\\s+");
      long[] t = new long[8];
      for (int i = 0; i < 8; i++) t[i] = Long.parseLong(f[i + 1]);
      return t;
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  static double pct(long[] sorted, double p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  /**
   * generic_plans, custom_plans of the pool's connection's prepared statements of these searches.
   */
  static long[] planCounts(AppDatabase app, List<Sample> l) throws SQLException {
    List<String> texts =
        l.stream()
            .map(Sample::statement)
            .filter(x -> x != null)
            .map(Captured::serverSql)
            .distinct()
            .toList();
    try (Connection c = app.connection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT coalesce(sum(generic_plans), 0), coalesce(sum(custom_plans), 0)"
                    + " FROM pg_prepared_statements WHERE statement = ANY (?)")) {
      ps.setArray(1, c.createArrayOf("text", texts.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new long[] {rs.getLong(1), rs.getLong(2)};
      }
    }
  }

  static String explain(Connection c, Captured statement) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (PreparedStatement ps =
        c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + statement.sql())) {
      statement.bindTo(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.append(rs.getString(1)).append('\n');
      }
    }
    return out.toString().stripTrailing();
  }

  /** The generic plan (what a prepared statement may switch to after five executions). */
  static String explainGeneric(Connection c, Captured statement) throws SQLException {
    List<String> types = new ArrayList<>();
    List<String> literals = new ArrayList<>();
    for (Bound b : statement.params()) {
      switch (b.value()) {
        case Timestamp t -> {
          types.add("timestamptz");
          literals.add("'" + t.toInstant() + "'");
        }
        case OffsetDateTime t -> {
          types.add("timestamptz");
          literals.add("'" + t + "'");
        }
        case Instant t -> {
          types.add("timestamptz");
          literals.add("'" + t + "'");
        }
        case UUID u -> {
          types.add("uuid");
          literals.add("'" + u + "'");
        }
        case Integer i -> {
          types.add("int4");
          literals.add(i.toString());
        }
        case Long i -> {
          types.add("int8");
          literals.add(i.toString());
        }
        case String s -> {
          types.add("varchar");
          literals.add("'" + s.replace("'", "''") + "'");
        }
        case Object o -> throw new IllegalArgumentException("unexpected parameter " + o);
      }
    }
    StringBuilder out = new StringBuilder();
    try (Statement st = c.createStatement()) {
      String before;
      try (ResultSet rs = st.executeQuery("SELECT current_setting('plan_cache_mode')")) {
        rs.next();
        before = rs.getString(1);
      }
      st.execute("SET plan_cache_mode = force_generic_plan");
      st.execute(
          "PREPARE bench_generic (" + String.join(", ", types) + ") AS " + statement.serverSql());
      try (ResultSet rs =
          st.executeQuery(
              "EXPLAIN (ANALYZE, BUFFERS) EXECUTE bench_generic("
                  + String.join(", ", literals)
                  + ")")) {
        while (rs.next()) out.append(rs.getString(1)).append('\n');
      }
      st.execute("DEALLOCATE bench_generic");
      st.execute("SET plan_cache_mode = " + before);
    }
    return out.toString().stripTrailing();
  }
}
