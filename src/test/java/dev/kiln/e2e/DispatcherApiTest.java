package dev.kiln.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Dispatcher;
import dev.kiln.JitOptions;
import dev.kiln.Kiln;
import dev.kiln.e2e.corpus.EagerCorpus;
import dev.kiln.e2e.corpus.ApiCorpus;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The dispatcher's bookkeeping as users see it: signatures after a call, eager signatures. */
class DispatcherApiTest {

  /** After one call, every corpus method's dispatcher lists at least one signature. */
  @TestFactory
  List<DynamicTest> signaturesAfterACall() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Method m : Corpora.allDifferentialMethods()) {
      List<Object[]> inputs = InputGenerator.inputs(m, 20);
      tests.add(DynamicTest.dynamicTest(Corpora.display(m), () -> {
        StaticState statics = new StaticState(m.getDeclaringClass());
        var saved = statics.capture();
        Dispatcher d = Corpora.jit(m);
        Object[] args = inputs.get(0);
        try {
          // prefer an input the original completes normally, so the call surely ran
          for (Object[] candidate : inputs) {
            if (Differential.runOriginal(m, candidate).thrown() == null) {
              args = candidate;
              break;
            }
          }
          statics.restore(saved);
          Differential.Outcome o = Differential.runCompiled(d, args);
          if (o.thrown() instanceof dev.kiln.frontend.CompileError e) {
            throw e;
          }
        } finally {
          statics.restore(saved);
        }
        List<String> sigs = d.signatures();
        assertNotNull(sigs);
        assertFalse(sigs.isEmpty(), Corpora.display(m) + ": signatures() empty after a call with "
            + Values.showArgs(args));
        assertTrue(d.stats().compilations() >= 1, "compilations() is "
            + d.stats().compilations() + " after a call");
      }));
    }
    return tests;
  }

  private static String squash(String s) {
    return s.replace(" ", "");
  }

  @Test
  void explicitSignatureCompilesEagerlyAndRejectsOtherTypes() throws Throwable {
    Dispatcher d = Kiln.jit(Corpora.lookup(EagerCorpus.class), EagerCorpus.class, "eagerSum");
    // compiled when the dispatcher was made, before any call
    assertEquals(1, d.signatures().size(), "signatures before any call: " + d.signatures());
    assertEquals("double(double[])", squash(d.signatures().get(0)));
    assertEquals(1, d.stats().compilations());

    assertEquals(6.5, d.invoke(new double[] {1.0, 2.5, 3.0}));
    assertEquals(1, d.stats().compilations(), "a matching call must not compile again");

    Throwable t = assertThrows(Throwable.class, () -> d.invoke(new int[] {1, 2}));
    assertNotNull(t.getMessage(), "rejection without a message: " + t);
    assertTrue(t.getMessage().startsWith("No matching definition for argument type(s)"),
        "unexpected rejection: " + t);
    assertEquals(1, d.signatures().size(), "a rejected call must not add a signature");
  }

  @Test
  void explicitSignatureWithTwoParameters() throws Throwable {
    Dispatcher d = Kiln.jit(Corpora.lookup(EagerCorpus.class), EagerCorpus.class, "eagerMix");
    assertEquals(List.of("long(int,long)"), d.signatures().stream().map(DispatcherApiTest::squash)
        .toList());
    assertEquals(EagerCorpus.eagerMix(7, 100L), d.invoke(7, 100L));
    Throwable t = assertThrows(Throwable.class, () -> d.invoke(new long[0], 1L));
    assertTrue(String.valueOf(t.getMessage())
        .startsWith("No matching definition for argument type(s)"), "unexpected rejection: " + t);
  }

  /** The same through JitOptions, on a method whose @Jit has no signatures (and that no other
   * test compiles). */
  @Test
  void signaturesFromOptions() throws Throwable {
    Dispatcher d = Kiln.jit(Corpora.lookup(ApiCorpus.class), ApiCorpus.class, "optionsGcd",
        JitOptions.DEFAULTS.withSignatures("int(int, int)"));
    assertEquals(List.of("int(int,int)"), d.signatures().stream().map(DispatcherApiTest::squash)
        .toList());
    assertEquals(6, d.invoke(12, 18));
    Throwable t = assertThrows(Throwable.class, () -> d.invoke(new double[] {1}, 2));
    assertTrue(String.valueOf(t.getMessage())
        .startsWith("No matching definition for argument type(s)"), "unexpected rejection: " + t);
  }
}
