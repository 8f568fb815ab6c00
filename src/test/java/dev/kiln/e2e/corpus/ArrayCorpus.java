package dev.kiln.e2e.corpus;

import dev.kiln.Jit;
import dev.kiln.e2e.Range;
import java.lang.invoke.MethodHandles;

/** One-dimensional arrays of every primitive type: kernels, in-place mutation, bounds. */
public final class ArrayCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private ArrayCorpus() {}

  /** A null or shorter {@code b} throws: NPE, or AIOOBE at the first missing index. */
  @Jit
  public static double dot(double[] a, double[] b) {
    double s = 0.0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** y = a*x + y in place. */
  @Jit
  public static void saxpy(float a, float[] x, float[] y) {
    for (int i = 0; i < x.length; i++) {
      y[i] = a * x[i] + y[i];
    }
  }

  @Jit
  public static void prefixSumInPlace(long[] a) {
    for (int i = 1; i < a.length; i++) {
      a[i] += a[i - 1];
    }
  }

  @Jit
  public static int[] prefixSumCopy(int[] a) {
    int[] r = new int[a.length + 1];
    for (int i = 0; i < a.length; i++) {
      r[i + 1] = r[i] + a[i];
    }
    return r;
  }

  @Jit
  public static void reverseInPlace(int[] a) {
    for (int i = 0, j = a.length - 1; i < j; i++, j--) {
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** Index of the maximum; NaN never compares greater, so it is skipped unless first. */
  @Jit
  public static int argMax(double[] a) {
    if (a.length == 0) {
      return -1;
    }
    int best = 0;
    for (int i = 1; i < a.length; i++) {
      if (a[i] > a[best]) {
        best = i;
      }
    }
    return best;
  }

  @Jit
  public static long sumNarrow(byte[] b, short[] s, char[] c) {
    long r = 0;
    for (byte v : b) {
      r += v;
    }
    for (short v : s) {
      r = r * 3 + v;
    }
    for (char v : c) {
      r ^= v;
    }
    return r;
  }

  @Jit
  public static int countTrue(boolean[] a) {
    int n = 0;
    for (boolean v : a) {
      if (v) {
        n++;
      }
    }
    return n;
  }

  /** new int[n] throws NegativeArraySizeException for negative n. */
  @Jit
  public static int[] filled(@Range(min = -3, max = 20) int n, int v) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = v + i;
    }
    return r;
  }

  @Jit
  public static int elementAt(int[] a, @Range(min = -3, max = 20) int i) {
    return a[i];
  }

  @Jit
  public static void swap(long[] a, @Range(min = -1, max = 8) int i,
                          @Range(min = -1, max = 8) int j) {
    long t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  @Jit
  public static double[] copyRange(double[] a, @Range(min = -1, max = 6) int from,
                                   @Range(min = -1, max = 12) int to) {
    double[] r = new double[to - from];
    for (int i = from; i < to; i++) {
      r[i - from] = a[i];
    }
    return r;
  }

  /** % by 0 throws; negative data makes a negative index. */
  @Jit
  public static int[] histogram(@Range(min = -2, max = 30) int[] data,
                                @Range(min = 0, max = 8) int buckets) {
    int[] h = new int[buckets];
    for (int d : data) {
      h[d % buckets]++;
    }
    return h;
  }

  /** Rotates left by k in place, by three reversals. */
  @Jit
  public static void rotateLeft(int[] a, @Range(min = -3, max = 20) int k) {
    int n = a.length;
    if (n == 0) {
      return;
    }
    k = ((k % n) + n) % n;
    reverse(a, 0, k - 1);
    reverse(a, k, n - 1);
    reverse(a, 0, n - 1);
  }

  private static void reverse(int[] a, int i, int j) {
    while (i < j) {
      int t = a[i];
      a[i++] = a[j];
      a[j--] = t;
    }
  }

  @Jit
  public static int totalLength(int[] a, long[] b, double[] c) {
    return a.length + 2 * b.length + 3 * c.length;
  }

  @Jit
  public static void runningMax(float[] a) {
    for (int i = 1; i < a.length; i++) {
      a[i] = Math.max(a[i], a[i - 1]);
    }
  }

  @Jit
  public static int countRuns(char[] s) {
    int runs = 0;
    for (int i = 0; i < s.length; i++) {
      if (i == 0 || s[i] != s[i - 1]) {
        runs++;
      }
    }
    return runs;
  }

  /** Element stores narrow: byte wraps, char zero-extends, short sign-extends. */
  @Jit
  public static void narrowStores(byte[] b, char[] c, short[] s, int v) {
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (b[i] + v);
      b[i] += 1;
    }
    for (int i = 0; i < c.length; i++) {
      c[i] -= v;
    }
    for (int i = 0; i < s.length; i++) {
      s[i] *= v;
    }
  }

  @Jit
  public static void toggle(boolean[] a, @Range(min = 0, max = 3) int stride) {
    for (int i = 0; i < a.length; i += stride + 1) {
      a[i] = !a[i];
    }
  }

  @Jit
  public static long[] convolve(long[] a, long[] k) {
    if (a.length < k.length) {
      return new long[0];
    }
    long[] r = new long[a.length - k.length + 1];
    for (int i = 0; i < r.length; i++) {
      long acc = 0;
      for (int j = 0; j < k.length; j++) {
        acc += a[i + j] * k[j];
      }
      r[i] = acc;
    }
    return r;
  }

  /** Loads and stores through a computed index; the array aliases itself. */
  @Jit
  public static void shiftInPlace(short[] a, @Range(min = -2, max = 6) int by) {
    for (int i = a.length - 1; i >= by; i--) {
      a[i] = a[i - by];
    }
  }
}
