package dev.kiln.cachetest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A tiny user program compiled at test time ({@code fixture.Kernels}, {@code fixture.Helper},
 * {@code fixture.Main}) and run in child JVMs over an on-disk Kiln cache.
 *
 * <p>{@code Kernels.scaledSum} calls the {@code @Jit} method {@code Helper.scale}, whose body Kiln
 * links into scaledSum's unit, so {@code fixture.Helper} is a cache dependency of that entry (and
 * of no other). {@code Main} prints one {@code RESULT name value} and one
 * {@code STATS name compilations=C hits=H misses=M} line per method, and with {@code --entries}
 * the cache's entries ({@code ENTRIES n}, then {@code ENTRY ...} lines); with
 * {@code --signatures}, {@code SIGNATURES name [sigs] <whether inspectTypes names the first>}
 * per method. {@code --plain} does
 * the same work calling the methods directly, without Kiln: a plain Java start, to compare.
 */
final class CacheFixture {
  /** Original answers: add(20, 22); sum and scaledSum of {1.5, 2.5, 3.0, 4.0}. */
  static final Map<String, String> ANSWERS = Map.of("add", "42", "sum", "11.0",
      "scaledSum", "22.0");
  static final List<String> METHODS = List.of("add", "sum", "scaledSum");
  /** How long one child JVM may take. */
  static final long TIMEOUT_SECONDS = 60;

  /**
   * Kernels and Helper are the program {@code docs/tools/startup.py} times: the figures this
   * suite prints and the tool's are for the same code.
   */
  static final String KERNELS = startupFixture("Kernels.java");
  static final String HELPER = startupFixture("Helper.java");

