package dev.kiln.e2e.corpus;

import dev.kiln.Jit;
import java.lang.invoke.MethodHandles;

/** Methods for the API tests, each compiled by one test only (so its dispatcher is fresh). Not
 * part of the differential corpus. */
public final class ApiCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private ApiCorpus() {}

  @Jit
  public static int optionsGcd(int a, int b) {
    while (b != 0) {
      int t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  /** ThreadSafetyTest: sixteen threads make the first call at once. */
  @Jit
  public static long threadKernel(long[] a, int rounds) {
    long h = 0x9E3779B97F4A7C15L;
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < a.length; i++) {
        h = (h ^ a[i]) * 0x100000001B3L + r;
        h ^= h >>> 29;
      }
    }
    return h;
  }

  /** ThreadSafetyTest: a second kernel, with a double result. */
  @Jit
  public static double threadPoly(double[] a, double x) {
    double r = 0;
    for (int i = a.length - 1; i >= 0; i--) {
      r = r * x + a[i];
    }
    return r;
  }
}
