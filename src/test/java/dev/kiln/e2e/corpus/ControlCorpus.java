package dev.kiln.e2e.corpus;

import dev.kiln.Jit;
import dev.kiln.e2e.Range;
import java.lang.invoke.MethodHandles;

/** Control flow: nested and labelled loops, break/continue, do-while, short-circuit logic,
 * ternaries whose values sit on the operand stack across branches. */
public final class ControlCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private ControlCorpus() {}

  /** Index pair with a[i] + a[j] == target, encoded i*100+j, via a labelled break. */
  @Jit
  public static int findPair(@Range(min = -5, max = 10) int[] a, @Range(min = -5, max = 20) int target) {
    int found = -1;
    outer:
    for (int i = 0; i < a.length; i++) {
      for (int j = i + 1; j < a.length; j++) {
        if (a[i] + a[j] == target) {
          found = i * 100 + j;
          break outer;
        }
      }
    }
    return found;
  }

  @Jit
  public static long sumPositiveEven(int[] a) {
    long s = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] <= 0) {
        continue;
      }
      if ((a[i] & 1) != 0) {
        continue;
      }
      s += a[i];
    }
    return s;
  }

  @Jit
  public static int countDigits(int n) {
    int count = 0;
    do {
      n /= 10;
      count++;
    } while (n != 0);
    return count;
  }

  /** Ternaries nested inside an expression: values flow through the stack across branches. */
  @Jit
  public static int ternaryStack(int a, int b, int c) {
    return a + (b > c ? b : c) * (a < 0 ? -1 : 1) - (a == b ? c : (b == c ? a : 7));
  }

  @Jit
  public static double ternaryCall(double x, boolean f, int n) {
    return Math.max(f ? x : -x, n > 0 ? n : 0.5) + (f ? 1 : 0) + Math.min(n, f ? 3 : -3);
  }

  @Jit
  public static int sieveCount(@Range(min = -3, max = 3000) int n) {
    if (n < 2) {
      return 0;
    }
    boolean[] composite = new boolean[n + 1];
    int count = 0;
    for (int i = 2; i <= n; i++) {
      if (composite[i]) {
        continue;
      }
      count++;
      for (long j = (long) i * i; j <= n; j += i) {
        composite[(int) j] = true;
      }
    }
    return count;
  }

  /** Rows without negatives, skipping the rest of a row with a labelled continue. */
  @Jit
  public static int cleanRows(int[][] m) {
    int clean = 0;
    rows:
    for (int[] row : m) {
      for (int v : row) {
        if (v < 0) {
          continue rows;
        }
      }
      clean++;
    }
    return clean;
  }

  @Jit
  public static int indexOf(long[] a, @Range(min = -3, max = 5) long key) {
    int i = 0;
    while (true) {
      if (i >= a.length) {
        return -1;
      }
      if (a[i] == key) {
        break;
      }
      i++;
    }
    return i;
  }

  /** && and || guard a division and an index; no exception when short-circuited. */
  @Jit
  public static int shortCircuit(int a, int b, int[] arr) {
    int r = 0;
    if (b != 0 && a / b > 2) r |= 1;
    if (b == 0 || a % b == 0) r |= 2;
    if (arr != null && arr.length > 2 && arr[2] > a) r |= 4;
    if (!(a > 0 && b > 0) || a + b < 0) r |= 8;
    boolean x = a > b && (b > 0 || a < -10);
    return x ? r + 16 : r;
  }

  @Jit
  public static long longLoop(@Range(min = -50, max = 50) long from, @Range(min = -50, max = 50) long to,
                              @Range(min = 1, max = 7) long step) {
    long s = 0;
    for (long i = from; i < to; i += step) {
      s = s * 3 + i;
    }
    return s;
  }

  @Jit
  public static int fizzBuzz(@Range(min = -3, max = 500) int n) {
    int score = 0;
    for (int i = 1; i <= n; i++) {
      if (i % 15 == 0) {
        score += 15;
      } else if (i % 5 == 0) {
        score += 5;
      } else if (i % 3 == 0) {
        score += 3;
      } else {
        score -= 1;
      }
    }
    return score;
  }

  /** Triple loop with labelled break and continue at different depths. */
  @Jit
  public static int tripleLoop(@Range(min = 0, max = 12) int n, @Range(min = -1, max = 40) int limit) {
    int count = 0;
    outer:
    for (int i = 0; i < n; i++) {
      middle:
      for (int j = 0; j < n; j++) {
        for (int k = 0; k < n; k++) {
          if (i + j + k > limit) {
            continue middle;
          }
          if (i * j * k > limit * 4) {
            break outer;
          }
          if (k == j) {
            break;
          }
          count++;
        }
      }
    }
    return count;
  }

  /** A byte counter wraps at 127 to -128; the loop ends within 256 steps. */
  @Jit
  public static int byteLoop(byte start, byte end) {
    int steps = 0;
    for (byte b = start; b != end; b++) {
      steps++;
    }
    return steps;
  }

  @Jit
  public static int charLoop(@Range(min = 0, max = 300) char limit) {
    int h = 0;
    for (char c = 'a'; c <= limit; c++) {
      h = h * 31 + c;
    }
    return h;
  }

  @Jit
  public static int nestedConditions(int a, int b, int c) {
    if (a > 0) {
      if (b > 0) {
        return c > 0 ? 1 : 2;
      } else if (b < 0) {
        return c == 0 ? 3 : 4;
      }
      return 5;
    } else if (a == 0) {
      return b == c ? 6 : 7;
    }
    return b < c ? 8 : (c < 0 ? 9 : 10);
  }

  @Jit
  public static int bubbleUntilClean(int[] a) {
    int passes = 0;
    boolean swapped;
    do {
      swapped = false;
      for (int i = 1; i < a.length; i++) {
        if (a[i - 1] > a[i]) {
          int t = a[i];
          a[i] = a[i - 1];
          a[i - 1] = t;
          swapped = true;
        }
      }
      passes++;
    } while (swapped);
    return passes;
  }

  /** Many locals live across a loop with a conditional update of each. */
  @Jit
  public static long manyLocals(int n, long seed) {
    long a = seed;
    long b = seed ^ 0x5DEECE66DL;
    int c = n;
    double d = n * 0.5;
    float e = 1f;
    for (int i = 0; i < (n & 31); i++) {
      if ((i & 1) == 0) {
        a += b;
        d *= 1.5;
      } else {
        b ^= a << 3;
        e += (float) d;
      }
      c = c * 7 + i;
    }
    return a + b + c + (long) d + (long) e;
  }

  /** A local that is null on one path and an array on the other (ifnull/ifnonnull). */
  @Jit
  public static int nullMerge(boolean b, @Range(min = -1, max = 6) int n) {
    int[] a = null;
    if (b) {
      a = new int[n];
    }
    if (a != null && a.length > 2) {
      a[2] = 7;
      return a[2] + a.length;
    }
    return a == null ? -1 : a.length;
  }

  /** Reference comparison of arrays (if_acmpeq/if_acmpne), nulls included. */
  @Jit
  public static int sameArray(int[] a, int[] b, boolean alias) {
    int[] c = alias ? a : b;
    int r = c == a ? 1 : 0;
    r += a == null ? 2 : 0;
    r += b != null ? 4 : 0;
    r += c != b ? 8 : 0;
    return r;
  }

  /** String constants and null as results. */
  @Jit
  public static String signName(int x) {
    if (x > 0) {
      return "positive";
    }
    return x < 0 ? "negative" : null;
  }
}
