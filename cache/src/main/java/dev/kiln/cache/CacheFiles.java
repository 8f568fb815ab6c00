package dev.kiln.cache;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a cache directory: {@code <owner class>/<method>-<hash>.kcache} entries, and the
 * temporary files of writers ({@link AtomicWrite}). Listing and clearing only: loading never
 * walks the directory.
 */
final class CacheFiles {
  /** Temporary files older than this are leftovers of a writer that died; clear removes them. */
  private static final long STALE_TMP_MILLIS = 60_000;

  private CacheFiles() {}

  /** Every entry file under {@code dir}, sorted. */
  static List<Path> entryFiles(Path dir) {
    List<Path> out = new ArrayList<>();
    for (Path owner : children(dir)) {
      for (Path f : children(owner)) {
        if (isEntryFile(f)) {
          out.add(f);
        }
      }
    }
    return out;
  }

  /**
   * Deletes every entry file (and temporary files left by writers that died), and the
   * directories that become empty; other files are left alone. Returns the number of entry
   * files deleted.
   */
  static int clear(Path dir) {
    int deleted = 0;
    long now = System.currentTimeMillis();
    for (Path owner : children(dir)) {
      if (!Files.isDirectory(owner, LinkOption.NOFOLLOW_LINKS)) {
        continue; // not ours
      }
      for (Path f : children(owner)) {
        try {
          if (isEntryFile(f)) {
            if (Files.deleteIfExists(f)) {
              deleted++;
            }
          } else if (isTempFile(f)
              && now - Files.getLastModifiedTime(f).toMillis() > STALE_TMP_MILLIS) {
            Files.deleteIfExists(f);
          }
        } catch (IOException | SecurityException e) {
          // left in place
        }
      }
      try {
        Files.deleteIfExists(owner);
      } catch (DirectoryNotEmptyException e) {
        // other files, or a writer's temporary file
      } catch (IOException | SecurityException e) {
        // left in place
      }
    }
    return deleted;
  }

  static boolean isEntryFile(Path f) {
    String n = f.getFileName().toString();
    return n.endsWith(ClassCache.SUFFIX) && !n.startsWith(".") && Files.isRegularFile(f);
  }

  private static boolean isTempFile(Path f) {
    String n = f.getFileName().toString();
    return n.startsWith(".") && n.endsWith(AtomicWrite.TMP_SUFFIX)
        && n.contains(ClassCache.SUFFIX + ".")
        && Files.isRegularFile(f);
  }

  /** The entries of directory {@code d}, sorted; none if it is not one or cannot be read. */
  static List<Path> children(Path d) {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(d)) {
      return out;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(d)) {
      s.forEach(out::add);
    } catch (IOException | RuntimeException e) {
      // unreadable: nothing there for us
    }
    out.sort(null);
    return out;
  }
}
