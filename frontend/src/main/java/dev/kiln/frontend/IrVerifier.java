package dev.kiln.frontend;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the invariants every pass relies on, and throws {@link IllegalStateException} naming
 * the first broken one: each phi has one input per predecessor edge; predecessor edges match
 * successors and handlers; every use is dominated by its definition (a phi input by the end of
 * its normal predecessor, or by the start of its exceptional one); operand kinds are those the
 * JVM instruction needs.
 *
 * <p>Dominators are computed with the iterative algorithm of Cooper, Harvey and Kennedy
 * ("A Simple, Fast Dominance Algorithm", 2001) over normal and exceptional edges, each block
 * split into an entry node and a body node so that exceptional edges leave from the entry.
 */
public final class IrVerifier {
  private final IrMethod m;
  private final Map<Block, Integer> index = new IdentityHashMap<>();
  private final Map<Value, Block> defBlock = new IdentityHashMap<>();
  private final Map<Value, Integer> defPos = new IdentityHashMap<>();
  private int[] idom;

  private IrVerifier(IrMethod m) {
    this.m = m;
  }

  /** Verifies {@code m}; returns it for chaining. */
  public static IrMethod verify(IrMethod m) {
    new IrVerifier(m).run();
    return m;
  }

  private IllegalStateException fail(Block b, String what) {
    return new IllegalStateException("IR of " + m.displayName() + " invalid at " + b + ": " + what
        + "\n" + IrPrinter.print(m));
  }

  private void run() {
    List<Block> blocks = m.blocks();
    for (int i = 0; i < blocks.size(); i++) {
      index.put(blocks.get(i), i);
    }
    if (!blocks.get(0).preds().isEmpty()) {
      throw fail(blocks.get(0), "entry has predecessors");
    }
    for (Block b : blocks) {
      int pos = 0;
      for (Insn.Phi p : b.phis()) {
        define(b, p.out(), pos++);
      }
      for (Insn n : b.insns()) {
        if (n.out() != null) {
          define(b, n.out(), pos);
        }
        pos++;
      }
      if (b.terminator() == null) {
        throw fail(b, "no terminator");
      }
    }
    checkEdges(blocks);
    dominators(blocks);
    for (Block b : blocks) {
      for (Insn.Phi p : b.phis()) {
        if (p.inputs().size() != b.preds().size()) {
          throw fail(b, p.out() + " has " + p.inputs().size() + " inputs for "
              + b.preds().size() + " predecessors");
        }
        for (int i = 0; i < p.inputs().size(); i++) {
          Value in = p.inputs().get(i);
          Block.Edge e = b.preds().get(i);
          kind(b, in, p.out().kind(), p);
          defined(b, in);
          int from = index.get(e.from());
          boolean ok = nodeDominates(defNode(in), e.exceptional() ? 2 * from : 2 * from + 1);
          if (!ok) {
            throw fail(b, "phi input " + in + " does not reach edge from " + e);
          }
        }
      }
      int pos = b.phis().size();
      for (Insn n : b.insns()) {
        for (Value v : n.operands()) {
          use(b, v, pos);
        }
        kinds(b, n);
        pos++;
      }
      for (Value v : b.terminator().operands()) {
        use(b, v, Integer.MAX_VALUE);
      }
      terminatorKinds(b);
    }
  }

  private void define(Block b, Value v, int pos) {
    if (defBlock.put(v, b) != null) {
      throw fail(b, v + " defined twice");
    }
    defPos.put(v, pos);
  }

  private Block defined(Block b, Value v) {
    Block d = defBlock.get(v);
    if (d == null) {
      throw fail(b, v + " used but not defined in the method");
    }
    return d;
  }

  private void use(Block b, Value v, int pos) {
    Block d = defined(b, v);
    if (d == b ? defPos.get(v) >= pos : !nodeDominates(defNode(v), 2 * index.get(b) + 1)) {
      throw fail(b, v + " used where its definition does not dominate");
    }
  }

  private void checkEdges(List<Block> blocks) {
    Map<Block, List<Block.Edge>> expected = new IdentityHashMap<>();
    for (Block b : blocks) {
      expected.put(b, new ArrayList<>());
    }
    for (Block b : blocks) {
      for (Block s : b.terminator().successors()) {
        if (!expected.containsKey(s)) {
          throw fail(b, "jumps to " + s + ", which is not in the method");
        }
        expected.get(s).add(new Block.Edge(b, false));
      }
      List<Block> seen = new ArrayList<>();
      for (Block.Handler h : b.handlers()) {
        if (!seen.contains(h.target())) {
          seen.add(h.target());
          expected.get(h.target()).add(new Block.Edge(b, true));
        }
      }
    }
    for (Block b : blocks) {
      List<Block.Edge> want = expected.get(b);
      if (want.size() != b.preds().size() || !b.preds().containsAll(want)) {
        throw fail(b, "predecessors " + b.preds() + " but edges " + want);
      }
    }
  }

