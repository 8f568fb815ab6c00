package dev.kiln.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generator still produces the edges the differential suite relies on. */
class InputGeneratorTest {
  static final int N = 300;

  // ---------------------------------------------------------------- sample signatures

  static void anInt(int x) {}

  static void aLong(long x) {}

  static void aDouble(double x) {}

  static void aFloat(float x) {}

  static void anIntArray(int[] a) {}

  static void aNonNullSizedArray(@NonNull @Size(min = 2, max = 5) @Range(min = -7, max = 7)
                                 long[] a) {}

  static void aGrid(int[][] g) {}

  static void aNonNullGrid(@NonNull double[][] g) {}

  static void ranged(@Range(min = -3, max = 12) int i, @Range(min = -2, max = 6) double d,
                     @Range(min = -50, max = 50) float f, @Range(min = 0, max = 3) char c) {}

  static void mixed(int a, long b, char c, byte d, short e, boolean f, float[] g, double[][] h) {}

  private static Method method(String name) {
    for (Method m : InputGeneratorTest.class.getDeclaredMethods()) {
      if (m.getName().equals(name)) {
        return m;
      }
    }
    throw new AssertionError("no method " + name);
  }

  /** The {@code i}-th argument of each of the first {@link #N} inputs for {@code name}. */
  private static List<Object> column(String name, int i) {
    List<Object> out = new ArrayList<>();
    for (Object[] args : InputGenerator.inputs(method(name), N)) {
      out.add(args[i]);
    }
    return out;
  }

  // ---------------------------------------------------------------- scalars

  @Test
  void intsIncludeZeroAndTheEnds() {
    List<Object> xs = column("anInt", 0);
    assertTrue(xs.contains(0), "no 0 in " + xs);
    assertTrue(xs.contains(Integer.MIN_VALUE), "no Integer.MIN_VALUE in " + xs);
    assertTrue(xs.contains(Integer.MAX_VALUE), "no Integer.MAX_VALUE in " + xs);
    assertTrue(xs.contains(-1) && xs.contains(1), "no ±1 in " + xs);
    assertTrue(xs.stream().anyMatch(x -> (int) x > 1_000 || (int) x < -1_000),
        "nothing outside the small values in " + xs);
    assertTrue(new HashSet<>(xs).size() > 60, "too few distinct values in " + xs);
  }

  @Test
  void longsIncludeZeroAndTheEnds() {
    List<Object> xs = column("aLong", 0);
    assertTrue(xs.contains(0L), "no 0L in " + xs);
    assertTrue(xs.contains(Long.MIN_VALUE), "no Long.MIN_VALUE in " + xs);
    assertTrue(xs.contains(Long.MAX_VALUE), "no Long.MAX_VALUE in " + xs);
  }

  @Test
  void doublesIncludeNanSignedZerosAndInfinities() {
    List<Object> xs = column("aDouble", 0);
    assertTrue(xs.stream().allMatch(x -> x instanceof Double), "not all doubles: " + xs);
    // Double.equals compares bit patterns: -0.0 and 0.0 differ, NaN equals NaN
    assertTrue(xs.contains(Double.NaN), "no NaN in " + xs);
    assertTrue(xs.contains(-0.0), "no -0.0 in " + xs);
    assertTrue(xs.contains(0.0), "no 0.0 in " + xs);
    assertTrue(xs.contains(Double.POSITIVE_INFINITY), "no +Infinity in " + xs);
    assertTrue(xs.contains(Double.NEGATIVE_INFINITY), "no -Infinity in " + xs);
    assertTrue(xs.stream().anyMatch(x -> {
      double d = (Double) x;
      return d != 0 && Math.abs(d) < Double.MIN_NORMAL;
    }), "no subnormal in " + xs);
  }

  @Test
  void floatsIncludeNanSignedZerosAndInfinities() {
    List<Object> xs = column("aFloat", 0);
    assertTrue(xs.stream().allMatch(x -> x instanceof Float), "not all floats: " + xs);
    assertTrue(xs.contains(Float.NaN), "no NaN in " + xs);
    assertTrue(xs.contains(-0f), "no -0f in " + xs);
    assertTrue(xs.contains(Float.POSITIVE_INFINITY), "no +Infinity in " + xs);
    assertTrue(xs.contains(Float.NEGATIVE_INFINITY), "no -Infinity in " + xs);
  }

