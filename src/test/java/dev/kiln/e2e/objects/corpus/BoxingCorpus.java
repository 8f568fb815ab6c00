package dev.kiln.e2e.objects.corpus;

import dev.kiln.Jit;
import dev.kiln.e2e.NonNull;
import dev.kiln.e2e.Range;
import dev.kiln.e2e.Size;
import java.lang.invoke.MethodHandles;
import java.util.List;

/**
 * Boxing and unboxing: autoboxing, unboxing null (NullPointerException), box identity inside
 * and outside the {@code valueOf} caches (deterministic: the caches are -128..127 for
 * {@code Integer}/{@code Long}/{@code Short}/{@code Byte}, 0..127 for {@code Character}, and
 * {@code Boolean} is always cached), boxes as parameters and results.
 */
public final class BoxingCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private BoxingCorpus() {}

  @Jit
  public static Integer boxInt(int x) {
    return x;
  }

  @Jit
  public static Double boxDouble(double d) {
    Double b = d;
    return b;
  }

  /** {@code ==} on two boxes of the same int: true exactly inside the Integer cache. */
  @Jit
  public static boolean integerCacheIdentity(@Range(min = -200, max = 200) int x) {
    Integer a = x;
    Integer b = x;
    return a == b;
  }

  @Jit
  public static boolean longCacheIdentity(long x) {
    Long a = Long.valueOf(x);
    Long b = x;
    return a == b;
  }

  @Jit
  public static int characterAndBooleanCache(@Range(min = 0, max = 300) int c, boolean f) {
    Character a = (char) c;
    Character b = (char) c;
    Boolean p = f;
    Boolean q = Boolean.valueOf(f);
    return (a == b ? 1 : 0) + (p == q ? 2 : 0) + (p == Boolean.TRUE ? 4 : 0);
  }

  /** A fresh box is never identical to the cached one. */
  @SuppressWarnings({"removal", "deprecation"})
  @Jit
  public static boolean newIntegerIsFresh(@Range(min = -5, max = 5) int x) {
    Integer cached = x;
    Integer fresh = new Integer(x);
    return cached != fresh && cached.equals(fresh);
  }

  @Jit
  public static int unboxNull(Integer x) {
    return x + 1;
  }

  @Jit
  public static int sumBoxed(Integer[] xs) {
    int s = 0;
    for (Integer x : xs) {
      s += x; // a null element throws NullPointerException
    }
    return s;
  }

  @Jit
  public static long mixedArithmetic(Integer a, Long b, Double c) {
    return a * b + (long) (c * 2);
  }

  /** The conditional's type is int, so a null Integer in it is unboxed and throws. */
  @Jit
  public static int ternaryUnboxing(boolean flag, Integer x) {
    int v = flag ? x : 0;
    return v * 2;
  }

  @Jit
  public static boolean boxedEquals(Integer a, Integer b) {
    return a.equals(b);
  }

  @Jit
  public static int boxedComparisons(@NonNull Integer a, @NonNull Integer b) {
    int r = 0;
    if (a < b) r |= 1;
    if (a.equals(b)) r |= 2;
    if (a.compareTo(b) > 0) r |= 4;
    if (a.intValue() == b.intValue()) r |= 8;
    return r;
  }

  @Jit
  public static Character nextChar(Character c) {
    return (char) (c + 1);
  }

  /** One result type, two box classes. */
  @Jit
  public static Object boxByCondition(int x) {
    return x > 0 ? (Object) x : (Object) (long) x;
  }

  @Jit
  public static long sumList(@Size(max = 10) List<Integer> xs) {
    long s = 0;
    for (int x : xs) {
      s += x;
    }
    return s;
  }

  @Jit
  public static int integerMethods(@NonNull Integer a) {
    return a.compareTo(0) + Integer.signum(a) * 3 + a.hashCode() + Integer.bitCount(a)
        + Integer.valueOf(a).byteValue();
  }

  @Jit
  public static int smallBoxes(short s, byte b) {
    Short bs = s;
    Byte bb = b;
    return bs.hashCode() * 31 + bb.hashCode() + bs.compareTo((short) 0) + Byte.compare(bb, b);
  }

  @Jit
  public static Integer incrementBoxed(Integer x) {
    x++;
    x += 10;
    return x;
  }

  @Jit
  public static int switchOnBoxed(Integer x) {
    switch (x) {
      case 1:
        return 10;
      case 2:
        return 20;
      default:
        return -1;
    }
  }

  @Jit
  public static Long accumulateBoxed(@Range(min = -1, max = 40) int n) {
    Long total = 0L;
    for (int i = 0; i < n; i++) {
      total += i; // unbox, add, box again every time
    }
    return total;
  }

  @Jit
  public static double unboxDoubleNaN(Double d) {
    return d.isNaN() ? -1 : d.compareTo(0.0) + Double.compare(d, -0.0) + d.hashCode();
  }

  @Jit
  public static Boolean boolBox(boolean a, boolean b) {
    Boolean r = a ^ b;
    return r == Boolean.TRUE ? Boolean.FALSE : Boolean.valueOf(a);
  }

  @Jit
  public static Object[] boxAll(int i, long l, double d, char c, boolean z) {
    return new Object[] {i, l, d, c, z, (float) d, (short) i, (byte) i};
  }


  /** Mixed boxes in a conditional are unboxed and promoted: the result is always a Double. */
  @Jit
  public static Object ternaryPromotion(boolean flag, int x) {
    Object o = flag ? Integer.valueOf(x) : Double.valueOf(x);
    return o;
  }

  /** An Integer parameter is a reference: re-boxing its value gives the same object only
   * inside the cache. */
  @Jit
  public static boolean reboxedIdentity(@Range(min = -150, max = 150) Integer a) {
    Integer b = a.intValue();
    return a == b;
  }

  @Jit
  public static String boxedCompoundAssignment(short s, char c, @NonNull Long l) {
    Short bs = s;
    bs++;
    Character bc = c;
    bc++;
    Long bl = l;
    bl <<= 3;
    return bs + ":" + (int) bc + ":" + bl;
  }
}
