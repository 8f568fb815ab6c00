package dev.kiln.e2e.objects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Dispatcher;
import dev.kiln.Kiln;
import dev.kiln.e2e.Corpora;
import dev.kiln.e2e.objects.programs.Fannkuch;
import dev.kiln.e2e.objects.programs.Fasta;
import dev.kiln.e2e.objects.programs.Fft;
import dev.kiln.e2e.objects.programs.MonteCarloPi;
import dev.kiln.e2e.objects.programs.NBody;
import dev.kiln.e2e.objects.programs.SparseMatVec;
import dev.kiln.e2e.objects.programs.SpectralNorm;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * Classic benchmark programs written over objects ({@code dev.kiln.e2e.objects.programs}):
 * each entry method is compiled through {@code Kiln.jit}, run once, and its result must equal
 * the original's exactly (doubles bit for bit: no fastmath), and the dispatcher must list the
 * signature it compiled.
 */
class ProgramsTest {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static Dispatcher jit(Class<?> owner, String method) {
    return Kiln.jit(Corpora.lookup(owner), owner, method);
  }

  private static <T> T within(ThrowingSupplier<T> s) {
    return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(TIMEOUT, s);
  }

  private static void assertCompiled(Dispatcher d) {
    assertFalse(d.signatures().isEmpty(), "signatures() is empty after a call: " + d);
    assertEquals(0, d.stats().fallbacks(), "ran the original instead: " + d.stats());
  }

  /**
   * Runs {@code owner.method} compiled on {@code args} (in time), checks it returns what the
   * original returned and really compiled; returns its dispatcher.
   */
  private static Dispatcher assertCompiledAgrees(Object expected, Class<?> owner, String method,
                                                 Object... args) {
    Dispatcher d = jit(owner, method);
    assertSame(expected, within(() -> d.invoke(args)));
    assertCompiled(d);
    return d;
  }

  private static void assertSame(Object expected, Object actual) {
    assertTrue(ObjectValues.same(expected, actual), () -> "compiled result differs:\n  expected "
        + ObjectValues.show(expected) + "\n  actual   " + ObjectValues.show(actual));
  }

  @Test
  void nbody() throws Throwable {
    double[] expected = NBody.simulate(1000);
    assertCompiledAgrees(expected, NBody.class, "simulate", 1000);
    assertEquals(-0.169075164, expected[0], 1e-9, "the original's initial energy");
  }

  @Test
  void spectralNormThroughAnInstanceMethod() throws Throwable {
    SpectralNorm original = new SpectralNorm(100);
    double expected = original.approximate();
    SpectralNorm receiver = new SpectralNorm(100);
    assertCompiledAgrees(expected, SpectralNorm.class, "approximate", receiver);
    assertEquals(original.products(), receiver.products(), "the receiver's field afterwards");
    assertEquals(1.274219991, expected, 1e-9);
  }

  @Test
  void monteCarloPiWithASynchronizedGenerator() throws Throwable {
    double expected = MonteCarloPi.estimate(2025L, 200_000);
    assertCompiledAgrees(expected, MonteCarloPi.class, "estimate", 2025L, 200_000);
    assertEquals(Math.PI, expected, 0.02);
  }

  @Test
  void fftOverComplexObjects() throws Throwable {
    double[] expected = Fft.spectrum(1024);
    Dispatcher d = assertCompiledAgrees(expected, Fft.class, "spectrum", 1024);
    assertTrue(expected[1024] < 1e-9, "round-trip error " + expected[1024]);
    // not a power of two: the same exception from both
    Throwable e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> d.invoke(12));
    assertEquals("length 3 is not a power of 2", e.getMessage());
  }

  @Test
  void sparseMatrixVectorProduct() throws Throwable {
    double[] expected = SparseMatVec.powerIteration(500, 30);
    assertCompiledAgrees(expected, SparseMatVec.class, "powerIteration", 500, 30);
  }

  @Test
  void fannkuchRedux() throws Throwable {
    int[] expected = Fannkuch.fannkuch(7);
    assertArrayEquals(new int[] {228, 16}, expected, "the original's known answer for n = 7");
    assertCompiledAgrees(expected, Fannkuch.class, "fannkuch", 7);
  }

  @Test
  void fastaWritesTheSameBytes() throws Throwable {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    Fasta.fasta(2500, expected);
    ByteArrayOutputStream actual = new ByteArrayOutputStream();
    Dispatcher d = jit(Fasta.class, "fasta");
    within(() -> d.invoke(2500, actual));
    String e = expected.toString(StandardCharsets.US_ASCII);
    String a = actual.toString(StandardCharsets.US_ASCII);
    assertTrue(e.startsWith(">ONE Homo sapiens alu\nGGCCGGGCGCGGTGGCTCACGCC"), e.substring(0, 60));
    assertEquals(e.length(), a.length(), "bytes written");
    assertEquals(e, a);
    assertCompiled(d);
  }
}
