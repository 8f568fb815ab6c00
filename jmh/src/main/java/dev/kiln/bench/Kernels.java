package dev.kiln.bench;

import dev.kiln.Dispatcher;
import dev.kiln.Jit;
import dev.kiln.Kiln;
import java.lang.invoke.MethodHandles;

/**
 * The kernels the demo and the JMH suite run, written as a Java programmer would write them:
 * static methods over primitives and arrays. Each runs unchanged in HotSpot (the baseline and
 * the oracle) and through Kiln ({@link #jit(String)}).
 */
public final class Kernels {
  private Kernels() {}

  /**
   * The Kiln dispatcher of one of these kernels. It passes this class's own lookup, so compiled
   * code reaches what the kernel reaches, without handing a full-privilege lookup to callers.
   *
   * @param method a kernel's name, e.g. {@code "dot"}
   */
  public static Dispatcher jit(String method) {
    return Kiln.jit(MethodHandles.lookup(), Kernels.class, method);
  }

  /** The sum of {@code a[i] * b[i]}, in index order; a shorter {@code b} throws. */
  @Jit
  public static double dot(double[] a, double[] b) {
    double sum = 0.0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /** The sum of {@code a}, wrapping on overflow. */
  @Jit
  public static long longSum(long[] a) {
    long sum = 0;
    for (long v : a) {
      sum += v;
    }
    return sum;
  }

  /**
   * One step of the Benchmarks Game n-body simulation, with the bodies as parallel arrays:
   * every pair attracts (velocities change), then every body moves by {@code dt * v}.
   */
  @Jit
  public static void nbodyAdvance(double[] x, double[] y, double[] z,
                                  double[] vx, double[] vy, double[] vz,
                                  double[] mass, double dt) {
    int n = x.length;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double dx = x[i] - x[j];
        double dy = y[i] - y[j];
        double dz = z[i] - z[j];
        double dSquared = dx * dx + dy * dy + dz * dz;
        double distance = Math.sqrt(dSquared);
        double mag = dt / (dSquared * distance);

        vx[i] -= dx * mass[j] * mag;
        vy[i] -= dy * mass[j] * mag;
        vz[i] -= dz * mass[j] * mag;

        vx[j] += dx * mass[i] * mag;
        vy[j] += dy * mass[i] * mag;
        vz[j] += dz * mass[i] * mag;
      }
    }
    for (int i = 0; i < n; i++) {
      x[i] += dt * vx[i];
      y[i] += dt * vy[i];
      z[i] += dt * vz[i];
    }
  }

  /** The total energy of the system: kinetic minus the potential of every pair. */
  @Jit
  public static double nbodyEnergy(double[] x, double[] y, double[] z,
                                   double[] vx, double[] vy, double[] vz,
                                   double[] mass) {
    double e = 0.0;
    int n = x.length;
    for (int i = 0; i < n; i++) {
      e += 0.5 * mass[i] * (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i]);
      for (int j = i + 1; j < n; j++) {
        double dx = x[i] - x[j];
        double dy = y[i] - y[j];
        double dz = z[i] - z[j];
        double distance = Math.sqrt(dx * dx + dy * dy + dz * dz);
        e -= (mass[i] * mass[j]) / distance;
      }
    }
    return e;
  }

  /**
   * Row {@code y} of a {@code width x height} Mandelbrot image over [-1.5, 0.5] x [-1, 1], as in
   * the Benchmarks Game: one bit per pixel, set when the point stays bounded for
   * {@code maxIter} iterations, packed eight to a byte, first pixel in the high bit, into
   * {@code out[0 .. (width + 7) / 8)}.
   *
   * @return a checksum of the row: the sum of every pixel's iteration count
   */
  @Jit
  public static int mandelbrotRow(int y, int width, int height, int maxIter, byte[] out) {
    double ci = 2.0 * y / height - 1.0;
    int checksum = 0;
    int bits = 0;
    for (int x = 0; x < width; x++) {
      double cr = 2.0 * x / width - 1.5;
      double zr = 0.0;
      double zi = 0.0;
      double tr = 0.0;
      double ti = 0.0;
      int i = 0;
      while (i < maxIter && tr + ti <= 4.0) {
        zi = 2.0 * zr * zi + ci;
        zr = tr - ti + cr;
        tr = zr * zr;
        ti = zi * zi;
        i++;
      }
      checksum += i;
      bits <<= 1;
      if (tr + ti <= 4.0) {
        bits |= 1;
      }
      if ((x & 7) == 7) {
        out[x >> 3] = (byte) bits;
        bits = 0;
      }
    }
    int rest = width & 7;
    if (rest != 0) {
      out[width >> 3] = (byte) (bits << (8 - rest));
    }
    return checksum;
  }

  /** The number of primes {@code <= n}, by the sieve of Eratosthenes over a {@code boolean[]}. */
  @Jit
  public static int sieve(int n) {
    boolean[] composite = new boolean[n + 1];
    for (int i = 2; (long) i * i <= n; i++) {
      if (!composite[i]) {
        for (int j = i * i; j <= n; j += i) {
          composite[j] = true;
        }
      }
    }
    int count = 0;
    for (int i = 2; i <= n; i++) {
      if (!composite[i]) {
        count++;
      }
    }
    return count;
  }

  /** A trivial kernel: what a call through each of Kiln's entries costs on its own. */
  @Jit
  public static int add(int a, int b) {
    return a + b;
  }
}
