package dev.kiln.e2e.corpus;

import dev.kiln.Jit;
import dev.kiln.e2e.Range;
import dev.kiln.e2e.Size;
import java.lang.invoke.MethodHandles;

/** Exceptions: implicit ones (AIOOBE, ArithmeticException, NPE, NegativeArraySizeException),
 * JDK and user exceptions thrown and caught, try/finally that changes or overrides results,
 * nested handlers, rethrow, messages built by string concatenation. */
public final class ExceptionCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  /** Used in messages, read with getstatic. */
  static int limit = 100;

  private ExceptionCorpus() {}

  @Jit
  public static int catchIndex(int[] a, @Range(min = -3, max = 20) int i) {
    try {
      return a[i];
    } catch (ArrayIndexOutOfBoundsException e) {
      return -1;
    }
  }

  @Jit
  public static int catchDivide(int a, int b) {
    try {
      return a / b;
    } catch (ArithmeticException e) {
      return Integer.MIN_VALUE;
    }
  }

  /** The finally block changes r after the return value was saved: x + 1 is returned. */
  @Jit
  public static int finallyAfterReturn(int x) {
    int r = x;
    try {
      r += 1;
      return r;
    } finally {
      r *= 2;
    }
  }

  /** A return in finally replaces the result and swallows the exception. */
  @SuppressWarnings("finally")
  @Jit
  public static int finallyOverrides(int x) {
    try {
      if (x < 0) {
        throw new IllegalArgumentException("negative");
      }
      return x;
    } finally {
      if (x % 2 == 0) {
        return -x;
      }
    }
  }

  /** The log array is updated in finally whether or not the body throws. */
  @Jit
  public static int finallyCounts(@Size(min = 1, max = 3) int[] log, int x) {
    try {
      if (x < 0) {
        throw new IllegalArgumentException("neg " + x);
      }
      log[0]++;
      return 10 / x;
    } finally {
      log[1]++;
    }
  }

  @Jit
  public static int nestedTry(int a, int b, int[] arr) {
    int r = 0;
    try {
      try {
        r += a / b;
        r += arr[a & 7];
      } catch (ArithmeticException e) {
        r -= 1000;
        r += arr[0];
      } finally {
        r += 1;
      }
    } catch (ArrayIndexOutOfBoundsException e) {
      r += 100_000;
    } catch (NullPointerException e) {
      r += 200_000;
    }
    return r;
  }

  @Jit
  public static int wrapAndRethrow(int x) {
    try {
      if (x > 10) {
        throw new KernelException("x=" + x);
      }
      if (x < -1) {
        throw new KernelException("too small", x);
      }
      return x;
    } catch (KernelException e) {
      throw new IllegalStateException("wrapped at " + x, e);
    }
  }

  @Jit
  public static int rethrowSame(int[] counter, int x) {
    try {
      return 100 / x;
    } catch (RuntimeException e) {
      counter[0]++;
      throw e;
    }
  }

  @Jit
  public static int multiCatch(@Range(min = -1, max = 6) int k, int[] arr) {
    try {
      switch (k) {
        case 0: throw new IllegalArgumentException("zero");
        case 1: return 10 / (k - 1);
        case 2: return arr[-1];
        case 3: return arr.length;
        case 4: return new int[k - 10].length;
        case 5: throw new KernelException("five");
        default: return k;
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      return -1;
    } catch (IndexOutOfBoundsException e) {
      return -2;
    } catch (KernelException e) {
      return -3;
    } catch (RuntimeException e) {
      return -4;
    }
  }

  @Jit
  public static int arrayLength(int[] a) {
    return a.length;
  }

  @Jit
  public static double catchNull(double[] a) {
    try {
      return a[0];
    } catch (NullPointerException e) {
      return -1.0;
    } catch (ArrayIndexOutOfBoundsException e) {
      return -2.0;
    }
  }

  @Jit
  public static int negativeSize(int n) {
    try {
      return new int[n & 0x800000ff].length;
    } catch (NegativeArraySizeException e) {
      return -7;
    }
  }

  /** Message built from an int, a static field, a char, a long and a double. */
  @Jit
  public static int userException(int x, char c, long l, double d) {
    if (x > limit) {
      throw new KernelException("value " + x + " over limit=" + limit + " c=" + c + " l=" + l
          + " d=" + d);
    }
    return x;
  }

  @Jit
  public static int checkedUserException(int x) throws KernelCheckedException {
    if (x % 3 == 0) {
      throw new KernelCheckedException("divisible: " + x);
    }
    return x / 3;
  }

  @Jit
  public static int errorsInLoop(int[] a, @Range(min = -3, max = 20) int[] idx) {
    int errors = 0;
    int sum = 0;
    for (int i : idx) {
      try {
        sum += 1000 / a[i];
      } catch (ArrayIndexOutOfBoundsException e) {
        errors += 1;
      } catch (ArithmeticException e) {
        errors += 100;
      }
    }
    return sum * 1000 + errors;
  }

  @Jit
  public static int finallyWithBreak(@Range(min = -1, max = 20) int n, @Range(min = -1, max = 20) int k) {
    int count = 0;
    int i = 0;
    for (; i < n; i++) {
      try {
        if (i == k) {
          break;
        }
        if (i % 3 == 0) {
          continue;
        }
        count += 10;
      } finally {
        count++;
      }
    }
    return count * 100 + i;
  }

  private static int checkedHelper(int x) {
    if (x < 0) {
      throw new KernelException("negative: " + x);
    }
    return x * 2;
  }

  @Jit
  public static int catchFromCallee(int x) {
    try {
      return checkedHelper(x);
    } catch (KernelException e) {
      return -1;
    }
  }

  /** throw null throws a NullPointerException. */
  @Jit
  public static int throwNull(boolean b) {
    if (b) {
      throw null;
    }
    return 1;
  }

  /** An exception from finally replaces the one in flight. */
  @Jit
  public static int finallyThrows(@Range(min = -8, max = 8) int x) {
    try {
      if (x > 0) {
        throw new KernelException("body " + x);
      }
      return x;
    } finally {
      if (x > 5 || x < -5) {
        throw new IllegalStateException("finally " + x);
      }
    }
  }

  @Jit
  public static int catchAll(int[] a, @Range(min = -2, max = 8) int i, int d) {
    try {
      return a[i] / d;
    } catch (Exception e) {
      return Integer.MAX_VALUE;
    }
  }

  @Jit
  public static int saturatingAdd(int a, int b) {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException e) {
      return a > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
    }
  }

  /** Division overflow inside a try: MIN_VALUE / -1 throws nothing. */
  @Jit
  public static long divisionNoThrow(int a, long b) {
    long r = 0;
    try {
      r = a / -1;
      r += b / -1L;
      r += a % -1;
    } catch (ArithmeticException e) {
      r = -1;
    }
    return r;
  }

  @Jit
  public static int validate(int x) {
    if (x < 0) {
      throw new IllegalArgumentException("x must be >= 0 but was " + x);
    }
    if (x > 1000) {
      throw new UnsupportedOperationException();
    }
    if (x == 13) {
      throw new ArithmeticException(null);
    }
    return x;
  }

  // ---- targets of StackTraceTest: each throws from a line of its own

  @Jit
  public static int throwAtLine(int x) {
    int y = x * 2;
    if (y > 10) {
      throw new IllegalStateException("too big: " + y);
    }
    return y;
  }

  @Jit
  public static int indexAtLine(int[] a, int i) {
    int s = 0;
    s += a[i];
    return s;
  }

  @Jit
  public static long divideAtLine(long a, long b) {
    long q =
        a / b;
    return q + 1;
  }

  private static int helperThrows(int x) {
    if (x > 3) {
      throw new KernelException("helper " + x);
    }
    return x;
  }

  @Jit
  public static int throwFromHelper(int x) {
    int r = helperThrows(x);
    return r + 1;
  }

  /** The operand stack holds a pending addition when a[i] throws; the handler starts empty. */
  @Jit
  public static int stackAtThrow(int[] a, @Range(min = -2, max = 6) int i) {
    int base = 5;
    try {
      return base + 100 * (i + 1) + a[i] * 2;
    } catch (ArrayIndexOutOfBoundsException e) {
      return base - 1;
    } catch (NullPointerException e) {
      return base - 2;
    }
  }
}
