package dev.kiln.dispatch;

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
    java.util.Map<String, byte[]> known;
    synchronized (REGISTERED) { // not computeIfAbsent with a lambda: the agent's start links none
      known = REGISTERED.get(loader);
      if (known == null) {
        known = new java.util.concurrent.ConcurrentHashMap<>();
        REGISTERED.put(loader, known);
      }
    }
    known.put(internalName, bytes.clone());
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

  /**
   * The source stamp of {@code c}, made once from these bytes and the time and size of the file
   * they came from (or, where that is unknown, of {@code c}'s resource).
   */
  static dev.kiln.cache.SourceStamp stamp(Class<?> c) {
    return LOADED.get(c).stamp(c);
  }

  /** Where {@code c} was loaded from, for cache keys ({@code ClassFileSource.origin}). */
  static String origin(Class<?> c) {
    try {
      return dev.kiln.cache.ClassFileSource.origin(c.getProtectionDomain());
    } catch (SecurityException e) {
      return "";
    }
  }

  /**
   * What is known of a loaded class's bytes: them, the class file they were read from (null if
   * unknown), and their stamp once asked for. Kept together so that one class value serves
   * compiling, reading {@code @Jit} and the cache's checks.
   */
  private static final class Loaded {
    final byte[] bytes;
    final dev.kiln.cache.ClassFileSource file;
    private volatile dev.kiln.cache.SourceStamp stamp;

    Loaded(byte[] bytes, dev.kiln.cache.ClassFileSource file) {
      this.bytes = bytes;
      this.file = file;
    }

    byte[] bytes() {
      return bytes;
    }

    dev.kiln.cache.SourceStamp stamp(Class<?> c) {
      dev.kiln.cache.SourceStamp s = stamp;
      if (s == null) { // a race computes the same stamp twice
        s = dev.kiln.cache.SourceStamp.of(c.getName(), bytes, file != null ? file.modified() : -1,
            file != null ? file.size() : -1);
        stamp = s;
      }
      return s;
    }
  }

  private static final ClassValue<Loaded> LOADED = new ClassValue<>() {
    @Override
    protected Loaded computeValue(Class<?> c) {
      dev.kiln.cache.ClassFileSource file;
      try {
        file = dev.kiln.cache.ClassFileSource.of(c);
      } catch (IOException | RuntimeException e) {
        file = null;
      }
      if (file == null) { // a code source that says nothing: the loader's resource, read once
        file = dev.kiln.cache.ClassFileSource.find(c.getClassLoader(), c.getName());
      }
      byte[] registered = registered(c);
      return new Loaded(registered != null ? registered : file != null ? file.bytes()
          : stream(c), file);
    }
  };

  private static byte[] registered(Class<?> c) {
    java.util.Map<String, byte[]> known = REGISTERED.get(c.getClassLoader());
    return known == null ? null : known.get(c.getName().replace('.', '/'));
  }

  /** Through the class loader's resource stream: a loader may serve the stream alone. */
  private static byte[] stream(Class<?> c) {
    String resource = c.getName().replace('.', '/') + ".class";
    ClassLoader loader = c.getClassLoader();
    byte[] bytes;
    try {
      try (InputStream in = loader != null ? loader.getResourceAsStream(resource)
          : ClassLoader.getSystemResourceAsStream(resource)) {
        bytes = in == null ? null : in.readAllBytes();
      }
    } catch (IOException | RuntimeException e) {
      throw CallErrors.unreadableClass(c, e);
    }
    if (bytes == null) {
      throw CallErrors.noClassFile(c, resource);
    }
    return bytes;
  }
}
