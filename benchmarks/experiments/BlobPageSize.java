import java.sql.*; import java.nio.file.*; import java.util.*;
import org.sqlite.*; import org.sqlite.mc.*;
/**
 * Blob write and read MB/s on raw JDBC by SQLCipher page size (4, 16, 64 KiB) and on a plaintext file, to
 * choose blobs.db's page size (docs/benchmarks.md, docs/file-format.md). Argument: blob size in MiB.
 * Run: java -cp "$(cat benchmarks/target/classpath.txt)" benchmarks/experiments/BlobPageSize.java 1
 */
public class BlobPageSize {
  static Connection open(Path f, int pageSize, boolean enc) throws Exception {
    SQLiteMCConfig.Builder b = SQLiteMCSqlCipherConfig.getV4Defaults().withRawUnsaltedKey(new byte[32]);
    if (pageSize != 4096) b = ((SQLiteMCSqlCipherConfig) b).setLegacyPageSize(pageSize);
    SQLiteConfig config = enc ? b.build() : new SQLiteConfig();
    if (!enc && pageSize != 4096) config.setPageSize(pageSize);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setCacheSize(-1024);
    return config.createConnection("jdbc:sqlite:" + f);
  }
  public static void main(String[] a) throws Exception {
    int mib = Integer.parseInt(a[0]);
    byte[] data = new byte[mib << 20]; new Random(1).nextBytes(data);
    for (String variant : new String[]{"enc4k","enc64k","plain4k","enc16k"}) {
      boolean enc = variant.startsWith("enc"); int ps = variant.endsWith("64k") ? 65536 : variant.endsWith("16k") ? 16384 : 4096;
      Path f = Files.createTempFile("pg", ".db"); Files.delete(f);
      try (Connection c = open(f, ps, enc)) {
        try (Statement s = c.createStatement()) { s.execute("CREATE TABLE blob (key TEXT PRIMARY KEY, data BLOB)"); }
        List<Double> w = new ArrayList<>(), r = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
          long t0 = System.nanoTime();
          try (PreparedStatement p = c.prepareStatement("INSERT INTO blob (key, data) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET data = excluded.data")) { p.setString(1, "k"); p.setBytes(2, data); p.executeUpdate(); }
          long t1 = System.nanoTime();
          try (PreparedStatement p = c.prepareStatement("SELECT data FROM blob WHERE key = ?")) { p.setString(1, "k"); try (ResultSet rs = p.executeQuery()) { rs.next(); if (rs.getBytes(1).length != data.length) throw new AssertionError(); } }
          long t2 = System.nanoTime();
          if (i >= 2) { w.add(data.length / 1e6 / ((t1 - t0) / 1e9)); r.add(data.length / 1e6 / ((t2 - t1) / 1e9)); }
        }
        Collections.sort(w); Collections.sort(r);
        System.out.printf("%s %d MiB: write %.0f MB/s, read %.0f MB/s (medians)%n", variant, mib, w.get(w.size()/2), r.get(r.size()/2));
      }
    }
  }
}
