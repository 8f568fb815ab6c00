package dev.kiln.e2e.objects.programs;

import dev.kiln.Jit;
import java.lang.invoke.MethodHandles;

/** The spectral norm (after the Computer Language Benchmarks Game) as an object: the matrix
 * size is a field, the products are instance methods, and the entry point {@link #approximate}
 * is itself an instance method (its dispatcher takes the receiver first). */
public final class SpectralNorm {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private final int n;
  private int products;

  public SpectralNorm(int n) {
    this.n = n;
  }

  private double a(int i, int j) {
    int ij = i + j;
    return 1.0 / (ij * (ij + 1) / 2 + i + 1);
  }

  private void multiplyAv(double[] v, double[] av) {
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int j = 0; j < n; j++) {
        sum += a(i, j) * v[j];
      }
      av[i] = sum;
    }
  }

  private void multiplyAtv(double[] v, double[] atv) {
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int j = 0; j < n; j++) {
        sum += a(j, i) * v[j];
      }
      atv[i] = sum;
    }
  }

  private void multiplyAtAv(double[] v, double[] out, double[] tmp) {
    multiplyAv(v, tmp);
    multiplyAtv(tmp, out);
    products++;
  }

  @Jit
  public double approximate() {
    double[] u = new double[n];
    double[] v = new double[n];
    double[] tmp = new double[n];
    java.util.Arrays.fill(u, 1.0);
    for (int i = 0; i < 10; i++) {
      multiplyAtAv(u, v, tmp);
      multiplyAtAv(v, u, tmp);
    }
    double vBv = 0;
    double vv = 0;
    for (int i = 0; i < n; i++) {
      vBv += u[i] * v[i];
      vv += v[i] * v[i];
    }
    return Math.sqrt(vBv / vv) + products * 0.0;
  }

  public int products() {
    return products;
  }
}
