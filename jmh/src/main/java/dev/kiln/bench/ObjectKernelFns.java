package dev.kiln.bench;

import dev.kiln.bench.ObjectKernels.Body;
import dev.kiln.bench.ObjectKernels.Shape;
import java.util.function.DoubleUnaryOperator;

/**
 * The typed entries of the {@link ObjectKernels}: one functional interface per kernel, for
 * {@code Dispatcher.as(...)}. The parameters keep their declared types (an interface, an
 * abstract class, an array of either); the entry's inline cache picks the specialization for
 * the exact classes of each call's arguments. Public so that Kiln can implement them.
 */
public final class ObjectKernelFns {
  private ObjectKernelFns() {}

  /** {@link ObjectKernels#integrate}. */
  @FunctionalInterface
  public interface IntegrateFn {
    double apply(DoubleUnaryOperator f, double a, double b, int n);
  }

  /** {@link ObjectKernels#totalArea}. */
  @FunctionalInterface
  public interface TotalAreaFn {
    double apply(Shape[] shapes);
  }

  /** {@link ObjectKernels#scaledArea}. */
  @FunctionalInterface
  public interface ScaledAreaFn {
    double apply(Shape s, int reps);
  }

  /** {@link ObjectKernels#sum}. */
  @FunctionalInterface
  public interface SumFn {
    double apply(Number[] xs);
  }

  /** {@link ObjectKernels#advance}. */
  @FunctionalInterface
  public interface AdvanceFn {
    void apply(Body[] bodies, double dt);
  }

  /** {@link ObjectKernels#energy}. */
  @FunctionalInterface
  public interface EnergyFn {
    double apply(Body[] bodies);
  }
}
