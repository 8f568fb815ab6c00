package dev.kiln.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kiln.Dispatcher;
import dev.kiln.Kiln;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@code Dispatcher.as(...)}: typed entries of the method's own type, of a wider erased type
 * (adapted at the call site), one class per interface, and clear refusals. The entry classes
 * Kiln generates are verified with CheckClassAdapter (kiln.verify is on in the suite).
 */
class AsEntryTest {
  /** The kernel's exact parameters and result. */
  public interface DotFn {
    double apply(double[] a, double[] b);
  }

  /** Not functional: two abstract methods. */
  public interface TwoMethods {
    int a(int x);

    int b(int x);
  }

  @Test
  void entryOfTheMethodsOwnTypeRunsTheSpecialization() {
    Dispatcher d = Kiln.jit(ApiKernels.LOOKUP, ApiKernels.class, "add");
    IntBinaryOperator add = d.as(IntBinaryOperator.class);
    assertEquals(5, add.applyAsInt(2, 3));
    assertEquals(Integer.MIN_VALUE, add.applyAsInt(Integer.MAX_VALUE, 1));
    assertEquals(List.of("int(int, int)"), d.signatures());
    assertSame(add, d.as(IntBinaryOperator.class), "one entry per interface");

    Dispatcher dot = Kiln.jit(ApiKernels.LOOKUP, ApiKernels.class, "dot");
    DotFn fn = dot.as(DotFn.class);
    assertEquals(ApiKernels.dot(new double[] {1, 2}, new double[] {3, 4}),
        fn.apply(new double[] {1, 2}, new double[] {3, 4}));
    assertThrows(NullPointerException.class, () -> fn.apply(null, new double[0]));
  }

  @Test
  void erasedInterfaceIsAdaptedAndStillSpecializesPerClass() {
    Dispatcher d = Kiln.jit(ApiKernels.LOOKUP, ApiKernels.class, "describe");
    @SuppressWarnings("unchecked")
    Function<Object, String> f = d.as(Function.class);
    for (Object x : new Object[] {7, "seven", 7.0, null}) {
      assertEquals(ApiKernels.describe(x), f.apply(x));
    }
    assertEquals(4, d.signatures().size(), d.signatures().toString());
  }

  @Test
  void refusesWhatIsNotAFunctionalInterface() {
    Dispatcher d = Kiln.jit(ApiKernels.LOOKUP, ApiKernels.class, "add");
    assertThrows(IllegalArgumentException.class, () -> d.as(TwoMethods.class));
    assertThrows(IllegalArgumentException.class, () -> d.as(String.class));
  }
}