  private static String startupFixture(String file) {
    for (Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath(); d != null;
         d = d.getParent()) {
      Path p = d.resolve("docs/tools/startup/fixture").resolve(file);
      if (Files.isRegularFile(p)) {
        try {
          return Files.readString(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new IllegalStateException("no docs/tools/startup/fixture/" + file + " above "
        + System.getProperty("user.dir"));
  }

  /**
   * A kernel that reaches its class's private members, so that its unit links them through
   * Kiln's bootstraps with the class's lookup (its host): run by {@code Main --hosted}, which
   * prints {@code RESULT hosted}, its {@code STATS} and {@code BOOTSTRAPS <whether the unit's
   * bytecode names Kiln's bootstraps>}.
   */
  static final String HOSTED = """
      package fixture;

      import dev.kiln.Jit;

      public final class Hosted {
        private Hosted() {}

        private static int bias = 3;

        private static int twice(int x) {
          return 2 * x;
        }

        @Jit(cache = true)
        public static int hosted(int x) {
          return twice(x) + bias;
        }
      }
      """;

  static final String MAIN = """
      package fixture;

      import dev.kiln.Dispatcher;
      import dev.kiln.Kiln;
      import java.lang.invoke.MethodHandles;
      import java.nio.file.Files;
      import java.nio.file.Path;
      import java.util.List;

      public final class Main {
        private Main() {}

        public static void main(String[] args) throws Throwable {
          if (args.length > 0 && args[0].equals("--hosted")) {
            Dispatcher h = Kiln.jit(MethodHandles.lookup(), Hosted.class, "hosted");
            report("hosted", h.invoke(20), h);
            System.out.println("BOOTSTRAPS " + h.inspectBytecode(h.signatures().get(0))
                .contains("dev/kiln/dispatch/Bootstraps"));
            return;
          }
          if (args.length > 0 && args[0].equals("--plain")) { // the same work, without Kiln
            double[] v = {1.5, 2.5, 3.0, 4.0};
            report("add", Kernels.add(20, 22), null);
            report("sum", Kernels.sum(v), null);
            report("scaledSum", Kernels.scaledSum(v), null);
            return;
          }
          boolean entries = false;
          Path barrier = null;
          for (String a : args) {
            if (a.equals("--signatures")) {
              signatures = true;
            } else if (a.equals("--entries")) {
              entries = true;
            } else if (a.startsWith("--barrier=")) {
              barrier = Path.of(a.substring("--barrier=".length()));
            }
          }
          MethodHandles.Lookup lookup = MethodHandles.lookup();
          Dispatcher add = Kiln.jit(lookup, Kernels.class, "add");
          Dispatcher sum = Kiln.jit(lookup, Kernels.class, "sum");
          Dispatcher scaled = Kiln.jit(lookup, Kernels.class, "scaledSum");
          if (barrier != null) {
            Kiln.cacheDirectory(); // opens the cache (no I/O), so that after the barrier
            await(barrier);        // every JVM is loading and storing entries at once
          }
          double[] v = {1.5, 2.5, 3.0, 4.0};
          report("add", add.invoke(20, 22), add);
          report("sum", sum.invoke(v), sum);
          report("scaledSum", scaled.invoke(v), scaled);
          if (entries) {
            List<String> e = Kiln.cacheEntries();
            System.out.println("ENTRIES " + e.size());
            for (String s : e) {
              System.out.println("ENTRY " + s);
            }
          }
        }

        private static boolean signatures;

        private static void report(String name, Object result, Dispatcher d) {
          System.out.println("RESULT " + name + " " + result);
          if (d != null) {
            Dispatcher.Stats s = d.stats();
            System.out.println("STATS " + name + " compilations=" + s.compilations() + " hits="
                + s.cacheHits() + " misses=" + s.cacheMisses());
            if (signatures) {
              List<String> sigs = d.signatures();
              System.out.println("SIGNATURES " + name + " " + sigs + " "
                  + (sigs.isEmpty() || d.inspectTypes().contains(":: " + sigs.get(0))));
            }
          }
        }

        private static void await(Path dir) throws Exception {
          Files.createFile(dir.resolve("ready-" + ProcessHandle.current().pid()));
          long deadline = System.nanoTime() + 60_000_000_000L;
          while (!Files.exists(dir.resolve("go"))) {
            if (System.nanoTime() > deadline) {
              throw new IllegalStateException("no go signal in " + dir);
            }
            Thread.sleep(1);
          }
        }
      }
      """;

  /**
   * Flags for the functional runs: quick startup on a small shared machine, and Kiln's own
   * check of generated classes when the test JVM has it on (surefire sets kiln.verify).
   */
  static final List<String> QUICK_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
      "-Xmx128m", "-Dkiln.verify=" + Boolean.getBoolean("kiln.verify"));

  final Path root;
  final Path src;
  final Path classes;
  /** What child JVMs have on their class path for the fixture: {@link #classes}, or a jar. */
  private final Path app;

  private CacheFixture(Path root) {
    this(root, root.resolve("classes"));
  }

  private CacheFixture(Path root, Path app) {
    this.root = root;
    this.src = root.resolve("src");
    this.classes = root.resolve("classes");
    this.app = app;
  }

  /**
   * The same fixture with its classes packaged in a jar (written now, under {@link #root}),
   * so that child JVMs load them, and Kiln stamps them, from jar entries.
   */
  CacheFixture packagedAsJar() throws IOException {
    Path jar = root.resolve("fixture.jar");
    try (java.io.OutputStream out = Files.newOutputStream(jar);
         java.util.jar.JarOutputStream jos = new java.util.jar.JarOutputStream(out);
         Stream<Path> files = Files.walk(classes)) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        jos.putNextEntry(new java.util.jar.JarEntry(
            classes.relativize(p).toString().replace(File.separatorChar, '/')));
        jos.write(Files.readAllBytes(p));
        jos.closeEntry();
      }
    }
    return new CacheFixture(root, jar);
  }

  /** Writes and compiles the fixture under {@code root}. */
  static CacheFixture create(Path root) throws IOException {
    CacheFixture f = new CacheFixture(root);
    f.write("Kernels", KERNELS);
    f.write("Helper", HELPER);
    f.write("Hosted", HOSTED);
    f.write("Main", MAIN);
    f.javac("Kernels", "Helper", "Hosted", "Main");
    return f;
  }

  /** A private copy of {@code other} (sources and classes) under {@code root}, to edit. */
  static CacheFixture copyOf(CacheFixture other, Path root) throws IOException {
    CacheFixture f = new CacheFixture(root);
    copyTree(other.src, f.src);
    copyTree(other.classes, f.classes);
    return f;
  }

  Path source(String cls) {
    return src.resolve("fixture").resolve(cls + ".java");
  }

  Path classFile(String cls) {
    return classes.resolve("fixture").resolve(cls + ".class");
  }

  void write(String cls, String text) throws IOException {
    Files.createDirectories(source(cls).getParent());
    Files.writeString(source(cls), text);
  }

  /** Replaces {@code from} by {@code to} (which must occur exactly once) in a fixture source. */
  void edit(String cls, String from, String to) throws IOException {
    String text = Files.readString(source(cls));
    int at = text.indexOf(from);
    assertTrue(at >= 0 && text.indexOf(from, at + 1) < 0, "one '" + from + "' in " + cls);
    write(cls, text.replace(from, to));
  }

  /**
   * Compiles just these fixture classes into {@code classes} (the others are read from there),
   * and makes sure each class file's modification time moved forward, so that the change shows
   * in the stamp even on a file system with coarse timestamps.
   */
  void javac(String... classNames) throws IOException {
    Map<String, FileTime> before = new LinkedHashMap<>();
    for (String c : classNames) {
      Path p = classFile(c);
      before.put(c, Files.exists(p) ? Files.getLastModifiedTime(p) : null);
    }
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertNotNull(javac, "a JDK with javax.tools (java.home = " + javaHome() + ")");
    List<String> args = new ArrayList<>(List.of("-g", "-proc:none", "-implicit:none",
        "-encoding", "UTF-8", "-d", classes.toString(),
        "-cp", classes + File.pathSeparator + testClassPath()));
    for (String c : classNames) {
      args.add(source(c).toString());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int rc = javac.run(null, out, out, args.toArray(String[]::new));
    assertEquals(0, rc, () -> "javac " + Arrays.toString(classNames) + ":\n"
        + out.toString(StandardCharsets.UTF_8));
    for (Map.Entry<String, FileTime> e : before.entrySet()) {
      Path p = classFile(e.getKey());
      FileTime now = Files.getLastModifiedTime(p);
      if (e.getValue() != null && now.compareTo(e.getValue()) <= 0) {
        Files.setLastModifiedTime(p, FileTime.fromMillis(e.getValue().toMillis() + 2000));
      }
    }
  }

  // ---------------------------------------------------------------- child JVMs

  static String javaHome() {
    return System.getProperty("java.home");
  }

  /** The classpath of this (surefire) JVM: Kiln and its dependencies. */
  static String testClassPath() {
    String cp = System.getProperty("java.class.path");
    assertTrue(cp.contains("kiln-dispatch") || cp.contains("dispatch" + File.separator + "target"),
        "java.class.path lists Kiln's dispatch module: " + cp);
    return cp;
  }

  /** A child JVM's command line for {@code fixture.Main}. */
  List<String> command(Path cacheDir, List<String> jvmFlags, String... mainArgs) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(javaHome(), "bin", "java").toString());
    cmd.addAll(jvmFlags);
    cmd.add("-cp");
    cmd.add(app + File.pathSeparator + testClassPath());
    if (cacheDir != null) {
      cmd.add("-Dkiln.cache.dir=" + cacheDir);
    }
    cmd.add("fixture.Main");
    cmd.addAll(List.of(mainArgs));
    return cmd;
  }

