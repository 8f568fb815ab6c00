package dev.kiln.e2e;

import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Edge-heavy argument lists for a method's parameters, from jqwik arbitraries driven by a
 * fixed seed: the same method always gets the same inputs, run after run.
 *
 * <p>Scalars mix small values (ints from -3..20, so loop bounds and indices land both inside and
 * outside small arrays), the type's edges (0, ±1, MIN/MAX, shift counts around 32 and 64,
 * NaN, ±∞, -0.0, subnormals, values just outside the int and long ranges) and the whole range.
 * Arrays are sometimes null (unless {@link NonNull}), mostly short (0..16, see {@link Size});
 * 2-D and deeper arrays are mostly rectangular, sometimes jagged with null rows. {@link Range}
 * bounds a scalar or the elements of an array.
 */
public final class InputGenerator {
  /** The suite's fixed seed; each method's stream is seeded with this and its name. */
  public static final long SEED = 0x4B494C4E_2025L; // "KILN"

  private static final int GEN_SIZE = 1000;

  /** Bounded ranges are drawn uniformly; jqwik's default bias piles up at one end. */
  private static final RandomDistribution UNIFORM = RandomDistribution.uniform();

  private InputGenerator() {}

  /** {@code count} argument lists for {@code m}. */
  public static List<Object[]> inputs(Method m, int count) {
    boolean started = false;
    if (!JqwikSession.isActive()) {
      JqwikSession.start();
      started = true;
    }
    try {
      Random random = new Random(SEED ^ Corpora.display(m).hashCode());
      Class<?>[] types = m.getParameterTypes();
      Annotation[][] annotations = m.getParameterAnnotations();
      List<RandomGenerator<Object>> gens = new ArrayList<>();
      for (int i = 0; i < types.length; i++) {
        // no generic edge-case injection: the arbitraries below weight their own edges
        gens.add(forParameter(types[i], annotations[i]).generator(GEN_SIZE, false));
      }
      List<Object[]> out = new ArrayList<>(count);
      for (int k = 0; k < count; k++) {
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
          args[i] = gens.get(i).next(random).value();
        }
        out.add(args);
      }
      return out;
    } finally {
      if (started) {
        JqwikSession.finish();
      }
    }
  }

  /** The arbitrary for one parameter, honouring {@link Range}, {@link Size}, {@link NonNull}. */
  public static Arbitrary<Object> forParameter(Class<?> type, Annotation[] annotations) {
    Range range = null;
    Size size = null;
    boolean nonNull = false;
    for (Annotation a : annotations) {
      if (a instanceof Range r) {
        range = r;
      } else if (a instanceof Size s) {
        size = s;
      } else if (a instanceof NonNull) {
        nonNull = true;
      }
    }
    if (type.isPrimitive()) {
      return scalar(type, range);
    }
    if (type.isArray()) {
      int min = size == null ? 0 : size.min();
      int max = size == null ? 16 : size.max();
      Arbitrary<Object> arr = array(type, range, min, max, !nonNull);
      return nonNull ? arr : arr.injectNull(0.04);
    }
    throw new IllegalArgumentException("no generator for parameter type " + type.getName());
  }

  // ---------------------------------------------------------------- scalars

  static Arbitrary<Object> scalar(Class<?> t, Range r) {
    if (t == boolean.class) {
      return Arbitraries.of(true, false).asGeneric();
    }
    if (t == int.class) {
      return r != null ? bounded(r, Integer.MIN_VALUE, Integer.MAX_VALUE, x -> (int) x)
          : freq(
              f(5, Arbitraries.integers().between(-3, 20).withDistribution(UNIFORM)),
              f(3, Arbitraries.of(0, 1, -1, 2, -2, 3, 7, 8, 15, 16, 31, 32, 33, 63, 64, 65, -31,
                  -32, -33, 127, 128, -128, -129, 255, 256, 32767, 32768, -32768, 65535, 65536,
                  1 << 30, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 1,
                  Integer.MIN_VALUE + 1, 46341, -46341, 0x5555_5555, 0xAAAA_AAAA)),
              f(2, Arbitraries.integers()));
    }
    if (t == long.class) {
      return r != null ? bounded(r, Long.MIN_VALUE, Long.MAX_VALUE, x -> x)
          : freq(
              f(4, Arbitraries.longs().between(-3, 20).withDistribution(UNIFORM)),
              f(3, Arbitraries.of(boxLongs(LONG_EDGES))),
              f(3, Arbitraries.longs()));
    }
    if (t == short.class) {
      return r != null ? bounded(r, Short.MIN_VALUE, Short.MAX_VALUE, x -> (short) x)
          : freq(
              f(3, Arbitraries.shorts().between((short) -3, (short) 20)),
              f(3, Arbitraries.of((short) 0, (short) 1, (short) -1, (short) 127, (short) 128,
                  (short) -128, (short) -129, (short) 255, (short) 256, Short.MAX_VALUE,
                  Short.MIN_VALUE, (short) (Short.MAX_VALUE - 1), (short) (Short.MIN_VALUE + 1))),
              f(3, Arbitraries.shorts()));
    }
    if (t == byte.class) {
      return r != null ? bounded(r, Byte.MIN_VALUE, Byte.MAX_VALUE, x -> (byte) x)
          : freq(
              f(3, Arbitraries.bytes().between((byte) -3, (byte) 20)),
              f(3, Arbitraries.of((byte) 0, (byte) 1, (byte) -1, (byte) 2, Byte.MAX_VALUE,
                  Byte.MIN_VALUE, (byte) 126, (byte) -127, (byte) 0x55, (byte) 0xAA)),
              f(3, Arbitraries.bytes()));
    }
    if (t == char.class) {
      return r != null ? bounded(r, Character.MIN_VALUE, Character.MAX_VALUE, x -> (char) x)
          : freq(
              f(3, Arbitraries.chars().range('0', 'z')),
              f(3, Arbitraries.of('\0', '\1', ' ', '0', '9', 'A', 'Z', 'a', 'z', '\u007f',
                  '\u0080', '\u00ff', '\u0100', '\u7fff', '\u8000', '\uffff', '\ufffe',
                  '\u00e9', '\u0660', '\u0669', '\u00df', '\u03a3', '\ud800', '\udfff')),
              f(3, Arbitraries.chars().all()));
    }
    if (t == double.class) {
      return r != null ? boundedDouble(r) : doubles();
    }
    if (t == float.class) {
      return r != null ? boundedDouble(r).map(d -> (Object) (float) (double) (Double) d)
          : floats();
    }
    throw new IllegalArgumentException("no generator for " + t);
  }

  private static final long[] LONG_EDGES = {
      0L, 1L, -1L, 2L, -2L, 31L, 32L, 33L, 63L, 64L, 65L, -63L, -64L, -65L, 255L, 65535L,
      Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L,
      0xFFFF_FFFFL, 1L << 32, 3037000499L, 3037000500L, -3037000500L, 1L << 53, (1L << 53) + 1,
      Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1,
      0x5555_5555_5555_5555L, 0xAAAA_AAAA_AAAA_AAAAL};

  private static Object[] boxLongs(long[] values) {
    Object[] out = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

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

  private static Arbitrary<Object> doubles() {
    return freq(
        f(2, Arbitraries.of(box(DOUBLE_SPECIALS))),
        f(3, Arbitraries.of(box(DOUBLE_EDGES))),
        f(3, Arbitraries.integers().between(-3, 20).withDistribution(UNIFORM).map(i -> (double) i)),
        f(2, Arbitraries.doubles().between(-10, 10).ofScale(6)),
        f(2, Arbitraries.doubles()),
        f(1, Arbitraries.longs().map(Double::longBitsToDouble)));
  }

  private static Arbitrary<Object> floats() {
    return freq(
        f(2, Arbitraries.of(box(FLOAT_SPECIALS))),
        f(3, Arbitraries.of(box(FLOAT_EDGES))),
        f(3, Arbitraries.integers().between(-3, 20).withDistribution(UNIFORM).map(i -> (float) i)),
        f(2, Arbitraries.floats().between(-10, 10).ofScale(4)),
        f(2, Arbitraries.floats()),
        f(1, Arbitraries.integers().map(Float::intBitsToFloat)));
  }

  private interface LongTo {
    Object apply(long x);
  }

  /** Values in {@code [r.min, r.max]} (clipped to the type), its ends and the values near 0. */
  private static Arbitrary<Object> bounded(Range r, long typeMin, long typeMax, LongTo box) {
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
    return freq(
        f(6, Arbitraries.longs().between(lo, hi).withDistribution(UNIFORM).map(box::apply)),
        f(1, Arbitraries.of(edges)));
  }

  private static Arbitrary<Object> boundedDouble(Range r) {
    double lo = r.min();
    double hi = r.max();
    List<Object> edges = new ArrayList<>();
    for (double e : new double[] {lo, hi, 0.0, -0.0, 0.5, -0.5, 1.0}) {
      if (e >= lo && e <= hi) {
        edges.add(e);
      }
    }
    return freq(
        f(4, Arbitraries.doubles().between(lo, hi).withDistribution(UNIFORM)),
        f(2, Arbitraries.longs().between(r.min(), r.max()).withDistribution(UNIFORM)
            .map(x -> (double) x)),
        f(1, Arbitraries.of(edges)));
  }

  // ---------------------------------------------------------------- arrays

  static Arbitrary<Object> array(Class<?> type, Range elemRange, int min, int max,
                                 boolean nullRows) {
    Class<?> elem = type;
    int rank = 0;
    while (elem.isArray()) {
      elem = elem.getComponentType();
      rank++;
    }
    Arbitrary<Object> element = scalar(elem, elemRange);
    Arbitrary<Integer> length = lengths(min, max);
    Arbitrary<Object> rectangular = length.list().ofSize(rank)
        .flatMap(dims -> fill(type, dims, 0, element));
    if (rank == 1) {
      return rectangular;
    }
    return freq(f(3, rectangular), f(1, jagged(type, length, element, nullRows)));
  }

  private static Arbitrary<Integer> lengths(int min, int max) {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.integers().between(min, Math.min(max, min + 4))
            .withDistribution(UNIFORM)),
        Tuple.of(2, Arbitraries.integers().between(min, max).withDistribution(UNIFORM)));
  }

  private static Arbitrary<Object> fill(Class<?> type, List<Integer> dims, int level,
                                        Arbitrary<Object> element) {
    Class<?> component = type.getComponentType();
    Arbitrary<Object> child = component.isArray() ? fill(component, dims, level + 1, element)
        : element;
    return child.list().ofSize(dims.get(level)).map(list -> toArray(component, list));
  }

  private static Arbitrary<Object> jagged(Class<?> type, Arbitrary<Integer> length,
                                          Arbitrary<Object> element, boolean nullRows) {
    Class<?> component = type.getComponentType();
    Arbitrary<Object> child;
    if (component.isArray()) {
      child = jagged(component, length, element, nullRows);
      if (nullRows) {
        child = child.injectNull(0.1);
      }
    } else {
      child = element;
    }
    Arbitrary<Object> c = child;
    return length.flatMap(n -> c.list().ofSize(n)).map(list -> toArray(component, list));
  }

  private static Object toArray(Class<?> component, List<Object> values) {
    Object arr = Array.newInstance(component, values.size());
    for (int i = 0; i < values.size(); i++) {
      Array.set(arr, i, values.get(i));
    }
    return arr;
  }

  // ---------------------------------------------------------------- helpers

  private static Tuple2<Integer, Arbitrary<Object>> f(int weight, Arbitrary<?> a) {
    return Tuple.of(weight, a.asGeneric());
  }

  @SafeVarargs
  @SuppressWarnings("varargs")
  private static Arbitrary<Object> freq(Tuple2<Integer, Arbitrary<Object>>... choices) {
    return Arbitraries.frequencyOf(List.of(choices));
  }
}
