package dev.kiln.e2e.objects;

import dev.kiln.e2e.Values;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Equality and printing of results and arguments that may be objects. Two values are the same
 * when they have the same class and:
 * <ul>
 *   <li>boxes, strings, enums, {@code BigInteger}s: {@code equals} (so {@code Double} NaN
 *       equals NaN and {@code 0.0} differs from {@code -0.0});
 *   <li>arrays: the same runtime type and the same elements, recursively;
 *   <li>records: the same components, recursively (so a record holding an array compares the
 *       array's contents);
 *   <li>{@code StringBuilder}/{@code StringBuffer}: the same text;
 *   <li>lists and other ordered collections: the same elements in order; sets and maps:
 *       {@code equals};
 *   <li>throwables: the same class and message;
 *   <li>other classes of the corpus: {@code equals} if they override it, else the same fields,
 *       recursively (to a bounded depth);
 *   <li>other JDK classes: the same {@code toString()} if they override it.
 * </ul>
 */
public final class ObjectValues {
  private ObjectValues() {}

  private static final int MAX_DEPTH = 8;

  public static boolean same(Object a, Object b) {
    return same(a, b, 0);
  }

  private static boolean same(Object a, Object b, int depth) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null || a.getClass() != b.getClass()) {
      return false;
    }
    if (depth > MAX_DEPTH) {
      return true; // deep enough: cyclic structures are compared down to here
    }
    Class<?> c = a.getClass();
    if (c.isArray()) {
      int n = Array.getLength(a);
      if (n != Array.getLength(b)) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        if (!same(Array.get(a, i), Array.get(b, i), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Number || a instanceof String || a instanceof Boolean
        || a instanceof Character || a instanceof Enum<?> || a instanceof Class<?>) {
      return a.equals(b);
    }
    if (c.isRecord()) {
      for (RecordComponent rc : c.getRecordComponents()) {
        try {
          rc.getAccessor().setAccessible(true);
          if (!same(rc.getAccessor().invoke(a), rc.getAccessor().invoke(b), depth + 1)) {
            return false;
          }
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
      return true;
    }
    if (a instanceof CharSequence) {
      return a.toString().equals(b.toString());
    }
    if (a instanceof Throwable ta) {
      Throwable tb = (Throwable) b;
      return java.util.Objects.equals(ta.getMessage(), tb.getMessage());
    }
    if (a instanceof Set<?> || a instanceof Map<?, ?> && !(a instanceof java.util.SortedMap<?, ?>
        || a instanceof java.util.LinkedHashMap<?, ?>)) {
      return a.equals(b);
    }
    if (a instanceof Map<?, ?> ma) {
      return sameSequence(ma.entrySet().iterator(), ((Map<?, ?>) b).entrySet().iterator(),
          depth);
    }
    if (a instanceof Map.Entry<?, ?> ea) {
      Map.Entry<?, ?> eb = (Map.Entry<?, ?>) b;
      return same(ea.getKey(), eb.getKey(), depth + 1)
          && same(ea.getValue(), eb.getValue(), depth + 1);
    }
    if (a instanceof Collection<?> ca) {
      return ca.size() == ((Collection<?>) b).size()
          && sameSequence(ca.iterator(), ((Collection<?>) b).iterator(), depth);
    }
    if (c.getName().startsWith("java.") || c.getName().startsWith("javax.")) {
      return !overrides(c, "toString") || a.toString().equals(b.toString());
    }
    if (overrides(c, "equals", Object.class)) {
      return a.equals(b);
    }
    for (Field f : instanceFields(c)) {
      try {
        if (!same(f.get(a), f.get(b), depth + 1)) {
          return false;
        }
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
    }
    return true;
  }

  private static boolean sameSequence(Iterator<?> x, Iterator<?> y, int depth) {
    while (x.hasNext() && y.hasNext()) {
      if (!same(x.next(), y.next(), depth + 1)) {
        return false;
      }
    }
    return x.hasNext() == y.hasNext();
  }

  private static boolean overrides(Class<?> c, String name, Class<?>... params) {
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      try {
        k.getDeclaredMethod(name, params);
        return true;
      } catch (NoSuchMethodException ignored) {
        // look further up
      }
    }
    return false;
  }

  private static List<Field> instanceFields(Class<?> c) {
    List<Field> out = new ArrayList<>();
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      if (k.getName().startsWith("java.")) {
        break;
      }
      for (Field f : k.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers())) {
          f.setAccessible(true);
          out.add(f);
        }
      }
    }
    return out;
  }

  /** A readable form of {@code v} saying what type it has. */
  public static String show(Object v) {
    StringBuilder sb = new StringBuilder();
    show(v, sb, 0);
    return sb.toString();
  }

  public static String showArgs(Object[] args) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < args.length; i++) {
      sb.append(i == 0 ? "" : ", ");
      show(args[i], sb, 0);
    }
    return sb.append(')').toString();
  }

  private static void show(Object v, StringBuilder sb, int depth) {
    if (v == null) {
      sb.append("null");
      return;
    }
    Class<?> c = v.getClass();
    if (depth > 4) {
      sb.append("...");
      return;
    }
    if (c.isArray()) {
      if (c.getComponentType().isPrimitive()) {
        sb.append(Values.show(v));
        return;
      }
      sb.append(c.getComponentType().getSimpleName()).append("[]{");
      for (int i = 0; i < Array.getLength(v); i++) {
        sb.append(i == 0 ? "" : ", ");
        show(Array.get(v, i), sb, depth + 1);
      }
      sb.append('}');
    } else if (v instanceof Number || v instanceof Boolean || v instanceof Character
        || v instanceof String) {
      if (v instanceof Integer || v instanceof String || v instanceof Boolean) {
        sb.append(Values.show(v));
      } else {
        sb.append(Values.show(v)).append(" (").append(c.getSimpleName()).append(')');
      }
    } else if (v instanceof CharSequence || v instanceof Collection<?> || v instanceof Map<?, ?>
        || v instanceof Enum<?> || c.isRecord() || v instanceof Throwable) {
      String s;
      try {
        s = String.valueOf(v);
      } catch (RuntimeException e) {
        s = "<toString threw " + e + ">";
      }
      sb.append(c.getSimpleName()).append(' ').append(s.length() > 300 ? s.substring(0, 300)
          + "..." : s);
    } else if (c.getName().startsWith("java.") || overrides(c, "toString")) {
      sb.append(c.getSimpleName()).append(' ').append(v);
    } else {
      sb.append(c.getSimpleName()).append('{');
      boolean first = true;
      for (Field f : instanceFields(c)) {
        sb.append(first ? "" : ", ").append(f.getName()).append('=');
        first = false;
        try {
          show(f.get(v), sb, depth + 1);
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
      sb.append('}');
    }
  }

  /** A throwable as {@code class: message}. */
  public static String showThrowable(Throwable t) {
    return Values.showThrowable(t);
  }
}
