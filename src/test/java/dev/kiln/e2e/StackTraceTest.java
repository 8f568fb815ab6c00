package dev.kiln.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Dispatcher;
import dev.kiln.e2e.corpus.ExceptionCorpus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exceptions thrown by compiled code point at the user's source: the top frame of the
 * exception caught from {@code invoke} has the corpus file and the line the original's top
 * frame has (an explicit throw, an implicit AIOOBE, a division by zero, a throw in a helper).
 */
class StackTraceTest {

  static Stream<Arguments> throwingCalls() {
    return Stream.of(
        Arguments.of("throwAtLine", new Object[] {9}),
        Arguments.of("indexAtLine", new Object[] {new int[] {1, 2, 3}, 3}),
        Arguments.of("divideAtLine", new Object[] {5L, 0L}),
        Arguments.of("throwFromHelper", new Object[] {10}));
  }

  private static Method method(String name) {
    return Corpora.jitMethods(ExceptionCorpus.class).stream()
        .filter(m -> m.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no @Jit method " + name));
  }

  private static String trace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("throwingCalls")
  void topFrameIsTheUsersLine(String name, Object[] args) {
    Method m = method(name);
    Throwable expected = Differential.runOriginal(m, args).thrown();
    assertNotNull(expected, name + " should throw for " + Values.showArgs(args));
    StackTraceElement want = expected.getStackTrace()[0];
    assertEquals("ExceptionCorpus.java", want.getFileName(), "original's top frame: " + want);
    assertTrue(want.getLineNumber() > 0, "original has no line numbers: " + want);

    Dispatcher d = Corpora.jit(m);
    Throwable actual = Differential.runCompiled(d, args).thrown();
    assertNotNull(actual, name + " compiled did not throw for " + Values.showArgs(args));
    assertEquals(expected.getClass(), actual.getClass(), () -> "compiled threw " + trace(actual));
    StackTraceElement[] frames = actual.getStackTrace();
    assertTrue(frames.length > 0, "compiled exception has no stack trace");
    StackTraceElement got = frames[0];
    assertEquals(want.getFileName(), got.getFileName(),
        () -> "top frame's file; expected " + want + "; compiled trace:\n" + trace(actual));
    assertEquals(want.getLineNumber(), got.getLineNumber(),
        () -> "top frame's line; expected " + want + "; compiled trace:\n" + trace(actual));
  }

  /** Sanity: the targets throw from distinct lines, so the test above can tell them apart. */
  @Test
  void targetsThrowFromDistinctLines() {
    long lines = throwingCalls()
        .map(a -> Differential.runOriginal(method((String) a.get()[0]), (Object[]) a.get()[1])
            .thrown().getStackTrace()[0].getLineNumber())
        .distinct().count();
    assertEquals(throwingCalls().count(), lines);
  }
}
