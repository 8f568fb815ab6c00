package dev.kiln.cache;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.security.CodeSource;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * A class file as a class loader has it: its bytes, and the modification time and size of the
 * file or jar entry it is ({@code -1} when unknown: a remote URL, a loader that serves only a
 * stream). The one place that knows how to read class files: a file directly, an entry of a
 * local jar through {@code java.util.zip} ({@link JarEntryFile}), anything else through the
 * URL's connection.
 *
 * @param bytes    the class file
 * @param modified its (or its jar entry's, see {@link JarEntryFile}) modification time in ms
 * @param size     its size in bytes
 */
public record ClassFileSource(byte[] bytes, long modified, long size) {

  /**
   * The class file of {@code c} beside its code source, or {@code null} if its code source is
   * not a local directory or jar holding it (ask its loader's resources instead).
   *
   * <p>Why the code source and not {@code ClassLoader.getResource}: a resource lookup asks the
   * parent loaders and the JDK's module image first (on a warm start, the image reader's
   * initialization alone is about 1 ms), and may find another copy of the class earlier on the
   * path; the code source is where this class was read from.
   */
  public static ClassFileSource of(Class<?> c) throws IOException {
    String name = c.getName().replace('.', '/') + ".class";
    URL at;
    try {
      CodeSource cs = c.getProtectionDomain().getCodeSource();
      at = cs == null ? null : cs.getLocation();
    } catch (SecurityException e) {
      return null;
    }
    File base = at == null ? null : file(at);
    if (base == null) {
      return null;
    }
    if (base.isDirectory()) {
      File f = new File(base, name);
      return f.isFile() ? read(f) : null;
    }
    if (base.isFile()) {
      return JarEntryFile.read(base, name);
    }
    return null;
  }

  /**
   * The class file of the class named {@code className} as {@code loader} (the system class
   * loader if null) finds it as a resource, without loading the class; {@code null} if there is
   * no such resource or it cannot be read.
   */
  public static ClassFileSource find(ClassLoader loader, String className) {
    String name = className.replace('.', '/') + ".class";
    try {
      URL url = loader != null ? loader.getResource(name) : ClassLoader.getSystemResource(name);
      return url == null ? null : of(url);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Where classes of {@code domain} come from, as cache keys name it ({@link CacheKey#origin}):
   * the path of its jar or class directory, else its code source's URL, else empty. A path, not
   * the {@code file:} URL, whose escaping of non-ASCII characters differs between a class the
   * class path loaded and one taken from a CDS or AOT archive.
   */
  public static String origin(java.security.ProtectionDomain domain) {
    CodeSource cs = domain == null ? null : domain.getCodeSource();
    URL at = cs == null ? null : cs.getLocation();
    File f = at == null ? null : file(at);
    return f != null ? f.getPath() : at != null ? at.toString() : "";
  }

  /** The class file behind a resource URL. */
  public static ClassFileSource of(URL url) throws IOException {
    File f = file(url);
    if (f != null) {
      return read(f);
    }
    ClassFileSource entry = JarEntryFile.read(url);
    return entry != null ? entry : viaConnection(url);
  }

  /** The file a {@code file:} URL names, or null (another protocol, or not a valid URI: a
   * {@code File.toURL()} keeps spaces, and its own stream still reads it). */
  private static File file(URL url) {
    if (!"file".equals(url.getProtocol())) {
      return null;
    }
    try {
      return new File(url.toURI());
    } catch (Exception e) { // URISyntaxException or IllegalArgumentException, not named: the
      return null;          // verifier would load each on every start
    }
  }

  /** java.io, not Files: its classes are loaded already (NIO's channels would be ~30 more). */
  private static ClassFileSource read(File f) throws IOException {
    long modified = f.lastModified();
    try (InputStream in = new FileInputStream(f)) {
      byte[] bytes = in.readAllBytes();
      return new ClassFileSource(bytes, modified, bytes.length);
    }
  }

  /** A URL that is neither a file nor a local jar's entry (a remote jar, a custom handler). */
  private static ClassFileSource viaConnection(URL url) throws IOException {
    URLConnection c = url.openConnection();
    c.setUseCaches(false); // do not keep jars open (and locked, on Windows) behind our back
    byte[] bytes;
    try (InputStream in = c.getInputStream()) {
      bytes = in.readAllBytes();
    }
    if (c instanceof JarURLConnection conn && conn.getEntryName() != null) {
      try (JarFile jar = conn.getJarFile()) {
        JarEntry e = jar.getJarEntry(conn.getEntryName());
        if (e != null && e.getTime() != -1) {
          return new ClassFileSource(bytes, e.getTime(), bytes.length);
        }
      }
    }
    return new ClassFileSource(bytes, -1, -1);
  }
}
