package dev.kiln.e2e;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mutable static state of a corpus class: its non-final static fields, and the contents of
 * its final static arrays. The harness snapshots it before a trial, captures it after the
 * original ran, restores the snapshot, runs the compiled code, captures again and compares, so
 * methods that read and write static fields are deterministic trial by trial and their effects
 * on static fields are checked like their results.
 */
public final class StaticState {
  private final List<Field> fields = new ArrayList<>();

  public StaticState(Class<?> owner) {
    for (Field f : owner.getDeclaredFields()) {
      int m = f.getModifiers();
      if (!Modifier.isStatic(m) || f.isSynthetic()) {
        continue;
      }
      boolean fin = Modifier.isFinal(m);
      Class<?> t = f.getType();
      if (fin && !t.isArray()) {
        continue; // constants and LOOKUP: immutable
      }
      if (!fin && !t.isPrimitive() && !t.isArray() && t != String.class) {
        continue; // not part of this corpus's scope
      }
      f.setAccessible(true);
      fields.add(f);
    }
  }

  public boolean isEmpty() {
    return fields.isEmpty();
  }

  /** Deep copies of every tracked field's value, by field name. */
  public Map<String, Object> capture() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Field f : fields) {
      try {
        out.put(f.getName(), Values.deepCopy(f.get(null)));
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
    }
    return out;
  }

  /** Puts a captured state back: non-final fields are set, final arrays are refilled in place. */
  public void restore(Map<String, Object> state) {
    for (Field f : fields) {
      Object saved = state.get(f.getName());
      try {
        if (Modifier.isFinal(f.getModifiers())) {
          refill(f.get(null), saved);
        } else {
          f.set(null, Values.deepCopy(saved));
        }
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
    }
  }

  private static void refill(Object target, Object saved) {
    if (target == null || saved == null) {
      return;
    }
    int n = Math.min(Array.getLength(target), Array.getLength(saved));
    Class<?> component = target.getClass().getComponentType();
    if (component.isPrimitive()) {
      System.arraycopy(saved, 0, target, 0, n);
      return;
    }
    for (int i = 0; i < n; i++) {
      Object t = Array.get(target, i);
      Object s = Array.get(saved, i);
      if (t != null && s != null && t.getClass().isArray()
          && Array.getLength(t) == Array.getLength(s)) {
        refill(t, s);
      } else {
        Array.set(target, i, Values.deepCopy(s));
      }
    }
  }

  /** Names and values of fields whose values differ between two captures, or "" if none. */
  public static String diff(Map<String, Object> expected, Map<String, Object> actual) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Object> e : expected.entrySet()) {
      Object a = actual.get(e.getKey());
      if (!Values.same(e.getValue(), a)) {
        sb.append("\n    static ").append(e.getKey()).append(": expected ")
            .append(Values.show(e.getValue())).append(", actual ").append(Values.show(a));
      }
    }
    return sb.toString();
  }
}
