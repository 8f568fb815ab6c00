package dev.kiln.e2e.objects;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Dispatcher;
import dev.kiln.e2e.Corpora;
import dev.kiln.e2e.PerMethodTests;
import dev.kiln.e2e.Tries;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The object-model differential suite: every {@code @Jit} method (static or instance) of the
 * classes in {@link ObjectCorpora#DIFFERENTIAL} runs compiled (through {@code Kiln.jit}; the
 * receiver is argument 0) and original on the same generated inputs ({@link ObjectInputs}),
 * and the two must agree ({@link ObjectDifferential}).
 */
class ObjectDifferentialTest {
  static final int DEFAULT_TRIES = 60;

  static final Duration PER_METHOD_TIMEOUT = Duration.ofSeconds(30);

  static int tries(Method m) {
    Tries t = m.getAnnotation(Tries.class);
    return dev.kiln.e2e.InputGenerator.scaled(t == null ? DEFAULT_TRIES : t.value());
  }

  @TestFactory
  List<DynamicNode> compiledAgreesWithOriginal() {
    return PerMethodTests.of(ObjectCorpora.DIFFERENTIAL, ObjectCorpora::jitMethods, m -> {
      List<ObjectInputs.Input> inputs = ObjectInputs.inputs(m, tries(m));
      return () -> {
        Dispatcher d = Corpora.jit(m);
        String r = ObjectDifferential.check(m, d, inputs);
        if (r == null && (d.signatures().isEmpty() || d.stats().fallbacks() != 0)) {
          r = Corpora.display(m) + ": agrees, but signatures() is " + d.signatures()
              + " and stats() " + d.stats() + " (did it really compile?)";
        }
        return r;
      };
    }, PER_METHOD_TIMEOUT, "a loop that never ends once compiled, or a monitor never released?");
  }

  /** The constructs the issue lists, each present in the corpus. */
  enum Construct {
    INSTANCE_METHOD, OBJECT_PARAMETER, RECORD, ENUM, SYNCHRONIZED
  }

  /** The corpus is as big as the issue asks, has instance methods, and inputs are
   * reproducible (the same seed makes equal arguments). */
  @Test
  void corpusIsLargeAndInputsAreDeterministic() {
    List<Method> all = ObjectCorpora.allMethods();
    assertTrue(all.size() >= 150, "object corpus has only " + all.size() + " methods");
    Set<Construct> seen = EnumSet.noneOf(Construct.class);
    for (Method m : all) {
      if (!Modifier.isStatic(m.getModifiers())) {
        seen.add(Construct.INSTANCE_METHOD);
      }
      if (Modifier.isSynchronized(m.getModifiers())) {
        seen.add(Construct.SYNCHRONIZED);
      }
      for (Class<?> p : m.getParameterTypes()) {
        if (p == Object.class || p == Number.class || p == CharSequence.class || p.isInterface()) {
          seen.add(Construct.OBJECT_PARAMETER);
        }
        if (p.isRecord()) {
          seen.add(Construct.RECORD);
        }
        if (p.isEnum()) {
          seen.add(Construct.ENUM);
        }
      }
    }
    Set<Construct> missing = EnumSet.allOf(Construct.class);
    missing.removeAll(seen);
    assertTrue(missing.isEmpty(), "corpus lacks " + missing);
    for (Method m : List.of(all.get(0), all.get(all.size() / 2), all.get(all.size() - 1))) {
      List<ObjectInputs.Input> a = ObjectInputs.inputs(m, 30);
      List<ObjectInputs.Input> b = ObjectInputs.inputs(m, 30);
      for (int i = 0; i < a.size(); i++) {
        Object[] x = a.get(i).fresh();
        Object[] y = b.get(i).fresh();
        Object[] z = a.get(i).fresh();
        assertTrue(ObjectValues.same(x, y) && ObjectValues.same(x, z),
            "inputs of " + Corpora.display(m) + " differ between runs at #" + i + ": "
                + ObjectValues.showArgs(x) + " vs " + ObjectValues.showArgs(y));
      }
    }
  }
}
