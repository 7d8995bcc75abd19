import java.nio.file.*;
import java.sql.*;
import java.util.*;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;

/**
 * Where the native memory of an open vault goes, one SQLite connection at a time: opens one connection each to
 * 200 copies of a migrated, encrypted vault.db (or blobs.db) and prints the growth of the process's RSS per
 * connection after each step (open; first read, which parses the schema; a settings and a list read; a write,
 * which fires the search triggers). The heap is fixed and pre-touched, so RSS growth is native memory.
 * Run each case in its own JVM (freed memory of a previous case would be reused), interpreted and with one malloc
 * arena, or the JIT's own native allocations move the figures by ±70 KiB per connection from run to run:
 *   MALLOC_ARENA_MAX=1 java -Xint -Xms64m -Xmx64m -XX:+AlwaysPreTouch -cp "$(cat benchmarks/target/classpath.txt)" \
 *     benchmarks/experiments/ConnectionMemory.java FILE CACHE_KIB MIGRATIONS [plain] [shrink]
 * FILE: vault or blobs; CACHE_KIB: cache_size in KiB; MIGRATIONS: how many of the file's migrations to apply
 * (fewer: a smaller schema); plain: no encryption; shrink: PRAGMA shrink_memory after the reads; smallstart: open
 * with a page cache of 3 pages and set CACHE_KIB once the schema is read (SQLite sizes its first page cache block,
 * up to 20 pages, by the cache size at the first page read, and never again while the connection lives).
 * docs/benchmarks.md ("Where an open vault's native memory goes") quotes its output.
 */
public class ConnectionMemory {
  static final int CONNECTIONS = 200;
  static final byte[] KEY = new byte[32];

  public static void main(String[] a) throws Exception {
    String file = a[0];
    int cacheKiB = Integer.parseInt(a[1]);
    int migrations = Integer.parseInt(a[2]);
    Set<String> flags = new HashSet<>(Arrays.asList(a).subList(3, a.length));
    boolean plain = flags.contains("plain");
    int pageSize = file.equals("blobs") ? 16384 : 4096;
    Path dir = Files.createTempDirectory("rv-conn-memory");
    Path template = dir.resolve("template.db");
    try (Connection c = open(template, pageSize, cacheKiB, plain, false)) {
      List<Path> scripts = new ArrayList<>();
      try (var list = Files.list(Path.of("adapters-persistence/src/main/resources/db/" + (file.equals("blobs") ? "blobs" : "vault")))) {
        list.sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1")))).forEach(scripts::add);
      }
      for (Path script : scripts.subList(0, Math.min(migrations, scripts.size()))) {
        ((SQLiteConnection) c).getDatabase()._exec(Files.readString(script));
      }
      try (Statement s = c.createStatement()) { s.execute("PRAGMA wal_checkpoint(TRUNCATE)"); }
    }
    for (int i = 0; i < CONNECTIONS + 1; i++) {
      Files.copy(template, dir.resolve("v" + i + ".db"));
    }
    // Warm-up on an extra file: class loading and JIT out of the way.
    boolean smallStart = flags.contains("smallstart");
    try (Connection warm = open(dir.resolve("v" + CONNECTIONS + ".db"), pageSize, cacheKiB, plain, smallStart)) {
      work(warm, file, true, flags.contains("shrink"));
    }
    System.gc();
    Thread.sleep(300);
    long base = rss();
    List<Connection> connections = new ArrayList<>();
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long openStarted = System.nanoTime();
    long openCpuStarted = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < CONNECTIONS; i++) connections.add(open(dir.resolve("v" + i + ".db"), pageSize, cacheKiB, plain, smallStart));
    double openMillis = (System.nanoTime() - openStarted) / 1e6 / CONNECTIONS;
    // CPU time of this thread: what an open costs on a machine that other work does not slow down.
    double openCpuMillis = (threads.getCurrentThreadCpuTime() - openCpuStarted) / 1e6 / CONNECTIONS;
    long opened = rss();
    for (Connection c : connections) try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_master")) { r.next(); }
    long schema = rss();
    for (Connection c : connections) work(c, file, false, false);
    long read = rss();
    for (Connection c : connections) work(c, file, true, false);
    long written = rss();
    long shrunk = written;
    if (flags.contains("shrink")) {
      for (Connection c : connections) try (Statement s = c.createStatement()) { s.execute("PRAGMA shrink_memory"); }
      shrunk = rss();
    }
    System.out.printf("%s cache=%dKiB migrations=%d %s%s%s: %.2f ms per open (%.2f ms CPU); KiB per connection: open %.1f, +schema %.1f, +reads %.1f, +write %.1f = %.1f%s%n",
        file, cacheKiB, migrations, plain ? "plain" : "sqlcipher", flags.contains("shrink") ? " shrink" : "",
        smallStart ? " smallstart" : "", openMillis, openCpuMillis,
        per(opened - base), per(schema - opened), per(read - schema), per(written - read), per(written - base),
        flags.contains("shrink") ? String.format("; after shrink_memory %.1f", per(shrunk - base)) : "");
    for (Connection c : connections) c.close();
  }

  static double per(long kib) { return (double) kib / CONNECTIONS; }

  static void work(Connection c, String file, boolean write, boolean shrink) throws SQLException {
    try (Statement s = c.createStatement()) {
      if (file.equals("blobs")) {
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_master")) { r.next(); }
        return;
      }
      try (ResultSet r = s.executeQuery("SELECT * FROM research ORDER BY created_at DESC LIMIT 20")) { while (r.next()) { } }
      if (write) {
        String id = UUID.randomUUID().toString();
        s.execute("INSERT INTO research (id, query, mode, status, created_at) VALUES ('" + id + "', 'what is memory', 'quick', 'pending', '2026-11-26T00:00:00.000Z')");
      }
      try (ResultSet r = s.executeQuery("SELECT value FROM setting_override WHERE setting_key = 'llm.model'")) { r.next(); }
      catch (SQLException beforeV4) { /* a schema of fewer migrations has no settings table */ }
      if (shrink) s.execute("PRAGMA shrink_memory");
    }
  }

  static Connection open(Path path, int pageSize, int cacheKiB, boolean plain, boolean smallStart) throws SQLException {
    SQLiteConfig config;
    if (plain) {
      config = new SQLiteConfig();
      config.setPageSize(pageSize);
    } else {
      SQLiteMCSqlCipherConfig cipher = SQLiteMCSqlCipherConfig.getV4Defaults().withRawUnsaltedKey(KEY);
      if (pageSize != 4096) cipher.setLegacyPageSize(pageSize);
      config = cipher.build();
    }
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(10000);
    config.setCacheSize(smallStart ? 3 : -cacheKiB);
    Connection connection = config.createConnection("jdbc:sqlite:" + path);
    if (smallStart) {
      try (Statement s = connection.createStatement()) {
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_master")) { r.next(); }
        s.execute("PRAGMA cache_size = -" + cacheKiB);
      }
    }
    return connection;
  }

  static long rss() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
    }
    return -1;
  }
}
