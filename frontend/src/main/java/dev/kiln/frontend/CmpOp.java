package dev.kiln.frontend;

/**
 * Three-way comparisons giving -1, 0 or 1. The float forms differ only on NaN: {@code cmpl}
 * gives -1, {@code cmpg} gives 1, which is how javac makes every comparison with NaN false.
 */
public enum CmpOp {
  LCMP("cmp", Kind.LONG), FCMPL("cmpl", Kind.FLOAT), FCMPG("cmpg", Kind.FLOAT),
  DCMPL("cmpl", Kind.DOUBLE), DCMPG("cmpg", Kind.DOUBLE);

  private final String key;
  private final Kind operandKind;

  CmpOp(String key, Kind operandKind) {
    this.key = key;
    this.operandKind = operandKind;
  }

  public String key() {
    return key;
  }

  public Kind operandKind() {
    return operandKind;
  }
}
