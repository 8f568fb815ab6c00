package dev.kiln.e2e.corpus;

import dev.kiln.Jit;
import dev.kiln.e2e.Range;
import java.lang.invoke.MethodHandles;

/**
 * getstatic/putstatic: private and package-private fields of every primitive type, static
 * final arrays (read and written in place), a static array reassigned, and values computed in
 * the static initializer. The harness restores these fields before each run and compares them
 * after it, so writes are checked like results.
 */
public final class StaticFieldCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private static int counter;
  static long total = 7;
  private static double scale = 1.5;
  static float decay = 0.75f;
  private static boolean flag;
  static byte smallByte = -3;
  static short smallShort = 300;
  static char letter = 'k';
  private static int[] scratch = new int[4];

  private static final int[] TABLE = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3};
  static final double[] BUFFER = new double[8];
  private static final double[][] GRID = {{1.0, 2.0, 3.0}, {4.0, 5.0}, {6.0}};
  /** Not a compile-time constant: read with getstatic. */
  static final long MIX = Long.rotateLeft(0x9E3779B97F4A7C15L, 7) ^ TABLE.length;
  static final int CONSTANT = 42;

  private StaticFieldCorpus() {}

  @Jit
  public static int bumpCounter(int by) {
    counter += by;
    counter++;
    return counter;
  }

  @Jit
  public static int lookupTable(@Range(min = -3, max = 20) int i) {
    return TABLE[i] * CONSTANT;
  }

  @Jit
  public static long accumulateTotal(long[] a) {
    for (long v : a) {
      total += v;
    }
    return total;
  }

  @Jit
  public static double writeBuffer(@Range(min = -2, max = 10) int i, double v) {
    BUFFER[i] = v * scale;
    double s = 0;
    for (double b : BUFFER) {
      s += b;
    }
    return s;
  }

  /** Reassigns a non-final static array field. */
  @Jit
  public static int resizeScratch(@Range(min = -1, max = 12) int n) {
    int[] old = scratch;
    scratch = new int[n];
    for (int i = 0; i < n; i++) {
      scratch[i] = i < old.length ? old[i] + 1 : -i;
    }
    return scratch.length + old.length;
  }

  @Jit
  public static double gridSum(@Range(min = -1, max = 3) int row) {
    double s = 0;
    for (int j = 0; j < GRID[row].length; j++) {
      s += GRID[row][j];
    }
    GRID[row][0] = s;
    return s;
  }

  @Jit
  public static boolean toggleFlag(boolean b) {
    flag ^= b;
    flag = flag | (counter > 10);
    return flag;
  }

  /** putstatic into byte/short/char fields narrows. */
  @Jit
  public static int narrowFields(int x) {
    smallByte += (byte) x;
    smallShort *= x;
    letter += x;
    return smallByte + smallShort + letter;
  }

  @Jit
  public static float decayStep(float f, @Range(min = 0, max = 40) int steps) {
    float acc = f;
    for (int i = 0; i < steps; i++) {
      acc = acc * decay + f;
    }
    decay = decay * 0.5f + 0.25f;
    return acc;
  }

  @Jit
  public static long mixed(long x) {
    return (x ^ MIX) * CONSTANT + total;
  }

  private static void record(double v) {
    scale = scale * 0.5 + v;
    counter--;
  }

  /** A private helper writes the fields; the caller reads them. */
  @Jit
  public static double viaHelper(double v, @Range(min = 0, max = 5) int times) {
    for (int i = 0; i < times; i++) {
      record(v + i);
    }
    return scale + counter;
  }

  @Jit
  public static int tableHistogram(@Range(min = 0, max = 15) int[] idx) {
    int[] h = new int[10];
    for (int i : idx) {
      h[TABLE[i]]++;
      TABLE[i] = (TABLE[i] + 1) % 10;
    }
    int best = 0;
    for (int v = 1; v < 10; v++) {
      if (h[v] > h[best]) {
        best = v;
      }
    }
    return best;
  }
}
