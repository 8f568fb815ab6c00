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
 * ("A Simple, Fast Dominance Algorithm", 2001) over normal and exceptional edges.
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
          Block d = defined(b, in);
          boolean ok = e.exceptional()
              ? (d == e.from() ? isEntryValue(in) : dominates(d, e.from()))
              : dominates(d, e.from());
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

  private boolean isEntryValue(Value v) {
    return v.def() instanceof Insn.Phi || v.def() instanceof Insn.CatchValue;
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
    if (d == b ? defPos.get(v) >= pos : !dominates(d, b)) {
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

  private void dominators(List<Block> blocks) {
    int n = blocks.size();
    idom = new int[n];
    java.util.Arrays.fill(idom, -1);
    idom[0] = 0;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 1; i < n; i++) {
        int nd = -1;
        for (Block.Edge e : blocks.get(i).preds()) {
          int p = index.get(e.from());
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
    // walks up with a depth-free loop: bounded by the block count
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

  private boolean dominates(Block a, Block b) {
    int ia = index.get(a);
    for (int x = index.get(b); ; x = idom[x]) {
      if (x == ia) {
        return true;
      }
      if (x == 0 || x < 0) {
        return false;
      }
    }
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
    } else if (n instanceof Insn.ArrayStore x) {
      kind(b, x.array(), Kind.REF, n);
      kind(b, x.index(), Kind.INT, n);
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
