package dev.kiln.frontend;

/**
 * A class file read by hand (JVMS chapter 4) as far as a method's attributes: the constant pool
 * indexed, its UTF-8 and integer constants decoded, the method table searched. For the readers
 * ASM does not serve: the bytecode offsets of a method's instructions, which ASM's tree hides
 * ({@link BytecodeOffsets}), and a method's {@code @Jit}, which a warm start reads without
 * loading ASM (dispatch's {@code JitAnnotation}).
 *
 * <p>A malformed class file throws {@code IllegalArgumentException} or, where it ends early,
 * {@code ArrayIndexOutOfBoundsException}; callers treat any {@code RuntimeException} as "cannot
 * read".
 */
public final class ClassFileReader {
  private final byte[] b;
  /** The read position. */
  private int at;
  /** Where each constant-pool entry starts (its tag), 0 for unusable indices. */
  private final int[] offsets;
  /** Where the access flags after the constant pool start. */
  private final int afterPool;

  /** Reads {@code classFile}'s constant pool. */
  public ClassFileReader(byte[] classFile) {
    this.b = classFile;
    if (b.length < 10 || u4() != 0xCAFEBABE) {
      throw new IllegalArgumentException("not a class file");
    }
    skip(4); // minor, major
    int n = u2();
    offsets = new int[n];
    for (int i = 1; i < n; i++) {
      offsets[i] = at;
      int tag = u1();
      switch (tag) {
        case 1 -> skip(u2()); // Utf8
        case 3, 4, 9, 10, 11, 12, 17, 18 -> skip(4);
        case 5, 6 -> {
          skip(8);
          i++; // takes two entries
        }
        case 7, 8, 16, 19, 20 -> skip(2);
        case 15 -> skip(3);
        default -> throw new IllegalArgumentException("constant pool tag " + tag);
      }
    }
    afterPool = at;
  }

  /**
   * Moves to the attributes of method {@code name descriptor} and returns how many it has (each
   * is then a name index, a length and that many bytes); -1 if the class declares no such
   * method.
   */
  public int method(String name, String descriptor) {
    at = afterPool;
    skip(6); // access, this, super
    skip(2 * u2()); // interfaces
    int fields = u2();
    for (int i = 0; i < fields; i++) {
      skip(6);
      skipAttributes();
    }
    int methods = u2();
    for (int i = 0; i < methods; i++) {
      skip(2);
      boolean wanted = utf8(u2()).equals(name) & utf8(u2()).equals(descriptor);
      if (wanted) {
        return u2();
      }
      skipAttributes();
    }
    return -1;
  }

  /**
   * Of the {@code attributes} attributes at the read position (as {@link #method} leaves it),
   * moves to the body of the one named {@code name} and returns its length; -1 if there is none.
   */
  public int attribute(int attributes, String name) {
    for (int a = 0; a < attributes; a++) {
      String attribute = utf8(u2());
      int length = u4();
      if (attribute.equals(name)) {
        return length;
      }
      skip(length);
    }
    return -1;
  }

  private void skipAttributes() {
    int n = u2();
    for (int i = 0; i < n; i++) {
      skip(2);
      skip(u4());
    }
  }

  /** The read position, an index into the class file. */
  public int position() {
    return at;
  }

  public int u1() {
    return b[at++] & 0xff;
  }

  public int u2() {
    int v = ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    at += 2;
    return v;
  }

  public int u4() {
    return (u2() << 16) | u2();
  }

  public void skip(int n) {
    if (n < 0 || at + n > b.length) {
      throw new IllegalArgumentException("truncated class file");
    }
    at += n;
  }

  /** A {@code CONSTANT_Integer} (also what booleans, chars, bytes and shorts are stored as). */
  public int integer(int index) {
    int i = entry(index, 3);
    return ((b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8)
        | (b[i + 3] & 0xff);
  }

  /** A {@code CONSTANT_Utf8}, decoded from modified UTF-8 (JVMS 4.4.7). */
  public String utf8(int index) {
    int i = entry(index, 1);
    int length = ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    i += 2;
    int end = i + length;
    char[] out = new char[length];
    int n = 0;
    while (i < end) {
      int c = b[i++] & 0xff;
      if (c < 0x80) {
        out[n++] = (char) c;
      } else if (c < 0xE0) {
        out[n++] = (char) (((c & 0x1F) << 6) | (b[i++] & 0x3F));
      } else {
        out[n++] = (char) (((c & 0x0F) << 12) | ((b[i] & 0x3F) << 6) | (b[i + 1] & 0x3F));
        i += 2;
      }
    }
    return new String(out, 0, n);
  }

  private int entry(int index, int tag) {
    if (index <= 0 || index >= offsets.length || offsets[index] == 0
        || b[offsets[index]] != tag) {
      throw new IllegalArgumentException("constant " + index + " is not of tag " + tag);
    }
    return offsets[index] + 1;
  }

  /**
   * Whether {@code classFile} holds the ASCII string {@code name} anywhere, without parsing it:
   * a class that refers to a class or descriptor has its name among its constant pool's
   * strings, so a class without it certainly does not refer to it (one that has it only inside
   * a longer string is a false positive its callers accept).
   */
  public static boolean mentions(byte[] classFile, String name) {
    int n = name.length();
    byte first = (byte) name.charAt(0);
    outer:
    for (int i = 0; i + n <= classFile.length; i++) {
      if (classFile[i] != first) {
        continue;
      }
      for (int j = 1; j < n; j++) {
        if (classFile[i + j] != (byte) name.charAt(j)) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
