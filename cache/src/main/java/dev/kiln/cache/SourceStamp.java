package dev.kiln.cache;

import java.net.URL;
import java.util.Objects;

/**
 * What a class's code was compiled from: a 128-bit hash of its class bytes ({@link ContentHash}),
 * and the modification
 * time and size of the class file or jar entry it was loaded from ({@code -1} when unknown: a
 * class defined at run time, from the JDK's image, or from a URL that is neither {@code file:}
 * nor {@code jar:}).
 *
 * @param className the binary name ({@link Class#getName()}), e.g. {@code com.acme.Kernels$Inner}
 * @param hash the hash of the class bytes, 32 lowercase hex digits
 * @param modified the last-modified time in milliseconds since the epoch, or {@code -1}
 * @param size the size in bytes of the class file or jar entry, or {@code -1}
 */
public record SourceStamp(String className, String hash, long modified, long size) {

  public SourceStamp {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(hash, "hash");
    if (className.isEmpty()) {
      throw new IllegalArgumentException("empty class name");
    }
    if (!ContentHash.isHex(hash)) {
      throw new IllegalArgumentException("not 32 lowercase hex digits: " + hash);
    }
  }

  // equals and hashCode written out: a record's generated ones bootstrap method handles, which
  // a warm start cannot afford

  @Override
  public boolean equals(Object o) {
    return o instanceof SourceStamp s && className.equals(s.className) && hash.equals(s.hash)
        && modified == s.modified && size == s.size;
  }

  @Override
  public int hashCode() {
    return (className.hashCode() * 31 + hash.hashCode()) * 31 + Long.hashCode(modified ^ size);
  }

  @Override
  public String toString() {
    return "SourceStamp[" + className + ", " + hash + ", modified " + modified + ", size " + size
        + "]";
  }

  /**
   * The stamp of {@code c}, whose class-file bytes are {@code classBytes}: their hash, and the
   * time and size of {@code c}'s resource ({@code name.replace('.', '/') + ".class"}) in its
   * class loader.
   */
  public static SourceStamp of(Class<?> c, byte[] classBytes) {
    Objects.requireNonNull(c, "c");
    Objects.requireNonNull(classBytes, "classBytes");
    ClassFileSource f = ClassFileSource.find(c.getClassLoader(), c.getName());
    return of(c.getName(), classBytes, f == null ? -1 : f.modified(), f == null ? -1 : f.size());
  }

  /**
   * The stamp of class {@code className} whose class file, of {@code modified} time and
   * {@code size}, holds {@code classBytes} (see {@link ClassFileSource}).
   */
  public static SourceStamp of(String className, byte[] classBytes, long modified, long size) {
    return new SourceStamp(className, ContentHash.hex(classBytes), modified, size);
  }

  /**
   * The current stamp of the class named {@code className} as {@code loader} (the system class
   * loader if null) finds it as a resource, without loading it; {@code null} if there is no such
   * resource (the class is gone) or it cannot be read. This is what a {@link StampCheck} usually
   * returns.
   */
  public static SourceStamp find(ClassLoader loader, String className) {
    Objects.requireNonNull(className, "className");
    ClassFileSource f = ClassFileSource.find(loader, className);
    return f == null ? null : of(className, f.bytes(), f.modified(), f.size());
  }
}
