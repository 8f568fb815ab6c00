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
   * The bytes {@code c} was loaded from, read once per class: the loaded class cannot change,
   * whatever happens to its file later, and compiling, reading {@code @Jit} and stamping a
   * cache entry must all see the same bytes (and not pay to read them again).
   */
  static byte[] of(Class<?> c) {
    return LOADED.get(c);
  }

  private static final ClassValue<byte[]> LOADED = new ClassValue<>() {
    @Override
    protected byte[] computeValue(Class<?> c) {
      return read(c);
    }
  };

  private static byte[] read(Class<?> c) {
    java.util.Map<String, byte[]> known = REGISTERED.get(c.getClassLoader());
    if (known != null) {
      byte[] b = known.get(c.getName().replace('.', '/'));
      if (b != null) {
        return b;
      }
    }
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
      return dev.kiln.cache.ClassFiles.read(url); // no URL connection for files and jars
    } catch (IOException | RuntimeException e) {
      if (e instanceof CompileError ce) {
        throw ce;
      }
      throw new CompileError("Kiln cannot read the bytecode of " + c.getName() + ": " + e, e);
    }
  }
}
