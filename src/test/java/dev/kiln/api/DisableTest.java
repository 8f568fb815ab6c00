package dev.kiln.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Dispatcher;
import dev.kiln.Kiln;
import org.junit.jupiter.api.Test;

/** {@code -Dkiln.disable=true} runs the originals, as NUMBA_DISABLE_JIT does. */
class DisableTest {
  @Test
  void disabledDispatcherRunsTheOriginalAndCompilesNothing() throws Throwable {
    String old = System.getProperty("kiln.disable");
    System.setProperty("kiln.disable", "true");
    try {
      Dispatcher d = Kiln.jit(ApiKernels.LOOKUP, ApiKernels.class, "add");
      assertEquals(5, d.invoke(2, 3));
      assertEquals(7, (int) d.handle().invokeExact(3, 4));
      d.compile("int(int, int)");
      assertTrue(d.signatures().isEmpty(), "no signature compiled while disabled");
      assertEquals(0, d.stats().compilations());
    } finally {
      if (old == null) {
        System.clearProperty("kiln.disable");
      } else {
        System.setProperty("kiln.disable", old);
      }
    }
  }
}
