package dev.kiln.e2e;

import dev.kiln.Dispatcher;
import dev.kiln.Jit;
import dev.kiln.Kiln;
import dev.kiln.e2e.corpus.ArithmeticCorpus;
import dev.kiln.e2e.corpus.ArrayCorpus;
import dev.kiln.e2e.corpus.BitCorpus;
import dev.kiln.e2e.corpus.CallCorpus;
import dev.kiln.e2e.corpus.ControlCorpus;
import dev.kiln.e2e.corpus.ConversionCorpus;
import dev.kiln.e2e.corpus.EagerCorpus;
import dev.kiln.e2e.corpus.ExceptionCorpus;
import dev.kiln.e2e.corpus.FloatCorpus;
import dev.kiln.e2e.corpus.MultiArrayCorpus;
import dev.kiln.e2e.corpus.SortSearchCorpus;
import dev.kiln.e2e.corpus.StaticFieldCorpus;
import dev.kiln.e2e.corpus.SwitchCorpus;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The corpus classes of the differential suite and how to reach the methods of any corpus (the
 * object-model suite's, {@code ObjectCorpora}, too): specs for {@code Kiln.jit}, display names,
 * lookups and one dispatcher per method for the whole test run.
 */
public final class Corpora {
  private Corpora() {}

  /** Every class whose {@code @Jit} static methods are checked against the original. */
  public static final List<Class<?>> DIFFERENTIAL = List.of(
      ArithmeticCorpus.class,
      BitCorpus.class,
      ConversionCorpus.class,
      FloatCorpus.class,
      ArrayCorpus.class,
      MultiArrayCorpus.class,
      ControlCorpus.class,
      SwitchCorpus.class,
      ExceptionCorpus.class,
      CallCorpus.class,
      SortSearchCorpus.class,
      StaticFieldCorpus.class,
      EagerCorpus.class);

  /** The {@code @Jit} static methods of {@code owner}, in a stable order (name, then arity). */
  public static List<Method> jitMethods(Class<?> owner) {
    return methods(owner, false);
  }

  /** The {@code @Jit} methods of {@code owner}, static and instance, in a stable order. */
  public static List<Method> allJitMethods(Class<?> owner) {
    return methods(owner, true);
  }

  private static List<Method> methods(Class<?> owner, boolean withInstance) {
    List<Method> out = new ArrayList<>();
    for (Method m : owner.getDeclaredMethods()) {
      if (m.isAnnotationPresent(Jit.class) && !m.isSynthetic() && !m.isBridge()
          && (withInstance || Modifier.isStatic(m.getModifiers()))) {
        m.setAccessible(true);
        out.add(m);
      }
    }
    out.sort(Comparator.comparing(Method::getName)
        .thenComparing(m -> Arrays.toString(m.getParameterTypes())));
    return out;
  }

  public static List<Method> allDifferentialMethods() {
    List<Method> out = new ArrayList<>();
    for (Class<?> c : DIFFERENTIAL) {
      out.addAll(jitMethods(c));
    }
    return out;
  }

  /** The method as {@code Kiln.jit} takes it: its name, with parameter types (binary names) if
   * the name is overloaded in its class, e.g. {@code "scale(double)"}. */
  public static String spec(Method m) {
    long sameName = Arrays.stream(m.getDeclaringClass().getDeclaredMethods())
        .filter(o -> o.getName().equals(m.getName()) && !o.isSynthetic() && !o.isBridge())
        .count();
    if (sameName <= 1) {
      return m.getName();
    }
    return m.getName() + "(" + Arrays.stream(m.getParameterTypes())
        .map(Corpora::typeName).collect(Collectors.joining(", ")) + ")";
  }

  private static String typeName(Class<?> c) {
    return c.isArray() ? typeName(c.getComponentType()) + "[]" : c.getName();
  }

  /** {@code Class.method(types)}, {@code Class#method(types)} for instance methods. */
  public static String display(Method m) {
    boolean isStatic = Modifier.isStatic(m.getModifiers());
    return m.getDeclaringClass().getSimpleName() + (isStatic ? "." : "#") + m.getName() + "("
        + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
            .collect(Collectors.joining(", ")) + ")";
  }

  /** The corpus class's own {@code LOOKUP} field (a lookup made inside it), else a private
   * lookup into it. */
  public static MethodHandles.Lookup lookup(Class<?> owner) {
    try {
      Field f = owner.getDeclaredField("LOOKUP");
      f.setAccessible(true);
      return (MethodHandles.Lookup) f.get(null);
    } catch (NoSuchFieldException e) {
      try {
        return MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
      } catch (IllegalAccessException ex) {
        throw new AssertionError(ex);
      }
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  private static final Map<Method, Dispatcher> DISPATCHERS = new ConcurrentHashMap<>();

  /** The dispatcher of {@code m} through the public API, made once per method for the whole
   * suite (tests that need a fresh one call {@link Kiln#jit} themselves). */
  public static Dispatcher jit(Method m) {
    Dispatcher d = DISPATCHERS.get(m);
    if (d == null) {
      Class<?> owner = m.getDeclaringClass();
      d = Kiln.jit(lookup(owner), owner, spec(m));
      Dispatcher raced = DISPATCHERS.putIfAbsent(m, d);
      if (raced != null) {
        d = raced;
      }
    }
    return d;
  }
}
