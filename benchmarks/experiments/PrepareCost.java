import java.sql.*;
/**
 * How much of a small read is compiling the statement: the same SELECT by id on one SQLite file, prepared
 * per call vs prepared once and reused (200,000 calls, 6 rounds). docs/benchmarks.md quotes its output.
 * Run: java -cp "$(cat benchmarks/target/classpath.txt)" benchmarks/experiments/PrepareCost.java
 */
public class PrepareCost {
  public static void main(String[] a) throws Exception {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + java.nio.file.Files.createTempDirectory("rv-prepare").resolve("t.db") + "");
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("CREATE TABLE IF NOT EXISTS research (id TEXT PRIMARY KEY, query TEXT, mode TEXT, status TEXT, title TEXT, progress INT, created_at TEXT, started_at TEXT, completed_at TEXT, metadata TEXT)");
      s.execute("INSERT OR IGNORE INTO research VALUES ('x','q','deep','pending',null,0,'2026','2026',null,'{}')");
    }
    String sql = "SELECT research_.id, research_.query, research_.mode, research_.status, research_.title, research_.progress, research_.created_at, research_.started_at, research_.completed_at, research_.metadata FROM research research_ WHERE (research_.id = ?)";
    for (int round = 0; round < 6; round++) {
      int n = 200_000; long t0 = System.nanoTime(); long sink = 0;
      for (int i = 0; i < n; i++) { try (PreparedStatement p = c.prepareStatement(sql)) { p.setString(1, "x"); try (ResultSet r = p.executeQuery()) { if (r.next()) sink += r.getString("query").length() + r.getString("created_at").length(); } } }
      long t1 = System.nanoTime();
      PreparedStatement p = c.prepareStatement(sql);
      for (int i = 0; i < n; i++) { p.setString(1, "x"); try (ResultSet r = p.executeQuery()) { if (r.next()) sink += r.getString("query").length() + r.getString("created_at").length(); } p.clearParameters(); }
      long t2 = System.nanoTime(); p.close();
      System.out.printf("prepare each: %.2f us  reuse: %.2f us  (%d)%n", (t1-t0)/1e3/n, (t2-t1)/1e3/n, sink);
    }
  }
}
