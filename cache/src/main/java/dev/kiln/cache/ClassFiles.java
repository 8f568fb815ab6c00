package dev.kiln.cache;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Reads a class file behind a class loader's resource URL the cheapest way the URL allows: a
 * file directly, an entry of a local jar through {@code java.util.zip} (see
 * {@link JarEntryFile}), anything else through the URL's connection.
 */
public final class ClassFiles {
  private ClassFiles() {}

  /** The bytes behind {@code url}. */
  public static byte[] read(URL url) throws IOException {
    if ("file".equals(url.getProtocol())) {
      Path p = null;
      try {
        p = Path.of(url.toURI());
      } catch (URISyntaxException | IllegalArgumentException e) {
        // not a valid URI (File.toURL() keeps spaces): the URL's own stream reads it
      }
      if (p != null) {
        try (InputStream in = new FileInputStream(p.toFile())) {
          return in.readAllBytes();
        }
      }
    }
    JarEntryFile entry = "jar".equals(url.getProtocol()) ? JarEntryFile.read(url, true) : null;
    if (entry != null) {
      return entry.bytes();
    }
    try (InputStream in = url.openStream()) {
      return in.readAllBytes();
    }
  }
}
