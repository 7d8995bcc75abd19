import java.nio.file.*;
import java.sql.*;
import java.util.*;
import org.sqlite.SQLiteConfig;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;

/**
 * What the full-text index adds to a message write, schema by schema, side by side in one run (issue 16; vault
 * migrations V10, V11 and V12 chose from it; the "part:" variants time each statement of V10's message trigger alone; docs/benchmarks.md quotes its output). Each variant is its own encrypted vault.db
 * opened as the server opens it (SQLCipher 4, 4 KiB pages, WAL, synchronous=FULL, foreign keys, 1 MiB cache),
 * built from the real migrations V1..V8 plus the variant's search schema, seeded alike, then timed alternating:
 * one message per transaction (as POST /api/v1/chats/{id}/messages writes it, with the chat's touch) and 100 per
 * transaction. Also WAL frames (= dirty pages) per one-message transaction, and query times on each vault.
 * Run: java -cp "$(cat benchmarks/target/classpath.txt)" benchmarks/experiments/SearchWriteCost.java [seed] [rounds]
 */
public class SearchWriteCost {
  static final Path MIGRATIONS = Path.of("adapters-persistence/src/main/resources/db/vault");
  static final Random random = new Random(16);
  static final String[] vocabulary = new String[20_000];
  static final double[] cumulative = new double[20_000];

