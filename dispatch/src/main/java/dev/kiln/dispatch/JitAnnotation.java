package dev.kiln.dispatch;

import dev.kiln.Jit;
import dev.kiln.JitOptions;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * A method's {@link Jit} options, read from its class file rather than by reflection.
 *
 * <p>Why: {@code Method.getAnnotation} makes a {@code java.lang.reflect.Proxy} for the
 * annotation, and the first proxy of a JVM costs about 10 ms (proxy generation, lambdas, a new
 * module), which a warm start cannot afford. Kiln reads the class's bytes anyway (to stamp them
 * for the cache, to compile them), and the annotation is a few constant-pool references. When
 * the bytes cannot be had or do not describe the method (a class rewritten by some other
 * agent), reflection answers instead.
 */
final class JitAnnotation {
  private static final String JIT = "Ldev/kiln/Jit;";

  /** The class file. */
  private final byte[] b;
  /** The read position. */
  private int at;
  /** Where each constant-pool entry starts (its tag), 0 for unusable indices. */
  private int[] offsets;

  private JitAnnotation(byte[] b) {
    this.b = b;
  }

  /** The options {@code m}'s {@code @Jit} states, the defaults if it has none. */
  static JitOptions of(Class<?> owner, Method m, String descriptor) {
    try {
      JitOptions o = parse(ClassBytes.of(owner), m.getName(), descriptor);
      return o != null ? o : JitOptions.DEFAULTS;
    } catch (RuntimeException | LinkageError e) { // no bytes (CompileError), or not these bytes
      Log.debug("reading @Jit of " + m + " by reflection: " + e);
    }
    Jit jit = m.getAnnotation(Jit.class);
    return jit != null ? JitOptions.of(jit) : JitOptions.DEFAULTS;
  }

  /** Whether {@code m} (declared by a class Kiln can read) is annotated {@code @Jit}. */
  static boolean present(Method m) {
    try {
      return parse(ClassBytes.of(m.getDeclaringClass()), m.getName(),
          MethodTarget.descriptorOf(m)) != null;
    } catch (RuntimeException | LinkageError e) {
      return m.isAnnotationPresent(Jit.class);
    }
  }

  /**
   * Reads method {@code name descriptor}'s {@code RuntimeVisibleAnnotations} (JVMS 4.7.16):
   * its {@code @Jit} options, {@code null} if it has none.
   *
   * @throws IllegalArgumentException if the bytes are not a class file this reader understands
   *                                  or declare no such method
   */
  static JitOptions parse(byte[] b, String name, String descriptor) {
    JitAnnotation r = new JitAnnotation(b);
    if (r.u4() != 0xCAFEBABE) {
      throw new IllegalArgumentException("not a class file");
    }
    r.skip(4); // minor, major
    int n = r.u2();
    int[] offsets = new int[n];
    for (int i = 1; i < n; i++) {
      offsets[i] = r.at;
      int tag = r.u1();
      switch (tag) {
        case 1 -> r.skip(r.u2()); // Utf8
        case 3, 4, 9, 10, 11, 12, 17, 18 -> r.skip(4);
        case 5, 6 -> {
          r.skip(8);
          i++; // takes two entries
        }
        case 7, 8, 16, 19, 20 -> r.skip(2);
        case 15 -> r.skip(3);
        default -> throw new IllegalArgumentException("constant pool tag " + tag);
      }
    }
    r.offsets = offsets;
    JitAnnotation cp = r;
    r.skip(6); // access, this, super
    r.skip(2 * r.u2()); // interfaces
    int fields = r.u2();
    for (int i = 0; i < fields; i++) {
      r.skip(6);
      skipAttributes(r);
    }
    int methods = r.u2();
    for (int i = 0; i < methods; i++) {
      r.skip(2);
      boolean wanted = cp.utf8(r.u2()).equals(name) & cp.utf8(r.u2()).equals(descriptor);
      JitOptions found = null;
      int attributes = r.u2();
      for (int a = 0; a < attributes; a++) {
        String attribute = cp.utf8(r.u2());
        int length = r.u4();
        int end = r.at + length;
        if (wanted && attribute.equals("RuntimeVisibleAnnotations")) {
          JitOptions o = jit(r, cp);
          found = o != null ? o : found;
        }
        r.at = end;
      }
      if (wanted) {
        return found;
      }
    }
    throw new IllegalArgumentException("no method " + name + descriptor + " in the class file");
  }

