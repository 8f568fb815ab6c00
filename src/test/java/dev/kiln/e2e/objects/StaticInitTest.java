package dev.kiln.e2e.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kiln.Dispatcher;
import dev.kiln.Kiln;
import dev.kiln.e2e.Corpora;
import dev.kiln.e2e.objects.corpus.InitOrderCorpus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Static initializers run when the JVM says, in the order it says, under compiled code too: a
 * class is initialized at its first active use (not when Kiln compiles a method that mentions
 * it, nor on a path not taken), its superclass first, exactly once; a failing initializer
 * throws ExceptionInInitializerError, and later uses NoClassDefFoundError. The compiled method
 * runs on the A classes and the original on the B classes, each fresh
 * ({@link InitOrderCorpus}); the logs must match.
 */
class StaticInitTest {

  private static Dispatcher jit(String method) {
    return Kiln.jit(Corpora.lookup(InitOrderCorpus.class), InitOrderCorpus.class, method);
  }

  /** One call's result (or exception class and message) and the log it wrote, with the class
   * letter made neutral. */
  private static String run(Call call, String letter) {
    String outcome;
    try {
      outcome = "returned " + call.run();
    } catch (Throwable t) {
      Throwable c = t.getCause();
      outcome = "threw " + t.getClass().getName() + ": " + t.getMessage()
          + (c == null ? "" : " caused by " + c.getClass().getName() + ": " + c.getMessage());
    }
    return (outcome + " log " + InitOrderCorpus.takeLog()).replace(letter, "X");
  }

  interface Call {
    Object run() throws Throwable;
  }

  /** Call by call, the compiled run's outcome and log equal the original's. */
  private static void assertSameCalls(String method, int[] xs, List<String> original,
                                      List<String> compiled) {
    StringBuilder diffs = new StringBuilder();
    for (int i = 0; i < xs.length; i++) {
      if (!original.get(i).equals(compiled.get(i))) {
        diffs.append("\n  call #").append(i).append(' ').append(method).append('(')
            .append(xs[i]).append("): original ").append(original.get(i))
            .append("\n             compiled ").append(compiled.get(i));
      }
    }
    if (diffs.length() > 0) {
      fail("class initialization differs (X stands for A in the compiled run, B in the"
          + " original):" + diffs);
    }
  }

  @Test
  void initializationOrderMatchesTheOriginal() {
    InitOrderCorpus.takeLog();
    Dispatcher d = jit("touchA");
    List<String> compiled = new ArrayList<>();
    List<String> original = new ArrayList<>();
    int[] xs = {0, -1, 1, 1, 2, 2, 0, 3, 3, 4, 4, 0};
    for (int x : xs) {
      compiled.add(run(() -> d.invoke(x), "A"));
      original.add(run(() -> InitOrderCorpus.touchB(x), "B"));
    }
    assertSameCalls("touch", xs, original, compiled);
    // what the JVM does, spelled out
    assertEquals("returned -1 log start;mid;end;", original.get(0));
    assertEquals("returned 42 log start;ParentX;ChildX;mid;end;", original.get(2));
    assertEquals("returned 49 log start;mid;InstX;end;", original.get(4));
    assertEquals("returned 55 log start;mid;PureX;end;", original.get(7));
    assertEquals("returned 1057 log start;mid;ConstX;end;", original.get(9));
  }

  @Test
  void failingInitializerMatchesTheOriginal() {
    InitOrderCorpus.takeLog();
    Dispatcher d = jit("failingA");
    List<String> compiled = new ArrayList<>();
    List<String> original = new ArrayList<>();
    int[] xs = {0, 1, 1, 0, 2};
    for (int x : xs) {
      compiled.add(run(() -> d.invoke(x), "A"));
      original.add(run(() -> InitOrderCorpus.failingB(x), "B"));
    }
    assertSameCalls("failing", xs, original, compiled);
    assertEquals("threw java.lang.ExceptionInInitializerError: null caused by "
        + "java.lang.IllegalStateException: initializer of X failed log try;FailingX;",
        original.get(1));
  }

  /**
   * The same for classes the unit cannot name (package-private, in another package), reached
   * by a static call and by a static final field: ExceptionInInitializerError at the first use,
   * NoClassDefFoundError at later ones.
   */
  @Test
  void failingInitializerOfAClassTheUnitCannotNameMatchesTheOriginal() {
    for (String method : List.of("elsewhereCall", "elsewhereField")) {
      InitOrderCorpus.takeLog();
      Dispatcher d = jit(method + "A");
      List<String> compiled = new ArrayList<>();
      List<String> original = new ArrayList<>();
      int[] xs = {0, 1, 1, 0, 2};
      for (int x : xs) {
        compiled.add(run(() -> d.invoke(x), "A"));
        original.add(run(() -> method.equals("elsewhereCall") ? InitOrderCorpus.elsewhereCallB(x)
            : InitOrderCorpus.elsewhereFieldB(x), "B"));
      }
      assertSameCalls(method, xs, original, compiled);
      assertEquals("threw java.lang.NoClassDefFoundError: Could not initialize class "
          + "dev.kiln.e2e.objects.corpus.elsewhere.Hidden" + (method.endsWith("Call") ? "Call"
          : "Field") + "X log try;", original.get(2).replaceAll(" caused by .*? log", " log"));
    }
  }
}
