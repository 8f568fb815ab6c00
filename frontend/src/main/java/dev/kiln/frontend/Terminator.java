package dev.kiln.frontend;

import java.util.List;
import java.util.function.UnaryOperator;

/** How a block ends: its normal successors and the values it reads to choose among them. */
public sealed interface Terminator {
  List<Block> successors();

  List<Value> operands();

  Site site();

  Terminator mapOperands(UnaryOperator<Value> f);

  record Goto(Block target, Site site) implements Terminator {
    public List<Block> successors() {
      return List.of(target);
    }

    public List<Value> operands() {
      return List.of();
    }

    public Terminator mapOperands(UnaryOperator<Value> f) {
      return this;
    }
  }

  /**
   * {@code if (left cond right) goto ifTrue else ifFalse}. {@code right} is {@code null} when
   * the original compared with zero ({@code ifeq}…) or null ({@code ifnull}, {@code ifnonnull}).
   * Operands are {@link Kind#INT} or {@link Kind#REF} (only EQ and NE for references).
   */
  record If(Cond cond, Value left, Value right, Block ifTrue, Block ifFalse, Site site)
      implements Terminator {
    public List<Block> successors() {
      return ifTrue == ifFalse ? List.of(ifTrue) : List.of(ifTrue, ifFalse);
    }

    public List<Value> operands() {
      return right == null ? List.of(left) : List.of(left, right);
    }

    public Terminator mapOperands(UnaryOperator<Value> f) {
      return new If(cond, f.apply(left), right == null ? null : f.apply(right), ifTrue, ifFalse,
          site);
    }
  }

  /** {@code switch (key)}: {@code keys} ascending, {@code targets} parallel to them. */
  record Switch(Value key, List<Integer> keys, List<Block> targets, Block fallback, Site site)
      implements Terminator {
    public List<Block> successors() {
      java.util.ArrayList<Block> r = new java.util.ArrayList<>();
      for (Block b : targets) {
        if (!r.contains(b)) {
          r.add(b);
        }
      }
      if (!r.contains(fallback)) {
        r.add(fallback);
      }
      return r;
    }

    public List<Value> operands() {
      return List.of(key);
    }

    public Terminator mapOperands(UnaryOperator<Value> f) {
      return new Switch(f.apply(key), keys, targets, fallback, site);
    }
  }

  /** Return {@code value}, or nothing when it is {@code null}. */
  record Return(Value value, Site site) implements Terminator {
    public List<Block> successors() {
      return List.of();
    }

    public List<Value> operands() {
      return value == null ? List.of() : List.of(value);
    }

    public Terminator mapOperands(UnaryOperator<Value> f) {
      return value == null ? this : new Return(f.apply(value), site);
    }
  }

  record Throw(Value exception, Site site) implements Terminator {
    public List<Block> successors() {
      return List.of();
    }

    public List<Value> operands() {
      return List.of(exception);
    }

    public Terminator mapOperands(UnaryOperator<Value> f) {
      return new Throw(f.apply(exception), site);
    }
  }
}
