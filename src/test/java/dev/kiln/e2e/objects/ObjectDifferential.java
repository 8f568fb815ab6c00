package dev.kiln.e2e.objects;

import dev.kiln.Dispatcher;
import dev.kiln.e2e.Corpora;
import dev.kiln.e2e.InputGenerator;
import dev.kiln.e2e.StaticState;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a method's original (reflection; for an instance method on argument 0) and its compiled
 * form (the dispatcher, receiver first) on separately made, equal arguments
 * ({@link ObjectInputs.Input#fresh()}), and compares: the result ({@link ObjectValues#same}), or
 * the exception's class and message (NullPointerException: class only); the arguments and
 * receiver afterwards (objects mutated in place); the owner's static fields afterwards; and
 * that the compiled run left no monitor held on the receiver, an argument, or the owner's
 * class object.
 */
public final class ObjectDifferential {
  private ObjectDifferential() {}

  /** What one run did. */
  public record Outcome(Object result, Throwable thrown, Object[] argsAfter,
                        Map<String, Object> staticsAfter, List<String> heldMonitors) {
    public String describe() {
      return thrown != null ? "threw " + ObjectValues.showThrowable(thrown)
          : "returned " + ObjectValues.show(result);
    }
  }

  public static Outcome runOriginal(Method m, Object[] args) {
    boolean isStatic = Modifier.isStatic(m.getModifiers());
    Object receiver = isStatic ? null : args[0];
    Object[] rest = isStatic ? args : Arrays.copyOfRange(args, 1, args.length);
    try {
      return new Outcome(m.invoke(receiver, rest), null, args, Map.of(), List.of());
    } catch (InvocationTargetException e) {
      return new Outcome(null, e.getCause(), args, Map.of(), List.of());
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  public static Outcome runCompiled(Dispatcher d, Method m, Object[] args) {
    Object result = null;
    Throwable thrown = null;
    try {
      result = d.invoke(args);
    } catch (Throwable t) {
      thrown = t;
    }
    return new Outcome(result, thrown, args, Map.of(), heldMonitors(m, args));
  }

  /** Through {@link Dispatcher#handle()}: the inline cache, its guards and relinking. */
  public static Outcome runThroughHandle(Dispatcher d, Method m, Object[] args) {
    Object result = null;
    Throwable thrown = null;
    try {
      result = d.handle().invokeWithArguments(args);
    } catch (Throwable t) {
      thrown = t;
    }
    return new Outcome(result, thrown, args, Map.of(), heldMonitors(m, args));
  }

  /** Monitors the current thread still holds after a call: on the arguments (receiver
   * included), on the owner's class object, on the owner's static lock objects. */
  public static List<String> heldMonitors(Method m, Object[] args) {
    List<String> held = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i] != null && Thread.holdsLock(args[i])) {
        held.add("argument " + i);
      }
    }
    Class<?> owner = m.getDeclaringClass();
    if (Thread.holdsLock(owner)) {
      held.add(owner.getSimpleName() + ".class");
    }
    for (Class<?> nested : owner.getDeclaredClasses()) {
      if (Thread.holdsLock(nested)) {
        held.add(nested.getSimpleName() + ".class");
      }
    }
    for (java.lang.reflect.Field f : owner.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers())
          && !f.getType().isPrimitive()) {
        try {
          f.setAccessible(true);
          Object v = f.get(null);
          if (v != null && Thread.holdsLock(v)) {
            held.add("static " + f.getName());
          }
        } catch (IllegalAccessException | RuntimeException e) {
          // not readable: not checked
        }
      }
    }
    return held;
  }

  private static Outcome withStatics(Outcome o, Map<String, Object> statics) {
    return new Outcome(o.result(), o.thrown(), o.argsAfter(), statics, o.heldMonitors());
  }

  /** Differences between two outcomes of the same input, one line each; empty if none. */
  public static List<String> compare(Outcome expected, Outcome actual) {
    List<String> diffs = new ArrayList<>();
    Throwable e = expected.thrown();
    Throwable a = actual.thrown();
    if (e == null && a == null) {
      if (!ObjectValues.same(expected.result(), actual.result())) {
        diffs.add("result: expected " + ObjectValues.show(expected.result()) + ", actual "
            + ObjectValues.show(actual.result()));
      }
    } else if (e == null || a == null || e.getClass() != a.getClass()) {
      diffs.add("outcome: expected " + expected.describe() + ", actual " + actual.describe()
          + (a != null ? "\n" + stackOf(a) : ""));
    } else if (!(e instanceof NullPointerException)
        && !Objects.equals(e.getMessage(), a.getMessage())) {
      diffs.add("exception message: expected " + ObjectValues.showThrowable(e) + ", actual "
          + ObjectValues.showThrowable(a));
    }
    Object[] ea = expected.argsAfter();
    Object[] aa = actual.argsAfter();
    for (int i = 0; i < ea.length; i++) {
      if (!ObjectValues.same(ea[i], aa[i])) {
        diffs.add("argument " + i + " afterwards: expected " + ObjectValues.show(ea[i])
            + ", actual " + ObjectValues.show(aa[i]));
      }
    }
    String statics = StaticState.diff(expected.staticsAfter(), actual.staticsAfter());
    if (!statics.isEmpty()) {
      diffs.add("static fields afterwards:" + statics);
    }
    if (!actual.heldMonitors().isEmpty()) {
      diffs.add("monitors still held after the compiled call: " + actual.heldMonitors());
    }
    return diffs;
  }

  static String stackOf(Throwable t) {
    StringBuilder sb = new StringBuilder("      ").append(t);
    StackTraceElement[] st = t.getStackTrace();
    for (int i = 0; i < Math.min(st.length, 8); i++) {
      sb.append("\n        at ").append(st[i]);
    }
    Throwable c = t.getCause();
    for (int depth = 0; c != null && depth < 4; depth++, c = c.getCause()) {
      sb.append("\n      caused by ").append(c);
      StackTraceElement[] cs = c.getStackTrace();
      for (int i = 0; i < Math.min(cs.length, 3); i++) {
        sb.append("\n        at ").append(cs[i]);
      }
    }
    return sb.toString();
  }

  /**
   * Checks {@code m} against {@code d} on every input; returns a report of the failing inputs
   * (a few in full, and how many failed), or null when all agree.
   */
  public static String check(Method m, Dispatcher d, List<ObjectInputs.Input> inputs) {
    StaticState statics = new StaticState(m.getDeclaringClass());
    Map<String, Object> initial = statics.capture();
    StringBuilder report = new StringBuilder();
    int failures = 0;
    int stoppedAt = -1;
    try {
      for (int k = 0; k < inputs.size(); k++) {
        ObjectInputs.Input input = inputs.get(k);
        String shown = ObjectValues.showArgs(input.fresh());
        statics.restore(initial);
        Outcome expected = withStatics(runOriginal(m, input.fresh()), statics.capture());
        statics.restore(initial);
        Outcome actual = withStatics(runCompiled(d, m, input.fresh()), statics.capture());
        List<String> diffs = compare(expected, actual);
        statics.restore(initial);
        Outcome viaHandle = withStatics(runThroughHandle(d, m, input.fresh()), statics.capture());
        for (String diff : compare(expected, viaHandle)) {
          diffs.add("through handle(): " + diff);
        }
        if (!diffs.isEmpty()) {
          failures++;
          if (failures <= 3) {
            report.append("\n  input #").append(k).append(' ').append(shown)
                .append("\n    expected ").append(expected.describe())
                .append("\n    actual   ").append(actual.describe());
            for (String diff : diffs) {
              report.append("\n    ").append(diff);
            }
          }
          if (actual.thrown() instanceof dev.kiln.frontend.CompileError && failures >= 3) {
            stoppedAt = k + 1;
            break; // the same refusal on every input: no need to repeat it
          }
        }
      }
    } finally {
      statics.restore(initial);
    }
    if (failures == 0) {
      return null;
    }
    return Corpora.display(m) + " [Kiln.jit spec \"" + Corpora.spec(m)
        + "\", seed " + InputGenerator.SEED + "]: compiled code differs from the original on "
        + failures + " of " + (stoppedAt < 0 ? inputs.size() + " inputs"
            : stoppedAt + " inputs (stopped: Kiln refused to compile)") + report
        + (failures > 3 ? "\n  ... and " + (failures - 3) + " more" : "");
  }
}
