package dev.kiln.cache;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that a reader sees the old file or the new one, never a part of one: a
 * temporary file ({@code .<name>.<random>.tmp}) beside it, renamed over it atomically. Any
 * number of writers may race; the last rename wins. Kept apart from {@link ClassCache} so a
 * warm start, which only reads, does not load it.
 */
final class AtomicWrite {
  /** The suffix of temporary files. */
  static final String TMP_SUFFIX = ".tmp";

  private AtomicWrite() {}

  static void write(Path file, byte[] data) throws IOException {
    Path parent = file.getParent();
    Path tmp = null;
    for (int attempt = 0; tmp == null; attempt++) {
      Path candidate = parent.resolve("." + file.getFileName() + "."
          + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + TMP_SUFFIX);
      try {
        Files.createDirectories(parent);
        try (OutputStream out = Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE)) {
          out.write(data);
        }
        tmp = candidate;
      } catch (FileAlreadyExistsException | NoSuchFileException e) {
        // A name clash (not ours to delete), or clear() removed the directory: try again.
        if (attempt >= 5) {
          throw e;
        }
      } catch (IOException | RuntimeException e) {
        deleteQuietly(candidate);
        throw e;
      }
    }
    try {
      moveIntoPlace(tmp, file);
    } finally {
      deleteQuietly(tmp); // nothing left there after a successful move
    }
  }

  private static void moveIntoPlace(Path tmp, Path file) throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return;
      } catch (AccessDeniedException e) {
        // Windows refuses to replace a file another process has open (a reader): retry a bit.
        if (attempt >= 20) {
          throw e;
        }
      } catch (FileSystemException e) {
        if (attempt >= 20 || e instanceof NoSuchFileException) {
          throw e;
        }
      }
      try {
        Thread.sleep(1 + attempt);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while replacing " + file, ie);
      }
    }
  }

  static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException | SecurityException e) {
      // best effort
    }
  }
}
