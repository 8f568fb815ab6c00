package dev.kiln.e2e.corpus;

import dev.kiln.Jit;
import dev.kiln.e2e.Range;
import dev.kiln.e2e.Size;
import java.lang.invoke.MethodHandles;

/** Arrays of arrays: multianewarray, anewarray of rows, jagged and null rows, matmul. */
public final class MultiArrayCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private MultiArrayCorpus() {}

  @Jit
  public static double[][] matmul(@Size(min = 0, max = 4) double[][] a,
                                  @Size(min = 0, max = 4) double[][] b) {
    int n = a.length;
    int k = b.length;
    int m = k == 0 ? 0 : b[0].length;
    double[][] c = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double s = 0.0;
        for (int p = 0; p < k; p++) {
          s += a[i][p] * b[p][j];
        }
        c[i][j] = s;
      }
    }
    return c;
  }

  @Jit
  public static int[][] transpose(@Size(max = 5) int[][] a) {
    if (a.length == 0) {
      return new int[0][0];
    }
    int[][] t = new int[a[0].length][a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        t[j][i] = a[i][j];
      }
    }
    return t;
  }

  /** Null rows throw NPE; jagged rows are fine. */
  @Jit
  public static long sum2d(long[][] a) {
    long s = 0;
    for (long[] row : a) {
      for (long v : row) {
        s += v;
      }
    }
    return s;
  }

  @Jit
  public static double[][] identity(@Range(min = -2, max = 8) int n) {
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      m[i][i] = 1.0;
    }
    return m;
  }

  /** Pascal's triangle: an array of rows of growing length. */
  @Jit
  public static long[][] pascal(@Range(min = -1, max = 30) int n) {
    long[][] rows = new long[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = new long[i + 1];
      rows[i][0] = 1;
      rows[i][i] = 1;
      for (int j = 1; j < i; j++) {
        rows[i][j] = rows[i - 1][j - 1] + rows[i - 1][j];
      }
    }
    return rows;
  }

  @Jit
  public static int cube(@Range(min = -1, max = 6) int n, @Range(min = -1, max = 6) int m) {
    int[][][] c = new int[n][m][n + m];
    int s = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        for (int k = 0; k < n + m; k++) {
          c[i][j][k] = i * j - k;
          s += c[i][j][k] * (k + 1);
        }
      }
    }
    return s + c.length;
  }

  @Jit
  public static float[] rowSums(float[][] a) {
    float[] r = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      float s = 0f;
      for (int j = 0; j < a[i].length; j++) {
        s += a[i][j];
      }
      r[i] = s;
    }
    return r;
  }

  @Jit
  public static double trace(double[][] m) {
    double t = 0;
    for (int i = 0; i < m.length; i++) {
      t += m[i][i];
    }
    return t;
  }

  @Jit
  public static short[] flatten(short[][] a) {
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      n += a[i].length;
    }
    short[] r = new short[n];
    int k = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        r[k++] = a[i][j];
      }
    }
    return r;
  }

  @Jit
  public static void setCell(int[][] a, @Range(min = -1, max = 3) int i,
                             @Range(min = -1, max = 3) int j, int v) {
    a[i][j] = v;
    a[i][0] += 1;
  }

  /** One step of Conway's life on a torus; rows of different lengths throw. */
  @Jit
  public static boolean[][] lifeStep(@Size(min = 1, max = 6) boolean[][] g) {
    int h = g.length;
    int w = g[0].length;
    boolean[][] next = new boolean[h][w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int n = 0;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            if ((dy != 0 || dx != 0) && g[(y + dy + h) % h][(x + dx + w) % w]) {
              n++;
            }
          }
        }
        next[y][x] = n == 3 || (n == 2 && g[y][x]);
      }
    }
    return next;
  }

  /** A partly allocated 3-D array: the last dimension left null, filled row by row. */
  @Jit
  public static long[][][] partial(@Range(min = -1, max = 4) int a, @Range(min = -1, max = 4) int b) {
    long[][][] r = new long[a][b][];
    for (int i = 0; i < a; i++) {
      for (int j = 0; j < b; j++) {
        if ((i + j) % 2 == 0) {
          r[i][j] = new long[i + j];
        }
      }
    }
    return r;
  }

  /** Row swap through the outer array: mutates the argument's structure in place. */
  @Jit
  public static void swapRows(char[][] a, @Range(min = -1, max = 4) int i,
                              @Range(min = -1, max = 4) int j) {
    char[] t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  @Jit
  public static byte[][] byteGrid(@Range(min = 0, max = 5) int n, byte seed) {
    byte[][] g = new byte[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        g[i][j] = (byte) (seed * (i + 1) + j * 37);
      }
    }
    return g;
  }
}
