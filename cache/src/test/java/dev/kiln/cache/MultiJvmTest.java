package dev.kiln.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Four JVMs storing and loading the same and different entries in one directory at once. */
class MultiJvmTest {

  @TempDir Path tmp;

  @Test
  void fourJvmsAtOnce() throws Exception {
    int workers = 4;
    Path dir = tmp.resolve("cache");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("java.class.path");
    List<Process> procs = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    try {
      for (int w = 0; w < workers; w++) {
        Path log = tmp.resolve("worker" + w + ".log");
        logs.add(log);
        procs.add(new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
            "-cp", classpath, CacheWorker.class.getName(), dir.toString(),
            Integer.toString(w), Integer.toString(workers), "2500")
            .redirectErrorStream(true).redirectOutput(log.toFile()).start());
      }
      for (int w = 0; w < workers; w++) {
        Process p = procs.get(w);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "worker " + w + " finished in time");
        String out = Files.readString(logs.get(w));
        assertEquals(0, p.exitValue(), "worker " + w + ":\n" + out);
        assertFalse(out.contains("[kiln] cache:"), "worker " + w + " reported:\n" + out);
        assertTrue(out.contains("worker " + w + ": loads="), out);
      }
    } finally {
      procs.forEach(Process::destroyForcibly);
    }

    // What is left: the shared entry as some worker wrote it, each worker's own entry.
    ClassCache cache = ClassCache.open(dir);
    List<Entry> shared = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      shared.add(CacheWorker.shared(w));
      Entry own = CacheWorker.own(w);
      assertEquals(Optional.of(own), cache.load(own.key(), Fixtures.current()));
    }
    assertTrue(shared.contains(cache.load(Fixtures.key(), Fixtures.current()).orElseThrow()));
    assertEquals(workers + 1, cache.list().size());
    assertEquals(0, cache.stats().rejected());
    try (Stream<Path> files = Files.walk(dir)) {
      assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".tmp")).toList());
    }
  }
}
