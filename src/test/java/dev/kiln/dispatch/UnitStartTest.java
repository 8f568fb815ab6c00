package dev.kiln.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.frontend.ClassFileReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * How a unit's start tells whether it needs its host lookup: whether its class file names
 * Kiln's bootstraps (see UnitInvoker.start).
 */
class UnitStartTest {
  @Test
  void theNameSearchedForIsTheBootstrapsClass() {
    assertEquals(Bootstraps.class.getName().replace('.', '/'),
        dev.kiln.lowering.CompileUnit.BOOTSTRAPS);
  }

  /** A substring search: a longer name that contains it admits a unit for nothing (harmless);
   * what matters is that the name is never missed. */
  @Test
  void findsTheNameAnywhereInTheBytes() {
    assertTrue(namesBootstraps(bytes("dev/kiln/dispatch/Bootstraps")));
    assertTrue(namesBootstraps(bytes("\u0001\u0000\u001cdev/kiln/dispatch/Bootstraps\u0007")));
    assertTrue(namesBootstraps(bytes("dev/kiln/dev/kiln/dispatch/Bootstraps")));
    assertTrue(namesBootstraps(bytes("dev/kiln/dispatch/BootstrapsX")));
    assertFalse(namesBootstraps(bytes("dev/kiln/dispatch/Bootstrap")));
    assertFalse(namesBootstraps(bytes("dev/kiln/dispatch/UnitInvoker")));
    assertFalse(namesBootstraps(new byte[0]));
  }

  private static boolean namesBootstraps(byte[] classFile) {
    return ClassFileReader.mentions(classFile, dev.kiln.lowering.CompileUnit.BOOTSTRAPS);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
