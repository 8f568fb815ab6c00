package dev.kiln.api;

import dev.kiln.Jit;
import java.lang.invoke.MethodHandles;

/** Small kernels for the API tests. */
public final class ApiKernels {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private ApiKernels() {}

  @Jit
  public static int add(int a, int b) {
    return a + b;
  }

  /** One specialization per exact class of {@code o}. */
  @Jit
  public static String describe(Object o) {
    return o == null ? "null" : o.getClass().getSimpleName() + ":" + o.hashCode() % 7;
  }

  @Jit
  public static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
