package dev.kiln.dispatch;

import dev.kiln.typing.KType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * Builds the guards of an inline-cache entry: for each parameter whose key depends on the
 * argument, a test that the argument's class is exactly the key's (or that it is null, for a
 * key taken from a null argument). Exact-class tests are what C2 folds best.
 */
final class Guards {
  private static final MethodHandle IS_EXACTLY;
  private static final MethodHandle IS_NULL;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      IS_EXACTLY = l.findStatic(Guards.class, "isExactly",
          MethodType.methodType(boolean.class, Class.class, Object.class));
      IS_NULL = l.findStatic(Guards.class, "isNull",
          MethodType.methodType(boolean.class, Object.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Guards() {}

  static boolean isExactly(Class<?> c, Object o) {
    return o != null && o.getClass() == c;
  }

  static boolean isNull(Object o) {
    return o == null;
  }

  /**
   * {@code target} guarded by the key's tests, falling back to {@code otherwise}; both must
   * have type {@code type}.
   */
  static MethodHandle guard(MethodType type, List<KType> key, Class<?>[] declared,
                            Object[] sample, MethodHandle target, MethodHandle otherwise) {
    MethodHandle h = target;
    for (int i = declared.length - 1; i >= 0; i--) {
      if (!ArgumentTypes.varies(declared[i])) {
        continue;
      }
      MethodHandle test = sample[i] == null ? IS_NULL
          : MethodHandles.insertArguments(IS_EXACTLY, 0, sample[i].getClass());
      test = test.asType(MethodType.methodType(boolean.class, declared[i]));
      test = MethodHandles.dropArguments(test, 0, type.parameterList().subList(0, i));
      test = MethodHandles.dropArguments(test, i + 1,
          type.parameterList().subList(i + 1, type.parameterCount()));
      h = MethodHandles.guardWithTest(test, h, otherwise);
    }
    return h;
  }

  /** Whether any parameter's key depends on the argument. */
  static boolean needed(Class<?>[] declared) {
    for (Class<?> c : declared) {
      if (ArgumentTypes.varies(c)) {
        return true;
      }
    }
    return false;
  }
}
