package dev.kiln.e2e;

import java.lang.reflect.Array;
import java.util.Arrays;

/** Deep copies, exact comparison and readable printing of argument and result values. */
public final class Values {
  private Values() {}

  /** A deep copy: arrays (of any rank) are copied element by element, null rows stay null;
   * everything else (boxed primitives, strings) is immutable and shared. */
  public static Object deepCopy(Object v) {
    if (v == null || !v.getClass().isArray()) {
      return v;
    }
    int n = Array.getLength(v);
    Class<?> component = v.getClass().getComponentType();
    Object copy = Array.newInstance(component, n);
    if (component.isPrimitive()) {
      System.arraycopy(v, 0, copy, 0, n);
    } else {
      for (int i = 0; i < n; i++) {
        Array.set(copy, i, deepCopy(Array.get(v, i)));
      }
    }
    return copy;
  }

  public static Object[] deepCopyAll(Object[] args) {
    Object[] out = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      out[i] = deepCopy(args[i]);
    }
    return out;
  }

  /**
   * Exact equality: same class, and for floating-point values {@link Double#equals} /
   * {@link Float#equals} semantics (NaN equals NaN, 0.0 differs from -0.0); arrays are compared
   * element by element, recursively, and must have the same runtime type.
   */
  public static boolean same(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null || a.getClass() != b.getClass()) {
      return false;
    }
    if (!a.getClass().isArray()) {
      return a.equals(b); // Double.equals/Float.equals compare bit patterns (NaN canonical)
    }
    int n = Array.getLength(a);
    if (n != Array.getLength(b)) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (!same(Array.get(a, i), Array.get(b, i))) {
        return false;
      }
    }
    return true;
  }

  /** Like {@link Arrays#deepToString}, but says what type each value has. */
  public static String show(Object v) {
    StringBuilder sb = new StringBuilder();
    show(v, sb, true);
    return sb.toString();
  }

  public static String showArgs(Object[] args) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < args.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      show(args[i], sb, true);
    }
    return sb.append(')').toString();
  }

  private static void show(Object v, StringBuilder sb, boolean typed) {
    if (v == null) {
      sb.append("null");
    } else if (v.getClass().isArray()) {
      if (typed) {
        sb.append(v.getClass().getComponentType().getCanonicalName()).append("[]");
      }
      sb.append('{');
      int n = Array.getLength(v);
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          sb.append(", ");
        }
        show(Array.get(v, i), sb, false);
      }
      sb.append('}');
    } else if (v instanceof Float f) {
      sb.append(showFloat(f));
    } else if (v instanceof Double d) {
      sb.append(showDouble(d));
    } else if (v instanceof Long l) {
      sb.append(l).append('L');
    } else if (v instanceof Byte b) {
      sb.append(typed ? "(byte)" : "").append(b);
    } else if (v instanceof Short s) {
      sb.append(typed ? "(short)" : "").append(s);
    } else if (v instanceof Character c) {
      sb.append(String.format("'\\u%04x'", (int) c));
    } else if (v instanceof String s) {
      sb.append('"').append(s).append('"');
    } else {
      sb.append(v);
    }
  }

  private static String showDouble(double d) {
    if (Double.isNaN(d)) {
      long bits = Double.doubleToRawLongBits(d);
      return bits == Double.doubleToLongBits(Double.NaN) ? "NaN"
          : "NaN(0x" + Long.toHexString(bits) + ")";
    }
    return Double.toString(d);
  }

  private static String showFloat(float f) {
    if (Float.isNaN(f)) {
      int bits = Float.floatToRawIntBits(f);
      return (bits == Float.floatToIntBits(Float.NaN) ? "NaN"
          : "NaN(0x" + Integer.toHexString(bits) + ")") + "f";
    }
    return Float.toString(f) + "f";
  }

  /** A throwable as {@code class: message}. */
  public static String showThrowable(Throwable t) {
    return t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }
}
