package dev.kiln.e2e;

import dev.kiln.Dispatcher;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a method's original (reflection, on one deep copy of the arguments) against its
 * compiled form (the dispatcher's {@code invoke}; its {@code handle()}, the inline cache that
 * the agent's call sites use; and a typed entry of {@code as()}, each on another deep copy) and
 * compares the outcomes: the
 * result, or the exception's class and message (NullPointerException: class only, its helpful
 * message names locals); the arguments afterwards (arrays mutated in place); and the owner's
 * static fields afterwards.
 */
public final class Differential {
  private Differential() {}

  /** What one run did. */
  public record Outcome(Object result, Throwable thrown, Object[] argsAfter,
                        Map<String, Object> staticsAfter) {
    String describe() {
      return thrown != null ? "threw " + Values.showThrowable(thrown)
          : "returned " + Values.show(result);
    }
  }

  public static Outcome runOriginal(Method m, Object[] args) {
    Object[] copy = Values.deepCopyAll(args);
    try {
      return new Outcome(m.invoke(null, copy), null, copy, Map.of());
    } catch (InvocationTargetException e) {
      return new Outcome(null, e.getCause(), copy, Map.of());
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  public static Outcome runCompiled(Dispatcher d, Object[] args) {
    Object[] copy = Values.deepCopyAll(args);
    try {
      return new Outcome(d.invoke(copy), null, copy, Map.of());
    } catch (Throwable t) {
      return new Outcome(null, t, copy, Map.of());
    }
  }

  /** Through {@link Dispatcher#handle()}: the inline cache, its guards and relinking. */
  public static Outcome runThroughHandle(Dispatcher d, Object[] args) {
    Object[] copy = Values.deepCopyAll(args);
    try {
      return new Outcome(d.handle().invokeWithArguments(copy), null, copy, Map.of());
    } catch (Throwable t) {
      return new Outcome(null, t, copy, Map.of());
    }
  }

  /** Through a typed entry ({@link Dispatcher#as}) with the method's own signature. */
  public static Outcome runThroughEntry(Method m, Dispatcher d, Object[] args) {
    Object[] copy = Values.deepCopyAll(args);
    try {
      return new Outcome(TypedEntries.of(m, d).invokeWithArguments(copy), null, copy, Map.of());
    } catch (Throwable t) {
      return new Outcome(null, t, copy, Map.of());
    }
  }

  private static Outcome withStatics(Outcome o, Map<String, Object> statics) {
    return new Outcome(o.result(), o.thrown(), o.argsAfter(), statics);
  }

  /** Differences between two outcomes of the same inputs, one line each; empty if none. */
  public static List<String> compare(Outcome expected, Outcome actual) {
    List<String> diffs = new ArrayList<>();
    Throwable e = expected.thrown();
    Throwable a = actual.thrown();
    if (e == null && a == null) {
      if (!Values.same(expected.result(), actual.result())) {
        diffs.add("result: expected " + Values.show(expected.result()) + typeOf(expected.result())
            + ", actual " + Values.show(actual.result()) + typeOf(actual.result()));
      }
    } else if (e == null || a == null || e.getClass() != a.getClass()) {
      diffs.add("outcome: expected " + expected.describe() + ", actual " + actual.describe()
          + (a != null ? "\n" + stackOf(a) : ""));
    } else if (!(e instanceof NullPointerException)
        && !Objects.equals(e.getMessage(), a.getMessage())) {
      diffs.add("exception message: expected " + Values.showThrowable(e) + ", actual "
          + Values.showThrowable(a));
    }
    Object[] ea = expected.argsAfter();
    Object[] aa = actual.argsAfter();
    for (int i = 0; i < ea.length; i++) {
      if (!Values.same(ea[i], aa[i])) {
        diffs.add("argument " + i + " afterwards: expected " + Values.show(ea[i]) + ", actual "
            + Values.show(aa[i]));
      }
    }
    String statics = StaticState.diff(expected.staticsAfter(), actual.staticsAfter());
    if (!statics.isEmpty()) {
      diffs.add("static fields afterwards:" + statics);
    }
    return diffs;
  }

  private static String typeOf(Object v) {
    return v == null ? "" : " (" + v.getClass().getSimpleName() + ")";
  }

  private static String stackOf(Throwable t) {
    StringBuilder sb = new StringBuilder("      ").append(t);
    StackTraceElement[] st = t.getStackTrace();
    for (int i = 0; i < Math.min(st.length, 8); i++) {
      sb.append("\n        at ").append(st[i]);
    }
    return sb.toString();
  }

  /**
   * Checks {@code m} against {@code d} on every input; returns a report of the failing inputs
   * (at most a few in full, and how many failed), or null when all agree.
   */
  public static String check(Method m, Dispatcher d, List<Object[]> inputs) {
    StaticState statics = new StaticState(m.getDeclaringClass());
    Map<String, Object> initial = statics.capture();
    StringBuilder report = new StringBuilder();
    int failures = 0;
    try {
      for (int k = 0; k < inputs.size(); k++) {
        Object[] args = inputs.get(k);
        statics.restore(initial);
        Outcome expected = withStatics(runOriginal(m, args), statics.capture());
        statics.restore(initial);
        Outcome actual = withStatics(runCompiled(d, args), statics.capture());
        List<String> diffs = compare(expected, actual);
        statics.restore(initial);
        Outcome viaHandle = withStatics(runThroughHandle(d, args), statics.capture());
        for (String diff : compare(expected, viaHandle)) {
          diffs.add("through handle(): " + diff);
        }
        statics.restore(initial);
        Outcome viaEntry = withStatics(runThroughEntry(m, d, args), statics.capture());
        for (String diff : compare(expected, viaEntry)) {
          diffs.add("through a typed entry: " + diff);
        }
        if (!diffs.isEmpty()) {
          failures++;
          if (failures <= 3) {
            report.append("\n  input #").append(k).append(' ').append(Values.showArgs(args))
                .append("\n    expected ").append(expected.describe())
                .append("\n    actual   ").append(actual.describe());
            for (String diff : diffs) {
              report.append("\n    ").append(diff);
            }
          }
        }
      }
    } finally {
      statics.restore(initial);
    }
    if (failures == 0) {
      return null;
    }
    return Corpora.display(m) + " [Kiln.jit spec \"" + Corpora.spec(m) + "\", seed "
        + InputGenerator.SEED + "]: compiled code differs from the original on " + failures
        + " of " + inputs.size() + " inputs" + report
        + (failures > 3 ? "\n  ... and " + (failures - 3) + " more" : "");
  }
}
