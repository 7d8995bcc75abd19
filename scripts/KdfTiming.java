// Times one key derivation per KDF setting: java -cp bootstrap/target/research-vault.jar scripts/KdfTiming.java
import dev.researchvault.adapter.persistence.crypto.*;
import dev.researchvault.domain.account.*;
import java.util.*;
public class KdfTiming {
  public static void main(String[] a) {
    var keys = new BouncyCastleVaultKeys(new KdfConfiguration());
    for (String[] cfg : new String[][]{{"ARGON2ID","19456","2","1"},{"ARGON2ID","47104","1","1"},{"ARGON2ID","65536","3","1"},{"PBKDF2_HMAC_SHA512","0","210000","1"}}) {
      var p = new KdfParameters(KdfAlgorithm.valueOf(cfg[0]), Integer.parseInt(cfg[1]), Integer.parseInt(cfg[2]), Integer.parseInt(cfg[3]), new byte[32]);
      for (int i = 0; i < 5; i++) keys.derive(Password.offered("warm up password"), p);
      long[] t = new long[21];
      for (int i = 0; i < t.length; i++) { long s = System.nanoTime(); keys.derive(Password.offered("correct horse battery"), p); t[i] = System.nanoTime() - s; }
      Arrays.sort(t);
      System.out.printf("%s m=%sKiB t=%s p=%s: median %.1f ms, min %.1f, max %.1f (21 runs)%n", cfg[0], cfg[1], cfg[2], cfg[3], t[10]/1e6, t[0]/1e6, t[20]/1e6);
    }
  }
}