  /*
   * Each block is two nodes: its entry (2i: phis and the caught exception) and its body
   * (2i + 1: statements). A normal edge leaves the source's body; an exceptional edge leaves
   * the source's entry, since it carries only the values live when the block began.
   */
  private void dominators(List<Block> blocks) {
    int n = blocks.size() * 2;
    List<List<Integer>> preds = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      preds.add(new ArrayList<>());
    }
    for (int i = 0; i < blocks.size(); i++) {
      preds.get(2 * i + 1).add(2 * i);
      for (Block.Edge e : blocks.get(i).preds()) {
        int p = index.get(e.from());
        preds.get(2 * i).add(e.exceptional() ? 2 * p : 2 * p + 1);
      }
    }
    idom = new int[n];
    java.util.Arrays.fill(idom, -1);
    idom[0] = 0;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 1; i < n; i++) {
        int nd = -1;
        for (int p : preds.get(i)) {
          if (idom[p] < 0) {
            continue;
          }
          nd = nd < 0 ? p : intersect(p, nd);
        }
        if (nd != idom[i]) {
          idom[i] = nd;
          changed = true;
        }
      }
    }
  }

  private int intersect(int a, int b) {
    BitSet up = new BitSet();
    for (int x = a; ; x = idom[x]) {
      up.set(x);
      if (x == 0) {
        break;
      }
    }
    for (int y = b; ; y = idom[y]) {
      if (up.get(y)) {
        return y;
      }
      if (y == 0) {
        return 0;
      }
    }
  }

  /** Whether node {@code a} dominates node {@code b}. */
  private boolean nodeDominates(int a, int b) {
    for (int x = b; ; x = idom[x]) {
      if (x == a) {
        return true;
      }
      if (x <= 0) {
        return a == 0 && x == 0;
      }
    }
  }

  /** The node a value is defined at: its block's entry for phis and caught exceptions. */
  private int defNode(Value v) {
    int i = index.get(defBlock.get(v));
    return v.def() instanceof Insn.Phi || v.def() instanceof Insn.CatchValue ? 2 * i : 2 * i + 1;
  }

  private void kind(Block b, Value v, Kind k, Object where) {
    if (v.kind() != k) {
      throw fail(b, where + ": " + v + " is " + v.kind() + ", expected " + k);
    }
  }

  private void kinds(Block b, Insn n) {
    if (n instanceof Insn.Binary x) {
      kind(b, x.left(), x.out().kind(), n);
      boolean shift = x.op() == BinOp.SHL || x.op() == BinOp.SHR || x.op() == BinOp.USHR;
      kind(b, x.right(), shift ? Kind.INT : x.out().kind(), n);
    } else if (n instanceof Insn.Neg x) {
      kind(b, x.operand(), x.out().kind(), n);
    } else if (n instanceof Insn.Convert x) {
      kind(b, x.operand(), x.conv().from(), n);
    } else if (n instanceof Insn.Compare x) {
      kind(b, x.left(), x.op().operandKind(), n);
      kind(b, x.right(), x.op().operandKind(), n);
    } else if (n instanceof Insn.ArrayLoad x) {
      kind(b, x.array(), Kind.REF, n);
      kind(b, x.index(), Kind.INT, n);
      kind(b, x.out(), elementKind(x.opcode() - org.objectweb.asm.Opcodes.IALOAD), n);
    } else if (n instanceof Insn.ArrayStore x) {
      kind(b, x.array(), Kind.REF, n);
      kind(b, x.index(), Kind.INT, n);
      kind(b, x.value(), elementKind(x.opcode() - org.objectweb.asm.Opcodes.IASTORE), n);
    } else if (n instanceof Insn.ArrayLength x) {
      kind(b, x.array(), Kind.REF, n);
    } else if (n instanceof Insn.NewArray x) {
      for (Value d : x.dims()) {
        kind(b, d, Kind.INT, n);
      }
    } else if (n instanceof Insn.New) {
      throw fail(b, "uninitialized object left in the IR: " + n);
    }
  }

  /** The value kind of {@code xALOAD}/{@code xASTORE} by its distance from the int form. */
  private static Kind elementKind(int delta) {
    return switch (delta) {
      case 1 -> Kind.LONG;
      case 2 -> Kind.FLOAT;
      case 3 -> Kind.DOUBLE;
      case 4 -> Kind.REF;
      default -> Kind.INT;
    };
  }

  private void terminatorKinds(Block b) {
    Terminator t = b.terminator();
    if (t instanceof Terminator.If i) {
      if (i.right() != null && i.right().kind() != i.left().kind()) {
        throw fail(b, "comparing " + i.left().kind() + " with " + i.right().kind());
      }
      if (i.left().kind() != Kind.INT && i.left().kind() != Kind.REF) {
        throw fail(b, "branch on " + i.left().kind());
      }
    } else if (t instanceof Terminator.Switch s) {
      kind(b, s.key(), Kind.INT, t);
    } else if (t instanceof Terminator.Return r) {
      Kind want = Kind.of(m.returnType());
      if ((r.value() == null) != (want == null) || (want != null && r.value().kind() != want)) {
        throw fail(b, "return of the wrong kind");
      }
    } else if (t instanceof Terminator.Throw x) {
      kind(b, x.exception(), Kind.REF, t);
    }
  }

}