  public static void main(String[] a) throws Exception {
    int seed = a.length > 0 ? Integer.parseInt(a[0]) : 20_000;
    int rounds = a.length > 1 ? Integer.parseInt(a[1]) : 200;
    double sum = 0;
    for (int i = 0; i < vocabulary.length; i++) { vocabulary[i] = word(i); sum += 1.0 / (i + 1); cumulative[i] = sum; }
    for (int i = 0; i < cumulative.length; i++) cumulative[i] /= sum;
    String v9 = Files.readString(MIGRATIONS.resolve("V9__search.sql"));
    Path v10file = MIGRATIONS.resolve("V10__search_write_cost.sql");
    String v10 = Files.exists(v10file) ? Files.readString(v10file) : null;
    Path v11file = MIGRATIONS.resolve("V11__search_merge_off_writes.sql");
    String v11 = Files.exists(v11file) ? Files.readString(v11file) : null;
    Map<String, String> variants = new LinkedHashMap<>();
    variants.put("none", "");
    variants.put("v9", v9);
    variants.put("v9 automerge=8", v9 + ";\nINSERT INTO search_text (search_text, rank) VALUES ('automerge', 8);");
    variants.put("external", EXTERNAL);
    variants.put("external columnsize=0", EXTERNAL.replace("content_rowid = 'id'", "content_rowid = 'id', columnsize = 0"));
    variants.put("external columnsize=0 search_id", SEARCH_ID.replace("content_rowid = 'id'", "content_rowid = 'id', columnsize = 0"));
    variants.put("folded+search_id", FOLDED);
    variants.put("entry holds text", ENTRY_CONTENT);
    if (v10 != null) {
      variants.put("v9+v10", v9 + "\n" + v10);
      // Merging out of the write: no automerge, a crisis merge only when a level holds this many segments.
      for (int crisis : new int[] {16, 64}) {
        variants.put("v10 automerge=0 crisismerge=" + crisis, v9 + "\n" + v10 + "\nINSERT INTO search_text (search_text, rank) VALUES ('automerge', 0);\n"
            + "INSERT INTO search_text (search_text, rank) VALUES ('crisismerge', " + crisis + ");");
      }
      if (v11 != null) variants.put("v9+v10+v11", v9 + "\n" + v10 + "\n" + v11);
      Path v12file = MIGRATIONS.resolve("V12__search_backlog.sql");
      if (v11 != null && Files.exists(v12file)) variants.put("v12", v9 + "\n" + v10 + "\n" + v11 + "\n" + Files.readString(v12file));
      variants.put("v10 automerge=16", v9 + "\n" + v10 + "\nINSERT INTO search_text (search_text, rank) VALUES ('automerge', 16);");
    }
    // Where the time goes, message triggers only: each part of V10's message trigger on its own.
    variants.put("part: fts only", MESSAGE_PARTS.formatted("", "INSERT INTO search_text (title, body) VALUES ('', NEW.content);", "unicode61 remove_diacritics 2"));
    variants.put("part: fts only ascii tokenizer", MESSAGE_PARTS.formatted("", "INSERT INTO search_text (title, body) VALUES ('', NEW.content);", "ascii"));
    variants.put("part: fts only automerge=0", MESSAGE_PARTS.formatted("", "INSERT INTO search_text (title, body) VALUES ('', NEW.content);", "unicode61 remove_diacritics 2") + "INSERT INTO search_text (search_text, rank) VALUES ('automerge', 0);\n");
    variants.put("part: fts only pgsz=1000", MESSAGE_PARTS.formatted("", "INSERT INTO search_text (title, body) VALUES ('', NEW.content);", "unicode61 remove_diacritics 2") + "INSERT INTO search_text (search_text, rank) VALUES ('pgsz', 1000);\n");
    // FTS5's options that store less (stop 19): none brings a bare FTS5 table near 1.3x.
    for (String option : new String[] {"detail = 'column'", "detail = 'none'", "content = ''", "content = '', detail = 'none'", "columnsize = 0"})
      variants.put("part: fts only " + option, MESSAGE_PARTS.replace("tokenize = '%3$s'", "tokenize = '%3$s', " + option)
          .formatted("", "INSERT INTO search_text (title, body) VALUES ('', NEW.content);", "unicode61 remove_diacritics 2"));
    variants.put("part: entry only", MESSAGE_PARTS.formatted(ENTRY_ADDED, "", "unicode61 remove_diacritics 2"));
    variants.put("part: entry + search_id", MESSAGE_PARTS.formatted(ENTRY_ADDED + SEARCH_ID_SET, "", "unicode61 remove_diacritics 2"));
    variants.put("part: entry + fts", MESSAGE_PARTS.formatted(ENTRY_ADDED, "INSERT INTO search_text (rowid, title, body) VALUES (last_insert_rowid(), '', NEW.content);", "unicode61 remove_diacritics 2"));
    variants.put("part: entry + search_id + fts", MESSAGE_PARTS.formatted(ENTRY_ADDED + SEARCH_ID_SET, "INSERT INTO search_text (rowid, title, body) VALUES (last_insert_rowid(), '', NEW.content);", "unicode61 remove_diacritics 2"));
    for (String only : System.getProperty("only", "").split(",")) {
      if (!only.isBlank()) variants.keySet().retainAll(Arrays.asList(System.getProperty("only").split(",")));
    }
    Path dir = Files.createTempDirectory(Path.of(System.getProperty("dir", "/tmp")), "rv-search-write");
    Map<String, Connection> vaults = new LinkedHashMap<>();
    int n = 0;
    for (Map.Entry<String, String> variant : variants.entrySet()) {
      Connection c = open(dir.resolve("v" + (n++) + ".db"));
      for (String name : List.of("V1__vault_meta.sql", "V2__research.sql", "V3__chat.sql", "V4__settings.sql",
          "V5__row_counts.sql", "V6__agents_and_usage.sql", "V7__documents.sql", "V8__writing.sql")) {
        run(c, Files.readString(MIGRATIONS.resolve(name)));
      }
      run(c, variant.getValue());
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO chat (id, title, created_at, updated_at) VALUES ('chat', 'write chat', '2026-11-26T00:00:00.000Z', '2026-11-26T00:00:00.000Z')");
      }
      vaults.put(variant.getKey(), c);
    }
    try (Statement s = vaults.values().iterator().next().createStatement(); ResultSet r = s.executeQuery("SELECT sqlite_version()")) {
      r.next(); System.out.println("sqlite_version() " + r.getString(1) + ", files in " + dir);
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < seed / 100; i++) for (Connection c : vaults.values()) write(c, 100, false);
    System.out.printf("seeded %,d messages per vault in %.1f s%n", seed, (System.nanoTime() - t0) / 1e9);
    applyQueues(vaults, "the seeding's");
    for (Map.Entry<String, Connection> v : vaults.entrySet()) System.out.printf("  %-28s WAL frames per one-message transaction (+ touch), 100 transactions: %s%n", v.getKey(), frames(v.getValue(), dir));
    Map<String, List<Double>> single = new LinkedHashMap<>(), batched = new LinkedHashMap<>(), singleRatio = new LinkedHashMap<>(), batchedRatio = new LinkedHashMap<>();
    for (String k : vaults.keySet()) { single.put(k, new ArrayList<>()); batched.put(k, new ArrayList<>()); singleRatio.put(k, new ArrayList<>()); batchedRatio.put(k, new ArrayList<>()); }
    List<String> order = new ArrayList<>(vaults.keySet());
    for (int round = -5; round < rounds; round++) {
      Collections.reverse(order);
      Map<String, Double> s1 = new HashMap<>(), b1 = new HashMap<>();
      for (String k : order) s1.put(k, write(vaults.get(k), 1, true));
      if (round % Integer.getInteger("batchEvery", 10) == 0) for (String k : order) b1.put(k, write(vaults.get(k), 100, false));
      if (round < 0) continue;
      for (String k : order) {
        single.get(k).add(s1.get(k)); singleRatio.get(k).add(s1.get(k) / s1.get("none"));
        if (!b1.isEmpty()) { batched.get(k).add(b1.get(k)); batchedRatio.get(k).add(b1.get(k) / b1.get("none")); }
      }
    }
    // Means too: merges come as rare long writes, which a median leaves out and a throughput pays.
    System.out.println("| variant | one message + touch per transaction: µs p50, ratio to none p50; mean, ratio of means | 100 per transaction: µs per message p50, ratio p50; mean, ratio of means |");
    for (String k : vaults.keySet()) System.out.printf("| %s | %.1f, %.2f×; %.1f, %.2f× | %.1f, %.2f×; %.1f, %.2f× |%n", k, p50(single.get(k)), p50(singleRatio.get(k)),
        mean(single.get(k)), mean(single.get(k)) / mean(single.get("none")), p50(batched.get(k)), p50(batchedRatio.get(k)),
        mean(batched.get(k)), mean(batched.get(k)) / mean(batched.get("none")));
    for (Map.Entry<String, Connection> v : vaults.entrySet()) {
      if (v.getKey().equals("none")) continue;
      System.out.printf("  %-36s segments before the queries: %d%n", v.getKey(), segments(v.getValue()));
    }
    String ranked = "SELECT e.kind, e.item_id, snippet(search_text, -1, char(57344), char(57345), '…', 16), bm25(search_text, 3.0, 1.0) AS rank FROM search_text CROSS JOIN search_entry e ON e.id = search_text.rowid WHERE search_text MATCH ? ORDER BY rank, search_text.rowid LIMIT 21";
    String newest = "SELECT e.kind, e.item_id, snippet(search_text, -1, char(57344), char(57345), '…', 16), 0 AS rank FROM search_text CROSS JOIN search_entry e ON e.id = search_text.rowid WHERE search_text MATCH ? ORDER BY search_text.rowid DESC LIMIT 21";
    String phraseCount = "SELECT count(*) FROM (SELECT 1 FROM search_text CROSS JOIN search_entry e ON e.id = search_text.rowid WHERE search_text MATCH ? LIMIT 2001)";
    Map<String, String[]> queries = new LinkedHashMap<>();
    queries.put("ranked word (~1,500 hits)", new String[] {ranked, "\"" + vocabulary[60] + "\""});
    queries.put("ranked rare word", new String[] {ranked, "\"" + vocabulary[5000] + "\""});
    queries.put("newest common word", new String[] {newest, "\"" + vocabulary[3] + "\""});
    queries.put("phrase count to 2,001", new String[] {phraseCount, "\"" + vocabulary[0] + " " + vocabulary[1] + "\""});
    queries.put("newest phrase page", new String[] {newest, "\"" + vocabulary[0] + " " + vocabulary[1] + "\""});
    applyQueues(vaults, "the timed writes'");
    for (Map.Entry<String, String[]> q : queries.entrySet()) {
      // Samples alternate between the vaults, so a change of load on the machine falls on all of them alike.
      Map<String, List<Double>> times = new LinkedHashMap<>();
      Map<String, Integer> rows = new HashMap<>();
      for (int i = -3; i < 20; i++) {
        for (Map.Entry<String, Connection> v : vaults.entrySet()) {
          if (v.getKey().equals("none")) continue;
          long t = System.nanoTime();
          int found = 0;
          try (PreparedStatement p = v.getValue().prepareStatement(q.getValue()[0])) {
            p.setString(1, q.getValue()[1]);
            try (ResultSet r = p.executeQuery()) { while (r.next()) { r.getString(1); found++; } }
          } catch (SQLException refused) {
            found = -1; // detail=column and detail=none take no phrase queries: the query does not apply
          }
          rows.put(v.getKey(), found);
          if (i >= 0) times.computeIfAbsent(v.getKey(), k -> new ArrayList<>()).add((System.nanoTime() - t) / 1e6);
        }
      }
      StringBuilder line = new StringBuilder("| " + q.getKey() + " |");
      times.forEach((k, list) -> line.append(String.format(" %s %.2f ms (%d rows) |", k, p50(list), rows.get(k))));
      System.out.println(line);
    }
    // What moving the merges out of the writes costs elsewhere: one bounded merge in its own transaction.
    for (Map.Entry<String, Connection> v : vaults.entrySet()) {
      if (v.getKey().equals("none")) continue;
      Connection c = v.getValue();
      int before = segments(c);
      long t = System.nanoTime();
      try (Statement s = c.createStatement()) { s.execute("INSERT INTO search_text (search_text, rank) VALUES ('merge', -64)"); }
      System.out.printf("  %-36s merge -64 in its own transaction: %.1f ms, segments %d -> %d%n", v.getKey(), (System.nanoTime() - t) / 1e6, before, segments(c));
    }
    for (Connection c : vaults.values()) c.close();
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  /** A message trigger built from parts (%1$s: the entry's statements, %2$s: the index's, %3$s: the tokenizer). */
  /**
   * Applies the search queue (V12) of the vaults that have one, as the server would later, and prints what it cost:
   * the queries then compare like for like.
   */
  static void applyQueues(Map<String, Connection> vaults, String whose) throws SQLException {
    for (Map.Entry<String, Connection> v : vaults.entrySet()) {
      try (Statement s = v.getValue().createStatement();
           ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'search_pending'")) {
        if (!r.next() || r.getInt(1) == 0) continue;
      }
      long t = System.nanoTime();
      int applied = dev.researchvault.adapter.persistence.search.SearchBacklog.applyAll(v.getValue());
      double micros = (System.nanoTime() - t) / 1e3;
      System.out.printf("  %-28s %s queue: %,d items applied in %.1f ms, %.1f µs each%n", v.getKey(), whose, applied,
          micros / 1e3, applied == 0 ? 0 : micros / applied);
    }
  }

