package dev.kiln.ir.corpus;

/**
 * Static methods aimed at the frontend and the IR interpreter rather than at compiled code:
 * every operand-stack shuffle javac emits, values on the stack across blocks and into
 * handlers, string concatenation of every argument kind, casts that fail, lambdas and boxing,
 * NaN through every float comparison form. Safe for any input: loops are bounded by masks.
 * The interpreter differential test runs them beside the e2e corpus.
 */
public final class IrCorpus {
  static int counter;
  static long[] longs = new long[4];
  static boolean flag;

  private IrCorpus() {}

  /** dup2 on an array element: {@code a[i] += x} on long[] and double[]. */
  public static long compoundArrayOps(long[] a, double[] d, int i, long x) {
    a[i & 3] += x;
    a[i & 3] <<= i;
    d[i & 1] *= x;
    d[i & 1]--;
    return a[i & 3] + (long) d[i & 1];
  }

  /** dup_x1 / dup2_x1: the value of an assignment used as an expression. */
  public static long assignmentValues(int x, long y) {
    int[] box = new int[1];
    long[] lbox = new long[1];
    int a = box[0] = x * 3;
    long b = lbox[0] = y - a;
    counter = a;
    longs[0] = b;
    long c = longs[1] = b + counter;
    return a + b + c + box[0] + lbox[0];
  }

  /** Postfix and prefix increments of statics and array elements. */
  public static int increments(int[] a, int i) {
    int r = counter++;
    r += ++counter;
    r += a[i & 7]++;
    r += --a[(i >> 1) & 7];
    return r + counter--;
  }

  /** Every float and double comparison form, with NaN among the inputs. */
  public static int nanComparisons(float f, float g, double d, double e) {
    int r = 0;
    if (f < g) r |= 1;
    if (f <= g) r |= 2;
    if (f > g) r |= 4;
    if (f >= g) r |= 8;
    if (f == g) r |= 16;
    if (f != g) r |= 32;
    if (d < e) r |= 64;
    if (d <= e) r |= 128;
    if (d > e) r |= 256;
    if (d >= e) r |= 512;
    if (d == e) r |= 1024;
    if (d != e) r |= 2048;
    if (!(d < e)) r |= 4096;
    boolean gt = f > d;
    return gt ? -r : r;
  }

  /** Conversions: narrowing, saturation, sign and zero extension. */
  public static long conversions(double d, float f, long l, int i) {
    long r = (int) d + (long) d + (int) f + (long) f;
    r += (byte) i + (short) i + (char) i + (byte) l + (char) l;
    r += (long) (float) l + (long) (double) l + (int) (float) i;
    r += Double.doubleToRawLongBits((double) f) ^ Float.floatToRawIntBits((float) d);
    return r;
  }

  /** Concatenation of every argument kind, constants between them. */
  public static String concat(int i, long l, float f, double d, char c, boolean z, byte b,
                              short s, int[] arr) {
    String nul = i > 5 ? null : "x";
    return "i=" + i + " l=" + l + " f=" + f + " d=" + d + " c=" + c + " z=" + z + " b=" + b
        + " s=" + s + " null=" + nul + " len=" + (arr == null ? -1 : arr.length) + '!' + 1.5f;
  }

  /** Ternaries as call arguments and as operands inside a try range. */
  public static int stackAcrossTry(int[] a, int i, int j) {
    int base = i + j;
    try {
      return base + Math.max(i > j ? a[i] : a[j], j < 0 ? -j : a[j & 3]) * (i == 0 ? 2 : 3);
    } catch (ArrayIndexOutOfBoundsException e) {
      return base - (i > j ? 1 : 2);
    } catch (NullPointerException e) {
      return -base;
    }
  }

  /** A value assigned in a try body and read in the handler: the handler sees the old one. */
  public static int handlerSeesEntryState(int[] a, int n) {
    int last = -1;
    int i = 0;
    try {
      for (i = 0; i < (n & 15); i++) {
        last = a[i];
        last += 100 / a[i];
      }
    } catch (ArithmeticException e) {
      return -1000 - last - i;
    } catch (RuntimeException e) {
      return -2000 - last - i;
    }
    return last + i;
  }

