import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Event search latency per query shape, with the SQL the app generates (a copy of EventDao.search),
 * bound the way JDBI binds it and run through the PostgreSQL JDBC driver with its default settings
 * (server-side prepared statements after 5 uses, as in the app).
 *
 * <p>Run (bench/search does it): java -cp app/target/boxoffice-app.jar bench/SearchBench.java
 * [--n 200] [--warmup 10] [--db boxoffice_bench] [--mode mixed|isolated] [--no-plans] [--only
 * "shape,shape"] [--seed 42] [--pg-options "-c name=value"] [--prefix last]
 *
 * <p>mixed (default): all shapes' queries in one random order on one connection, the way a pooled
 * app connection sees them (shapes with the same SQL text share one prepared statement and its plan
 * cache). isolated: each shape on a fresh connection of its own. --pg-options adds connection
 * options (to try a setting the app does not use yet); --prefix last is an experiment that makes
 * only the last word a prefix. The 5 s statement timeout of the app applies: a search cut by it is
 * counted at its full time and reported as a timeout.
 */
public class SearchBench {
  static final String COLUMNS =
      "id, title, description, venue, starts_at, ends_at, capacity, seats_booked, status, version,"
          + " created_at, updated_at";
  static final int PAGE_SIZE = 20; // the app's default limit; it fetches limit + 1
  static final double TARGET_P95_MS = 30;

  // ---------------------------------------------------------------- the SQL of EventDao.search

  enum Sort {
    STARTS_AT("startsAt", "(starts_at, id) > (:afterValue, :afterId)", "starts_at, id", false),
    STARTS_AT_DESC(
        "-startsAt", "(starts_at, id) < (:afterValue, :afterId)", "starts_at DESC, id DESC", false),
    TITLE("title", "(title, id) > (:afterValue, :afterId)", "title, id", true),
    CREATED_AT_DESC(
        "-createdAt",
        "(created_at, id) < (:afterValue, :afterId)",
        "created_at DESC, id DESC",
        false);

    final String param;
    final String keyset;
    final String orderBy;
    final boolean textKey;

    Sort(String param, String keyset, String orderBy, boolean textKey) {
      this.param = param;
      this.keyset = keyset;
      this.orderBy = orderBy;
      this.textKey = textKey;
    }
  }

  /** One search as the service hands it to EventDao: words already split and lower-cased. */
  record Search(
      List<String> words,
      String status,
      Instant from,
      Instant to,
      String venue,
      Sort sort,
      boolean admin,
      int page) {
    String describe() {
      List<String> p = new ArrayList<>();
      if (!words.isEmpty()) p.add("q=" + String.join(" ", words));
      if (status != null) p.add("status=" + status);
      if (from != null) p.add("from=" + from);
      if (to != null) p.add("to=" + to);
      if (venue != null) p.add("venue=" + venue);
      p.add("sort=" + sort.param);
      if (admin) p.add("(admin)");
      if (page > 1) p.add("page=" + page);
      return String.join(" ", p);
    }
  }

  /** Keyset position: the sort value of the last row of the previous page and its id. */
  record After(Object value, UUID id) {}

  /** SQL with JDBI's named parameters and their values, as EventDao.search builds them. */
  record Named(String sql, Map<String, Object> values) {}

