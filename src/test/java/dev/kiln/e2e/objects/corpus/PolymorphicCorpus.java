package dev.kiln.e2e.objects.corpus;

import dev.kiln.Jit;
import dev.kiln.e2e.Range;
import dev.kiln.e2e.Size;
import dev.kiln.e2e.Strings;
import java.lang.invoke.MethodHandles;
import java.util.Arrays;
import java.util.List;

/**
 * Parameters declared {@code Object}, {@code Number}, {@code Comparable} and
 * {@code CharSequence} receiving several exact classes ({@code Integer}, {@code Long},
 * {@code Double}, {@code Float}, {@code Short}, {@code Byte}; {@code String},
 * {@code StringBuilder}, {@code StringBuffer}; arrays; null): virtual and interface calls on
 * them, instanceof and pattern matching, checkcasts that fail.
 */
public final class PolymorphicCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private PolymorphicCorpus() {}

  @Jit
  public static double asDouble(Number n) {
    return n.doubleValue();
  }

  @Jit
  public static long asLong(Number n) {
    return n.longValue() + n.intValue() + n.shortValue() + n.byteValue();
  }

  @Jit
  public static float asFloat(Number n) {
    return n.floatValue() * 2;
  }

  @Jit
  public static double sumNumbers(Number[] xs) {
    double s = 0;
    for (Number x : xs) {
      s += x == null ? 0.25 : x.doubleValue();
    }
    return s;
  }

  @Jit
  public static double sumNumberList(@Size(max = 6) List<Number> xs) {
    double s = 0;
    for (Number x : xs) {
      s = s * 2 + x.doubleValue();
    }
    return s;
  }

  @Jit
  public static String describe(Object o) {
    if (o instanceof Integer i) {
      return "int " + (i + 1);
    } else if (o instanceof Long l) {
      return "long " + (l * 2);
    } else if (o instanceof Double d && !d.isNaN()) {
      return "double " + Math.floor(d);
    } else if (o instanceof String s) {
      return "string of " + s.length();
    } else if (o instanceof int[] a) {
      return "ints " + a.length + " " + Arrays.toString(a);
    } else if (o instanceof CharSequence cs) {
      return "chars " + cs.length();
    } else if (o == null) {
      return "null";
    }
    return "other " + o.getClass().getSimpleName();
  }

  /** Type tests against classes, interfaces and arrays. */
  @Jit
  public static int typeBits(Object o) {
    int bits = 0;
    if (o instanceof Number) bits |= 1;
    if (o instanceof Comparable) bits |= 2;
    if (o instanceof CharSequence) bits |= 4;
    if (o instanceof int[]) bits |= 8;
    if (o instanceof Object[]) bits |= 16;
    if (o instanceof Integer) bits |= 32;
    if (o instanceof java.io.Serializable) bits |= 64;
    if (o instanceof Cloneable) bits |= 128;
    return bits;
  }

  @Jit
  public static int length(CharSequence cs) {
    return cs.length();
  }

  @Jit
  public static char charAt(CharSequence cs, @Range(min = -1, max = 8) int i) {
    return cs.charAt(i);
  }

  @Jit
  public static String subSequence(@Strings({"hello world", "abcdef", "abc"}) CharSequence cs,
                                   @Range(min = -1, max = 3) int a,
                                   @Range(min = 0, max = 8) int b) {
    return cs.subSequence(a, b).toString();
  }

  /** A default method of an interface ({@code CharSequence.chars()}) on several classes. */
  @Jit
  public static int charSum(CharSequence cs) {
    return cs.chars().sum() + (cs.isEmpty() ? 1000 : 0);
  }

  @Jit
  public static String csConcat(CharSequence cs, int x) {
    return "<" + cs + "|" + x + ">";
  }

  /** Raw {@code Comparable}: comparing an Integer with a String throws ClassCastException. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  @Jit
  public static int compareRaw(Comparable a, Comparable b) {
    return Integer.signum(a.compareTo(b));
  }

  @Jit
  public static int hashOf(Object o) {
    if (o == null || o instanceof int[] || o instanceof StringBuilder) {
      return -1; // identity hash codes differ from run to run
    }
    return o.hashCode();
  }

  @Jit
  public static String toStr(Object o) {
    return o instanceof int[] a ? Arrays.toString(a) : String.valueOf(o);
  }

  @Jit
  public static boolean equalsItself(Object o) {
    return o.equals(o) && !o.equals("never equal to this");
  }

  @Jit
  public static int castToString(Object o) {
    String s = (String) o;
    return s == null ? -1 : s.length();
  }

  @Jit
  public static double castToNumber(Object o) {
    return ((Number) o).doubleValue();
  }

  /** Returns boxes of different classes through one result type. */
  @Jit
  public static Number widen(Number n) {
    if (n instanceof Integer i) {
      return (long) i * 3;
    } else if (n instanceof Double d) {
      return d / 2;
    } else if (n instanceof Float f) {
      return (double) f;
    }
    return n;
  }

  @Jit
  public static Object orDefault(Object o) {
    return o instanceof Integer ? o : (Object) 0;
  }

  @Jit
  public static String className(Object o) {
    return o == null ? "none" : o.getClass().getName();
  }

  /** An Object parameter holding a number, a string, or an array: three exact types. */
  @Jit
  public static int sizeOf(Object o) {
    if (o instanceof Object[] arr) {
      return arr.length;
    } else if (o instanceof int[] ints) {
      return ints.length * 4;
    } else if (o instanceof CharSequence cs) {
      return cs.length() * 2;
    } else if (o instanceof Number n) {
      return n.intValue() & 7;
    }
    return 0;
  }

  @Jit
  public static boolean isNumber(Object o) {
    return o instanceof Number n && n.doubleValue() > 0;
  }


  private static Object passThrough(Object o) {
    return o;
  }

  /** Identity survives a call: a box passed as Object is the same object afterwards. */
  @Jit
  public static boolean identityPreserved(Object o) {
    Object p = passThrough(o);
    return p == o && (o == null || o.equals(p));
  }

  @Jit
  public static boolean numberIdentity(Number n) {
    Number[] holder = {n};
    Object back = holder[0];
    return back == n;
  }

  /** Array covariance: storing a non-Number into a Number[] seen as Object[] throws
   * ArrayStoreException (message: the stored class). */
  @Jit
  public static int arrayStore(Object o) {
    Object[] arr = new Number[2];
    arr[0] = o;
    return arr[0] == null ? 0 : 1;
  }

  private static <T extends Comparable<T>> T maxOf(java.util.List<T> xs) {
    T best = null;
    for (T x : xs) {
      if (best == null || x.compareTo(best) > 0) {
        best = x;
      }
    }
    return best;
  }

  /** A bounded generic helper: erased to Comparable.compareTo(Object). */
  @Jit
  public static String genericMax(@Size(max = 6) List<String> words, @Size(max = 6) List<Integer> ints) {
    return maxOf(words) + "/" + maxOf(ints);
  }


  /** A phi of an Integer and a Long typed Object, then virtual calls on it. */
  @Jit
  public static String phiOfBoxes(int x) {
    Object o = x > 0 ? (Object) x : (Object) (long) x;
    if (x == 7) {
      o = "seven";
    }
    return o.toString() + ":" + o.hashCode() + ":" + o.equals(x) + ":" + (o instanceof Long);
  }
}