  @Test
  void rangeBoundsScalarsAndReachesItsEnds() {
    List<Object[]> inputs = InputGenerator.inputs(method("ranged"), N);
    Set<Integer> ints = new HashSet<>();
    for (Object[] args : inputs) {
      int i = (Integer) args[0];
      double d = (Double) args[1];
      float f = (Float) args[2];
      char c = (Character) args[3];
      assertTrue(i >= -3 && i <= 12, "int out of range: " + i);
      assertTrue(d >= -2 && d <= 6, "double out of range or not finite: " + d);
      assertTrue(f >= -50 && f <= 50, "float out of range or not finite: " + f);
      assertTrue(c <= 3, "char out of range: " + (int) c);
      ints.add(i);
    }
    assertTrue(ints.contains(-3) && ints.contains(12) && ints.contains(0),
        "ends or 0 missing from " + ints);
  }

  @Test
  void everyParameterGetsAValueOfItsType() {
    for (Object[] args : InputGenerator.inputs(method("mixed"), N)) {
      assertEquals(8, args.length);
      assertTrue(args[0] instanceof Integer && args[1] instanceof Long
          && args[2] instanceof Character && args[3] instanceof Byte
          && args[4] instanceof Short && args[5] instanceof Boolean
          && (args[6] == null || args[6] instanceof float[])
          && (args[7] == null || args[7] instanceof double[][]), Values.showArgs(args));
    }
  }

  // ---------------------------------------------------------------- arrays

  @Test
  void arraysIncludeNullEmptyAndNonEmpty() {
    List<Object> xs = column("anIntArray", 0);
    assertTrue(xs.contains(null), "no null array");
    assertTrue(xs.stream().anyMatch(a -> a instanceof int[] ia && ia.length == 0),
        "no empty array");
    assertTrue(xs.stream().anyMatch(a -> a instanceof int[] ia && ia.length > 0),
        "no non-empty array");
    int longest = 0;
    for (Object a : xs) {
      if (a != null) {
        longest = Math.max(longest, ((int[]) a).length);
        assertTrue(((int[]) a).length <= 16, "array longer than 16");
      }
    }
    assertTrue(longest > 8, "no array longer than 8; longest " + longest);
  }

  @Test
  void nonNullSizeAndRangeShapeArrays() {
    for (Object a : column("aNonNullSizedArray", 0)) {
      assertNotNull(a, "@NonNull array was null");
      long[] la = (long[]) a;
      assertTrue(la.length >= 2 && la.length <= 5, "length outside @Size: " + la.length);
      for (long v : la) {
        assertTrue(v >= -7 && v <= 7, "element outside @Range: " + v);
      }
    }
  }

  @Test
  void gridsAreRectangularOrJaggedWithNullRows() {
    boolean rectangular = false;
    boolean jagged = false;
    boolean nullRow = false;
    boolean nullGrid = false;
    for (Object a : column("aGrid", 0)) {
      if (a == null) {
        nullGrid = true;
        continue;
      }
      int[][] g = (int[][]) a;
      Set<Integer> rowLengths = new HashSet<>();
      for (int[] row : g) {
        if (row == null) {
          nullRow = true;
        } else {
          rowLengths.add(row.length);
        }
      }
      if (g.length > 1 && rowLengths.size() > 1) {
        jagged = true;
      } else if (g.length > 1 && rowLengths.size() == 1 && rowLengths.iterator().next() > 0) {
        rectangular = true;
      }
    }
    assertTrue(rectangular, "no rectangular grid");
    assertTrue(jagged, "no jagged grid");
    assertTrue(nullRow, "no null row");
    assertTrue(nullGrid, "no null grid");
  }

  @Test
  void nonNullGridsHaveNoNullRows() {
    for (Object a : column("aNonNullGrid", 0)) {
      assertNotNull(a, "@NonNull grid was null");
      for (double[] row : (double[][]) a) {
        assertNotNull(row, "@NonNull grid had a null row");
      }
    }
  }

  // ---------------------------------------------------------------- determinism

  @Test
  void sameMethodSameInputs() {
    for (String name : List.of("mixed", "aGrid", "aDouble")) {
      List<Object[]> a = InputGenerator.inputs(method(name), N);
      List<Object[]> b = InputGenerator.inputs(method(name), N);
      for (int i = 0; i < N; i++) {
        assertTrue(Values.same(a.get(i), b.get(i)), name + " #" + i + ": "
            + Values.showArgs(a.get(i)) + " vs " + Values.showArgs(b.get(i)));
      }
    }
    // asking for fewer inputs gives a prefix of the longer list
    List<Object[]> few = InputGenerator.inputs(method("mixed"), 20);
    List<Object[]> many = InputGenerator.inputs(method("mixed"), N);
    for (int i = 0; i < few.size(); i++) {
      assertTrue(Values.same(few.get(i), many.get(i)), "prefix differs at #" + i);
    }
  }
}
