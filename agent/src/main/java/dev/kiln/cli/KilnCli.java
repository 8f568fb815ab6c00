package dev.kiln.cli;

import dev.kiln.Kiln;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Kiln's command line, {@code java -jar kiln.jar <command>}: the on-disk cache's directory,
 * entries and clearing.
 *
 * <p>Hand-written rather than picocli: four commands and one option, and every class in
 * kiln.jar costs each JVM that puts the jar on its class path a little time reading the jar's
 * directory at start-up (picocli would add about 150 entries, ~0.4 ms).
 */
public final class KilnCli {
  static final String USAGE = """
      usage: java -jar kiln.jar <command>

      commands:
        cache dir   [--dir DIR]   the cache directory
        cache list  [--dir DIR]   one line per cache entry: class.method(signature)
                                  [options, Kiln build, JDK, where the class came from]
        cache clear [--dir DIR]   delete every cache entry
        version                   Kiln's version
        help                      this text

      --dir DIR overrides -Dkiln.cache.dir, KILN_CACHE_DIR and the per-user default;
      without it the cache is %s
      """;

  private KilnCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command; returns the exit status (0 done, 1 failed, 2 bad usage). */
  static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> words = new ArrayList<>();
    String dir = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--dir") && i + 1 < args.length) {
        dir = args[++i];
      } else if (a.startsWith("--dir=")) {
        dir = a.substring("--dir=".length());
      } else if (a.equals("--dir")) {
        return usage(err, "--dir needs a directory");
      } else if (a.equals("-h") || a.equals("--help")) {
        out.print(usageText());
        return 0;
      } else if (a.startsWith("-")) {
        return usage(err, "unknown option " + a);
      } else {
        words.add(a);
      }
    }
    if (words.isEmpty() || words.get(0).equals("help")) {
      out.print(usageText());
      return 0;
    }
    if (words.equals(List.of("version"))) {
      out.println("Kiln " + version());
      return 0;
    }
    if (words.size() != 2 || !words.get(0).equals("cache")) {
      return usage(err, "unknown command: " + String.join(" ", words));
    }
    if (dir != null && dir.isBlank()) {
      // an unset shell variable must not turn `cache clear --dir "$X"` into the default cache
      return usage(err, "--dir is empty");
    }
    if (dir != null) {
      // read once, when the cache is first opened: before any Kiln call below
      System.setProperty("kiln.cache.dir", dir);
    }
    try {
      switch (words.get(1)) {
        case "dir" -> out.println(Kiln.cacheDirectory());
        case "list" -> {
          List<String> entries = Kiln.cacheEntries();
          out.println(entries.size() + (entries.size() == 1 ? " entry" : " entries") + " in "
              + Kiln.cacheDirectory());
          entries.forEach(out::println);
        }
        case "clear" -> {
          int n = Kiln.clearCache();
          out.println("deleted " + n + (n == 1 ? " entry" : " entries") + " from "
              + Kiln.cacheDirectory());
        }
        default -> {
          return usage(err, "unknown command: cache " + words.get(1));
        }
      }
      return 0;
    } catch (RuntimeException e) {
      err.println("kiln: " + e.getMessage());
      return 1;
    }
  }

  private static int usage(PrintStream err, String problem) {
    err.println("kiln: " + problem);
    err.print(usageText());
    return 2;
  }

  private static String usageText() {
    Path fallback;
    try {
      fallback = dev.kiln.cache.ClassCache.defaultDirectory();
    } catch (RuntimeException e) {
      fallback = Path.of("~/.cache/kiln");
    }
    return String.format(USAGE, fallback);
  }

  /** The build cache entries are keyed by (so {@code cache list} shows it too). */
  private static String version() {
    return dev.kiln.dispatch.Dispatchers.version();
  }
}
