package dev.kiln.bench;

/**
 * The typed entries of the {@link Kernels}: one functional interface per kernel, for
 * {@code Dispatcher.as(...)}. Each interface's method takes the kernel's parameters and returns
 * its result, and {@code SIGNATURE} names the specialization the demo and benchmarks use, in
 * the Java syntax of {@code Dispatcher.compile}. ({@code add} uses
 * {@link java.util.function.IntBinaryOperator}.) They are public so that Kiln, which implements
 * them from the kernels' class, can reach them.
 */
public final class KernelFns {
  private KernelFns() {}

  /** {@link Kernels#dot}. */
  @FunctionalInterface
  public interface DotFn {
    String SIGNATURE = "double(double[], double[])";

    double apply(double[] a, double[] b);
  }

  /** {@link Kernels#longSum}. */
  @FunctionalInterface
  public interface LongSumFn {
    String SIGNATURE = "long(long[])";

    long apply(long[] a);
  }

  /** {@link Kernels#nbodyAdvance}. */
  @FunctionalInterface
  public interface NbodyAdvanceFn {
    String SIGNATURE =
        "void(double[], double[], double[], double[], double[], double[], double[], double)";

    void apply(double[] x, double[] y, double[] z, double[] vx, double[] vy, double[] vz,
               double[] mass, double dt);
  }

  /** {@link Kernels#nbodyEnergy}. */
  @FunctionalInterface
  public interface NbodyEnergyFn {
    String SIGNATURE =
        "double(double[], double[], double[], double[], double[], double[], double[])";

    double apply(double[] x, double[] y, double[] z, double[] vx, double[] vy, double[] vz,
                 double[] mass);
  }

  /** {@link Kernels#mandelbrotRow}. */
  @FunctionalInterface
  public interface MandelbrotRowFn {
    String SIGNATURE = "int(int, int, int, int, byte[])";

    int apply(int y, int width, int height, int maxIter, byte[] out);
  }

  /** {@link Kernels#sieve}. */
  @FunctionalInterface
  public interface SieveFn {
    String SIGNATURE = "int(int)";

    int apply(int n);
  }

  /** The signature of {@link Kernels#add}, whose entry is an {@code IntBinaryOperator}. */
  public static final String ADD_SIGNATURE = "int(int, int)";
}
