package dev.kiln.e2e.corpus;

import dev.kiln.Jit;
import dev.kiln.e2e.NonNull;
import java.lang.invoke.MethodHandles;

/** Methods with explicit signatures, compiled when their dispatcher is made (Numba's eager
 * compilation); a call whose argument types match no signature is rejected. */
public final class EagerCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private EagerCorpus() {}

  @Jit(signatures = "double(double[])")
  public static double eagerSum(@NonNull double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s;
  }

  @Jit(signatures = "long(int, long)")
  public static long eagerMix(int a, long b) {
    return a * 31L + (b ^ a);
  }
}
