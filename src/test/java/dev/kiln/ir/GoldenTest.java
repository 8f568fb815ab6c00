package dev.kiln.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kiln.Dispatcher;
import dev.kiln.Kiln;
import dev.kiln.frontend.IrMethod;
import dev.kiln.frontend.IrPrinter;
import dev.kiln.typing.ArrayType;
import dev.kiln.typing.CallResolver;
import dev.kiln.typing.KType;
import dev.kiln.typing.Prim;
import dev.kiln.typing.Typer;
import dev.kiln.typing.TypingContext;
import dev.kiln.e2e.Values;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.objectweb.asm.Type;

/**
 * Golden tests: for each kernel of {@link GoldenKernels}, three texts are compared with files
 * in {@code src/test/resources/golden/}:
 * <ul>
 *   <li>{@code <kernel>.ir.txt}: {@code IrPrinter.print(Frontend.build(...))};
 *   <li>{@code <kernel>.types.txt}: the typed IR, {@code Typer.infer(...).print()} with the
 *       standard typing context and {@link CallResolver#ORIGINAL};
 *   <li>{@code <kernel>.bytecode.txt}: {@code Dispatcher.inspectBytecode(signature)} after one
 *       call through {@code Kiln.jit} (whose result must equal the original's).
 * </ul>
 *
 * <p>To regenerate after an intended change, run with {@code -Dkiln.golden.update=true}: the
 * files are written (into the source tree, {@code src/test/resources/golden/}) instead of
 * compared; review the diff before committing it.
 *
 * <p>The texts depend on the bytecode javac makes of {@link GoldenKernels}; JDK 17's javac and
 * JDK 25's javac with {@code --release 17} make identical class files for it (checked when
 * these files were made). Should a JDK ever differ, put that JDK's texts in
 * {@code golden/jdk<feature>/}: a file there is used in preference on that JDK, and
 * {@code -Dkiln.golden.update=jdk} writes there. Generated class names carry a suffix
 * ({@code $1}...) when a method has been compiled before in the same JVM; it is removed before
 * comparing, so test order does not matter.
 */
class GoldenTest {
  static final String PROPERTY = "kiln.golden.update";

  /** A kernel: its name, its specialization's signature, argument types and one input. */
  record Kernel(String name, String signature, List<KType> types, Object[] args) {}

  static final List<Kernel> KERNELS = List.of(
      new Kernel("dot", "double(double[], double[])",
          List.of(ArrayType.of(Prim.DOUBLE), ArrayType.of(Prim.DOUBLE)),
          new Object[] {new double[] {1, 2, 3}, new double[] {4, 5, -6}}),
      new Kernel("clampSum", "long(int[], int, int)",
          List.of(ArrayType.of(Prim.INT), Prim.INT, Prim.INT),
          new Object[] {new int[] {-5, 3, 9, 12}, 0, 10}),
      new Kernel("classify", "int(int)", List.of(Prim.INT), new Object[] {7}),
      new Kernel("safeDivide", "int(int[], int, int)",
          List.of(ArrayType.of(Prim.INT), Prim.INT, Prim.INT),
          new Object[] {new int[1], 7, 0}),
      new Kernel("fib", "int(int)", List.of(Prim.INT), new Object[] {12}));

  static Method method(String name) {
    for (Method m : GoldenKernels.class.getDeclaredMethods()) {
      if (m.getName().equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException(name);
  }

  static IrMethod ir(Kernel k) {
    return IrInterpreter.build(GoldenKernels.class, k.name(),
        Type.getMethodDescriptor(method(k.name())));
  }

  static String irText(Kernel k) {
    return IrPrinter.print(ir(k));
  }

  static String typesText(Kernel k) {
    return Typer.infer(ir(k), k.types(), TypingContext.standard(),
        GoldenKernels.class.getClassLoader(), CallResolver.ORIGINAL).print();
  }

  static String bytecodeText(Kernel k) throws Throwable {
    Method m = method(k.name());
    Object expected = m.invoke(null, Values.deepCopyAll(k.args()));
    Dispatcher d = Kiln.jit(GoldenKernels.LOOKUP, GoldenKernels.class, k.name());
    Object actual = d.invoke(Values.deepCopyAll(k.args()));
    assertTrue(Values.same(expected, actual), k.name() + ": compiled returned "
        + Values.show(actual) + ", the original " + Values.show(expected));
    assertEquals(List.of(k.signature()), d.signatures());
    return normalizeUnitNames(d.inspectBytecode(k.signature()));
  }

  /** {@code Owner$$Kiln$m$hash$2} → {@code Owner$$Kiln$m$hash}: the suffix counts earlier
   * units of the same name in this JVM. */
  static String normalizeUnitNames(String text) {
    return text.replaceAll("(\\$\\$Kiln\\$[A-Za-z0-9_]+\\$[0-9a-f]+)\\$[0-9]+", "$1");
  }

  // ---------------------------------------------------------------- files

  static Path sourceDir() {
    // the tests module runs from tests/; the sources live in ../src/test/resources
    for (Path p : List.of(Paths.get("../src/test/resources/golden"),
        Paths.get("src/test/resources/golden"))) {
      if (Files.isDirectory(p.getParent())) {
        return p;
      }
    }
    throw new IllegalStateException("cannot find src/test/resources from "
        + Paths.get("").toAbsolutePath());
  }

  static String jdkDir() {
    return "jdk" + Runtime.version().feature();
  }

  static String read(String resource) throws IOException {
    try (InputStream in = GoldenTest.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Compares {@code actual} with the golden file {@code file}, or writes it in update mode. */
  static void check(String file, String actual) throws IOException {
    String mode = System.getProperty(PROPERTY, "");
    if (mode.equals("true") || mode.equals("jdk")) {
      Path dir = mode.equals("jdk") ? sourceDir().resolve(jdkDir()) : sourceDir();
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(file), actual, StandardCharsets.UTF_8);
      return;
    }
    String expected = read("golden/" + jdkDir() + "/" + file);
    if (expected == null) {
      expected = read("golden/" + file);
    }
    if (expected == null) {
      fail("no golden file golden/" + file + "; run with -D" + PROPERTY + "=true to create it");
    }
    assertEquals(expected, actual, "golden/" + file + " differs (if the change is intended, "
        + "regenerate with -D" + PROPERTY + "=true and review the diff)");
  }

  @TestFactory
  List<DynamicTest> goldenTexts() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Kernel k : KERNELS) {
      tests.add(DynamicTest.dynamicTest(k.name() + " IR",
          () -> check(k.name() + ".ir.txt", irText(k))));
      tests.add(DynamicTest.dynamicTest(k.name() + " typed IR",
          () -> check(k.name() + ".types.txt", typesText(k))));
      tests.add(DynamicTest.dynamicTest(k.name() + " bytecode",
          () -> check(k.name() + ".bytecode.txt", bytecodeText(k))));
    }
    return tests;
  }

  /** Printing is a function of the IR: building twice prints the same text. */
  @Test
  void printingIsDeterministic() {
    for (Kernel k : KERNELS) {
      assertEquals(irText(k), irText(k), k.name());
      assertEquals(typesText(k), typesText(k), k.name());
    }
  }

  @Test
  void unitNamesAreNormalized() {
    assertEquals("a/B$$Kiln$dot$1f2e x a/B$$Kiln$dot$1f2e",
        normalizeUnitNames("a/B$$Kiln$dot$1f2e x a/B$$Kiln$dot$1f2e$3"));
  }
}
