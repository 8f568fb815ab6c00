package dev.kiln.e2e.objects;

import dev.kiln.e2e.Corpora;
import dev.kiln.e2e.InputGenerator;
import dev.kiln.e2e.InputSpec;
import dev.kiln.e2e.NonNull;
import dev.kiln.e2e.Range;
import dev.kiln.e2e.Size;
import dev.kiln.e2e.Values;
import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Inputs for methods whose parameters (or receivers) are objects: the generator of the
 * object-model differential suite. It does not replace {@link InputGenerator}; a static method
 * over primitives and primitive arrays only gets {@link InputGenerator#inputs}'s edge-heavy
 * values (copied afresh for every run), everything else is made here.
 *
 * <p>Objects are often mutable (a receiver with fields, a {@code StringBuilder}, a list), so an
 * {@link Input} is not a value but a recipe: {@link Input#fresh()} makes the argument list again
 * from the input's own seed, so the original run and the compiled run each get their own,
 * equal, arguments.
 *
 * <p>What a parameter gets, by declared type:
 * <ul>
 *   <li>primitives and boxes: edge-heavy scalars, bounded by {@link Range}; boxes are sometimes
 *       null (never with {@link NonNull});
 *   <li>{@code String}: one of {@link Strings} if given, else a mix of short and tricky strings
 *       ({@code ""}, {@code "Aa"}/{@code "BB"} share a hash code, digits, non-ASCII);
 *   <li>{@code Number}: an {@code Integer}, {@code Long}, {@code Double}, {@code Float},
 *       {@code Short} or {@code Byte}; {@code CharSequence}: a {@code String},
 *       {@code StringBuilder} or {@code StringBuffer}; {@code Comparable}: an {@code Integer} or
 *       a {@code String}; {@code Object}: any of these, an {@code int[]}, or null;
 *   <li>{@code List}, {@code Collection}, {@code Iterable}, {@code Set}, {@code Map} (from the
 *       generic type arguments): several exact classes ({@code ArrayList}, {@code LinkedList},
 *       {@code List.of}, ... ; {@code HashMap}, {@code TreeMap}, ...); length by {@link Size};
 *   <li>arrays of anything above, enums (a constant or null), and any type with a
 *       {@link Sample} method (receivers of instance methods too).
 * </ul>
 * Everything is drawn from {@code java.util.Random} seeded from {@link InputGenerator#SEED} and
 * the method's name, so the inputs are the same run after run.
 */
public final class ObjectInputs {
  private ObjectInputs() {}

  /** One argument list, made again on each call to {@link #fresh()}. */
  public interface Input {
    /** A new argument list (receiver first for instance methods), equal to the previous ones. */
    Object[] fresh();
  }

  /** {@code count} inputs for {@code m}; for an instance method the receiver is argument 0. */
  public static List<Input> inputs(Method m, int count) {
    boolean isStatic = Modifier.isStatic(m.getModifiers());
    if (isStatic && primitiveOnly(m.getParameterTypes())) {
      List<Input> out = new ArrayList<>();
      for (Object[] args : InputGenerator.inputs(m, count)) {
        out.add(() -> Values.deepCopyAll(args));
      }
      return out;
    }
    long base = InputGenerator.SEED ^ ((long) Corpora.display(m).hashCode() << 17);
    List<Input> out = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      long seed = base + 0x9E3779B97F4A7C15L * (k + 1);
      out.add(() -> arguments(m, new Random(seed)));
    }
    return out;
  }

  private static boolean primitiveOnly(Class<?>[] types) {
    for (Class<?> t : types) {
      Class<?> e = t;
      while (e.isArray()) {
        e = e.getComponentType();
      }
      if (!e.isPrimitive()) {
        return false;
      }
    }
    return true;
  }

  /** One argument list for {@code m} drawn from {@code r}. */
  public static Object[] arguments(Method m, Random r) {
    boolean isStatic = Modifier.isStatic(m.getModifiers());
    Class<?>[] types = m.getParameterTypes();
    Type[] generic = m.getGenericParameterTypes();
    Annotation[][] anns = m.getParameterAnnotations();
    int shift = isStatic ? 0 : 1;
    Object[] args = new Object[types.length + shift];
    if (!isStatic) {
      args[0] = receiver(m.getDeclaringClass(), r);
    }
    for (int i = 0; i < types.length; i++) {
      Type g = generic.length == types.length ? generic[i] : types[i];
      args[i + shift] = value(g, InputSpec.of(anns[i]), r);
    }
    return args;
  }

  /** A receiver of class {@code c}: from its {@link Sample} method, never null. */
  public static Object receiver(Class<?> c, Random r) {
    Method s = sampler(c);
    if (s == null) {
      throw new IllegalArgumentException("no @Sample method in " + c.getName()
          + " to make receivers of its instance methods");
    }
    for (int i = 0; i < 100; i++) {
      Object v = callSampler(s, r);
      if (v != null) {
        return v;
      }
    }
    throw new IllegalStateException(s + " keeps returning null");
  }

  // ---------------------------------------------------------------- dispatch on type

  /** A value of the (possibly generic) type {@code t}. */
  public static Object value(Type t, InputSpec spec, Random r) {
    Class<?> raw = raw(t);
    if (raw.isPrimitive()) {
      return scalar(raw, spec.range(), r);
    }
    boolean maybeNull = !spec.nonNull();
    if (maybeNull && r.nextInt(100) < 5) {
      return null;
    }
    if (raw.isArray()) {
      return array(raw, spec, r);
    }
    Object v = object(t, raw, spec, r);
    if (v == null && !maybeNull) {
      for (int i = 0; i < 100 && v == null; i++) {
        v = object(t, raw, spec, r);
      }
    }
    return v;
  }

  private static Object object(Type t, Class<?> raw, InputSpec spec, Random r) {
    Class<?> prim = unboxed(raw);
    if (prim != null) {
      return scalar(prim, spec.range(), r);
    }
    if (raw == String.class) {
      return string(spec, r);
    }
    Method s = sampler(raw);
    if (s != null) {
      return callSampler(s, r);
    }
    if (raw.isEnum()) {
      Object[] cs = raw.getEnumConstants();
      return cs[r.nextInt(cs.length)];
    }
    if (raw == Number.class) {
      return number(spec, r);
    }
    if (raw == CharSequence.class) {
      String s0 = string(spec, r);
      if (s0 == null) {
        return null;
      }
      return switch (r.nextInt(3)) {
        case 0 -> s0;
        case 1 -> new StringBuilder(s0);
        default -> new StringBuffer(s0);
      };
    }
    if (raw == StringBuilder.class) {
      String s0 = string(spec, r);
      return s0 == null ? null : new StringBuilder(s0);
    }
    if (raw == Comparable.class) {
      return r.nextBoolean() ? scalar(int.class, spec.range(), r) : string(spec, r);
    }
    if (raw == BigInteger.class) {
      return BigInteger.valueOf((long) scalar(long.class, spec.range(), r));
    }
    if (raw == BigDecimal.class) {
      return BigDecimal.valueOf((long) scalar(int.class, spec.range(), r), r.nextInt(4));
    }
    if (raw == Object.class) {
      return switch (r.nextInt(9)) {
        case 0 -> scalar(int.class, spec.range(), r);
        case 1 -> scalar(long.class, spec.range(), r);
        case 2 -> scalar(double.class, spec.range(), r);
        case 3 -> string(InputSpec.NONE, r);
        case 4 -> new int[] {r.nextInt(10), r.nextInt(10)};
        case 5 -> scalar(boolean.class, null, r);
        case 6 -> scalar(char.class, null, r);
        case 7 -> new StringBuilder(String.valueOf(string(InputSpec.NONE, r)));
        default -> null;
      };
    }
    if (Map.class.isAssignableFrom(raw)) {
      return map(t, raw, spec, r);
    }
    if (Iterable.class.isAssignableFrom(raw)) {
      return collection(t, raw, spec, r);
    }
    throw new IllegalArgumentException("no generator for " + t.getTypeName()
        + " (give the type a static @Sample method taking java.util.Random)");
  }

  private static Class<?> raw(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    if (t instanceof WildcardType w) {
      return raw(w.getUpperBounds()[0]);
    }
    if (t instanceof java.lang.reflect.GenericArrayType g) {
      return Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
    }
    return Object.class; // a type variable
  }

  private static Type typeArg(Type t, int i) {
    if (t instanceof ParameterizedType p && p.getActualTypeArguments().length > i) {
      return p.getActualTypeArguments()[i];
    }
    return Integer.class;
  }

  private static Class<?> unboxed(Class<?> c) {
    if (c == Integer.class) return int.class;
    if (c == Long.class) return long.class;
    if (c == Double.class) return double.class;
    if (c == Float.class) return float.class;
    if (c == Short.class) return short.class;
    if (c == Byte.class) return byte.class;
    if (c == Character.class) return char.class;
    if (c == Boolean.class) return boolean.class;
    return null;
  }

  private static final Map<Class<?>, Method> SAMPLERS = new ConcurrentHashMap<>();
  private static final Method NO_SAMPLER;

  static {
    try {
      NO_SAMPLER = Object.class.getMethod("toString");
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The {@link Sample} method declared in {@code c}, or null. */
  static Method sampler(Class<?> c) {
    Method m = SAMPLERS.computeIfAbsent(c, k -> {
      if (k.getName().startsWith("java.")) {
        return NO_SAMPLER;
      }
      for (Method d : k.getDeclaredMethods()) {
        if (d.isAnnotationPresent(Sample.class) && Modifier.isStatic(d.getModifiers())
            && Arrays.equals(d.getParameterTypes(), new Class<?>[] {Random.class})) {
          d.setAccessible(true);
          return d;
        }
      }
      return NO_SAMPLER;
    });
    return m == NO_SAMPLER ? null : m;
  }

  private static Object callSampler(Method s, Random r) {
    try {
      return s.invoke(null, r);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(s + " failed", e.getCause());
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  // ---------------------------------------------------------------- scalars

  private static final int[] INT_EDGES = {0, 1, -1, 2, -2, 7, 31, 32, 100, 127, 128, -128, -129,
      255, 1000, 32767, -32768, 65536, Integer.MAX_VALUE, Integer.MIN_VALUE,
      Integer.MAX_VALUE - 1, Integer.MIN_VALUE + 1, 46341};

  private static final long[] LONG_EDGES = {0, 1, -1, 2, 127, 128, -128, -129, Integer.MAX_VALUE,
      Integer.MIN_VALUE, Integer.MAX_VALUE + 1L, 1L << 32, 1L << 53, Long.MAX_VALUE,
      Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1};

  private static final double[] DOUBLE_EDGES = {0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.5, 0.1,
      Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
      Double.MAX_VALUE, -Double.MAX_VALUE, 1e300, 2147483648.0, -2147483649.0, 1e19, 1e-7};

  private static final String CHARS = "0aZz _\u00e9\u03a3\uffff9A\n\u0000";

  /** A value of primitive type {@code t} (boxed), within {@code range} if given. */
  public static Object scalar(Class<?> t, Range range, Random r) {
    if (t == boolean.class) {
      return r.nextBoolean();
    }
    if (t == double.class || t == float.class) {
      double d;
      if (range != null) {
        d = r.nextInt(4) == 0 ? (double) (range.min() + (long) (r.nextDouble()
            * ((double) range.max() - range.min())))
            : range.min() + r.nextDouble() * ((double) range.max() - range.min());
      } else {
        d = switch (r.nextInt(4)) {
          case 0 -> DOUBLE_EDGES[r.nextInt(DOUBLE_EDGES.length)];
          case 1 -> r.nextInt(24) - 3;
          case 2 -> (r.nextDouble() * 20 - 10);
          default -> Math.round(r.nextGaussian() * 1e6) / 1e3;
        };
      }
      return t == float.class ? (Object) (float) d : (Object) d;
    }
    long v;
    if (range != null) {
      long lo = range.min();
      long hi = range.max();
      if (r.nextInt(8) == 0) {
        long[] edges = {lo, hi, 0, 1, -1};
        v = edges[r.nextInt(edges.length)];
        if (v < lo || v > hi) {
          v = lo;
        }
      } else {
        long span = hi - lo + 1;
        v = span <= 0 ? r.nextLong() : lo + Math.floorMod(r.nextLong(), span);
      }
    } else if (t == long.class) {
      v = switch (r.nextInt(4)) {
        case 0, 1 -> r.nextInt(24) - 3;
        case 2 -> LONG_EDGES[r.nextInt(LONG_EDGES.length)];
        default -> r.nextLong();
      };
    } else {
      v = switch (r.nextInt(4)) {
        case 0, 1 -> r.nextInt(24) - 3;
        case 2 -> INT_EDGES[r.nextInt(INT_EDGES.length)];
        default -> r.nextInt();
      };
    }
    if (t == int.class) return (int) v;
    if (t == long.class) return v;
    if (t == short.class) return (short) v;
    if (t == byte.class) return (byte) v;
    if (t == char.class) {
      return range != null ? (char) v : CHARS.charAt(r.nextInt(CHARS.length()));
    }
    throw new IllegalArgumentException("not a primitive: " + t);
  }

  private static Number number(InputSpec spec, Random r) {
    Range range = spec.range();
    return switch (r.nextInt(6)) {
      case 0, 1 -> (Integer) scalar(int.class, range, r);
      case 2 -> (Long) scalar(long.class, range, r);
      case 3 -> (Double) scalar(double.class, range, r);
      case 4 -> (Float) scalar(float.class, range, r);
      default -> r.nextBoolean() ? (Number) (Short) scalar(short.class, range, r)
          : (Number) (Byte) scalar(byte.class, range, r);
    };
  }

  private static final String[] TRICKY = {"", "a", "abc", "Hello", "hello world", "Aa", "BB",
      "42", "-7", "007", "3.5", "x,y,z", "  pad  ", "\u00e9t\u00e9", "MiXeD", "null", "a b c",
      "racecar", "2147483648", "zz"};

  /** A string for a parameter: from {@link Strings} if given, else short or tricky strings. */
  public static String string(InputSpec spec, Random r) {
    String[] pick = spec.strings();
    if (pick != null && r.nextInt(5) != 0) {
      return pick[r.nextInt(pick.length)];
    }
    if (r.nextBoolean()) {
      return TRICKY[r.nextInt(TRICKY.length)];
    }
    int n = spec.minLen() + r.nextInt(Math.max(1, spec.maxLen() - spec.minLen() + 1));
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append((char) ('a' + r.nextInt(r.nextInt(4) == 0 ? 26 : 4)));
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- containers

  private static int length(InputSpec spec, Random r) {
    int lo = spec.minLen();
    int hi = spec.maxLen();
    return lo + r.nextInt(hi - lo + 1);
  }

  private static Object array(Class<?> type, InputSpec spec, Random r) {
    Class<?> component = type.getComponentType();
    int n = length(spec, r);
    Object arr = Array.newInstance(component, n);
    InputSpec elem = new InputSpec(spec.range(), spec.size(), spec.nonNull(), spec.strings());
    for (int i = 0; i < n; i++) {
      Array.set(arr, i, value(component, elem, r));
    }
    return arr;
  }

  private static Object collection(Type t, Class<?> raw, InputSpec spec, Random r) {
    Type elemType = typeArg(t, 0);
    int n = length(spec, r);
    // List.of and friends reject null elements: those collections get non-null elements
    InputSpec elem = new InputSpec(spec.range(), spec.size(), true, spec.strings());
    List<Object> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(value(elemType, elem, r));
    }
    if (Set.class.isAssignableFrom(raw)) {
      boolean sortable = values.isEmpty() || values.get(0) instanceof Comparable;
      if (raw == TreeSet.class || (raw == Set.class && sortable && r.nextBoolean())) {
        return sortable ? new TreeSet<>(values) : new HashSet<>(values);
      }
      return new HashSet<>(values);
    }
    if (raw == ArrayList.class) {
      return new ArrayList<>(values);
    }
    if (raw == LinkedList.class) {
      return new LinkedList<>(values);
    }
    if (raw == ArrayDeque.class) {
      return new ArrayDeque<>(values);
    }
    if (!(raw == List.class || raw == Collection.class || raw == Iterable.class)) {
      throw new IllegalArgumentException("no generator for " + t.getTypeName());
    }
    return switch (r.nextInt(4)) {
      case 0 -> new ArrayList<>(values);
      case 1 -> new LinkedList<>(values);
      case 2 -> List.copyOf(values);
      default -> Arrays.asList(values.toArray());
    };
  }

  private static Object map(Type t, Class<?> raw, InputSpec spec, Random r) {
    Type kt = typeArg(t, 0);
    Type vt = typeArg(t, 1);
    int n = length(spec, r);
    InputSpec elem = new InputSpec(spec.range(), spec.size(), true, spec.strings());
    Map<Object, Object> m;
    if (raw == TreeMap.class) {
      m = new TreeMap<>();
    } else if (raw == LinkedHashMap.class) {
      m = new LinkedHashMap<>();
    } else if (raw == HashMap.class) {
      m = new HashMap<>();
    } else {
      m = switch (r.nextInt(3)) {
        case 0 -> new HashMap<>();
        case 1 -> new LinkedHashMap<>();
        default -> new TreeMap<>();
      };
    }
    for (int i = 0; i < n; i++) {
      m.put(value(kt, elem, r), value(vt, elem, r));
    }
    return m;
  }
}