  static Named build(Search q, After after, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM events WHERE TRUE");
    Map<String, Object> v = new LinkedHashMap<>();
    if (!q.admin()) sql.append(" AND status <> 'DRAFT'");
    if (q.status() != null) sql.append(" AND status = :status");
    if (!q.words().isEmpty()) sql.append(" AND search @@ to_tsquery('simple', :words)");
    if (q.from() != null) sql.append(" AND starts_at >= :from");
    if (q.to() != null) sql.append(" AND starts_at < :to");
    if (q.venue() != null) sql.append(" AND lower(venue) = lower(:venue)");
    if (after != null) sql.append(" AND ").append(q.sort().keyset);
    sql.append(" ORDER BY ").append(q.sort().orderBy).append(" LIMIT :limit");
    v.put("limit", limit);
    if (q.status() != null) v.put("status", q.status());
    if (!q.words().isEmpty()) {
      // As the app: every word a prefix. --prefix last (an experiment, not the app's SQL): only the
      // last word is a prefix, the others must match whole words.
      List<String> w = q.words();
      v.put(
          "words",
          lastWordPrefixOnly
              ? String.join(" & ", w.subList(0, w.size() - 1))
                  + (w.size() > 1 ? " & " : "")
                  + w.getLast()
                  + ":*"
              : w.stream().map(x -> x + ":*").collect(Collectors.joining(" & ")));
    }
    if (q.from() != null) v.put("from", q.from());
    if (q.to() != null) v.put("to", q.to());
    if (q.venue() != null) v.put("venue", q.venue());
    if (after != null) {
      v.put("afterValue", after.value());
      v.put("afterId", after.id());
    }
    return new Named(sql.toString(), v);
  }

  /** JDBI turns each :name into ? in order of appearance. */
  record Positional(String sql, List<Object> params) {
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
  }

  static final Pattern NAMED = Pattern.compile(":([A-Za-z]\\w*)");

  static Positional positional(Named named) {
    Matcher m = NAMED.matcher(named.sql());
    StringBuilder sql = new StringBuilder();
    List<Object> params = new ArrayList<>();
    while (m.find()) {
      params.add(named.values().get(m.group(1)));
      m.appendReplacement(sql, "?");
    }
    m.appendTail(sql);
    return new Positional(sql.toString(), params);
  }