  static final String MESSAGE_PARTS = """
      CREATE TABLE search_entry (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, item_id TEXT NOT NULL, parent_id TEXT, updated_at TEXT NOT NULL);
      CREATE VIRTUAL TABLE search_text USING fts5 (title, body, tokenize = '%3$s');
      ALTER TABLE chat_message ADD COLUMN search_id INTEGER;
      CREATE TRIGGER trg_search_message_added AFTER INSERT ON chat_message
      BEGIN
          SELECT 1;
          %1$s
          %2$s
      END;
      """;
  static final String ENTRY_ADDED = "INSERT INTO search_entry (kind, item_id, parent_id, updated_at) VALUES ('message', NEW.id, NEW.chat_id, NEW.created_at);\n";
  static final String SEARCH_ID_SET = "UPDATE chat_message SET search_id = last_insert_rowid() WHERE rowid = NEW.rowid;\n";

  /** The messages-only sketch of an external-content index: the text read back from chat_message through a view. */
  static final String EXTERNAL = """
      CREATE TABLE search_entry (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, item_id TEXT NOT NULL, parent_id TEXT, updated_at TEXT NOT NULL);
      CREATE UNIQUE INDEX idx_search_entry_item ON search_entry (kind, item_id);
      CREATE VIEW search_source AS SELECT e.id AS id, '' AS title, m.content AS body FROM search_entry e JOIN chat_message m ON m.id = e.item_id WHERE e.kind = 'message';
      CREATE VIRTUAL TABLE search_text USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2', content = 'search_source', content_rowid = 'id');
      CREATE TRIGGER trg_search_message_added AFTER INSERT ON chat_message
      BEGIN
          INSERT INTO search_entry (kind, item_id, parent_id, updated_at) VALUES ('message', NEW.id, NEW.chat_id, NEW.created_at);
          INSERT INTO search_text (rowid, title, body) VALUES (last_insert_rowid(), '', NEW.content);
      END;
      """;

