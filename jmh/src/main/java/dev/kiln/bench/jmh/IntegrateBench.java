package dev.kiln.bench.jmh;

import dev.kiln.bench.Agreement;
import dev.kiln.bench.ObjectKernelFns.IntegrateFn;
import dev.kiln.bench.ObjectKernels;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleUnaryOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link ObjectKernels#integrate} with five different lambdas — four cheap ones, the issue's
 * case, and one whose body ({@code Math.sqrt}) costs more than the call, to show where the gain
 * shrinks: plain HotSpot against Kiln's typed entry. The point is profile pollution. HotSpot keeps one profile per method, so once
 * {@code integrate} has been called with four lambda classes its {@code f.applyAsDouble} site
 * is megamorphic and every compiled copy of it (the method's own, and every caller's that
 * inlines it) makes an interface call per point. Kiln compiles one specialization per lambda
 * class, each with the call devirtualized, and the entry's inline cache picks it by the
 * lambda's class.
 *
 * <p>The setup calls both paths with all five lambdas, interleaved, {@link #POLLUTE_CALLS}
 * times each, before anything is measured, and every measured operation keeps the others busy
 * (see {@link #plainWith}): plain {@code integrate} has seen all five classes, as it would in a
 * program that uses it with five. The lambdas are held in non-final fields so that C2 cannot see their classes as
 * constants at the call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class IntegrateBench {
  /** Intervals of a measured call. */
  private static final int N = 10_000;
  /** Intervals of each other lambda's call in a measured operation. */
  private static final int BACKGROUND_N = N / 8;
  /** Calls per lambda, on each path, in setup. */
  private static final int POLLUTE_CALLS = 20_000;
  /** Intervals of a polluting call. */
  private static final int POLLUTE_N = 16;
  private static final double A = 0.0;
  private static final double B = 2.0;

  private DoubleUnaryOperator square;
  private DoubleUnaryOperator root;
  private DoubleUnaryOperator affine;
  private DoubleUnaryOperator lorentz;
  private DoubleUnaryOperator cubic;
  private IntegrateFn entry;
  private DoubleUnaryOperator[] all;

  @Setup(Level.Trial)
  public void setup() {
    square = x -> x * x;
    root = x -> Math.sqrt(x) + x;
    lorentz = x -> 1.0 / (1.0 + x * x);
    cubic = x -> x * x * x - x;
    affine = x -> 0.5 * x + 1.0;
    entry = ObjectKernels.jit("integrate").as(IntegrateFn.class);
    DoubleUnaryOperator[] fs = {square, affine, lorentz, cubic, root};
    all = fs;

    double sink = 0.0;
    for (int i = 0; i < POLLUTE_CALLS; i++) {
      for (DoubleUnaryOperator f : fs) {
        sink += ObjectKernels.integrate(f, A, B, POLLUTE_N);
        sink += entry.apply(f, A, B, POLLUTE_N);
      }
    }
    if (Double.isNaN(sink)) {
      throw new AssertionError("integrate gave NaN");
    }

    String[] names = {"square", "affine", "lorentz", "cubic", "root"};
    for (int k = 0; k < fs.length; k++) {
      Agreement.require("integrate[" + names[k] + "]",
          ObjectKernels.integrate(fs[k], A, B, N), entry.apply(fs[k], A, B, N));
    }
  }

  /**
   * {@code integrate(f)} over {@link #N} intervals, then each other lambda over
   * {@link #BACKGROUND_N}: the program keeps using all four, the measured one making two thirds of
   * the calls. HotSpot re-profiles {@code integrate} after a deoptimization, and when one
   * lambda makes nearly all calls (over {@code TypeProfileMajorReceiverPercent}, 90%) it
   * recompiles with that lambda inlined; with the others this busy the site stays megamorphic,
   * as in a program that really uses four. Both paths run the same calls.
   */
  private double plainWith(DoubleUnaryOperator f) {
    double s = ObjectKernels.integrate(f, A, B, N);
    for (DoubleUnaryOperator g : all) {
      if (g != f) {
        s += ObjectKernels.integrate(g, A, B, BACKGROUND_N);
      }
    }
    return s;
  }

  private double kilnWith(DoubleUnaryOperator f) {
    double s = entry.apply(f, A, B, N);
    for (DoubleUnaryOperator g : all) {
      if (g != f) {
        s += entry.apply(g, A, B, BACKGROUND_N);
      }
    }
    return s;
  }

  @Benchmark
  public double plainAffine() {
    return plainWith(affine);
  }

  @Benchmark
  public double kilnAffine() {
    return kilnWith(affine);
  }

  @Benchmark
  public double plainSquare() {
    return plainWith(square);
  }

  @Benchmark
  public double kilnSquare() {
    return kilnWith(square);
  }

  @Benchmark
  public double plainRoot() {
    return plainWith(root);
  }

  @Benchmark
  public double kilnRoot() {
    return kilnWith(root);
  }

  @Benchmark
  public double plainLorentz() {
    return plainWith(lorentz);
  }

  @Benchmark
  public double kilnLorentz() {
    return kilnWith(lorentz);
  }

  @Benchmark
  public double plainCubic() {
    return plainWith(cubic);
  }

  @Benchmark
  public double kilnCubic() {
    return kilnWith(cubic);
  }
}