  /** Binds like JDBI 3 with the PostgresPlugin: Instant as a Timestamp, UUID natively. */
  static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object p = params.get(i);
      switch (p) {
        case Instant t -> ps.setTimestamp(i + 1, Timestamp.from(t));
        case UUID u -> ps.setObject(i + 1, u);
        case Integer n -> ps.setInt(i + 1, n);
        case String s -> ps.setString(i + 1, s);
        default -> throw new IllegalArgumentException("unexpected parameter " + p);
      }
    }
  }

  // ---------------------------------------------------------------- running one search

  /** A search ready to time: its page-1 search plus the keyset of its page, if deep. */
  record Prepared(Shape shape, Search search, Positional sql) {}

  static Prepared prepare(Connection c, Shape shape, Search s) throws SQLException {
    After after = null;
    if (s.page() > 1) {
      // The cursor of page N is the last row of page N-1: found once, untimed, with OFFSET.
      Positional p = positional(build(s, null, 1));
      try (PreparedStatement ps = c.prepareStatement(p.sql() + " OFFSET ?")) {
        bind(ps, p.params());
        ps.setInt(p.params().size() + 1, (s.page() - 1) * PAGE_SIZE - 1);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            UUID id = rs.getObject("id", UUID.class);
            Object value =
                switch (s.sort()) {
                  case STARTS_AT, STARTS_AT_DESC -> rs.getTimestamp("starts_at").toInstant();
                  case TITLE -> rs.getString("title");
                  case CREATED_AT_DESC -> rs.getTimestamp("created_at").toInstant();
                };
            after = new After(value, id);
          } else {
            return null; // fewer pages than that: not a deep-page query
          }
        }
      }
    }
    return new Prepared(shape, s, positional(build(s, after, PAGE_SIZE + 1)));
  }

  /** Runs like the app: prepare, bind, execute, read every column of every row. */
  static int execute(Connection c, Positional p) throws SQLException {
    int rows = 0;
    try (PreparedStatement ps = c.prepareStatement(p.sql())) {
      bind(ps, p.params());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rs.getObject("id", UUID.class);
          rs.getString("title");
          rs.getString("description");
          rs.getString("venue");
          rs.getTimestamp("starts_at").toInstant();
          rs.getTimestamp("ends_at").toInstant();
          rs.getInt("capacity");
          rs.getInt("seats_booked");
          rs.getString("status");
          rs.getInt("version");
          rs.getTimestamp("created_at").toInstant();
          rs.getTimestamp("updated_at").toInstant();
          rows++;
        }
      }
    }
    return rows;
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
      List<String> words, String status, Instant[] w, String venue, Sort sort, int page) {
    return new Search(
        words, status, w == null ? null : w[0], w == null ? null : w[1], venue, sort, false, page);
  }

  static List<Shape> shapes() {
    List<Shape> l = new ArrayList<>();
    // text
    l.add(
        new Shape(
            "text common word",
            r -> s(List.of(pick(r, COMMON)), null, null, null, Sort.STARTS_AT, 1)));
    l.add(
        new Shape("text rare word", r -> s(List.of(rare(r)), null, null, null, Sort.STARTS_AT, 1)));
    l.add(
        new Shape(
            "text two words",
            r ->
                s(List.of(pick(r, COMMON), pick(r, CITIES)), null, null, null, Sort.STARTS_AT, 1)));
    l.add(
        new Shape(
            "text no match", r -> s(List.of("zq" + rare(r)), null, null, null, Sort.STARTS_AT, 1)));
    // date, status, combined
    l.add(new Shape("date range", r -> s(List.of(), null, window(r), null, Sort.STARTS_AT, 1)));
    l.add(
        new Shape(
            "upcoming (from only)",
            r -> new Search(List.of(), null, upcoming(), null, null, Sort.STARTS_AT, false, 1)));
    l.add(new Shape("status", r -> s(List.of(), pick(r, STATUSES), null, null, Sort.STARTS_AT, 1)));
    l.add(
        new Shape(
            "text+date+status",
            r ->
                s(
                    List.of(pick(r, COMMON)),
                    pick(r, STATUSES),
                    window(r),
                    null,
                    Sort.STARTS_AT,
                    1)));
    l.add(
        new Shape(
            "rare text+date+status",
            r -> s(List.of(rare(r)), "PUBLISHED", window(r), null, Sort.STARTS_AT, 1)));
    // each sort: no filter, status filter, text filter, date filter
    for (Sort sort : Sort.values()) {
      l.add(new Shape("sort " + sort.param, r -> s(List.of(), null, null, null, sort, 1)));
      l.add(
          new Shape(
              "sort " + sort.param + " +status",
              r -> s(List.of(), pick(r, STATUSES), null, null, sort, 1)));
      l.add(
          new Shape(
              "sort " + sort.param + " +text",
              r -> s(List.of(pick(r, COMMON)), null, null, null, sort, 1)));
      l.add(
          new Shape(
              "sort " + sort.param + " +rare text",
              r -> s(List.of(rare(r)), null, null, null, sort, 1)));
      l.add(
          new Shape(
              "sort " + sort.param + " +date", r -> s(List.of(), null, window(r), null, sort, 1)));
    }
    // venue
    l.add(new Shape("venue", r -> s(List.of(), null, null, venue(r), Sort.STARTS_AT, 1)));
    l.add(
        new Shape(
            "venue sort -startsAt",
            r -> s(List.of(), null, null, venue(r), Sort.STARTS_AT_DESC, 1)));
    l.add(new Shape("venue sort title", r -> s(List.of(), null, null, venue(r), Sort.TITLE, 1)));
    // deep keyset pages
    for (Sort sort : Sort.values()) {
      l.add(new Shape("page 50 sort " + sort.param, r -> s(List.of(), null, null, null, sort, 50)));
    }
    l.add(
        new Shape(
            "page 50 status",
            r -> s(List.of(), pick(r, STATUSES), null, null, Sort.STARTS_AT, 50)));
    l.add(
        new Shape(
            "page 50 text common",
            r -> s(List.of(pick(r, COMMON)), null, null, null, Sort.STARTS_AT, 50)));
    l.add(
        new Shape(
            "page 50 text sort title",
            r -> s(List.of(pick(r, COMMON)), null, null, null, Sort.TITLE, 50)));
    l.add(
        new Shape(
            "page 50 upcoming",
            r -> new Search(List.of(), null, upcoming(), null, null, Sort.STARTS_AT, false, 50)));
    // administrators see drafts: the status <> 'DRAFT' condition is absent
    l.add(
        new Shape(
            "admin no filter",
            r -> new Search(List.of(), null, null, null, null, Sort.STARTS_AT, true, 1)));
    l.add(
        new Shape(
            "admin status DRAFT",
            r -> new Search(List.of(), "DRAFT", null, null, null, Sort.STARTS_AT, true, 1)));
    l.add(
        new Shape(
            "admin text common",
            r ->
                new Search(
                    List.of(pick(r, COMMON)), null, null, null, null, Sort.STARTS_AT, true, 1)));
    return l;
  }

  // ---------------------------------------------------------------- main

  /** rows < 0: the statement timeout (5 s, as in the app) cancelled it. */
  record Sample(Prepared p, long nanos, int rows) {}

  static Sample timed(Connection c, Prepared p) throws SQLException {
    long t0 = System.nanoTime();
    try {
      int rows = execute(c, p.sql());
      return new Sample(p, System.nanoTime() - t0, rows);
    } catch (SQLException e) {
      if (!"57014".equals(e.getSQLState())) throw e;
      return new Sample(p, System.nanoTime() - t0, -1);
    }
  }

  static String url;
  static Properties props;
  static String extraOptions = "";
  static boolean lastWordPrefixOnly = false;

  static Connection connect() throws SQLException {
    return DriverManager.getConnection(url, props);
  }

  /** For untimed work (cursors, EXPLAIN ANALYZE): a longer statement timeout. */
  static Connection connectPatient() throws SQLException {
    Properties p = new Properties();
    p.putAll(props);
    p.setProperty("options", "-c statement_timeout=300000 -c TimeZone=UTC" + extraOptions);
    return DriverManager.getConnection(url, p);
  }

  public static void main(String[] args) throws Exception {
    int n = 200;
    int warmup = 10;
    String db = "boxoffice_bench";
    String mode = "mixed";
    boolean plans = true;
    List<String> only = List.of();
    long seed = 42;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--n" -> n = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--db" -> db = args[++i];
        case "--mode" -> mode = args[++i];
        case "--no-plans" -> plans = false;
        case "--only" -> only = Arrays.asList(args[++i].split(","));
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--pg-options" -> extraOptions = " " + args[++i];
        case "--prefix" -> lastWordPrefixOnly = args[++i].equals("last");
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    String host = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
    String port = System.getenv().getOrDefault("PGPORT", "5432");
    url = "jdbc:postgresql://" + host + ":" + port + "/" + db;
    props = new Properties();
    props.setProperty("user", System.getenv().getOrDefault("PGUSER", "postgres"));
    props.setProperty("ApplicationName", "boxoffice-bench");
    // The app's connection options (DataSourceFactory): 5 s statement timeout, UTC.
    props.setProperty("options", "-c statement_timeout=5000 -c TimeZone=UTC" + extraOptions);

    try (Connection c = connect();
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
      List<String> o = only;
      shapes = shapes.stream().filter(s -> o.contains(s.name())).toList();
    }
    Random random = new Random(seed);
    String loadBefore = loadAverage();
    System.out.printf(
        "%d timed searches per shape after %d warm-up ones, mode %s, limit %d (+1), %s%s%n%n",
        n,
        warmup,
        mode,
        PAGE_SIZE,
        LocalDate.now(ZoneOffset.UTC),
        (extraOptions.isEmpty() ? "" : ", extra connection options:" + extraOptions)
            + (lastWordPrefixOnly ? ", EXPERIMENT: only the last word is a prefix" : ""));

    // Parameters (and deep-page cursors) first, untimed.
    Map<Shape, List<Prepared>> work = new LinkedHashMap<>();
    try (Connection c = connectPatient()) {
      for (Shape shape : shapes) {
        List<Prepared> list = new ArrayList<>();
        int attempts = 0;
        while (list.size() < n + warmup && attempts++ < (n + warmup) * 20) {
          Prepared p = prepare(c, shape, shape.make().apply(random));
          if (p != null) list.add(p);
        }
        work.put(shape, list);
        System.err.printf("parameters of %s ready%n", shape.name());
      }
    }

    long[] timedFrom = cpuTimes();
    Map<Shape, List<Sample>> samples = new LinkedHashMap<>();
    Map<Shape, long[]> planCounts = new LinkedHashMap<>();
    shapes.forEach(s -> samples.put(s, new ArrayList<>()));
    if (mode.equals("mixed")) {
      List<Prepared> warm = new ArrayList<>();
      List<Prepared> timed = new ArrayList<>();
      int w = warmup;
      work.forEach(
          (s, l) -> {
            warm.addAll(l.subList(0, Math.min(l.size(), w)));
            timed.addAll(l.subList(Math.min(l.size(), w), l.size()));
          });
      Collections.shuffle(warm, random);
      Collections.shuffle(timed, random);
      try (Connection c = connect()) {
        for (Prepared p : warm) timed(c, p);
        System.err.printf("warm-up done, %d timed searches%n", timed.size());
        for (Prepared p : timed) samples.get(p.shape()).add(timed(c, p));
        for (Shape s : shapes) planCounts.put(s, planCounts(c, work.get(s)));
      }
    } else {
      for (Shape s : shapes) {
        List<Prepared> l = work.get(s);
        try (Connection c = connect()) {
          int w = Math.min(l.size(), warmup);
          for (Prepared p : l.subList(0, w)) timed(c, p);
          for (Prepared p : l.subList(w, l.size())) samples.get(s).add(timed(c, p));
          System.err.printf("%s done%n", s.name());
          planCounts.put(s, planCounts(c, l));
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
    try (Connection c = connectPatient()) {
      for (Shape s : shapes) {
        Sample rep = representative.get(s);
        if (rep == null) continue;
        customPlans.put(s, explain(c, rep.p().sql()));
        if (planCounts.get(s)[0] > 0) genericPlans.put(s, explainGeneric(c, rep.p().sql()));
        Sample slow = slowest.get(s);
        if (slow != null) {
          String plan = explain(c, slow.p().sql());
          if (planCounts.get(s)[0] > 0) {
            plan += "\n-- its generic plan:\n" + explainGeneric(c, slow.p().sql());
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
            "%n==== %s: %s%n%s%n", s.name(), rep.p().search().describe(), rep.p().sql().sql());
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

  /** generic_plans, custom_plans of this session's prepared statements with these SQL texts. */
  static long[] planCounts(Connection c, List<Prepared> l) throws SQLException {
    List<String> texts = l.stream().map(p -> p.sql().serverSql()).distinct().toList();
    long g = 0, cu = 0;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT coalesce(sum(generic_plans), 0), coalesce(sum(custom_plans), 0)"
                + " FROM pg_prepared_statements WHERE statement = ANY (?)")) {
      ps.setArray(1, c.createArrayOf("text", texts.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        g = rs.getLong(1);
        cu = rs.getLong(2);
      }
    }
    return new long[] {g, cu};
  }

  static String explain(Connection c, Positional p) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + p.sql())) {
      bind(ps, p.params());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.append(rs.getString(1)).append('\n');
      }
    }
    return out.toString().stripTrailing();
  }

  /** The generic plan (what a prepared statement may switch to after five executions). */
  static String explainGeneric(Connection c, Positional p) throws SQLException {
    List<String> types = new ArrayList<>();
    List<String> literals = new ArrayList<>();
    for (Object o : p.params()) {
      switch (o) {
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
        case String s -> {
          types.add("varchar");
          literals.add("'" + s.replace("'", "''") + "'");
        }
        default -> throw new IllegalArgumentException();
      }
    }
    StringBuilder out = new StringBuilder();
    try (Statement st = c.createStatement()) {
      st.execute("SET plan_cache_mode = force_generic_plan");
      st.execute("PREPARE bench_generic (" + String.join(", ", types) + ") AS " + p.serverSql());
      try (ResultSet rs =
          st.executeQuery(
              "EXPLAIN (ANALYZE, BUFFERS) EXECUTE bench_generic("
                  + String.join(", ", literals)
                  + ")")) {
        while (rs.next()) out.append(rs.getString(1)).append('\n');
      }
      st.execute("DEALLOCATE bench_generic");
      st.execute("RESET plan_cache_mode");
    }
    return out.toString().stripTrailing();
  }
}
