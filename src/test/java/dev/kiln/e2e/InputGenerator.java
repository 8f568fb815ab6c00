package dev.kiln.e2e;

import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Edge-heavy argument lists for a method's parameters, drawn from a
 * {@link SplittableRandom} with a fixed seed: the same method always gets the same inputs, run
 * after run.
 *
 * <p>Scalars mix small values (ints from -3..20, so loop bounds and indices land both inside and
 * outside small arrays), the type's edges (0, ±1, MIN/MAX, shift counts around 32 and 64,
 * NaN, ±∞, -0.0, subnormals, values just outside the int and long ranges) and the whole range.
 * Arrays are sometimes null (unless {@link NonNull}), mostly short (0..16, see {@link Size});
 * 2-D and deeper arrays are mostly rectangular, sometimes jagged with null rows. {@link Range}
 * bounds a scalar or the elements of an array.
 *
 * <p>Each kind of value is a {@link Gen}; {@link #oneOf} picks among generators by weight, so
 * the frequencies of the kinds above are written next to them in {@link #scalar}.
 */
public final class InputGenerator {
  /**
   * The suite's fixed seed ("KILN"); each method's stream is seeded with this and its name.
   * {@code -Dkiln.test.seed=N} draws other inputs, for a longer search than CI's.
   */
  public static final long SEED = Long.getLong("kiln.test.seed", 0x4B494C4E_2025L);

  /** {@code -Dkiln.test.triesFactor=N} runs N times the inputs, for a longer search. */
  private static final int TRIES_FACTOR = Integer.getInteger("kiln.test.triesFactor", 1);

  /** {@code tries} inputs, times {@code -Dkiln.test.triesFactor}. */
  public static int scaled(int tries) {
    return tries * TRIES_FACTOR;
  }

  /** Chance that a nullable array parameter is null. */
  private static final double NULL_ARRAY = 0.04;

  /** Chance that a row of a jagged array (any level below the top) is null. */
  private static final double NULL_ROW = 0.1;

  private InputGenerator() {}

  /** Draws one value (boxed scalar, array or null) from the given random source. */
  @FunctionalInterface
  public interface Gen {
    Object next(SplittableRandom random);
  }

  /** {@code count} argument lists for {@code m}. */
  public static List<Object[]> inputs(Method m, int count) {
    SplittableRandom random = new SplittableRandom(SEED ^ Corpora.display(m).hashCode());
    Class<?>[] types = m.getParameterTypes();
    Annotation[][] annotations = m.getParameterAnnotations();
    Gen[] gens = new Gen[types.length];
    for (int i = 0; i < types.length; i++) {
      gens[i] = forParameter(types[i], annotations[i]);
    }
    List<Object[]> out = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      Object[] args = new Object[types.length];
      for (int i = 0; i < types.length; i++) {
        args[i] = gens[i].next(random);
      }
      out.add(args);
    }
    return out;
  }

  /** The generator for one parameter, honouring {@link Range}, {@link Size}, {@link NonNull}. */
  public static Gen forParameter(Class<?> type, Annotation[] annotations) {
    InputSpec spec = InputSpec.of(annotations);
    Range range = spec.range();
    Size size = spec.size();
    boolean nonNull = spec.nonNull();
    if (type.isPrimitive()) {
      return scalar(type, range);
    }
    if (type.isArray()) {
      int min = size == null ? 0 : size.min();
      int max = size == null ? 16 : size.max();
      Gen arr = array(type, range, min, max, !nonNull);
      return nonNull ? arr : orNull(arr, NULL_ARRAY);
    }
    throw new IllegalArgumentException("no generator for parameter type " + type.getName());
  }

  // ---------------------------------------------------------------- scalars

  static Gen scalar(Class<?> t, Range r) {
    if (t == boolean.class) {
      return pick(true, false);
    }
    if (t == int.class) {
      return r != null ? bounded(r, Integer.MIN_VALUE, Integer.MAX_VALUE, x -> (int) x)
          : oneOf(
              w(5, rnd -> (int) uniform(rnd, -3, 20)),
              w(3, edges(INT_EXTREMES, 0, 1, -1, 2, -2, 3, 7, 8, 15, 16, 31, 32, 33, 63, 64, 65,
                  -31, -32, -33, 127, 128, -128, -129, 255, 256, 32767, 32768, -32768, 65535,
                  65536, 1 << 30, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 1,
                  Integer.MIN_VALUE + 1, 46341, -46341, 0x5555_5555, 0xAAAA_AAAA)),
              w(2, wholeRange(32, x -> (int) x)));
    }
    if (t == long.class) {
      return r != null ? bounded(r, Long.MIN_VALUE, Long.MAX_VALUE, x -> x)
          : oneOf(
              w(4, rnd -> uniform(rnd, -3, 20)),
              w(3, edges(LONG_EXTREMES, boxLongs(LONG_EDGES))),
              w(3, wholeRange(64, x -> x)));
    }
    if (t == short.class) {
      return r != null ? bounded(r, Short.MIN_VALUE, Short.MAX_VALUE, x -> (short) x)
          : oneOf(
              w(3, rnd -> (short) uniform(rnd, -3, 20)),
              w(3, edges(SHORT_EXTREMES, (short) 0, (short) 1, (short) -1, (short) 127,
                  (short) 128, (short) -128, (short) -129, (short) 255, (short) 256,
                  Short.MAX_VALUE, Short.MIN_VALUE, (short) (Short.MAX_VALUE - 1),
                  (short) (Short.MIN_VALUE + 1))),
              w(3, wholeRange(16, x -> (short) x)));
    }
    if (t == byte.class) {
      return r != null ? bounded(r, Byte.MIN_VALUE, Byte.MAX_VALUE, x -> (byte) x)
          : oneOf(
              w(3, rnd -> (byte) uniform(rnd, -3, 20)),
              w(3, edges(BYTE_EXTREMES, (byte) 0, (byte) 1, (byte) -1, (byte) 2, Byte.MAX_VALUE,
                  Byte.MIN_VALUE, (byte) 126, (byte) -127, (byte) 0x55, (byte) 0xAA)),
              w(3, wholeRange(8, x -> (byte) x)));
    }
    if (t == char.class) {
      return r != null ? bounded(r, Character.MIN_VALUE, Character.MAX_VALUE, x -> (char) x)
          : oneOf(
              w(3, rnd -> (char) uniform(rnd, '0', 'z')),
              w(3, edges(CHAR_EXTREMES, '\0', '\1', ' ', '0', '9', 'A', 'Z', 'a', 'z', '\u007f',
                  '\u0080', '\u00ff', '\u0100', '\u7fff', '\u8000', '\uffff', '\ufffe',
                  '\u00e9', '\u0660', '\u0669', '\u00df', '\u03a3', '\ud800', '\udfff')),
              w(3, oneOf(
                  w(1, rnd -> (char) uniform(rnd, Character.MIN_VALUE, Character.MAX_VALUE)),
                  w(1, rnd -> (char) unsignedOfRandomWidth(rnd, 16)))));
    }
    if (t == double.class) {
      return r != null ? boundedDouble(r) : doubles();
    }
    if (t == float.class) {
      return r != null ? boundedFloat(r) : floats();
    }
    throw new IllegalArgumentException("no generator for " + t);
  }

  /** The edges drawn most often: zero, ±1 and the ends of the type (see {@link #edges}). */
  private static final Object[] INT_EXTREMES = {
      0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 1,
      Integer.MIN_VALUE + 1};

  private static final Object[] LONG_EXTREMES = {
      0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1,
      (long) Integer.MAX_VALUE, (long) Integer.MIN_VALUE, Integer.MAX_VALUE + 1L,
      Integer.MIN_VALUE - 1L};

  private static final Object[] SHORT_EXTREMES = {
      (short) 0, (short) 1, (short) -1, Short.MAX_VALUE, Short.MIN_VALUE};

  private static final Object[] BYTE_EXTREMES = {
      (byte) 0, (byte) 1, (byte) -1, Byte.MAX_VALUE, Byte.MIN_VALUE};

  private static final Object[] CHAR_EXTREMES = {'\0', '\u007f', '\u0080', '\uffff'};

  private static final long[] LONG_EDGES = {
      0L, 1L, -1L, 2L, -2L, 31L, 32L, 33L, 63L, 64L, 65L, -63L, -64L, -65L, 255L, 65535L,
      Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L,
      0xFFFF_FFFFL, 1L << 32, 3037000499L, 3037000500L, -3037000500L, 1L << 53, (1L << 53) + 1,
      Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1,
      0x5555_5555_5555_5555L, 0xAAAA_AAAA_AAAA_AAAAL};

  private static final double[] DOUBLE_SPECIALS = {
      Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0};

  private static final double[] DOUBLE_EDGES = {
      1.0, -1.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 3.0, 0.1, -0.1, 1e-300, -1e-300,
      Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
      Double.MIN_NORMAL, -Double.MIN_NORMAL, Math.ulp(1.0), 1.0 + Math.ulp(1.0),
      2147483647.0, 2147483648.0, -2147483648.0, -2147483649.0, 2147483647.5, -2147483648.5,
      9.223372036854775807E18, -9.223372036854775808E18, 1.8446744073709552E19, 1e19, -1e19,
      4503599627370496.0, 4503599627370497.0, 9007199254740993.0,
      Float.MAX_VALUE, -Float.MAX_VALUE, 3.4028235677973366E38, (double) Float.MIN_VALUE,
      1.401298464324817E-46, 1e308, -1e308, 1e-320, 0.49999999999999994, 1e16, 1e15 + 0.5};

  private static final float[] FLOAT_SPECIALS = {
      Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f};

  private static final float[] FLOAT_EDGES = {
      1f, -1f, 0.5f, -0.5f, 1.5f, -1.5f, 2.5f, -2.5f, 3f, 0.1f, -0.1f,
      Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE,
      Float.MIN_NORMAL, -Float.MIN_NORMAL, Math.ulp(1f), 1f + Math.ulp(1f),
      2147483647f, 2147483648f, -2147483648f, -2147483904f, 9.223372E18f, -9.223372E18f,
      1e19f, -1e19f, 16777216f, 16777217f, 8388608.5f, 0.49999997f, 1e-40f, 3e38f, 1e30f};

  private static Gen doubles() {
    return oneOf(
        w(2, pick(box(DOUBLE_SPECIALS))),
        w(3, pick(box(DOUBLE_EDGES))),
        w(3, rnd -> (double) uniform(rnd, -3, 20)),
        // decimals with 6 places in [-10, 10]; n and 1e6 are exact, so n / 1e6 is the nearest
        // double to the decimal
        w(2, rnd -> uniform(rnd, -10_000_000, 10_000_000) / 1e6),
        w(2, oneOf(
            // 2-place decimals of every magnitude up to 2^63 / 100
            w(1, rnd -> signedOfRandomWidth(rnd, 64) / 100.0),
            // log-uniform over the finite normal range, either sign
            w(1, rnd -> sign(rnd) * Math.scalb(1.0 + rnd.nextLong(1L << 52) * 0x1p-52,
                (int) uniform(rnd, Double.MIN_EXPONENT, Double.MAX_EXPONENT))))),
        w(1, rnd -> Double.longBitsToDouble(rnd.nextLong())));
  }

  private static Gen floats() {
    return oneOf(
        w(2, pick(box(FLOAT_SPECIALS))),
        w(3, pick(box(FLOAT_EDGES))),
        w(3, rnd -> (float) uniform(rnd, -3, 20)),
        // decimals with 4 places in [-10, 10], rounded once to the nearest float
        w(2, rnd -> BigDecimal.valueOf(uniform(rnd, -100_000, 100_000), 4).floatValue()),
        w(2, oneOf(
            w(1, rnd -> BigDecimal.valueOf(signedOfRandomWidth(rnd, 32), 2).floatValue()),
            w(1, rnd -> sign(rnd) * Math.scalb(1f + rnd.nextInt(1 << 23) * 0x1p-23f,
                (int) uniform(rnd, Float.MIN_EXPONENT, Float.MAX_EXPONENT))))),
        w(1, rnd -> Float.intBitsToFloat(rnd.nextInt())));
  }

  private interface LongTo {
    Object apply(long x);
  }

  /**
   * The whole range of a {@code bits}-wide integer type: half uniform over it, half with a
   * uniformly chosen bit width, so that every magnitude (tens, thousands, 2^20, ...) turns up.
   */
  private static Gen wholeRange(int bits, LongTo box) {
    long lo = -(1L << (bits - 1));
    long hi = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
    return oneOf(
        w(1, rnd -> box.apply(uniform(rnd, lo, hi))),
        w(1, rnd -> box.apply(signedOfRandomWidth(rnd, bits))));
  }

  /** Values in {@code [r.min, r.max]} (clipped to the type), its ends and the values near 0. */
  private static Gen bounded(Range r, long typeMin, long typeMax, LongTo box) {
    long lo = Math.max(r.min(), typeMin);
    long hi = Math.min(r.max(), typeMax);
    if (lo > hi) {
      throw new IllegalArgumentException("empty @Range(" + r.min() + ", " + r.max() + ")");
    }
    List<Object> edges = new ArrayList<>();
    for (long e : new long[] {lo, hi, 0, 1, -1, lo + 1, hi - 1}) {
      if (e >= lo && e <= hi) {
        edges.add(box.apply(e));
      }
    }
    return oneOf(
        w(6, rnd -> box.apply(uniform(rnd, lo, hi))),
        w(1, pick(edges.toArray())));
  }

  /** Finite doubles in {@code [r.min, r.max]}: 2-place decimals, integers and the edges. */
  private static Gen boundedDouble(Range r) {
    if (r.min() > r.max()) {
      throw new IllegalArgumentException("empty @Range(" + r.min() + ", " + r.max() + ")");
    }
    double lo = r.min();
    double hi = r.max();
    List<Object> edges = new ArrayList<>();
    for (double e : new double[] {lo, hi, 0.0, -0.0, 0.5, -0.5, 1.0}) {
      if (e >= lo && e <= hi) {
        edges.add(e);
      }
    }
    Gen decimals;
    if (Math.abs(lo) <= 0x1p46 && Math.abs(hi) <= 0x1p46) {
      // lo and hi are integers well below 2^53 / 100, so c0 = lo * 100 and c1 = hi * 100 are
      // exact and, division being monotone and lo, hi representable, c / 100.0 stays in [lo, hi]
      long c0 = (long) lo * 100;
      long c1 = (long) hi * 100;
      decimals = rnd -> uniform(rnd, c0, c1) / 100.0;
    } else {
      decimals = rnd -> Math.min(hi, Math.max(lo, lo + rnd.nextDouble() * (hi - lo)));
    }
    return oneOf(
        w(4, decimals),
        w(2, rnd -> (double) uniform(rnd, r.min(), r.max())),
        w(1, pick(edges.toArray())));
  }

  /** {@link #boundedDouble} rounded to float, nudged back inside the range if rounding left it. */
  private static Gen boundedFloat(Range r) {
    Gen d = boundedDouble(r);
    double lo = r.min();
    double hi = r.max();
    return rnd -> {
      double v = (Double) d.next(rnd);
      float f = (float) v;
      if (f > hi) {
        f = Math.nextDown(f);
      } else if (f < lo) {
        f = Math.nextUp(f);
      }
      return f;
    };
  }

  // ---------------------------------------------------------------- arrays

  static Gen array(Class<?> type, Range elemRange, int min, int max, boolean nullRows) {
    if (min < 0 || min > max) {
      throw new IllegalArgumentException("bad @Size(min = " + min + ", max = " + max + ")");
    }
    Class<?> elem = type;
    int rank = 0;
    while (elem.isArray()) {
      elem = elem.getComponentType();
      rank++;
    }
    Gen element = scalar(elem, elemRange);
    Gen length = lengths(min, max);
    int dims = rank;
    Gen rectangular = rnd -> {
      int[] lengths = new int[dims];
      for (int i = 0; i < dims; i++) {
        lengths[i] = (Integer) length.next(rnd);
      }
      return fill(type, lengths, 0, element, rnd);
    };
    if (rank == 1) {
      return rectangular;
    }
    return oneOf(w(3, rectangular), w(1, jagged(type, length, element, nullRows)));
  }

  /** Array lengths: mostly within 4 of {@code min}, else anywhere in {@code [min, max]}. */
  private static Gen lengths(int min, int max) {
    int nearMax = Math.min(max, min + 4);
    return oneOf(
        w(3, rnd -> (int) uniform(rnd, min, nearMax)),
        w(2, rnd -> (int) uniform(rnd, min, max)));
  }

  /** A rectangular array of {@code type} with the given length in each dimension. */
  private static Object fill(Class<?> type, int[] lengths, int level, Gen element,
                             SplittableRandom rnd) {
    Class<?> component = type.getComponentType();
    Object arr = Array.newInstance(component, lengths[level]);
    for (int i = 0; i < lengths[level]; i++) {
      Array.set(arr, i, component.isArray() ? fill(component, lengths, level + 1, element, rnd)
          : element.next(rnd));
    }
    return arr;
  }

  /** An array whose rows each get their own length and, with {@code nullRows}, may be null. */
  private static Gen jagged(Class<?> type, Gen length, Gen element, boolean nullRows) {
    Class<?> component = type.getComponentType();
    Gen child;
    if (component.isArray()) {
      child = jagged(component, length, element, nullRows);
      if (nullRows) {
        child = orNull(child, NULL_ROW);
      }
    } else {
      child = element;
    }
    Gen c = child;
    return rnd -> {
      int n = (Integer) length.next(rnd);
      Object arr = Array.newInstance(component, n);
      for (int i = 0; i < n; i++) {
        Array.set(arr, i, c.next(rnd));
      }
      return arr;
    };
  }

  // ---------------------------------------------------------------- helpers

  /** A generator together with its weight in {@link #oneOf}. */
  private record Weighted(int weight, Gen gen) {}

  private static Weighted w(int weight, Gen gen) {
    if (weight <= 0) {
      throw new IllegalArgumentException("weight " + weight);
    }
    return new Weighted(weight, gen);
  }

  /** Picks one of {@code choices} with probability proportional to its weight, then draws. */
  private static Gen oneOf(Weighted... choices) {
    int total = 0;
    for (Weighted c : choices) {
      total += c.weight();
    }
    int sum = total;
    return rnd -> {
      int x = rnd.nextInt(sum);
      for (Weighted c : choices) {
        x -= c.weight();
        if (x < 0) {
          return c.gen().next(rnd);
        }
      }
      throw new AssertionError("unreachable");
    };
  }

  /** One of {@code values}, each equally likely. */
  private static Gen pick(Object... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("nothing to pick from");
    }
    Object[] vs = values.clone();
    return rnd -> vs[rnd.nextInt(vs.length)];
  }

  /**
   * A type's edge values: half the time one of {@code extremes} (zero, ±1, MIN, MAX: the edges
   * that matter most), half the time any of {@code all}, so that each extreme turns up every
   * few dozen draws.
   */
  private static Gen edges(Object[] extremes, Object... all) {
    return oneOf(w(1, pick(extremes)), w(1, pick(all)));
  }

  /** {@code gen}'s value, or null with probability {@code p}. */
  private static Gen orNull(Gen gen, double p) {
    return rnd -> rnd.nextDouble() < p ? null : gen.next(rnd);
  }

  /**
   * Uniform in {@code [lo, hi]}, both inclusive, for any {@code lo <= hi}: the span is computed
   * in long arithmetic and, when it does not fit in a positive long, drawn by rejection.
   */
  static long uniform(SplittableRandom rnd, long lo, long hi) {
    if (lo > hi) {
      throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
    }
    long span = hi - lo; // may overflow to negative when the range has 2^63 or more values
    if (span >= 0 && span < Long.MAX_VALUE) {
      return lo + rnd.nextLong(span + 1);
    }
    while (true) { // at least half of all longs are in range
      long x = rnd.nextLong();
      if (x >= lo && x <= hi) {
        return x;
      }
    }
  }

  /** A signed value of a uniformly chosen width of 1..{@code bits} bits. */
  private static long signedOfRandomWidth(SplittableRandom rnd, int bits) {
    int width = 1 + rnd.nextInt(bits);
    return rnd.nextLong() >> (64 - width);
  }

  /** A non-negative value of a uniformly chosen width of 1..{@code bits} bits. */
  private static long unsignedOfRandomWidth(SplittableRandom rnd, int bits) {
    int width = 1 + rnd.nextInt(bits);
    return rnd.nextLong() >>> (64 - width);
  }

  private static int sign(SplittableRandom rnd) {
    return rnd.nextBoolean() ? 1 : -1;
  }

  private static Object[] boxLongs(long[] values) {
    Object[] out = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  private static Object[] box(double[] values) {
    Object[] out = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  private static Object[] box(float[] values) {
    Object[] out = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }
}