  /** The same without the unique index: the message row keeps its entry's id (set by the trigger, on the row's page). */
  static final String SEARCH_ID = EXTERNAL.replace("CREATE UNIQUE INDEX idx_search_entry_item ON search_entry (kind, item_id);",
      "ALTER TABLE chat_message ADD COLUMN search_id INTEGER;").replace("VALUES ('message', NEW.id, NEW.chat_id, NEW.created_at);",
      "VALUES ('message', NEW.id, NEW.chat_id, NEW.created_at);\n    UPDATE chat_message SET search_id = last_insert_rowid() WHERE rowid = NEW.rowid;");

  /** No entry table: what it held is in the index's own content (unindexed columns); the message row keeps the rowid. */
  static final String FOLDED = """
      CREATE VIRTUAL TABLE search_text USING fts5 (title, body, kind UNINDEXED, item_id UNINDEXED, parent_id UNINDEXED, updated_at UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
      CREATE TABLE search_entry (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, item_id TEXT NOT NULL, parent_id TEXT, updated_at TEXT NOT NULL);
      ALTER TABLE chat_message ADD COLUMN search_id INTEGER;
      CREATE TRIGGER trg_search_message_added AFTER INSERT ON chat_message
      BEGIN
          INSERT INTO search_text (title, body, kind, item_id, parent_id, updated_at) VALUES ('', NEW.content, 'message', NEW.id, NEW.chat_id, NEW.created_at);
          UPDATE chat_message SET search_id = last_insert_rowid() WHERE rowid = NEW.rowid;
      END;
      """;

