package dev.kiln.bench;

import java.lang.reflect.Array;
import java.util.Objects;

/**
 * Whether Kiln's answer is the plain method's answer. Kiln is exact by default, so the test is
 * equality, not tolerance: integers equal, doubles bit for bit ({@link Double#equals}, which
 * tells {@code -0.0} from {@code 0.0}), arrays element by element, nested arrays deeply.
 */
public final class Agreement {
  private Agreement() {}

  /** {@code true} when the two results are the same value, bit for bit. */
  public static boolean same(Object plain, Object kiln) {
    return Objects.deepEquals(plain, kiln);
  }

  /**
   * Throws unless the results agree; benchmarks call it in their setup, since timing a wrong
   * answer measures nothing.
   */
  public static void require(String kernel, Object plain, Object kiln) {
    if (!same(plain, kiln)) {
      throw new IllegalStateException(kernel + ": Kiln's result differs from the plain method's "
          + difference(plain, kiln));
    }
  }

  /**
   * Where two results first differ, e.g. {@code "at [1][37]: Kiln 12 vs plain 0"}; {@code null}
   * when they agree.
   */
  public static String difference(Object plain, Object kiln) {
    return difference("", plain, kiln);
  }

  private static String difference(String path, Object plain, Object kiln) {
    if (plain != null && kiln != null && plain.getClass().isArray()
        && plain.getClass() == kiln.getClass()) {
      int n = Array.getLength(plain);
      if (n != Array.getLength(kiln)) {
        return "at " + where(path) + ": Kiln has " + Array.getLength(kiln)
            + " elements, plain " + n;
      }
      for (int i = 0; i < n; i++) {
        String d = difference(path + "[" + i + "]", Array.get(plain, i), Array.get(kiln, i));
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (Objects.equals(plain, kiln)) {
      return null;
    }
    return "at " + where(path) + ": Kiln " + show(kiln) + " vs plain " + show(plain);
  }

  private static String where(String path) {
    return path.isEmpty() ? "the result" : path;
  }

  private static String show(Object v) {
    if (v instanceof Double d) {
      return d + " (bits 0x" + Long.toHexString(Double.doubleToRawLongBits(d)) + ")";
    }
    return v == null ? "null" : v + " (" + v.getClass().getSimpleName() + ")";
  }
}
