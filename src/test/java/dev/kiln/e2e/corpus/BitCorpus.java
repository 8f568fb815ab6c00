package dev.kiln.e2e.corpus;

import dev.kiln.Jit;
import dev.kiln.e2e.Range;
import java.lang.invoke.MethodHandles;

/** Shifts (counts >= 32/64 and negative), bit tricks and the Integer/Long bit helpers. */
public final class BitCorpus {
  static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

  private BitCorpus() {}

  @Jit
  public static int shiftsInt(int x, int s) {
    int a = x << s;
    int b = x >> s;
    int c = x >>> s;
    return a ^ (b * 31) ^ (c * 961);
  }

  /** Each shift of a long, in a new array; the count is an int and only its low 6 bits count. */
  @Jit
  public static long[] shiftsLong(long x, int s) {
    long[] r = new long[4];
    r[0] = x << s;
    r[1] = x >> s;
    r[2] = x >>> s;
    r[3] = x << (long) s; // l2i of a long shift count
    return r;
  }

  @Jit
  public static int shiftByLong(int x, long s) {
    return (x << s) + (x >>> (s + 1));
  }

  @Jit
  public static int popcount(int x) {
    int c = 0;
    while (x != 0) {
      x &= x - 1;
      c++;
    }
    return c;
  }

  @Jit
  public static int popcountLong(long x) {
    int c = 0;
    for (int i = 0; i < 64; i++) {
      if (((x >>> i) & 1L) != 0) {
        c++;
      }
    }
    return c;
  }

  @Jit
  public static long longBitHelpers(long x) {
    return Long.bitCount(x) + Long.numberOfLeadingZeros(x) * 64L
        + Long.numberOfTrailingZeros(x) * 4096L + Long.signum(x)
        + Long.highestOneBit(x) + Long.lowestOneBit(x) + Long.reverse(x) + Long.reverseBytes(x);
  }

  @Jit
  public static int intBitHelpers(int x, int s) {
    return Integer.rotateLeft(x, s) ^ Integer.rotateRight(x, s + 3) ^ Integer.reverse(x)
        ^ Integer.highestOneBit(x) ^ Integer.lowestOneBit(x) ^ Integer.signum(x)
        ^ Integer.reverseBytes(x) ^ Integer.bitCount(x) ^ Integer.numberOfLeadingZeros(s);
  }

  @Jit
  public static int reverseBitsLoop(int x) {
    int r = 0;
    for (int i = 0; i < 32; i++) {
      r = (r << 1) | (x & 1);
      x >>>= 1;
    }
    return r;
  }

  @Jit
  public static boolean isPowerOfTwo(long x) {
    return x > 0 && (x & (x - 1)) == 0;
  }

  @Jit
  public static int nextPowerOfTwo(int x) {
    int v = x - 1;
    v |= v >>> 1;
    v |= v >>> 2;
    v |= v >>> 4;
    v |= v >>> 8;
    v |= v >>> 16;
    return v + 1;
  }

  @Jit
  public static int grayRoundTrip(int x) {
    int g = x ^ (x >>> 1);
    int b = g;
    for (int shift = 1; shift < 32; shift <<= 1) {
      b ^= b >>> shift;
    }
    return b == x ? g : -1;
  }

  /** Morton code: interleaves the bits of two 16-bit values. */
  @Jit
  public static int morton(char x, char y) {
    int z = 0;
    for (int i = 0; i < 16; i++) {
      z |= (x & (1 << i)) << i | (y & (1 << i)) << (i + 1);
    }
    return z;
  }

  @Jit
  public static long xorshift(long seed, @Range(min = -2, max = 64) int rounds) {
    long x = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
    for (int i = 0; i < rounds; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
    }
    return x;
  }

  @Jit
  public static long unsignedOps(int a, int b) {
    long r = Integer.toUnsignedLong(a);
    r += Integer.compareUnsigned(a, b);
    r += Integer.remainderUnsigned(a, b);
    r += Integer.divideUnsigned(a, b) * 3L;
    return r + Long.compareUnsigned((long) a, (long) b) + Long.remainderUnsigned(a, 7L);
  }

  @Jit
  public static int bitFields(int packed, @Range(min = -1, max = 33) int offset,
                              @Range(min = 0, max = 33) int width) {
    int mask = width >= 32 ? -1 : (1 << width) - 1;
    int field = (packed >>> offset) & mask;
    int cleared = packed & ~(mask << offset);
    return cleared | (~field & mask) << offset;
  }

  @Jit
  public static boolean bitLogic(boolean a, boolean b, boolean c) {
    boolean x = a & b | c ^ a;
    boolean y = !(a | b) ^ (b & !c);
    return x ^ y | (a == c) & (b != a);
  }

  @Jit
  public static long byteMix(byte b, short s, char c) {
    long r = b & 0xFF;
    r |= (long) (s & 0xFFFF) << 8;
    r |= (long) c << 24;
    r ^= (long) b << 40; // sign extension of a negative byte
    r += s >> 3;
    r += c >>> 2;
    return r;
  }
}
