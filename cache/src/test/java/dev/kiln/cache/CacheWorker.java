package dev.kiln.cache;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The child JVM of {@link MultiJvmTest}: for a while, stores its version of a shared entry and
 * its own entry, and loads the shared entry and every worker's own entry, checking that each
 * load is empty or exactly an entry some worker stored. Exits 0 if all were, 1 otherwise.
 *
 * <p>Arguments: cache directory, this worker's number, number of workers, milliseconds to run.
 */
public final class CacheWorker {
  private CacheWorker() {}

  static Entry shared(int worker) {
    return Fixtures.entry(Fixtures.key(), worker, 30_000 + 7_000 * worker);
  }

  static Entry own(int worker) {
    return Fixtures.entry(Fixtures.key("own" + worker, "int(int)"), 1000 + worker,
        8_000 + 1_000 * worker);
  }

  public static void main(String[] args) {
    ClassCache cache = ClassCache.open(Path.of(args[0]));
    int me = Integer.parseInt(args[1]);
    int workers = Integer.parseInt(args[2]);
    long deadline = System.nanoTime() + Long.parseLong(args[3]) * 1_000_000L;
    List<Entry> shared = new ArrayList<>();
    List<Entry> own = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      shared.add(shared(w));
      own.add(own(w));
    }
    Random rnd = new Random(me);
    int bad = 0;
    int loads = 0;
    int hits = 0;
    boolean writer = me % 2 == 0; // odd workers mostly read
    while (System.nanoTime() < deadline) {
      if (writer || rnd.nextInt(8) == 0) {
        cache.store(shared.get(me));
        cache.store(own.get(me));
      }
      for (int i = 0; i < 4; i++) {
        Optional<Entry> s = cache.load(Fixtures.key(), Fixtures.current());
        loads++;
        if (s.isPresent()) {
          hits++;
          if (!shared.contains(s.get())) {
            bad++;
            System.out.println("BAD shared entry: " + s.get());
          }
        }
        int w = rnd.nextInt(workers);
        Optional<Entry> o = cache.load(own.get(w).key(), Fixtures.current());
        loads++;
        if (o.isPresent()) {
          hits++;
          if (!o.get().equals(own.get(w))) {
            bad++;
            System.out.println("BAD own entry of worker " + w + ": " + o.get());
          }
        }
      }
    }
    CacheStats stats = cache.stats();
    System.out.println("worker " + me + ": loads=" + loads + " hits=" + hits + " bad=" + bad
        + " " + stats);
    System.exit(bad == 0 && stats.rejected() == 0 && stats.storeFailures() == 0 ? 0 : 1);
  }
}