  /** Try inside finally inside a loop, with break and continue crossing both. */
  public static int nestedFinally(int[] log, int n) {
    int r = 0;
    for (int i = 0; i < (n & 7); i++) {
      try {
        try {
          if (i == 3) {
            continue;
          }
          r += 10 / (i - 2);
          if (i == 5) {
            break;
          }
        } finally {
          log[i & 1]++;
          try {
            r += log[i & 3];
          } catch (ArrayIndexOutOfBoundsException e) {
            r -= 7;
          }
        }
      } catch (ArithmeticException e) {
        r += 1000;
      }
    }
    return r;
  }

  /** Switch on chars and on a long's hash, sparse and dense. */
  public static int switches(char c, long l) {
    int r;
    switch (c) {
      case 'a', 'e', 'i', 'o', 'u' -> r = 1;
      case '0' -> r = 2;
      case '\uffff' -> r = 3;
      default -> r = c < 'a' ? 4 : 5;
    }
    switch ((int) (l % 7)) {
      case -6: r += 60;
      case -1: r += 10; break;
      case 0: r += 100;
      case 1: r += 1000; break;
      case 3: return -r;
      default: r *= 2;
    }
    return r;
  }

  /** boolean[], byte[], char[] and short[] loads and stores. */
  public static int smallArrays(boolean[] z, byte[] b, char[] c, short[] s, int v) {
    int r = 0;
    if (z.length > 0) {
      z[0] = !z[0];
      r += z[0] ? 1 : 0;
    }
    if (b.length > 0) {
      b[0] = (byte) v;
      b[b.length - 1] += 100;
      r += b[0] + b[b.length - 1];
    }
    if (c.length > 0) {
      c[0] = (char) v;
      c[c.length - 1] += 'A';
      r += c[0] + c[c.length - 1];
    }
    if (s.length > 0) {
      s[0] = (short) v;
      s[s.length - 1] *= 3;
      r += s[0] + s[s.length - 1];
    }
    return r;
  }

  /** Multi-dimensional arrays, partly allocated, with negative sizes reaching the JVM. */
  public static int multiNew(int a, int b) {
    int[][][] x = new int[a & 3][(b & 3) - 1][];
    long[][] y = new long[a & 7][];
    Object[] z = new String[b & 3];
    return x.length * 100 + (x.length > 0 ? x[0].length : -1) + y.length + z.length;
  }

  /** A cast that fails with the JVM's own message, and instanceof. */
  public static int casts(int x) {
    Object o = x > 0 ? (Object) Integer.valueOf(x) : (Object) ("s" + x);
    int r = o instanceof Integer ? 1 : o instanceof CharSequence ? 2 : 3;
    if (x % 3 == 0) {
      String s = (String) o;
      r += s.length();
    }
    Object[] arr = new Integer[1];
    if (x % 5 == 0) {
      arr[0] = "not an Integer";
    }
    return r;
  }

  /** Boxing, a lambda and a virtual call on a JDK object. */
  public static int lambdasAndBoxing(int x) {
    Integer boxed = x;
    java.util.function.IntBinaryOperator op = (p, q) -> p * 31 + q + boxed;
    StringBuilder sb = new StringBuilder().append(x).append(':').append(boxed.hashCode());
    return op.applyAsInt(x, sb.length()) + sb.toString().hashCode();
  }

  /** A synchronized block (monitorenter/exit and the handler javac adds). */
  public static int synchronizedSum(int[] a) {
    int s = 0;
    synchronized (IrCorpus.class) {
      for (int v : a) {
        s += v;
      }
    }
    return s;
  }

  /** Recursion through a helper, with a try in the recursive method. */
  public static int recursiveTry(int n) {
    try {
      return n <= 0 ? 10 / n : n + recursiveTry(n - 2);
    } catch (ArithmeticException e) {
      return -1;
    }
  }

