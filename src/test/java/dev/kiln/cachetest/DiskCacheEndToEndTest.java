package dev.kiln.cachetest;

import static dev.kiln.cachetest.CacheFixture.ANSWERS;
import static dev.kiln.cachetest.CacheFixture.METHODS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.cachetest.CacheFixture.Run;
import dev.kiln.cachetest.CacheFixture.Started;
import dev.kiln.cachetest.CacheFixture.Stats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The on-disk class cache end to end: a small program ({@link CacheFixture}) run in child JVMs
 * over one cache directory, as a user runs it, across edits of its classes, many JVMs at once
 * and damaged entry files.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DiskCacheEndToEndTest {
  @TempDir
  static Path shared;
  /** The pristine fixture, compiled once; tests that edit it work on a copy. */
  static CacheFixture pristine;

  @BeforeAll
  static void compileFixture() throws IOException {
    pristine = CacheFixture.create(shared.resolve("pristine"));
  }

  // ---------------------------------------------------------------- 1. cold, warm, changed

  @Test
  @Order(1)
  void coldThenWarmThenClassChanged(@TempDir Path tmp) throws Exception {
    CacheFixture f = CacheFixture.copyOf(pristine, tmp.resolve("fixture"));
    Path cache = tmp.resolve("cache");

    Run cold = f.run(cache, "--entries", "--signatures").ok();
    assertAnswers(cold, ANSWERS);
    for (String m : METHODS) {
      assertStats(cold, m, 1, 0, 1);
    }
    assertTrue(cold.kilnLines().isEmpty(), () -> "a cold miss is silent\n" + cold);
    assertEquals(3, cold.entries().size(), () -> "Kiln.cacheEntries() after the cold run\n"
        + cold);
    for (String m : METHODS) {
      assertTrue(cold.entries().stream().anyMatch(e -> e.startsWith("fixture.Kernels." + m + "(")),
          () -> "an entry for " + m + ": " + cold.entries());
    }
    assertEquals(3, CacheFixture.entryFiles(cache).size(), () -> "entry files: "
        + entryNames(cache));
    assertTrue(CacheFixture.otherFiles(cache).isEmpty(), () -> "no temporary files left: "
        + otherFiles(cache));

    Run warm = f.run(cache, "--signatures").ok();
    assertWarm(warm, ANSWERS, "nothing to report on a warm run");
    for (String m : METHODS) {
      assertEquals(cold.signatures(m), warm.signatures(m),
          "a loaded specialization reports the signature (and typed IR) it was compiled with");
      assertTrue(warm.signatures(m).endsWith(" true"), warm::toString);
    }

    f.edit("Kernels", "return a + b;", "return a + b + 100;");
    byte[] helperBefore = Files.readAllBytes(f.classFile("Helper"));
    f.javac("Kernels");
    assertArrayEquals(helperBefore, Files.readAllBytes(f.classFile("Helper")),
        "only Kernels recompiled");
    Run changed = f.run(cache, "--entries").ok();
    Map<String, String> expected = new HashMap<>(ANSWERS);
    expected.put("add", "142");
    assertAnswers(changed, expected);
    for (String m : METHODS) {
      // every entry of Kernels was built from the old Kernels.class: all stale
      assertStats(changed, m, 1, 0, 1);
    }
    assertTrue(changed.cacheReports().stream().anyMatch(l -> l.contains("stale entry")
            && l.contains("fixture.Kernels.add") && l.contains("fixture.Kernels changed")),
        () -> "the stale entry of add is reported, naming the changed class\n" + changed);
    assertEquals(3, changed.entries().size(), () -> "rebuilt entries replace the stale ones\n"
        + changed);
    assertEquals(3, CacheFixture.entryFiles(cache).size());
  }

  /**
   * Two programs whose classes share names (here, two versions of {@code fixture.Kernels}) over
   * one cache keep apart entries, keyed by where their classes come from: both stay warm,
   * instead of each finding the other's entries stale and replacing them at every run.
   */
  @Test
  @Order(1)
  void twoProgramsWithClassesOfOneNameKeepApartEntries(@TempDir Path tmp) throws Exception {
    CacheFixture a = CacheFixture.copyOf(pristine, tmp.resolve("a"));
    CacheFixture b = CacheFixture.copyOf(pristine, tmp.resolve("b"));
    b.edit("Kernels", "return a + b;", "return a + b + 100;");
    b.javac("Kernels");
    Map<String, String> bAnswers = new HashMap<>(ANSWERS);
    bAnswers.put("add", "142");
    Path cache = tmp.resolve("cache");
    assertAnswers(a.run(cache).ok(), ANSWERS);
    assertAnswers(b.run(cache).ok(), bAnswers);
    assertWarm(a.run(cache).ok(), ANSWERS, "b's run left a's entries alone");
    assertWarm(b.run(cache).ok(), bAnswers, "a's run left b's entries alone");
    assertEquals(6, CacheFixture.entryFiles(cache).size(), () -> "entry files: "
        + entryNames(cache));
  }

  /**
   * A unit that links its class's private members through Kiln's bootstraps gets the class's
   * lookup back when loaded warm (a warm load admits a unit to its host only when its bytecode
   * names the bootstraps; this is the case that needs it).
   */
  @Test
  @Order(1)
  void aUnitReachingPrivateMembersRunsWarm(@TempDir Path tmp) throws Exception {
    CacheFixture f = CacheFixture.copyOf(pristine, tmp.resolve("fixture"));
    Path cache = tmp.resolve("cache");
    Run cold = f.run(cache, "--hosted").ok();
    assertEquals("43", cold.result("hosted"));
    assertStats(cold, "hosted", 1, 0, 1);
    assertTrue(cold.stdout().contains("BOOTSTRAPS true"),
        () -> "the unit links the private members through the bootstraps\n" + cold);
    Run warm = f.run(cache, "--hosted").ok();
    assertEquals("43", warm.result("hosted"));
    assertStats(warm, "hosted", 0, 1, 0);
    assertTrue(warm.kilnLines().isEmpty(), warm::toString);
  }

  // ---------------------------------------------------------------- 2. a linked callee changed

  @Test
  @Order(2)
  void linkedCalleeInAnotherClassChanged(@TempDir Path tmp) throws Exception {
    CacheFixture f = CacheFixture.copyOf(pristine, tmp.resolve("fixture"));
    Path cache = tmp.resolve("cache");
    Run cold = f.run(cache).ok();
    assertAnswers(cold, ANSWERS);

    f.edit("Helper", "return x * 2.0;", "return x * 3.0;");
    byte[] kernelsBefore = Files.readAllBytes(f.classFile("Kernels"));
    var kernelsTime = Files.getLastModifiedTime(f.classFile("Kernels"));
    f.javac("Helper");
    assertArrayEquals(kernelsBefore, Files.readAllBytes(f.classFile("Kernels")),
        "Kernels.class untouched");
    assertEquals(kernelsTime, Files.getLastModifiedTime(f.classFile("Kernels")),
        "Kernels.class untouched");

    Run changed = f.run(cache).ok();
    Map<String, String> expected = new HashMap<>(ANSWERS);
    expected.put("scaledSum", "33.0");
    assertAnswers(changed, expected);
    assertStats(changed, "scaledSum", 1, 0, 1); // Helper's code is in its unit: stale
    assertStats(changed, "add", 0, 1, 0);       // no Helper code in these: still current
    assertStats(changed, "sum", 0, 1, 0);
    List<String> reports = changed.cacheReports();
    assertEquals(1, reports.size(), () -> "one stale entry reported\n" + changed);
    assertTrue(reports.get(0).contains("stale entry") && reports.get(0).contains(
        "fixture.Kernels.scaledSum") && reports.get(0).contains("fixture.Helper changed"),
        () -> "scaledSum's entry is stale because Helper changed\n" + changed);

    assertWarm(f.run(cache).ok(), expected, "the rebuilt entry is current");
  }

  // ---------------------------------------------------------------- 3. eight JVMs at once

  /**
   * Eight JVMs fill one empty cache at once (a file barrier lines up their first calls). Every
   * run must be clean: no {@code [kiln] cache:} line at all. That is the right bar on a local
   * POSIX file system: writers rename a finished temporary file over the entry atomically, so a
   * reader sees no file (a silent miss) or a whole one, and all writers of one key write the same
   * bytes (see {@link #coldRunsWriteIdenticalEntries}), so a replaced file is never different,
   * let alone stale. The only messages the cache could print here - corrupt, foreign, stale,
   * cannot read, cannot write - would each mean a real bug (or a broken disk). (On Windows a
   * reader holding a file open can make a rename wait, which the cache retries; not exercised.)
   */
  @Test
  @Order(3)
  void eightJvmsAtOnceOnOneEmptyCache(@TempDir Path tmp) throws Exception {
    Path cache = tmp.resolve("cache");
    Path barrier = Files.createDirectories(tmp.resolve("barrier"));
    int n = 8;
    List<Started> started = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      started.add(pristine.start(cache, CacheFixture.QUICK_FLAGS, "--barrier=" + barrier));
    }
    long deadline = System.nanoTime() + 50_000_000_000L;
    while (countReady(barrier) < n && System.nanoTime() < deadline
        && started.stream().allMatch(s -> s.process().isAlive())) {
      Thread.sleep(5);
    }
    int ready = countReady(barrier);
    Files.createFile(barrier.resolve("go"));
    List<Run> runs = new ArrayList<>();
    for (Started s : started) {
      runs.add(s.await());
    }
    assertEquals(n, ready, "all JVMs reached the barrier");
    long compiled = 0;
    long hits = 0;
    for (Run r : runs) {
      r.ok();
      assertAnswers(r, ANSWERS);
      assertTrue(r.kilnLines().isEmpty(), () -> "no cache report, no warning\n" + r);
      for (String m : METHODS) {
        Stats s = r.stats(m);
        assertEquals(1, s.compilations() + s.hits(), () -> "compiled or loaded once: " + m
            + "\n" + r);
        assertEquals(s.compilations(), s.misses(), () -> "every compile was after a miss: " + m
            + "\n" + r);
        compiled += s.compilations();
        hits += s.hits();
      }
    }
    System.out.println("[cachetest] 8 concurrent cold JVMs: " + compiled + " compilations, "
        + hits + " cache hits over " + (n * METHODS.size()) + " specializations");
    assertTrue(CacheFixture.otherFiles(cache).isEmpty(), () -> "no temporary files left: "
        + otherFiles(cache));
    assertEquals(3, CacheFixture.entryFiles(cache).size(), () -> "entry files: "
        + entryNames(cache));

    Run ninth = pristine.run(cache, "--entries").ok();
    assertWarm(ninth, ANSWERS, "every entry loads");
    assertEquals(3, ninth.entries().size());
  }

  private static int countReady(Path barrier) throws IOException {
    try (var s = Files.list(barrier)) {
      return (int) s.filter(p -> p.getFileName().toString().startsWith("ready-")).count();
    }
  }

  // ---------------------------------------------------------------- 4. damaged entry files

  @Test
  @Order(4)
  void truncatedAndGarbageEntriesAreReportedOnceAndRebuilt(@TempDir Path tmp) throws Exception {
    Path cache = tmp.resolve("cache");
    assertAnswers(pristine.run(cache).ok(), ANSWERS);

    Path truncated = CacheFixture.entryFileOf(cache, "add");
    Path garbage = CacheFixture.entryFileOf(cache, "sum");
    byte[] whole = Files.readAllBytes(truncated);
    Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
    byte[] junk = new byte[(int) Files.size(garbage)];
    new Random(20240611L).nextBytes(junk);
    Files.write(garbage, junk);

    Run damaged = pristine.run(cache).ok();
    assertAnswers(damaged, ANSWERS);
    assertStats(damaged, "add", 1, 0, 1);
    assertStats(damaged, "sum", 1, 0, 1);
    assertStats(damaged, "scaledSum", 0, 1, 0);
    List<String> reports = damaged.cacheReports();
    assertEquals(2, reports.size(), () -> "each bad file reported once, nothing else\n"
        + damaged);
    assertEquals(1, reports.stream().filter(l -> l.contains(truncated.toString())
        && l.contains("corrupt entry")).count(), () -> "the truncated file\n" + damaged);
    assertEquals(1, reports.stream().filter(l -> l.contains(garbage.toString())
        && (l.contains("foreign entry") || l.contains("corrupt entry"))).count(),
        () -> "the garbage file\n" + damaged);
    assertNotEquals(whole.length / 2, Files.size(truncated), "the truncated entry was rebuilt");
    assertArrayEquals(whole, Files.readAllBytes(truncated),
        "the rebuilt entry is the same as the first (same classes, same code)");

    assertWarm(pristine.run(cache).ok(), ANSWERS, "all hits again");
  }

  // ---------------------------------------------------------------- 5. determinism

  @Test
  @Order(5)
  void coldRunsWriteIdenticalEntries(@TempDir Path tmp) throws Exception {
    Path a = tmp.resolve("cacheA");
    Path b = tmp.resolve("cacheB");
    assertAnswers(pristine.run(a).ok(), ANSWERS);
    assertAnswers(pristine.run(b).ok(), ANSWERS);
    Map<String, Path> fa = CacheFixture.entryFiles(a);
    Map<String, Path> fb = CacheFixture.entryFiles(b);
    assertEquals(3, fa.size(), () -> "entries: " + fa.keySet());
    assertEquals(fa.keySet(), fb.keySet(), "the same entry files");
    for (String name : fa.keySet()) {
      assertArrayEquals(Files.readAllBytes(fa.get(name)), Files.readAllBytes(fb.get(name)),
          () -> name + " differs between two cold runs");
    }
  }

  // ---------------------------------------------------------------- what a warm start loads

  /**
   * A warm start runs no compiler and none of the JDK machinery the cold path or reflection
   * would drag in: the class-load log of a warm run names no class of the frontend, typing
   * inference or lowering, no ASM, no annotation proxy, no security provider, no regex and no
   * lambda of Kiln's. (What those cost: milliseconds each, see docs/benchmarks.md.)
   */
  @Test
  @Order(6)
  void aWarmStartLoadsNoCompilerAndNoProxies(@TempDir Path tmp) throws Exception {
    assertWarmStartLoadsOnlyWhatItNeeds(pristine, tmp);
  }

  /** The same from jar entries, which Kiln stamps with their DOS times (no java.time). */
  @Test
  @Order(6)
  void aWarmStartFromAJarLoadsNoCompilerAndNoProxies(@TempDir Path tmp) throws Exception {
    CacheFixture f = CacheFixture.copyOf(pristine, tmp.resolve("fixture")).packagedAsJar();
    assertWarmStartLoadsOnlyWhatItNeeds(f, tmp);
  }

  private static void assertWarmStartLoadsOnlyWhatItNeeds(CacheFixture pristine, Path tmp)
      throws Exception {
    Path cache = tmp.resolve("cache");
    assertAnswers(pristine.run(cache).ok(), ANSWERS);
    Path log = tmp.resolve("classes.log");
    List<String> flags = new ArrayList<>(CacheFixture.QUICK_FLAGS);
    // a start as users run it: kiln.verify checks cached units with ASM, which a real start
    // never loads
    flags.replaceAll(f -> f.startsWith("-Dkiln.verify=") ? "-Dkiln.verify=false" : f);
    flags.add("-Xlog:class+load=info:file=" + log);
    Run warm = pristine.start(cache, flags).await().ok();
    assertAnswers(warm, ANSWERS);
    for (String m : METHODS) {
      assertStats(warm, m, 0, 1, 0);
    }
    List<String> loaded = new ArrayList<>(); // class names: "[..][info][class,load] NAME source: .."
    for (String line : Files.readAllLines(log)) {
      int at = line.indexOf("] ");
      int end = line.indexOf(" source:");
      if (at >= 0 && end > at) {
        loaded.add(line.substring(at + 2, end));
      }
    }
    assertTrue(loaded.stream().anyMatch(c -> c.startsWith("fixture.Kernels$$Kiln$add")),
        () -> "the log names the units defined: " + loaded);
    List<String> forbidden = List.of("dev.kiln.frontend.IrBuilder", "dev.kiln.typing.Typer",
        "dev.kiln.typing.TypingContext", "dev.kiln.lowering.", "dev.kiln.dispatch.Compiler",
        "dev.kiln.dispatch.UnitBuilder", "org.objectweb.asm.", "dev.kiln.shaded.asm.",
        "jdk.proxy", "$Proxy", "sun.security.provider.", "dev.kiln.dispatch.JitDispatcher$$Lambda",
        "java.util.regex.Pattern$",
        // what the warm path avoids by design (see docs/architecture.md, "Start-up"): the
        // date-time classes (about 8 ms on JDK 25), LongAdder's var handles, the errors only a
        // failure needs, and the host registry for units that never ask for their host
        "java.time.", "java.util.concurrent.atomic.LongAdder", "dev.kiln.frontend.CompileError",
        "dev.kiln.typing.TypingError", "dev.kiln.dispatch.CallErrors", "dev.kiln.dispatch.UnitHosts", "dev.kiln.typing.Types",
        "dev.kiln.frontend.Kind");
    for (String f : forbidden) {
      List<String> hits = loaded.stream().filter(c -> c.startsWith(f) || f.startsWith("$")
          && c.contains(f)).toList();
      assertTrue(hits.isEmpty(), () -> "a warm start loaded " + f + ": " + hits);
    }
    // every class costs a warm start about 0.25 ms (docs/benchmarks.md): a budget, so that a
    // change that adds classes to this path does so knowingly
    List<String> kiln = loaded.stream().filter(c -> c.startsWith("dev.kiln.")).toList();
    assertTrue(kiln.size() <= WARM_START_CLASS_BUDGET, () -> "a warm start of three kernels "
        + "loaded " + kiln.size() + " of Kiln's classes, over the budget of "
        + WARM_START_CLASS_BUDGET + ": " + kiln);
  }

  /** Kiln's classes a warm start of the fixture may load (39 from class directories, as here,
   * and 41 from kiln.jar, when this was set; 40 and 42 since @Jit and the bytecode offsets
   * share the frontend's ClassFileReader). */
  private static final int WARM_START_CLASS_BUDGET = 42;

  // ---------------------------------------------------------------- timing, for the docs

  /**
   * Whole-process wall time of {@code fixture.Main} with default JVM flags: the same work
   * without Kiln ({@code --plain}), with Kiln disabled (originals run), a warm cache, a cold
   * cache; best of five each. Printed, not asserted.
   */
  @Test
  @Order(7)
  void wallTimeForTheDocs(@TempDir Path tmp) throws Exception {
    List<String> disabledFlags = List.of("-Dkiln.disable=true");
    double plain = Double.MAX_VALUE;
    double disabled = Double.MAX_VALUE;
    double cold = Double.MAX_VALUE;
    double warm = Double.MAX_VALUE;
    List<Long> plainAll = new ArrayList<>();
    List<Long> disabledAll = new ArrayList<>();
    List<Long> coldAll = new ArrayList<>();
    List<Long> warmAll = new ArrayList<>();
    Path warmCache = tmp.resolve("warm");
    assertAnswers(pristine.start(warmCache, List.of()).await().ok(), ANSWERS); // fill it
    for (int i = 0; i < 5; i++) {
      Run p = pristine.start(tmp.resolve("plain"), List.of(), "--plain").await().ok();
      assertAnswers(p, ANSWERS);
      plain = Math.min(plain, p.millis());
      plainAll.add(Math.round(p.millis()));

      Run d = pristine.start(tmp.resolve("disabled"), disabledFlags).await().ok();
      assertAnswers(d, ANSWERS);
      assertStats(d, "add", 0, 0, 0);
      disabled = Math.min(disabled, d.millis());
      disabledAll.add(Math.round(d.millis()));

      Run c = pristine.start(tmp.resolve("cold" + i), List.of()).await().ok();
      assertAnswers(c, ANSWERS);
      assertStats(c, "add", 1, 0, 1);
      cold = Math.min(cold, c.millis());
      coldAll.add(Math.round(c.millis()));

      Run w = pristine.start(warmCache, List.of()).await().ok();
      assertAnswers(w, ANSWERS);
      assertStats(w, "add", 0, 1, 0);
      warm = Math.min(warm, w.millis());
      warmAll.add(Math.round(w.millis()));
    }
    assertFalse(Files.exists(tmp.resolve("plain")), "a plain run touches no cache");
    assertFalse(Files.exists(tmp.resolve("disabled")), "a disabled Kiln touches no cache");
    System.out.printf(Locale.ROOT, "[cachetest] fixture.Main wall time, best of 5 (all runs, ms):"
            + " plain Java (--plain) %.0f ms %s; Kiln disabled %.0f ms %s; warm cache %.0f ms %s;"
            + " cold cache %.0f ms %s; %d CPUs, JDK %s%n",
        plain, plainAll, disabled, disabledAll, warm, warmAll, cold, coldAll,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
  }

  // ---------------------------------------------------------------- helpers

  /** Every answer as expected, every method loaded from the cache, nothing reported. */
  private static void assertWarm(Run r, Map<String, String> expected, String why) {
    assertAnswers(r, expected);
    for (String m : METHODS) {
      assertStats(r, m, 0, 1, 0);
    }
    assertTrue(r.kilnLines().isEmpty(), () -> why + "\n" + r);
  }

  private static void assertAnswers(Run r, Map<String, String> expected) {
    for (String m : METHODS) {
      assertEquals(expected.get(m), r.result(m), () -> "result of " + m + "\n" + r);
    }
  }

  private static void assertStats(Run r, String method, long compilations, long hits,
                                  long misses) {
    assertEquals(new Stats(compilations, hits, misses), r.stats(method),
        () -> "stats of " + method + " (compilations, hits, misses)\n" + r);
  }

  private static Object entryNames(Path cache) {
    try {
      return CacheFixture.entryFiles(cache).keySet();
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static List<String> otherFiles(Path cache) {
    try {
      return CacheFixture.otherFiles(cache);
    } catch (IOException e) {
      return List.of(e.toString());
    }
  }
}
