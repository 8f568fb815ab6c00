package dev.kiln.bench;

import java.util.SplittableRandom;

/**
 * Deterministic inputs for the demo and the benchmarks: the same seed gives the same values on
 * every run and every JDK, so a disagreement can be reproduced.
 */
public final class Inputs {
  private Inputs() {}

  /** {@code n} doubles, uniform in [-1, 1). */
  public static double[] doubles(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = random.nextDouble(-1.0, 1.0);
    }
    return a;
  }

  /** {@code n} longs over the whole range, so sums wrap. */
  public static long[] longs(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] a = new long[n];
    for (int i = 0; i < n; i++) {
      a[i] = random.nextLong();
    }
    return a;
  }

  /**
   * Output rows for a {@code width x height} Mandelbrot image: {@code height} rows of
   * {@code (width + 7) / 8} bytes, eight pixels a byte.
   */
  public static byte[][] mandelbrotRows(int width, int height) {
    return new byte[height][(width + 7) / 8];
  }
}
