package dev.kiln.cache;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A class file inside a jar on the local file system ({@code jar:file:/a/b.jar!/c/D.class}),
 * read through {@code java.util.zip} in one opening: its bytes, modification time and size.
 *
 * <p>Why not the URL's connection: {@code JarURLConnection} loads a dozen classes and opens
 * the jar twice for bytes and attributes; a {@code JarFile} here shares the directory the class
 * loader has read already. Why not {@code ZipEntry.getTime()}: an entry with only a DOS time
 * (most jars) is converted through the default time zone, which loads the time-zone database
 * (milliseconds) and makes the stamp depend on the zone; here the DOS fields are read as if
 * UTC, the same number everywhere. Entries with an extended (UTC) time use it.
 */
final class JarEntryFile {
  private JarEntryFile() {}

  /** The entry behind {@code url}, or {@code null} if the URL is not a local jar's entry. */
  static ClassFileSource read(URL url) throws IOException {
    if (!"jar".equals(url.getProtocol())) {
      return null;
    }
    String spec = url.getFile(); // file:/a/b.jar!/c/D.class
    int bang = spec.indexOf("!/");
    if (bang < 0 || !spec.startsWith("file:") || spec.indexOf("!/", bang + 2) >= 0) {
      return null; // not a local jar, or a jar nested in a jar
    }
    File jar;
    String entry;
    try {
      jar = new File(new URI(spec.substring(0, bang)));
      // the class loader escapes the entry's name in the URL (a space, a non-ASCII letter)
      entry = new URI("jar:/" + spec.substring(bang + 2)).getPath().substring(1);
    } catch (Exception e) { // not a valid URI, or not a file's (as in ClassFileSource.file)
      return null;
    }
    return read(jar, entry);
  }

  /** Entry {@code name} of {@code jar}, or {@code null} if it has none. */
  static ClassFileSource read(File jar, String name) throws IOException {
    // A ZipFile first: a JarFile opened for this runtime's version reads and scans the whole
    // manifest for Multi-Release at its first lookup (a signed jar's lists a digest per entry),
    // an answer that matters only if the jar has a versioned copy of the entry.
    try (ZipFile zip = new ZipFile(jar)) {
      if (!hasVersionedCopy(zip, name)) {
        ZipEntry e = zip.getEntry(name);
        return e == null ? null : of(zip, e, jar, name);
      }
    }
    // versioned as the class loader reads it: a multi-release jar's class may come from
    // META-INF/versions/N, N up to the version jars are read at (-Djdk.util.jar.version)
    try (JarFile zip = new JarFile(jar, false, ZipFile.OPEN_READ, JarFile.runtimeVersion())) {
      JarEntry e = zip.getJarEntry(name);
      return e == null ? null : of(zip, e, jar, e.getRealName());
    }
  }

  /**
   * Whether {@code zip} holds {@code META-INF/versions/N/name} for a version N this runtime
   * would read (9 up to {@link JarFile#runtimeVersion()}), as a multi-release jar's class
   * loader looks for it.
   */
  private static boolean hasVersionedCopy(ZipFile zip, String name) {
    StringBuilder path = new StringBuilder("META-INF/versions/");
    int prefix = path.length();
    for (int v = JarFile.runtimeVersion().feature(); v >= 9; v--) {
      path.setLength(prefix);
      if (zip.getEntry(path.append(v).append('/').append(name).toString()) != null) {
        return true;
      }
    }
    return false;
  }

  /** Entry {@code e} of {@code zip}: its bytes, time (see above) and uncompressed size. */
  private static ClassFileSource of(ZipFile zip, ZipEntry e, File jar, String realName)
      throws IOException {
    byte[] bytes;
    try (InputStream in = zip.getInputStream(e)) {
      bytes = in.readAllBytes();
    }
    return new ClassFileSource(bytes, modified(jar, e, realName), e.getSize());
  }

  private static long modified(File jar, ZipEntry e, String realName) {
    try {
      if (hasExtendedTime(e.getExtra())) {
        return e.getLastModifiedTime().toMillis(); // stored in UTC
      }
      long dos;
      try {
        dos = ZipDosTime.of(jar, realName); // no java.time: see ZipDosTime
      } catch (IOException | RuntimeException x) {
        dos = ZipDosTime.UNKNOWN; // java.util.zip read it: let it say
      }
      if (dos != ZipDosTime.UNKNOWN) {
        return dos;
      }
      LocalDateTime local = e.getTimeLocal(); // the DOS fields, no time zone involved
      return local == null ? -1 : local.toEpochSecond(ZoneOffset.UTC) * 1000;
    } catch (RuntimeException x) {
      return -1;
    }
  }

  /**
   * Whether a central-directory extra field holds a modification time {@code ZipEntry} reads
   * (then {@code getLastModifiedTime()} is that UTC time, not a conversion through the default
   * time zone): a UT field (0x5455) of at least 5 bytes with its mtime flag, or an NTFS field
   * (0x000a) of at least 32 bytes whose first attribute is tag 1 of size 24 (as
   * {@code ZipEntry.setExtra0} parses them).
   */
  static boolean hasExtendedTime(byte[] extra) {
    if (extra == null) {
      return false;
    }
    int i = 0;
    while (i + 4 <= extra.length) {
      int tag = ZipDosTime.u16(extra, i);
      int size = ZipDosTime.u16(extra, i + 2);
      int data = i + 4;
      if (data + size > extra.length) {
        return false;
      }
      if (tag == 0x5455 && size >= 5 && (extra[data] & 1) != 0) {
        return true;
      }
      if (tag == 0x000a && size >= 32 && ZipDosTime.u16(extra, data + 4) == 0x0001
          && ZipDosTime.u16(extra, data + 6) == 24) {
        return true;
      }
      i = data + size;
    }
    return false;
  }
}
