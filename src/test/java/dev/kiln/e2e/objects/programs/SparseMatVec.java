package dev.kiln.e2e.objects.programs;

import dev.kiln.Jit;
import java.lang.invoke.MethodHandles;

/** A sparse matrix in compressed sparse row form (a {@link SparseMatrix} object holding the
 * CSR arrays) times a vector, repeated as a normalized power iteration. */
public final class SparseMatVec {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private SparseMatVec() {}

  public static final class SparseMatrix {
    final int rows;
    final int[] rowStart;
    final int[] columns;
    final double[] values;

    SparseMatrix(int rows, int[] rowStart, int[] columns, double[] values) {
      this.rows = rows;
      this.rowStart = rowStart;
      this.columns = columns;
      this.values = values;
    }

    /** A deterministic banded matrix with a few pseudo-random off-band entries per row. */
    static SparseMatrix banded(int n, long seed) {
      int perRow = 5;
      int[] rowStart = new int[n + 1];
      int[] columns = new int[n * perRow];
      double[] values = new double[n * perRow];
      long s = seed;
      int k = 0;
      for (int i = 0; i < n; i++) {
        rowStart[i] = k;
        int prev = -1;
        int[] cols = {i - 1, i, i + 1, 0, 0};
        s = s * 6364136223846793005L + 1442695040888963407L;
        cols[3] = (int) ((s >>> 33) % n);
        s = s * 6364136223846793005L + 1442695040888963407L;
        cols[4] = (int) ((s >>> 33) % n);
        java.util.Arrays.sort(cols);
        for (int c : cols) {
          if (c < 0 || c >= n || c == prev) {
            continue;
          }
          columns[k] = c;
          values[k] = c == i ? 4.0 : -1.0 / (1 + Math.abs(c - i));
          k++;
          prev = c;
        }
      }
      rowStart[n] = k;
      return new SparseMatrix(n, rowStart, columns, values);
    }

    void multiply(double[] x, double[] y) {
      for (int i = 0; i < rows; i++) {
        double sum = 0;
        for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
          sum += values[p] * x[columns[p]];
        }
        y[i] = sum;
      }
    }

    int nonZeros() {
      return rowStart[rows];
    }
  }

  /** {@code iterations} steps of power iteration; returns the vector, then the estimate of the
   * dominant eigenvalue and the number of non-zeros. */
  @Jit
  public static double[] powerIteration(int n, int iterations) {
    SparseMatrix a = SparseMatrix.banded(n, 12345L);
    double[] x = new double[n];
    double[] y = new double[n];
    java.util.Arrays.fill(x, 1.0);
    double lambda = 0;
    for (int it = 0; it < iterations; it++) {
      a.multiply(x, y);
      double norm = 0;
      for (double v : y) {
        norm += v * v;
      }
      norm = Math.sqrt(norm);
      lambda = norm;
      for (int i = 0; i < n; i++) {
        x[i] = y[i] / norm;
      }
    }
    double[] out = java.util.Arrays.copyOf(x, n + 2);
    out[n] = lambda;
    out[n + 1] = a.nonZeros();
    return out;
  }
}
