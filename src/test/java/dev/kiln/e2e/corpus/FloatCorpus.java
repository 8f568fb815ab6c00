package dev.kiln.e2e.corpus;

import dev.kiln.Jit;
import java.lang.invoke.MethodHandles;

/** Floating point: NaN in every comparison (javac's fcmpl/fcmpg and dcmpl/dcmpg forms),
 * signed zeros, division by zero, float vs double rounding, Math/StrictMath helpers. */
public final class FloatCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private FloatCorpus() {}

  /** Every comparison form as a branch, one bit each. */
  @Jit
  public static int compareMaskDouble(double a, double b) {
    int m = 0;
    if (a < b) m |= 1;
    if (a > b) m |= 2;
    if (a <= b) m |= 4;
    if (a >= b) m |= 8;
    if (a == b) m |= 16;
    if (a != b) m |= 32;
    if (!(a < b)) m |= 64;
    if (!(a > b)) m |= 128;
    if (!(a <= b)) m |= 256;
    if (!(a >= b)) m |= 512;
    if (!(a == b)) m |= 1024;
    if (a < 0.0) m |= 2048;
    if (a > 0.0) m |= 4096;
    if (a == 0.0) m |= 8192;
    return m;
  }

  @Jit
  public static int compareMaskFloat(float a, float b) {
    int m = 0;
    if (a < b) m |= 1;
    if (a > b) m |= 2;
    if (a <= b) m |= 4;
    if (a >= b) m |= 8;
    if (a == b) m |= 16;
    if (a != b) m |= 32;
    if (!(a < b)) m |= 64;
    if (!(a > b)) m |= 128;
    if (!(a <= b)) m |= 256;
    if (!(a >= b)) m |= 512;
    if (!(a == b)) m |= 1024;
    if (a < 0f) m |= 2048;
    if (a > 0f) m |= 4096;
    if (a == 0f) m |= 8192;
    return m;
  }

  /** Comparisons as values (boolean results materialized without an if). */
  @Jit
  public static boolean lessThanDouble(double a, double b) {
    return a < b;
  }

  @Jit
  public static boolean notGreaterOrEqualFloat(float a, float b) {
    return !(a >= b);
  }

  @Jit
  public static boolean greaterThanFloat(float a, float b) {
    return a > b;
  }

  @Jit
  public static boolean notLessOrEqualDouble(double a, double b) {
    return !(a <= b);
  }

  @Jit
  public static int compareLibrary(double a, double b, float c, float d) {
    return Double.compare(a, b) * 100 + Float.compare(c, d) * 10
        + (Double.isNaN(a) ? 1 : 0) + (Float.isNaN(c) ? 2 : 0)
        + (Double.isInfinite(b) ? 4 : 0) + (Float.isFinite(d) ? 8 : 0);
  }

  /** Math.min/max order -0.0 below 0.0 and propagate NaN; the ternary forms do not. */
  @Jit
  public static double[] minMax(double a, double b) {
    return new double[] {Math.min(a, b), Math.max(a, b), a < b ? a : b, a > b ? a : b,
        Double.min(a, b), Double.max(a, b), Double.sum(a, b)};
  }

  @Jit
  public static float[] minMaxFloat(float a, float b) {
    return new float[] {Math.min(a, b), Math.max(a, b), a <= b ? a : b, Float.max(a, b),
        Math.abs(a), Math.abs(b)};
  }

  @Jit
  public static double divideDouble(double a, double b) {
    return a / b;
  }

  @Jit
  public static double remainderDouble(double a, double b) {
    return a % b;
  }

  @Jit
  public static float remainderFloat(float a, float b) {
    return a % b;
  }

  /** Signed zeros through arithmetic and through division, as an array of results. */
  @Jit
  public static double[] signedZeros(double x) {
    double z = 0.0 * x;
    double nz = -0.0 * x;
    return new double[] {z, nz, -x, x - x, x + 0.0, x + -0.0, 1.0 / z, 1.0 / nz,
        z == nz ? 1.0 : 0.0, Math.copySign(1.0, x), Math.signum(x)};
  }

  /** float arithmetic rounds to float at every step; double arithmetic does not. */
  @Jit
  public static double floatVsDouble(float a, float b) {
    float f = a * b + a / 3f - b;
    double d = (double) a * b + (double) a / 3.0 - b;
    return d - f;
  }

  @Jit
  public static float floatChain(float a, float b, float c) {
    float r = a;
    r = r * b + c;
    r = r / (b - c);
    r -= a * 0.1f;
    return -r;
  }

  @Jit
  public static double horner(double[] coefficients, double x) {
    double r = 0.0;
    for (int i = coefficients.length - 1; i >= 0; i--) {
      r = r * x + coefficients[i];
    }
    return r;
  }

  @Jit
  public static double kahanSum(double[] a) {
    double sum = 0.0;
    double c = 0.0;
    for (int i = 0; i < a.length; i++) {
      double y = a[i] - c;
      double t = sum + y;
      c = (t - sum) - y;
      sum = t;
    }
    return sum;
  }

  @Jit
  public static double[] meanVariance(double[] a) {
    double mean = 0;
    for (double v : a) {
      mean += v;
    }
    mean /= a.length;
    double var = 0;
    for (double v : a) {
      double d = v - mean;
      var += d * d;
    }
    return new double[] {mean, var / a.length};
  }

  @Jit
  public static float floatSum(float[] a) {
    float s = 0f;
    for (int i = 0; i < a.length; i++) {
      s += a[i];
    }
    return s;
  }

  @Jit
  public static double mathFunctions(double x) {
    return Math.sqrt(Math.abs(x)) + Math.floor(x) * 0.5 + Math.ceil(x) * 0.25 + Math.rint(x)
        + Math.fma(x, 3.0, 1.0) + Math.ulp(x) + Math.getExponent(x) + Math.nextUp(x)
        + Math.nextDown(x) + Math.scalb(x, 3) + Math.hypot(x, 2.0) + Math.cbrt(x);
  }

  @Jit
  public static double strictMathFunctions(double x, double y) {
    return StrictMath.sin(x) + StrictMath.cos(y) + StrictMath.exp(x * 0.01)
        + StrictMath.log(Math.abs(y)) + StrictMath.pow(x, y) + StrictMath.atan2(x, y)
        + StrictMath.tanh(x);
  }

  @Jit
  public static double transcendental(double x) {
    return Math.sin(x) * Math.cos(x) + Math.exp(x / 100) + Math.log(x) + Math.log10(x)
        + Math.pow(x, 1.5) + Math.atan(x) + Math.tan(x);
  }

  @Jit
  public static double clamp(double x, double lo, double hi) {
    return x < lo ? lo : x > hi ? hi : x;
  }

  @Jit
  public static float floatUnderflow(float a) {
    float h = a * 0.5f;
    float q = h * Float.MIN_NORMAL;
    return q / Float.MIN_NORMAL + h * 2f - a;
  }

  /** int vs double comparison, the int converted first. */
  @Jit
  public static int mixedCompare(int i, double d, long l, float f) {
    int r = 0;
    if (i < d) r += 1;
    if (l >= f) r += 2;
    if ((double) l == d) r += 4;
    if (i > f) r += 8;
    return r;
  }

  @Jit
  public static double newtonSqrt(double x) {
    if (!(x > 0)) {
      return x == 0 ? x : Double.NaN;
    }
    double g = x > 1 ? x / 2 : 1.0;
    for (int i = 0; i < 100; i++) {
      double next = 0.5 * (g + x / g);
      if (next == g) {
        break;
      }
      g = next;
    }
    return g;
  }

  @Jit
  public static float floatLibrary(float x, float y) {
    return Math.copySign(x, y) + Math.signum(y) + Math.ulp(x) + Math.nextAfter(x, y)
        + Math.scalb(y, -2) + Float.sum(x, y) + Float.min(x, y) + Math.fma(x, y, 1f);
  }
}
