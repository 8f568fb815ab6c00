package dev.kiln.cache;

/**
 * The 128-bit MurmurHash3 (x64 variant, seed 0) of class bytes and entry keys, as 32 lowercase
 * hex digits (the bytes of h1 then h2, little-endian, as Guava prints it).
 *
 * <p>Why not SHA-256: the first {@code MessageDigest} of a JVM loads the security providers,
 * about 9 ms of a warm start, and a stamp only has to notice that a class changed, not resist
 * someone forging one (whoever can write the cache directory can plant classes anyway; see
 * {@link ClassCache}). 128 bits make an accidental collision between two versions of a class
 * that also agree in size and modification time negligible.
 */
final class ContentHash {
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private ContentHash() {}

  /** The hash of {@code data} as 32 lowercase hex digits. */
  static String hex(byte[] data) {
    long[] h = murmur3(data);
    char[] out = new char[32];
    put(out, 0, h[0]);
    put(out, 16, h[1]);
    return new String(out);
  }

  /** The bytes a hash's text (two hex digits a byte) stands for: what an entry stores. */
  static byte[] bytes(String text) {
    byte[] b = new byte[text.length() / 2];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) Integer.parseInt(text, 2 * i, 2 * i + 2, 16);
    }
    return b;
  }

  /** The text of a hash stored as {@code bytes} (the inverse of {@link #bytes}). */
  static String text(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /** Whether {@code s} is 32 lowercase hex digits, as {@link #hex} gives. */
  static boolean isHex(String s) {
    if (s.length() != 32) {
      return false;
    }
    for (int i = 0; i < 32; i++) {
      char ch = s.charAt(i);
      if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /** {@code v}'s 8 bytes, least significant first, as hex at {@code out[at..at+16)}. */
  private static void put(char[] out, int at, long v) {
    for (int i = 0; i < 8; i++) {
      int b = (int) (v >>> (8 * i)) & 0xff;
      out[at + 2 * i] = HEX[b >>> 4];
      out[at + 2 * i + 1] = HEX[b & 0xf];
    }
  }

  static long[] murmur3(byte[] data) {
    int len = data.length;
    long h1 = 0;
    long h2 = 0;
    int blocks = len / 16;
    for (int i = 0; i < blocks; i++) {
      long k1 = littleEndian(data, 16 * i);
      long k2 = littleEndian(data, 16 * i + 8);
      h1 ^= mixK1(k1);
      h1 = Long.rotateLeft(h1, 27);
      h1 += h2;
      h1 = h1 * 5 + 0x52dce729;
      h2 ^= mixK2(k2);
      h2 = Long.rotateLeft(h2, 31);
      h2 += h1;
      h2 = h2 * 5 + 0x38495ab5;
    }
    int t = 16 * blocks;
    long k1 = 0;
    long k2 = 0;
    int rest = len & 15;
    for (int i = rest - 1; i >= 8; i--) {
      k2 ^= (long) (data[t + i] & 0xff) << (8 * (i - 8));
    }
    if (rest > 8) {
      h2 ^= mixK2(k2);
    }
    for (int i = Math.min(rest, 8) - 1; i >= 0; i--) {
      k1 ^= (long) (data[t + i] & 0xff) << (8 * i);
    }
    if (rest > 0) {
      h1 ^= mixK1(k1);
    }
    h1 ^= len;
    h2 ^= len;
    h1 += h2;
    h2 += h1;
    h1 = fmix(h1);
    h2 = fmix(h2);
    h1 += h2;
    h2 += h1;
    return new long[] {h1, h2};
  }

  private static long mixK1(long k1) {
    k1 *= C1;
    k1 = Long.rotateLeft(k1, 31);
    return k1 * C2;
  }

  private static long mixK2(long k2) {
    k2 *= C2;
    k2 = Long.rotateLeft(k2, 33);
    return k2 * C1;
  }

  private static long fmix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    return k ^ (k >>> 33);
  }

  /** Unrolled: a warm start runs this in the interpreter. */
  private static long littleEndian(byte[] b, int at) {
    return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16
        | (b[at + 3] & 0xffL) << 24 | (b[at + 4] & 0xffL) << 32 | (b[at + 5] & 0xffL) << 40
        | (b[at + 6] & 0xffL) << 48 | (b[at + 7] & 0xffL) << 56;
  }
}
