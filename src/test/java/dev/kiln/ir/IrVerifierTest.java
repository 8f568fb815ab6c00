package dev.kiln.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.frontend.BinOp;
import dev.kiln.frontend.Block;
import dev.kiln.frontend.Frontend;
import dev.kiln.frontend.Insn;
import dev.kiln.frontend.IrMethod;
import dev.kiln.frontend.IrPrinter;
import dev.kiln.frontend.IrVerifier;
import dev.kiln.frontend.Kind;
import dev.kiln.frontend.UnsupportedBytecodeError;
import dev.kiln.frontend.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * {@link IrVerifier} accepts what the frontend builds from the whole corpus, and rejects IR
 * broken by hand, one invariant at a time. The IR is plain data whose lists are reachable
 * through the public API ({@link Block#phis()}, {@link Block#insns()}, {@link Block#preds()}
 * are the live lists), and {@link IrMethod} is a public record; that is all these tests use.
 * Each test builds a fresh, verified IR of a small method below, breaks one thing, and checks
 * that the verifier names it.
 */
class IrVerifierTest {
  /** Small methods whose IR shapes the tests below rely on (each asserted before use). */
  static final class Subjects {
    private Subjects() {}

    static int loop(int n) {
      int s = 0;
      for (int i = 0; i < n; i++) {
        s += i;
      }
      return s;
    }

    static int diamond(int x) {
      int y = x > 0 ? x * 2 : x * 3;
      return y + 1;
    }

    static int tryCatch(int[] a, int i) {
      try {
        return a[i];
      } catch (RuntimeException e) {
        return -1;
      }
    }

    /** Two stores in one try range: the handler joins two exceptional edges with a phi. */
    static int twoStores(int[] a) {
      int x = 0;
      try {
        x = a[0];
        x += a[1];
      } catch (RuntimeException e) {
        return x;
      }
      return x * 2;
    }

    static long widen(int x, long y) {
      return x + y;
    }
  }

  /** What javac makes of an empty {@code if}: {@code ifle} to the very next instruction. */
  static final class EmptyBranches {
    private EmptyBranches() {}

    static int emptyIf(int x) {
      if (x > 0) {
        // nothing
      }
      return x;
    }
  }

  // ---------------------------------------------------------------- accepting the corpus

  @TestFactory
  List<DynamicTest> acceptsEveryCorpusMethod() {
    List<DynamicTest> tests = new ArrayList<>();
    List<Class<?>> classes = new ArrayList<>(InterpreterDifferentialTest.corpusClasses());
    classes.add(GoldenKernels.class);
    classes.add(Subjects.class);
    // the object corpus may hold methods the frontend refuses (FrontendCoverageTest keeps
    // those that it should not); what it builds must verify
    List<Class<?>> lenient = InterpreterDifferentialTest.objectCorpusClasses();
    classes.addAll(lenient);
    for (Class<?> c : classes) {
      boolean strict = !lenient.contains(c);
      tests.add(DynamicTest.dynamicTest(c.getName().substring(c.getPackageName().length() + 1),
          () -> {
        ClassNode cn = Frontend.parse(IrInterpreter.classBytes(c));
        int built = 0;
        List<String> refused = new ArrayList<>();
        for (MethodNode mn : cn.methods) {
          if ((mn.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            continue;
          }
          boolean isStatic = (mn.access & Opcodes.ACC_STATIC) != 0;
          IrMethod ir;
          try {
            ir = Frontend.build(cn, mn);
          } catch (UnsupportedBytecodeError e) {
            // constructors and instance methods may be refused; static methods must build
            if (strict && isStatic && !mn.name.equals("<clinit>")) {
              throw new AssertionError("the frontend refused a static corpus method: "
                  + e.getMessage(), e);
            }
            refused.add(mn.name + mn.desc);
            continue;
          }
          IrVerifier.verify(ir);
          assertEquals(mn.name, ir.name());
          assertEquals(mn.desc, ir.desc());
          assertEquals(isStatic, ir.isStatic());
          checkShape(ir);
          built++;
        }
        assertTrue(built > 0 || refused.stream().allMatch(r -> r.startsWith("<init>"))
            || !strict, "no method of " + c + " built; refused " + refused);
      }));
    }
    return tests;
  }

  /** What every built IR holds beyond the verifier's checks: params in the entry, sites set. */
  private static void checkShape(IrMethod ir) {
    Block entry = ir.blocks().get(0);
    assertEquals(0, entry.id());
    int params = 0;
    for (Insn n : entry.insns()) {
      if (n instanceof Insn.Param p) {
        assertEquals(ir.params().get(params), p.out(), "param order in " + ir.displayName());
        assertEquals(params, p.index());
        params++;
      }
    }
    assertEquals(ir.params().size(), params);
    for (Block b : ir.blocks()) {
      for (Insn n : b.insns()) {
        if (n.out() != null) {
          assertTrue(n.out().def() == n, n.out() + " does not point at its definition");
          assertTrue(n.out().id() < ir.valueCount(), n.out() + " beyond valueCount");
        }
        // only what the frontend synthesizes (parameters, the lock and handler of a
        // synchronized method) may lack a site: the rest must point at the user's code
        if (!(n instanceof Insn.Param || n instanceof Insn.Const || n instanceof Insn.CatchValue
            || n instanceof Insn.MonitorEnter || n instanceof Insn.MonitorExit
            || n instanceof Insn.ClassInit)) {
          assertTrue(n.site().offset() >= 0 && n.site().line() >= 0,
              "statement without a site: " + n + " in " + ir.displayName());
        }
        assertTrue(!(n instanceof Insn.CatchValue) || b.insns().get(0) == n,
            "catch not first in " + b);
      }
      for (Insn.Phi p : b.phis()) {
        assertTrue(p.out().def() == p, p.out() + " does not point at its phi");
      }
      if (b.isHandler()) {
        assertTrue(b.preds().stream().allMatch(Block.Edge::exceptional),
            b + " catches but is entered by a jump");
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  static IrMethod ir(String name) {
    for (var m : Subjects.class.getDeclaredMethods()) {
      if (m.getName().equals(name)) {
        // IrInterpreter.build verifies: every test starts from valid IR
        return IrInterpreter.build(Subjects.class, name,
            org.objectweb.asm.Type.getMethodDescriptor(m));
      }
    }
    throw new IllegalArgumentException(name);
  }

  static Block block(IrMethod m, Predicate<Block> p, String what) {
    for (Block b : m.blocks()) {
      if (p.test(b)) {
        return b;
      }
    }
    throw new AssertionError("no " + what + " in\n" + IrPrinter.print(m));
  }

  /** The block where two arms meet (of "diamond", say). */
  static Block join(IrMethod m) {
    return block(m, b -> b.preds().size() == 2, "join");
  }

  /** The first block holding an instruction of {@code kind}. */
  static Block blockWith(IrMethod m, Class<? extends Insn> kind, String what) {
    return block(m, b -> b.insns().stream().anyMatch(kind::isInstance), what);
  }

  static int insnIndex(Block b, Predicate<Insn> p, String what) {
    for (int i = 0; i < b.insns().size(); i++) {
      if (p.test(b.insns().get(i))) {
        return i;
      }
    }
    throw new AssertionError("no " + what + " in " + b);
  }

  /** Verifying {@code m} fails with a message containing every fragment. */
  static void rejects(IrMethod m, String... fragments) {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> IrVerifier.verify(m), () -> "the verifier accepted\n" + IrPrinter.print(m));
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), "message lacks `" + f + "`: " + e.getMessage());
    }
  }

  // ---------------------------------------------------------------- hand-broken IR

  @Test
  void phiWithAMissingInput() {
    IrMethod m = ir("loop");
    Block header = block(m, b -> b.preds().size() == 2 && !b.phis().isEmpty(), "loop header");
    Insn.Phi p = header.phis().get(0);
    header.phis().set(0, new Insn.Phi(p.out(), List.of(p.inputs().get(0)), p.site()));
    rejects(m, p.out() + " has 1 inputs for 2 predecessors");
  }

  @Test
  void useBeforeDefinitionInTheSameBlock() {
    IrMethod m = ir("loop");
    Block body = block(m, b -> b.insns().stream().anyMatch(n -> n instanceof Insn.Binary)
        && b.terminator() instanceof dev.kiln.frontend.Terminator.Goto, "loop body");
    // move a statement that uses a constant of this block before that constant
    int c = insnIndex(body, n -> n instanceof Insn.Const, "constant");
    Value cv = body.insns().get(c).out();
    int use = insnIndex(body, n -> n.operands().contains(cv), "use of " + cv);
    assertTrue(use > c);
    Insn moved = body.insns().remove(use);
    body.insns().add(c, moved);
    rejects(m, cv + " used where its definition does not dominate");
  }

  @Test
  void useNotDominatedByItsDefinition() {
    IrMethod m = ir("diamond");
    Block join = join(m);
    Insn.Phi p = join.phis().get(0);
    Value fromOneArm = p.inputs().get(0);
    assertTrue(fromOneArm.def() instanceof Insn.Binary, "arm value " + fromOneArm);
    int i = insnIndex(join, n -> n.operands().contains(p.out()), "use of the phi");
    join.insns().set(i, join.insns().get(i).mapOperands(v -> v == p.out() ? fromOneArm : v));
    rejects(m, fromOneArm + " used where its definition does not dominate");
  }

  @Test
  void phiInputNotReachingItsEdge() {
    IrMethod m = ir("diamond");
    Block join = join(m);
    Insn.Phi p = join.phis().get(0);
    // swap the inputs: each arm's value now flows over the other arm's edge
    join.phis().set(0, new Insn.Phi(p.out(), List.of(p.inputs().get(1), p.inputs().get(0)),
        p.site()));
    rejects(m, "phi input " + p.inputs().get(1) + " does not reach edge from "
        + join.preds().get(0));
  }

  @Test
  void operandOfTheWrongKind() {
    IrMethod m = ir("tryCatch");
    Block b = blockWith(m, Insn.ArrayLoad.class, "array load");
    int i = insnIndex(b, Insn.ArrayLoad.class::isInstance, "array load");
    Insn.ArrayLoad load = (Insn.ArrayLoad) b.insns().get(i);
    // array and index swapped: an int where a reference must be
    b.insns().set(i, new Insn.ArrayLoad(load.out(), load.index(), load.array(), load.opcode(),
        load.site()));
    rejects(m, load.index() + " is INT, expected REF");
  }

  @Test
  void binaryMixingKinds() {
    IrMethod m = ir("widen");
    Block b = blockWith(m, Insn.Binary.class, "addition");
    int i = insnIndex(b, Insn.Binary.class::isInstance, "addition");
    Insn.Binary add = (Insn.Binary) b.insns().get(i);
    assertEquals(Kind.LONG, add.out().kind());
    Value intParam = m.params().get(0);
    b.insns().set(i, new Insn.Binary(add.out(), BinOp.ADD, intParam, add.right(), add.site()));
    rejects(m, intParam + " is INT, expected LONG");
  }

  @Test
  void predecessorsThatDoNotMatchTheEdges() {
    IrMethod m = ir("diamond");
    Block join = join(m);
    Block.Edge dropped = join.preds().remove(1);
    for (int k = 0; k < join.phis().size(); k++) {
      Insn.Phi p = join.phis().get(k);
      join.phis().set(k, new Insn.Phi(p.out(), List.of(p.inputs().get(0)), p.site()));
    }
    rejects(m, "predecessors [" + join.preds().get(0) + "] but edges", dropped.toString());
  }

  @Test
  void valueOfAnotherMethod() {
    IrMethod m = ir("diamond");
    IrMethod other = ir("loop");
    Value foreign = other.params().get(0);
    Block join = join(m);
    Insn.Phi p = join.phis().get(0);
    int i = insnIndex(join, n -> n.operands().contains(p.out()), "use of the phi");
    join.insns().set(i, join.insns().get(i).mapOperands(v -> v == p.out() ? foreign : v));
    rejects(m, foreign + " used but not defined in the method");
  }

  @Test
  void valueDefinedTwice() {
    IrMethod m = ir("diamond");
    Block join = join(m);
    Block arm = join.preds().get(0).from();
    Insn c = arm.insns().get(insnIndex(arm, n -> n instanceof Insn.Const, "constant"));
    join.insns().add(0, c);
    rejects(m, c.out() + " defined twice");
  }

  @Test
  void jumpToABlockOutsideTheMethod() {
    IrMethod m = ir("diamond");
    Block arm = block(m, b -> b.preds().size() == 1 && b.preds().get(0).from().id() != 0
        && b.terminator() instanceof dev.kiln.frontend.Terminator.Goto, "arm");
    List<Block> without = new ArrayList<>(m.blocks());
    Block join = arm.terminator().successors().get(0);
    without.remove(join);
    IrMethod broken = new IrMethod(m.owner(), m.name(), m.desc(), m.isStatic(), m.sourceFile(),
        without, m.params(), m.valueCount());
    rejects(broken, "jumps to " + join + ", which is not in the method");
  }

  @Test
  void returnOfTheWrongKind() {
    IrMethod m = ir("diamond");
    IrMethod broken = new IrMethod(m.owner(), m.name(), "(I)J", m.isStatic(), m.sourceFile(),
        m.blocks(), m.params(), m.valueCount());
    rejects(broken, "return of the wrong kind");
  }

  @Test
  void entryWithPredecessors() {
    IrMethod m = ir("loop");
    List<Block> rotated = new ArrayList<>(m.blocks());
    Block header = block(m, b -> b.preds().size() == 2, "loop header");
    rotated.remove(header);
    rotated.add(0, header);
    IrMethod broken = new IrMethod(m.owner(), m.name(), m.desc(), m.isStatic(), m.sourceFile(),
        rotated, m.params(), m.valueCount());
    rejects(broken, "entry has predecessors");
  }

  @Test
  void uninitializedObjectLeftInTheIr() {
    IrMethod m = ir("diamond");
    Block join = join(m);
    int i = insnIndex(join, n -> n instanceof Insn.Const, "constant");
    Insn c = join.insns().get(i);
    join.insns().set(i, new Insn.New(c.out(), "java/lang/Object", c.site()));
    rejects(m, "uninitialized object left in the IR");
  }

  @Test
  void exceptionalEdgeCarryingAValueFromInsideItsBlock() {
    IrMethod m = ir("twoStores");
    Block handler = block(m, Block::isHandler, "handler");
    assertEquals(2, handler.preds().size(), "two exceptional edges\n" + IrPrinter.print(m));
    Insn.Phi p = handler.phis().get(0);
    // over the second edge, pass the value loaded inside the block the edge leaves: the edge
    // carries the block's entry state, where that load has not happened
    Block from = handler.preds().get(1).from();
    Value inside = from.insns().get(insnIndex(from, n -> n instanceof Insn.ArrayLoad,
        "load")).out();
    List<Value> ins = new ArrayList<>(p.inputs());
    ins.set(1, inside);
    handler.phis().set(0, new Insn.Phi(p.out(), ins, p.site()));
    rejects(m, "phi input " + inside + " does not reach edge from !" + from);
  }

  /**
   * A handler whose only predecessor is an exceptional edge from block B uses a value that B
   * defines <em>after</em> the statement that throws. At run time the value does not exist when
   * the handler runs (the reference interpreter reports exactly that); the verifier's
   * documented rule ("an exceptional edge carries the values live at the start of its source
   * block") forbids it, but its dominator tree treats the exceptional edge as leaving the end
   * of B, so B dominates the handler and the use passes.
   */
  @Test
  void handlerUsingAValueDefinedInsideTheThrowingBlock() throws Throwable {
    IrMethod m = ir("tryCatch");
    Block handler = block(m, Block::isHandler, "handler");
    assertEquals(1, handler.preds().size());
    Block from = handler.preds().get(0).from();
    Insn.ArrayLoad load = (Insn.ArrayLoad) from.insns().get(
        insnIndex(from, n -> n instanceof Insn.ArrayLoad, "load"));
    // the handler stores the loaded value, which the throwing load never produced
    handler.insns().add(1, new Insn.ArrayStore(load.array(), load.index(), load.out(),
        Opcodes.IASTORE, load.site()));

    // the interpreter shows the IR is wrong: a[5] on int[1] throws before v = a[5] exists
    IrInterpreterProbe probe = new IrInterpreterProbe(m);
    IrInterpreter.Failure f = assertThrows(IrInterpreter.Failure.class,
        () -> probe.run(new int[1], 5));
    assertTrue(f.getMessage().contains(load.out() + " read before its definition ran"),
        f.getMessage());

    rejects(m, load.out() + " used where its definition does not dominate");
  }

  /**
   * The verifier promises "operand kinds are those the JVM instruction needs", but checks only
   * the array and index of an array store, not the stored value: a long stored by
   * {@code iastore} passes.
   */
  @Test
  void arrayStoreOfAValueOfTheWrongKind() {
    IrMethod m = ir("twoStores");
    Block b = blockWith(m, Insn.ArrayLoad.class, "load");
    Insn.ArrayLoad load = (Insn.ArrayLoad) b.insns().get(
        insnIndex(b, Insn.ArrayLoad.class::isInstance, "load"));
    // store the array reference itself into the int array
    b.insns().add(b.insns().size(), new Insn.ArrayStore(load.array(), load.index(),
        load.array(), Opcodes.IASTORE, load.site()));
    rejects(m, load.array() + " is REF, expected INT");
  }

  /**
   * javac compiles {@code if (x > 0) {}} to {@code ifle L; L: ...}: both successors of the
   * branch are the same block. The frontend records one predecessor edge for it (its successor
   * lists are de-duplicated), but {@code Terminator.If.successors()} returns the block twice, so
   * the verifier expects two edges and rejects the frontend's own IR ("predecessors [b1] but
   * edges [b1, b1]"). With {@code kiln.verify=true} (as the test suite runs) {@code Kiln.jit}
   * of such a method fails. The IR itself is right: run unverified, it computes the original's
   * result.
   */
  @Test
  void anIfWhoseTwoTargetsAreOneBlock() throws Throwable {
    org.objectweb.asm.tree.ClassNode cn = Frontend.parse(
        IrInterpreter.classBytes(EmptyBranches.class));
    IrMethod m = Frontend.build(cn, Frontend.method(cn, "emptyIf", "(I)I"));
    Block branch = block(m, b -> b.terminator() instanceof dev.kiln.frontend.Terminator.If,
        "the if");
    var t = (dev.kiln.frontend.Terminator.If) branch.terminator();
    assertTrue(t.ifTrue() == t.ifFalse(), "javac's empty if\n" + IrPrinter.print(m));
    assertEquals(5, IrInterpreter.runUnverified(m, EmptyBranches.class, 5));
    assertEquals(-5, IrInterpreter.runUnverified(m, EmptyBranches.class, -5));
    IrVerifier.verify(m);
  }

  @Test
  void unbrokenIrStillPasses() {
    for (String name : List.of("loop", "diamond", "tryCatch", "twoStores", "widen")) {
      IrMethod m = ir(name);
      assertNotNull(IrVerifier.verify(m));
      assertTrue(m.blocks().size() >= 2);
    }
  }

  /** Runs one hand-edited IR in the interpreter (not through the owner's method table). */
  static final class IrInterpreterProbe {
    private final IrMethod ir;

    IrInterpreterProbe(IrMethod ir) {
      this.ir = ir;
    }

    Object run(Object... args) throws Throwable {
      return IrInterpreter.runUnverified(ir, Subjects.class, args);
    }
  }
}
