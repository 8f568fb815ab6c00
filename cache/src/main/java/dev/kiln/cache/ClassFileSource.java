package dev.kiln.cache;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.CodeSource;

/**
 * The class file a loaded class came from: its bytes, modification time and size, found beside
 * the class's code source when that is a local directory or jar.
 *
 * <p>Why the code source and not {@code ClassLoader.getResource}: a resource lookup asks the
 * parent loaders and the JDK's module image first (on a warm start, the image reader's
 * initialization alone is about 1 ms), and may find another copy of the class earlier on the
 * path; the code source is where this class was read from.
 *
 * @param bytes    the class file
 * @param modified its (or its jar entry's, see {@link JarEntryFile}) modification time in ms
 * @param size     its size in bytes
 */
public record ClassFileSource(byte[] bytes, long modified, long size) {

  /**
   * The class file of {@code c} beside its code source, or {@code null} if its code source is
   * not a local directory or jar holding it (ask its loader's resources instead).
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
    if (at == null || !"file".equals(at.getProtocol())) {
      return null;
    }
    File base;
    try {
      base = new File(at.toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
    if (base.isDirectory()) {
      File f = new File(base, name);
      if (!f.isFile()) {
        return null;
      }
      long modified = f.lastModified();
      byte[] bytes;
      try (InputStream in = new FileInputStream(f)) {
        bytes = in.readAllBytes();
      }
      return new ClassFileSource(bytes, modified, bytes.length);
    }
    if (base.isFile()) {
      JarEntryFile e = JarEntryFile.read(base.toPath(), name, true);
      return e == null ? null : new ClassFileSource(e.bytes(), e.modified(), e.size());
    }
    return null;
  }
}
