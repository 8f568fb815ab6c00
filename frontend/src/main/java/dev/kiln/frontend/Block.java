package dev.kiln.frontend;

import java.util.ArrayList;
import java.util.List;

/**
 * A basic block: phis, then statements, then one {@link Terminator}. Its predecessors are
 * {@link Edge edges}, normal or exceptional, and phi input {@code i} flows in over edge
 * {@code i}. Its {@link #handlers()} are its exceptional successors, in exception-table order.
 *
 * <p>An exceptional edge carries the values live at the <em>start</em> of its source block:
 * the frontend splits blocks in try ranges after every local-variable store, so every
 * instruction in such a block that can throw sees the block's entry state.
 */
public final class Block {
  private final int id;
  final List<Insn.Phi> phis = new ArrayList<>();
  final List<Insn> insns = new ArrayList<>();
  final List<Edge> preds = new ArrayList<>();
  final List<Handler> handlers = new ArrayList<>();
  Terminator terminator;

  Block(int id) {
    this.id = id;
  }

  public int id() {
    return id;
  }

  public List<Insn.Phi> phis() {
    return phis;
  }

  public List<Insn> insns() {
    return insns;
  }

  public Terminator terminator() {
    return terminator;
  }

  public List<Edge> preds() {
    return preds;
  }

  public List<Handler> handlers() {
    return handlers;
  }

  /** Whether the block starts by catching an exception. */
  public boolean isHandler() {
    return !insns.isEmpty() && insns.get(0) instanceof Insn.CatchValue;
  }

  @Override
  public String toString() {
    return "b" + id;
  }

  /** A control-flow edge into a block. */
  public record Edge(Block from, boolean exceptional) {
    @Override
    public String toString() {
      return (exceptional ? "!" : "") + from;
    }
  }

  /**
   * An exceptional successor.
   *
   * @param catchType internal name of the caught class, {@code null} for any ({@code finally})
   * @param target    the handler block
   */
  public record Handler(String catchType, Block target) {}
}
