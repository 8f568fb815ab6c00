package dev.kiln.e2e.corpus;

import dev.kiln.Jit;
import java.lang.invoke.MethodHandles;

/** Every primitive conversion: narrowing with sign/zero extension, float-to-integer
 * saturation (NaN to 0, ±∞ and out-of-range to MIN/MAX), widening with rounding. */
public final class ConversionCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private ConversionCorpus() {}

  @Jit
  public static byte toByte(int x) {
    return (byte) x;
  }

  @Jit
  public static char toChar(int x) {
    return (char) x;
  }

  @Jit
  public static short toShort(int x) {
    return (short) x;
  }

  @Jit
  public static int narrowSum(int x) {
    return (byte) x + (short) x * 3 + (char) x * 7 + (byte) (x >> 8);
  }

  @Jit
  public static int doubleToInt(double d) {
    return (int) d;
  }

  @Jit
  public static long doubleToLong(double d) {
    return (long) d;
  }

  @Jit
  public static int floatToInt(float f) {
    return (int) f;
  }

  @Jit
  public static long floatToLong(float f) {
    return (long) f;
  }

  /** d2i then narrowing: (byte)(int) of big doubles, char of negative ones. */
  @Jit
  public static int doubleToSmall(double d) {
    byte b = (byte) d;
    char c = (char) d;
    short s = (short) d;
    return b * 100_000 + c + s;
  }

  @Jit
  public static float doubleToFloat(double d) {
    return (float) d;
  }

  @Jit
  public static double floatToDouble(float f) {
    return f;
  }

  /** int to float loses precision above 2^24; long to float and double above 2^53. */
  @Jit
  public static double widenWithRounding(int i, long l) {
    float fi = i;
    float fl = l;
    double dl = l;
    return (fi - (double) i) + (fl - dl) * 2 + (dl - (double) (long) dl);
  }

  @Jit
  public static int longToInt(long l) {
    return (int) l + (int) (l >>> 32);
  }

  @Jit
  public static char byteToChar(byte b) {
    return (char) b;
  }

  @Jit
  public static short charToShort(char c) {
    return (short) c;
  }

  @Jit
  public static int[] truncateAll(double[] a) {
    int[] r = new int[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = (int) a[i];
    }
    return r;
  }

  /** Binary numeric promotion through every type. */
  @Jit
  public static double promoteAll(byte b, short s, char c, int i, long l, float f) {
    int bs = b * s;
    int sc = s + c;
    long il = i - l;
    float lf = l * f;
    double r = bs + sc;
    r += il / (l | 1);
    r += lf;
    r += c / 2 + b % 7;
    return r;
  }

  @Jit
  public static long rounding(double d, float f) {
    long r = Math.round(d);
    r += Math.round(f);
    r += (long) Math.rint(d);
    r += (long) Math.floor(d) + (long) Math.ceil(d);
    return r;
  }

  @Jit
  public static int booleans(boolean a, boolean b) {
    int x = a ? 1 : 0;
    int y = b ? 2 : 0;
    boolean c = a ^ b;
    boolean d = a & !b;
    return x + y + (c ? 4 : 0) + (d ? 8 : 0);
  }

  @Jit
  public static long bitsRoundTrip(double d, float f) {
    long db = Double.doubleToLongBits(d);
    int fb = Float.floatToIntBits(f);
    double d2 = Double.longBitsToDouble(db ^ 1L);
    float f2 = Float.intBitsToFloat(fb + 1);
    return db + fb + Double.doubleToLongBits(d2) + Float.floatToIntBits(f2);
  }

  @Jit
  public static float longToFloat(long l) {
    return (float) l;
  }

  @Jit
  public static double longToDouble(long l) {
    return (double) l;
  }
}
