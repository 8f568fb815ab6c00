package dev.kiln.dispatch;

import dev.kiln.frontend.CompileError;
import java.io.IOException;
import java.io.InputStream;

/** Reads the class-file bytes a class was loaded from, through its own loader. */
final class ClassBytes {
  private ClassBytes() {}

  private static final java.util.Map<ClassLoader, java.util.Map<String, byte[]>> REGISTERED =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /** Records the original bytes of a class, for classes whose loader has no resource for them
   * (defined at run time) or whose loaded form was rewritten (by the agent). */
  static void register(ClassLoader loader, String internalName, byte[] bytes) {
    REGISTERED.computeIfAbsent(loader, k -> new java.util.concurrent.ConcurrentHashMap<>())
        .put(internalName, bytes.clone());
  }

  /**
   * {@code c}'s class file, read once per class at first use (from beside its code source, or
   * the bytes the agent recorded before rewriting it): compiling, reading {@code @Jit} and
   * stamping a cache entry all see the same bytes and do not read them again. (If the file is
   * rebuilt between the class's loading and this first read, these are the new bytes; the
   * stamp then records them, and the entry is rebuilt by the next JVM, which runs them.)
   */
  static byte[] of(Class<?> c) {
    return LOADED.get(c).bytes();
  }

  /** The class file {@code c} came from, found beside its code source; null if unknown. */
  static dev.kiln.cache.ClassFileSource file(Class<?> c) {
    return LOADED.get(c).file();
  }

  /** What is known of a loaded class's bytes. */
  private record Loaded(byte[] bytes, dev.kiln.cache.ClassFileSource file) {}

  private static final ClassValue<Loaded> LOADED = new ClassValue<>() {
    @Override
    protected Loaded computeValue(Class<?> c) {
      dev.kiln.cache.ClassFileSource file;
      try {
        file = dev.kiln.cache.ClassFileSource.of(c);
      } catch (IOException | RuntimeException e) {
        file = null;
      }
      byte[] registered = registered(c);
      return new Loaded(registered != null ? registered : file != null ? file.bytes() : read(c),
          file);
    }
  };

  private static byte[] registered(Class<?> c) {
    java.util.Map<String, byte[]> known = REGISTERED.get(c.getClassLoader());
    return known == null ? null : known.get(c.getName().replace('.', '/'));
  }

  /** Through the class loader's resources (a class whose code source says nothing). */
  private static byte[] read(Class<?> c) {
    String resource = c.getName().replace('.', '/') + ".class";
    ClassLoader loader = c.getClassLoader();
    try {
      java.net.URL url = loader != null ? loader.getResource(resource)
          : ClassLoader.getSystemResource(resource);
      if (url == null) { // a loader may serve the stream alone
        try (InputStream in = loader != null ? loader.getResourceAsStream(resource) : null) {
          if (in == null) {
            throw new CompileError("Kiln cannot find the bytecode of " + c.getName()
                + " (no resource " + resource + " in its class loader)");
          }
          return in.readAllBytes();
        }
      }
      return dev.kiln.cache.ClassFileSource.of(url).bytes(); // no URL connection for files and jars
    } catch (IOException | RuntimeException e) {
      if (e instanceof CompileError ce) {
        throw ce;
      }
      throw new CompileError("Kiln cannot read the bytecode of " + c.getName() + ": " + e, e);
    }
  }
}
