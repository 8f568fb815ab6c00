package dev.kiln.e2e.objects;

import dev.kiln.Dispatcher;
import dev.kiln.Jit;
import dev.kiln.Kiln;
import dev.kiln.e2e.Corpora;
import dev.kiln.e2e.objects.corpus.AnimalCorpus;
import dev.kiln.e2e.objects.corpus.BoxingCorpus;
import dev.kiln.e2e.objects.corpus.ClassModelCorpus;
import dev.kiln.e2e.objects.corpus.CollectionCorpus;
import dev.kiln.e2e.objects.corpus.EnumCorpus;
import dev.kiln.e2e.objects.corpus.ExceptionFlowCorpus;
import dev.kiln.e2e.objects.corpus.InstanceCorpus;
import dev.kiln.e2e.objects.corpus.LambdaCorpus;
import dev.kiln.e2e.objects.corpus.MonitorCorpus;
import dev.kiln.e2e.objects.corpus.PolymorphicCorpus;
import dev.kiln.e2e.objects.corpus.RecordCorpus;
import dev.kiln.e2e.objects.corpus.ShapeCorpus;
import dev.kiln.e2e.objects.corpus.StringCorpus;
import dev.kiln.e2e.objects.corpus.SwitchExprCorpus;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The corpus classes of the object-model differential suite ({@code dev.kiln.e2e.objects}) and
 * how to reach their methods. Unlike {@link Corpora}, instance methods are included: their
 * dispatcher takes the receiver as argument 0.
 */
public final class ObjectCorpora {
  private ObjectCorpora() {}

  /** Every class whose {@code @Jit} methods (static and instance) are checked. */
  public static final List<Class<?>> DIFFERENTIAL = List.of(
      ShapeCorpus.class,
      PolymorphicCorpus.class,
      BoxingCorpus.class,
      RecordCorpus.class,
      EnumCorpus.class,
      SwitchExprCorpus.class,
      StringCorpus.class,
      CollectionCorpus.class,
      LambdaCorpus.class,
      ExceptionFlowCorpus.class,
      MonitorCorpus.class,
      ClassModelCorpus.class,
      InstanceCorpus.class,
      AnimalCorpus.class);

  /** The {@code @Jit} methods of {@code owner}, static and instance, in a stable order. */
  public static List<Method> jitMethods(Class<?> owner) {
    List<Method> out = new ArrayList<>();
    for (Method m : owner.getDeclaredMethods()) {
      if (m.isAnnotationPresent(Jit.class) && !m.isSynthetic() && !m.isBridge()) {
        m.setAccessible(true);
        out.add(m);
      }
    }
    out.sort(Comparator.comparing(Method::getName)
        .thenComparing(m -> Arrays.toString(m.getParameterTypes())));
    return out;
  }

  public static List<Method> allMethods() {
    List<Method> out = new ArrayList<>();
    for (Class<?> c : DIFFERENTIAL) {
      out.addAll(jitMethods(c));
    }
    return out;
  }

  /** The method as {@code Kiln.jit} takes it: its name, with parameter types (binary names) if
   * the name is overloaded in its class. */
  public static String spec(Method m) {
    long sameName = Arrays.stream(m.getDeclaringClass().getDeclaredMethods())
        .filter(o -> o.getName().equals(m.getName()) && !o.isSynthetic() && !o.isBridge())
        .count();
    if (sameName <= 1) {
      return m.getName();
    }
    return m.getName() + "(" + Arrays.stream(m.getParameterTypes())
        .map(ObjectCorpora::typeName).collect(Collectors.joining(", ")) + ")";
  }

  private static String typeName(Class<?> c) {
    return c.isArray() ? typeName(c.getComponentType()) + "[]" : c.getName();
  }

  /** {@code Class.method(types)}, {@code Class#method(types)} for instance methods. */
  public static String display(Method m) {
    boolean isStatic = java.lang.reflect.Modifier.isStatic(m.getModifiers());
    return m.getDeclaringClass().getSimpleName() + (isStatic ? "." : "#") + m.getName() + "("
        + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
            .collect(Collectors.joining(", ")) + ")";
  }

  private static final Map<Method, Dispatcher> DISPATCHERS = new ConcurrentHashMap<>();

  /** The dispatcher of {@code m}, made once for the whole suite. */
  public static Dispatcher jit(Method m) {
    return DISPATCHERS.computeIfAbsent(m, k -> {
      Class<?> owner = k.getDeclaringClass();
      return Kiln.jit(Corpora.lookup(owner), owner, spec(k));
    });
  }
}
