package dev.kiln.e2e.corpus;

import dev.kiln.Jit;
import dev.kiln.e2e.Range;
import dev.kiln.e2e.Size;
import java.lang.invoke.MethodHandles;

/** Static calls: recursion, mutual recursion, private helpers, other @Jit methods (in this
 * class and in others), overloads, and JDK static helpers. */
public final class CallCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private CallCorpus() {}

  @Jit
  public static int fib(@Range(min = -2, max = 22) int n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
  }

  @Jit
  public static int ackermann(@Range(min = 0, max = 3) int m, @Range(min = 0, max = 4) int n) {
    if (m == 0) {
      return n + 1;
    }
    if (n == 0) {
      return ackermann(m - 1, 1);
    }
    return ackermann(m - 1, ackermann(m, n - 1));
  }

  @Jit
  public static boolean isEven(@Range(min = -300, max = 300) int n) {
    return n == 0 || isOdd(Math.abs(n) - 1);
  }

  private static boolean isOdd(int n) {
    return n != 0 && isEven(n - 1);
  }

  private static double square(double x) {
    return x * x;
  }

  @Jit
  public static double sumOfSquares(double[] a) {
    double s = 0;
    for (double v : a) {
      s += square(v);
    }
    return s;
  }

  /** Calls a @Jit method of another class. */
  @Jit
  public static double norm(double[] a) {
    return Math.sqrt(ArrayCorpus.dot(a, a));
  }

  @Jit
  public static int scale(int x) {
    return x * 3;
  }

  @Jit
  public static double scale(double x) {
    return x * 3.5;
  }

  /** Calls both overloads and a @Jit method of this class. */
  @Jit
  public static double useOverloads(int i, double d) {
    return scale(i) + scale(d) + fib(i & 7);
  }

  @Jit
  public static long power(long b, @Range(min = -1, max = 62) int e) {
    if (e <= 0) {
      return 1;
    }
    long half = power(b, e / 2);
    return e % 2 == 0 ? half * half : half * half * b;
  }

  /** Recursion that mutates an array argument: counts the moves of a Tower of Hanoi. */
  @Jit
  public static void hanoi(@Range(min = -1, max = 12) int n, @Size(min = 2, max = 4) int[] moves) {
    if (n <= 0) {
      return;
    }
    moves[0]++;
    hanoiStep(n, 0, 2, 1, moves);
  }

  private static void hanoiStep(int n, int from, int to, int via, int[] moves) {
    if (n == 0) {
      return;
    }
    hanoiStep(n - 1, from, via, to, moves);
    moves[to]++;
    hanoiStep(n - 1, via, to, from, moves);
  }

  @Jit
  public static int digitSum(long n) {
    if (n < 0) {
      return -digitSum(-(n / 10)) - (int) -(n % 10);
    }
    return n < 10 ? (int) n : (int) (n % 10) + digitSum(n / 10);
  }

  @Jit
  public static int gcdRecursive(int a, int b) {
    return b == 0 ? a : gcdRecursive(b, a % b);
  }

  @Jit
  public static long accumulate(@Range(min = -3, max = 400) int n, long acc) {
    return n <= 0 ? acc : accumulate(n - 1, acc * 31 + n);
  }

  @Jit
  public static long binomial(@Range(min = -1, max = 16) int n, @Range(min = -1, max = 17) int k) {
    if (k < 0 || k > n) {
      return 0;
    }
    if (k == 0 || k == n) {
      return 1;
    }
    return binomial(n - 1, k - 1) + binomial(n - 1, k);
  }

  @Jit
  public static int characterHelpers(char c) {
    int r = 0;
    if (Character.isDigit(c)) r |= 1;
    if (Character.isLetter(c)) r |= 2;
    if (Character.isWhitespace(c)) r |= 4;
    if (Character.isUpperCase(c)) r |= 8;
    if (Character.isLetterOrDigit(c)) r |= 16;
    if (Character.isHighSurrogate(c)) r |= 32;
    r += Character.toUpperCase(c) * 64;
    r += Character.toLowerCase(c) * 7;
    r += Character.digit(c, 16) * 3;
    r += Character.getNumericValue(c);
    return r;
  }

  @Jit
  public static long boxedTypeHelpers(int a, int b, long c, double d, float f) {
    long r = Integer.max(a, b) + Integer.min(a, b) + Integer.sum(a, b);
    r += Long.max(c, a) + Long.signum(c) + Integer.compare(a, b) + Long.compare(c, b);
    r += Double.compare(d, f) + Float.floatToIntBits(Float.max(f, 0.5f));
    r += Integer.hashCode(a) + Long.hashCode(c) + Double.hashCode(d) + Float.hashCode(f);
    r += Character.MAX_RADIX + Integer.SIZE + Long.BYTES;
    return r;
  }

  @Jit
  public static int mathIntHelpers(int a, int b) {
    return Math.max(a, b) - Math.min(a, b) + Math.abs(a - b) + Math.floorMod(a, 7)
        + StrictMath.max(a, -b) + Math.absExact(b);
  }

  /** Deep chain of calls through private helpers with many parameters of mixed types. */
  @Jit
  public static double manyParams(int a, long b, float c, double d, byte e, short f, char g,
                                  boolean h) {
    return helper8(a, b, c, d, e, f, g, h) + helper8(-a, b >> 1, c * 2, -d, e, f, g, !h);
  }

  private static double helper8(int a, long b, float c, double d, byte e, short f, char g,
                                boolean h) {
    return h ? a + b + c : d - e * f + g;
  }

  /** Calls a @Jit sorting method of another class on its own copy of the data. */
  @Jit
  public static int medianOfSorted(int[] a) {
    int[] copy = new int[a.length];
    for (int i = 0; i < a.length; i++) {
      copy[i] = a[i];
    }
    SortSearchCorpus.insertionSort(copy);
    return copy.length == 0 ? Integer.MIN_VALUE : copy[copy.length / 2];
  }
}
