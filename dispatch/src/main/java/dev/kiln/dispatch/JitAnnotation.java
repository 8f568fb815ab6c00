package dev.kiln.dispatch;

import dev.kiln.Jit;
import dev.kiln.JitOptions;
import dev.kiln.frontend.ClassFileReader;
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

  private JitAnnotation() {}

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
    ClassFileReader r = new ClassFileReader(b);
    int attributes = r.method(name, descriptor);
    if (attributes < 0) {
      throw new IllegalArgumentException("no method " + name + descriptor + " in the class file");
    }
    // a method has at most one (JVMS 4.7.16)
    return r.attribute(attributes, "RuntimeVisibleAnnotations") < 0 ? null : jit(r);
  }

  /** The {@code @Jit} among the annotations at {@code r}, or null. */
  private static JitOptions jit(ClassFileReader r) {
    int n = r.u2();
    JitOptions found = null;
    for (int i = 0; i < n; i++) {
      boolean isJit = r.utf8(r.u2()).equals(JIT);
      JitOptions o = JitOptions.DEFAULTS;
      int pairs = r.u2();
      for (int p = 0; p < pairs; p++) {
        String element = r.utf8(r.u2());
        if (!isJit) {
          skipValue(r);
          continue;
        }
        switch (element) {
          case "signatures" -> o = o.withSignatures(strings(r));
          case "nopython" -> o = o.withNopython(bool(r));
          case "cache" -> o = o.withCache(bool(r));
          case "fastmath" -> o = o.withFastmath(bool(r));
          case "parallel" -> o = o.withParallel(bool(r));
          default -> skipValue(r); // an element this Kiln does not know (a newer @Jit)
        }
      }
      if (isJit) {
        found = o;
      }
    }
    return found;
  }

  private static boolean bool(ClassFileReader r) {
    int tag = r.u1();
    if (tag != 'Z') {
      throw new IllegalArgumentException("@Jit boolean element with tag " + (char) tag);
    }
    return r.integer(r.u2()) != 0;
  }

  private static String[] strings(ClassFileReader r) {
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
      out.add(r.utf8(r.u2()));
    }
    return out.toArray(new String[0]);
  }

  private static void skipValue(ClassFileReader r) {
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

  private static void skipAnnotation(ClassFileReader r) {
    r.skip(2);
    int pairs = r.u2();
    for (int i = 0; i < pairs; i++) {
      r.skip(2);
      skipValue(r);
    }
  }
}
