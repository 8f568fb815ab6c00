package dev.kiln.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An on-disk cache of generated classes, one file per {@link CacheKey}:
 * {@code dir/<owner class>/<method>-<hash of the key>.kcache}. The files of one method are its
 * index; each holds its full key, so a hash collision or a foreign file is a miss.
 *
 * <p>{@link #load} returns an entry only if the file is whole, is for exactly the key asked for,
 * and the owner class and every dependency still have the stamps the entry was built from.
 * Anything else is a miss; a corrupt, foreign or stale file is reported once on
 * {@code System.err} ({@code [kiln] cache: ...}), counted in {@link CacheStats#rejected()} and
 * deleted, so that it gets rebuilt.
 *
 * <p>{@link #store} writes a temporary file in the entry's directory and renames it over the
 * entry atomically, so any number of threads and JVMs may store and load the same entries at
 * once: the last writer wins, and no reader ever sees a partial file. The cache never throws for
 * an I/O problem: a load that cannot read is a miss, a store that cannot write is reported once
 * and counted in {@link CacheStats#storeFailures()}.
 *
 * <p>The checksum guards against damage, not against tampering: whoever can write the directory
 * can make the JVM define classes of their choosing, so the directory must be the user's own (the
 * {@linkplain #defaultDirectory() default} is).
 *
 * <p>Instances are thread-safe.
 */
public final class ClassCache {

  /** The extension of entry files. */
  static final String SUFFIX = ".kcache";
  /** Larger files are not entries (and are not read into memory). */
  static final long MAX_FILE = 256L << 20;

  private final Path dir;
  // AtomicLong, not LongAdder: a cache counts a few events per specialization, and LongAdder's
  // var handles cost a warm start about 1 ms
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong stores = new AtomicLong();
  private final AtomicLong storeFailures = new AtomicLong();
  /** Files already reported; a store to the file makes it reportable again. */
  private final Set<Path> reported = ConcurrentHashMap.newKeySet();

  private ClassCache(Path dir) {
    this.dir = dir;
  }

  /**
   * A cache in {@code dir}, a directory of the default file system. Nothing is created or read
   * until entries are stored or loaded; a directory that does not exist is created by the
   * first store.
   *
   * @throws IllegalArgumentException if {@code dir} is on another file system (a zip's, say)
   */
  public static ClassCache open(Path dir) {
    Path abs = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
    if (abs.getFileSystem() != java.nio.file.FileSystems.getDefault()) {
      // entries are read through java.io (see load): a zip or in-memory file system cannot be
      throw new IllegalArgumentException("the cache directory must be on the default file "
          + "system: " + dir.toUri());
    }
    return new ClassCache(abs);
  }

  /**
   * The directory to cache in: {@code -Dkiln.cache.dir}, else {@code KILN_CACHE_DIR}, else the
   * user's cache directory: {@code %LOCALAPPDATA%\kiln} on Windows, otherwise
   * {@code $XDG_CACHE_HOME/kiln}, else {@code ~/.cache/kiln}.
   */
  public static Path defaultDirectory() {
    return defaultDirectory(new SystemLookup(false), new SystemLookup(true));
  }

  /** System properties or the environment; a class, not method references, so that a warm
   * start bootstraps no lambda. */
  private static final class SystemLookup implements Function<String, String> {
    private final boolean environment;

    SystemLookup(boolean environment) {
      this.environment = environment;
    }

    @Override
    public String apply(String key) {
      return environment ? System.getenv(key) : System.getProperty(key);
    }
  }

  static Path defaultDirectory(Function<String, String> properties, Function<String, String> env) {
    String explicit = nonBlank(properties.apply("kiln.cache.dir"));
    if (explicit == null) {
      explicit = nonBlank(env.apply("KILN_CACHE_DIR"));
    }
    if (explicit != null) {
      return Path.of(explicit);
    }
    String home = Objects.requireNonNullElse(properties.apply("user.home"), ".");
    String os = Objects.requireNonNullElse(properties.apply("os.name"), "");
    if (os.toLowerCase(Locale.ROOT).startsWith("windows")) {
      String local = nonBlank(env.apply("LOCALAPPDATA"));
      return local != null ? Path.of(local, "kiln") : Path.of(home, "AppData", "Local", "kiln");
    }
    String xdg = nonBlank(env.apply("XDG_CACHE_HOME"));
    if (xdg != null && Path.of(xdg).isAbsolute()) { // the XDG spec ignores relative paths
      return Path.of(xdg, "kiln");
    }
    return Path.of(home, ".cache", "kiln");
  }

  private static String nonBlank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** The directory this cache keeps its files in. */
  public Path directory() {
    return dir;
  }

  /**
   * The entry for {@code key}, if there is a whole, current one: its owner class and every
   * dependency have, according to {@code check}, the stamps it was built from. Empty otherwise.
   * An exception thrown by {@code check} propagates (the file is left alone).
   */
  public Optional<Entry> load(CacheKey key, StampCheck check) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(check, "check");
    Path file = fileFor(key);
    // java.io throughout: its classes are loaded at JVM start, where NIO's attribute views and
    // exceptions would be a dozen more classes on every warm start
    java.io.File f = file.toFile();
    byte[] bytes;
    try {
      if (!f.isFile()) {
        return f.exists() ? reject(file, null, "ignoring " + file
            + ": not an entry (not a regular file)") : miss();
      }
      long size = f.length();
      if (size > MAX_FILE) {
        return reject(file, null, "ignoring " + file + ": not an entry (" + size + " bytes)");
      }
      try (java.io.FileInputStream in = new java.io.FileInputStream(f)) {
        bytes = in.readAllBytes();
      }
    } catch (IOException | SecurityException e) {
      if (!f.exists()) {
        return miss(); // deleted meanwhile
      }
      if (reported.add(file)) { // there, but not readable
        warn("cannot read " + file + " (" + e + "); compiling instead");
      }
      return miss();
    }
    Entry entry;
    try {
      entry = EntryCodec.decode(bytes);
    } catch (EntryCodec.BadEntry bad) {
      return reject(file, bytes, (bad.foreign ? "foreign" : "corrupt") + " entry " + file + ": "
          + bad.getMessage() + "; deleted, will rebuild " + key.describe());
    }
    if (!entry.key().equals(key)) {
      return reject(file, bytes, "foreign entry " + file + ": it is for " + entry.key().describe()
          + ", not " + key.describe() + "; deleted, will rebuild");
    }
    String stale = staleness(entry.owner(), check);
    for (int i = 0; stale == null && i < entry.dependencies().size(); i++) {
      stale = staleness(entry.dependencies().get(i), check);
    }
    if (stale != null) {
      return reject(file, bytes, "stale entry for " + key.describe() + ": " + stale
          + "; will rebuild");
    }
    hits.incrementAndGet();
    return Optional.of(entry);
  }

  /** Why {@code built} is no longer current, or null if it is. */
  private static String staleness(SourceStamp built, StampCheck check) {
    SourceStamp now = check.current(built.className());
    if (now == null) {
      return built.className() + " is gone";
    }
    if (now.equals(built)) {
      return null;
    }
    if (!now.hash().equals(built.hash())) {
      return built.className() + " changed";
    }
    return built.className() + "'s class file was touched (time or size changed)";
  }

  private Optional<Entry> miss() {
    misses.incrementAndGet();
    return Optional.empty();
  }

  /** A miss on a file that is not a current entry: reported once, then deleted. */
  private Optional<Entry> reject(Path file, byte[] seen, String message) {
    rejected.incrementAndGet();
    if (reported.add(file)) {
      warn(message);
    }
    deleteIfUnchanged(file, seen);
    return miss();
  }

  /**
   * Deletes a rejected file unless another writer has replaced it since it was read (then it is
   * probably a good entry): its bytes must still be {@code seen}, or, for a file too large to
   * have been read ({@code seen} null), it must still be too large. A rare race that deletes a
   * new entry anyway only costs a recompile; a directory is never deleted.
   */
  private static void deleteIfUnchanged(Path file, byte[] seen) {
    java.io.File f = file.toFile();
    try {
      if (!f.isFile()) {
        return;
      }
      boolean same;
      if (seen == null) {
        same = f.length() > MAX_FILE;
      } else {
        try (java.io.FileInputStream in = new java.io.FileInputStream(f)) {
          same = f.length() == seen.length && java.util.Arrays.equals(in.readAllBytes(), seen);
        }
      }
      if (same) {
        Files.deleteIfExists(file);
      }
    } catch (IOException | SecurityException e) {
      // Left in place: store() replaces it.
    }
  }

  /**
   * Writes {@code entry}, replacing any entry for its key, atomically: a concurrent
   * {@link #load} sees the old file or the new one, never a part of one.
   */
  public void store(Entry entry) {
    Objects.requireNonNull(entry, "entry");
    byte[] data = EntryCodec.encode(entry);
    Path file = fileFor(entry.key());
    try {
      AtomicWrite.write(file, data);
      stores.incrementAndGet();
      reported.remove(file);
      pruneGoneOrigins(entry.key(), file);
    } catch (IOException | SecurityException e) {
      if (storeFailures.incrementAndGet() == 1) {
        warn("cannot write " + file + " (" + e + "); the cache stays cold"
            + " (reported once; see stats().storeFailures())");
      }
    }
  }

  /**
   * Deletes the entries for {@code key} from another origin that is gone: a jar or class
   * directory no longer there (a temporary or sandbox directory, an old checkout). A program
   * run from a new place each time then keeps one entry per key, not one per run. Best effort,
   * on the store path only; an entry another writer replaced meanwhile is left alone.
   */
  private void pruneGoneOrigins(CacheKey key, Path written) {
    String prefix = safeName(key.method(), 64) + "-";
    for (Path f : CacheFiles.children(written.getParent())) {
      if (!f.getFileName().toString().startsWith(prefix) || !CacheFiles.isEntryFile(f)
          || f.equals(written)) {
        continue;
      }
      try {
        if (Files.size(f) > MAX_FILE) {
          continue;
        }
        byte[] bytes = Files.readAllBytes(f);
        CacheKey k = EntryCodec.decode(bytes).key();
        if (!k.origin().equals(key.origin()) && sameButOrigin(k, key) && gone(k.origin())) {
          deleteIfUnchanged(f, bytes);
        }
      } catch (IOException | EntryCodec.BadEntry | RuntimeException e) {
        // not ours to judge: a load rejects it if need be
      }
    }
  }

  private static boolean sameButOrigin(CacheKey a, CacheKey b) {
    return a.equals(new CacheKey(b.ownerClass(), b.method(), b.descriptor(), b.signature(),
        b.options(), b.kilnVersion(), b.jvmFeature(), a.origin()));
  }

  /** Whether {@code origin} is an absolute path with nothing there (URLs are never gone). */
  static boolean gone(String origin) {
    try {
      Path p = Path.of(origin);
      return !origin.isEmpty() && p.isAbsolute() && !Files.exists(p);
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }

  /** The keys of every whole entry in the cache (stale or not), sorted. */
  public List<CacheKey> list() {
    List<CacheKey> keys = new ArrayList<>();
    for (Path f : CacheFiles.entryFiles(dir)) {
      try {
        if (Files.size(f) <= MAX_FILE) {
          keys.add(EntryCodec.decode(Files.readAllBytes(f)).key());
        }
      } catch (IOException | EntryCodec.BadEntry | SecurityException e) {
        // not a whole entry: not listed
      }
    }
    keys.sort(KeyOrder.KEY_ORDER);
    return List.copyOf(keys);
  }

  /** Made on first listing only: loading and storing never need it. */
  private static final class KeyOrder {
    static final Comparator<CacheKey> KEY_ORDER = Comparator
        .comparing(CacheKey::ownerClass).thenComparing(CacheKey::method)
        .thenComparing(CacheKey::descriptor).thenComparing(CacheKey::signature)
        .thenComparing(CacheKey::options).thenComparing(CacheKey::kilnVersion)
        .thenComparingInt(CacheKey::jvmFeature).thenComparing(CacheKey::origin);
  }

  /**
   * Deletes every entry file (and temporary files left by writers that died), and the
   * directories that become empty; other files are left alone. Returns the number of entry
   * files deleted.
   */
  public int clear() {
    return CacheFiles.clear(dir);
  }

  /** A snapshot of the counters. */
  public CacheStats stats() {
    return new CacheStats(hits.get(), misses.get(), rejected.get(), stores.get(),
        storeFailures.get());
  }

  private static void warn(String message) {
    System.err.println("[kiln] cache: " + message);
  }

  // ---------------------------------------------------------------- file names

  /** The file of {@code key}'s entry. */
  Path fileFor(CacheKey key) {
    String hash = ContentHash.hex(EntryCodec.encodeKey(key));
    return dir.resolve(safeName(key.ownerClass(), 120))
        .resolve(safeName(key.method(), 64) + "-" + hash + SUFFIX);
  }

  /** CON, PRN, AUX, NUL, COM0-9, LPT0-9 (not a regex: its lambdas cost a warm start ~2 ms). */
  private static boolean isWindowsDevice(String base) {
    if (base.equals("CON") || base.equals("PRN") || base.equals("AUX") || base.equals("NUL")) {
      return true;
    }
    return base.length() == 4 && (base.startsWith("COM") || base.startsWith("LPT"))
        && base.charAt(3) >= '0' && base.charAt(3) <= '9';
  }

  /**
   * {@code s} as a portable file name: letters, digits and {@code . _ $ -} kept, anything else
   * {@code _}, at most {@code max} characters, never starting with a dot, ending with a dot or
   * being a Windows device name. Lossy; the key's hash and the key in the file disambiguate.
   */
  static String safeName(String s, int max) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), max));
    for (int i = 0; i < s.length() && b.length() < max; i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '$' || c == '-';
      b.append(ok ? c : '_');
    }
    if (b.length() == 0 || b.charAt(0) == '.') {
      b.insert(0, '_');
    }
    if (b.charAt(b.length() - 1) == '.') {
      b.setCharAt(b.length() - 1, '_');
    }
    int dot = b.indexOf(".");
    String base = (dot < 0 ? b.toString() : b.substring(0, dot)).toUpperCase(Locale.ROOT);
    if (isWindowsDevice(base)) {
      b.insert(0, '_');
    }
    return b.toString();
  }
}
