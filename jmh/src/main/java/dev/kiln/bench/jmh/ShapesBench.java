package dev.kiln.bench.jmh;

import dev.kiln.bench.Agreement;
import dev.kiln.bench.ObjectInputs;
import dev.kiln.bench.ObjectKernelFns.ScaledAreaFn;
import dev.kiln.bench.ObjectKernelFns.SumFn;
import dev.kiln.bench.ObjectKernelFns.TotalAreaFn;
import dev.kiln.bench.ObjectKernels;
import dev.kiln.bench.ObjectKernels.Circle;
import dev.kiln.bench.ObjectKernels.Rect;
import dev.kiln.bench.ObjectKernels.Triangle;
import dev.kiln.bench.ObjectKernels.Shape;
import java.util.concurrent.TimeUnit;
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
 * Calls on interfaces and abstract classes: plain HotSpot against Kiln's typed entries.
 *
 * <ul>
 *   <li>{@link ObjectKernels#totalArea} over a {@code Shape[]} mixing circles and rectangles,
 *       and {@link ObjectKernels#sum} over a {@code Number[]} mixing {@code Double}s and
 *       {@code Integer}s: the elements' classes are not part of the argument's type, so Kiln
 *       has nothing exact to specialize on; these measure that it costs nothing there.
 *   <li>{@link ObjectKernels#scaledArea} on one circle: Kiln specializes on {@code Circle} and
 *       devirtualizes {@code area()}; plain {@code scaledArea} has been called with all three shape
 *       classes (megamorphic for HotSpot) in setup ({@link #POLLUTE_CALLS} times each, interleaved), as Kiln's entry has.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class ShapesBench {
  /** Elements of the arrays. */
  private static final int SIZE = 1024;
  /** Repetitions of a measured {@code scaledArea}. */
  private static final int REPS = 1024;
  /** Calls per shape class, on each path, in setup. */
  private static final int POLLUTE_CALLS = 20_000;
  /** Repetitions of a polluting {@code scaledArea}. */
  private static final int POLLUTE_REPS = 16;

  private Shape[] shapes;
  private Number[] numbers;
  private Shape circle;
  private Shape rect;
  private TotalAreaFn totalArea;
  private ScaledAreaFn scaledArea;
  private Shape triangle;
  private SumFn sum;

  @Setup(Level.Trial)
  public void setup() {
    shapes = ObjectInputs.shapes(SIZE, 5);
    numbers = ObjectInputs.numbers(SIZE, 6);
    circle = new Circle(1.25);
    rect = new Rect(1.5, 0.75);
    triangle = new Triangle(2.0, 0.5);
    totalArea = ObjectKernels.jit("totalArea").as(TotalAreaFn.class);
    scaledArea = ObjectKernels.jit("scaledArea").as(ScaledAreaFn.class);
    sum = ObjectKernels.jit("sum").as(SumFn.class);

    double sink = 0.0;
    for (int i = 0; i < POLLUTE_CALLS; i++) {
      sink += ObjectKernels.scaledArea(circle, POLLUTE_REPS);
      sink += ObjectKernels.scaledArea(rect, POLLUTE_REPS);
      sink += scaledArea.apply(circle, POLLUTE_REPS);
      sink += scaledArea.apply(rect, POLLUTE_REPS);
      sink += ObjectKernels.scaledArea(triangle, POLLUTE_REPS);
      sink += scaledArea.apply(triangle, POLLUTE_REPS);
    }
    if (Double.isNaN(sink)) {
      throw new AssertionError("scaledArea gave NaN");
    }

    Agreement.require("totalArea", ObjectKernels.totalArea(shapes), totalArea.apply(shapes));
    Agreement.require("scaledArea[Circle]", ObjectKernels.scaledArea(circle, REPS),
        scaledArea.apply(circle, REPS));
    Agreement.require("scaledArea[Rect]", ObjectKernels.scaledArea(rect, REPS),
        scaledArea.apply(rect, REPS));
    Agreement.require("sum", ObjectKernels.sum(numbers), sum.apply(numbers));
  }

  @Benchmark
  public double plainTotalArea() {
    return ObjectKernels.totalArea(shapes);
  }

  @Benchmark
  public double kilnTotalArea() {
    return totalArea.apply(shapes);
  }

  @Benchmark
  public double plainScaledArea() {
    return ObjectKernels.scaledArea(circle, REPS);
  }

  @Benchmark
  public double kilnScaledArea() {
    return scaledArea.apply(circle, REPS);
  }

  @Benchmark
  public double plainSum() {
    return ObjectKernels.sum(numbers);
  }

  @Benchmark
  public double kilnSum() {
    return sum.apply(numbers);
  }
}
