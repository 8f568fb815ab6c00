package dev.kiln.e2e.corpus;

import dev.kiln.Jit;
import dev.kiln.e2e.Range;
import java.lang.invoke.MethodHandles;

/** Integer and long arithmetic: overflow, division and remainder edges, exact ops, loops. */
public final class ArithmeticCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private ArithmeticCorpus() {}

  @Jit
  public static int addSubMul(int a, int b) {
    int s = a + b;
    int d = a - b;
    int p = a * b;
    return s * 31 + d * 17 + p;
  }

  /** Integer.MIN_VALUE / -1 overflows silently; / 0 throws. */
  @Jit
  public static int divInt(int a, int b) {
    return a / b;
  }

  /** Sign of the remainder follows the dividend; % -1 is 0 even for MIN_VALUE. */
  @Jit
  public static int remInt(int a, int b) {
    return a % b;
  }

  @Jit
  public static long divLong(long a, long b) {
    return a / b;
  }

  @Jit
  public static long remLong(long a, long b) {
    return a % b;
  }

  @Jit
  public static long longOverflow(long a, long b) {
    long p = a * b;
    long s = a + b;
    return (p ^ s) - (a - b) * 3L + (-a);
  }

  @Jit
  public static int negate(int x) {
    return -x + (-(x >> 1));
  }

  /** int and long mixed: widening of a before the multiply, long division by an odd value. */
  @Jit
  public static long mixedIntLong(int a, long b) {
    long m = a * b;
    long q = b / (b | 1L);
    int narrowed = (int) (m >>> 7);
    return m + q + narrowed + (long) a * a;
  }

  @Jit
  public static int floorDivMod(int a, int b) {
    return Math.floorDiv(a, b) * 31 + Math.floorMod(a, b);
  }

  @Jit
  public static long exactOps(int a, int b) {
    long r = Math.abs(a);
    r += Math.addExact(a, b);
    r += Math.subtractExact(a, b);
    r += Math.multiplyExact((long) a, (long) b);
    return r + Math.negateExact(b);
  }

  @Jit
  public static long multiplyExactLong(long a, long b) {
    return Math.multiplyExact(a, b) + Math.abs(a);
  }

  @Jit
  public static int collatzSteps(@Range(min = -2, max = 100_000) long n) {
    if (n <= 0) {
      return -1;
    }
    int steps = 0;
    while (n != 1) {
      n = (n & 1) == 0 ? n / 2 : 3 * n + 1;
      steps++;
    }
    return steps;
  }

  @Jit
  public static int gcd(int a, int b) {
    a = Math.abs(a);
    b = Math.abs(b);
    while (b != 0) {
      int t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  @Jit
  public static long lcm(@Range(min = -100_000, max = 100_000) long a,
                         @Range(min = -100_000, max = 100_000) long b) {
    if (a == 0 || b == 0) {
      return 0;
    }
    long x = Math.abs(a);
    long y = Math.abs(b);
    long g = x;
    long h = y;
    while (h != 0) {
      long t = g % h;
      g = h;
      h = t;
    }
    return x / g * y;
  }

  /** Integer square root by binary search; -1 for negatives. */
  @Jit
  public static long isqrt(long n) {
    if (n < 0) {
      return -1;
    }
    long lo = 0;
    long hi = Math.min(n, 3037000499L);
    while (lo < hi) {
      long mid = (lo + hi + 1) >>> 1;
      if (mid * mid <= n) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  @Jit
  public static long powMod(long base, long exp, @Range(min = -3, max = 1_000_000_007) long mod) {
    long result = 1 % mod;
    long b = base % mod;
    long e = exp;
    while (e > 0) {
      if ((e & 1) == 1) {
        result = result * b % mod;
      }
      b = b * b % mod;
      e >>= 1;
    }
    return result;
  }

  @Jit
  public static long sumTo(@Range(min = -3, max = 5000) int n) {
    long s = 0;
    for (int i = 1; i <= n; i++) {
      s += (long) i * i;
    }
    return s;
  }

  /** Compound assignment on narrow types narrows implicitly (i2s, i2b). */
  @Jit
  public static int compoundNarrow(int a, short s, byte b) {
    s += a;
    b *= 3;
    b -= s;
    s >>= 2;
    b <<= 1;
    s ^= b;
    return s * 1000 + b;
  }

  @Jit
  public static char charArith(char c, int d) {
    char r = (char) (c + d);
    r++;
    r += 2;
    return r;
  }

  @Jit
  public static long digitsReversed(long n) {
    long r = 0;
    while (n != 0) {
      r = r * 10 + n % 10;
      n /= 10;
    }
    return r;
  }

  @Jit
  public static int incDecMix(int x) {
    int a = x++;
    int b = ++x;
    int c = x--;
    int d = --x;
    return a * 7 + b * 5 + c * 3 + d + x;
  }

  /** iinc with a wide increment, and a decrement by a negative constant. */
  @Jit
  public static long wideIncrement(@Range(min = -5000, max = 200_000) int n) {
    long s = 0;
    for (int i = n; i < 100_000; i += 1000) {
      s += i;
    }
    int j = n;
    j -= -300;
    j += 32767;
    j -= 32768;
    return s + j;
  }
}
