package dev.kiln.bench;

import dev.kiln.bench.ObjectKernels.Body;
import dev.kiln.bench.ObjectKernels.Circle;
import dev.kiln.bench.ObjectKernels.Rect;
import dev.kiln.bench.ObjectKernels.Shape;
import java.util.SplittableRandom;

/**
 * Deterministic inputs for the {@link ObjectKernels}: the same seed gives the same objects on
 * every run and every JDK.
 */
public final class ObjectInputs {
  private ObjectInputs() {}

  /** {@code n} shapes, each a {@link Circle} or a {@link Rect} at random, sizes in [0.5, 2). */
  public static Shape[] shapes(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Shape[] out = new Shape[n];
    for (int i = 0; i < n; i++) {
      out[i] = random.nextBoolean()
          ? new Circle(random.nextDouble(0.5, 2.0))
          : new Rect(random.nextDouble(0.5, 2.0), random.nextDouble(0.5, 2.0));
    }
    return out;
  }

  /**
   * {@code n} numbers, each a {@link Double} in [-1000, 1000) or an {@link Integer} in
   * [-1000, 1000) at random.
   */
  public static Number[] numbers(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Number[] out = new Number[n];
    for (int i = 0; i < n; i++) {
      out[i] = random.nextBoolean()
          ? (Number) Double.valueOf(random.nextDouble(-1000.0, 1000.0))
          : (Number) Integer.valueOf(random.nextInt(-1000, 1000));
    }
    return out;
  }

  /** The bodies of {@code b}, one {@link Body} each, in order. */
  public static Body[] bodies(Bodies b) {
    Body[] out = new Body[b.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = new Body(b.x[i], b.y[i], b.z[i], b.vx[i], b.vy[i], b.vz[i], b.mass[i]);
    }
    return out;
  }

  /** The Benchmarks Game's solar system ({@link Bodies#solarSystem()}) as five {@link Body}s. */
  public static Body[] solarSystem() {
    return bodies(Bodies.solarSystem());
  }

  /** An independent copy of {@code bodies}. */
  public static Body[] copy(Body[] bodies) {
    Body[] out = new Body[bodies.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = bodies[i].copy();
    }
    return out;
  }

  /** Every body's seven fields, for comparing two states element by element. */
  public static double[][] fields(Body[] bodies) {
    double[][] out = new double[bodies.length][];
    for (int i = 0; i < out.length; i++) {
      out[i] = bodies[i].fields();
    }
    return out;
  }

  /**
   * The same state as {@link Bodies#arrays()} lays it out (seven arrays: x, y, z, vx, vy, vz,
   * mass), for comparing against the array kernels.
   */
  public static double[][] arrays(Body[] bodies) {
    int n = bodies.length;
    double[][] out = new double[7][n];
    for (int i = 0; i < n; i++) {
      double[] f = bodies[i].fields();
      for (int k = 0; k < 7; k++) {
        out[k][i] = f[k];
      }
    }
    return out;
  }
}