  private static void skipAttributes(JitAnnotation r) {
    int n = r.u2();
    for (int i = 0; i < n; i++) {
      r.skip(2);
      r.skip(r.u4());
    }
  }

  /** The {@code @Jit} among the annotations at {@code r}, or null. */
  private static JitOptions jit(JitAnnotation r, JitAnnotation cp) {
    int n = r.u2();
    JitOptions found = null;
    for (int i = 0; i < n; i++) {
      boolean isJit = cp.utf8(r.u2()).equals(JIT);
      JitOptions o = JitOptions.DEFAULTS;
      int pairs = r.u2();
      for (int p = 0; p < pairs; p++) {
        String element = cp.utf8(r.u2());
        if (!isJit) {
          skipValue(r);
          continue;
        }
        switch (element) {
          case "signatures" -> o = o.withSignatures(strings(r, cp));
          case "nopython" -> o = o.withNopython(bool(r, cp));
          case "cache" -> o = o.withCache(bool(r, cp));
          case "fastmath" -> o = o.withFastmath(bool(r, cp));
          case "parallel" -> o = o.withParallel(bool(r, cp));
          default -> skipValue(r); // an element this Kiln does not know (a newer @Jit)
        }
      }
      if (isJit) {
        found = o;
      }
    }
    return found;
  }

  private static boolean bool(JitAnnotation r, JitAnnotation cp) {
    int tag = r.u1();
    if (tag != 'Z') {
      throw new IllegalArgumentException("@Jit boolean element with tag " + (char) tag);
    }
    return cp.integer(r.u2()) != 0;
  }

  private static String[] strings(JitAnnotation r, JitAnnotation cp) {
    int tag = r.u1();
    if (tag != '[') {
      throw new IllegalArgumentException("@Jit signatures element with tag " + (char) tag);
    }
    int n = r.u2();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int t = r.u1();
      if (t != 's') {
        throw new IllegalArgumentException("@Jit signature with tag " + (char) t);
      }
      out.add(cp.utf8(r.u2()));
    }
    return out.toArray(new String[0]);
  }

  private static void skipValue(JitAnnotation r) {
    int tag = r.u1();
    switch (tag) {
      case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z', 's', 'c' -> r.skip(2);
      case 'e' -> r.skip(4);
      case '@' -> skipAnnotation(r);
      case '[' -> {
        int n = r.u2();
        for (int i = 0; i < n; i++) {
          skipValue(r);
        }
      }
      default -> throw new IllegalArgumentException("element value tag " + tag);
    }
  }

  private static void skipAnnotation(JitAnnotation r) {
    r.skip(2);
    int pairs = r.u2();
    for (int i = 0; i < pairs; i++) {
      r.skip(2);
      skipValue(r);
    }
  }

  // ---------------------------------------------------------------- reading

  private int u1() {
    return b[at++] & 0xff;
  }

  private int u2() {
    int v = ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    at += 2;
    return v;
  }

  private int u4() {
    return (u2() << 16) | u2();
  }

  private void skip(int n) {
    if (n < 0 || at + n > b.length) {
      throw new IllegalArgumentException("truncated class file");
    }
    at += n;
  }

  private int integer(int index) {
    int i = entry(index, 3);
    return ((b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8)
        | (b[i + 3] & 0xff);
  }

  /** A {@code CONSTANT_Utf8}, decoded from modified UTF-8 (JVMS 4.4.7). */
  private String utf8(int index) {
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
}