  /** Runs {@code fixture.Main} over {@code cacheDir} and waits for it. */
  Run run(Path cacheDir, String... mainArgs) throws IOException, InterruptedException {
    return start(cacheDir, QUICK_FLAGS, mainArgs).await();
  }

  private static int serial;

  /** Starts {@code fixture.Main} over {@code cacheDir}; stdout and stderr go to files. */
  Started start(Path cacheDir, List<String> jvmFlags, String... mainArgs) throws IOException {
    Path logs = root.resolve("logs");
    Files.createDirectories(logs);
    int n;
    synchronized (CacheFixture.class) {
      n = ++serial;
    }
    Path out = logs.resolve("run" + n + ".out");
    Path err = logs.resolve("run" + n + ".err");
    List<String> cmd = command(cacheDir, jvmFlags, mainArgs);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile())
        .redirectError(err.toFile());
    pb.environment().remove("KILN_CACHE_DIR");
    pb.environment().remove("KILN_CACHE");
    pb.environment().remove("KILN_DISABLE_JIT");
    pb.environment().remove("KILN_DEBUG");
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().remove("JDK_JAVA_OPTIONS");
    long t0 = System.nanoTime();
    return new Started(pb.start(), t0, out, err, cmd);
  }

  /** A child JVM under way. */
  record Started(Process process, long t0, Path out, Path err, List<String> cmd) {
    Run await() throws IOException, InterruptedException {
      boolean done = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      long nanos = System.nanoTime() - t0;
      if (!done) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        fail("child JVM timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", cmd)
            + "\nstdout:\n" + read(out) + "\nstderr:\n" + read(err));
      }
      return new Run(process.exitValue(), read(out), read(err), nanos);
    }

    private static String read(Path p) {
      try {
        return Files.readString(p);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A finished run of {@code fixture.Main}. */
  record Run(int exit, String stdout, String stderr, long nanos) {

    /** Fails unless the JVM exited 0. */
    Run ok() {
      assertEquals(0, exit, () -> "child JVM failed\n" + this);
      return this;
    }

    String result(String method) {
      for (String line : stdout.lines().toList()) {
        if (line.startsWith("RESULT " + method + " ")) {
          return line.substring(("RESULT " + method + " ").length()).strip();
        }
      }
      throw new AssertionError("no result for " + method + "\n" + this);
    }

    /** {compilations, hits, misses} of one method's dispatcher. */
    Stats stats(String method) {
      for (String line : stdout.lines().toList()) {
        if (line.startsWith("STATS " + method + " ")) {
          Map<String, Long> v = new TreeMap<>();
          for (String kv : line.substring(("STATS " + method + " ").length()).split(" ")) {
            String[] p = kv.split("=");
            v.put(p[0], Long.parseLong(p[1]));
          }
          return new Stats(v.get("compilations"), v.get("hits"), v.get("misses"));
        }
      }
      throw new AssertionError("no stats for " + method + "\n" + this);
    }

    /** The line {@code SIGNATURES name [sigs] <inspectTypes names them>} of one method. */
    String signatures(String method) {
      for (String line : stdout.lines().toList()) {
        if (line.startsWith("SIGNATURES " + method + " ")) {
          return line.substring(("SIGNATURES " + method + " ").length()).strip();
        }
      }
      throw new AssertionError("no signatures for " + method + "\n" + this);
    }

    /** The cache entries Main listed ({@code --entries}). */
    List<String> entries() {
      List<String> lines = stdout.lines().toList();
      String count = lines.stream().filter(l -> l.startsWith("ENTRIES ")).findFirst()
          .orElseThrow(() -> new AssertionError("no ENTRIES line\n" + this));
      List<String> e = lines.stream().filter(l -> l.startsWith("ENTRY "))
          .map(l -> l.substring(6)).toList();
      assertEquals(Integer.parseInt(count.substring(8).strip()), e.size(), "ENTRIES count");
      return e;
    }

    /** The lines in which the cache reported a file it refused or could not read. */
    List<String> cacheReports() {
      return stderr.lines().filter(l -> l.contains("[kiln] cache:")).toList();
    }

    /** Every line of stderr Kiln printed ({@code [kiln] ...}). */
    List<String> kilnLines() {
      return stderr.lines().filter(l -> l.contains("[kiln]")).toList();
    }

    double millis() {
      return nanos / 1e6;
    }

    @Override
    public String toString() {
      return "exit " + exit + " after " + Math.round(millis()) + " ms\n--- stdout\n" + stdout
          + "--- stderr\n" + stderr + "---";
    }
  }

  record Stats(long compilations, long hits, long misses) {}

  // ---------------------------------------------------------------- cache directory

  /** The entry files under {@code cacheDir}, by path relative to it, sorted. */
  static Map<String, Path> entryFiles(Path cacheDir) throws IOException {
    Map<String, Path> r = new TreeMap<>();
    if (!Files.isDirectory(cacheDir)) {
      return r;
    }
    try (Stream<Path> s = Files.walk(cacheDir)) {
      for (Path p : s.filter(p -> Files.isRegularFile(p) && isEntryFile(p)).toList()) {
        r.put(cacheDir.relativize(p).toString().replace(File.separatorChar, '/'), p);
      }
    }
    return r;
  }

  /** Everything under {@code cacheDir} that is not an entry file (temporary files, strays). */
  static List<String> otherFiles(Path cacheDir) throws IOException {
    if (!Files.isDirectory(cacheDir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(cacheDir)) {
      return s.filter(p -> Files.isRegularFile(p) && !isEntryFile(p))
          .map(p -> cacheDir.relativize(p).toString())
          .collect(Collectors.toList());
    }
  }

  /** Entry files end in {@code .kcache}; temporary files start with a dot. */
  private static boolean isEntryFile(Path p) {
    String name = p.getFileName().toString();
    return name.endsWith(".kcache") && !name.startsWith(".");
  }

  /** The entry file of {@code method} (file names are {@code <method>-<hash>.kcache}). */
  static Path entryFileOf(Path cacheDir, String method) throws IOException {
    List<Path> found = entryFiles(cacheDir).values().stream()
        .filter(p -> p.getFileName().toString().startsWith(method + "-")).toList();
    assertEquals(1, found.size(), () -> "one entry file for " + method + ": " + found);
    return found.get(0);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path q = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(q);
        } else {
          Files.copy(p, q, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
