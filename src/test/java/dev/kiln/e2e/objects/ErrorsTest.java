package dev.kiln.e2e.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kiln.Dispatcher;
import dev.kiln.JitOptions;
import dev.kiln.Kiln;
import dev.kiln.e2e.Corpora;
import dev.kiln.e2e.objects.corpus.ErrorCorpus;
import dev.kiln.frontend.CompileError;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What happens to a method Kiln may not compile ({@link ErrorCorpus}). If Kiln refuses it, with
 * {@code nopython=true} (the default) the refusal is a {@link CompileError} whose message names
 * {@code ErrorCorpus.java} and the line of the construct, raised again on later calls; with
 * {@code JitOptions.DEFAULTS.withNopython(false)} the original runs instead, gives the
 * original's results, and the fallback is counted in {@code stats().fallbacks()}. If Kiln
 * compiles it, the compiled code must agree with the original and nothing falls back.
 */
class ErrorsTest {
  static final String FILE = "ErrorCorpus.java";

  /** A candidate: the method, the call inside it Kiln may refuse, and argument lists. */
  record Candidate(String method, String markerCall, List<Object[]> inputs) {}

  static List<Candidate> candidates() {
    return List.of(
        new Candidate("invokeExactCall", "invokeExact",
            List.of(new Object[] {3}, new Object[] {-4}, new Object[] {46341})),
        new Candidate("newAcrossBranch", "<init>",
            List.of(new Object[] {new int[] {1, 2, 3}}, new Object[] {null})),
        new Candidate("reflectiveSelfCall", "invoke",
            List.of(new Object[] {0}, new Object[] {3}, new Object[] {-2})));
  }

  @TestFactory
  List<DynamicTest> refusedClearlyOrCompiledCorrectly() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Candidate c : candidates()) {
      tests.add(DynamicTest.dynamicTest(c.method(), () -> check(c)));
    }
    return tests;
  }

  private static void check(Candidate c) throws Throwable {
    Method m = method(c.method());
    Dispatcher strict = Kiln.jit(Corpora.lookup(ErrorCorpus.class), ErrorCorpus.class,
        c.method(), JitOptions.DEFAULTS);
    CompileError refusal = null;
    for (Object[] args : c.inputs()) {
      Object[] copy = args.clone();
      try {
        Object r = strict.invoke(copy);
        assertAgrees(m, args, r, null);
      } catch (CompileError e) {
        refusal = e;
        break;
      } catch (Throwable t) {
        assertAgrees(m, args, null, t);
      }
    }

    Dispatcher lax = Kiln.jit(Corpora.lookup(ErrorCorpus.class), ErrorCorpus.class, c.method(),
        JitOptions.DEFAULTS.withNopython(false));
    for (Object[] args : c.inputs()) {
      Object r = null;
      Throwable t = null;
      try {
        r = lax.invoke(args.clone());
      } catch (Throwable e) {
        t = e;
      }
      if (t instanceof CompileError) {
        fail("nopython=false still raised the refusal for " + ObjectValues.showArgs(args)
            + ": " + t);
      }
      assertAgrees(m, args, r, t);
    }

    System.out.println("[ErrorsTest] " + c.method() + ": " + (refusal == null ? "compiled"
        : "refused: " + refusal.getMessage()));
    if (refusal != null) {
      assertNamesFileAndLine(c, refusal);
      // strict mode raises it again: no silent fallback later
      CompileError again = null;
      try {
        strict.invoke(c.inputs().get(0).clone());
      } catch (CompileError e) {
        again = e;
      }
      assertTrue(again != null, "the second call with nopython=true did not raise the refusal");
      assertTrue(lax.stats().fallbacks() >= 1, "the fallback was not counted: " + lax.stats());
    } else {
      assertFalse(strict.signatures().isEmpty(), "compiled, but no signature listed");
      assertEquals(0, strict.stats().fallbacks(), "strict stats: " + strict.stats());
      assertEquals(0, lax.stats().fallbacks(), "it compiles, so nothing should fall back: "
          + lax.stats());
      assertFalse(lax.signatures().isEmpty(), "compiled with nopython=false, but no signature");
    }
  }

  private static Method method(String name) {
    for (Method m : ErrorCorpus.class.getDeclaredMethods()) {
      if (m.getName().equals(name)) {
        m.setAccessible(true);
        return m;
      }
    }
    throw new AssertionError("no method " + name);
  }

  private static void assertAgrees(Method m, Object[] args, Object result, Throwable thrown) {
    ObjectDifferential.Outcome expected = ObjectDifferential.runOriginal(m, args.clone());
    // arguments are not mutated here: compare results and exceptions only
    ObjectDifferential.Outcome actual = new ObjectDifferential.Outcome(result, thrown,
        expected.argsAfter(), java.util.Map.of(), List.of());
    List<String> diffs = ObjectDifferential.compare(expected, actual);
    assertTrue(diffs.isEmpty(), () -> m.getName() + ObjectValues.showArgs(args) + ": "
        + String.join("; ", diffs));
  }

  private static void assertNamesFileAndLine(Candidate c, CompileError e) {
    String msg = String.valueOf(e.getMessage());
    assertTrue(msg.contains(FILE), () -> "the error does not name " + FILE + ": " + msg);
    TreeSet<Integer> markerLines = markerLines(c.method(), c.markerCall());
    assertFalse(markerLines.isEmpty(), "no line for " + c.markerCall());
    Matcher num = Pattern.compile("\\d+").matcher(msg);
    boolean found = false;
    while (num.find() && !found) {
      try {
        found = markerLines.contains(Integer.parseInt(num.group()));
      } catch (NumberFormatException ignored) {
        // not a line number
      }
    }
    assertTrue(found, () -> "the error does not name the line of " + c.markerCall() + " "
        + markerLines + ": " + msg);
  }

  /** The source lines of the calls to {@code call} in {@code method}, from the line table. */
  static TreeSet<Integer> markerLines(String method, String call) {
    ClassNode cn = new ClassNode();
    try (InputStream in = ErrorCorpus.class.getResourceAsStream("ErrorCorpus.class")) {
      new ClassReader(in).accept(cn, 0);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    TreeSet<Integer> lines = new TreeSet<>();
    for (MethodNode mn : cn.methods) {
      if (!mn.name.equals(method)) {
        continue;
      }
      int line = -1;
      for (AbstractInsnNode insn : mn.instructions) {
        if (insn instanceof LineNumberNode ln) {
          line = ln.line;
        } else if (insn instanceof MethodInsnNode mi && mi.name.equals(call)) {
          lines.add(line);
        }
      }
    }
    return lines;
  }
}
