package dev.kiln.cache;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

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
    long[] timeAndSize = timeAndSize(resource(c.getClassLoader(), c.getName()));
    return new SourceStamp(c.getName(), ContentHash.hex(classBytes), timeAndSize[0], timeAndSize[1]);
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
    URL url = resource(loader, className);
    if (url == null) {
      return null;
    }
    if ("file".equals(url.getProtocol())) {
      return findFile(url, className);
    }
    try {
      JarEntryFile entry = JarEntryFile.read(url, true);
      if (entry != null) {
        return new SourceStamp(className, ContentHash.hex(entry.bytes()), entry.modified(),
            entry.size());
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    byte[] bytes;
    try (InputStream in = openNoCache(url)) {
      bytes = in.readAllBytes();
    } catch (IOException | RuntimeException e) {
      return null;
    }
    long[] timeAndSize = timeAndSize(url);
    return new SourceStamp(className, ContentHash.hex(bytes), timeAndSize[0], timeAndSize[1]);
  }

  /** A class file in a directory, read with java.nio (no URL connection machinery to load). */
  private static SourceStamp findFile(URL url, String className) {
    try {
      Path p = Path.of(url.toURI());
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      byte[] bytes;
      try (java.io.FileInputStream in = new java.io.FileInputStream(p.toFile())) {
        bytes = in.readAllBytes(); // java.io: no NIO channel classes to load
      }
      return new SourceStamp(className, ContentHash.hex(bytes), a.lastModifiedTime().toMillis(),
          a.size());
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  private static InputStream openNoCache(URL url) throws IOException {
    URLConnection conn = url.openConnection();
    conn.setUseCaches(false); // do not keep jars open (and locked, on Windows) behind our back
    return conn.getInputStream();
  }

  private static URL resource(ClassLoader loader, String className) {
    String name = className.replace('.', '/') + ".class";
    try {
      return loader != null ? loader.getResource(name) : ClassLoader.getSystemResource(name);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** {modified, size} of the file or jar entry behind {@code url}, {-1, -1} when unknown. */
  static long[] timeAndSize(URL url) {
    long[] unknown = {-1, -1};
    if (url == null) {
      return unknown;
    }
    try {
      switch (url.getProtocol()) {
        case "file": {
          long[] r = fileTimeAndSize(Path.of(url.toURI()));
          return r != null ? r : unknown;
        }
        case "jar":
          return jarTimeAndSize(url);
        default:
          return unknown;
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return unknown;
    }
  }

  private static long[] jarTimeAndSize(URL url) throws IOException, URISyntaxException {
    JarEntryFile local = JarEntryFile.read(url, false);
    if (local != null) {
      return new long[] {local.modified(), local.size()};
    }
    URLConnection c = url.openConnection(); // a jar that is not a local file
    if (!(c instanceof JarURLConnection)) {
      return new long[] {-1, -1};
    }
    JarURLConnection conn = (JarURLConnection) c;
    conn.setUseCaches(false); // a private JarFile, closed here
    String entryName = conn.getEntryName();
    try (JarFile jar = conn.getJarFile()) {
      JarEntry entry = entryName == null ? null : jar.getJarEntry(entryName);
      if (entry != null && entry.getTime() != -1 && entry.getSize() != -1) {
        return new long[] {entry.getTime(), entry.getSize()};
      }
    }
    URL jarUrl = conn.getJarFileURL();
    if (jarUrl != null && "file".equals(jarUrl.getProtocol())) {
      long[] r = fileTimeAndSize(Path.of(jarUrl.toURI()));
      if (r != null) {
        return r;
      }
    }
    return new long[] {-1, -1};
  }

  private static long[] fileTimeAndSize(Path p) {
    try {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      return new long[] {a.lastModifiedTime().toMillis(), a.size()};
    } catch (IOException | InvalidPathException | SecurityException e) {
      return null;
    }
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }
}
