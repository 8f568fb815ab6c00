package dev.kiln.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kiln.Dispatcher;
import dev.kiln.Kiln;
import dev.kiln.e2e.corpus.ApiCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Sixteen threads make the first call to a fresh dispatcher at the same moment: each gets the
 * right answer and the signature is compiled exactly once. */
class ThreadSafetyTest {
  static final int THREADS = 16;

  private static List<Object> raceFirstCall(Dispatcher d, Supplier<Object[]> args)
      throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Object>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        Object[] a = args.get();
        futures.add(pool.submit(() -> {
          barrier.await(30, TimeUnit.SECONDS);
          try {
            return d.invoke(a);
          } catch (Throwable t) {
            return t;
          }
        }));
      }
      List<Object> results = new ArrayList<>();
      for (Future<Object> f : futures) {
        results.add(f.get(120, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertAll(Object expected, List<Object> results) {
    for (int i = 0; i < results.size(); i++) {
      Object r = results.get(i);
      if (r instanceof Throwable t) {
        AssertionError e = new AssertionError("thread " + i + " threw " + t, t);
        throw e;
      }
      if (!Values.same(expected, r)) {
        fail("thread " + i + ": expected " + Values.show(expected) + ", got " + Values.show(r));
      }
    }
  }

  @Test
  void concurrentFirstCallsCompileOnce() throws Exception {
    Dispatcher d = Kiln.jit(Corpora.lookup(ApiCorpus.class), ApiCorpus.class, "threadKernel");
    long[] data = new long[64];
    for (int i = 0; i < data.length; i++) {
      data[i] = i * 0x5DEECE66DL - 17;
    }
    int rounds = 200;
    Object expected = ApiCorpus.threadKernel(data.clone(), rounds);

    List<Object> results = raceFirstCall(d, () -> new Object[] {data.clone(), rounds});

    assertAll(expected, results);
    assertEquals(1, d.stats().compilations(), "compilations after 16 racing first calls");
    assertEquals(1, d.signatures().size(), "signatures: " + d.signatures());
  }

  @Test
  void concurrentFirstCallsCompileOnceDouble() throws Exception {
    Dispatcher d = Kiln.jit(Corpora.lookup(ApiCorpus.class), ApiCorpus.class, "threadPoly");
    double[] coefficients = {1.5, -2.0, 0.25, 3.0, -0.125};
    Object expected = ApiCorpus.threadPoly(coefficients.clone(), 1.75);

    List<Object> results = raceFirstCall(d, () -> new Object[] {coefficients.clone(), 1.75});

    assertAll(expected, results);
    assertEquals(1, d.stats().compilations(), "compilations after 16 racing first calls");
  }
}
