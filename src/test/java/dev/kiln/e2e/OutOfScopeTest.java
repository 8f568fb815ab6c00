package dev.kiln.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kiln.Dispatcher;
import dev.kiln.e2e.corpus.OutOfScopeCorpus;
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
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Constructs outside the first phase's scope ({@link OutOfScopeCorpus}): each method either
 * compiles and agrees with the original on generated inputs, or fails with a
 * {@link CompileError} whose message names the source file and a line of the method. The test
 * does not pin how much Kiln covers today.
 */
class OutOfScopeTest {
  static final String FILE = "OutOfScopeCorpus.java";

  @TestFactory
  List<DynamicTest> compilesCorrectlyOrRefusesClearly() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Method m : Corpora.jitMethods(OutOfScopeCorpus.class)) {
      List<Object[]> inputs = InputGenerator.inputs(m, 60);
      tests.add(DynamicTest.dynamicTest(Corpora.display(m), () -> {
        CompileError refusal = null;
        String report = null;
        try {
          Dispatcher d = Corpora.jit(m);
          // a refusal surfaces as a CompileError from the first call; find it first
          for (Object[] args : inputs) {
            Differential.Outcome o = Differential.runCompiled(d, args);
            if (o.thrown() instanceof CompileError e) {
              refusal = e;
              break;
            }
          }
          if (refusal == null) {
            report = Differential.check(m, d, inputs);
          }
        } catch (CompileError e) {
          refusal = e; // refused when the dispatcher was made
        }
        if (refusal != null) {
          assertNamesSource(m, refusal);
        } else if (report != null) {
          fail("compiled, but wrongly: " + report);
        }
      }));
    }
    return tests;
  }

  private static void assertNamesSource(Method m, CompileError e) {
    String msg = String.valueOf(e.getMessage());
    assertTrue(msg.contains(FILE), () -> "the error does not name " + FILE + ": " + e);
    TreeSet<Integer> lines = sourceLines(m);
    Matcher num = Pattern.compile("\\d+").matcher(msg);
    boolean found = false;
    while (num.find() && !found) {
      try {
        found = lines.contains(Integer.parseInt(num.group()));
      } catch (NumberFormatException ignored) {
        // a long run of digits is not a line
      }
    }
    assertTrue(found, () -> "the error names no line of " + m.getName() + " " + lines + ": "
        + e);
  }

  /** The source lines of the method, of lambda bodies declared in it, and of the nested classes
   * it may call into (an error may name the callee's line), from the line number tables. */
  static TreeSet<Integer> sourceLines(Method m) {
    Class<?> owner = m.getDeclaringClass();
    TreeSet<Integer> lines = new TreeSet<>();
    for (MethodNode mn : classNode(owner).methods) {
      boolean self = mn.name.equals(m.getName());
      boolean lambda = (mn.access & Opcodes.ACC_SYNTHETIC) != 0
          && mn.name.startsWith("lambda$" + m.getName() + "$");
      if (self || lambda) {
        addLines(mn, lines);
      }
    }
    for (Class<?> nested : owner.getDeclaredClasses()) {
      for (MethodNode mn : classNode(nested).methods) {
        addLines(mn, lines);
      }
    }
    return lines;
  }

  private static void addLines(MethodNode mn, TreeSet<Integer> lines) {
    for (AbstractInsnNode insn : mn.instructions) {
      if (insn instanceof LineNumberNode ln) {
        lines.add(ln.line);
      }
    }
  }

  private static ClassNode classNode(Class<?> c) {
    String name = c.getName();
    ClassNode cn = new ClassNode();
    try (InputStream in = c.getResourceAsStream(name.substring(name.lastIndexOf('.') + 1)
        + ".class")) {
      new ClassReader(in).accept(cn, 0);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return cn;
  }
}
