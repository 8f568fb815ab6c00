package dev.kiln.cache;

import static dev.kiln.cache.Fixtures.DEP;
import static dev.kiln.cache.Fixtures.DEP2;
import static dev.kiln.cache.Fixtures.OWNER;
import static dev.kiln.cache.Fixtures.current;
import static dev.kiln.cache.Fixtures.entry;
import static dev.kiln.cache.Fixtures.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassCacheTest {

  @TempDir Path dir;

  private ClassCache cache() {
    return ClassCache.open(dir);
  }

  // ------------------------------------------------------------ basics

  /**
   * A store deletes the entries for its key from origins that are gone (a program run from a
   * new directory each time keeps one entry, not one per run), and no other entry.
   */
  @Test
  void aStoreDeletesTheSameKeysEntriesFromOriginsThatAreGone() throws Exception {
    ClassCache cache = cache();
    Path there = Files.createDirectories(dir.resolve("origins").resolve("there"));
    Path gone = dir.resolve("origins").resolve("gone").resolve("app.jar");
    CacheKey k = key();
    Entry fromThere = entry(withOrigin(k, there.toString()), 1, 100);
    Entry fromGone = entry(withOrigin(k, gone.toString()), 2, 100);
    Entry otherMethod = entry(withOrigin(key("dot", "float(float[], float[])"),
        gone.toString()), 3, 100);
    Entry fromUrl = entry(withOrigin(k, "jar:file:" + gone + "!/lib/"), 4, 100);
    cache.store(fromGone);
    cache.store(otherMethod);
    assertEquals(Set.of(fromGone.key(), otherMethod.key()), Set.copyOf(cache.list()));
    cache.store(fromThere); // the same key from elsewhere: the entry from the gone jar goes
    assertEquals(Set.of(otherMethod.key(), fromThere.key()), Set.copyOf(cache.list()),
        "another key from a gone origin stays until a store of its own key");
    cache.store(fromUrl); // an origin that is there, and a URL, stay
    assertEquals(Set.of(otherMethod.key(), fromThere.key(), fromUrl.key()),
        Set.copyOf(cache.list()));
    assertEquals(Optional.of(fromThere), cache.load(fromThere.key(), current()));
    assertTrue(ClassCache.gone(gone.toString()));
    assertFalse(ClassCache.gone(there.toString()));
    assertFalse(ClassCache.gone("jar:file:" + gone + "!/lib/"), "URLs are never gone");
    assertFalse(ClassCache.gone(""));
  }

  private static CacheKey withOrigin(CacheKey k, String origin) {
    return new CacheKey(k.ownerClass(), k.method(), k.descriptor(), k.signature(), k.options(),
        k.kilnVersion(), k.jvmFeature(), origin);
  }

  @Test
  void roundTrip() {
    ClassCache cache = cache();
    Entry e = entry();
    cache.store(e);
    Optional<Entry> got = cache.load(e.key(), current());
    assertTrue(got.isPresent());
    assertEquals(e, got.get());
    assertEquals("dot$kiln ([D[D)D", got.get().metadata().get("entry"));
    assertArrayEquals(e.classes().get(0).bytes(),
        got.get().classBytes("com/acme/Kernels$$Kiln$dot"));
    assertEquals(List.of(Fixtures.depStamp(), Fixtures.dep2Stamp()), got.get().dependencies());
    assertEquals(new CacheStats(1, 0, 0, 1, 0), cache.stats());

    // A second cache on the same directory (another JVM, say) sees it too.
    assertEquals(Optional.of(e), ClassCache.open(dir).load(e.key(), current()));
  }

  @Test
  void roundTripOfAwkwardStrings() {
    ClassCache cache = cache();
    String odd = "é€\u0000\uD800x\uDC00𝔸 \n/\\:*?\"<>|" + "z".repeat(70_000); // > 64 KB in UTF-8
    CacheKey k = new CacheKey(Fixtures.OWNER, "<init>", "()V", odd, odd, "v" + odd, 21, odd);
    Entry e = new Entry(k, Fixtures.ownerStamp(), List.of(),
        List.of(new Entry.ClassFile("a/B", new byte[0])), Map.of(odd, odd, "", ""));
    cache.store(e);
    assertEquals(Optional.of(e), cache.load(k, current()));
    assertEquals(List.of(k), cache.list());
  }

  @Test
  void missWhenAbsent() {
    ClassCache cache = cache();
    assertEquals(Optional.empty(), cache.load(key(), current()));
    cache.store(entry());
    assertEquals(Optional.empty(), cache.load(key("dot", "float(float[], float[])"), current()));
    assertEquals(Optional.empty(), cache.load(key("other", "double(double[], double[])"),
        current()));
    CacheKey k = key();
    assertEquals(Optional.empty(), cache.load(new CacheKey(k.ownerClass(), k.method(),
        k.descriptor(), k.signature(), k.options(), k.kilnVersion(), 21, k.origin()), current()));
    assertEquals(Optional.empty(), cache.load(new CacheKey(k.ownerClass(), k.method(),
        k.descriptor(), k.signature(), "", k.kilnVersion(), 17, k.origin()), current()));
    assertEquals(Optional.empty(), cache.load(new CacheKey(k.ownerClass(), k.method(),
        k.descriptor(), k.signature(), k.options(), "0.2.0", 17, k.origin()), current()));
    // the same class from elsewhere (another program's, or its jar for its class directory)
    assertEquals(Optional.empty(), cache.load(new CacheKey(k.ownerClass(), k.method(),
        k.descriptor(), k.signature(), k.options(), k.kilnVersion(), 17, "file:/elsewhere/"),
        current()));
    assertEquals(new CacheStats(0, 7, 0, 1, 0), cache.stats());
  }

  @Test
  void fileLayout() throws Exception {
    ClassCache cache = cache();
    Entry e = entry();
    cache.store(e);
    Path f = cache.fileFor(e.key());
    assertEquals(dir.resolve(OWNER), f.getParent());
    assertTrue(f.getFileName().toString().matches("dot-[0-9a-f]{32}\\.kcache"), f.toString());
    assertTrue(Files.isRegularFile(f));
    try (Stream<Path> all = Files.walk(dir)) { // no temporary files left behind
      assertEquals(List.of(dir, f.getParent(), f), all.sorted().toList());
    }
    byte[] b = Files.readAllBytes(f);
    assertEquals(EntryCodec.MAGIC, ByteBuffer.wrap(b).getInt(0));
    assertEquals(EntryCodec.VERSION, ByteBuffer.wrap(b).getShort(4));
    CRC32 crc = new CRC32();
    crc.update(b, 0, b.length - 4);
    assertEquals((int) crc.getValue(), ByteBuffer.wrap(b).getInt(b.length - 4));

    Path init = cache.fileFor(new CacheKey("com.acme.K", "<init>", "()V", "", "", "1", 17, ""));
    assertEquals(dir.resolve("com.acme.K"), init.getParent());
    assertTrue(init.getFileName().toString().startsWith("_init_-"), init.toString());
  }

  @Test
  void safeNames() {
    assertEquals("com.acme.Kernels$Inner", ClassCache.safeName("com.acme.Kernels$Inner", 120));
    assertEquals("_._", ClassCache.safeName("..", 120)); // never . or .., never a trailing dot
    assertEquals("_CON", ClassCache.safeName("CON", 120));
    assertEquals("_nul.x", ClassCache.safeName("nul.x", 120));
    assertEquals("a_b_c", ClassCache.safeName("a/b\\c", 120));
    assertEquals("_", ClassCache.safeName("", 120));
    assertEquals(64, ClassCache.safeName("m".repeat(500), 64).length());
  }

  @Test
  void deterministicBytes() throws Exception {
    Entry a = entry();
    Map<String, String> reversed = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>(a.metadata().keySet());
    for (int i = keys.size() - 1; i >= 0; i--) {
      reversed.put(keys.get(i), a.metadata().get(keys.get(i)));
    }
    List<SourceStamp> deps = new ArrayList<>(a.dependencies());
    java.util.Collections.reverse(deps);
    deps.add(a.dependencies().get(0)); // an identical duplicate
    deps.add(a.owner()); // the owner itself
    Entry b = new Entry(a.key(), a.owner(), deps, a.classes(), new HashMap<>(reversed));
    assertEquals(a, b);
    assertArrayEquals(EntryCodec.encode(a), EntryCodec.encode(b));
    assertArrayEquals(EntryCodec.encode(a), EntryCodec.encode(entry()));

    ClassCache cache = cache();
    cache.store(a);
    byte[] first = Files.readAllBytes(cache.fileFor(a.key()));
    cache.store(b);
    assertArrayEquals(first, Files.readAllBytes(cache.fileFor(a.key())));
    assertArrayEquals(EntryCodec.encode(a), first);
  }

  @Test
  void entryValidation() {
    CacheKey k = key();
    SourceStamp owner = Fixtures.ownerStamp();
    List<Entry.ClassFile> none = List.of();
    assertThrows(IllegalArgumentException.class, () -> new Entry(k,
        Fixtures.depStamp(), none, Map.of())); // owner is not the key's class
    assertThrows(IllegalArgumentException.class, () -> new Entry(k, owner,
        List.of(Fixtures.depStamp(), Fixtures.stamp(DEP, "other", 1, 1)), none, Map.of()));
    assertThrows(IllegalArgumentException.class, () -> new Entry(k, owner,
        List.of(Fixtures.stamp(OWNER, "other", 1, 1)), none, Map.of()));
    assertThrows(IllegalArgumentException.class, () -> new Entry(k, owner, List.of(
        new Entry.ClassFile("a/B", new byte[1]), new Entry.ClassFile("a/B", new byte[2])),
        Map.of()));
    assertThrows(IllegalArgumentException.class, () -> new SourceStamp("x", "ABC", 1, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new SourceStamp("x", "A".repeat(64), 1, 1));
    assertThrows(NullPointerException.class,
        () -> new CacheKey("a", "b", "c", "d", null, "f", 1, ""));
    assertThrows(NullPointerException.class,
        () -> new CacheKey("a", "b", "c", "d", "e", "f", 1, null));

    byte[] b = {1, 2, 3};
    Entry.ClassFile cf = new Entry.ClassFile("a/B", b);
    b[0] = 9; // copied in
    assertEquals(1, cf.bytes()[0]);
    cf.bytes()[0] = 9; // copied out
    assertEquals(1, cf.bytes()[0]);
    assertEquals(cf, new Entry.ClassFile("a/B", new byte[] {1, 2, 3}));
  }

  // ------------------------------------------------------------ damaged and foreign files

  @Test
  void truncatedAtEveryLengthIsAMissThenRebuilt() throws Exception {
    ClassCache cache = cache();
    Entry e = entry();
    byte[] whole = EntryCodec.encode(e);
    Path f = cache.fileFor(e.key());
    Files.createDirectories(f.getParent());
    for (int n = 0; n < whole.length; n++) {
      Files.write(f, Arrays.copyOf(whole, n));
      assertEquals(Optional.empty(), cache.load(e.key(), current()), "length " + n);
      assertFalse(Files.exists(f), "the truncated file is deleted, length " + n);
    }
    assertEquals(whole.length, cache.stats().rejected());
    assertEquals(whole.length, cache.stats().misses());
    cache.store(e);
    assertEquals(Optional.of(e), cache.load(e.key(), current()));
    assertEquals(1, cache.stats().hits());
  }

  @Test
  void everyFlippedByteIsAMiss() throws Exception {
    ClassCache cache = cache();
    Entry e = entry(key(), 7, 40);
    byte[] whole = EntryCodec.encode(e);
    Path f = cache.fileFor(e.key());
    Files.createDirectories(f.getParent());
    for (int i = 0; i < whole.length; i++) {
      byte[] bad = whole.clone();
      bad[i] ^= 1 << (i % 8);
      Files.write(f, bad);
      assertEquals(Optional.empty(), cache.load(e.key(), current()), "byte " + i);
    }
    byte[] longer = Arrays.copyOf(whole, whole.length + 1);
    Files.write(f, longer);
    assertEquals(Optional.empty(), cache.load(e.key(), current()), "a byte too many");
    assertEquals(whole.length + 1, cache.stats().rejected());
    cache.store(e);
    assertEquals(Optional.of(e), cache.load(e.key(), current()));
  }

  @Test
  void garbageIsAMiss() throws Exception {
    ClassCache cache = cache();
    Entry e = entry();
    Path f = cache.fileFor(e.key());
    Files.createDirectories(f.getParent());
    byte[] garbage = Fixtures.bytes(99, 5000);
    Files.write(f, garbage);
    assertEquals(Optional.empty(), cache.load(e.key(), current()));
    // Garbage with the right magic and version, and lengths pointing far past the end.
    ByteBuffer.wrap(garbage).putInt(0, EntryCodec.MAGIC).putShort(4, (short) 1)
        .putInt(6, Integer.MAX_VALUE);
    Files.write(f, garbage);
    assertEquals(Optional.empty(), cache.load(e.key(), current()));
    // A directory where the file should be.
    Files.createDirectories(f);
    assertEquals(Optional.empty(), cache.load(e.key(), current()));
    assertEquals(3, cache.stats().rejected());
    Files.delete(f);
    cache.store(e);
    assertEquals(Optional.of(e), cache.load(e.key(), current()));
  }

  @Test
  void foreignMagicOrVersionIsAMiss() throws Exception {
    ClassCache cache = cache();
    Entry e = entry();
    Path f = cache.fileFor(e.key());
    Files.createDirectories(f.getParent());
    byte[] whole = EntryCodec.encode(e);

    byte[] otherMagic = whole.clone();
    ByteBuffer.wrap(otherMagic).putInt(0, 0xCAFEBABE);
    Files.write(f, withCrc(otherMagic));
    assertEquals(Optional.empty(), cache.load(e.key(), current()));

    byte[] otherVersion = whole.clone();
    ByteBuffer.wrap(otherVersion).putShort(4, (short) (EntryCodec.VERSION + 1));
    Files.write(f, withCrc(otherVersion));
    assertEquals(Optional.empty(), cache.load(e.key(), current()));

    assertEquals(2, cache.stats().rejected());
    assertFalse(Files.exists(f));
  }

  private static byte[] withCrc(byte[] b) {
    CRC32 crc = new CRC32();
    crc.update(b, 0, b.length - 4);
    ByteBuffer.wrap(b).putInt(b.length - 4, (int) crc.getValue());
    return b;
  }

  @Test
  void entryForAnotherKeyUnderThisKeysNameIsAMiss() throws Exception {
    ClassCache cache = cache();
    CacheKey a = key("dot", "double(double[], double[])");
    Entry b = entry(key("dot", "float(float[], float[])"), 1, 100);
    cache.store(b);
    Path fa = cache.fileFor(a);
    Files.copy(cache.fileFor(b.key()), fa);
    assertEquals(Optional.empty(), cache.load(a, current()));
    assertEquals(1, cache.stats().rejected());
    assertFalse(Files.exists(fa));
    assertEquals(Optional.of(b), cache.load(b.key(), current()), "the other entry is untouched");
  }

  @Test
  void rejectionIsReportedOnceAndCounted() throws Exception {
    ClassCache cache = cache();
    Entry e = entry();
    Path f = cache.fileFor(e.key());
    Files.createDirectories(f.getParent());
    String err = captureErr(() -> {
      try {
        Files.write(f, new byte[] {1, 2, 3});
        assertEquals(Optional.empty(), cache.load(e.key(), current()));
        assertEquals(Optional.empty(), cache.load(e.key(), current())); // now absent
        Files.write(f, new byte[] {4, 5, 6}); // damaged again before any rebuild
        assertEquals(Optional.empty(), cache.load(e.key(), current()));
        cache.store(e); // a rebuild makes it reportable again
        Files.write(f, new byte[] {7});
        assertEquals(Optional.empty(), cache.load(e.key(), current()));
      } catch (java.io.IOException x) {
        throw new AssertionError(x);
      }
      return null;
    });
    List<String> lines = err.lines().toList();
    assertEquals(2, lines.size(), err);
    assertTrue(lines.get(0).startsWith("[kiln] cache: corrupt entry "), err);
    assertTrue(lines.get(0).contains(f.toString()), err);
    assertEquals(new CacheStats(0, 4, 3, 1, 0), cache.stats());
  }

  private static String captureErr(Supplier<?> body) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      body.get();
    } finally {
      System.setErr(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------ staleness

  @Test
  void staleOwnerIsAMiss() {
    ClassCache cache = cache();
    Entry e = entry();
    SourceStamp o = e.owner();
    for (SourceStamp changed : List.of(
        Fixtures.stamp(OWNER, "owner v2", o.modified(), o.size()), // new bytes
        new SourceStamp(OWNER, o.hash(), o.modified() + 1, o.size()), // touched
        new SourceStamp(OWNER, o.hash(), o.modified(), o.size() + 1))) {
      cache.store(e);
      Map<String, SourceStamp> now = new HashMap<>(Map.of(OWNER, changed, DEP,
          Fixtures.depStamp(), DEP2, Fixtures.dep2Stamp()));
      assertEquals(Optional.empty(), cache.load(e.key(), now::get), changed.toString());
      assertFalse(Files.exists(cache.fileFor(e.key())));
    }
    cache.store(e);
    assertEquals(Optional.empty(), cache.load(e.key(), name -> null), "owner gone");
    assertEquals(4, cache.stats().rejected());
    cache.store(e);
    assertEquals(Optional.of(e), cache.load(e.key(), current()));
  }

  @Test
  void staleDependencyIsAMiss() {
    ClassCache cache = cache();
    Entry e = entry();
    cache.store(e);
    Map<String, SourceStamp> now = new HashMap<>(Map.of(OWNER, Fixtures.ownerStamp(), DEP,
        Fixtures.depStamp(), DEP2, Fixtures.dep2Stamp()));
    assertEquals(Optional.of(e), cache.load(e.key(), now::get));
    now.put(DEP2, Fixtures.stamp(DEP2, "maths v2", -1, -1));
    assertEquals(Optional.empty(), cache.load(e.key(), now::get));
    assertEquals(1, cache.stats().rejected());
    now.put(DEP2, Fixtures.dep2Stamp());
    assertEquals(Optional.empty(), cache.load(e.key(), now::get), "deleted, so a plain miss");
    assertEquals(1, cache.stats().rejected());
    cache.store(e);
    assertEquals(Optional.of(e), cache.load(e.key(), now::get));
  }

  @Test
  void dependencyGoneIsAMiss() {
    ClassCache cache = cache();
    Entry e = entry();
    cache.store(e);
    Map<String, SourceStamp> now = new HashMap<>(Map.of(OWNER, Fixtures.ownerStamp(), DEP2,
        Fixtures.dep2Stamp())); // no DEP
    assertEquals(Optional.empty(), cache.load(e.key(), now::get));
    assertEquals(new CacheStats(0, 1, 1, 1, 0), cache.stats());
  }

  // ------------------------------------------------------------ list, clear, failures

  @Test
  void listAndClear() throws Exception {
    ClassCache cache = cache();
    assertEquals(List.of(), cache.list());
    assertEquals(0, cache.clear());
    Entry e1 = entry(key("dot", "double(double[], double[])"), 1, 100);
    Entry e2 = entry(key("dot", "float(float[], float[])"), 2, 100);
    Entry e3 = new Entry(new CacheKey("com.acme.Other", "sum", "([I)I", "int(int[])", "", "1",
        17, ""), Fixtures.stamp("com.acme.Other", "x", 1, 1), List.of(),
        List.of(new Entry.ClassFile("com/acme/Other$$Kiln", new byte[10])), Map.of());
    cache.store(e3);
    cache.store(e2);
    cache.store(e1);
    // Not entries: garbage under an entry's name, and files that are not ours at all.
    Path garbage = cache.fileFor(key("nope", "void()"));
    Files.write(garbage, new byte[] {1, 2, 3});
    Files.writeString(dir.resolve("README"), "mine");
    Files.writeString(dir.resolve(OWNER).resolve("notes.txt"), "mine too");

    assertEquals(List.of(e1.key(), e2.key(), e3.key()), cache.list()); // sorted
    assertEquals(4, cache.clear()); // three entries and the garbage .kcache file
    assertEquals(List.of(), cache.list());
    assertEquals(Optional.empty(), cache.load(e1.key(), current()));
    assertTrue(Files.exists(dir.resolve("README")));
    assertTrue(Files.exists(dir.resolve(OWNER).resolve("notes.txt")));
    assertFalse(Files.exists(dir.resolve("com.acme.Other")), "emptied directory removed");

    cache.store(e1); // works after a clear
    assertEquals(List.of(e1.key()), cache.list());
  }

  @Test
  void unwritableDirectoryCountsAFailureAndDoesNotThrow() throws Exception {
    Path notADir = dir.resolve("file");
    Files.writeString(notADir, "x");
    ClassCache cache = ClassCache.open(notADir);
    String err = captureErr(() -> {
      cache.store(entry());
      cache.store(entry());
      return null;
    });
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.startsWith("[kiln] cache: cannot write "), err);
    assertEquals(new CacheStats(0, 0, 0, 0, 2), cache.stats());
    assertEquals(Optional.empty(), cache.load(key(), current()));
    assertEquals(List.of(), cache.list());
    assertEquals(0, cache.clear());
  }

  @Test
  void openCreatesNothingUntilAStore() {
    Path d = dir.resolve("a/b/c");
    ClassCache cache = ClassCache.open(d);
    assertEquals(d.toAbsolutePath(), cache.directory());
    assertEquals(Optional.empty(), cache.load(key(), current()));
    assertFalse(Files.exists(d));
    cache.store(entry());
    assertEquals(Optional.of(entry()), cache.load(key(), current()));
  }

  // ------------------------------------------------------------ default directory

  @Test
  void defaultDirectoryHonoursTheSystemProperty() {
    String old = System.getProperty("kiln.cache.dir");
    try {
      System.setProperty("kiln.cache.dir", dir.toString());
      assertEquals(dir, ClassCache.defaultDirectory());
    } finally {
      if (old == null) {
        System.clearProperty("kiln.cache.dir");
      } else {
        System.setProperty("kiln.cache.dir", old);
      }
    }
    assertNotEquals(dir, ClassCache.defaultDirectory());
  }

  @Test
  void defaultDirectoryRules() {
    Map<String, String> unix = Map.of("user.home", "/home/u", "os.name", "Linux");
    Map<String, String> win = Map.of("user.home", "C:\\Users\\u", "os.name", "Windows 11");
    assertEquals(Path.of("/home/u/.cache/kiln"), ClassCache.defaultDirectory(unix::get,
        Map.<String, String>of()::get));
    assertEquals(Path.of("/xdg/kiln"), ClassCache.defaultDirectory(unix::get,
        Map.of("XDG_CACHE_HOME", "/xdg")::get));
    assertEquals(Path.of("/home/u/.cache/kiln"), ClassCache.defaultDirectory(unix::get,
        Map.of("XDG_CACHE_HOME", "relative")::get), "XDG ignores relative paths");
    assertEquals(Path.of("/env/dir"), ClassCache.defaultDirectory(unix::get,
        Map.of("KILN_CACHE_DIR", "/env/dir", "XDG_CACHE_HOME", "/xdg")::get));
    Map<String, String> withProp = new HashMap<>(unix);
    withProp.put("kiln.cache.dir", "/prop/dir");
    assertEquals(Path.of("/prop/dir"), ClassCache.defaultDirectory(withProp::get,
        Map.of("KILN_CACHE_DIR", "/env/dir")::get), "the property wins");
    assertEquals(Path.of("LocalAppData", "kiln"), ClassCache.defaultDirectory(win::get,
        Map.of("LOCALAPPDATA", "LocalAppData", "XDG_CACHE_HOME", "/xdg")::get));
    assertEquals(Path.of("C:\\Users\\u", "AppData", "Local", "kiln"),
        ClassCache.defaultDirectory(win::get, Map.<String, String>of()::get));
  }

  // ------------------------------------------------------------ concurrency

  @Test
  void eightThreadsStoringAndLoadingAtOnce() throws Exception {
    ClassCache cache = cache();
    int threads = 8;
    // Every thread writes its own version of one shared key (last writer wins), and its own key.
    List<Entry> shared = new ArrayList<>();
    List<Entry> own = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      shared.add(entry(key(), t, 20_000 + 3_000 * t));
      own.add(entry(key("own" + t, "int(int)"), 100 + t, 5_000 + 500 * t));
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<int[]>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int me = t;
        results.add(pool.submit(() -> {
          int hits = 0;
          int loads = 0;
          ThreadLocalRandom rnd = ThreadLocalRandom.current();
          while (System.nanoTime() < deadline) {
            if (me % 2 == 0 || rnd.nextInt(4) == 0) { // half the threads mostly read
              cache.store(shared.get(me));
              cache.store(own.get(me));
            }
            Optional<Entry> s = cache.load(key(), current());
            loads++;
            if (s.isPresent()) {
              hits++;
              assertTrue(shared.contains(s.get()), "a whole entry some writer stored");
            }
            int other = rnd.nextInt(threads);
            Optional<Entry> o = cache.load(own.get(other).key(), current());
            if (o.isPresent()) {
              assertEquals(own.get(other), o.get());
            }
          }
          return new int[] {loads, hits};
        }));
      }
      int hits = 0;
      for (Future<int[]> f : results) {
        hits += f.get(30, TimeUnit.SECONDS)[1];
      }
      assertTrue(hits > 0);
    } finally {
      pool.shutdownNow();
    }
    CacheStats s = cache.stats();
    assertEquals(0, s.rejected(), s.toString());
    assertEquals(0, s.storeFailures(), s.toString());
    assertTrue(shared.contains(cache.load(key(), current()).orElseThrow()));
    try (Stream<Path> files = Files.walk(dir)) {
      assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".tmp")).toList(),
          "no temporary files left");
    }
  }
}
