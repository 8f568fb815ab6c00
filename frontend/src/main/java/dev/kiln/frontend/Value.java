package dev.kiln.frontend;

/**
 * An SSA value: defined once, by the statement that {@link #def() defines} it. Identity is the
 * value; {@link #id()} is for printing and is unique within a method.
 */
public final class Value {
  private final int id;
  private final Kind kind;
  private Insn def;
  private Value forward;

  Value(int id, Kind kind) {
    this.id = id;
    this.kind = kind;
  }

  public int id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  /** The statement (or phi) that defines this value. */
  public Insn def() {
    return def;
  }

  void setDef(Insn def) {
    this.def = def;
  }

  /** During construction: this value was a trivial phi and now stands for another. */
  void forwardTo(Value v) {
    this.forward = v;
  }

  Value resolve() {
    Value v = this;
    while (v.forward != null) {
      v = v.forward;
    }
    return v;
  }

  @Override
  public String toString() {
    return "v" + id;
  }
}