  /** The entry holds the text, and the index reads it from there (external content, kept by the entry's triggers). */
  static final String ENTRY_CONTENT = """
      CREATE TABLE search_entry (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, item_id TEXT NOT NULL, parent_id TEXT, updated_at TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL);
      CREATE VIRTUAL TABLE search_text USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2', content = 'search_entry', content_rowid = 'id');
      CREATE TRIGGER trg_search_entry_added AFTER INSERT ON search_entry
      BEGIN
          INSERT INTO search_text (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
      END;
      ALTER TABLE chat_message ADD COLUMN search_id INTEGER;
      CREATE TRIGGER trg_search_message_added AFTER INSERT ON chat_message
      BEGIN
          INSERT INTO search_entry (kind, item_id, parent_id, updated_at, title, body) VALUES ('message', NEW.id, NEW.chat_id, NEW.created_at, '', NEW.content);
          UPDATE chat_message SET search_id = last_insert_rowid() WHERE rowid = NEW.rowid;
      END;
      """;

  /** Segments of the index: each has its rows in search_text_idx. */
  static int segments(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(DISTINCT segid) FROM search_text_idx")) { r.next(); return r.getInt(1); }
  }

  static double mean(List<Double> xs) { return xs.stream().mapToDouble(x -> x).average().orElse(Double.NaN); }

  static double p50(List<Double> xs) { if (xs.isEmpty()) return Double.NaN; List<Double> s = new ArrayList<>(xs); Collections.sort(s); return s.get(s.size() / 2); }

  static Connection open(Path file) throws SQLException {
    byte[] key = new byte[32];
    new Random(7).nextBytes(key);
    var config = SQLiteMCSqlCipherConfig.getV4Defaults().withRawUnsaltedKey(key).build();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setCacheSize(-1024);
    return config.createConnection("jdbc:sqlite:" + file);
  }

  /** Runs a migration script: statements end at a ';' closing a line, a trigger's at its END;. */
  static void run(Connection c, String script) throws SQLException {
    StringBuilder statement = new StringBuilder();
    boolean trigger = false;
    try (Statement s = c.createStatement()) {
      for (String line : script.split("\n")) {
        String t = line.strip();
        if (statement.length() == 0 && (t.startsWith("--") || t.isEmpty() || t.equals(";"))) continue;
        statement.append(line).append('\n');
        if (t.toUpperCase().startsWith("CREATE TRIGGER")) trigger = true;
        if (t.endsWith(";") && (!trigger || t.equalsIgnoreCase("END;"))) {
          try { s.execute(statement.toString()); } catch (SQLException e) { throw new SQLException(e.getMessage() + " in: " + statement, e); }
          statement.setLength(0);
          trigger = false;
        }
      }
    }
  }

  static final String INSERT = "INSERT INTO chat_message (id, chat_id, role, content, files, created_at, model, sources, metadata, prompt_tokens, completion_tokens, cost_micros, edited_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static long clock = 0;

