package dev.kiln.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Dispatcher;
import dev.kiln.Kiln;
import java.lang.invoke.MethodHandle;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The inline cache of {@code handle()}: one guard per exact class, right answers whatever the
 * order of classes, megamorphic past the depth limit and still right.
 */
class InlineCacheTest {
  private static List<Object> samples() {
    List<Object> xs = new ArrayList<>();
    xs.add(1);
    xs.add(2L);
    xs.add(3.0);
    xs.add("four");
    xs.add(new StringBuilder("five"));
    xs.add(BigInteger.TEN);
    xs.add((short) 7);
    xs.add('c');
    xs.add(new int[0]);
    xs.add(List.of(1, 2));
    xs.add(Boolean.TRUE);
    xs.add(null);
    return xs;
  }

  @Test
  void guardsSelectTheRightSpecializationAndGoMegamorphic() throws Throwable {
    Dispatcher d = Kiln.jit(ApiKernels.LOOKUP, ApiKernels.class, "describe");
    MethodHandle h = d.handle();
    List<Object> xs = samples();
    for (int round = 0; round < 3; round++) {
      for (Object x : xs) {
        assertEquals(ApiKernels.describe(x), (String) h.invokeExact(x), "for " + x);
        assertEquals(ApiKernels.describe(x), d.invoke(x), "for " + x);
      }
    }
    // one specialization per exact class (null takes the declared type, Object)
    assertEquals(xs.size(), d.signatures().size(), d.signatures().toString());
    assertEquals(xs.size(), d.stats().compilations());
    assertTrue(d.signatures().contains("java.lang.String(java.lang.Integer)"), d.signatures().toString());
  }

  @Test
  void primitiveMethodsNeedNoGuard() throws Throwable {
    Dispatcher d = Kiln.jit(ApiKernels.LOOKUP, ApiKernels.class, "dot");
    MethodHandle h = d.handle();
    double[] a = {1, 2, 3};
    assertEquals(14.0, (double) h.invokeExact(a, a));
    assertEquals(0.0, (double) h.invokeExact(new double[0], new double[0]));
    assertEquals(1, d.signatures().size());
  }
}