  /** Long arithmetic edges: MIN / -1, shifts by negative and large counts, compare. */
  public static long longEdges(long a, long b, int s) {
    long r = a / (b | 1) + a % (b | 1);
    r ^= a << s ^ a >> (s - 64) ^ a >>> -s;
    r += Long.compare(a, b) + (a < b ? 1 : 0) + (a == b ? 2 : 0);
    return r + (int) (a >>> 33) + (Long.MIN_VALUE / -1);
  }

  /** Static boolean and the state it carries between calls. */
  public static boolean toggle(boolean b) {
    flag = flag ^ b;
    return flag && !b;
  }

  /** Array reference and index wait on the operand stack while a ternary picks the value. */
  public static int pendingArrayStore(int[] a, int i, int x) {
    a[i & 3] = x > 0 ? x : -x;
    a[(i + 1) & 3] += x < 0 ? 1 : x == 0 ? 2 : 3;
    long[] l = new long[2];
    l[x & 1] = x > 5 ? (long) x << 33 : x;
    return a[i & 3] + a[(i + 1) & 3] + (int) (l[0] ^ l[1] >>> 33);
  }

  /** Pending call arguments of every width across ternaries. */
  public static double pendingCallArgs(long l, int c, double d) {
    return Math.max(l, c > 0 ? 1L : 2L)
        + Math.pow(c > 1 ? d : 2.0, c < 0 ? 0.5 : 2)
        + Math.fma(d, c == 3 ? d : 1.5, l > 0 ? (double) l : -1.0);
  }

  /** Concatenation with ternaries among its arguments. */
  public static String concatTernary(int x, double d) {
    return "a" + (x > 0 ? "p" : "n") + x + (x % 2 == 0 ? 'e' : 'o') + (d > 0 ? d : x)
        + (x > 3 && d < 1);
  }

  /** Boolean operators without short circuit, and boolean results of comparisons. */
  public static boolean booleanExpressions(int a, int b, boolean z) {
    boolean r = a > b ^ b > 0;
    r |= z & a == b;
    r &= !(a < 0 | b < 0) || z;
    return r ? (a & b) != 0 : a < 0 != z;
  }

  /** The loop condition itself throws inside a try; the catch continues the outer loop. */
  public static int throwingLoopCondition(int[] a, int rounds) {
    int total = 0;
    for (int r = 0; r < (rounds & 7); r++) {
      int i = r;
      try {
        while (a[i] != 0) {
          total += a[i];
          i += 2;
        }
      } catch (ArrayIndexOutOfBoundsException e) {
        total -= i;
        continue;
      } catch (NullPointerException e) {
        return -total;
      }
      total *= 3;
    }
    return total;
  }

  /** try in catch in finally, each changing the result. */
  public static int deepHandlers(int a, int b, int[] arr) {
    int r = 1;
    try {
      r = a / b;
    } catch (ArithmeticException e) {
      try {
        r = arr[a & 7];
      } catch (RuntimeException inner) {
        r = -7;
      }
    } finally {
      try {
        r += arr.length;
      } catch (NullPointerException e) {
        r *= 5;
      } finally {
        r++;
      }
    }
    return r;
  }

  /** Local slots reused by variables of other kinds in sibling scopes, inside a loop. */
  public static double slotReuse(int x, int n) {
    double out = 0;
    for (int k = 0; k < (n & 7); k++) {
      if ((k & 1) == 0) {
        int a = x + k;
        long b = (long) a * a;
        out += b;
      } else {
        double c = x * 0.5 + k;
        float f = (float) c;
        out -= f;
      }
      {
        long z = k;
        out += z;
      }
    }
    return out;
  }

  /** A switch inside a try, falling through into code that throws. */
  public static int switchInTry(int k, int[] a) {
    int r = 0;
    try {
      switch (k & 7) {
        case 0:
          r += a[0];
        case 1:
          r += 10 / (k - 1);
          break;
        case 5:
          r = a[a.length];
          break;
        default:
          r = k;
      }
    } catch (ArithmeticException | ArrayIndexOutOfBoundsException e) {
      r = -r - 1;
    }
    return r;
  }
}