  /** µs per message of one transaction of count messages (statements prepared per call, as the adapter's are). */
  static double write(Connection c, int count, boolean touch) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < count; i++) texts.add(text(40));
    try {
      long start = System.nanoTime();
      c.setAutoCommit(false);
      // -Dreuse=true: one prepared statement per transaction, as the server's statement cache reuses it (the
      // trigger programs are compiled with the statement, so preparing per message also times their compilation).
      PreparedStatement reused = Boolean.getBoolean("reuse") ? c.prepareStatement(INSERT) : null;
      for (String text : texts) {
        String at = java.time.Instant.ofEpochMilli(1_790_000_000_000L + clock++).toString();
        PreparedStatement p = reused != null ? reused : c.prepareStatement(INSERT);
        try {
          p.setString(1, UUID.randomUUID().toString()); p.setString(2, "chat"); p.setString(3, "assistant");
          p.setString(4, text); p.setString(5, "[]"); p.setString(6, at);
          for (int i = 7; i <= 13; i++) p.setNull(i, Types.VARCHAR);
          p.executeUpdate();
        } finally {
          if (reused == null) p.close();
        }
        if (touch) {
          try (PreparedStatement t = c.prepareStatement("UPDATE chat SET updated_at = ? WHERE id = ?")) {
            t.setString(1, at); t.setString(2, "chat"); t.executeUpdate();
          }
        }
      }
      c.commit();
      if (reused != null) reused.close();
      c.setAutoCommit(true);
      return (System.nanoTime() - start) / 1e3 / count;
    } catch (SQLException e) { throw new IllegalStateException(e); }
  }

  /** WAL frames written by one one-message transaction with the chat's touch (100 of them). */
  static String frames(Connection c, Path dir) throws SQLException {
    List<Double> frames = new ArrayList<>();
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA wal_autocheckpoint = 0");
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      try (ResultSet r = s.executeQuery("PRAGMA database_list")) {
        r.next();
        Path wal = Path.of(r.getString(3) + "-wal");
        for (int i = 0; i < 100; i++) {
          long before = wal.toFile().length();
          write(c, 1, true);
          frames.add((double) ((wal.toFile().length() - Math.max(before, 32)) / (4096 + 24)));
        }
      }
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      s.execute("PRAGMA wal_autocheckpoint = 1000");
    }
    return String.format("mean %.1f, p50 %.0f (min %.0f, max %.0f); one of them: %s", frames.stream().mapToDouble(x -> x).average().orElse(0), p50(frames), Collections.min(frames), Collections.max(frames), dirty(c));
  }

  /** Which b-trees one one-message transaction (+ touch) dirtied: page numbers from the WAL's frame headers (not encrypted), names from dbstat. */
  static String dirty(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA wal_autocheckpoint = 0");
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      Path wal;
      try (ResultSet r = s.executeQuery("PRAGMA database_list")) { r.next(); wal = Path.of(r.getString(3) + "-wal"); }
      write(c, 1, true);
      List<Integer> pages = new ArrayList<>();
      try {
        byte[] bytes = Files.readAllBytes(wal);
        for (int at = 32; at + 24 <= bytes.length; at += 24 + 4096) pages.add(java.nio.ByteBuffer.wrap(bytes, at, 4).getInt());
      } catch (java.io.IOException e) { throw new IllegalStateException(e); }
      Map<String, Integer> names = new TreeMap<>();
      for (int page : pages) {
        String name = "page " + page;
        try (ResultSet r = s.executeQuery("SELECT name, pagetype FROM dbstat WHERE pageno = " + page)) { if (r.next()) name = r.getString(1) + (r.getString(2).equals("leaf") ? "" : " " + r.getString(2)); }
        names.merge(name, 1, Integer::sum);
      }
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      s.execute("PRAGMA wal_autocheckpoint = 1000");
      return names.toString();
    }
  }

  static String word(int index) {
    String consonants = "bcdfghklmnprstvz", vowels = "aeiou";
    StringBuilder word = new StringBuilder();
    int rest = index + 20_000;
    while (rest > 0) { word.append(consonants.charAt(rest % 16)).append(vowels.charAt((rest / 16) % 5)); rest /= 80; }
    return word.toString();
  }

  static String text(int words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      int at = Arrays.binarySearch(cumulative, random.nextDouble());
      text.append(vocabulary[at < 0 ? -at - 1 : at]).append(i % 12 == 11 ? ". " : " ");
    }
    return text.toString();
  }
}
