package dev.kiln.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The warm load's test for whether a unit needs its host (see DiskCache.namesBootstraps). */
class DiskCacheTest {
  @Test
  void theNameSearchedForIsTheBootstrapsClass() {
    assertEquals(Bootstraps.class.getName().replace('.', '/'), DiskCache.BOOTSTRAPS);
  }

  /** A substring search: a longer name that contains it admits a unit for nothing (harmless);
   * what matters is that the name is never missed. */
  @Test
  void findsTheNameAnywhereInTheBytes() {
    assertTrue(DiskCache.namesBootstraps(bytes("dev/kiln/dispatch/Bootstraps")));
    assertTrue(DiskCache.namesBootstraps(bytes("\u0001\u0000\u001cdev/kiln/dispatch/Bootstraps\u0007")));
    assertTrue(DiskCache.namesBootstraps(bytes("dev/kiln/dev/kiln/dispatch/Bootstraps")));
    assertTrue(DiskCache.namesBootstraps(bytes("dev/kiln/dispatch/BootstrapsX")));
    assertFalse(DiskCache.namesBootstraps(bytes("dev/kiln/dispatch/Bootstrap")));
    assertFalse(DiskCache.namesBootstraps(bytes("dev/kiln/dispatch/UnitInvoker")));
    assertFalse(DiskCache.namesBootstraps(new byte[0]));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
