package dev.kiln.frontend;

/** Binary arithmetic and logic, keyed as Numba keys operators ({@code IADD}, {@code DADD} → "+"). */
public enum BinOp {
  ADD("+"), SUB("-"), MUL("*"), DIV("/"), REM("%"), SHL("<<"), SHR(">>"), USHR(">>>"),
  AND("&"), OR("|"), XOR("^");

  private final String key;

  BinOp(String key) {
    this.key = key;
  }

  /** The operator key templates and lowerings are registered under. */
  public String key() {
    return key;
  }
}
