package dev.kiln.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kiln.agent.fixtures.Accumulator;
import dev.kiln.agent.fixtures.Broken;
import dev.kiln.agent.fixtures.Inputs;
import dev.kiln.agent.fixtures.Kernels;
import dev.kiln.agent.fixtures.MathFns;
import dev.kiln.agent.fixtures.Plain;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The agent and the one jar as users take them: child JVMs on {@code target/kiln.jar} (built by
 * the {@code package} phase; failsafe runs these tests after it), with only the fixtures
 * ({@code dev.kiln.agent.fixtures}, packed into a small jar) on their class path. Expected
 * answers are computed here by calling the fixtures directly, without Kiln.
 */
class AgentIT {
  private static final String FIXTURES = "dev/kiln/agent/fixtures/";
  private static final String MAIN = "dev.kiln.agent.fixtures.AgentMain";
  private static Path kilnJar;
  private static Path fixturesJar;

  @BeforeAll
  static void packFixtures() throws IOException {
    String jar = System.getProperty("kiln.agent.jar");
    Assumptions.assumeTrue(jar != null, "AgentIT needs target/kiln.jar: run it through Maven "
        + "(mvn -pl agent verify), which builds the jar in the package phase first");
    kilnJar = Path.of(jar);
    assertTrue(Files.isRegularFile(kilnJar), "no " + kilnJar + "; build it with mvn -pl agent "
        + "package");
    Path classes = Path.of(System.getProperty("kiln.agent.testClasses", "target/test-classes"));
    Path work = Path.of(System.getProperty("kiln.agent.workDir", "target/agent-it"));
    Files.createDirectories(work);
    fixturesJar = work.resolve("fixtures.jar");
    try (OutputStream out = Files.newOutputStream(fixturesJar);
         JarOutputStream jos = new JarOutputStream(out);
         Stream<Path> files = Files.walk(classes.resolve(FIXTURES))) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        jos.putNextEntry(new JarEntry(FIXTURES + classes.resolve(FIXTURES).relativize(p)
            .toString().replace('\\', '/')));
        jos.write(Files.readAllBytes(p));
        jos.closeEntry();
      }
      jos.putNextEntry(new JarEntry(FIXTURES + "OldVersion.class"));
      jos.write(oldVersionClass());
      jos.closeEntry();
    }
  }

  @Test
  void jitMethodsCalledDirectlyRunCompiledCode() throws Exception {
    Child c = run(List.of("-javaagent:" + kilnJar), fixturesJar.toString(), MAIN, "annotated");
    Map<String, String> out = c.values;
    assertEquals(String.valueOf(Kernels.dot(Inputs.a(), Inputs.b())), out.get("dot"), c.log());
    assertEquals("threw java.lang.ArrayIndexOutOfBoundsException", out.get("dot.error"), c.log());
    assertEquals("[double(double[], double[])]", out.get("dot.sigs"), c.log());
    // Kiln.dispatcher works before the first call, and the call site then uses that dispatcher
    assertEquals("[]", out.get("dot.before"), c.log());
    assertEquals("true", out.get("dot.same"), c.log());
    assertEquals("true", out.get("dot.rewritten"), c.log());
    assertEquals("true", out.get("dot.annotated"), "the rewritten method keeps @Jit");
    // @Jit(signatures = "long(long)"): compiled when the site was linked
    assertEquals(String.valueOf(Kernels.triangle(1000)), out.get("triangle"), c.log());
    assertEquals("[long(long)]", out.get("triangle.sigs"), c.log());
    assertEquals(String.valueOf(Kernels.clampedSum(new int[] {-5, 3, 12, 7}, 0, 8)),
        out.get("clamped"), c.log());
    assertCompiled(out, "clamped.sigs", c);
    // an instance method: receiver first
    assertEquals(String.valueOf(new Accumulator(0.5).weightedSum(Inputs.a())),
        out.get("weighted"), c.log());
    assertCompiled(out, "weighted.sigs", c);
    assertEquals("true", out.get("weighted.rewritten"), c.log());
    // a static method of an interface
    assertEquals(String.valueOf(MathFns.gcd(1071, 462)), out.get("gcd"), c.log());
    assertCompiled(out, "gcd.sigs", c);
    // a method without @Jit is left alone
    assertEquals(String.valueOf(Kernels.plainHelper(14)), out.get("helper"), c.log());
    assertEquals("none", out.get("helper.sigs"), c.log());
    assertEquals("false", out.get("helper.rewritten"), c.log());
    assertFalse(c.stderr.contains("[kiln] agent: left"), c.log());
  }

  @Test
  void theAgentLoadsNoByteBuddy() throws Exception {
    // ByteBuddy is only for Kiln.install(); a -javaagent start rewrites with (shaded) ASM alone
    Path log = Files.createTempFile(fixturesJar.getParent(), "class-load", ".log");
    Child c = run(List.of("-javaagent:" + kilnJar,
        "-Xlog:class+load=info:file=\"" + log + "\""), fixturesJar.toString(), MAIN, "annotated");
    assertEquals("true", c.values.get("dot.rewritten"), c.log());
    List<String> loaded = Files.readAllLines(log, StandardCharsets.UTF_8);
    Files.delete(log);
    assertTrue(loaded.stream().anyMatch(l -> l.contains(" dev.kiln.agent.KilnAgent ")),
        "no class-load log? " + loaded.size() + " lines");
    assertTrue(loaded.stream().anyMatch(l -> l.contains(" dev.kiln.shaded.asm.ClassReader ")),
        "the agent uses the shaded ASM");
    List<String> byteBuddy = loaded.stream()
        .filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains("bytebuddy")).toList();
    assertEquals(List.of(), byteBuddy);
  }

  /**
   * Over one cache: a cold run keeps each class's rewrite; a warm run takes them from the
   * cache and loads no ASM at all; a damaged rewrite entry and a changed class are each a miss,
   * reported and rebuilt, with the right answers throughout.
   */
  @Test
  void aWarmAgentStartTakesItsRewritesFromTheCache() throws Exception {
    Path cache = Files.createTempDirectory(fixturesJar.getParent(), "rewrite-cache");
    List<String> jvm = List.of("-javaagent:" + kilnJar, "-Dkiln.cache=true",
        "-Dkiln.cache.dir=" + cache);
    String dot = String.valueOf(Kernels.dot(Inputs.a(), Inputs.b()));
    // a jar of its own, which the last step replaces (entries are keyed by where classes are)
    Path jar = cache.resolveSibling(cache.getFileName() + ".jar");
    Files.copy(fixturesJar, jar);

    Child cold = run(jvm, jar.toString(), MAIN, "annotated");
    assertEquals(dot, cold.values.get("dot"), cold.log());
    List<Path> rewrites = rewriteEntries(cache.resolve("dev.kiln.agent.fixtures.Kernels"));
    assertEquals(1, rewrites.size(), "one rewrite entry for Kernels: " + rewrites);
    Path rewrite = rewrites.get(0);

    Path log = Files.createTempFile(fixturesJar.getParent(), "class-load", ".log");
    List<String> logged = new ArrayList<>(jvm);
    logged.add("-Xlog:class+load=info:file=\"" + log + "\"");
    logged.add("-Dkiln.verify=false"); // as users start: kiln.verify checks cached units with ASM
    Child warm = run(logged, jar.toString(), MAIN, "annotated");
    List<String> loaded = Files.readAllLines(log, StandardCharsets.UTF_8);
    Files.delete(log);
    assertTrue(loaded.stream().anyMatch(l -> l.contains(" dev.kiln.agent.KilnAgent ")),
        "no class-load log? " + loaded.size() + " lines");
    assertEquals(List.of(), loaded.stream().filter(l -> l.contains(" dev.kiln.shaded.asm."))
        .toList(), "a warm agent start rewrites nothing itself");
    assertEquals(dot, warm.values.get("dot"), warm.log());
    assertEquals("true", warm.values.get("dot.rewritten"), warm.log());
    assertEquals("[double(double[], double[])]", warm.values.get("dot.sigs"), warm.log());
    assertEquals("[long(long)]", warm.values.get("triangle.sigs"), warm.log());
    assertEquals(String.valueOf(new Accumulator(0.5).weightedSum(Inputs.a())),
        warm.values.get("weighted"), warm.log());
    assertEquals("true", warm.values.get("weighted.rewritten"), warm.log());
    assertEquals(String.valueOf(MathFns.gcd(1071, 462)), warm.values.get("gcd"), warm.log());
    assertFalse(warm.stderr.contains("[kiln]"), warm.log());

    // a damaged entry: ignored, reported, rebuilt
    byte[] whole = Files.readAllBytes(rewrite);
    Files.write(rewrite, java.util.Arrays.copyOf(whole, whole.length / 2));
    Child damaged = run(jvm, jar.toString(), MAIN, "annotated");
    assertEquals(dot, damaged.values.get("dot"), damaged.log());
    assertEquals("true", damaged.values.get("dot.rewritten"), damaged.log());
    assertTrue(damaged.stderr.contains("[kiln] cache: corrupt entry " + rewrite), damaged.log());
    assertTrue(java.util.Arrays.equals(whole, Files.readAllBytes(rewrite)),
        "the same rewrite is stored again");

    // a changed class (another source file name) in the same jar: its old rewrite is stale,
    // and replaced
    repack(fixturesJar, jar, FIXTURES + "Kernels.class", AgentIT::renameSource);
    Child edited = run(jvm, jar.toString(), MAIN, "annotated");
    assertEquals(dot, edited.values.get("dot"), edited.log());
    assertEquals("true", edited.values.get("dot.rewritten"), edited.log());
    assertTrue(edited.stderr.contains("stale entry for dev.kiln.agent.fixtures.Kernels.<agent>"),
        edited.log());
    assertFalse(java.util.Arrays.equals(whole, Files.readAllBytes(rewrite)), edited.log());
  }

  /**
   * Without the cache switch, a rewrite is kept for a class whose {@code @Jit} says
   * {@code cache = true} and for no other; the agent's arguments are part of its key.
   */
  @Test
  void rewritesAreKeptForClassesThatCache() throws Exception {
    Path cache = Files.createTempDirectory(fixturesJar.getParent(), "opt-in-cache");
    List<String> jvm = List.of("-javaagent:" + kilnJar, "-Dkiln.cache.dir=" + cache,
        "-Dkiln.debug=true");
    String cube = String.valueOf(dev.kiln.agent.fixtures.CachedKernels.cube(-7));
    Path cached = cache.resolve("dev.kiln.agent.fixtures.CachedKernels");

    Child cold = run(jvm, fixturesJar.toString(), MAIN, "cached");
    assertEquals(cube, cold.values.get("cube"), cold.log());
    assertEquals("true", cold.values.get("dot.rewritten"), cold.log());
    assertEquals(1, rewriteEntries(cached).size(), cold.log());
    assertFalse(Files.exists(cache.resolve("dev.kiln.agent.fixtures.Kernels")),
        "Kernels does not cache: neither its rewrite nor its units are kept");

    Child warm = run(jvm, fixturesJar.toString(), MAIN, "cached");
    assertEquals(cube, warm.values.get("cube"), warm.log());
    assertEquals("[long(long)]", warm.values.get("cube.sigs"), warm.log());
    assertTrue(warm.stderr.contains(
        "rewrote (from the cache) dev.kiln.agent.fixtures.CachedKernels"), warm.log());
    assertTrue(warm.stderr.contains("rewrote dev.kiln.agent.fixtures.Kernels"), warm.log());

    List<String> otherArgs = new ArrayList<>(jvm);
    otherArgs.set(0, "-javaagent:" + kilnJar + "=jit=com.example.*#*");
    Child other = run(otherArgs, fixturesJar.toString(), MAIN, "cached");
    assertEquals(cube, other.values.get("cube"), other.log());
    assertTrue(other.stderr.contains("rewrote dev.kiln.agent.fixtures.CachedKernels"),
        "other agent arguments, another entry\n" + other.log());
    assertEquals(2, rewriteEntries(cached).size(), other.log());
  }

  private static List<Path> rewriteEntries(Path classDir) throws IOException {
    try (Stream<Path> files = Files.list(classDir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("_agent_-")).toList();
    }
  }

  /** {@code from} with entry {@code name} replaced by {@code change} of its bytes. */
  private static void repack(Path from, Path to, String name,
                             java.util.function.UnaryOperator<byte[]> change) throws IOException {
    try (java.util.jar.JarFile in = new java.util.jar.JarFile(from.toFile());
         OutputStream out = Files.newOutputStream(to);
         JarOutputStream jos = new JarOutputStream(out)) {
      for (JarEntry e : (Iterable<JarEntry>) in.stream()::iterator) {
        byte[] bytes;
        try (java.io.InputStream s = in.getInputStream(e)) {
          bytes = s.readAllBytes();
        }
        jos.putNextEntry(new JarEntry(e.getName()));
        jos.write(e.getName().equals(name) ? change.apply(bytes) : bytes);
        jos.closeEntry();
      }
    }
  }

  /** The class with another {@code SourceFile}: other bytes, the same behaviour. */
  private static byte[] renameSource(byte[] classFile) {
    org.objectweb.asm.ClassReader r = new org.objectweb.asm.ClassReader(classFile);
    ClassWriter w = new ClassWriter(r, 0);
    r.accept(new org.objectweb.asm.ClassVisitor(Opcodes.ASM9, w) {
      @Override
      public void visitSource(String source, String debug) {
        super.visitSource("Renamed.java", debug);
      }
    }, 0);
    return w.toByteArray();
  }

  @Test
  void patternArgumentCompilesAnUnannotatedMethod() throws Exception {
    Child c = run(List.of("-javaagent:" + kilnJar + "=jit=dev.kiln.agent.fixtures.Pl*n#po?y,"
        + "com.example.*#*"), fixturesJar.toString(), MAIN, "pattern");
    Map<String, String> out = c.values;
    assertEquals(String.valueOf(Plain.poly(12345L)), out.get("poly"), c.log());
    assertEquals("[long(long)]", out.get("poly.sigs"), c.log());
    assertEquals("true", out.get("poly.rewritten"), c.log());
    assertEquals(String.valueOf(Plain.other(21)), out.get("other"), c.log());
    assertEquals("none", out.get("other.sigs"), c.log());
    assertEquals("false", out.get("other.rewritten"), c.log());
  }

  @Test
  void classesTheAgentCannotRewriteStillLoadAndRun() throws Exception {
    // over a cache that holds Broken's rewrite already: the forced failure is not skipped
    Path cache = Files.createTempDirectory(fixturesJar.getParent(), "broken-cache");
    List<String> cached = List.of("-javaagent:" + kilnJar, "-Dkiln.cache=true",
        "-Dkiln.cache.dir=" + cache);
    assertEquals("true", run(cached, fixturesJar.toString(), MAIN, "broken").values
        .get("seven.rewritten"));
    List<String> failing = new ArrayList<>(cached);
    failing.add("-Dkiln.agent.failOn=dev.kiln.agent.fixtures.Broken");
    Child c = run(failing, fixturesJar.toString(), MAIN, "broken");
    Map<String, String> out = c.values;
    // forced failure in the middle of the rewrite
    assertEquals(String.valueOf(Broken.seven(35)), out.get("seven"), c.log());
    assertEquals("none", out.get("seven.sigs"), c.log());
    assertEquals("false", out.get("seven.rewritten"), c.log());
    assertTrue(c.stderr.contains("[kiln] agent: left dev.kiln.agent.fixtures.Broken unchanged: "
        + "java.lang.IllegalStateException: failure forced by -Dkiln.agent.failOn"), c.log());
    // a real one: a class file too old for invokedynamic
    assertEquals("42", out.get("twice"), c.log());
    assertEquals("none", out.get("twice.sigs"), c.log());
    assertEquals("false", out.get("twice.rewritten"), c.log());
    assertTrue(c.stderr.contains("[kiln] agent: left dev.kiln.agent.fixtures.OldVersion "
        + "unchanged: its class file version 50 predates invokedynamic"), c.log());
    // reported once per class
    assertEquals(1, c.stderr.split("left dev.kiln.agent.fixtures.Broken", -1).length - 1,
        c.log());
    // and the agent goes on rewriting other classes
    assertEquals(String.valueOf(Kernels.dot(Inputs.a(), Inputs.b())), out.get("dot"), c.log());
    assertCompiled(out, "dot.sigs", c);
  }

  @Test
  void disableSwitchRunsTheOriginalBodies() throws Exception {
    Child c = run(List.of("-javaagent:" + kilnJar, "-Dkiln.disable=true"),
        fixturesJar.toString(), MAIN, "annotated");
    Map<String, String> out = c.values;
    assertEquals(String.valueOf(Kernels.dot(Inputs.a(), Inputs.b())), out.get("dot"), c.log());
    assertEquals("threw java.lang.ArrayIndexOutOfBoundsException", out.get("dot.error"), c.log());
    assertEquals("[]", out.get("dot.sigs"), c.log());
    assertEquals("[]", out.get("triangle.sigs"), c.log());
    assertEquals(String.valueOf(new Accumulator(0.5).weightedSum(Inputs.a())),
        out.get("weighted"), c.log());
  }

  @Test
  void jarWorksAsAPlainLibrary() throws Exception {
    Child c = run(List.of(), kilnJar + java.io.File.pathSeparator + fixturesJar,
        "dev.kiln.agent.fixtures.LibraryMain");
    Map<String, String> out = c.values;
    assertEquals(String.valueOf(Kernels.dot(Inputs.a(), Inputs.b())), out.get("dot"), c.log());
    assertEquals("[double(double[], double[])]", out.get("dot.sigs"), c.log());
    assertEquals("false", out.get("dot.rewritten"), c.log());
    assertEquals("true", out.get("dot.bytecode"), c.log());
    assertEquals(String.valueOf(new Accumulator(0.5).weightedSum(Inputs.a())),
        out.get("weighted"), c.log());
    assertCompiled(out, "weighted.sigs", c);
    assertEquals("false", out.get("asm.unshaded"), "ASM must be relocated");
    assertEquals("true", out.get("asm.shaded"), c.log());
    assertEquals("false", out.get("bytebuddy.unshaded"), "ByteBuddy must be relocated");
    assertEquals("false", out.get("agent.installed"), c.log());
  }

  /**
   * Kiln in a JDK 25 AOT cache (JEP 483/514), the JDK's way to faster starts: a training run
   * over a warm Kiln cache, then a run from the AOT cache, which takes Kiln's classes from it
   * and still finds its units in Kiln's cache (the build stamp Kiln keys them by, read from its
   * jar's manifest, survives the archiving).
   */
  @Test
  void aWarmStartRunsFromAJdkAotCache() throws Exception {
    Assumptions.assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25");
    Path dir = Files.createTempDirectory(fixturesJar.getParent(), "aot");
    String cp = kilnJar + java.io.File.pathSeparator + fixturesJar;
    List<String> jvm = List.of("-Dkiln.cache=true", "-Dkiln.cache.dir=" + dir.resolve("kiln"));
    run(jvm, cp, "dev.kiln.agent.fixtures.LibraryMain");
    Path aot = dir.resolve("app.aot");
    List<String> training = new ArrayList<>(jvm);
    training.add("-XX:AOTCacheOutput=" + aot);
    run(training, cp, "dev.kiln.agent.fixtures.LibraryMain");
    assertTrue(Files.isRegularFile(aot), "the training run wrote no AOT cache");

    Path log = dir.resolve("class-load.log");
    List<String> fromAot = new ArrayList<>(jvm);
    fromAot.add("-XX:AOTCache=" + aot);
    fromAot.add("-Xlog:class+load=info:file=\"" + log + "\"");
    Child c = run(fromAot, cp, "dev.kiln.agent.fixtures.LibraryMain");
    assertEquals(String.valueOf(Kernels.dot(Inputs.a(), Inputs.b())), c.values.get("dot"),
        c.log());
    assertEquals("[double(double[], double[])]", c.values.get("dot.sigs"), c.log());
    assertTrue(c.values.get("dot.stats").startsWith("compilations=0, cacheHits=1,"), c.log());
    List<String> loaded = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertTrue(loaded.stream().anyMatch(l -> l.contains(" dev.kiln.dispatch.JitDispatcher "
        + "source: shared objects file")), "Kiln's classes come from the AOT cache: "
        + loaded.stream().filter(l -> l.contains("dev.kiln.")).limit(5).toList());
    assertFalse(c.stderr.contains("[kiln]"), c.log());
  }

  @Test
  void installAttachesAtRunTime() throws Exception {
    Child c = run(List.of(), kilnJar + java.io.File.pathSeparator + fixturesJar,
        "dev.kiln.agent.fixtures.InstallMain");
    Map<String, String> out = c.values;
    assertEquals("27", out.get("cube"), c.log());
    // loaded before the agent: left alone, and named once
    assertEquals("none", out.get("cube.sigs"), c.log());
    assertTrue(c.stderr.contains("dev.kiln.agent.fixtures.InstallMain"), c.log());
    assertEquals(String.valueOf(Kernels.dot(Inputs.a(), Inputs.b())), out.get("dot"), c.log());
    assertEquals("[double(double[], double[])]", out.get("dot.sigs"), c.log());
    assertEquals("true", out.get("dot.rewritten"), c.log());
  }

  @Test
  void commandLineShowsListsAndClearsTheCache() throws Exception {
    Path cache = Files.createTempDirectory(fixturesJar.getParent(), "cli-cache");
    run(List.of("-Dkiln.cache=true", "-Dkiln.cache.dir=" + cache),
        kilnJar + java.io.File.pathSeparator + fixturesJar, "dev.kiln.agent.fixtures.LibraryMain");

    Child dir = runJar("cache", "dir", "--dir", cache.toString());
    assertEquals(0, dir.exit, dir.log());
    assertEquals(cache.toAbsolutePath().normalize().toString(), dir.stdout.strip(), dir.log());

    Child list = runJar("cache", "list", "--dir=" + cache);
    assertEquals(0, list.exit, list.log());
    List<String> lines = list.stdout.lines().toList();
    assertTrue(lines.get(0).matches("\\d+ entr(y|ies) in .*"), list.log());
    int n = Integer.parseInt(lines.get(0).split(" ")[0]);
    assertTrue(n >= 2, "LibraryMain compiles dot and weightedSum\n" + list.log());
    assertEquals(n + 1, lines.size(), list.log());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith(
        "dev.kiln.agent.fixtures.Kernels.dot(double[], double[])")), list.log());
    // 'version' names the build the entries are keyed by
    String built = runJar("version").stdout.strip().substring("Kiln ".length());
    assertTrue(lines.get(1).contains(", Kiln " + built + ", JDK "), built + "\n" + list.log());

    Child clear = runJar("cache", "clear", "--dir", cache.toString());
    assertEquals(0, clear.exit, clear.log());
    assertTrue(clear.stdout.startsWith("deleted " + n + " entr"), clear.log());
    Child empty = runJar("cache", "list", "--dir", cache.toString());
    assertTrue(empty.stdout.startsWith("0 entries in "), empty.log());

    Child bad = runJar("cache", "frobnicate");
    assertEquals(2, bad.exit, bad.log());
    assertTrue(bad.stderr.contains("unknown command: cache frobnicate")
        && bad.stderr.contains("usage: java -jar kiln.jar"), bad.log());
    Child blank = runJar("cache", "clear", "--dir", "");
    assertEquals(2, blank.exit, "an empty --dir must not mean the default cache" + blank.log());
    Child help = runJar("--help");
    assertEquals(0, help.exit, help.log());
    assertTrue(help.stdout.contains("cache clear"), help.log());
    Child version = runJar("version");
    assertTrue(version.stdout.matches("Kiln \\S+\\+\\d+\\R?"), version.log());
  }

  // ------------------------------------------------------------------ helpers

  /** {@code pb} without the developer's {@code KILN_*} variables, which the tests set as flags. */
  private static ProcessBuilder withoutKilnEnvironment(ProcessBuilder pb) {
    pb.environment().keySet().removeIf(k -> k.startsWith("KILN_"));
    return pb;
  }

  /** {@code java -jar kiln.jar args}; any exit status. */
  private static Child runJar(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(kilnJar.toString());
    cmd.addAll(List.of(args));
    Process p = withoutKilnEnvironment(new ProcessBuilder(cmd)).start();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("java -jar kiln.jar timed out: " + cmd);
    }
    return new Child(cmd, p.exitValue(), stdout, stderr, Map.of());
  }

  private static void assertCompiled(Map<String, String> out, String key, Child c) {
    String sigs = out.get(key);
    assertTrue(sigs != null && sigs.startsWith("[") && !sigs.equals("[]"),
        key + " should list compiled signatures\n" + c.log());
  }

  /** A fixture written at class-file version 50 (Java 6): no invokedynamic possible. */
  private static byte[] oldVersionClass() {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(Opcodes.V1_6, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, FIXTURES + "OldVersion", null,
        "java/lang/Object", null);
    MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(Opcodes.ALOAD, 0);
    init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitInsn(Opcodes.RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "twice", "(I)I",
        null, null);
    m.visitAnnotation("Ldev/kiln/Jit;", true).visitEnd();
    m.visitCode();
    m.visitVarInsn(Opcodes.ILOAD, 0);
    m.visitInsn(Opcodes.ICONST_2);
    m.visitInsn(Opcodes.IMUL);
    m.visitInsn(Opcodes.IRETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  private record Child(List<String> command, int exit, String stdout, String stderr,
                       Map<String, String> values) {
    String log() {
      return "\n--- command: " + String.join(" ", command) + "\n--- exit " + exit
          + "\n--- stdout:\n" + stdout + "--- stderr:\n" + stderr;
    }
  }

  private static Child run(List<String> jvmArgs, String classPath, String main, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (jvmArgs.stream().noneMatch(a -> a.startsWith("-XX:AOTCache"))) {
      cmd.add("-Xshare:auto"); // which the JVM refuses beside an AOT cache's options
    }
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-Dkiln.verify=true");
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.add(main);
    cmd.addAll(List.of(args));
    Path dir = Files.createTempDirectory(fixturesJar.getParent(), "child");
    Path outFile = dir.resolve("stdout.txt");
    Path errFile = dir.resolve("stderr.txt");
    Process p = withoutKilnEnvironment(new ProcessBuilder(cmd)).redirectOutput(outFile.toFile())
        .redirectError(errFile.toFile()).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      fail("child JVM timed out: " + String.join(" ", cmd) + "\n"
          + Files.readString(errFile, StandardCharsets.UTF_8));
    }
    String stdout = Files.readString(outFile, StandardCharsets.UTF_8);
    String stderr = Files.readString(errFile, StandardCharsets.UTF_8);
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : stdout.split("\\R")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        values.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    Child c = new Child(cmd, p.exitValue(), stdout, stderr, values);
    assertEquals(0, c.exit, "child JVM failed" + c.log());
    Files.delete(outFile);
    Files.delete(errFile);
    Files.delete(dir);
    return c;
  }
}
