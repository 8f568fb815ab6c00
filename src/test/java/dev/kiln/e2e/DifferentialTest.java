package dev.kiln.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The differential suite: every {@code @Jit} static method of the corpus classes
 * ({@link Corpora#DIFFERENTIAL}) runs compiled and original on the same generated inputs, and
 * the two must agree exactly (see {@link Differential}).
 */
class DifferentialTest {
  static final int DEFAULT_TRIES = 200;

  /** A method that loops forever once compiled must fail its test, not hang the build. */
  static final Duration PER_METHOD_TIMEOUT = Duration.ofSeconds(60);

  static int tries(Method m) {
    Tries t = m.getAnnotation(Tries.class);
    return InputGenerator.scaled(t == null ? DEFAULT_TRIES : t.value());
  }

  @TestFactory
  List<DynamicNode> compiledAgreesWithOriginal() {
    return PerMethodTests.of(Corpora.DIFFERENTIAL, Corpora::jitMethods, m -> {
      List<Object[]> inputs = InputGenerator.inputs(m, tries(m));
      return () -> Differential.check(m, Corpora.jit(m), inputs);
    }, PER_METHOD_TIMEOUT, "a loop that never ends once compiled?");
  }

  /** The corpus is as big as the issue asks, and inputs are reproducible. */
  @Test
  void corpusIsLargeAndInputsAreDeterministic() {
    List<Method> all = Corpora.allDifferentialMethods();
    assertTrue(all.size() >= 70, "corpus has only " + all.size() + " methods");
    Method m = all.get(all.size() / 2);
    List<Object[]> a = InputGenerator.inputs(m, 50);
    List<Object[]> b = InputGenerator.inputs(m, 50);
    for (int i = 0; i < a.size(); i++) {
      assertTrue(Values.same(a.get(i), b.get(i)),
          "inputs differ between runs at #" + i + ": " + Values.showArgs(a.get(i)) + " vs "
              + Values.showArgs(b.get(i)));
    }
  }
}
