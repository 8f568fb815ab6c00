package dev.kiln.ir;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kiln.e2e.InputGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A fuzzer for the frontend (and typing): {@link ProgramGenerator} writes random methods from a
 * fixed seed, javac (in process, {@code --release 17}) compiles them, and each method's IR must
 * verify, run in the {@link IrInterpreter} exactly as the original runs (as in
 * {@link InterpreterDifferentialTest}), and keep every value within its inferred type (as in
 * {@link TypingSoundnessTest}).
 *
 * <p>{@code -Dkiln.fuzz.classes=N} (default {@value #DEFAULT_CLASSES}) sets how many classes of
 * {@value #METHODS} methods are made; {@code -Dkiln.fuzz.seed=S} another seed. A failure names
 * the class and method; its source is printed with the report, and the same seed makes it again.
 */
class FrontendFuzzTest {
  static final int DEFAULT_CLASSES = 12;
  static final int METHODS = 8;
  static final int TRIES = InputGenerator.scaled(40);
  static final String PACKAGE = "dev.kiln.ir.fuzz";

  /** Holds the compiled classes and serves their bytes as resources (the frontend reads them). */
  static final class MemoryLoader extends ClassLoader {
    final Map<String, byte[]> bytes = new HashMap<>();

    MemoryLoader() {
      super(FrontendFuzzTest.class.getClassLoader());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] b = bytes.get(name);
      if (b == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, b, 0, b.length);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
      if (name.endsWith(".class")) {
        byte[] b = bytes.get(name.substring(0, name.length() - 6).replace('/', '.'));
        if (b != null) {
          return new ByteArrayInputStream(b);
        }
      }
      return super.getResourceAsStream(name);
    }
  }

  /** Compiles {@code sources} (class name to source) into a fresh loader. */
  static MemoryLoader compile(Map<String, String> sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler (a JRE, not a JDK?)");
    }
    MemoryLoader loader = new MemoryLoader();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager std = javac.getStandardFileManager(diagnostics, null, null);
    var files = new ForwardingJavaFileManager<StandardJavaFileManager>(std) {
      @Override
      public JavaFileObject getJavaFileForOutput(Location location, String className,
                                                 JavaFileObject.Kind kind, FileObject sibling) {
        return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/')
            + kind.extension), kind) {
          @Override
          public OutputStream openOutputStream() {
            return new ByteArrayOutputStream() {
              @Override
              public void close() {
                loader.bytes.put(className, toByteArray());
              }
            };
          }
        };
      }
    };
    List<JavaFileObject> units = new ArrayList<>();
    sources.forEach((name, src) -> units.add(new SimpleJavaFileObject(
        URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return src;
      }
    }));
    StringWriter out = new StringWriter();
    boolean ok = javac.getTask(out, files, diagnostics, List.of("--release", "17", "-g",
        "-proc:none", "-Xlint:none", "-nowarn"), null, units).call();
    if (!ok) {
      throw new IllegalStateException("generated code does not compile: " + out
          + diagnostics.getDiagnostics());
    }
    return loader;
  }

  static long seed() {
    return Long.getLong("kiln.fuzz.seed", InputGenerator.SEED);
  }

  @TestFactory
  List<DynamicNode> generatedMethodsBuildRunAndTypeAsTheOriginal() throws Exception {
    int classes = Integer.getInteger("kiln.fuzz.classes", DEFAULT_CLASSES);
    Map<String, String> sources = new HashMap<>();
    for (int k = 0; k < classes; k++) {
      String name = "Fuzz" + k;
      sources.put(PACKAGE + "." + name,
          ProgramGenerator.generateClass(PACKAGE, name, METHODS, seed() * 31 + k));
    }
    MemoryLoader loader = compile(sources);
    List<DynamicNode> containers = new ArrayList<>();
    for (int k = 0; k < classes; k++) {
      String name = PACKAGE + ".Fuzz" + k;
      Class<?> c = loader.loadClass(name);
      List<Method> methods = new ArrayList<>(Arrays.asList(c.getDeclaredMethods()));
      methods.removeIf(Method::isSynthetic);
      methods.sort(Comparator.comparing(Method::getName));
      List<DynamicNode> tests = new ArrayList<>();
      for (Method m : methods) {
        m.setAccessible(true);
        tests.add(DynamicTest.dynamicTest(m.getName(), () -> {
          List<Supplier<Object[]>> inputs = new ArrayList<>();
          for (Object[] args : InputGenerator.inputs(m, TRIES)) {
            inputs.add(() -> dev.kiln.e2e.Values.deepCopyAll(args));
          }
          String report = InterpreterDifferentialTest.onBigStack("fuzz " + m.getName(), () -> {
            String r = InterpreterDifferentialTest.check(m, inputs,
                InterpreterDifferentialTest.PLAIN);
            return r != null ? r : TypingSoundnessTest.check(m, inputs);
          });
          if (report != null) {
            fail(report + "\nsource of " + name + " (seed " + seed() + "):\n"
                + numbered(sources.get(name)));
          }
        }));
      }
      assertTrue(methods.size() == METHODS, name + " has " + methods.size() + " methods");
      containers.add(DynamicContainer.dynamicContainer("Fuzz" + k, tests));
    }
    return containers;
  }

  /**
   * Opt-in ({@code -Dkiln.fuzz.pipeline=true}): the same generated methods through
   * {@code Kiln.jit}, compiled code against the original; the bugs it found are pinned, reduced,
   * in {@link FuzzFindingsTest}.
   */
  @TestFactory
  List<DynamicNode> generatedMethodsCompileToWhatTheOriginalDoes() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("kiln.fuzz.pipeline"),
        "run with -Dkiln.fuzz.pipeline=true");
    int classes = Integer.getInteger("kiln.fuzz.classes", DEFAULT_CLASSES);
    Map<String, String> sources = new HashMap<>();
    for (int k = 0; k < classes; k++) {
      sources.put(PACKAGE + ".Fuzz" + k, ProgramGenerator.generateClass(PACKAGE, "Fuzz" + k,
          METHODS, seed() * 31 + k));
    }
    MemoryLoader loader = compile(sources);
    List<DynamicNode> tests = new ArrayList<>();
    for (int k = 0; k < classes; k++) {
      String name = PACKAGE + ".Fuzz" + k;
      Class<?> c = loader.loadClass(name);
      java.lang.reflect.Field lf = c.getDeclaredField("LOOKUP");
      lf.setAccessible(true);
      java.lang.invoke.MethodHandles.Lookup lookup =
          (java.lang.invoke.MethodHandles.Lookup) lf.get(null);
      for (Method m : c.getDeclaredMethods()) {
        if (m.isSynthetic()) {
          continue;
        }
        m.setAccessible(true);
        tests.add(DynamicTest.dynamicTest(c.getSimpleName() + "." + m.getName(), () -> {
          dev.kiln.Dispatcher d = dev.kiln.Kiln.jit(lookup, c, m.getName());
          List<Supplier<Object[]>> inputs = new ArrayList<>();
          for (Object[] args : InputGenerator.inputs(m, TRIES)) {
            inputs.add(() -> dev.kiln.e2e.Values.deepCopyAll(args));
          }
          String report = dev.kiln.e2e.Differential.check(m, d,
              inputs.stream().map(Supplier::get).toList());
          if (report != null) {
            fail(report + "\nsource:\n" + numbered(sources.get(name)));
          }
        }));
      }
    }
    return tests;
  }

  static String numbered(String src) {
    StringBuilder sb = new StringBuilder();
    int n = 1;
    for (String line : src.split("\n", -1)) {
      sb.append(String.format("%4d  %s%n", n++, line));
    }
    return sb.toString();
  }
}
