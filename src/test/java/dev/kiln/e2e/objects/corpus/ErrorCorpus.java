package dev.kiln.e2e.objects.corpus;

import dev.kiln.Jit;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/**
 * Methods for {@code ErrorsTest}: constructs Kiln may not compile. Each either compiles (and
 * must then agree with the original) or is refused with a CompileError naming this file and the
 * line; with {@code nopython=false} a refused method runs the original instead.
 */
public final class ErrorCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private ErrorCorpus() {}

  static final MethodHandle SQUARE;

  static {
    try {
      SQUARE = LOOKUP.findStatic(ErrorCorpus.class, "square",
          MethodType.methodType(int.class, int.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static int square(int x) {
    return x * x;
  }

  /** A signature-polymorphic call: {@code invokeExact} has no method of this descriptor. */
  @Jit
  public static int invokeExactCall(int x) throws Throwable {
    int y = x + 1;
    return (int) SQUARE.invokeExact(y) + 1;
  }

  static final class Holder {
    final int size;

    Holder(int size) {
      this.size = size;
    }
  }

  /** A constructor argument computed with a branch while the new object is on the stack. */
  @Jit
  public static int newAcrossBranch(int[] data) {
    Holder h = new Holder(data == null ? -1 : data.length);
    return h.size * 2;
  }

  public static int helper(int x) {
    return x * 3 + 1;
  }

  /** Calls a method (here a helper, and itself one level down) through reflection. */
  @Jit
  public static int reflectiveSelfCall(int x) throws ReflectiveOperationException {
    Method self = ErrorCorpus.class.getDeclaredMethod("reflectiveSelfCall", int.class);
    Method helper = ErrorCorpus.class.getMethod("helper", int.class);
    int h = (Integer) helper.invoke(null, x);
    return x <= 0 ? h : h + (Integer) self.invoke(null, x - 1);
  }
}
