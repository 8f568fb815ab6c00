package dev.kiln.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.Kiln;
import dev.kiln.e2e.Values;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * Bugs {@link FrontendFuzzTest}'s generated programs led to, reduced to a few lines each and
 * checked through the whole pipeline ({@code Kiln.jit}) against the original. The IR of each is
 * right (the interpreter agrees with the original on it); the compiled code is not.
 *
 * <p>Common cause, in {@code MethodGenerator}: a single-use value whose use is the next
 * statement is left on the operand stack for it (deferred), whatever it is, an array load,
 * {@code arraylength} or an integer division included; a statement whose result is unused and
 * that is pure is skipped as "dead and harmless". When the user of a deferred, throwing value is
 * such a dead statement, neither is emitted: the exception the original throws is lost, and when
 * it was the only throwing statement of a block in a try range, the exception table gets an
 * empty range, which the JVM refuses.
 */
class FuzzFindingsTest {
  /** The methods, public for {@code Kiln.jit}. */
  public static final class Cases {
    static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    private Cases() {}

    /** {@code i / j} is deferred into the addition, which is dead: no / by zero. */
    public static int deadDivision(int i, int j) {
      int x = i;
      x += i / j;
      x = 7;
      return x;
    }

    /** In the finally handler's copy, {@code x += arr[j]} is dead (the handler rethrows): the
     * load is dropped, so the try body's exception escapes instead of the finally's. */
    public static int finallyLoadLost(int[] arr, int i, int j) {
      int x = 0;
      try {
        arr[i] -= 1;
        x = 5;
      } finally {
        x += arr[j];
      }
      return x;
    }

    /** The only throwing statement of the try range is dropped: an empty exception range. */
    public static int emptyExceptionRange(int[] arr, int i) {
      int x = i;
      try {
        x ^= arr.length;
      } catch (NullPointerException e) {
        return -1;
      }
      x = 7;
      return x;
    }
  }

  static String original(String name, Object... args) throws IllegalAccessException {
    for (Method m : Cases.class.getDeclaredMethods()) {
      if (m.getName().equals(name)) {
        try {
          return Values.show(m.invoke(null, Values.deepCopyAll(args)));
        } catch (InvocationTargetException e) {
          return Values.showThrowable(e.getCause());
        }
      }
    }
    throw new IllegalArgumentException(name);
  }

  static String compiled(String name, Object... args) {
    try {
      return Values.show(Kiln.jit(Cases.LOOKUP, Cases.class, name)
          .invoke(Values.deepCopyAll(args)));
    } catch (Throwable t) {
      return Values.showThrowable(t).lines().findFirst().orElse("");
    }
  }

  static void agree(String name, Object... args) throws Exception {
    String expected = original(name, args);
    assertEquals(expected, compiled(name, args), name + Values.showArgs(args));
    // and the IR is right: the reference interpreter agrees with the original
    String interpreted;
    try {
      interpreted = Values.show(new IrInterpreter(Cases.class).invoke(
          Cases.class.getDeclaredMethod(name, parameterTypes(name)), Values.deepCopyAll(args)));
    } catch (IrInterpreter.Failure f) {
      throw f;
    } catch (Throwable t) {
      interpreted = Values.showThrowable(t);
    }
    assertEquals(expected, interpreted, "interpreted " + name + Values.showArgs(args));
  }

  static Class<?>[] parameterTypes(String name) {
    for (Method m : Cases.class.getDeclaredMethods()) {
      if (m.getName().equals(name)) {
        return m.getParameterTypes();
      }
    }
    throw new IllegalArgumentException(name);
  }

  @Test
  void divisionWhoseResultIsDeadStillThrows() throws Exception {
    agree("deadDivision", 4, 0);
  }

  @Test
  void exceptionFromFinallyReplacesTheBodys() throws Exception {
    agree("finallyLoadLost", new int[2], 4, 3);
  }

  @Test
  void tryRangeWithADeadThrowingStatement() throws Exception {
    agree("emptyExceptionRange", null, 4);
    agree("emptyExceptionRange", new int[2], 4);
  }
}
